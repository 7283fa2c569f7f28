package host

import (
	"reflect"
	"testing"
)

// TestMigrateParamsMapping: each key of libvirt-python's migration dict
// becomes its typed parameter, in MigrateParams' order, only the keys
// given; "bandwidth" brings "bandwidth.postcopy" of the same value.
func TestMigrateParamsMapping(t *testing.T) {
	c := &Call{op: Lookup(ClassDomain, "migrate3")}
	m := NewMap()
	m.Set("migrate_disks_detect_zeroes", int64(1))
	m.Set("migrate_uri", "tcp://dest:49152")
	m.Set("destination_name", "moved")
	m.Set("bandwidth", int64(100))
	m.Set("migrate_disks", Tuple{"vda", "vdb"})
	m.Set("disks_port", int64(49153))
	m.Set("compression.mt.level", int64(-1))
	m.Set("compression.xbzrle.cache", int64(1)<<40)
	got, err := c.migrateParams("params", m)
	if err != nil {
		t.Fatal(err)
	}
	want := []TypedParam{
		tp("migrate_uri", "tcp://dest:49152"),
		tp("destination_name", "moved"),
		tp("bandwidth", int64(100)),
		tp("bandwidth.postcopy", int64(100)),
		tp("migrate_disks", "vda"),
		tp("migrate_disks", "vdb"),
		tp("disks_port", int64(49153)),
		tp("compression.mt.level", int64(-1)),
		tp("compression.xbzrle.cache", int64(1)<<40),
		tp("migrate_disks_detect_zeroes", true),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("migrateParams = %+v\nwant %+v", got, want)
	}

	both := NewMap()
	both.Set("bandwidth.postcopy", int64(7))
	both.Set("bandwidth", int64(7))
	if got, err := c.migrateParams("params", both); err != nil || !reflect.DeepEqual(got, []TypedParam{tp("bandwidth", int64(7)), tp("bandwidth.postcopy", int64(7))}) {
		t.Errorf("bandwidth and bandwidth.postcopy: %+v, %v", got, err)
	}
	one := NewMap()
	one.Set("migrate_disks", "vda")
	if got, err := c.migrateParams("params", one); err != nil || !reflect.DeepEqual(got, []TypedParam{tp("migrate_disks", "vda")}) {
		t.Errorf("migrate_disks as one string: %+v, %v", got, err)
	}
	if got, err := c.migrateParams("params", NewMap()); err != nil || len(got) != 0 {
		t.Errorf("empty dict: %+v, %v; want nothing set", got, err)
	}
	if uris := migrateURIs(want); !reflect.DeepEqual(uris, []string{"tcp://dest:49152", ""}) {
		t.Errorf("migrateURIs = %q", uris)
	}
}

func TestBlockCopyAndSaveParamsMapping(t *testing.T) {
	c := &Call{op: Lookup(ClassDomain, "blockCopy")}
	m := NewMap()
	m.Set("buf-size", true) // a bool counts as an int, as in Python
	m.Set("granularity", int64(65536))
	got, err := c.blockCopyParams("params", m)
	if err != nil {
		t.Fatal(err)
	}
	if want := []TypedParam{tp("granularity", int64(65536)), tp("buf-size", int64(1))}; !reflect.DeepEqual(got, want) {
		t.Errorf("blockCopyParams = %+v, want %+v", got, want)
	}
	if got, err := c.blockCopyParams("params", nil); err != nil || got != nil {
		t.Errorf("None: %+v, %v; want nothing set", got, err)
	}

	s := NewMap()
	s.Set("dxml", "<domain/>")
	got, err = c.saveParams("params", s)
	if _, hasFile := typedString(got, "file"); err != nil || hasFile || !reflect.DeepEqual(got, []TypedParam{tp("dxml", "<domain/>")}) {
		t.Errorf("saveParams = %+v, %v", got, err)
	}
}

// tp is a TypedParam.
func tp(name string, v any) TypedParam { return TypedParam{Name: name, Value: v} }
