package driver

// ConnNetworkStorage are a connection's network and storage functions (see
// networkStorageOps).
type ConnNetworkStorage interface {
	// ListNetworks and ListDefinedNetworks list at most max (see the
	// package comment: the core counts first).
	ListNetworks(max int) ([]string, error)
	ListDefinedNetworks(max int) ([]string, error)
	ListAllNetworks(flags uint32) ([]Network, error)
	NumOfNetworks() (int, error)
	NumOfDefinedNetworks() (int, error)
	NetworkCreateXML(xml string) (Network, error)
	NetworkCreateXMLFlags(xml string, flags uint32) (Network, error)
	NetworkDefineXML(xml string) (Network, error)
	NetworkDefineXMLFlags(xml string, flags uint32) (Network, error)
	NetworkLookupByName(name string) (Network, error)
	// NetworkLookupByUUID takes the 16 bytes of a UUID.
	NetworkLookupByUUID(uuid []byte) (Network, error)
	NetworkLookupByUUIDString(uuid string) (Network, error)

	// ListStoragePools and ListDefinedStoragePools list at most max (see
	// the package comment: the core counts first).
	ListStoragePools(max int) ([]string, error)
	ListDefinedStoragePools(max int) ([]string, error)
	ListAllStoragePools(flags uint32) ([]StoragePool, error)
	NumOfStoragePools() (int, error)
	NumOfDefinedStoragePools() (int, error)
	StoragePoolCreateXML(xml string, flags uint32) (StoragePool, error)
	StoragePoolDefineXML(xml string, flags uint32) (StoragePool, error)
	StoragePoolLookupByName(name string) (StoragePool, error)
	StoragePoolLookupByTargetPath(path string) (StoragePool, error)
	// StoragePoolLookupByUUID takes the 16 bytes of a UUID.
	StoragePoolLookupByUUID(uuid []byte) (StoragePool, error)
	StoragePoolLookupByUUIDString(uuid string) (StoragePool, error)
	StorageVolLookupByKey(key string) (StorageVol, error)
	StorageVolLookupByPath(path string) (StorageVol, error)
	// FindStoragePoolSources passes a nil srcSpec as NULL.
	FindStoragePoolSources(poolType string, srcSpec *string, flags uint32) (string, error)
	GetStoragePoolCapabilities(flags uint32) (string, error)
}

// Network is a virtual network, virNetworkPtr. Free releases the pointer;
// the core calls it exactly once per Network a backend returns.
type Network interface {
	Free() error
	GetName() (string, error)
	// GetUUID returns the 16 bytes of the UUID.
	GetUUID() ([]byte, error)
	GetUUIDString() (string, error)
	GetXMLDesc(flags uint32) (string, error)
	GetBridgeName() (string, error)
	GetAutostart() (bool, error)
	SetAutostart(autostart bool) error
	IsActive() (bool, error)
	IsPersistent() (bool, error)
	Create() error
	Destroy() error
	Undefine() error
	Update(command, section uint32, parentIndex int32, xml string, flags uint32) error
	// GetDHCPLeases returns the leases, only those of mac when it is not
	// nil.
	GetDHCPLeases(mac *string, flags uint32) ([]NetworkDHCPLease, error)
	ListAllPorts(flags uint32) ([]NetworkPort, error)
	PortCreateXML(xml string, flags uint32) (NetworkPort, error)
	// PortLookupByUUID takes the 16 bytes of a UUID.
	PortLookupByUUID(uuid []byte) (NetworkPort, error)
	PortLookupByUUIDString(uuid string) (NetworkPort, error)
}

// NetworkDHCPLease is virNetworkDHCPLease. Hostname, ClientID and IAID are
// "" where libvirt has none (NULL).
type NetworkDHCPLease struct {
	Iface      string
	ExpiryTime int64 // seconds since the epoch
	Type       int   // VIR_IP_ADDR_TYPE_*
	MAC        string
	IPAddr     string
	Prefix     uint32
	Hostname   string
	ClientID   string
	IAID       string
}

