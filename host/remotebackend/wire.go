package remotebackend

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// wire is the connection's socket as go-libvirt reads and writes it. It
// reads libvirt's packet framing in both directions, which lets it do
// what go-libvirt does not:
//
//   - refuse a packet longer than libvirt's own limit, which go-libvirt
//     would allocate whatever its length says;
//   - fail a call whose arguments pass libvirt's bounds as libvirt's
//     client fails it, keeping the connection (see Write, replyError);
//   - keep the domain and level of the daemon's errors (go-libvirt keeps
//     only code and message), for errorDetail, and keep go-libvirt from
//     taking an error that mentions "unknown procedure" for a missing
//     procedure;
//   - hand event messages to onMessage (the events of every class, where
//     go-libvirt routes only some domain events);
//   - open the connection read-only when asked (go-libvirt always asks for
//     read-write), so that the daemon enforces it too;
//   - run libvirt's keepalive protocol, so that a daemon that stopped
//     answering is noticed and the connection closed;
//   - end every call in flight at once: Abort closes the socket.
//
// Outgoing packets are written whole, under one lock, so that a keepalive
// PING never lands inside one.
type wire struct {
	conn     net.Conn
	readOnly bool

	// onMessage, when set, is offered each message (event) of the remote
	// program first; true means it consumed it.
	onMessage func(program, procedure uint32, payload []byte) bool

	pending []byte // what go-libvirt has not read yet of the current packet

	wmu sync.Mutex
	out []byte // an outgoing packet, until it is whole
	// daemonPings counts the daemon's PINGs the wire answered.
	daemonPings atomic.Int64
	// sending is set while a keepalive message waits for its turn to be
	// written (see sendLater).
	sending atomic.Bool

	lastRecv atomic.Int64 // unix nanoseconds of the last bytes from the daemon

	// skip is what is left to drop of an outgoing packet too long to send
	// (see Write).
	skip int

	emu    sync.Mutex
	errors map[errorKey]errorDetail
	// refused are the serials of the calls sent without their arguments,
	// which were too long (see Write).
	refused map[uint32]bool

	// opened is set once go-libvirt's open returned (see abort).
	opened atomic.Bool

	once    sync.Once
	aborted chan struct{}
	reason  error // why the wire was aborted; set before aborted closes
}

type errorKey struct {
	code    int
	message string
}

type errorDetail struct{ domain, level int }

// The protocol's numbers (libvirt's virnetprotocol.x, remote_protocol.x,
// virkeepaliveprotocol.x).
const (
	headerLen = 28 // length word + program, version, procedure, type, serial, status

	remoteProgram    = 0x20008086
	keepaliveProgram = 0x6b656570
	keepaliveVersion = 1
	keepalivePing    = 1
	keepalivePong    = 2

	typeCall    = 0
	typeReply   = 1
	typeMessage = 2
	typeStream  = 3

	statusError = 1

	procConnectOpen = 1
	connectRO       = 1 // VIR_CONNECT_RO

	// maxPacket is the longest packet libvirt sends and takes: its
	// length word and VIR_NET_MESSAGE_MAX bytes (virNetMessageDecodeLength).
	maxPacket = 4 + 32*1024*1024

	// maxErrors bounds the errors remembered for errorDetail.
	maxErrors = 256
)

// Keepalive, as libvirt's client runs it by default: a PING after
// keepaliveInterval without a packet from the daemon, and the connection
// closed after keepaliveCount unanswered intervals. Variables for tests.
var (
	keepaliveInterval = 5 * time.Second
	keepaliveCount    = 5
)

var (
	errKeepalive = errors.New("connection closed due to keepalive timeout")
	errAborted   = errors.New("the call was ended: its connection to the daemon was closed")
	errTooLong   = errors.New("packet longer than libvirt allows")
)

// newWire wraps c and starts its keepalive.
func newWire(c net.Conn, readOnly bool) *wire {
	w := &wire{conn: c, readOnly: readOnly, aborted: make(chan struct{}), errors: map[errorKey]errorDetail{},
		refused: map[uint32]bool{}}
	w.lastRecv.Store(time.Now().UnixNano())
	go w.keepalive(keepaliveInterval, keepaliveCount)
	return w
}

