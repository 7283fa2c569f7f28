package driver

// Backend is how the core reaches libvirt. The cgo backend (package
// host/cgobackend) calls the C library through libvirt.org/go/libvirt; other
// backends may speak libvirt's remote protocol directly.
//
// Backends know libvirt and nothing of scripts: they take and return Go
// values, and report failures as *Error with libvirt's code, domain and
// message (the Op field is filled in by the core). Methods are named after the
// C functions they call, without the vir prefix.
type Backend interface {
	// GetVersion returns the libvirt library version, major*1,000,000 +
	// minor*1,000 + release.
	GetVersion() (uint64, error)
	// Initialize initializes the library (virInitialize); ConnectOpen
	// does it too.
	Initialize() error
	// ConnectOpen opens a connection to uri; readOnly selects
	// virConnectOpenReadOnly.
	ConnectOpen(uri string, readOnly bool) (Conn, error)
}

// NodeInfo is virNodeInfo.
type NodeInfo struct {
	Model   string
	Memory  uint64 // KiB
	CPUs    uint
	MHz     uint
	Nodes   uint32
	Sockets uint32
	Cores   uint32
	Threads uint32
}

// Conn is a connection, virConnectPtr: the base every backend implements,
// and the areas, which a backend may take from UnimplementedConnAreas
// until it has them.
type Conn interface {
	ConnBase
	ConnHost
	ConnDomainControl
	ConnDomainStats
	ConnNetworkStorage
	ConnObjects
	ConnStreams
	ConnEvents
}

// ConnBase are the connection functions every backend implements: enough
// to open a connection, name it, and find, define and start its domains.
type ConnBase interface {
	// Close closes the connection and returns the references still held
	// on it (0 when every object was freed first).
	Close() (int, error)
	GetURI() (string, error)
	GetHostname() (string, error)
	GetType() (string, error)
	GetVersion() (uint64, error)
	GetLibVersion() (uint64, error)
	NodeGetInfo() (NodeInfo, error)
	GetCapabilities() (string, error)
	NodeGetFreeMemory() (uint64, error)
	IsAlive() (bool, error)
	IsEncrypted() (bool, error)
	IsSecure() (bool, error)
	// ListDomains and ListDefinedDomains list at most max (see the
	// package comment: the core counts first).
	ListDomains(max int) ([]int64, error)
	ListDefinedDomains(max int) ([]string, error)
	ListAllDomains(flags uint32) ([]Domain, error)
	NumOfDomains() (int, error)
	NumOfDefinedDomains() (int, error)
	DomainLookupByID(id uint32) (Domain, error)
	DomainLookupByName(name string) (Domain, error)
	DomainLookupByUUIDString(uuid string) (Domain, error)
	DomainDefineXML(xml string) (Domain, error)
	DomainCreateXML(xml string, flags uint32) (Domain, error)
}

// DomainInfo is virDomainInfo.
type DomainInfo struct {
	State     int
	MaxMem    uint64 // KiB
	Memory    uint64 // KiB
	NrVirtCPU uint
	CPUTime   uint64 // nanoseconds
}

// Domain is a domain, virDomainPtr: the base every backend implements, and
// the areas, which a backend may take from UnimplementedDomainAreas until it
// has them.
type Domain interface {
	DomainBase
	DomainStats
	DomainControl
	DomainObjects
	DomainStreams
}

// DomainBase are the domain functions every backend implements: a domain's
// identity, state, definition and life cycle. Free releases the pointer;
// the core calls it exactly once per Domain a backend returns.
type DomainBase interface {
	Free() error
	GetUUIDString() (string, error)
	GetName() (string, error)
	// GetID returns -1 for an inactive domain.
	GetID() (int64, error)
	GetInfo() (DomainInfo, error)
	GetState(flags uint32) (state, reason int, err error)
	IsActive() (bool, error)
	IsPersistent() (bool, error)
	GetMaxMemory() (uint64, error)
	GetXMLDesc(flags uint32) (string, error)
	Create() error
	Suspend() error
	Resume() error
	Shutdown() error
	Reboot(flags uint32) error
	Destroy() error
	Undefine() error
	GetAutostart() (bool, error)
	SetAutostart(autostart bool) error
}
