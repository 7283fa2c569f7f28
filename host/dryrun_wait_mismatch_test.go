package host_test

import (
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// TestDryRunWaitForOtherState: a wait for a state that the planned change
// does not lead to (SHUTOFF after a planned suspend) fails at once, as the
// real wait would past its timeout, with VIR_ERR_OPERATION_TIMEOUT, and
// the plan says why; it is not "reached at once". A wait for the state
// the plan leads to is.
func TestDryRunWaitForOtherState(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), DryRun: true})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	alpha := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	gamma := call(t, s, host.ClassConnect, "defineXML", conn, newDomainXML).(*host.Object)
	const running, paused, shutoff = 1, 3, 5
	for _, tc := range []struct {
		dom   *host.Object
		op    string
		args  []host.Value
		state int64
		ok    bool
	}{
		{alpha, "suspend", nil, shutoff, false},
		{alpha, "suspend", nil, paused, true},
		{alpha, "shutdown", nil, running, false},
		{alpha, "createWithFlags", []host.Value{int64(1)}, running, false}, // VIR_DOMAIN_START_PAUSED
		{alpha, "createWithFlags", []host.Value{int64(1)}, paused, true},
		{gamma, "", nil, running, false}, // defined, not started
		{gamma, "", nil, shutoff, true},
		{gamma, "create", nil, running, true},
	} {
		if tc.op != "" {
			call(t, s, host.ClassDomain, tc.op, tc.dom, tc.args...)
		}
		start := time.Now()
		got, err := callErr(s, host.ClassModule, "wait_for_state", nil, tc.dom, tc.state, 30.0)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("after %s %s, wait_for_state(%d) took %v", tc.dom, tc.op, tc.state, d)
		}
		if tc.ok {
			if err != nil || got != tc.state {
				t.Errorf("after %s %s, wait_for_state(%d) = %v, %v; want it reached", tc.dom, tc.op, tc.state, got, err)
			}
			continue
		}
		e, ok := host.AsError(err)
		if !ok || e.Code != 68 || !strings.Contains(e.Message, "would not reach state") {
			t.Errorf("after %s %s, wait_for_state(%d) = %v, %v; want VIR_ERR_OPERATION_TIMEOUT at once", tc.dom, tc.op, tc.state, got, err)
		}
	}
	plan := s.Plan()
	if got, want := plan[2].String(), "libvirt.wait_for_state(<virDomain alpha>, 5, 30) # planned: not reached, virDomain.suspend leaves it VIR_DOMAIN_PAUSED (3)"; got != want {
		t.Errorf("plan entry %q, want %q", got, want)
	}
}