// Read hands go-libvirt the daemon's packets, except those the wire takes:
// keepalive messages, and the events onMessage consumes.
func (w *wire) Read(p []byte) (int, error) {
	for len(w.pending) == 0 {
		pkt, err := w.readPacket()
		if err != nil {
			return 0, err
		}
		program := binary.BigEndian.Uint32(pkt[4:])
		procedure := binary.BigEndian.Uint32(pkt[12:])
		typ := binary.BigEndian.Uint32(pkt[16:])
		status := binary.BigEndian.Uint32(pkt[24:])
		switch {
		case program == keepaliveProgram:
			if procedure == keepalivePing {
				w.daemonPings.Add(1)
				w.sendLater(keepalivePong)
			}
			continue
		case program == remoteProgram && typ == typeMessage && w.onMessage != nil && w.onMessage(program, procedure, pkt[headerLen:]):
			continue
		case status == statusError && (typ == typeReply || typ == typeStream) && program == remoteProgram:
			if e, ok := decodeRemoteError(pkt[headerLen:]); ok {
				pkt = framed(pkt[:headerLen], w.replyError(binary.BigEndian.Uint32(pkt[20:]), e).encode())
			}
		}
		w.pending = pkt
	}
	n := copy(p, w.pending)
	w.pending = w.pending[n:]
	return n, nil
}

// packetLengthError is libvirt's client's error for a packet whose
// length it refuses, which ends the connection.
type packetLengthError uint32

func (n packetLengthError) Error() string {
	switch {
	case n < 4:
		return fmt.Sprintf("packet %d bytes received from server too small, want 4", uint32(n))
	case n < headerLen:
		return "Unable to decode message header"
	}
	return fmt.Sprintf("packet %d bytes received from server too large, want %d", uint32(n)-4, maxPacket-4)
}

