package host

// ConnHost are a connection's host, CPU and domain-definition functions
// (see hostOps).
type ConnHost interface{}
