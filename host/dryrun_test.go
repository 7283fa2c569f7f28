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
	}{{"shutdown", 5}, {"destroy", 5}, {"create", 1}, {"suspend", 3}, {"resume", 1}, {"reboot", 1}, {"managedSave", 5}} {
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

// TestDryRunFollowsPlannedObjects: the objects a dry run plans are
// followed: a volume created in a planned pool is a planned volume, a
// planned object answers its name, XML, connection and container from the
// plan, lookups by its name find it, and the calls made on it are
// recorded against it.
func TestDryRunFollowsPlannedObjects(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), DryRun: true})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	const poolXML = "<pool type='dir'><name>scratch</name><target><path>/var/tmp/scratch</path></target></pool>"
	const volXML = "<volume><name>disk1.img</name><capacity unit='MiB'>64</capacity></volume>"
	obj := func(v host.Value, want string) *host.Object {
		t.Helper()
		o, ok := v.(*host.Object)
		if !ok || o.String() != want {
			t.Fatalf("got %v, want %s", v, want)
		}
		return o
	}
	pool := obj(call(t, s, host.ClassConnect, "storagePoolDefineXML", conn, poolXML), "<virStoragePool scratch>")
	call(t, s, host.ClassStoragePool, "create", pool)
	vol := obj(call(t, s, host.ClassStoragePool, "createXML", pool, volXML), "<virStorageVol disk1.img>")
	for _, tc := range []struct {
		class, op string
		recv      *host.Object
		args      []host.Value
		want      host.Value
	}{
		{host.ClassStorageVol, "name", vol, nil, "disk1.img"},
		{host.ClassStorageVol, "XMLDesc", vol, nil, volXML},
		{host.ClassStorageVol, "connect", vol, nil, conn},
		{host.ClassStorageVol, "storagePoolLookupByVolume", vol, nil, pool},
		{host.ClassStoragePool, "XMLDesc", pool, nil, poolXML},
		{host.ClassConnect, "storagePoolLookupByName", conn, []host.Value{"scratch"}, pool},
		{host.ClassStoragePool, "storageVolLookupByName", pool, []host.Value{"disk1.img"}, vol},
	} {
		if got := call(t, s, tc.class, tc.op, tc.recv, tc.args...); got != tc.want {
			t.Errorf("%s.%s%v = %v, want %v", tc.recv, tc.op, tc.args, got, tc.want)
		}
	}
	call(t, s, host.ClassStorageVol, "delete", vol)
	if got, err := callErr(s, host.ClassStoragePool, "storageVolLookupByName", pool, "disk1.img"); err == nil {
		t.Errorf("lookup of a deleted planned volume = %v", got)
	}

	// A network and a port on it.
	net := obj(call(t, s, host.ClassConnect, "networkDefineXML", conn, "<network><name>lab</name></network>"), "<virNetwork lab>")
	if got := call(t, s, host.ClassConnect, "networkLookupByName", conn, "lab"); got != net {
		t.Errorf("networkLookupByName(lab) = %v, want the planned network", got)
	}
	const portUUID = "6ec8b0e2-6a59-4e0c-9d36-4b6a2f0a9e11"
	port := obj(call(t, s, host.ClassNetwork, "portCreateXML", net, "<networkport><uuid>"+portUUID+"</uuid></networkport>"),
		"<virNetworkPort "+portUUID+">")
	if got := call(t, s, host.ClassNetwork, "portLookupByUUIDString", net, portUUID); got != port {
		t.Errorf("portLookupByUUIDString = %v, want the planned port", got)
	}
	if got := call(t, s, host.ClassNetworkPort, "network", port); got != net {
		t.Errorf("network() of a planned port = %v", got)
	}

	// A domain and a snapshot of it.
	gamma := obj(call(t, s, host.ClassConnect, "defineXML", conn, newDomainXML), "<virDomain gamma>")
	if got := call(t, s, host.ClassConnect, "lookupByName", conn, "gamma"); got != gamma {
		t.Errorf("lookupByName(gamma) = %v, want the planned domain", got)
	}
	snap := obj(call(t, s, host.ClassDomain, "snapshotCreateXML", gamma, "<domainsnapshot><name>s1</name></domainsnapshot>"),
		"<virDomainSnapshot gamma/s1>")
	if got := call(t, s, host.ClassDomain, "snapshotLookupByName", gamma, "s1"); got != snap {
		t.Errorf("snapshotLookupByName(s1) = %v, want the planned snapshot", got)
	}
	if got := call(t, s, host.ClassSnapshot, "getDomain", snap); got != gamma {
		t.Errorf("getDomain() of a planned snapshot = %v", got)
	}
	// Other connections do not see the plan's objects.
	other := call(t, s, host.ClassModule, "open", nil, fixtureURI(t)).(*host.Object)
	if got, err := callErr(s, host.ClassConnect, "lookupByName", other, "gamma"); err == nil {
		t.Errorf("lookupByName(gamma) on another connection = %v", got)
	}

	var got []string
	for _, e := range s.Plan() {
		got = append(got, e.Receiver+" "+e.Op)
	}
	want := "<virConnect " + fixtureURI(t) + "> virConnect.storagePoolDefineXML\n" +
		"<virStoragePool scratch> virStoragePool.create\n" +
		"<virStoragePool scratch> virStoragePool.createXML\n" +
		"<virStorageVol disk1.img> virStorageVol.delete\n"
	if j := strings.Join(got, "\n") + "\n"; !strings.HasPrefix(j, want) {
		t.Errorf("plan:\n%s\nwant it to start with:\n%s", j, want)
	}
}