// readPacket reads one whole packet, length word included.
func (w *wire) readPacket() ([]byte, error) {
	var lenBuf [4]byte
	if _, err := io.ReadFull(w.conn, lenBuf[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(lenBuf[:])
	if n < headerLen || n > maxPacket {
		err := packetLengthError(n)
		w.abort(err)
		return nil, err
	}
	pkt := make([]byte, n)
	copy(pkt, lenBuf[:])
	// Any bytes arriving show a daemon that answers: a long packet on a
	// slow link must not look like silence to the keepalive.
	for got := 4; got < len(pkt); {
		k, err := w.conn.Read(pkt[got:])
		got += k
		if k > 0 {
			w.lastRecv.Store(time.Now().UnixNano())
		}
		if err != nil && got < len(pkt) {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
	w.lastRecv.Store(time.Now().UnixNano())
	return pkt, nil
}

// errorDetail returns the domain and level of the error the daemon sent
// with code and message, when the wire saw it.
func (w *wire) errorDetail(code int, message string) (domain, level int, ok bool) {
	w.emu.Lock()
	defer w.emu.Unlock()
	d, ok := w.errors[errorKey{code, message}]
	return d.domain, d.level, ok
}

// framed is header with payload after it, its length word set.
func framed(header, payload []byte) []byte {
	pkt := make([]byte, 0, len(header)+len(payload))
	pkt = append(append(pkt, header...), payload...)
	binary.BigEndian.PutUint32(pkt, uint32(len(pkt)))
	return pkt
}

// Write takes go-libvirt's outgoing bytes and writes each packet whole,
// once it has all of it: the call that opens the connection asks for
// read-only access when the wire is read-only. A call longer than libvirt
// allows is sent without its arguments, which the daemon refuses, and its
// error reply becomes libvirt's client's (see replyError): the call fails
// as libvirt fails it, and the connection goes on.
func (w *wire) Write(p []byte) (int, error) {
	w.wmu.Lock()
	defer w.wmu.Unlock()
	written := len(p)
	if w.skip > 0 {
		k := min(w.skip, len(p))
		w.skip -= k
		p = p[k:]
	}
	w.out = append(w.out, p...)
	for len(w.out) >= 4 {
		n := int(binary.BigEndian.Uint32(w.out))
		if n < headerLen {
			return 0, errTooLong
		}
		if n > maxPacket {
			if len(w.out) < headerLen {
				break
			}
			if binary.BigEndian.Uint32(w.out[4:]) != remoteProgram || binary.BigEndian.Uint32(w.out[16:]) != typeCall {
				return 0, errTooLong
			}
			w.emu.Lock()
			w.refused[binary.BigEndian.Uint32(w.out[20:])] = true
			w.emu.Unlock()
			if _, err := w.conn.Write(framed(w.out[:headerLen], nil)); err != nil {
				return 0, err
			}
			k := min(n, len(w.out))
			w.out, w.skip = w.out[k:], n-k
			continue
		}
		if len(w.out) < n {
			break
		}
		pkt := w.out[:n]
		if w.readOnly && binary.BigEndian.Uint32(pkt[4:]) == remoteProgram &&
			binary.BigEndian.Uint32(pkt[12:]) == procConnectOpen && binary.BigEndian.Uint32(pkt[16:]) == typeCall {
			flags := binary.BigEndian.Uint32(pkt[n-4:])
			binary.BigEndian.PutUint32(pkt[n-4:], flags|connectRO)
		}
		if _, err := w.conn.Write(pkt); err != nil {
			return 0, err
		}
		w.out = w.out[n:]
	}
	if len(w.out) == 0 {
		w.out = nil
	}
	return written, nil
}

// sendLater writes a keepalive message on its own goroutine, so that
// neither the reader nor the keepalive's clock waits behind a packet whose
// write is stuck on a daemon that stopped reading: the clock must still
// run out and abort. One message at a time is enough: while one waits,
// the daemon is not reading anyway.
func (w *wire) sendLater(procedure uint32) {
	if !w.sending.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer w.sending.Store(false)
		w.send(procedure)
	}()
}

// send writes a keepalive message, between whole packets.
func (w *wire) send(procedure uint32) {
	var pkt [headerLen]byte
	binary.BigEndian.PutUint32(pkt[0:], headerLen)
	binary.BigEndian.PutUint32(pkt[4:], keepaliveProgram)
	binary.BigEndian.PutUint32(pkt[8:], keepaliveVersion)
	binary.BigEndian.PutUint32(pkt[12:], procedure)
	binary.BigEndian.PutUint32(pkt[16:], typeMessage)
	w.wmu.Lock()
	defer w.wmu.Unlock()
	_, _ = w.conn.Write(pkt[:])
}

// keepalive PINGs a daemon that has sent nothing for an interval, and
// aborts the connection when nothing came for keepaliveCount of them.
// libvirt's client counts whole packets; the wire counts bytes, so that a
// long reply on a slow link is not taken for silence.
func (w *wire) keepalive(interval time.Duration, count int) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-w.aborted:
			return
		case <-t.C:
		}
		quiet := time.Since(time.Unix(0, w.lastRecv.Load()))
		switch {
		case quiet >= interval*time.Duration(count):
			w.abort(errKeepalive)
			return
		case quiet >= interval:
			w.sendLater(keepalivePing)
		}
	}
}

// Abort closes the socket: every call waiting on the daemon returns.
func (w *wire) Abort() { w.abort(errAborted) }

func (w *wire) abort(reason error) {
	// go-libvirt's open starts a goroutine that waits for the socket to
	// close, then writes a field that goroutine reads, without a lock.
	// Reading opened, which open stores after that write, orders it
	// before the close below when the keepalive's goroutine aborts.
	w.opened.Load()
	w.once.Do(func() {
		w.reason = reason
		close(w.aborted)
		w.conn.Close()
	})
}

// Close closes the socket, as go-libvirt's disconnect asks.
func (w *wire) Close() error {
	w.abort(errAborted)
	return nil
}

// The rest of net.Conn, for go-libvirt.
func (w *wire) LocalAddr() net.Addr                { return w.conn.LocalAddr() }
func (w *wire) RemoteAddr() net.Addr               { return w.conn.RemoteAddr() }
func (w *wire) SetDeadline(t time.Time) error      { return w.conn.SetDeadline(t) }
func (w *wire) SetReadDeadline(t time.Time) error  { return w.conn.SetReadDeadline(t) }
func (w *wire) SetWriteDeadline(t time.Time) error { return w.conn.SetWriteDeadline(t) }
