package remotebackend

import (
	"encoding/binary"
	"io"
	"net"
	"sync"
)

// wire is the connection's socket as go-libvirt reads and writes it. Abort
// closes it: every call waiting on the daemon returns at once.
//
// TEMPORARY (events branch): Read parses the daemon's packets and offers
// each to onMessage, which may consume it; go-libvirt reads the others.
// The wire's rewrite replaces this with its own read loop.
type wire struct {
	net.Conn
	once    sync.Once
	aborted chan struct{}

	onMessage func(program, procedure uint32, payload []byte) bool
	pending   []byte // the rest of a packet go-libvirt has not read yet
}

func newWire(c net.Conn, readOnly bool) *wire {
	return &wire{Conn: c, aborted: make(chan struct{})}
}

// maxPacket is libvirt's VIR_NET_MESSAGE_MAX plus its header.
const maxPacket = 32*1024*1024 + 4

// Read hands go-libvirt the packets onMessage does not consume.
func (w *wire) Read(p []byte) (int, error) {
	for len(w.pending) == 0 {
		var lenBuf [4]byte
		if _, err := io.ReadFull(w.Conn, lenBuf[:]); err != nil {
			return 0, err
		}
		n := binary.BigEndian.Uint32(lenBuf[:])
		if n < 28 || n > maxPacket {
			return 0, io.ErrUnexpectedEOF
		}
		pkt := make([]byte, n)
		copy(pkt, lenBuf[:])
		if _, err := io.ReadFull(w.Conn, pkt[4:]); err != nil {
			return 0, err
		}
		program := binary.BigEndian.Uint32(pkt[4:])
		procedure := binary.BigEndian.Uint32(pkt[12:])
		if w.onMessage != nil && w.onMessage(program, procedure, pkt[28:]) {
			continue
		}
		w.pending = pkt
	}
	n := copy(p, w.pending)
	w.pending = w.pending[n:]
	return n, nil
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
