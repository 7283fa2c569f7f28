package driver

// DomainStats are a domain's statistics and tunables (see domainStatsOps).
//
// Typed parameters travel as []TypedParam (see the schemas in host's
// ops_domain_stats_schema.go). A getter returns what libvirt reported, in
// its order, or those fields its library knows; the core keeps the fields
// of its schema, in the schema's order, so that every backend shows the
// same. Setters receive only the fields a script's dict names, already
// checked against the schema. CPU maps are []bool, one entry per host CPU. The core sizes
// them as libvirt-python does, to the count virNodeGetCPUMap reports: it
// passes that count (ncpus) to the getters, which need it to ask libvirt,
// and cuts or pads what they return to it; a setter's map is already cut
// or padded to it.
type DomainStats interface {
	GetUUID() ([]byte, error)
	GetOSType() (string, error)
	GetHostname(flags uint32) (string, error)
	IsUpdated() (bool, error)
	GetControlInfo(flags uint32) (DomainControlInfo, error)
	GetTime(flags uint32) (seconds int64, nseconds uint, err error)
	SetTime(seconds int64, nseconds uint, flags uint32) error
	GetMetadata(typ int, uri string, flags uint32) (string, error)
	// SetMetadata passes "" for metadata, key and uri as NULL.
	SetMetadata(typ int, metadata, key, uri string, flags uint32) error
	GetMessages(flags uint32) ([]string, error)
	GetSecurityLabel() (SecurityLabel, error)
	GetSecurityLabelList() ([]SecurityLabel, error)
	GetFSInfo(flags uint32) ([]DomainFSInfo, error)
	GetGuestInfo(types, flags uint32) ([]TypedParam, error)
	GetLaunchSecurityInfo(flags uint32) ([]TypedParam, error)
	SetLaunchSecurityState(params []TypedParam, flags uint32) error

	// CPU and scheduler.
	GetCPUStats(startCPU int, ncpus uint, flags uint32) ([][]TypedParam, error)
	GetSchedulerType() (typ string, nparams int, err error)
	GetSchedulerParameters() ([]TypedParam, error)
	GetSchedulerParametersFlags(flags uint32) ([]TypedParam, error)
	SetSchedulerParameters(params []TypedParam) error
	SetSchedulerParametersFlags(params []TypedParam, flags uint32) error
	GetPerfEvents(flags uint32) ([]TypedParam, error)
	SetPerfEvents(params []TypedParam, flags uint32) error

	// Virtual CPUs and pinning.
	GetMaxVcpus() (int, error)
	GetVcpus(ncpus int) ([]VcpuInfo, [][]bool, error)
	GetVcpusFlags(flags uint32) (int, error)
	SetVcpus(nvcpus uint) error
	SetVcpusFlags(nvcpus uint, flags uint32) error
	// SetVcpu and SetGuestVcpus take a CPU list as libvirt parses it
	// ("1-3,^2"), which the core has checked.
	SetVcpu(cpumap string, state bool, flags uint32) error
	GetVcpuPinInfo(ncpus int, flags uint32) ([][]bool, error)
	PinVcpu(vcpu uint, cpumap []bool) error
	PinVcpuFlags(vcpu uint, cpumap []bool, flags uint32) error
	GetEmulatorPinInfo(ncpus int, flags uint32) ([]bool, error)
	PinEmulator(cpumap []bool, flags uint32) error
	// GetGuestVcpus returns the CPU lists libvirt reported (host's
	// GuestVcpusParams: "vcpus", "online", "offlinable"), as strings.
	GetGuestVcpus(flags uint32) ([]TypedParam, error)
	SetGuestVcpus(cpumap string, state bool, flags uint32) error
	GetIOThreadInfo(ncpus int, flags uint32) ([]IOThreadInfo, error)
	AddIOThread(id uint, flags uint32) error
	DelIOThread(id uint, flags uint32) error
	PinIOThread(id uint, cpumap []bool, flags uint32) error
	SetIOThreadParams(id uint, params []TypedParam, flags uint32) error

	// Memory.
	GetMemoryParameters(flags uint32) ([]TypedParam, error)
	SetMemoryParameters(params []TypedParam, flags uint32) error
	// MemoryStats returns every statistic libvirt reports, in its order.
	// MemoryStats asks libvirt for at most nrStats statistics.
	MemoryStats(nrStats, flags uint32) ([]MemoryStat, error)
	SetMemoryStatsPeriod(period int, flags uint32) error
	GetNumaParameters(flags uint32) ([]TypedParam, error)
	SetNumaParameters(params []TypedParam, flags uint32) error
	MemoryPeek(start, size uint64, flags uint32) ([]byte, error)

	// Block devices.
	GetBlkioParameters(flags uint32) ([]TypedParam, error)
	SetBlkioParameters(params []TypedParam, flags uint32) error
	GetBlockInfo(disk string, flags uint32) (BlockInfo, error)
	GetBlockIoTune(disk string, flags uint32) ([]TypedParam, error)
	SetBlockIoTune(disk string, params []TypedParam, flags uint32) error
	BlockStats(path string) (BlockStats, error)
	BlockStatsFlags(path string, flags uint32) ([]TypedParam, error)
	GetDiskErrors(flags uint32) ([]DiskError, error)
	BlockPeek(disk string, offset, size uint64, flags uint32) ([]byte, error)

	// Network interfaces.

	// InterfaceAddresses may refuse flags other than 0 (libvirt defines
	// none, and its drivers refuse any) as libvirt's drivers do.
	InterfaceAddresses(source, flags uint32) ([]DomainInterface, error)
	GetInterfaceParameters(device string, flags uint32) ([]TypedParam, error)
	SetInterfaceParameters(device string, params []TypedParam, flags uint32) error
	InterfaceStats(path string) (InterfaceStats, error)

	// Jobs.
	GetJobInfo() (JobInfo, error)
	GetJobStats(flags uint32) (jobType int, params []TypedParam, err error)
}

