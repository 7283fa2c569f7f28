package host_test

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// returnsWithin runs f and fails the test when it does not return within
// d; then it resumes the daemon, so that f can finish.
func returnsWithin(t *testing.T, d time.Duration, daemon *libvirtdtest.Daemon, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Errorf("%s did not return within %s", what, d)
		_ = daemon.Continue()
		<-done
	}
}

// waitLive waits until s holds nothing, once the daemon answers again.
func waitLive(t *testing.T, s *host.Session) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for s.Live() != 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := s.Live(); n != 0 {
		t.Errorf("%d objects still live after libvirt returned", n)
	}
}

// TestCloseUnderCallTimeout freezes a real libvirtd with SIGSTOP, then
// closes a session with a connection and an event callback on it: the
// deregistration and virConnectClose block in libvirt. Close returns
// within the call timeout with a call-timeout error; meanwhile the
// session's lock is free, and the close finishes when the daemon answers.
func TestCloseUnderCallTimeout(t *testing.T) {
	t.Parallel()
	d := libvirtdtest.Start(t)
	s := host.NewSession(cgobackend.New(), host.Options{URI: d.URI(), Limits: host.Limits{CallTimeout: 300 * time.Millisecond}})
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	call(t, s, host.ClassConnect, "lookupByName", conn, "test")
	call(t, s, host.ClassConnect, "domainEventRegisterAny", conn, nil, int64(0), &recorder{}, nil)
	if err := d.Stop(); err != nil {
		t.Fatal(err)
	}
	var err error
	returnsWithin(t, 3*time.Second, d, "Close", func() { err = s.Close() })
	var le *host.LimitError
	want := "call-timeout: closing the session: virConnectDomainEventDeregisterAny did not return within 300ms; it was abandoned"
	if !errors.As(err, &le) || le.Limit != "call-timeout" || err.Error() != want {
		t.Errorf("Close: got %v, want %s", err, want)
	}
	returnsWithin(t, time.Second, d, "Live while the close is stuck", func() {
		if n := s.Live(); n != 2 {
			t.Errorf("Live() = %d while the close is stuck, want 2 (the domain and the connection)", n)
		}
	})
	if err := s.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
	if err := d.Continue(); err != nil {
		t.Fatal(err)
	}
	waitLive(t, s)
}

// TestConnCloseUnderCallTimeout: a script's conn.close() blocks in libvirt
// on a frozen libvirtd. The call timeout abandons it like any call, Run
// returns, and neither Live nor Close waits for libvirt.
func TestConnCloseUnderCallTimeout(t *testing.T) {
	t.Parallel()
	d := libvirtdtest.Start(t)
	s := host.NewSession(cgobackend.New(), host.Options{URI: d.URI(), Limits: host.Limits{CallTimeout: 300 * time.Millisecond}})
	src := "c = libvirt.open()\ndom = c.lookupByName('test')\nprint(dom.name())\nc.close()\n"
	var err error
	returnsWithin(t, 3*time.Second, d, "Run", func() {
		err = s.Run(context.Background(), starlark.New(), host.Script{Path: "t.star", Src: []byte(src), Args: []string{"t.star"}, Stdout: &stopOnFirstWrite{d: d}, Stderr: io.Discard})
	})
	var le *host.LimitError
	want := "t.star: call-timeout: virConnect.close (virConnectClose) did not return within 300ms; the call was abandoned"
	if !errors.As(err, &le) || le.Limit != "call-timeout" || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	returnsWithin(t, time.Second, d, "Live and Close after the abandoned close", func() {
		if n := s.Live(); n == 0 {
			t.Error("Live() = 0 while the connection's close is stuck in libvirt")
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	if err := d.Continue(); err != nil {
		t.Fatal(err)
	}
	waitLive(t, s)
}
