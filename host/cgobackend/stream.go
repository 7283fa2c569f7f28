package cgobackend

import (
	"errors"
	"fmt"
	"io"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// stream implements host.Stream.
//
// libvirt.org/go/libvirt reports the C functions' results other than a
// count as errors: 0 as io.EOF, and -2 (would block) or -3 (a hole) as an
// error with code VIR_ERR_OK, since libvirt sets no error for them. stream
// turns them back into the C results. For RecvFlags the two cannot be told
// apart when the stream is non-blocking and VIR_STREAM_RECV_STOP_AT_HOLE is
// asked for: it answers -3 then (a caller that sees -3 asks recvHole, which
// answers 0 when there was no hole; one that saw -2 for a hole would wait
// for data forever).
type stream struct {
	s     *libvirt.Stream
	ended bool // finished or aborted: Free need not abort it
}

var _ host.Stream = (*stream)(nil)

// StreamNew implements host.ConnStreams.
func (c *conn) StreamNew(flags uint32) (host.Stream, error) {
	s, err := c.c.NewStream(libvirt.StreamFlags(flags))
	if err != nil {
		return nil, conv(err)
	}
	return &stream{s: s}, nil
}

// Free aborts a transfer the script left unfinished (virStreamFree alone
// would leave its other end waiting), then frees the stream. Aborting a
// stream that was never used does nothing.
func (s *stream) Free() error {
	if !s.ended {
		_ = s.s.Abort()
	}
	return conv(s.s.Free())
}

func (s *stream) Abort() error {
	if err := s.s.Abort(); err != nil {
		return conv(err)
	}
	s.ended = true
	return nil
}

func (s *stream) Finish() error {
	if err := s.s.Finish(); err != nil {
		return conv(err)
	}
	s.ended = true
	return nil
}

func (s *stream) Recv(buf []byte) (int, error) {
	n, err := s.s.Recv(buf)
	return count(n, err, host.StreamWouldBlock)
}

func (s *stream) RecvFlags(buf []byte, flags uint32) (int, error) {
	n, err := s.s.RecvFlags(buf, libvirt.StreamRecvFlagsValues(flags))
	noError := host.StreamWouldBlock
	if flags&uint32(libvirt.STREAM_RECV_STOP_AT_HOLE) != 0 {
		noError = host.StreamHole
	}
	return count(n, err, noError)
}

func (s *stream) RecvHole(flags uint32) (int64, error) {
	n, err := s.s.RecvHole(flags)
	return n, conv(err)
}

func (s *stream) Send(data []byte) (int, error) {
	n, err := s.s.Send(data)
	return count(n, err, host.StreamWouldBlock)
}

func (s *stream) SendHole(length int64, flags uint32) error {
	return conv(s.s.SendHole(length, flags))
}

// count turns what Recv, RecvFlags and Send return back into the C
// function's result: io.EOF is 0, an error libvirt did not set is noError
// (the negative result that is not a failure).
func count(n int, err error, noError int) (int, error) {
	if err == nil {
		return n, nil
	}
	if errors.Is(err, io.EOF) {
		return 0, nil
	}
	var le libvirt.Error
	if errors.As(err, &le) && le.Code == libvirt.ERR_OK {
		return noError, nil
	}
	return 0, conv(err)
}

// streamOf returns the libvirt stream of st, a stream this backend made.
func streamOf(st host.Stream) (*libvirt.Stream, error) {
	s, ok := st.(*stream)
	if !ok {
		return nil, fmt.Errorf("cgobackend: %T is not a stream of this backend", st)
	}
	return s.s, nil
}

// Screenshot implements host.DomainStreams.
func (d *domain) Screenshot(st host.Stream, screen, flags uint32) (string, error) {
	s, err := streamOf(st)
	if err != nil {
		return "", err
	}
	mime, err := d.d.Screenshot(s, screen, flags)
	return mime, conv(err)
}

// OpenConsole implements host.DomainStreams; devName "" passes NULL, the
// first console.
func (d *domain) OpenConsole(devName string, st host.Stream, flags uint32) error {
	s, err := streamOf(st)
	if err != nil {
		return err
	}
	return conv(d.d.OpenConsole(devName, s, libvirt.DomainConsoleFlags(flags)))
}

// OpenChannel implements host.DomainStreams.
func (d *domain) OpenChannel(name string, st host.Stream, flags uint32) error {
	s, err := streamOf(st)
	if err != nil {
		return err
	}
	return conv(d.d.OpenChannel(name, s, libvirt.DomainChannelFlags(flags)))
}

// Download implements host.VolStreams.
func (v *storageVol) Download(st host.Stream, offset, length uint64, flags uint32) error {
	s, err := streamOf(st)
	if err != nil {
		return err
	}
	return conv(v.v.Download(s, offset, length, libvirt.StorageVolDownloadFlags(flags)))
}

// Upload implements host.VolStreams.
func (v *storageVol) Upload(st host.Stream, offset, length uint64, flags uint32) error {
	s, err := streamOf(st)
	if err != nil {
		return err
	}
	return conv(v.v.Upload(s, offset, length, libvirt.StorageVolUploadFlags(flags)))
}
