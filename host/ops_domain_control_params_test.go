package host

import (
	"reflect"
	"testing"
)

func ptr[T any](v T) *T { return &v }

// TestMigrateParamsMapping: each key of libvirt-python's migration dict
// sets its field, and only the keys given are set.
func TestMigrateParamsMapping(t *testing.T) {
	c := &Call{op: Lookup(ClassDomain, "migrate3")}
	m := NewMap()
	m.Set("migrate_uri", "tcp://dest:49152")
	m.Set("destination_name", "moved")
	m.Set("bandwidth", int64(100))
	m.Set("bandwidth.postcopy", int64(100))
	m.Set("migrate_disks", Tuple{"vda", "vdb"})
	m.Set("disks_port", int64(49153))
	m.Set("compression.mt.level", int64(-1))
	m.Set("compression.xbzrle.cache", int64(1)<<40)
	m.Set("migrate_disks_detect_zeroes", int64(1))
	got, err := c.migrateParams("params", m)
	if err != nil {
		t.Fatal(err)
	}
	want := MigrateParams{
		URI:                      ptr("tcp://dest:49152"),
		DestName:                 ptr("moved"),
		Bandwidth:                ptr(uint64(100)),
		MigrateDisks:             []string{"vda", "vdb"},
		DisksPort:                ptr(int32(49153)),
		CompressionMTLevel:       ptr(int32(-1)),
		CompressionXBZRLECache:   ptr(uint64(1) << 40),
		MigrateDisksDetectZeroes: ptr(true),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("migrateParams = %+v, want %+v", got, want)
	}

	one := NewMap()
	one.Set("migrate_disks", "vda")
	if got, err := c.migrateParams("params", one); err != nil || !reflect.DeepEqual(got.MigrateDisks, []string{"vda"}) {
		t.Errorf("migrate_disks as one string: %+v, %v", got, err)
	}
	if got, err := c.migrateParams("params", NewMap()); err != nil || !reflect.DeepEqual(got, MigrateParams{}) {
		t.Errorf("empty dict: %+v, %v; want nothing set", got, err)
	}
}

func TestBlockCopyAndSaveParamsMapping(t *testing.T) {
	c := &Call{op: Lookup(ClassDomain, "blockCopy")}
	m := NewMap()
	m.Set("granularity", int64(65536))
	m.Set("buf-size", true) // a bool counts as an int, as in Python
	got, err := c.blockCopyParams("params", m)
	if err != nil {
		t.Fatal(err)
	}
	if want := (BlockCopyParams{Granularity: ptr(uint32(65536)), BufSize: ptr(uint64(1))}); !reflect.DeepEqual(got, want) {
		t.Errorf("blockCopyParams = %+v, want %+v", got, want)
	}
	if got, err := c.blockCopyParams("params", nil); err != nil || got != (BlockCopyParams{}) {
		t.Errorf("None: %+v, %v; want nothing set", got, err)
	}

	s := NewMap()
	s.Set("dxml", "<domain/>")
	if got, err := c.saveParams("params", s); err != nil || got.File != nil || *got.DXML != "<domain/>" {
		t.Errorf("saveParams = %+v, %v", got, err)
	}
}
