package host

// ConnNetworkStorage are a connection's network and storage functions.
type ConnNetworkStorage interface{}

// StorageVol is a storage volume, virStorageVolPtr. Free releases the
// pointer; the core calls it exactly once per StorageVol a backend returns.
type StorageVol interface {
	Free() error
	VolStreams
}
