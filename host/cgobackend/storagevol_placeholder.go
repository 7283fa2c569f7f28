package cgobackend

import (
	"libvirt.org/go/libvirt"

	"vertscript/host"
)

// storageVol implements host.StorageVol. The storage area declares it with
// the volume's other methods (host/cgobackend/storage.go): this file only
// lets the stream methods (stream.go) build before that, and goes when the
// two meet.
type storageVol struct{ v *libvirt.StorageVol }

var _ host.StorageVol = (*storageVol)(nil)

func (v *storageVol) Free() error { return conv(v.v.Free()) }