// ConnDomainStats are a connection's functions that gather the statistics
// of many domains at once, as libvirt's flat typed parameters
// ("state.state", "cpu.time", "block.0.rd.reqs", ...) in libvirt's order.
type ConnDomainStats interface {
	// GetAllDomainStats returns records whose Domain the caller owns.
	GetAllDomainStats(stats, flags uint32) ([]DomainStatsRecord, error)
	// DomainListGetStats returns records whose Index is the position of
	// their domain in doms (which it does not free).
	DomainListGetStats(doms []Domain, stats, flags uint32) ([]DomainStatsRecord, error)
}

// DomainStatsRecord is virDomainStatsRecord: a domain and its statistics.
type DomainStatsRecord struct {
	Domain Domain // GetAllDomainStats: the domain, owned by the caller
	Index  int    // DomainListGetStats: the domain's position in the list
	Params []TypedParam
}

// DomainControlInfo is virDomainControlInfo.
type DomainControlInfo struct {
	State     int
	Details   int
	StateTime uint64 // milliseconds
}

// SecurityLabel is virSecurityLabel.
type SecurityLabel struct {
	Label     string
	Enforcing bool
}

// DomainFSInfo is virDomainFSInfo.
type DomainFSInfo struct {
	MountPoint string
	Name       string
	FSType     string
	DevAlias   []string
}

// VcpuInfo is virVcpuInfo.
type VcpuInfo struct {
	Number  int
	State   int
	CPUTime uint64 // nanoseconds
	CPU     int
}

// IOThreadInfo is virDomainIOThreadInfo.
type IOThreadInfo struct {
	ID     uint
	CPUMap []bool
}

// MemoryStat is virDomainMemoryStatStruct: a VIR_DOMAIN_MEMORY_STAT_* tag
// and its value.
type MemoryStat struct {
	Tag int
	Val uint64
}

// BlockInfo is virDomainBlockInfo.
type BlockInfo struct {
	Capacity, Allocation, Physical uint64
}

// BlockStats is virDomainBlockStatsStruct (-1: not reported).
type BlockStats struct {
	RdReq, RdBytes, WrReq, WrBytes, Errs int64
}

// DiskError is virDomainDiskError.
type DiskError struct {
	Disk  string
	Error int
}

// DomainInterface is virDomainInterface; an empty Hwaddr stands for
// libvirt's NULL.
type DomainInterface struct {
	Name   string
	Hwaddr string
	Addrs  []DomainIPAddress
}

// DomainIPAddress is virDomainIPAddress.
type DomainIPAddress struct {
	Type   int
	Addr   string
	Prefix uint
}

// InterfaceStats is virDomainInterfaceStatsStruct (-1: not reported).
type InterfaceStats struct {
	RxBytes, RxPackets, RxErrs, RxDrop, TxBytes, TxPackets, TxErrs, TxDrop int64
}

// JobInfo is virDomainJobInfo.
type JobInfo struct {
	Type                                    int
	TimeElapsed, TimeRemaining              uint64
	DataTotal, DataProcessed, DataRemaining uint64
	MemTotal, MemProcessed, MemRemaining    uint64
	FileTotal, FileProcessed, FileRemaining uint64
}
