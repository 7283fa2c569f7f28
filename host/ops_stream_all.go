package host

import (
	"fmt"

	"github.com/vertscript/vertscript/host/driver"
)

// recvAll, sendAll, sparseRecvAll and sparseSendAll are libvirt-python's
// loops (libvirt.py, class virStream), step for step: the same buffer size,
// the same calls of the script's handlers with the same arguments, the same
// checks of what they return, the same aborts on failure.

// streamBufSize is libvirt-python's virStorageVol.streamBufSize: the size
// of the reads recvAll makes and what sendAll asks its handler for.
const streamBufSize = 262120

// Error codes and domains of the loops' own errors, with libvirt's values.
const (
	errOperationInvalid = driver.ErrOperationInvalid
	fromStreams         = driver.FromStreams
)

// recvStopAtHole is VIR_STREAM_RECV_STOP_AT_HOLE.
const recvStopAtHole = 1

func recvAll(c *Call) (Value, error) {
	handler, opaque := c.args[0].(Callable), c.args[1]
	st := c.stream()
	buf := make([]byte, streamBufSize)
	for {
		n, err := st.Recv(buf)
		if err != nil {
			return nil, err
		}
		if n == StreamWouldBlock {
			return nil, nonblocking("recvAll")
		}
		if n <= 0 {
			return nil, nil
		}
		ret, err := c.callBack(handler, c.recv, Bytes(buf[:n]), opaque)
		if err == nil {
			err = c.handlerFailed("recvAll handler", ret)
		}
		if err != nil {
			return nil, c.abortOn(err)
		}
	}
}

func sendAll(c *Call) (Value, error) {
	handler, opaque := c.args[0].(Callable), c.args[1]
	st := c.stream()
	for {
		got, err := c.callBack(handler, c.recv, int64(streamBufSize), opaque)
		if err != nil {
			return nil, c.abortOn(err)
		}
		if end, err := c.sendData(st, "sendAll", got); end || err != nil {
			return nil, err
		}
	}
}

func sparseRecvAll(c *Call) (Value, error) {
	handler, holeHandler, opaque := c.args[0].(Callable), c.args[1].(Callable), c.args[2]
	st := c.stream()
	buf := make([]byte, streamBufSize)
	for {
		n, err := st.RecvFlags(buf, recvStopAtHole)
		if err != nil {
			return nil, err
		}
		switch {
		case n == StreamWouldBlock:
			return nil, nonblocking("sparseRecvAll")
		case n == StreamHole:
			length, err := st.RecvHole(0)
			if err != nil {
				return nil, err
			}
			ret, err := c.callBack(holeHandler, c.recv, length, opaque)
			if err != nil {
				return nil, err
			}
			if err := c.handlerFailed("holeHandler handler", ret); err != nil {
				return nil, c.abortOn(err)
			}
			continue
		case n < 0:
			return nil, fmt.Errorf("%s: virStreamRecvFlags returned %d", c.op.QualName(), n)
		case n == 0:
			return nil, nil
		}
		ret, err := c.callBack(handler, c.recv, Bytes(buf[:n]), opaque)
		if err != nil {
			return nil, err
		}
		if err := c.handlerFailed("sparseRecvAll handler", ret); err != nil {
			return nil, c.abortOn(err)
		}
	}
}

func sparseSendAll(c *Call) (Value, error) {
	handler, holeHandler, skipHandler := c.args[0].(Callable), c.args[1].(Callable), c.args[2].(Callable)
	opaque := c.args[3]
	st := c.stream()
	for {
		res, err := c.callBack(holeHandler, c.recv, opaque)
		if err != nil {
			return nil, err
		}
		inData, sectionLen, err := c.section(res)
		if err != nil {
			return nil, err
		}
		if !inData && sectionLen > 0 {
			if err := st.SendHole(sectionLen, 0); err != nil {
				return nil, err
			}
			skipped, err := c.callBack(skipHandler, c.recv, sectionLen, opaque)
			if err != nil {
				return nil, err
			}
			switch r := skipped.(type) {
			case int64:
				if r < 0 {
					// libvirt-python aborts and goes on: the next
					// call on the stream fails.
					_ = c.abortOn(nil)
				}
			case float64:
				if r < 0 {
					_ = c.abortOn(nil)
				}
			case bool:
			default:
				return nil, wrongReturn(c.op.QualName(), "skipHandler", skipped, wantKinds(KindInt))
			}
			continue
		}
		want := min(streamBufSize, sectionLen)
		got, err := c.callBack(handler, c.recv, want, opaque)
		if err != nil {
			return nil, err
		}
		if err := c.handlerFailed("sparseSendAll handler", got); err != nil {
			return nil, c.abortOn(err)
		}
		if end, err := c.sendData(st, "sparseSendAll", got); end || err != nil {
			return nil, err
		}
	}
}

