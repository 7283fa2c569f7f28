package remotebackend

import (
	"encoding/binary"
	"errors"
	"math"

	libvirt "github.com/digitalocean/go-libvirt"
)

// errShortMessage is a message that ends before what it should hold.
var errShortMessage = errors.New("malformed event message")

// xdrReader reads the XDR (RFC 4506) of an event message. Past the first
// failure every read returns a zero value and err stays set, so a
// decoder reads a whole message and checks err once; nothing it reads
// can make it allocate more than the message's length.
type xdrReader struct {
	b   []byte
	err error
}

// fail marks the message malformed.
func (r *xdrReader) fail() {
	r.err = errShortMessage
	r.b = nil
}

// take returns the next n bytes.
func (r *xdrReader) take(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.fail()
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *xdrReader) u32() uint32 {
	b := r.take(4)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}

func (r *xdrReader) u64() uint64 {
	b := r.take(8)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// int reads an XDR int as the core's integer.
func (r *xdrReader) int() int64 { return int64(int32(r.u32())) }

// i64 reads an XDR hyper.
func (r *xdrReader) i64() int64 { return int64(r.u64()) }

// f64 reads an XDR double.
func (r *xdrReader) f64() float64 { return math.Float64frombits(r.u64()) }

// str reads a string: its length, its bytes, padding to 4 bytes.
func (r *xdrReader) str() string {
	n := r.u32()
	if uint64(n) > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.take(int(n)))
	r.take((4 - int(n)%4) % 4)
	return s
}

// optStr reads an optional string (libvirt's remote_string), "" for NULL.
func (r *xdrReader) optStr() string {
	switch r.u32() {
	case 0:
		return ""
	case 1:
		return r.str()
	}
	r.fail()
	return ""
}

// uuid reads a raw UUID (fixed opaque of 16 bytes).
func (r *xdrReader) uuid() libvirt.UUID {
	var u libvirt.UUID
	copy(u[:], r.take(uuidLen))
	return u
}

// count reads the length of an array whose elements take least bytes at
// least, refusing one longer than the rest of the message could hold.
func (r *xdrReader) count(least int) int {
	n := r.u32()
	if uint64(n)*uint64(least) > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(n)
}
