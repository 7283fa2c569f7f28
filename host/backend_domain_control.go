package host

// DomainControl are a domain's control functions (see domainControlOps).
type DomainControl interface{}
