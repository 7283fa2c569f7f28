package driver

// ConnObjects are a connection's secret and network filter functions.
type ConnObjects interface {
	SecretDefineXML(xml string, flags uint32) (Secret, error)
	SecretLookupByUUID(uuid []byte) (Secret, error)
	SecretLookupByUUIDString(uuid string) (Secret, error)
	SecretLookupByUsage(usageType int, usageID string) (Secret, error)
	// ListSecrets returns at most max secrets' UUIDs (see the package
	// comment: the core counts first with NumOfSecrets).
	ListSecrets(max int) ([]string, error)
	ListAllSecrets(flags uint32) ([]Secret, error)
	NumOfSecrets() (int, error)

	NWFilterDefineXML(xml string) (NWFilter, error)
	NWFilterDefineXMLFlags(xml string, flags uint32) (NWFilter, error)
	NWFilterLookupByName(name string) (NWFilter, error)
	NWFilterLookupByUUID(uuid []byte) (NWFilter, error)
	NWFilterLookupByUUIDString(uuid string) (NWFilter, error)
	// ListNWFilters returns at most max filters' names (see the package
	// comment: the core counts first with NumOfNWFilters).
	ListNWFilters(max int) ([]string, error)
	ListAllNWFilters(flags uint32) ([]NWFilter, error)
	NumOfNWFilters() (int, error)

	NWFilterBindingCreateXML(xml string, flags uint32) (NWFilterBinding, error)
	NWFilterBindingLookupByPortDev(portdev string) (NWFilterBinding, error)
	ListAllNWFilterBindings(flags uint32) ([]NWFilterBinding, error)
}

// DomainObjects are a domain's snapshot and checkpoint functions.
type DomainObjects interface {
	SnapshotCreateXML(xml string, flags uint32) (Snapshot, error)
	SnapshotCurrent(flags uint32) (Snapshot, error)
	// SnapshotListNames returns at most max snapshots' names (see the
	// package comment: the core counts first with SnapshotNum).
	SnapshotListNames(max int, flags uint32) ([]string, error)
	SnapshotLookupByName(name string, flags uint32) (Snapshot, error)
	SnapshotNum(flags uint32) (int, error)
	HasCurrentSnapshot(flags uint32) (bool, error)
	ListAllSnapshots(flags uint32) ([]Snapshot, error)

	CheckpointCreateXML(xml string, flags uint32) (Checkpoint, error)
	CheckpointLookupByName(name string, flags uint32) (Checkpoint, error)
	ListAllCheckpoints(flags uint32) ([]Checkpoint, error)
}

// Snapshot is a domain snapshot, virDomainSnapshotPtr. Free releases the
// pointer; the core calls it exactly once per Snapshot a backend returns.
type Snapshot interface {
	Free() error
	GetName() (string, error)
	GetParent(flags uint32) (Snapshot, error)
	GetXMLDesc(flags uint32) (string, error)
	HasMetadata(flags uint32) (bool, error)
	IsCurrent(flags uint32) (bool, error)
	ListAllChildren(flags uint32) ([]Snapshot, error)
	// ListChildrenNames returns at most max children's names (see the
	// package comment: the core counts first with NumChildren).
	ListChildrenNames(max int, flags uint32) ([]string, error)
	NumChildren(flags uint32) (int, error)
	Delete(flags uint32) error
	// RevertToSnapshot is virDomainRevertToSnapshot: it reverts the
	// snapshot's domain.
	RevertToSnapshot(flags uint32) error
}

// Checkpoint is a domain checkpoint, virDomainCheckpointPtr. Free
// releases the pointer; the core calls it exactly once per Checkpoint a
// backend returns.
type Checkpoint interface {
	Free() error
	GetName() (string, error)
	GetParent(flags uint32) (Checkpoint, error)
	GetXMLDesc(flags uint32) (string, error)
	ListAllChildren(flags uint32) ([]Checkpoint, error)
	Delete(flags uint32) error
}

// Secret is a secret, virSecretPtr. Free releases the pointer; the core
// calls it exactly once per Secret a backend returns.
type Secret interface {
	Free() error
	GetUUID() ([]byte, error)
	GetUUIDString() (string, error)
	GetUsageID() (string, error)
	GetUsageType() (int, error)
	GetXMLDesc(flags uint32) (string, error)
	GetValue(flags uint32) ([]byte, error)
	SetValue(value []byte, flags uint32) error
	Undefine() error
}

// NWFilter is a network filter, virNWFilterPtr. Free releases the
// pointer; the core calls it exactly once per NWFilter a backend returns.
type NWFilter interface {
	Free() error
	GetName() (string, error)
	GetUUID() ([]byte, error)
	GetUUIDString() (string, error)
	GetXMLDesc(flags uint32) (string, error)
	Undefine() error
}

// NWFilterBinding is a network filter binding, virNWFilterBindingPtr.
// Free releases the pointer; the core calls it exactly once per
// NWFilterBinding a backend returns.
type NWFilterBinding interface {
	Free() error
	GetPortDev() (string, error)
	GetFilterName() (string, error)
	GetXMLDesc(flags uint32) (string, error)
	Delete() error
}
