package host_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// goFunc is a Go function standing for a script's function.
type goFunc struct {
	name string
	fn   func(args []host.Value) (host.Value, error)
}

func (f goFunc) Name() string                               { return f.name }
func (f goFunc) Call(args []host.Value) (host.Value, error) { return f.fn(args) }
func (f goFunc) Same(other host.Callable) bool              { return false }

// screenshot returns a stream attached to a screenshot of alpha.
func screenshot(t *testing.T, s *host.Session, conn *host.Object) *host.Object {
	t.Helper()
	st := call(t, s, host.ClassConnect, "newStream", conn).(*host.Object)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	if mime := call(t, s, host.ClassDomain, "screenshot", dom, st, int64(0)); mime != "image/png" {
		t.Fatalf("screenshot() = %v, want image/png", mime)
	}
	return st
}

// testImage is the size of the test driver's screenshot.
const testImage = 33443

func TestStreamsAreNumberedPerConnection(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	c1, c2 := open(t, s), open(t, s)
	var got []string
	for _, c := range []*host.Object{c1, c1, c2, c1} {
		st := call(t, s, host.ClassConnect, "newStream", c).(*host.Object)
		got = append(got, st.String())
		if conn := call(t, s, host.ClassStream, "connect", st); conn != c {
			t.Errorf("%s.connect() = %v, want %v", st, conn, c)
		}
	}
	want := "<virStream stream-1> <virStream stream-2> <virStream stream-1> <virStream stream-3>"
	if strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
}

func TestRecvReadsTheScreenshot(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	st := screenshot(t, s, conn)
	var image []byte
	for {
		data := call(t, s, host.ClassStream, "recv", st, int64(1000)).(host.Bytes)
		if len(data) == 0 {
			break
		}
		if len(data) > 1000 {
			t.Fatalf("recv(1000) returned %d bytes", len(data))
		}
		image = append(image, data...)
	}
	if len(image) != testImage || !strings.HasPrefix(string(image), "\x89PNG\r\n\x1a\n") {
		t.Errorf("read %d bytes starting %q, want a PNG image of %d bytes", len(image), image[:min(8, len(image))], testImage)
	}
	if got := call(t, s, host.ClassStream, "finish", st); got != int64(0) {
		t.Errorf("finish() = %v, want 0", got)
	}
}

func TestRecvIsBoundedByTheMemoryLimit(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), Limits: host.Limits{MaxMemory: 64 << 20}})
	defer s.Close()
	conn := open(t, s)
	st := call(t, s, host.ClassConnect, "newStream", conn).(*host.Object)
	for _, name := range []string{"recv", "recvFlags"} {
		_, err := callErr(s, host.ClassStream, name, st, int64(1<<40))
		var le *host.LimitError
		want := fmt.Sprintf("max-memory: virStream.%s(1099511627776) would build a buffer of 2047 MiB, more than the 64 MiB allowed", name)
		if !errors.As(err, &le) || le.Msg != want {
			t.Errorf("%s(1<<40): got %v, want %s", name, err, want)
		}
	}
	// A read the limit allows reaches libvirt.
	_, err := callErr(s, host.ClassStream, "recv", st, int64(1<<20))
	if e, ok := host.AsError(err); !ok || e.Code != 3 {
		t.Errorf("recv(1 MiB) on a stream attached to nothing: got %v, want libvirt's not-supported error", err)
	}
}

func TestRecvAllCallsTheHandlerAsPythonDoes(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	st := screenshot(t, s, conn)
	total := 0
	handler := goFunc{"sink", func(args []host.Value) (host.Value, error) {
		if len(args) != 3 || args[0] != st || args[2] != "opaque" {
			return nil, fmt.Errorf("handler called with %v", args)
		}
		data := args[1].(host.Bytes)
		if len(data) > 262120 {
			return nil, fmt.Errorf("a piece of %d bytes", len(data))
		}
		total += len(data)
		return int64(len(data)), nil
	}}
	if got := call(t, s, host.ClassStream, "recvAll", st, handler, "opaque"); got != nil {
		t.Errorf("recvAll() = %v, want None", got)
	}
	if total != testImage {
		t.Errorf("the handler saw %d bytes, want %d", total, testImage)
	}
}

