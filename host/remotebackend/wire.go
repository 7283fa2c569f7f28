package remotebackend

import (
	"net"
	"sync"
)

// wire is the connection's socket as go-libvirt reads and writes it. Abort
// closes it: every call waiting on the daemon returns at once.
type wire struct {
	net.Conn
	once    sync.Once
	aborted chan struct{}
}

func newWire(c net.Conn, readOnly bool) *wire {
	return &wire{Conn: c, aborted: make(chan struct{})}
}

// Abort closes the socket.
func (w *wire) Abort() {
	w.once.Do(func() {
		close(w.aborted)
		w.Conn.Close()
	})
}

// errorDetail returns the domain and level of the error the daemon sent
// with code and message, when the wire saw it.
func (w *wire) errorDetail(code int, message string) (domain, level int, ok bool) {
	return 0, 0, false
}
