package host

// domainStatsOps are virDomain's statistics and tunables: CPU, memory, block, interface, job and typed-parameter getters and setters, and virConnect's getAllDomainStats and domainListGetStats.
var domainStatsOps = []*Op{}
