package host_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
)

// storageURI is the golden tests' storage node: two pools with volumes.
func storageURI(t *testing.T) string { return nodeURI(t, "../tests/fixtures/storage.xml") }

func storageSession(t *testing.T, dryRun bool) (*host.Session, *host.Object) {
	t.Helper()
	s := checkedSession(t, host.Options{URI: storageURI(t), DryRun: dryRun})
	return s, open(t, s)
}

// TestStorageObjectsKeepTheirIdentity checks that objects reached by
// different routes are the same *Object, of the right class: pools by UUID,
// volumes by key, and that connect() is the connection.
func TestStorageObjectsKeepTheirIdentity(t *testing.T) {
	t.Parallel()
	s, conn := storageSession(t, false)
	pool := call(t, s, host.ClassConnect, "storagePoolLookupByName", conn, "default-pool").(*host.Object)
	if pool.Class() != host.ClassStoragePool {
		t.Fatalf("storagePoolLookupByName returned a %s", pool.Class())
	}
	uuid := call(t, s, host.ClassStoragePool, "UUID", pool)
	if b, ok := uuid.(host.Bytes); !ok || len(b) != 16 {
		t.Fatalf("UUID() = %#v, want 16 bytes", uuid)
	}
	if got := call(t, s, host.ClassConnect, "storagePoolLookupByUUID", conn, uuid); got != pool {
		t.Errorf("storagePoolLookupByUUID returned %v, want the pool looked up by name", got)
	}
	vol := call(t, s, host.ClassStoragePool, "storageVolLookupByName", pool, "web-1.img").(*host.Object)
	if vol.Class() != host.ClassStorageVol {
		t.Fatalf("storageVolLookupByName returned a %s", vol.Class())
	}
	if got := call(t, s, host.ClassStorageVol, "storagePoolLookupByVolume", vol); got != pool {
		t.Errorf("storagePoolLookupByVolume returned %v, want the pool", got)
	}
	if got := call(t, s, host.ClassConnect, "storageVolLookupByKey", conn, "/default-pool/web-1.img"); got != vol {
		t.Errorf("storageVolLookupByKey returned %v, want the volume", got)
	}
	found := false
	for _, v := range call(t, s, host.ClassStoragePool, "listAllVolumes", pool).([]host.Value) {
		found = found || v == vol
	}
	if !found {
		t.Errorf("listAllVolumes does not hold the volume looked up by name")
	}
	for class, o := range map[string]*host.Object{host.ClassStoragePool: pool, host.ClassStorageVol: vol} {
		if got := call(t, s, class, "connect", o); got != conn {
			t.Errorf("%s.connect() = %v, want the connection", class, got)
		}
	}
	// A clone is a new volume; createXMLFrom takes the volume object.
	clone := call(t, s, host.ClassStoragePool, "createXMLFrom", pool,
		"<volume><name>clone.img</name><capacity>1024</capacity></volume>", vol).(*host.Object)
	if got := call(t, s, host.ClassStorageVol, "key", clone); got != "/default-pool/clone.img" {
		t.Errorf("clone's key = %v", got)
	}
	_, err := callErr(s, host.ClassStoragePool, "createXMLFrom", pool, "<volume/>", pool)
	var ae *host.ArgError
	if !errors.As(err, &ae) {
		t.Errorf("createXMLFrom with a pool as clonevol: got %v, want an ArgError", err)
	}
}

// TestUUIDArgumentsAreSixteenBytes checks the raw-UUID lookups refuse
// another length, as libvirt-python does, before calling libvirt.
func TestUUIDArgumentsAreSixteenBytes(t *testing.T) {
	t.Parallel()
	s, conn := storageSession(t, false)
	for _, name := range []string{"networkLookupByUUID", "storagePoolLookupByUUID"} {
		_, err := callErr(s, host.ClassConnect, name, conn, host.Bytes("0123456789"))
		e, ok := host.AsError(err)
		if !ok || e.Code != 8 || e.Message != "invalid argument: uuid must be 16 bytes, got 10" {
			t.Errorf("%s(10 bytes): got %v, want VIR_ERR_INVALID_ARG", name, err)
		}
	}
}

// TestNetworkStorageDryRun checks that defining and creating networks,
// pools and volumes in a dry run plans objects named by their XML, returns
// existing objects for redefinitions, and changes nothing.
func TestNetworkStorageDryRun(t *testing.T) {
	t.Parallel()
	s, conn := storageSession(t, true)
	pool := call(t, s, host.ClassConnect, "storagePoolLookupByName", conn, "default-pool").(*host.Object)
	if got := call(t, s, host.ClassConnect, "storagePoolDefineXML", conn,
		"<pool type='dir'><name>default-pool</name><target><path>/p</path></target></pool>"); got != pool {
		t.Errorf("a dry-run redefinition returned %v, want the pool", got)
	}
	for _, tc := range []struct {
		class, op string
		recv      *host.Object
		xml       string
		want      string
	}{
		{host.ClassConnect, "networkDefineXML", conn, "<network><name>lab</name></network>", "<virNetwork lab>"},
		{host.ClassConnect, "networkCreateXMLFlags", conn, "<network><name>tmp</name></network>", "<virNetwork tmp>"},
		{host.ClassConnect, "storagePoolCreateXML", conn, "<pool type='dir'><name>scratch</name></pool>", "<virStoragePool scratch>"},
		{host.ClassStoragePool, "createXML", pool, "<volume><name>new.img</name></volume>", "<virStorageVol new.img>"},
	} {
		o, ok := call(t, s, tc.class, tc.op, tc.recv, tc.xml).(*host.Object)
		if !ok || o.String() != tc.want {
			t.Errorf("dry-run %s: got %v, want %s", tc.op, o, tc.want)
			continue
		}
		if got := call(t, s, o.Class(), "connect", o); got != conn {
			t.Errorf("connect() of planned %s = %v, want the connection", o, got)
		}
		if got := call(t, s, o.Class(), "name", o); "<"+o.Class()+" "+got.(string)+">" != tc.want {
			t.Errorf("name() of planned %s = %v", o, got)
		}
	}
	// XML the dry run cannot read as libvirt does cannot be planned:
	// which object it names is unknown. libvirt reads the first <name>.
	for _, doc := range []string{"not xml", "<!DOCTYPE n [<!ENTITY x 'lab'>]><network><name>&x;</name></network>"} {
		if _, err := callErr(s, host.ClassConnect, "networkDefineXML", conn, doc); err == nil || !strings.Contains(err.Error(), "a dry run cannot tell which object this XML names") {
			t.Errorf("dry-run networkDefineXML(%q): %v, want a refusal", doc, err)
		}
	}
	if o := call(t, s, host.ClassConnect, "networkDefineXML", conn, "<network><!-- x --><name>default</name><name>lab-tmp</name></network>").(*host.Object); o.String() != "<virNetwork default>" {
		t.Errorf("dry-run networkDefineXML with two names: %s, want the first, as libvirt reads it", o)
	}
	if got := call(t, s, host.ClassStoragePool, "numOfVolumes", pool); got != int64(2) {
		t.Errorf("after a dry run, the pool has %v volumes, want 2", got)
	}
	if got := call(t, s, host.ClassConnect, "numOfDefinedNetworks", conn); got != int64(0) {
		t.Errorf("after a dry run, %v networks are defined, want 0", got)
	}
}
