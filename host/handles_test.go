package host_test

import (
	"testing"

	"github.com/vertscript/vertscript/host"
)

// TestWaitSurvivesCallbacksOnItsDomain waits for a domain's state again and
// again while a lifecycle callback receives the same domain and makes the
// state change the wait waits for: the session adopts the event's fresher
// pointer for the *Object the wait holds, and must not free the pointer the
// wait is still using (libvirt then answered "invalid domain pointer in
// virDomainGetState", or worse).
func TestWaitSurvivesCallbacksOnItsDomain(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	resumed := 0
	resume := goFunc{name: "resume", fn: func(args []host.Value) (host.Value, error) {
		if args[1] != host.Value(dom) {
			t.Errorf("the callback got %v, want the domain the script holds", host.Repr(args[1]))
		}
		if args[2] != int64(3) { // VIR_DOMAIN_EVENT_SUSPENDED
			return nil, nil
		}
		resumed++
		return callErr(s, host.ClassDomain, "resume", args[1].(*host.Object))
	}}
	call(t, s, host.ClassConnect, "domainEventRegisterAny", conn, nil, int64(0), resume, nil)
	const waits = 200
	for i := 0; i < waits; i++ {
		call(t, s, host.ClassDomain, "suspend", dom)
		if got := call(t, s, host.ClassModule, "wait_for_state", nil, dom, int64(1), 10.0); got != int64(1) {
			t.Fatalf("wait %d: state %v, want 1", i, got)
		}
	}
	if resumed != waits {
		t.Errorf("the callback resumed the domain %d times, want %d", resumed, waits)
	}
}

// closer is a script function that closes conn, as a callback may.
func closer(t *testing.T, s *host.Session, conn *host.Object) goFunc {
	return goFunc{name: "closer", fn: func([]host.Value) (host.Value, error) {
		return callErr(s, host.ClassConnect, "close", conn)
	}}
}

// TestCallbackClosingItsConnectionEndsTheWait: a callback run by
// wait_for_state closes the connection of the domain waited for. The wait
// fails with libvirt's invalid-pointer error instead of using the freed
// domain, and the session frees everything.
func TestCallbackClosingItsConnectionEndsTheWait(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	call(t, s, host.ClassConnect, "domainEventRegisterAny", conn, dom, int64(0), closer(t, s, conn), nil)
	call(t, s, host.ClassDomain, "suspend", dom)
	_, err := callErr(s, host.ClassModule, "wait_for_state", nil, dom, int64(5), 5.0)
	want := "libvirt.wait_for_state: invalid domain pointer in virDomainGetState: its connection was closed"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestStreamHandlerClosingItsConnection: a recvAll handler closes the
// stream's connection. The loop stops with libvirt's invalid-pointer error
// instead of reading from the freed stream.
func TestStreamHandlerClosingItsConnection(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	st := screenshot(t, s, conn)
	_, err := callErr(s, host.ClassStream, "recvAll", st, closer(t, s, conn), nil)
	want := "virStream.recvAll: invalid stream pointer in virStreamRecv: its connection was closed"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
