package host_test

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// objectsURI is the golden tests' node with snapshots (tests/fixtures/objects.xml).
func objectsURI(t *testing.T) string { return nodeURI(t, "../tests/fixtures/objects.xml") }

// TestSnapshotObjects checks that snapshots are one object each, whatever
// returned them, and that they lead back to the objects the script holds.
func TestSnapshotObjects(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	alpha := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	s1 := call(t, s, host.ClassDomain, "snapshotCreateXML", alpha, "<domainsnapshot><name>s1</name></domainsnapshot>").(*host.Object)
	if s1.String() != "<virDomainSnapshot alpha/s1>" || s1.Class() != host.ClassSnapshot {
		t.Errorf("snapshotCreateXML returned %s of class %s", s1, s1.Class())
	}
	s2 := call(t, s, host.ClassDomain, "snapshotCreateXML", alpha, "<domainsnapshot><name>s2</name></domainsnapshot>", int64(0)).(*host.Object)
	for _, c := range []struct {
		what string
		got  host.Value
		want *host.Object
	}{
		{"s2.getParent()", call(t, s, host.ClassSnapshot, "getParent", s2), s1},
		{"snapshotLookupByName(s1)", call(t, s, host.ClassDomain, "snapshotLookupByName", alpha, "s1"), s1},
		{"snapshotCurrent()", call(t, s, host.ClassDomain, "snapshotCurrent", alpha), s2},
		{"s1.listAllChildren()[0]", call(t, s, host.ClassSnapshot, "listAllChildren", s1).([]host.Value)[0], s2},
		{"s1.getDomain()", call(t, s, host.ClassSnapshot, "getDomain", s1), alpha},
		{"s2.domain()", call(t, s, host.ClassSnapshot, "domain", s2), alpha},
		{"s1.getConnect()", call(t, s, host.ClassSnapshot, "getConnect", s1), conn},
		{"s1.connect()", call(t, s, host.ClassSnapshot, "connect", s1), conn},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %s", c.what, c.got, c.want)
		}
	}
	all := call(t, s, host.ClassDomain, "listAllSnapshots", alpha).([]host.Value)
	if len(all) != 2 || !(all[0] == s1 && all[1] == s2 || all[0] == s2 && all[1] == s1) {
		t.Errorf("listAllSnapshots() = %v, want s1 and s2", all)
	}
	if got := s.Live(); got != 4 { // the connection, alpha, s1, s2
		t.Errorf("Live() = %d, want 4", got)
	}

	if got := call(t, s, host.ClassDomain, "revertToSnapshot", alpha, s1); got != int64(0) {
		t.Errorf("revertToSnapshot = %v, want 0", got)
	}
	if got := call(t, s, host.ClassSnapshot, "isCurrent", s1); got != int64(1) {
		t.Errorf("after revertToSnapshot(s1), s1.isCurrent() = %v", got)
	}
	_, err := callErr(s, host.ClassDomain, "revertToSnapshot", alpha, alpha)
	var ae *host.ArgError
	if !errors.As(err, &ae) || err.Error() != "virDomain.revertToSnapshot: for parameter snap: got virDomain, want virDomainSnapshot" {
		t.Errorf("revertToSnapshot(a domain): got %v", err)
	}

	call(t, s, host.ClassConnect, "close", conn)
	_, err = callErr(s, host.ClassSnapshot, "getName", s1)
	if e, ok := host.AsError(err); !ok || e.Code != 71 || err.Error() != "virDomainSnapshot.getName: invalid domain snapshot pointer in virDomainSnapshotGetName: its connection was closed" {
		t.Errorf("getName() after close: got %v", err)
	}
	_, err = callErr(s, host.ClassDomain, "revertToSnapshot", alpha, s1)
	if e, ok := host.AsError(err); !ok || e.Code != 7 {
		t.Errorf("revertToSnapshot after close: got %v", err)
	}
}

// TestUUIDArgument checks the raw UUID parameters: 16 bytes, or the
// libvirtError python raises before calling libvirt.
func TestUUIDArgument(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	for _, name := range []string{"secretLookupByUUID", "nwfilterLookupByUUID"} {
		_, err := callErr(s, host.ClassConnect, name, conn, host.Bytes("0123"))
		if e, ok := host.AsError(err); !ok || e.Code != 8 || err.Error() != "virConnect."+name+": invalid argument: uuid must be 16 bytes, got 4" {
			t.Errorf("%s(4 bytes): got %v", name, err)
		}
		// A string is its bytes; 16 of them reach libvirt, whose test
		// driver has no secrets or filters.
		_, err = callErr(s, host.ClassConnect, name, conn, "0123456789abcdef")
		if e, ok := host.AsError(err); !ok || e.Code != 3 {
			t.Errorf("%s(16 bytes): got %v, want libvirt's not supported error", name, err)
		}
	}
}

