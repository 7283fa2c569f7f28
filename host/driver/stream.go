package driver

// Stream is a data stream, virStreamPtr: what virConnect.newStream makes
// and screenshot, openConsole, openChannel, download and upload attach to a
// source or sink. Free releases the pointer (aborting a transfer the script
// left unfinished); the core calls it exactly once per Stream a backend
// returns.
//
// Recv, RecvFlags and Send return what the C functions return: a count of
// bytes, 0 at the end of the stream, StreamWouldBlock when a non-blocking
// stream has nothing to give or take, StreamHole when RecvFlags stops at a
// hole (VIR_STREAM_RECV_STOP_AT_HOLE).
type Stream interface {
	Free() error
	Abort() error
	Finish() error
	// Recv reads up to len(buf) bytes into buf.
	Recv(buf []byte) (int, error)
	// RecvFlags reads up to len(buf) bytes into buf, with
	// VIR_STREAM_RECV_* flags.
	RecvFlags(buf []byte, flags uint32) (int, error)
	// RecvHole returns the length of the hole the stream stopped at.
	RecvHole(flags uint32) (int64, error)
	// Send writes data, or some of it, and returns how much.
	Send(data []byte) (int, error)
	// SendHole makes the stream's sink skip length bytes.
	SendHole(length int64, flags uint32) error
}

// Results of Stream.Recv, RecvFlags and Send other than a count of bytes,
// as the C functions return them.
const (
	StreamWouldBlock = -2 // a non-blocking stream would block
	StreamHole       = -3 // RecvFlags stopped at a hole
)

// ConnStreams are a connection's stream functions.
type ConnStreams interface {
	// StreamNew makes a stream on the connection (virStreamNew), with
	// VIR_STREAM_* flags.
	StreamNew(flags uint32) (Stream, error)
}

// DomainStreams are a domain's functions that use a stream.
type DomainStreams interface {
	// Screenshot attaches st to an image of screen, and returns the
	// image's MIME type.
	Screenshot(st Stream, screen, flags uint32) (string, error)
	// OpenConsole attaches st to the console, serial or parallel device
	// devName ("": the first one).
	OpenConsole(devName string, st Stream, flags uint32) error
	// OpenChannel attaches st to the channel device name.
	OpenChannel(name string, st Stream, flags uint32) error
}

// VolStreams are a storage volume's functions that use a stream.
type VolStreams interface {
	// Download attaches st to length bytes of the volume from offset (0:
	// to the end), for reading.
	Download(st Stream, offset, length uint64, flags uint32) error
	// Upload attaches st to length bytes of the volume from offset (0: to
	// the end), for writing.
	Upload(st Stream, offset, length uint64, flags uint32) error
}