// TestDryRunKeepsBoundedXML: a planned object keeps the XML it was made
// from for XMLDesc only up to a bound; a longer one cannot be read.
func TestDryRunKeepsBoundedXML(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), DryRun: true})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	long := "<network><name>big</name><description>" + strings.Repeat("x", 1<<20) + "</description></network>"
	net := call(t, s, host.ClassConnect, "networkDefineXML", conn, long).(*host.Object)
	var pe *host.PlannedError
	if got, err := callErr(s, host.ClassNetwork, "XMLDesc", net); !errors.As(err, &pe) {
		t.Errorf("XMLDesc of a planned network made from 1 MiB of XML = %.40v, %v; want a PlannedError", got, err)
	}
	if got := call(t, s, host.ClassNetwork, "name", net); got != "big" {
		t.Errorf("name() = %v", got)
	}
}

// TestDryRunFollowsPlannedState: a planned object's state follows the
// plan: defined is inactive and persistent, created active and transient,
// started and stopped by later planned calls; one that the plan stops
// while transient, undefines while inactive or deletes is gone, and
// lookups no longer find it.
func TestDryRunFollowsPlannedState(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), DryRun: true})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	state := func(class string, o *host.Object) [2]host.Value {
		return [2]host.Value{call(t, s, class, "isActive", o), call(t, s, class, "isPersistent", o)}
	}
	const uuid = "3e7c7e4a-1f6b-4d39-9b8e-5d1a0c2f4b77"
	delta := call(t, s, host.ClassConnect, "defineXML", conn,
		"<domain type='test'><name>delta</name><uuid>"+uuid+"</uuid><memory>1024</memory></domain>").(*host.Object)
	if got := state(host.ClassDomain, delta); got != [2]host.Value{int64(0), int64(1)} {
		t.Errorf("defined domain: isActive, isPersistent = %v, want 0, 1", got)
	}
	if got := call(t, s, host.ClassDomain, "UUIDString", delta); got != uuid {
		t.Errorf("UUIDString() of a planned domain = %v, want its XML's", got)
	}
	call(t, s, host.ClassDomain, "create", delta)
	if got := state(host.ClassDomain, delta); got != [2]host.Value{int64(1), int64(1)} {
		t.Errorf("started domain: %v, want 1, 1", got)
	}
	call(t, s, host.ClassDomain, "destroy", delta)
	call(t, s, host.ClassDomain, "undefine", delta)
	if got, err := callErr(s, host.ClassConnect, "lookupByName", conn, "delta"); err == nil {
		t.Errorf("lookup of a domain the plan undefined = %v", got)
	}

	lab := call(t, s, host.ClassConnect, "networkCreateXML", conn, "<network><name>lab2</name></network>").(*host.Object)
	if got := state(host.ClassNetwork, lab); got != [2]host.Value{int64(1), int64(0)} {
		t.Errorf("created network: %v, want 1, 0", got)
	}
	call(t, s, host.ClassNetwork, "destroy", lab)
	if got, err := callErr(s, host.ClassConnect, "networkLookupByName", conn, "lab2"); err == nil {
		t.Errorf("lookup of a transient network the plan stopped = %v", got)
	}
}
