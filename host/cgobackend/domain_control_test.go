package cgobackend

import (
	"reflect"
	"strings"
	"testing"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// tp is a typed parameter.
func tp(name string, v any) host.TypedParam { return host.TypedParam{Name: name, Value: v} }

// TestMigrateParams: the parameters the core gives, and only those, are
// set in libvirt's struct; "migrate_disks" repeats.
func TestMigrateParams(t *testing.T) {
	got, err := migrateParams([]host.TypedParam{
		tp("migrate_uri", "tcp://dest"),
		tp("bandwidth", int64(100)),
		tp("bandwidth.postcopy", int64(100)),
		tp("migrate_disks", "vda"),
		tp("migrate_disks", "vdb"),
		tp("parallel.connections", int64(4)),
		tp("migrate_disks_detect_zeroes", false),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := libvirt.DomainMigrateParameters{
		URISet: true, URI: "tcp://dest",
		BandwidthSet: true, Bandwidth: 100,
		MigrateDisksSet: true, MigrateDisks: []string{"vda", "vdb"},
		ParallelConnectionsSet: true, ParallelConnections: 4,
		MigrateDisksDetectZeroesSet: true,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("migrateParams = %+v, want %+v", got, want)
	}
	for _, ps := range [][]host.TypedParam{
		{tp("bandwidth.postcopy", int64(5))},
		{tp("bandwidth", int64(4)), tp("bandwidth.postcopy", int64(5))},
	} {
		if _, err := migrateParams(ps); err == nil || !strings.Contains(err.Error(), "one value") {
			t.Errorf("migrateParams(%v): %v, want an error saying one value is sent", ps, err)
		}
	}
}

// TestMigrateFieldsCoverSchema: every field of host.MigrateParams maps to
// a field of libvirt's struct of the same kind, and every field with a
// Set flag is mapped ("bandwidth.postcopy" goes apart: the struct has no
// field of its own for it).
func TestMigrateFieldsCoverSchema(t *testing.T) {
	var p libvirt.DomainMigrateParameters
	var postcopySet bool
	var postcopy uint64
	fs := fieldsOf(migrateFields(&p, &postcopySet, &postcopy))
	for _, sf := range host.MigrateParams {
		if f, ok := fs[sf.Name]; !ok || f.kind() != sf.Kind {
			t.Errorf("schema field %q: mapped %v, kind %v, want %v", sf.Name, ok, f.kind(), sf.Kind)
		}
	}
	sets := 0
	typ := reflect.TypeOf(p)
	for i := 0; i < typ.NumField(); i++ {
		if strings.HasSuffix(typ.Field(i).Name, "Set") {
			sets++
		}
	}
	if len(fs) != len(host.MigrateParams) || sets != len(fs)-1 {
		t.Errorf("%d fields mapped, %d in the schema, %d Set flags in the struct", len(fs), len(host.MigrateParams), sets)
	}
}

func TestSaveParams(t *testing.T) {
	got, err := saveParams([]host.TypedParam{tp("file", "/tmp/x")})
	if want := (libvirt.DomainSaveRestoreParams{FileSet: true, File: "/tmp/x"}); err != nil || got != want {
		t.Errorf("saveParams = %+v, %v; want %+v", got, err, want)
	}
}
