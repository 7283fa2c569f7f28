package host_test

import (
	"errors"
	"testing"

	"vertscript/host"
)

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
