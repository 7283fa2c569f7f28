package driver

import "context"

// Aborter is what a connection offers when it can end calls in flight: a
// pure-Go backend closes its socket, and every call waiting on it returns
// at once with an error. The core aborts a connection when a call on it
// outlives the call timeout or the run is cancelled; the connection is
// unusable afterwards. A backend whose calls cannot be interrupted (a
// blocked C call) does not implement it, and the core abandons the call
// instead.
type Aborter interface {
	Abort()
}

// ContextOpener is what a backend offers when it can end an open in
// flight: ConnectOpenContext returns as soon as ctx is done, the
// connection half made closed. The core cancels ctx when the open
// outlives the call timeout.
type ContextOpener interface {
	ConnectOpenContext(ctx context.Context, uri string, readOnly bool) (Conn, error)
}

// Identifier is implemented by a backend domain that read its identity in
// the call that returned it: the cgo backend's lookups read the UUID and
// the name in the same crossing into libvirt, the remote backend's come
// with the lookup's reply. The core identifies the objects scripts hold by
// it (a repeated lookup returns the same object) without another call;
// when ok is false it calls GetUUID and GetName.
type Identifier interface {
	Identity() (uuid [16]byte, name string, ok bool)
}
