package driver

// EventPayload is what an event carries besides its object: one of the
// types below, plain data as libvirt's C callback receives it. The core
// turns it into the callback's arguments as libvirt-python passes them
// (host/event_args.go); a backend never shapes them.
type EventPayload interface{ eventPayload() }

// LifecycleEvent is a lifecycle event of any class (domain, network,
// storage pool, node device, secret): VIR_*_EVENT_* and its detail; the
// legacy domain registration delivers it too.
type LifecycleEvent struct{ Event, Detail int }

// NoArgsEvent is an event that carries nothing but its object: reboot,
// control error, pool refresh, node device update, secret value change.
type NoArgsEvent struct{}

// RTCChangeEvent is VIR_DOMAIN_EVENT_ID_RTC_CHANGE: the guest clock's
// offset from UTC, in seconds.
type RTCChangeEvent struct{ Offset int64 }

// WatchdogEvent is VIR_DOMAIN_EVENT_ID_WATCHDOG.
type WatchdogEvent struct{ Action int }

// IOErrorEvent is VIR_DOMAIN_EVENT_ID_IO_ERROR, and with HasReason
// VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON.
type IOErrorEvent struct {
	SrcPath, DevAlias string
	Action            int
	Reason            string
	HasReason         bool
}

// GraphicsAddress is one end of a graphics connection.
type GraphicsAddress struct {
	Family        int
	Node, Service string
}

// GraphicsSubject is one identity of a graphics client: its type and name.
type GraphicsSubject struct{ Type, Name string }

// GraphicsEvent is VIR_DOMAIN_EVENT_ID_GRAPHICS.
type GraphicsEvent struct {
	Phase         int
	Local, Remote GraphicsAddress
	AuthScheme    string
	Subject       []GraphicsSubject
}

// BlockJobEvent is VIR_DOMAIN_EVENT_ID_BLOCK_JOB (a disk's path) and
// VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2 (its target name).
type BlockJobEvent struct {
	Disk         string
	Type, Status int
}

// DiskChangeEvent is VIR_DOMAIN_EVENT_ID_DISK_CHANGE; an empty path is
// libvirt's NULL.
type DiskChangeEvent struct {
	OldSrcPath, NewSrcPath, DevAlias string
	Reason                           int
}

// TrayChangeEvent is VIR_DOMAIN_EVENT_ID_TRAY_CHANGE.
type TrayChangeEvent struct {
	DevAlias string
	Reason   int
}

// ReasonEvent is a power-management event (PMWAKEUP, PMSUSPEND,
// PMSUSPEND_DISK): its reason.
type ReasonEvent struct{ Reason int }

// BalloonChangeEvent is VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE: the new
// balloon size, in KiB.
type BalloonChangeEvent struct{ Actual uint64 }

// DeviceEvent is a device's event (DEVICE_REMOVED, DEVICE_ADDED,
// DEVICE_REMOVAL_FAILED): its alias.
type DeviceEvent struct{ DevAlias string }

// ParamsEvent is an event of typed parameters (TUNABLE, JOB_COMPLETED).
type ParamsEvent struct{ Params []TypedParam }

// AgentLifecycleEvent is VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE.
type AgentLifecycleEvent struct{ State, Reason int }

// MigrationIterationEvent is VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION.
type MigrationIterationEvent struct{ Iteration int }

// MetadataChangeEvent is a domain's or network's METADATA_CHANGE; an
// empty NSURI is libvirt's NULL.
type MetadataChangeEvent struct {
	Type  int
	NSURI string
}

// BlockThresholdEvent is VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD; an empty
// Path is libvirt's NULL.
type BlockThresholdEvent struct {
	Dev, Path         string
	Threshold, Excess uint64
}

// MemoryFailureEvent is VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE.
type MemoryFailureEvent struct{ Recipient, Action, Flags int }

// MemoryDeviceSizeChangeEvent is VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE.
type MemoryDeviceSizeChangeEvent struct {
	Alias string
	Size  uint64
}

func (LifecycleEvent) eventPayload()              {}
func (NoArgsEvent) eventPayload()                 {}
func (RTCChangeEvent) eventPayload()              {}
func (WatchdogEvent) eventPayload()               {}
func (IOErrorEvent) eventPayload()                {}
func (GraphicsEvent) eventPayload()               {}
func (BlockJobEvent) eventPayload()               {}
func (DiskChangeEvent) eventPayload()             {}
func (TrayChangeEvent) eventPayload()             {}
func (ReasonEvent) eventPayload()                 {}
func (BalloonChangeEvent) eventPayload()          {}
func (DeviceEvent) eventPayload()                 {}
func (ParamsEvent) eventPayload()                 {}
func (AgentLifecycleEvent) eventPayload()         {}
func (MigrationIterationEvent) eventPayload()     {}
func (MetadataChangeEvent) eventPayload()         {}
func (BlockThresholdEvent) eventPayload()         {}
func (MemoryFailureEvent) eventPayload()          {}
func (MemoryDeviceSizeChangeEvent) eventPayload() {}