// sendData sends got, what the handler of loop (sendAll, sparseSendAll)
// returned, on st, as libvirt-python's loops do: end is true when got is
// false in Python, the end of the data, which is not sent.
func (c *Call) sendData(st Stream, loop string, got Value) (end bool, err error) {
	if !streamTruth(got) {
		return true, nil
	}
	data, err := c.streamData("handler", got)
	if err != nil {
		return false, err
	}
	n, err := st.Send(data)
	if err != nil {
		return false, err
	}
	if n == StreamWouldBlock {
		return false, nonblocking(loop)
	}
	return false, nil
}

// callBack calls the script's function f with args from inside the call c.
// The script's own code runs meanwhile, not libvirt: Run's watchdog does
// not count that time against the call timeout, and each libvirt call made
// after it gets the whole timeout. A call abandoned meanwhile (its last
// libvirt call overran) fails here, without calling f.
func (c *Call) callBack(f Callable, args ...Value) (Value, error) {
	s := c.s
	s.mu.Lock()
	if err := c.abandoned; err != nil {
		s.mu.Unlock()
		return nil, err
	}
	s.cur = nil
	s.mu.Unlock()
	v, err := f.Call(args)
	s.mu.Lock()
	s.enterLocked(c)
	s.mu.Unlock()
	if err == nil {
		// The stream stays valid until the call ends, but the script
		// may have closed its connection: the loop stops as libvirt
		// would for a stream used after its connection closed.
		err = c.usable(c.recv)
	}
	return v, err
}

// abortOn aborts the stream after a handler's failure err, as
// libvirt-python does (ignoring the abort's own failure), and returns err.
// An abandoned call makes no more libvirt calls.
func (c *Call) abortOn(err error) error {
	c.s.mu.Lock()
	abandoned := c.abandoned
	c.s.mu.Unlock()
	if abandoned == nil {
		_ = c.stream().Abort()
	}
	return err
}

// handlerFailed is libvirt-python's RuntimeError when a handler returns a
// negative int: "recvAll handler returned -1".
func (c *Call) handlerFailed(what string, ret Value) error {
	if n, ok := ret.(int64); ok && n < 0 {
		return fmt.Errorf("%s: %s returned %d", c.op.QualName(), what, n)
	}
	return nil
}

// nonblocking is libvirt-python's libvirtError when a loop meets a
// non-blocking stream that would block.
func nonblocking(loop string) error {
	return &Error{Code: errOperationInvalid, Domain: fromStreams, Level: errLevelError,
		Message: "cannot use " + loop + " with nonblocking stream"}
}

// streamData returns the data a handler gave for sending: bytes, or a
// string's bytes.
func (c *Call) streamData(handler string, v Value) ([]byte, error) {
	switch v := v.(type) {
	case Bytes:
		return []byte(v), nil
	case string:
		return []byte(v), nil
	}
	return nil, wrongReturn(c.op.QualName(), handler, v, wantKinds(KindBytes))
}

// section reads what sparseSendAll's holeHandler returns: [inData,
// sectionLen].
func (c *Call) section(v Value) (inData bool, sectionLen int64, err error) {
	var pair []Value
	switch v := v.(type) {
	case []Value:
		pair = v
	case Tuple:
		pair = v
	}
	if len(pair) == 2 {
		switch n := pair[1].(type) {
		case int64:
			return streamTruth(pair[0]), n, nil
		case bool:
			if n {
				return streamTruth(pair[0]), 1, nil
			}
			return streamTruth(pair[0]), 0, nil
		}
	}
	return false, 0, argErrorf(c.op.QualName(), "holeHandler returned %s, want [inData, sectionLen]", shorten(Repr(v), 60))
}

// streamTruth is Python's truth of a handler's result: None, False, 0 and
// empty data or containers are false.
func streamTruth(v Value) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case int64:
		return v != 0
	case float64:
		return v != 0
	case string:
		return v != ""
	case Bytes:
		return v != ""
	case []Value:
		return len(v) > 0
	case Tuple:
		return len(v) > 0
	case *Map:
		return v.Len() > 0
	}
	return true
}