// TestObjectsDryRun plans the changes to snapshots, checkpoints, secrets
// and network filters: nothing changes, planned objects answer what the
// plan knows, and secret values never reach the plan or the audit log.
func TestObjectsDryRun(t *testing.T) {
	t.Parallel()
	var audit bytes.Buffer
	uri := objectsURI(t)
	s := host.NewSession(cgobackend.New(), host.Options{URI: uri, DryRun: true, Audit: slog.New(slog.NewJSONHandler(&audit, nil))})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	app1 := call(t, s, host.ClassConnect, "lookupByName", conn, "app-1").(*host.Object)
	base := call(t, s, host.ClassDomain, "snapshotLookupByName", app1, "base").(*host.Object)

	s1 := call(t, s, host.ClassDomain, "snapshotCreateXML", app1, "<domainsnapshot><name>s1</name></domainsnapshot>").(*host.Object)
	if s1.String() != "<virDomainSnapshot app-1/s1>" {
		t.Errorf("planned snapshot prints as %s", s1)
	}
	if got := call(t, s, host.ClassSnapshot, "getName", s1); got != "s1" {
		t.Errorf("getName() of a planned snapshot = %v", got)
	}
	if got := call(t, s, host.ClassSnapshot, "connect", s1); got != conn {
		t.Errorf("connect() of a planned snapshot = %v", got)
	}
	// Its XML is the plan's; what only libvirt knows cannot be read.
	if got := call(t, s, host.ClassSnapshot, "getXMLDesc", s1); got != "<domainsnapshot><name>s1</name></domainsnapshot>" {
		t.Errorf("getXMLDesc() of a planned snapshot = %v", got)
	}
	var pe *host.PlannedError
	if _, err := callErr(s, host.ClassSnapshot, "numChildren", s1); !errors.As(err, &pe) {
		t.Errorf("numChildren() of a planned snapshot: got %v", err)
	}
	// Only a redefinition returns the existing snapshot.
	const redefine = 1 // VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE
	if got := call(t, s, host.ClassDomain, "snapshotCreateXML", app1, "<domainsnapshot><name>base</name></domainsnapshot>", int64(redefine)); got != base {
		t.Errorf("a planned redefinition of base returned %v, want %s", got, base)
	}
	if got := call(t, s, host.ClassDomain, "snapshotCreateXML", app1, "<domainsnapshot/>").(*host.Object); got.String() != "<virDomainSnapshot app-1/(unnamed)>" {
		t.Errorf("a planned unnamed snapshot prints as %s", got)
	}
	call(t, s, host.ClassDomain, "revertToSnapshot", app1, base)
	call(t, s, host.ClassDomain, "revertToSnapshot", app1, s1)
	call(t, s, host.ClassSnapshot, "delete", base, int64(0))

	app2 := call(t, s, host.ClassConnect, "lookupByName", conn, "app-2").(*host.Object)
	c1 := call(t, s, host.ClassDomain, "checkpointCreateXML", app2, "<domaincheckpoint><name>c1</name></domaincheckpoint>").(*host.Object)
	if c1.String() != "<virDomainCheckpoint app-2/c1>" || call(t, s, host.ClassCheckpoint, "getName", c1) != "c1" {
		t.Errorf("planned checkpoint: %s", c1)
	}
	call(t, s, host.ClassCheckpoint, "delete", c1)

	// The test driver has no secrets or filters: the lookups that would
	// find a redefinition fail, so the plan makes new objects.
	sec := call(t, s, host.ClassConnect, "secretDefineXML", conn, "<secret><uuid>5f3c1a2b-0000-4c3d-8e5f-00000000000a</uuid></secret>").(*host.Object)
	if sec.String() != "<virSecret 5f3c1a2b-0000-4c3d-8e5f-00000000000a>" {
		t.Errorf("planned secret prints as %s", sec)
	}
	call(t, s, host.ClassSecret, "setValue", sec, host.Bytes("hunter2"))
	call(t, s, host.ClassSecret, "setValue", sec, "hunter3", int64(0))
	call(t, s, host.ClassSecret, "undefine", sec)
	// Reading a secret's value is privileged: planned, not made.
	if v := call(t, s, host.ClassSecret, "value", sec); v != int64(0) {
		t.Errorf("value() of a planned secret in a dry run: got %v, want 0", v)
	}
	f := call(t, s, host.ClassConnect, "nwfilterDefineXML", conn, "<filter name='no-spoofing' chain='root'/>").(*host.Object)
	if f.String() != "<virNWFilter no-spoofing>" || call(t, s, host.ClassNWFilter, "name", f) != "no-spoofing" {
		t.Errorf("planned filter: %s", f)
	}
	call(t, s, host.ClassNWFilter, "undefine", f)
	b := call(t, s, host.ClassConnect, "nwfilterBindingCreateXML", conn, "<filterbinding><portdev name='vnet0'/><filterref filter='no-spoofing'/></filterbinding>").(*host.Object)
	if b.String() != "<virNWFilterBinding vnet0>" || call(t, s, host.ClassNWFilterBinding, "portDev", b) != "vnet0" {
		t.Errorf("planned binding: %s", b)
	}
	call(t, s, host.ClassNWFilterBinding, "delete", b)

	var lines []string
	for _, e := range s.Plan() {
		lines = append(lines, e.String())
	}
	want := []string{
		`<virDomain app-1>.snapshotCreateXML("<domainsnapshot><name>s1</name></domainsnapshot>", 0)`,
		`<virDomain app-1>.snapshotCreateXML("<domainsnapshot><name>base</name></domainsnapshot>", VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE)`,
		`<virDomain app-1>.snapshotCreateXML("<domainsnapshot/>", 0)`,
		`<virDomain app-1>.revertToSnapshot(<virDomainSnapshot app-1/base>, 0)`,
		`<virDomain app-1>.revertToSnapshot(<virDomainSnapshot app-1/s1>, 0)`,
		`<virDomainSnapshot app-1/base>.delete(0)`,
		`<virDomain app-2>.checkpointCreateXML("<domaincheckpoint><name>c1</name></domaincheckpoint>", 0)`,
		`<virDomainCheckpoint app-2/c1>.delete(0)`,
		"<virConnect " + uri + `>.secretDefineXML("<secret><uuid>5f3c1a2b-0000-4c3d-8e5f-00000000000a</uuid></..., 0)`,
		`<virSecret 5f3c1a2b-0000-4c3d-8e5f-00000000000a>.setValue("<redacted>", 0)`,
		`<virSecret 5f3c1a2b-0000-4c3d-8e5f-00000000000a>.setValue("<redacted>", 0)`,
		`<virSecret 5f3c1a2b-0000-4c3d-8e5f-00000000000a>.undefine()`,
		`<virSecret 5f3c1a2b-0000-4c3d-8e5f-00000000000a>.value(0)`,
		"<virConnect " + uri + `>.nwfilterDefineXML("<filter name='no-spoofing' chain='root'/>")`,
		`<virNWFilter no-spoofing>.undefine()`,
		"<virConnect " + uri + `>.nwfilterBindingCreateXML("<filterbinding><portdev name='vnet0'/><filterref filter='no..., 0)`,
		`<virNWFilterBinding vnet0>.delete()`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("plan:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	for _, e := range s.Plan() {
		for _, a := range e.Args {
			if _, ok := a.(host.Bytes); ok || strings.Contains(host.Repr(a), "hunter") {
				t.Errorf("the plan holds a secret value: %s", e)
			}
		}
	}
	if strings.Contains(audit.String(), "hunter") {
		t.Errorf("the audit log holds a secret value:\n%s", audit.String())
	}

	// Nothing changed.
	if got := call(t, s, host.ClassDomain, "snapshotNum", app1); got != int64(2) {
		t.Errorf("after the dry run, snapshotNum() = %v, want 2", got)
	}
	if got := call(t, s, host.ClassDomain, "snapshotCurrent", app1).(*host.Object); got.String() != "<virDomainSnapshot app-1/upgrade>" {
		t.Errorf("after the dry run, the current snapshot is %s", got)
	}
	if got := call(t, s, host.ClassDomain, "listAllCheckpoints", app2).([]host.Value); len(got) != 0 {
		t.Errorf("after the dry run, app-2 has checkpoints %v", got)
	}
}
