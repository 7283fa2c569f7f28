package host

import "slices"

// checkpointOps are the methods of virDomainCheckpoint, and virDomain's
// checkpoint methods.
var checkpointOps = slices.Concat(inClass(ClassCheckpoint, []*Op{
	{Name: "getName", CName: "virDomainCheckpointGetName", Result: "str",
		Doc:    "Returns the checkpoint's name.",
		fn:     func(c *Call) (Value, error) { return str(c.checkpoint().GetName()) },
		inPlan: func(o *Object) Value { return momentName(o) }},
	{Name: "getXMLDesc", CName: "virDomainCheckpointGetXMLDesc", Params: []Param{flagsOf("VIR_DOMAIN_CHECKPOINT_XML_")}, Result: "str (XML)",
		Doc: "Returns the checkpoint's XML description (VIR_DOMAIN_CHECKPOINT_XML_* flags).",
		fn:  func(c *Call) (Value, error) { return str(c.checkpoint().GetXMLDesc(c.uint32(0))) }},
	{Name: "getParent", CName: "virDomainCheckpointGetParent", Params: []Param{flags()}, Result: "virDomainCheckpoint",
		Doc: "Returns the checkpoint's parent checkpoint; fails for a root checkpoint.",
		fn: func(c *Call) (Value, error) {
			adopt, err := c.checkpointAdopter()
			if err != nil {
				return nil, err
			}
			p, err := c.checkpoint().GetParent(c.uint32(0))
			return adoptOne(p, err, adopt)
		}},
	{Name: "listAllChildren", CName: "virDomainCheckpointListAllChildren", Params: []Param{flagsOf("VIR_DOMAIN_CHECKPOINT_LIST_")}, Result: "list of virDomainCheckpoint",
		Doc: "Returns the checkpoint's children (VIR_DOMAIN_CHECKPOINT_LIST_* flags: DESCENDANTS for all of them).",
		fn: func(c *Call) (Value, error) {
			adopt, err := c.checkpointAdopter()
			if err != nil {
				return nil, err
			}
			kids, err := c.checkpoint().ListAllChildren(c.uint32(0))
			return adoptAll(kids, err, adopt)
		}},
	{Name: "delete", CName: "virDomainCheckpointDelete", Params: []Param{flagsOf("VIR_DOMAIN_CHECKPOINT_DELETE_")}, Result: "int (0)", Effect: Destroy,
		Doc: "Deletes the checkpoint (VIR_DOMAIN_CHECKPOINT_DELETE_* flags: CHILDREN, CHILDREN_ONLY, METADATA_ONLY).",
		fn:  func(c *Call) (Value, error) { return done(c.checkpoint().Delete(c.uint32(0))) }},
	{Name: "getDomain", CName: "virDomainCheckpointGetDomain", Result: "virDomain",
		Doc: "Returns the domain the checkpoint belongs to.",
		fn:  func(c *Call) (Value, error) { return c.momentDomain() }},
	{Name: "domain", CName: "virDomainCheckpointGetDomain", Result: "virDomain",
		Doc: "Returns the domain the checkpoint belongs to (as getDomain).",
		fn:  func(c *Call) (Value, error) { return c.momentDomain() }},
	connectOp("getConnect", "virDomainCheckpointGetConnect", "checkpoint's domain"),
	connectOp("connect", "virDomainCheckpointGetConnect", "checkpoint's domain"),
}), inClass(ClassDomain, []*Op{
	{Name: "checkpointCreateXML", CName: "virDomainCheckpointCreateXML", Params: []Param{req("xmlDesc", TString), flagsOf("VIR_DOMAIN_CHECKPOINT_CREATE_")},
		Result: "virDomainCheckpoint", Effect: Mutate,
		Doc: "Makes a checkpoint of the domain's disks from a <domaincheckpoint> XML (VIR_DOMAIN_CHECKPOINT_CREATE_* flags).",
		fn: func(c *Call) (Value, error) {
			adopt, err := c.checkpointAdopter()
			if err != nil {
				return nil, err
			}
			cp, err := c.domain().CheckpointCreateXML(c.str(0), c.uint32(1))
			return adoptOne(cp, err, adopt)
		},
		planned: planCheckpoint},
	{Name: "checkpointLookupByName", CName: "virDomainCheckpointLookupByName", Params: []Param{req("name", TString), flags()},
		Result: "virDomainCheckpoint",
		Doc:    "Returns the domain's checkpoint of this name.",
		fn: func(c *Call) (Value, error) {
			adopt, err := c.checkpointAdopter()
			if err != nil {
				return nil, err
			}
			cp, err := c.domain().CheckpointLookupByName(c.str(0), c.uint32(1))
			return adoptOne(cp, err, adopt)
		}},
	{Name: "listAllCheckpoints", CName: "virDomainListAllCheckpoints", Params: []Param{flagsOf("VIR_DOMAIN_CHECKPOINT_LIST_")}, Result: "list of virDomainCheckpoint",
		Doc: "Returns the domain's checkpoints (VIR_DOMAIN_CHECKPOINT_LIST_* flags).",
		fn: func(c *Call) (Value, error) {
			adopt, err := c.checkpointAdopter()
			if err != nil {
				return nil, err
			}
			cps, err := c.domain().ListAllCheckpoints(c.uint32(0))
			return adoptAll(cps, err, adopt)
		}},
}))

func (c *Call) checkpoint() Checkpoint { return c.ref.(Checkpoint) }

func (c *Call) checkpointAdopter() (func(Checkpoint) (*Object, error), error) {
	return momentAdopter[Checkpoint](c, ClassCheckpoint)
}

// planCheckpoint is the dry-run result of checkpointCreateXML.
func planCheckpoint(c *Call) (Value, error) {
	return planMoment(c, ClassCheckpoint, func(name string) (Checkpoint, error) {
		return c.domain().CheckpointLookupByName(name, 0)
	})
}