// TestRecvAllAbortsOnAHandlersFailure: a handler that raises, or returns
// a negative number, ends recvAll with that failure, and the stream is
// aborted.
func TestRecvAllAbortsOnAHandlersFailure(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	tests := []struct {
		name string
		ret  host.Value
		err  error
		want string
	}{
		{"raises", nil, boom, "boom"},
		{"returns -1", int64(-1), nil, "virStream.recvAll: recvAll handler returned -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newSession(t)
			conn := open(t, s)
			st := screenshot(t, s, conn)
			calls := 0
			handler := goFunc{"sink", func([]host.Value) (host.Value, error) { calls++; return tt.ret, tt.err }}
			_, err := callErr(s, host.ClassStream, "recvAll", st, handler, nil)
			if err == nil || err.Error() != tt.want || (tt.err != nil && !errors.Is(err, tt.err)) {
				t.Errorf("got %v, want %s", err, tt.want)
			}
			if calls != 1 {
				t.Errorf("the handler was called %d times, want 1", calls)
			}
			_, err = callErr(s, host.ClassStream, "recv", st, int64(10))
			if e, ok := host.AsError(err); !ok || e.Message != "internal error: stream is not open" {
				t.Errorf("recv after the failure: got %v, want the error of an aborted stream", err)
			}
		})
	}
}

func TestSendAllAsksForPythonsBufferSize(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	st := call(t, s, host.ClassConnect, "newStream", conn).(*host.Object)
	var asked []host.Value
	source := func(ret host.Value) goFunc {
		return goFunc{"source", func(args []host.Value) (host.Value, error) {
			asked = append(asked, args[1])
			return ret, nil
		}}
	}
	// Empty data ends the transfer before any send.
	for _, empty := range []host.Value{nil, "", host.Bytes(""), int64(0), false} {
		if got := call(t, s, host.ClassStream, "sendAll", st, source(empty), nil); got != nil {
			t.Errorf("sendAll() = %v, want None", got)
		}
	}
	for _, n := range asked {
		if n != int64(262120) {
			t.Errorf("the handler was asked for %v bytes, want 262120", n)
		}
	}
	_, err := callErr(s, host.ClassStream, "sendAll", st, source(int64(5)), nil)
	var ae *host.ArgError
	if !errors.As(err, &ae) || err.Error() != "virStream.sendAll: handler returned int, want bytes" {
		t.Errorf("a handler returning 5: got %v", err)
	}
	_, err = callErr(s, host.ClassStream, "sendAll", st, source(host.Bytes("data")), nil)
	if e, ok := host.AsError(err); !ok || e.Code != 3 || !strings.Contains(e.Message, "virStreamSend") {
		t.Errorf("sendAll on a stream attached to nothing: got %v, want libvirt's not-supported error", err)
	}
}

func TestSparseSendAllReadsTheHoleHandler(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	st := call(t, s, host.ClassConnect, "newStream", conn).(*host.Object)
	ret := func(v host.Value) goFunc {
		return goFunc{"f", func([]host.Value) (host.Value, error) { return v, nil }}
	}
	var asked host.Value
	handler := goFunc{"handler", func(args []host.Value) (host.Value, error) { asked = args[1]; return host.Bytes(""), nil }}
	// In data: the handler is asked for the section, at most 262120 bytes.
	for _, tt := range []struct {
		section host.Value
		want    int64
	}{
		{host.Tuple{true, int64(10)}, 10},
		{[]host.Value{int64(1), int64(1 << 20)}, 262120},
	} {
		if got := call(t, s, host.ClassStream, "sparseSendAll", st, handler, ret(tt.section), ret(int64(0)), nil); got != nil {
			t.Errorf("sparseSendAll() = %v, want None", got)
		}
		if asked != tt.want {
			t.Errorf("section %v: the handler was asked for %v bytes, want %d", host.Repr(tt.section), asked, tt.want)
		}
	}
	_, err := callErr(s, host.ClassStream, "sparseSendAll", st, handler, ret(int64(3)), ret(int64(0)), nil)
	if err == nil || err.Error() != "virStream.sparseSendAll: holeHandler returned 3, want [inData, sectionLen]" {
		t.Errorf("a holeHandler returning 3: got %v", err)
	}
	// In a hole: virStreamSendHole, which the test driver cannot do.
	_, err = callErr(s, host.ClassStream, "sparseSendAll", st, handler, ret([]host.Value{false, int64(4096)}), ret(int64(0)), nil)
	if e, ok := host.AsError(err); !ok || !strings.Contains(e.Message, "virStreamSendHole") {
		t.Errorf("a hole: got %v, want libvirt's not-supported error for virStreamSendHole", err)
	}
}

