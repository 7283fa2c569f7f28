package host

// ConnObjects are a connection's functions for snapshots, checkpoints,
// interfaces, node devices, secrets and network filters.
type ConnObjects interface{}

// DomainObjects are a domain's snapshot and checkpoint functions.
type DomainObjects interface{}
