package host_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

const newDomainXML = `<domain type='test'><name>gamma</name><memory unit='MiB'>128</memory>
<os><type arch='i686'>hvm</type></os>
<devices><graphics type='vnc' port='-1' passwd='hunter2'/></devices></domain>`

// TestDryRunChangesNothing runs mutations in a dry run, then reads the node
// through a second connection of the same session: nothing changed.
func TestDryRunChangesNothing(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), DryRun: true})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	alpha := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	for _, op := range []string{"suspend", "destroy", "undefine"} {
		if got := call(t, s, host.ClassDomain, op, alpha); got != int64(0) {
			t.Errorf("dry-run %s() = %v, want 0", op, got)
		}
	}
	if got := call(t, s, host.ClassDomain, "info", alpha).([]host.Value)[0]; got != int64(1) {
		t.Errorf("after a dry run, alpha's state is %v, want 1 (running)", got)
	}
	// A redefinition returns the real domain; a new one a planned domain.
	if got := call(t, s, host.ClassConnect, "defineXML", conn, "<domain type='test'><name>alpha</name></domain>"); got != alpha {
		t.Errorf("dry-run redefinition of alpha returned %v, want alpha", got)
	}
	gamma := call(t, s, host.ClassConnect, "defineXML", conn, newDomainXML).(*host.Object)
	if gamma.String() != "<virDomain gamma>" {
		t.Errorf("planned domain prints as %s", gamma)
	}
	if got := call(t, s, host.ClassDomain, "name", gamma); got != "gamma" {
		t.Errorf("name() of a planned domain = %v, want gamma", got)
	}
	if got := call(t, s, host.ClassDomain, "create", gamma); got != int64(0) {
		t.Errorf("create() of a planned domain = %v, want 0", got)
	}
	_, err := callErr(s, host.ClassDomain, "info", gamma)
	var pe *host.PlannedError
	want := "virDomain.info: <virDomain gamma> exists only in the dry-run plan (made by virConnect.defineXML); it cannot be read"
	if !errors.As(err, &pe) || err.Error() != want {
		t.Errorf("info() of a planned domain: got %v, want %s", err, want)
	}
	if got := call(t, s, host.ClassConnect, "numOfDefinedDomains", conn); got != int64(0) {
		t.Errorf("numOfDefinedDomains() = %v, want 0: the dry run defined something", got)
	}
	var lines []string
	for _, e := range s.Plan() {
		lines = append(lines, e.String())
	}
	wantPlan := []string{
		"<virDomain alpha>.suspend()",
		"<virDomain alpha>.destroy()",
		"<virDomain alpha>.undefine()",
		"<virConnect " + fixtureURI(t) + `>.defineXML("<domain type='test'><name>alpha</name></domain>")`,
		"<virConnect " + fixtureURI(t) + `>.defineXML("<domain type='test'><name>gamma</name><memory unit='MiB'>12...)`,
		"<virDomain gamma>.create()",
	}
	if strings.Join(lines, "\n") != strings.Join(wantPlan, "\n") {
		t.Errorf("plan:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(wantPlan, "\n"))
	}
	if a := s.Plan()[4].Args[0].(string); strings.Contains(a, "hunter2") || !strings.Contains(a, "passwd='<redacted>'") {
		t.Errorf("the plan keeps a password: %s", a)
	}
}

func TestAuditRecordsEveryCall(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	audit := slog.New(slog.NewJSONHandler(&buf, nil))
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), Audit: audit, Policy: host.Policy{Deny: []string{"virDomain.destroy"}}})
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	alpha := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	call(t, s, host.ClassDomain, "suspend", alpha)
	callErr(s, host.ClassDomain, "destroy", alpha)
	callErr(s, host.ClassConnect, "lookupByName", conn, "nosuch")
	callErr(s, host.ClassConnect, "createXML", conn, newDomainXML)
	s.Close()

	type record struct {
		Level, Msg, URI, Receiver, Op, Effect, Error string
		Args                                         []any
		Result                                       any
		Duration                                     *int64
	}
	var got []record
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("audit line is not JSON: %v: %s", err, line)
		}
		if r.Duration == nil || *r.Duration < 0 {
			t.Errorf("no duration: %s", line)
		}
		if strings.Contains(line, "hunter2") {
			t.Errorf("the audit log keeps a password: %s", line)
		}
		got = append(got, r)
	}
	uri := fixtureURI(t)
	want := []struct{ receiver, op, effect, err string }{
		{"libvirt", "libvirt.open", "read", ""},
		{"<virConnect " + uri + ">", "virConnect.lookupByName", "read", ""},
		{"<virDomain alpha>", "virDomain.suspend", "mutate", ""},
		{"<virDomain alpha>", "virDomain.destroy", "destroy", "virDomain.destroy: refused by policy: denied by the rule virDomain.destroy"},
		{"<virConnect " + uri + ">", "virConnect.lookupByName", "read", "virConnect.lookupByName: Domain not found"},
		{"<virConnect " + uri + ">", "virConnect.createXML", "mutate", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("%d audit records, want %d:\n%s", len(got), len(want), buf.String())
	}
	for i, w := range want {
		g := got[i]
		if g.Receiver != w.receiver || g.Op != w.op || g.Effect != w.effect || g.Error != w.err || g.URI != uri || g.Msg != "call" {
			t.Errorf("record %d: %+v\nwant %+v with uri %s", i, g, w, uri)
		}
	}
	if got[2].Result != float64(0) || got[1].Result != "<virDomain alpha>" {
		t.Errorf("results: %v, %v", got[2].Result, got[1].Result)
	}
}

// TestDryRunWaitForPlannedState: a wait for the state of a domain whose
// change of state the dry run planned (or which the plan made) returns at
// once, as though reached, and the plan notes it; a wait with no planned
// change behind it is made.
func TestDryRunWaitForPlannedState(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), DryRun: true})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	alpha := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	// No change planned yet: the wait is made, and times out.
	start := time.Now()
	if _, err := callErr(s, host.ClassModule, "wait_for_state", nil, alpha, int64(5), 0.2); err == nil {
		t.Errorf("wait_for_state(alpha, SHUTOFF) without a planned change succeeded")
	}
	if time.Since(start) < 150*time.Millisecond {
		t.Errorf("wait without a planned change returned after %v, before its timeout", time.Since(start))
	}
	for _, tc := range []struct {
		op    string
		state int64
	}{{"shutdown", 5}, {"destroy", 5}, {"create", 1}, {"suspend", 3}, {"resume", 1}} {
		alpha := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object) // a fresh object of the same domain
		call(t, s, host.ClassDomain, tc.op, alpha)
		start := time.Now()
		got, err := callErr(s, host.ClassModule, "wait_for_state", nil, alpha, tc.state, 30.0)
		if err != nil || got != tc.state {
			t.Errorf("after a planned %s, wait_for_state = %v, %v; want %d", tc.op, got, err, tc.state)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("after a planned %s, wait_for_state took %v", tc.op, d)
		}
	}
	gamma := call(t, s, host.ClassConnect, "createXML", conn, newDomainXML).(*host.Object)
	if got, err := callErr(s, host.ClassModule, "wait_for_state", nil, gamma, int64(1), 30.0); err != nil || got != int64(1) {
		t.Errorf("wait_for_state on a planned domain = %v, %v", got, err)
	}
	plan := s.Plan()
	last := plan[len(plan)-1].String()
	if want := "libvirt.wait_for_state(<virDomain gamma>, 1, 30) # planned: reached at once"; last != want {
		t.Errorf("plan's last entry %q, want %q", last, want)
	}
}
