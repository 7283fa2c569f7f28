package host

import "github.com/vertscript/vertscript/host/driver"

// The backend contract is package driver's; the core names its types
// through these aliases.
type (
	DomainControl      = driver.DomainControl
	ConnDomainControl  = driver.ConnDomainControl
	BlockJobInfo       = driver.BlockJobInfo
	DomainStats        = driver.DomainStats
	ConnDomainStats    = driver.ConnDomainStats
	DomainStatsRecord  = driver.DomainStatsRecord
	DomainControlInfo  = driver.DomainControlInfo
	SecurityLabel      = driver.SecurityLabel
	DomainFSInfo       = driver.DomainFSInfo
	VcpuInfo           = driver.VcpuInfo
	IOThreadInfo       = driver.IOThreadInfo
	MemoryStat         = driver.MemoryStat
	BlockInfo          = driver.BlockInfo
	BlockStats         = driver.BlockStats
	DiskError          = driver.DiskError
	DomainInterface    = driver.DomainInterface
	DomainIPAddress    = driver.DomainIPAddress
	InterfaceStats     = driver.InterfaceStats
	JobInfo            = driver.JobInfo
	Backend            = driver.Backend
	NodeInfo           = driver.NodeInfo
	Conn               = driver.Conn
	DomainInfo         = driver.DomainInfo
	Domain             = driver.Domain
	ObjectEvent        = driver.ObjectEvent
	EventLoop          = driver.EventLoop
	ConnEvents         = driver.ConnEvents
	PageCount          = driver.PageCount
	ConnHost           = driver.ConnHost
	Interface          = driver.Interface
	NodeDevice         = driver.NodeDevice
	ConnNetworkStorage = driver.ConnNetworkStorage
	Network            = driver.Network
	NetworkDHCPLease   = driver.NetworkDHCPLease
	NetworkPort        = driver.NetworkPort
	StoragePool        = driver.StoragePool
	StoragePoolInfo    = driver.StoragePoolInfo
	StorageVol         = driver.StorageVol
	StorageVolInfo     = driver.StorageVolInfo
	ConnObjects        = driver.ConnObjects
	DomainObjects      = driver.DomainObjects
	Snapshot           = driver.Snapshot
	Checkpoint         = driver.Checkpoint
	Secret             = driver.Secret
	NWFilter           = driver.NWFilter
	NWFilterBinding    = driver.NWFilterBinding
	Stream             = driver.Stream
	ConnStreams        = driver.ConnStreams
	DomainStreams      = driver.DomainStreams
	VolStreams         = driver.VolStreams
	TypedParam         = driver.TypedParam
)

// What a stream's Recv and Send return besides a byte count.
const (
	StreamWouldBlock = driver.StreamWouldBlock
	StreamHole       = driver.StreamHole
)
