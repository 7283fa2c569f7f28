package cgobackend

import (
	"testing"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

func ptr[T any](v T) *T { return &v }

// TestMigrateParams: the fields the core sets, and only those, are set in
// libvirt's struct.
func TestMigrateParams(t *testing.T) {
	got := migrateParams(host.MigrateParams{
		URI:                      ptr("tcp://dest"),
		Bandwidth:                ptr(uint64(100)),
		MigrateDisks:             []string{"vda"},
		ParallelConnections:      ptr(int32(4)),
		MigrateDisksDetectZeroes: ptr(false),
	})
	want := libvirt.DomainMigrateParameters{
		URISet: true, URI: "tcp://dest",
		BandwidthSet: true, Bandwidth: 100,
		MigrateDisksSet: true, MigrateDisks: []string{"vda"},
		ParallelConnectionsSet: true, ParallelConnections: 4,
		MigrateDisksDetectZeroesSet: true,
	}
	if got.URISet != want.URISet || got.URI != want.URI || got.BandwidthSet != want.BandwidthSet || got.Bandwidth != want.Bandwidth ||
		!got.MigrateDisksSet || len(got.MigrateDisks) != 1 || got.MigrateDisks[0] != "vda" ||
		got.ParallelConnectionsSet != want.ParallelConnectionsSet || got.ParallelConnections != want.ParallelConnections ||
		!got.MigrateDisksDetectZeroesSet || got.MigrateDisksDetectZeroes {
		t.Errorf("migrateParams = %+v, want %+v", got, want)
	}
	if got.DestNameSet || got.DisksPortSet || got.CompressionSet || got.TLSDestinationSet {
		t.Errorf("migrateParams set fields the core did not: %+v", got)
	}
}

func TestSaveParams(t *testing.T) {
	got := saveParams(host.SaveParams{File: ptr("/tmp/x")})
	if want := (libvirt.DomainSaveRestoreParams{FileSet: true, File: "/tmp/x"}); got != want {
		t.Errorf("saveParams = %+v, want %+v", got, want)
	}
}
