package host

import (
	"slices"
	"strings"
)

// snapshotOps are the methods of virDomainSnapshot, and virDomain's
// snapshot methods.
var snapshotOps = slices.Concat(inClass(ClassSnapshot, []*Op{
	{Name: "getName", CName: "virDomainSnapshotGetName", Result: "str",
		Doc:    "Returns the snapshot's name.",
		fn:     func(c *Call) (Value, error) { return str(c.snapshot().GetName()) },
		inPlan: func(o *Object) Value { return momentName(o) }},
	{Name: "getXMLDesc", CName: "virDomainSnapshotGetXMLDesc", Params: []Param{flagsOf("VIR_DOMAIN_SNAPSHOT_XML_")}, Result: "str (XML)",
		Doc: "Returns the snapshot's XML description (VIR_DOMAIN_SNAPSHOT_XML_* flags).",
		fn:  func(c *Call) (Value, error) { return str(c.snapshot().GetXMLDesc(c.uint32(0))) }},
	{Name: "getParent", CName: "virDomainSnapshotGetParent", Params: []Param{flags()}, Result: "virDomainSnapshot",
		Doc: "Returns the snapshot's parent snapshot; fails for a root snapshot.",
		fn: func(c *Call) (Value, error) {
			adopt, err := c.snapshotAdopter()
			if err != nil {
				return nil, err
			}
			p, err := c.snapshot().GetParent(c.uint32(0))
			return adoptOne(p, err, adopt)
		}},
	{Name: "hasMetadata", CName: "virDomainSnapshotHasMetadata", Params: []Param{flags()}, Result: "int (0 or 1)",
		Doc: "Returns 1 if libvirt keeps metadata for the snapshot.",
		fn:  func(c *Call) (Value, error) { return flag(c.snapshot().HasMetadata(c.uint32(0))) }},
	{Name: "isCurrent", CName: "virDomainSnapshotIsCurrent", Params: []Param{flags()}, Result: "int (0 or 1)",
		Doc: "Returns 1 if the snapshot is its domain's current snapshot.",
		fn:  func(c *Call) (Value, error) { return flag(c.snapshot().IsCurrent(c.uint32(0))) }},
	{Name: "listAllChildren", CName: "virDomainSnapshotListAllChildren", Params: []Param{flagsOf("VIR_DOMAIN_SNAPSHOT_LIST_")}, Result: "list of virDomainSnapshot",
		Doc: "Returns the snapshot's children (VIR_DOMAIN_SNAPSHOT_LIST_* flags: DESCENDANTS for all of them).",
		fn: func(c *Call) (Value, error) {
			adopt, err := c.snapshotAdopter()
			if err != nil {
				return nil, err
			}
			kids, err := c.snapshot().ListAllChildren(c.uint32(0))
			return adoptAll(kids, err, adopt)
		}},
	{Name: "listChildrenNames", CName: "virDomainSnapshotListChildrenNames", Params: []Param{flagsOf("VIR_DOMAIN_SNAPSHOT_LIST_")}, Result: "list of str",
		Doc: "Returns the names of the snapshot's children (VIR_DOMAIN_SNAPSHOT_LIST_* flags).",
		fn: func(c *Call) (Value, error) {
			s, flags := c.snapshot(), c.uint32(0)
			return strList(listIfAny(func() (int, error) { return s.NumChildren(flags) },
				func(max int) ([]string, error) { return s.ListChildrenNames(max, flags) }))
		}},
	{Name: "numChildren", CName: "virDomainSnapshotNumChildren", Params: []Param{flagsOf("VIR_DOMAIN_SNAPSHOT_LIST_")}, Result: "int",
		Doc: "Returns the number of the snapshot's children (VIR_DOMAIN_SNAPSHOT_LIST_* flags).",
		fn:  func(c *Call) (Value, error) { return num(c.snapshot().NumChildren(c.uint32(0))) }},
	{Name: "delete", CName: "virDomainSnapshotDelete", Params: []Param{flagsOf("VIR_DOMAIN_SNAPSHOT_DELETE_")}, Result: "int (0)", Effect: Destroy,
		Doc: "Deletes the snapshot (VIR_DOMAIN_SNAPSHOT_DELETE_* flags: CHILDREN, CHILDREN_ONLY, METADATA_ONLY).",
		fn:  func(c *Call) (Value, error) { return done(c.snapshot().Delete(c.uint32(0))) }},
	{Name: "getDomain", CName: "virDomainSnapshotGetDomain", Result: "virDomain",
		Doc: "Returns the domain the snapshot belongs to.",
		fn:  func(c *Call) (Value, error) { return c.momentDomain() }},
	{Name: "domain", CName: "virDomainSnapshotGetDomain", Result: "virDomain",
		Doc: "Returns the domain the snapshot belongs to (as getDomain).",
		fn:  func(c *Call) (Value, error) { return c.momentDomain() }},
	connectOp("getConnect", "virDomainSnapshotGetConnect", "snapshot's domain"),
	connectOp("connect", "virDomainSnapshotGetConnect", "snapshot's domain"),
}), inClass(ClassDomain, []*Op{
	{Name: "snapshotCreateXML", CName: "virDomainSnapshotCreateXML", Params: []Param{req("xmlDesc", TString), flagsOf("VIR_DOMAIN_SNAPSHOT_CREATE_")},
		Result: "virDomainSnapshot", Effect: Mutate,
		Doc: "Takes a snapshot of the domain from a <domainsnapshot> XML (VIR_DOMAIN_SNAPSHOT_CREATE_* flags).",
		fn: func(c *Call) (Value, error) {
			adopt, err := c.snapshotAdopter()
			if err != nil {
				return nil, err
			}
			sn, err := c.domain().SnapshotCreateXML(c.str(0), c.uint32(1))
			return adoptOne(sn, err, adopt)
		},
		planned: planSnapshot},
	{Name: "snapshotCurrent", CName: "virDomainSnapshotCurrent", Params: []Param{flags()}, Result: "virDomainSnapshot",
		Doc: "Returns the domain's current snapshot; fails when it has none.",
		fn: func(c *Call) (Value, error) {
			adopt, err := c.snapshotAdopter()
			if err != nil {
				return nil, err
			}
			sn, err := c.domain().SnapshotCurrent(c.uint32(0))
			return adoptOne(sn, err, adopt)
		}},
	{Name: "snapshotListNames", CName: "virDomainSnapshotListNames", Params: []Param{flagsOf("VIR_DOMAIN_SNAPSHOT_LIST_")}, Result: "list of str",
		Doc: "Returns the names of the domain's snapshots (VIR_DOMAIN_SNAPSHOT_LIST_* flags).",
		fn: func(c *Call) (Value, error) {
			d, flags := c.domain(), c.uint32(0)
			return strList(listIfAny(func() (int, error) { return d.SnapshotNum(flags) },
				func(max int) ([]string, error) { return d.SnapshotListNames(max, flags) }))
		}},
	{Name: "snapshotLookupByName", CName: "virDomainSnapshotLookupByName", Params: []Param{req("name", TString), flags()},
		Result: "virDomainSnapshot",
		Doc:    "Returns the domain's snapshot of this name.",
		fn: func(c *Call) (Value, error) {
			adopt, err := c.snapshotAdopter()
			if err != nil {
				return nil, err
			}
			sn, err := c.domain().SnapshotLookupByName(c.str(0), c.uint32(1))
			return adoptOne(sn, err, adopt)
		}},
	{Name: "snapshotNum", CName: "virDomainSnapshotNum", Params: []Param{flagsOf("VIR_DOMAIN_SNAPSHOT_LIST_")}, Result: "int",
		Doc: "Returns the number of the domain's snapshots (VIR_DOMAIN_SNAPSHOT_LIST_* flags).",
		fn:  func(c *Call) (Value, error) { return num(c.domain().SnapshotNum(c.uint32(0))) }},
	{Name: "hasCurrentSnapshot", CName: "virDomainHasCurrentSnapshot", Params: []Param{flags()}, Result: "int (0 or 1)",
		Doc: "Returns 1 if the domain has a current snapshot.",
		fn:  func(c *Call) (Value, error) { return flag(c.domain().HasCurrentSnapshot(c.uint32(0))) }},
	{Name: "listAllSnapshots", CName: "virDomainListAllSnapshots", Params: []Param{flagsOf("VIR_DOMAIN_SNAPSHOT_LIST_")}, Result: "list of virDomainSnapshot",
		Doc: "Returns the domain's snapshots (VIR_DOMAIN_SNAPSHOT_LIST_* flags).",
		fn: func(c *Call) (Value, error) {
			adopt, err := c.snapshotAdopter()
			if err != nil {
				return nil, err
			}
			sns, err := c.domain().ListAllSnapshots(c.uint32(0))
			return adoptAll(sns, err, adopt)
		}},
	{Name: "revertToSnapshot", CName: "virDomainRevertToSnapshot", Params: []Param{obj("snap", ClassSnapshot), flagsOf("VIR_DOMAIN_SNAPSHOT_REVERT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Reverts the snapshot's domain to it (VIR_DOMAIN_SNAPSHOT_REVERT_* flags).",
		fn: func(c *Call) (Value, error) {
			snap, err := objectArg[Snapshot](c, 0)
			if err != nil {
				return nil, err
			}
			return done(snap.RevertToSnapshot(c.uint32(1)))
		}},
}))

func (c *Call) snapshot() Snapshot { return c.ref.(Snapshot) }

// momentDomain returns the domain a snapshot or checkpoint call concerns,
// the *Object the session holds for it: the receiver when it is a domain,
// else the domain of the receiving snapshot or checkpoint, whose identity
// holds that domain's UUID. A snapshot is only ever reached through
// its domain, so the session holds that domain as long as the snapshot.
func (c *Call) momentDomain() (*Object, error) {
	if c.recv.class == ClassDomain {
		return c.recv, nil
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	d, ok := c.s.objects[objKey{conn: c.recv.Conn(), class: ClassDomain, uuid: c.recv.key.uuid}]
	if !ok || !d.Live() {
		return nil, &Error{Code: errInvalidDomain, Domain: fromNone, Level: errLevelError,
			Message: "invalid domain pointer in " + c.op.CName + ": the session no longer holds the domain of " + c.recv.String()}
	}
	return d, nil
}

// moment is a snapshot or a checkpoint, as the backend returns them.
type moment interface {
	freer
	GetName() (string, error)
}

// momentAdopter returns the function that adopts the snapshots or
// checkpoints (class) of the call's domain (see momentDomain): identified
// by the domain's UUID and their name, labelled with the domain's name and
// theirs.
func momentAdopter[T moment](c *Call, class string) (func(T) (*Object, error), error) {
	d, err := c.momentDomain()
	if err != nil {
		return nil, err
	}
	uuid, label := d.key.uuid, c.s.labelOf(d)
	return func(m T) (*Object, error) {
		name, _, err := identify(m, m.GetName, nil)
		if err != nil {
			return nil, err
		}
		return c.adoptKey(objKey{conn: c.recv.Conn(), class: class, uuid: uuid, id: name}, label+"/"+name, m)
	}, nil
}

func (c *Call) snapshotAdopter() (func(Snapshot) (*Object, error), error) {
	return momentAdopter[Snapshot](c, ClassSnapshot)
}

// momentName is the name of a snapshot or checkpoint from its label,
// DOMAIN/NAME (a domain's name cannot contain a slash).
func momentName(o *Object) Value {
	_, name, _ := strings.Cut(o.label, "/")
	return name
}

// planSnapshot is the dry-run result of snapshotCreateXML.
func planSnapshot(c *Call) (Value, error) {
	return planMoment(c, ClassSnapshot, func(name string) (Snapshot, error) {
		return c.domain().SnapshotLookupByName(name, 0)
	})
}

// momentRedefine is VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE, and
// VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE.
const momentRedefine = 1

// planMoment is the dry-run result of creating a snapshot or checkpoint
// (class) from the XML in argument 0 with the flags in argument 1: the
// existing one of the XML's name for a redefinition, else a planned one.
func planMoment[T moment](c *Call, class string, lookup func(name string) (T, error)) (Value, error) {
	name, err := xmlName(c.str(0))
	if err != nil {
		return nil, c.unreadableXML(err)
	}
	if name != "" && c.uint32(1)&momentRedefine != 0 && c.recv.planned == "" {
		if m, err := lookup(name); err == nil {
			adopt, err := momentAdopter[T](c, class)
			if err != nil {
				_ = m.Free()
				return nil, err
			}
			return adoptOne(m, nil, adopt)
		}
	}
	if name == "" {
		name = "(unnamed)"
	}
	return c.planObject(class, name, c.s.labelOf(c.recv)+"/"+name, nil)
}
