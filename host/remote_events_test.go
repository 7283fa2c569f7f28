package host_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// runRemote runs src on a session connected to d, and returns its output.
func runRemote(t *testing.T, d *libvirtdtest.Daemon, src string, stdout *bytes.Buffer) error {
	t.Helper()
	s := host.NewSession(cgobackend.New(), host.Options{URI: d.URI(), Limits: host.Limits{Timeout: 30 * time.Second}})
	defer s.Close()
	return s.Run(context.Background(), starlark.New(), host.Script{Path: "t.star", Src: []byte(src), Args: []string{"t.star"}, Stdout: stdout, Stderr: stdout})
}

// TestRemoteEvents checks that events from a real libvirtd reach a
// script's callbacks through the host's event loop.
func TestRemoteEvents(t *testing.T) {
	t.Parallel()
	d := libvirtdtest.Start(t)
	src := `
c = libvirt.open()
print(c.setKeepAlive(5, 3))
dom = c.lookupByName("test")
def cb(conn, d, event, detail, opaque):
    print("%s: event %d detail %d" % (d.name(), event, detail))
c.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, cb, None)
dom.suspend()
dom.resume()
print("ran %d" % libvirt.run_events(2))
`
	var out bytes.Buffer
	if err := runRemote(t, d, src, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := "0\ntest: event 3 detail 0\ntest: event 4 detail 0\nran 2\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

// TestKeepaliveNoticesAFrozenDaemon freezes libvirtd with SIGSTOP: with
// keepalive on, libvirt closes the connection, and the script's close
// callback sees why.
func TestKeepaliveNoticesAFrozenDaemon(t *testing.T) {
	t.Parallel()
	d := libvirtdtest.Start(t)
	defer d.Continue()
	src := `
c = libvirt.open()
reasons = []
def closed(conn, reason, opaque):
    opaque.append(reason)
    print("closed: reason %d (keepalive: %s)" % (reason, reason == libvirt.VIR_CONNECT_CLOSE_REASON_KEEPALIVE))
c.registerCloseCallback(closed, reasons)
c.setKeepAlive(1, 1)
print("ready")
while not reasons:
    libvirt.virEventRunDefaultImpl()
print("opaque", reasons)
`
	var out bytes.Buffer
	stop := &stopOnFirstWrite{d: d}
	s := host.NewSession(cgobackend.New(), host.Options{URI: d.URI(), Limits: host.Limits{Timeout: 30 * time.Second}})
	defer s.Close()
	start := time.Now()
	err := s.Run(context.Background(), starlark.New(), host.Script{Path: "t.star", Src: []byte(src), Args: []string{"t.star"},
		Stdout: writerPair{stop, &out}, Stderr: &out})
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if want := "ready\nclosed: reason 2 (keepalive: True)\nopaque [2]\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
	if took := time.Since(start); took > 15*time.Second {
		t.Errorf("the dead peer was noticed after %s", took)
	}
}

// writerPair writes to both writers.
type writerPair [2]interface{ Write([]byte) (int, error) }

func (w writerPair) Write(p []byte) (int, error) {
	if _, err := w[0].Write(p); err != nil {
		return 0, err
	}
	return w[1].Write(p)
}

// TestEventLoopIterationWithoutEvents: virEventRunDefaultImpl runs one
// iteration of the loop, as libvirt-python's does: with no event coming,
// it returns when the loop wakes up for anything else (here the
// connection's keepalive, every second), instead of waiting for the
// run's timeout.
func TestEventLoopIterationWithoutEvents(t *testing.T) {
	t.Parallel()
	d := libvirtdtest.Start(t)
	src := `
c = libvirt.open()
c.setKeepAlive(1, 5)
for i in range(3):
    print(libvirt.virEventRunDefaultImpl())
`
	var out bytes.Buffer
	s := host.NewSession(cgobackend.New(), host.Options{URI: d.URI(), Limits: host.Limits{Timeout: 10 * time.Second}})
	defer s.Close()
	start := time.Now()
	err := s.Run(context.Background(), starlark.New(), host.Script{Path: "t.star", Src: []byte(src), Args: []string{"t.star"}, Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if out.String() != "0\n0\n0\n" {
		t.Errorf("got %q, want three 0s", out.String())
	}
	if took := time.Since(start); took > 6*time.Second {
		t.Errorf("three iterations took %s", took)
	}
}
