package remotebackend

import (
	"encoding/binary"
	"strings"

	"github.com/vertscript/vertscript/host/driver"
)

// remoteError is the payload of an error reply, libvirt's remote_error:
// code, domain, message (a remote_string), level, then dom, str1..3,
// int1, int2 and net, which the wire keeps as they came (rest).
type remoteError struct {
	code, domain int
	message      string
	hasMessage   bool // the message is not NULL
	level        int
	rest         []byte
}

// decodeRemoteError reads payload as a remote_error; ok is false when it
// is not one.
func decodeRemoteError(payload []byte) (e remoteError, ok bool) {
	r := xdrReader{b: payload}
	e.code, e.domain = int(r.int()), int(r.int())
	e.hasMessage = r.u32() == 1
	if e.hasMessage {
		e.message = r.str()
	}
	e.level = int(r.int())
	if r.err != nil {
		return remoteError{}, false
	}
	e.rest = r.b
	return e, true
}

// encode writes e as a remote_error.
func (e remoteError) encode() []byte {
	b := make([]byte, 0, 24+len(e.message)+len(e.rest))
	b = binary.BigEndian.AppendUint32(b, uint32(int32(e.code)))
	b = binary.BigEndian.AppendUint32(b, uint32(int32(e.domain)))
	if e.hasMessage {
		b = binary.BigEndian.AppendUint32(b, 1)
		b = binary.BigEndian.AppendUint32(b, uint32(len(e.message)))
		b = append(b, e.message...)
		b = append(b, make([]byte, (4-len(e.message)%4)%4)...)
	} else {
		b = binary.BigEndian.AppendUint32(b, 0)
	}
	b = binary.BigEndian.AppendUint32(b, uint32(int32(e.level)))
	if e.rest == nil {
		// dom, str1, str2, str3 (NULL), int1, int2, net (NULL)
		return append(b, make([]byte, 7*4)...)
	}
	return append(b, e.rest...)
}

// What libvirt's client says of arguments it cannot encode (a string
// longer than REMOTE_STRING_MAX, an array past its bound, a call longer
// than VIR_NET_MESSAGE_MAX), and what the daemon says of the same
// arguments when it is sent them.
const (
	msgCannotEncode = "Unable to encode message payload"
	msgCannotDecode = "Unable to decode message payload"
)

// cannotEncode is libvirt's client's error for a call it cannot encode.
var cannotEncode = remoteError{code: driver.ErrRPC, domain: driver.FromRPC, message: msgCannotEncode,
	hasMessage: true, level: driver.ErrError}

// replyError is what the wire hands go-libvirt for the daemon's error
// reply e to the call numbered serial, and notes e's domain and level for
// errorDetail:
//
//   - a message that says "unknown procedure" without being the daemon's
//     error for one is disguised (see disguised), since go-libvirt takes
//     any message saying so for a procedure the daemon lacks: a lookup
//     of a network named "unknown procedure" would fail as unsupported;
//   - a call the wire did not send whole, being too long (see Write), and
//     arguments the daemon could not decode, fail as libvirt's client
//     fails them, before sending: go-libvirt encodes past the protocol's
//     bounds where libvirt's client refuses to.
func (w *wire) replyError(serial uint32, e remoteError) remoteError {
	w.emu.Lock()
	defer w.emu.Unlock()
	refused := w.refused[serial]
	delete(w.refused, serial)
	if refused || (e.code == driver.ErrRPC && e.domain == driver.FromRPC && e.message == msgCannotDecode) {
		e = cannotEncode
	}
	if len(w.errors) >= maxErrors {
		clear(w.errors)
	}
	w.errors[errorKey{e.code, e.message}] = errorDetail{e.domain, e.level}
	if strings.Contains(e.message, unknownProcedure) &&
		!(e.code == driver.ErrRPC && e.domain == driver.FromRPC && strings.HasPrefix(e.message, unknownProcedure+": ")) {
		e.message = strings.ReplaceAll(e.message, unknownProcedure, disguised)
	}
	return e
}

// unknownProcedure begins the daemon's error for a procedure it does not
// know; disguised is what the wire writes instead in other messages, and
// conv reads back. No message holds it: libvirt's messages are C strings.
const (
	unknownProcedure = "unknown procedure"
	disguised        = "unknown\x00procedure"
)
