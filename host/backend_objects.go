package host

// ConnObjects are a connection's secret and network filter functions.
type ConnObjects interface{}

// DomainObjects are a domain's snapshot and checkpoint functions.
type DomainObjects interface {
	SnapshotCreateXML(xml string, flags uint32) (Snapshot, error)
	SnapshotCurrent(flags uint32) (Snapshot, error)
	// SnapshotListNames returns the snapshots' names, asking
	// virDomainSnapshotNum first, as libvirt-python does.
	SnapshotListNames(flags uint32) ([]string, error)
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
	// ListChildrenNames returns the children's names, asking
	// virDomainSnapshotNumChildren first, as libvirt-python does.
	ListChildrenNames(flags uint32) ([]string, error)
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