func TestStreamOfAnotherConnection(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	c1, c2 := open(t, s), open(t, s)
	st := call(t, s, host.ClassConnect, "newStream", c2).(*host.Object)
	dom := call(t, s, host.ClassConnect, "lookupByName", c1, "alpha").(*host.Object)
	_, err := callErr(s, host.ClassDomain, "screenshot", dom, st, int64(0))
	if e, ok := host.AsError(err); !ok || e.Code != 8 {
		t.Errorf("screenshot on a stream of another connection: got %v, want libvirt's invalid-argument error", err)
	}
	call(t, s, host.ClassConnect, "close", c2)
	_, err = callErr(s, host.ClassDomain, "screenshot", dom, st, int64(0))
	if e, ok := host.AsError(err); !ok || e.Message != "invalid stream pointer in virDomainScreenshot: its connection was closed" {
		t.Errorf("screenshot on a stream of a closed connection: got %v", err)
	}
}

// TestCloseAbortsUnfinishedStreams: a stream left half read is aborted and
// freed, so that its connection closes with no reference left.
func TestCloseAbortsUnfinishedStreams(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	st := screenshot(t, s, conn)
	call(t, s, host.ClassStream, "recv", st, int64(100))
	screenshot(t, s, conn)
	if got := call(t, s, host.ClassConnect, "close", conn); got != int64(0) {
		t.Errorf("close() = %v, want 0 references left", got)
	}
}

// funcLanguage runs a Go function as the script.
type funcLanguage func(s *host.Session) error

func (funcLanguage) Name() string                                                  { return "go" }
func (funcLanguage) Extensions() []string                                          { return nil }
func (funcLanguage) Builtins() string                                              { return "" }
func (f funcLanguage) Run(_ context.Context, s *host.Session, _ host.Script) error { return f(s) }

// TestHandlersDoNotCountAgainstTheCallTimeout: the call timeout bounds
// each libvirt call recvAll makes, not the script's handler in between.
func TestHandlersDoNotCountAgainstTheCallTimeout(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), Limits: host.Limits{CallTimeout: 50 * time.Millisecond}})
	defer s.Close()
	slow := goFunc{"slow", func([]host.Value) (host.Value, error) { time.Sleep(300 * time.Millisecond); return nil, nil }}
	err := s.Run(context.Background(), funcLanguage(func(s *host.Session) error {
		// No t.Fatal here: Run runs this on another goroutine.
		conn, err := callErr(s, host.ClassModule, "open", nil)
		if err != nil {
			return err
		}
		st, err := callErr(s, host.ClassConnect, "newStream", conn.(*host.Object))
		if err != nil {
			return err
		}
		dom, err := callErr(s, host.ClassConnect, "lookupByName", conn.(*host.Object), "alpha")
		if err != nil {
			return err
		}
		if _, err := callErr(s, host.ClassDomain, "screenshot", dom.(*host.Object), st, int64(0)); err != nil {
			return err
		}
		_, err = callErr(s, host.ClassStream, "recvAll", st.(*host.Object), slow, nil)
		return err
	}), host.Script{Path: "t.go", Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Errorf("recvAll with a slow handler: %v", err)
	}
}