// NetworkPort is a port of a network, virNetworkPortPtr. Free releases the
// pointer; the core calls it exactly once per NetworkPort a backend
// returns.
type NetworkPort interface {
	Free() error
	// GetNetwork returns the port's network, which the core frees.
	GetNetwork() (Network, error)
	// GetUUID returns the 16 bytes of the UUID.
	GetUUID() ([]byte, error)
	GetUUIDString() (string, error)
	GetXMLDesc(flags uint32) (string, error)
	Delete(flags uint32) error
	GetParameters(flags uint32) (NetworkPortParameters, error)
	SetParameters(params NetworkPortParameters, flags uint32) error
}

// NetworkPortParameters are a port's typed parameters, by libvirt's field
// names (VIR_NETWORK_PORT_BANDWIDTH_*: "inbound.average", ...), all
// unsigned ints. A field that is absent is not set.
type NetworkPortParameters map[string]uint32

// NetworkPortFields are the fields of NetworkPortParameters, in the order
// libvirt returns them.
func NetworkPortFields() []string {
	return []string{"inbound.average", "inbound.peak", "inbound.floor", "inbound.burst",
		"outbound.average", "outbound.peak", "outbound.burst"}
}

// StoragePool is a storage pool, virStoragePoolPtr. Free releases the
// pointer; the core calls it exactly once per StoragePool a backend
// returns.
type StoragePool interface {
	Free() error
	GetName() (string, error)
	// GetUUID returns the 16 bytes of the UUID.
	GetUUID() ([]byte, error)
	GetUUIDString() (string, error)
	GetXMLDesc(flags uint32) (string, error)
	GetInfo() (StoragePoolInfo, error)
	GetAutostart() (bool, error)
	SetAutostart(autostart bool) error
	IsActive() (bool, error)
	IsPersistent() (bool, error)
	Build(flags uint32) error
	Create(flags uint32) error
	Delete(flags uint32) error
	Destroy() error
	Undefine() error
	Refresh(flags uint32) error
	NumOfVolumes() (int, error)
	// ListVolumes lists at most max (see the package comment: the core
	// counts first with NumOfVolumes).
	ListVolumes(max int) ([]string, error)
	ListAllVolumes(flags uint32) ([]StorageVol, error)
	StorageVolCreateXML(xml string, flags uint32) (StorageVol, error)
	// StorageVolCreateXMLFrom clones clone, a volume this backend returned.
	StorageVolCreateXMLFrom(xml string, clone StorageVol, flags uint32) (StorageVol, error)
	StorageVolLookupByName(name string) (StorageVol, error)
}

// StoragePoolInfo is virStoragePoolInfo.
type StoragePoolInfo struct {
	State      int    // VIR_STORAGE_POOL_*
	Capacity   uint64 // bytes
	Allocation uint64 // bytes
	Available  uint64 // bytes
}

// StorageVol is a storage volume, virStorageVolPtr. Free releases the
// pointer; the core calls it exactly once per StorageVol a backend returns.
type StorageVol interface {
	Free() error
	GetName() (string, error)
	GetKey() (string, error)
	GetPath() (string, error)
	GetXMLDesc(flags uint32) (string, error)
	GetInfo() (StorageVolInfo, error)
	GetInfoFlags(flags uint32) (StorageVolInfo, error)
	Delete(flags uint32) error
	Resize(capacity uint64, flags uint32) error
	Wipe(flags uint32) error
	WipePattern(algorithm, flags uint32) error
	// StoragePoolLookupByVolume returns the volume's pool, which the core
	// frees.
	StoragePoolLookupByVolume() (StoragePool, error)
	VolStreams
}

// StorageVolInfo is virStorageVolInfo.
type StorageVolInfo struct {
	Type       int    // VIR_STORAGE_VOL_*
	Capacity   uint64 // bytes
	Allocation uint64 // bytes
}
