package driver

// DomainControl are a domain's control functions (see domainControlOps):
// lifecycle with flags, devices, jobs, block jobs, guest agent, save and
// managed save, core dumps, migration and memory. An empty string stands
// for C's NULL where libvirt accepts one (a base, a dxml, a dname, ...).
//
// Typed parameters (BlockCopy, SaveParams, Migrate3, MigrateToURI3) are
// []TypedParam, checked by the core against its schema (host's
// BlockCopyParams, SaveRestoreParams, MigrateParams), in the schema's
// order; a name may repeat where libvirt repeats it ("migrate_disks"). A
// backend sends exactly these, and nothing else.
type DomainControl interface {
	CreateWithFlags(flags uint32) error
	DestroyFlags(flags uint32) error
	ShutdownFlags(flags uint32) error
	UndefineFlags(flags uint32) error
	Reset(flags uint32) error
	Rename(newName string, flags uint32) error

	AbortJob() error
	AbortJobFlags(flags uint32) error
	AgentSetResponseTimeout(timeout int, flags uint32) error

	AttachDevice(xml string) error
	AttachDeviceFlags(xml string, flags uint32) error
	DetachDevice(xml string) error
	DetachDeviceAlias(alias string, flags uint32) error
	DetachDeviceFlags(xml string, flags uint32) error
	UpdateDeviceFlags(xml string, flags uint32) error

	AuthorizedSSHKeysGet(user string, flags uint32) ([]string, error)
	AuthorizedSSHKeysSet(user string, keys []string, flags uint32) error

	BackupBegin(backupXML, checkpointXML string, flags uint32) error
	BackupGetXMLDesc(flags uint32) (string, error)

	BlockCommit(disk, base, top string, bandwidth uint64, flags uint32) error
	BlockCopy(disk, destXML string, params []TypedParam, flags uint32) error
	BlockJobAbort(disk string, flags uint32) error
	// GetBlockJobInfo returns found false when the disk has no block job.
	GetBlockJobInfo(disk string, flags uint32) (info BlockJobInfo, found bool, err error)
	BlockJobSetSpeed(disk string, bandwidth uint64, flags uint32) error
	BlockPull(disk string, bandwidth uint64, flags uint32) error
	BlockRebase(disk, base string, bandwidth uint64, flags uint32) error
	BlockResize(disk string, size uint64, flags uint32) error

	CoreDump(to string, flags uint32) error
	CoreDumpWithFormat(to string, format, flags uint32) error

	// FSFreeze and FSThaw return the number of file systems frozen or
	// thawed; nil mountPoints means all of them.
	FSFreeze(mountPoints []string, flags uint32) (int, error)
	FSThaw(mountPoints []string, flags uint32) (int, error)
	FSTrim(mountPoint string, minimum uint64, flags uint32) error

	HasManagedSaveImage(flags uint32) (bool, error)
	ManagedSave(flags uint32) error
	ManagedSaveDefineXML(dxml string, flags uint32) error
	ManagedSaveGetXMLDesc(flags uint32) (string, error)
	ManagedSaveRemove(flags uint32) error
	Save(to string) error
	SaveFlags(to, dxml string, flags uint32) error
	SaveParams(params []TypedParam, flags uint32) error

	// Migrate, Migrate2 and Migrate3 return the domain on dconn, a
	// connection of the same backend.
	Migrate(dconn Conn, flags uint32, dname, uri string, bandwidth uint64) (Domain, error)
	Migrate2(dconn Conn, dxml string, flags uint32, dname, uri string, bandwidth uint64) (Domain, error)
	Migrate3(dconn Conn, params []TypedParam, flags uint32) (Domain, error)
	MigrateToURI(duri string, flags uint32, dname string, bandwidth uint64) error
	MigrateToURI2(dconnURI, migURI, dxml string, flags uint32, dname string, bandwidth uint64) error
	MigrateToURI3(dconnURI string, params []TypedParam, flags uint32) error
	MigrateGetCompressionCache(flags uint32) (uint64, error)
	MigrateGetMaxDowntime(flags uint32) (uint64, error)
	MigrateGetMaxSpeed(flags uint32) (uint64, error)
	MigrateSetCompressionCache(cacheSize uint64, flags uint32) error
	MigrateSetMaxDowntime(downtime uint64, flags uint32) error
	MigrateSetMaxSpeed(bandwidth uint64, flags uint32) error
	MigrateStartPostCopy(flags uint32) error

	InjectNMI(flags uint32) error
	PMSuspendForDuration(target uint32, duration uint64, flags uint32) error
	PMWakeup(flags uint32) error
	SendKey(codeset, holdtime uint32, keycodes []uint32, flags uint32) error
	SendProcessSignal(pid int64, signum, flags uint32) error
	SetBlockThreshold(dev string, threshold uint64, flags uint32) error
	SetLifecycleAction(typ, action, flags uint32) error
	SetMaxMemory(memory uint64) error
	SetMemory(memory uint64) error
	SetMemoryFlags(memory uint64, flags uint32) error
	SetUserPassword(user, password string, flags uint32) error
	StartDirtyRateCalc(seconds int, flags uint32) error
}

// ConnDomainControl are a connection's functions for saved domain images
// (see domainControlOps).
type ConnDomainControl interface {
	DomainRestore(from string) error
	DomainRestoreFlags(from, dxml string, flags uint32) error
	DomainRestoreParams(params []TypedParam, flags uint32) error
	DomainSaveImageDefineXML(file, dxml string, flags uint32) error
	DomainSaveImageGetXMLDesc(file string, flags uint32) (string, error)
}

// BlockJobInfo is virDomainBlockJobInfo.
type BlockJobInfo struct {
	Type      int
	Bandwidth uint64
	Cur       uint64
	End       uint64
}