// TestStreamsOverRemote reads screenshots through libvirtd: a blocking
// stream to its end, a non-blocking one that answers -2 (would block)
// while its data has not come.
func TestStreamsOverRemote(t *testing.T) {
	t.Parallel()
	d := libvirtdtest.Start(t)
	s := host.NewSession(cgobackend.New(), host.Options{URI: d.URI()})
	defer s.Close()
	conn := open(t, s)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "test").(*host.Object)
	attach := func(flags int64) *host.Object {
		st := call(t, s, host.ClassConnect, "newStream", conn, flags).(*host.Object)
		call(t, s, host.ClassDomain, "screenshot", dom, st, int64(0))
		return st
	}

	total := 0
	sink := goFunc{"sink", func(args []host.Value) (host.Value, error) { total += len(args[1].(host.Bytes)); return nil, nil }}
	st := attach(0)
	call(t, s, host.ClassStream, "recvAll", st, sink, nil)
	call(t, s, host.ClassStream, "finish", st)
	if total != testImage {
		t.Errorf("recvAll read %d bytes, want %d", total, testImage)
	}

	st = attach(1) // VIR_STREAM_NONBLOCK
	for range 100 {
		v := call(t, s, host.ClassStream, "recv", st, int64(4096))
		if n, ok := v.(int64); ok && n != -2 {
			t.Fatalf("recv() = %d, want bytes or -2", n)
		}
	}
	_, err := callErr(s, host.ClassStream, "recvAll", st, sink, nil)
	if err != nil && err.Error() != "virStream.recvAll: cannot use recvAll with nonblocking stream" {
		t.Errorf("recvAll on a non-blocking stream: %v", err)
	}
}

// TestStreamsInADryRun: a screenshot is privileged (libvirt refuses it on a
// read-only connection: it reads what the guest shows) and taking over a
// console changes who holds it: both are planned, neither made.
func TestStreamsInADryRun(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), DryRun: true})
	defer s.Close()
	conn := open(t, s)
	st := call(t, s, host.ClassConnect, "newStream", conn).(*host.Object)
	alpha := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	if got := call(t, s, host.ClassDomain, "screenshot", alpha, st, int64(0)); got != int64(0) {
		t.Errorf("dry-run screenshot() = %v, want 0", got)
	}
	if got := call(t, s, host.ClassDomain, "openConsole", alpha, nil, st, int64(0)); got != int64(0) {
		t.Errorf("dry-run openConsole() = %v, want 0", got)
	}
	var lines []string
	for _, e := range s.Plan() {
		lines = append(lines, e.String())
	}
	if want := "<virDomain alpha>.screenshot(<virStream stream-1>, 0, 0)\n<virDomain alpha>.openConsole(None, <virStream stream-1>, 0)"; strings.Join(lines, "\n") != want {
		t.Errorf("plan:\n%s\nwant:\n%s", strings.Join(lines, "\n"), want)
	}
}

// TestAuditLeavesStreamDataOut: the audit log records how much a stream
// moved, not the data.
func TestAuditLeavesStreamDataOut(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), Audit: slog.New(slog.NewJSONHandler(&buf, nil))})
	conn := open(t, s)
	st := screenshot(t, s, conn)
	call(t, s, host.ClassStream, "recv", st, int64(4))
	callErr(s, host.ClassStream, "send", st, host.Bytes("secret"))
	s.Close()
	log := buf.String()
	for _, want := range []string{`"op":"virStream.recv","args":[4],"effect":"read"`, `"result":"<4 bytes>"`, `"args":["<6 bytes>"]`} {
		if !strings.Contains(log, want) {
			t.Errorf("the audit log has no %s:\n%s", want, log)
		}
	}
	if strings.Contains(log, "PNG") || strings.Contains(log, "secret") {
		t.Errorf("the audit log holds stream data:\n%s", log)
	}
}
