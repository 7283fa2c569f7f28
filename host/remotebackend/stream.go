package remotebackend

import (
	"errors"
	"io"
	"strconv"
	"sync"

	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// Streams on go-libvirt. go-libvirt runs a stream as one call that takes an
// io.Writer (data from the daemon) or an io.Reader (data to it) and
// returns when the transfer ends; a stream here runs that call in a
// goroutine and hands the data over in chunks, at most streamChunks of
// them in flight. What go-libvirt cannot do, this backend does not offer:
//
//   - holes (sparse streams, VIR_STORAGE_VOL_*_SPARSE_STREAM, sendHole,
//     recvHole): go-libvirt carries no hole packets;
//   - screenshots, consoles and channels (domain functions, not here):
//     go-libvirt returns a screenshot's MIME type only when the image has
//     been read to its end, and a console has no writing half;
//   - ending a download early (Finish before the end, Abort) cannot tell
//     the daemon: go-libvirt has no way to, and its call must not fail
//     while the daemon still sends (its router would wait for the
//     call's reader forever, holding the lock every call needs). The
//     call reads the rest of the data and drops it, in the background.

// streamChunks bounds the chunks a stream holds: what the daemon sent and
// the script has not read (up to 64 of the daemon's packets of 256 KiB:
// 16 MiB), or what the script sent and the daemon has not taken. A
// download's call waits while its chunks are full, and so does go-libvirt's
// router, which holds every other call on the connection meanwhile: a
// script that leaves more than that unread and makes another call waits
// until the core's call timeout aborts the connection.
const streamChunks = 64

// The libvirt numbers of the stream errors this package raises, as
// libvirt's client raises them.
const (
	errOperationFailed  = driver.ErrOperationFailed
	errOperationInvalid = driver.ErrOperationInvalid
	fromStreams         = driver.FromStreams
	streamNonBlock      = 1 // VIR_STREAM_NONBLOCK
	recvStopAtHole      = 1 // VIR_STREAM_RECV_STOP_AT_HOLE
	sparseStream        = 1 // VIR_STORAGE_VOL_{DOWNLOAD,UPLOAD}_SPARSE_STREAM
)

// errStreamEnded ends the call of an upload the script aborted.
var errStreamEnded = errors.New("the stream was ended")

// stream is a data stream. Before it is attached (Download, Upload) it
// answers as libvirt's unattached stream does; afterwards its call runs
// until the transfer ends, Finish or Abort.
type stream struct {
	driver.UnimplementedStream
	c        *conn
	nonBlock bool

	mu       sync.Mutex
	attached bool // Download or Upload attached it
	reading  bool // a download: the script reads
	closed   bool // finished or aborted by the script

	chunks chan []byte   // the data in flight
	rest   []byte        // what Recv has not returned of the last chunk
	eof    chan struct{} // an upload's end, closed by Finish
	stop   chan struct{} // closed to end the call early
	once   sync.Once
	done   chan struct{} // closed when the call returned, err set
	err    error
}

var _ driver.Stream = (*stream)(nil)

// StreamNew makes a stream; VIR_STREAM_NONBLOCK makes Recv and Send answer
// StreamWouldBlock instead of waiting.
func (c *conn) StreamNew(flags uint32) (driver.Stream, error) {
	return &stream{c: c, nonBlock: flags&streamNonBlock != 0}, nil
}

// unattached is libvirt's error for fn on a stream attached to nothing.
func unattached(fn string) error {
	e := driver.NoSupport(fn)
	e.Domain = fromStreams
	return e
}

// closedErr is libvirt's client's error for a stream after Finish or
// Abort.
func closedErr() error {
	return &driver.Error{Code: errOperationFailed, Domain: fromRPC, Level: driver.ErrError,
		Message: "operation failed: stream is closed"}
}

// invalidOp is libvirt's VIR_ERR_OPERATION_INVALID for a stream.
func invalidOp(why string) error {
	return &driver.Error{Code: errOperationInvalid, Domain: fromRPC, Level: driver.ErrError,
		Message: "Requested operation is not valid: " + why}
}

// noSparse refuses a sparse transfer, which go-libvirt cannot carry.
func noSparse(fn string) error {
	e := driver.NoSupport(fn + " with a sparse stream: the remote backend's protocol library carries no holes")
	e.Domain = fromStreams
	return e
}

// state returns whether the stream is attached and whether it is closed.
func (s *stream) state() (attached, closed bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attached, s.closed
}

// attach runs call, a transfer, for the stream; it returns once the
// daemon accepted the transfer (started tells it) or the call ended,
// with the call's error then.
func (s *stream) attach(reading bool, call func(started func()) error) error {
	s.mu.Lock()
	if s.attached {
		s.mu.Unlock()
		return invalidOp("stream is already in use")
	}
	s.attached, s.reading = true, reading
	s.chunks = make(chan []byte, streamChunks)
	s.eof, s.stop, s.done = make(chan struct{}), make(chan struct{}), make(chan struct{})
	s.mu.Unlock()
	started := make(chan struct{})
	var startOnce sync.Once
	go func() {
		err := call(func() { startOnce.Do(func() { close(started) }) })
		s.err = err
		close(s.done)
		if reading {
			close(s.chunks)
		}
	}()
	select {
	case <-started:
		return nil
	case <-s.done:
		if s.err != nil {
			s.mu.Lock()
			s.closed = true
			s.mu.Unlock()
			return s.c.conv(s.err)
		}
		return nil
	}
}

// sink is the io.Writer a download writes to: each write is a chunk,
// dropped once the script ended the stream. It never fails (see the top
// of this file).
type sink struct {
	s       *stream
	started func()
}

func (w sink) Write(p []byte) (int, error) {
	w.started()
	select {
	case <-w.s.stop:
		return len(p), nil
	default:
	}
	select {
	case w.s.chunks <- append([]byte(nil), p...):
	case <-w.s.stop:
	}
	return len(p), nil
}

// source is the io.Reader an upload reads from.
type source struct {
	s       *stream
	started func()
	rest    []byte
}

func (r *source) Read(p []byte) (int, error) {
	r.started()
	if len(r.rest) == 0 {
		select {
		case r.rest = <-r.s.chunks:
		case <-r.s.eof:
			select {
			case r.rest = <-r.s.chunks: // sent before Finish
			default:
				return 0, io.EOF
			}
		case <-r.s.stop:
			return 0, errStreamEnded
		}
	}
	n := copy(p, r.rest)
	r.rest = r.rest[n:]
	return n, nil
}

// Download attaches the stream to the volume's data.
func (v *storageVol) Download(st driver.Stream, offset, length uint64, flags uint32) error {
	s, ok := st.(*stream)
	if !ok {
		return errors.New("remotebackend: the stream is not one of this backend's")
	}
	if flags&sparseStream != 0 {
		return noSparse("virStorageVolDownload")
	}
	return s.attach(true, func(started func()) error {
		return v.c.l.StorageVolDownload(v.v, sink{s: s, started: started}, offset, length,
			libvirt.StorageVolDownloadFlags(flags))
	})
}

// Upload attaches the stream to the volume, for writing.
func (v *storageVol) Upload(st driver.Stream, offset, length uint64, flags uint32) error {
	s, ok := st.(*stream)
	if !ok {
		return errors.New("remotebackend: the stream is not one of this backend's")
	}
	if flags&sparseStream != 0 {
		return noSparse("virStorageVolUpload")
	}
	return s.attach(false, func(started func()) error {
		return v.c.l.StorageVolUpload(v.v, &source{s: s, started: started}, offset, length,
			libvirt.StorageVolUploadFlags(flags))
	})
}

// Recv reads what the daemon sent: 0 at the end, the call's error when it
// failed, StreamWouldBlock when a non-blocking stream has nothing yet.
func (s *stream) Recv(buf []byte) (int, error) {
	attached, closed := s.state()
	switch {
	case !attached:
		return 0, unattached("virStreamRecv")
	case closed:
		return 0, closedErr()
	case !s.reading:
		return 0, invalidOp("the stream is open for writing: an upload")
	}
	if len(s.rest) == 0 {
		var chunk []byte
		var ok bool
		if s.nonBlock {
			select {
			case chunk, ok = <-s.chunks:
			default:
				return driver.StreamWouldBlock, nil
			}
		} else {
			chunk, ok = <-s.chunks
		}
		if !ok {
			if s.err != nil {
				return 0, s.c.conv(s.err)
			}
			return 0, nil
		}
		s.rest = chunk
	}
	n := copy(buf, s.rest)
	s.rest = s.rest[n:]
	return n, nil
}

// RecvFlags is Recv: a stream here has no holes to stop at.
func (s *stream) RecvFlags(buf []byte, flags uint32) (int, error) {
	if attached, _ := s.state(); !attached {
		return 0, unattached("virStreamRecvFlags")
	}
	if flags&^recvStopAtHole != 0 {
		return 0, &driver.Error{Code: errInvalidArg, Domain: fromStreams, Level: driver.ErrError,
			Message: "invalid argument: unsupported flags (0x" + strconv.FormatUint(uint64(flags&^recvStopAtHole), 16) + ") in function virStreamRecvFlags"}
	}
	return s.Recv(buf)
}

// RecvHole answers as libvirt's client does for a stream without holes.
func (s *stream) RecvHole(flags uint32) (int64, error) {
	attached, closed := s.state()
	switch {
	case !attached:
		return 0, unattached("virStreamRecvHole")
	case closed:
		return 0, closedErr()
	}
	return 0, invalidOp("Holes are not supported with this stream")
}

// Send hands data to the daemon: StreamWouldBlock when a non-blocking
// stream holds streamChunks chunks already, the call's error when it
// failed.
func (s *stream) Send(data []byte) (int, error) {
	attached, closed := s.state()
	switch {
	case !attached:
		return 0, unattached("virStreamSend")
	case closed:
		return 0, closedErr()
	case s.reading:
		return 0, invalidOp("the stream is open for reading: a download")
	}
	chunk := append([]byte(nil), data...)
	if s.nonBlock {
		select {
		case s.chunks <- chunk:
			return len(data), nil
		case <-s.done:
			return 0, s.ended()
		default:
			return driver.StreamWouldBlock, nil
		}
	}
	select {
	case s.chunks <- chunk:
		return len(data), nil
	case <-s.done:
		return 0, s.ended()
	}
}

// ended is the error of a call that returned before the script finished:
// its own, or a daemon that ended the transfer without one.
func (s *stream) ended() error {
	if s.err != nil {
		return s.c.conv(s.err)
	}
	return &driver.Error{Code: driver.ErrRPC, Domain: fromStreams, Level: driver.ErrError,
		Message: "stream had unexpected termination"}
}

// SendHole answers as libvirt's client does for a stream without holes.
func (s *stream) SendHole(length int64, flags uint32) error {
	attached, closed := s.state()
	switch {
	case !attached:
		return unattached("virStreamSendHole")
	case closed:
		return closedErr()
	}
	return invalidOp("Skipping is not supported with this stream")
}

// Finish ends the transfer: an upload's end reaches the daemon, which
// confirms it; a download the script did not read to its end is ended.
func (s *stream) Finish() error {
	attached, closed := s.state()
	switch {
	case !attached:
		return unattached("virStreamFinish")
	case closed:
		return closedErr()
	}
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	if s.reading {
		// Read to its end, the call has returned; ended early, it reads
		// the rest in the background.
		s.once.Do(func() { close(s.stop) })
		select {
		case <-s.done:
			return s.c.conv(s.err)
		default:
			return nil
		}
	}
	close(s.eof)
	<-s.done
	return s.c.conv(s.err)
}

// Abort ends the transfer: an upload's daemon is told; a download's data
// is dropped (see the top of this file). Aborting a stream attached to nothing does nothing, as in
// libvirt.
func (s *stream) Abort() error {
	attached, closed := s.state()
	switch {
	case !attached:
		return nil
	case closed:
		return closedErr()
	}
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.once.Do(func() { close(s.stop) })
	if !s.reading {
		<-s.done // the daemon confirms the abort
	}
	return nil
}

// Free aborts a transfer the script left unfinished.
func (s *stream) Free() error {
	if attached, closed := s.state(); attached && !closed {
		_ = s.Abort()
	}
	return nil
}
