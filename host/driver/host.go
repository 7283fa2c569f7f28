package driver

// PageCount is one page size of virNodeAllocPages: the size in KiB and the
// number of pages.
type PageCount struct {
	Size  uint32
	Count uint64
}

// ConnHost are a connection's host, CPU and domain-definition functions,
// and its interface and node device functions (see hostOps). A string
// argument that libvirt accepts as NULL is passed as "" for NULL unless its
// method says otherwise.
type ConnHost interface {
	// NodeAllocPages returns the number of pages libvirt allocated or
	// freed.
	NodeAllocPages(pages []PageCount, startCell int, cellCount uint32, flags uint32) (int, error)
	BaselineCPU(xmlCPUs []string, flags uint32) (string, error)
	BaselineHypervisorCPU(emulator, arch, machine, virttype string, xmlCPUs []string, flags uint32) (string, error)
	// CompareCPU returns a virCPUCompareResult.
	CompareCPU(xml string, flags uint32) (int, error)
	CompareHypervisorCPU(emulator, arch, machine, virttype, xml string, flags uint32) (int, error)
	GetCPUModelNames(arch string, flags uint32) ([]string, error)
	GetDomainCapabilities(emulator, arch, machine, virttype string, flags uint32) (string, error)
	GetMaxVcpus(typ string) (int, error)
	GetSysinfo(flags uint32) (string, error)
	SetIdentity(params []TypedParam, flags uint32) error

	// NodeGetCPUMap returns one bool per host CPU (true when it is
	// online) and the number online.
	NodeGetCPUMap(flags uint32) (cpus []bool, online uint, err error)
	NodeGetCPUStats(cpuNum int, flags uint32) ([]TypedParam, error)
	// NodeGetCellsFreeMemory returns the free memory of up to maxCells
	// NUMA cells from startCell, in bytes.
	NodeGetCellsFreeMemory(startCell, maxCells int) ([]uint64, error)
	// NodeGetFreePages returns the counts libvirt filled in: for each cell
	// from startCell, one count per page size, in the order of pages.
	NodeGetFreePages(pages []uint32, startCell int, cellCount uint32, flags uint32) ([]uint64, error)
	NodeGetMemoryParameters(flags uint32) ([]TypedParam, error)
	NodeSetMemoryParameters(params []TypedParam, flags uint32) error
	NodeGetMemoryStats(cellNum int, flags uint32) ([]TypedParam, error)
	NodeGetSEVInfo(flags uint32) ([]TypedParam, error)
	NodeGetSecurityModel() (model, doi string, err error)
	NodeSuspendForDuration(target uint32, duration uint64, flags uint32) error

	DomainCreateLinux(xml string, flags uint32) (Domain, error)
	DomainDefineXMLFlags(xml string, flags uint32) (Domain, error)
	// DomainLookupByUUID takes the UUID's 16 bytes.
	DomainLookupByUUID(uuid []byte) (Domain, error)
	DomainXMLFromNative(format, config string, flags uint32) (string, error)
	DomainXMLToNative(format, xml string, flags uint32) (string, error)

	InterfaceChangeBegin(flags uint32) error
	InterfaceChangeCommit(flags uint32) error
	InterfaceChangeRollback(flags uint32) error
	InterfaceDefineXML(xml string, flags uint32) (Interface, error)
	InterfaceLookupByName(name string) (Interface, error)
	InterfaceLookupByMACString(mac string) (Interface, error)
	// ListInterfaces and ListDefinedInterfaces list at most max (see the
	// package comment: the core counts first).
	ListInterfaces(max int) ([]string, error)
	ListDefinedInterfaces(max int) ([]string, error)
	ListAllInterfaces(flags uint32) ([]Interface, error)
	NumOfInterfaces() (int, error)
	NumOfDefinedInterfaces() (int, error)

	// NodeListDevices returns the names of at most max devices with
	// capability cap, or of every device when cap is nil (see the package
	// comment: the core counts first with NodeNumOfDevices).
	NodeListDevices(cap *string, max int, flags uint32) ([]string, error)
	// NodeNumOfDevices counts the devices with capability cap, or every
	// device when cap is nil.
	NodeNumOfDevices(cap *string, flags uint32) (int, error)
	ListAllNodeDevices(flags uint32) ([]NodeDevice, error)
	NodeDeviceCreateXML(xml string, flags uint32) (NodeDevice, error)
	NodeDeviceDefineXML(xml string, flags uint32) (NodeDevice, error)
	NodeDeviceLookupByName(name string) (NodeDevice, error)
	NodeDeviceLookupSCSIHostByWWN(wwnn, wwpn string, flags uint32) (NodeDevice, error)
}

// Interface is a host network interface, virInterfacePtr. Free releases
// the pointer; the core calls it exactly once per Interface a backend
// returns.
type Interface interface {
	Free() error
	GetName() (string, error)
	GetMACString() (string, error)
	GetXMLDesc(flags uint32) (string, error)
	IsActive() (bool, error)
	Create(flags uint32) error
	Destroy(flags uint32) error
	Undefine() error
}

// NodeDevice is a host device, virNodeDevicePtr. Free releases the
// pointer; the core calls it exactly once per NodeDevice a backend returns.
type NodeDevice interface {
	Free() error
	GetName() (string, error)
	// GetParent returns the name of the device's parent, "" when it has
	// none.
	GetParent() (string, error)
	GetXMLDesc(flags uint32) (string, error)
	// ListCaps lists at most max capabilities (see the package comment:
	// the core counts first with NumOfCaps).
	ListCaps(max int) ([]string, error)
	NumOfCaps() (int, error)
	IsActive() (bool, error)
	IsPersistent() (bool, error)
	GetAutostart() (bool, error)
	SetAutostart(autostart bool) error
	Create(flags uint32) error
	Destroy() error
	Undefine(flags uint32) error
	// DetachFlags detaches the device from its host driver and binds it
	// to driverName, or to the hypervisor's default when driverName is
	// nil.
	DetachFlags(driverName *string, flags uint32) error
	Dettach() error
	ReAttach() error
	Reset() error
}
