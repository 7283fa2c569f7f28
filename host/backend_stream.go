package host

// ConnStreams are a connection's stream functions.
type ConnStreams interface{}

// DomainStreams are a domain's functions that use a stream.
type DomainStreams interface{}

// VolStreams are a storage volume's functions that use a stream.
type VolStreams interface{}
