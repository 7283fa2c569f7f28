package host_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// recorder is a Callable that records its calls.
type recorder struct{ got []string }

func (r *recorder) Name() string                  { return "recorder" }
func (r *recorder) Same(other host.Callable) bool { return other == host.Callable(r) }
func (r *recorder) Call(args []host.Value) (host.Value, error) {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = host.Repr(a)
	}
	r.got = append(r.got, strings.Join(parts, " "))
	return nil, nil
}

// failer is a Callable that fails.
type failer struct{}

func (failer) Name() string                  { return "failer" }
func (failer) Same(other host.Callable) bool { return false }
func (failer) Call([]host.Value) (host.Value, error) {
	return nil, fmt.Errorf("callback failed")
}

func TestEventsRunOnlyInWaitHelpers(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t)})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	r := &recorder{}
	id := call(t, s, host.ClassConnect, "domainEventRegisterAny", conn, nil, int64(0), r, "opaque")
	call(t, s, host.ClassDomain, "suspend", dom)
	call(t, s, host.ClassDomain, "resume", dom)
	if len(r.got) != 0 {
		t.Fatalf("callbacks ran outside a wait helper: %q", r.got)
	}
	if n := call(t, s, host.ClassModule, "run_events", nil, 0.5); n != int64(2) {
		t.Errorf("run_events ran %v callbacks, want 2", n)
	}
	want := []string{
		conn.String() + ` <virDomain alpha> 3 0 "opaque"`,
		conn.String() + ` <virDomain alpha> 4 0 "opaque"`,
	}
	if strings.Join(r.got, "\n") != strings.Join(want, "\n") {
		t.Errorf("callbacks got\n%s\nwant\n%s", strings.Join(r.got, "\n"), strings.Join(want, "\n"))
	}
	call(t, s, host.ClassConnect, "domainEventDeregisterAny", conn, id)
	call(t, s, host.ClassDomain, "suspend", dom)
	if n := call(t, s, host.ClassModule, "run_events", nil, 0.2); n != int64(0) {
		t.Errorf("after deregistering, run_events ran %v callbacks, want 0", n)
	}
}

func TestEventCallbackErrorEndsTheWait(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t)})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	call(t, s, host.ClassConnect, "domainEventRegisterAny", conn, dom, int64(0), failer{}, nil)
	call(t, s, host.ClassDomain, "suspend", dom)
	if _, err := callErr(s, host.ClassModule, "run_events", nil, 1.0); err == nil || err.Error() != "callback failed" {
		t.Errorf("run_events: %v, want the callback's error", err)
	}
}

func TestCloseWithEventsPendingLeavesNothing(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t)})
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	r := &recorder{}
	call(t, s, host.ClassConnect, "domainEventRegisterAny", conn, nil, int64(0), r, nil)
	call(t, s, host.ClassConnect, "registerCloseCallback", conn, r, nil)
	call(t, s, host.ClassDomain, "suspend", dom)
	call(t, s, host.ClassDomain, "destroy", dom)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if n := s.Live(); n != 0 {
		t.Errorf("after Close, %d objects live", n)
	}
	if len(r.got) != 0 {
		t.Errorf("callbacks ran at Close: %q", r.got)
	}
}

func TestWaitForState(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t)})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	if got := call(t, s, host.ClassModule, "wait_for_state", nil, dom, int64(1), 1.0); got != int64(1) {
		t.Errorf("wait_for_state(running) = %v, want 1", got)
	}
	_, err := callErr(s, host.ClassModule, "wait_for_state", nil, dom, int64(5), 0.1)
	e, ok := host.AsError(err)
	if !ok || e.Code != 68 || !strings.Contains(e.Message, "did not reach state VIR_DOMAIN_SHUTOFF (5) within 100ms; it is VIR_DOMAIN_RUNNING (1)") {
		t.Errorf("wait_for_state(shutoff, 0.1): %v, want VIR_ERR_OPERATION_TIMEOUT", err)
	}
	if _, err := callErr(s, host.ClassModule, "wait_for_state", nil, dom, int64(5), -1.0); err == nil {
		t.Error("wait_for_state with a negative timeout: no error")
	}
}
