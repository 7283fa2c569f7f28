package host

// DomainStats are a domain's statistics and tunables (see domainStatsOps).
type DomainStats interface{}
