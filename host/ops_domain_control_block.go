package host

// domainDeviceOps attach, detach and update a domain's devices.
var domainDeviceOps = inClass(ClassDomain, []*Op{
	{Name: "attachDevice", CName: "virDomainAttachDevice", Params: []Param{req("xml", TString)}, Result: "int (0)", Effect: Mutate,
		Doc: "Hot-plugs the device described by xml into the running domain.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().AttachDevice(c.str(0))) }},
	{Name: "attachDeviceFlags", CName: "virDomainAttachDeviceFlags", Params: []Param{req("xml", TString), flagsOf("VIR_DOMAIN_DEVICE_MODIFY_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Attaches the device described by xml, live and/or in the config (VIR_DOMAIN_AFFECT_*).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().AttachDeviceFlags(c.str(0), c.uint32(1))) }},
	{Name: "detachDevice", CName: "virDomainDetachDevice", Params: []Param{req("xml", TString)}, Result: "int (0)", Effect: Mutate,
		Doc: "Hot-unplugs the device described by xml from the running domain.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().DetachDevice(c.str(0))) }},
	{Name: "detachDeviceAlias", CName: "virDomainDetachDeviceAlias", Params: []Param{req("alias", TString), flagsOf("VIR_DOMAIN_DEVICE_MODIFY_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Asks to detach the device with this alias (VIR_DOMAIN_AFFECT_*); the removal completes asynchronously.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().DetachDeviceAlias(c.str(0), c.uint32(1))) }},
	{Name: "detachDeviceFlags", CName: "virDomainDetachDeviceFlags", Params: []Param{req("xml", TString), flagsOf("VIR_DOMAIN_DEVICE_MODIFY_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Detaches the device described by xml, live and/or from the config (VIR_DOMAIN_AFFECT_*).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().DetachDeviceFlags(c.str(0), c.uint32(1))) }},
	{Name: "updateDeviceFlags", CName: "virDomainUpdateDeviceFlags", Params: []Param{req("xml", TString), flagsOf("VIR_DOMAIN_DEVICE_MODIFY_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Changes a device (a CD-ROM's media, a link's state, ...), live and/or in the config (VIR_DOMAIN_AFFECT_*).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().UpdateDeviceFlags(c.str(0), c.uint32(1))) }},
})

// domainBlockOps run block jobs, backups and disk size changes.
var domainBlockOps = inClass(ClassDomain, []*Op{
	{Name: "blockCommit", CName: "virDomainBlockCommit",
		Params: []Param{req("disk", TString), req("base", TStringOrNone), req("top", TStringOrNone), opt("bandwidth", TUint64, int64(0)), flagsOf("VIR_DOMAIN_BLOCK_COMMIT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Starts a block job that merges the backing chain from top (None: the active layer) down into base (None: the deepest).",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().BlockCommit(c.str(0), c.optStr(1), c.optStr(2), c.uint64(3), c.uint32(4)))
		}},
	{Name: "blockCopy", CName: "virDomainBlockCopy",
		Params: []Param{req("disk", TString), req("destxml", TString), opt("params", TDictOrNone, nil), flagsOf("VIR_DOMAIN_BLOCK_COPY_")},
		Result: "int (0)", Effect: File,
		Doc: "Starts a block job that copies a disk to the destination destxml describes (a local file it writes); params: bandwidth, granularity, buf-size.",
		fn: func(c *Call) (Value, error) {
			p, err := c.blockCopyParams("params", c.dict(2))
			if err != nil {
				return nil, err
			}
			return done(c.domain().BlockCopy(c.str(0), c.str(1), p, c.uint32(3)))
		}},
	{Name: "blockJobAbort", CName: "virDomainBlockJobAbort", Params: []Param{req("disk", TString), flagsOf("VIR_DOMAIN_BLOCK_JOB_ABORT_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Cancels a disk's block job, or with VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT ends a copy or commit by switching to its result.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().BlockJobAbort(c.str(0), c.uint32(1))) }},
	{Name: "blockJobInfo", CName: "virDomainGetBlockJobInfo", Params: []Param{req("path", TString), flagsOf("VIR_DOMAIN_BLOCK_JOB_INFO_BANDWIDTH_")},
		Result: "dict: {type, bandwidth, cur, end}, or {} when the disk has no block job",
		Doc:    "Returns the progress of a disk's block job.",
		fn: func(c *Call) (Value, error) {
			info, found, err := c.domain().GetBlockJobInfo(c.str(0), c.uint32(1))
			if err != nil {
				return nil, err
			}
			m := NewMap()
			if found {
				m.Set("type", int64(info.Type))
				m.Set("bandwidth", int64(info.Bandwidth))
				m.Set("cur", int64(info.Cur))
				m.Set("end", int64(info.End))
			}
			return m, nil
		}},
	{Name: "blockJobSetSpeed", CName: "virDomainBlockJobSetSpeed",
		Params: []Param{req("disk", TString), req("bandwidth", TUint64), flagsOf("VIR_DOMAIN_BLOCK_JOB_SPEED_BANDWIDTH_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Limits a disk's block job to bandwidth MiB/s (VIR_DOMAIN_BLOCK_JOB_SPEED_BANDWIDTH_BYTES: bytes/s).",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().BlockJobSetSpeed(c.str(0), c.uint64(1), c.uint32(2)))
		}},
	{Name: "blockPull", CName: "virDomainBlockPull",
		Params: []Param{req("disk", TString), opt("bandwidth", TUint64, int64(0)), flagsOf("VIR_DOMAIN_BLOCK_PULL_BANDWIDTH_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Starts a block job that copies the backing chain's data into the disk's active layer.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().BlockPull(c.str(0), c.uint64(1), c.uint32(2)))
		}},
	{Name: "blockRebase", CName: "virDomainBlockRebase",
		Params: []Param{req("disk", TString), req("base", TStringOrNone), opt("bandwidth", TUint64, int64(0)), flagsOf("VIR_DOMAIN_BLOCK_REBASE_")},
		Result: "int (0)", Effect: File,
		Doc: "Starts a block job that pulls the chain above base (None: all of it) into the active layer; with VIR_DOMAIN_BLOCK_REBASE_COPY, copies the disk to the local file base.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().BlockRebase(c.str(0), c.optStr(1), c.uint64(2), c.uint32(3)))
		}},
	{Name: "blockResize", CName: "virDomainBlockResize",
		Params: []Param{req("disk", TString), req("size", TUint64), flagsOf("VIR_DOMAIN_BLOCK_RESIZE_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Resizes a disk of the running domain to size KiB (VIR_DOMAIN_BLOCK_RESIZE_BYTES: bytes).",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().BlockResize(c.str(0), c.uint64(1), c.uint32(2)))
		}},
	{Name: "setBlockThreshold", CName: "virDomainSetBlockThreshold",
		Params: []Param{req("dev", TString), req("threshold", TUint64), flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets the write offset, in bytes, past which a disk raises a block-threshold event.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().SetBlockThreshold(c.str(0), c.uint64(1), c.uint32(2)))
		}},
	{Name: "backupBegin", CName: "virDomainBackupBegin",
		Params: []Param{req("backupXML", TString), req("checkpointXML", TStringOrNone), flagsOf("VIR_DOMAIN_BACKUP_BEGIN_REUSE_")}, Result: "int (0)", Effect: File,
		Doc: "Starts a backup job described by backupXML (push mode writes local files it names), optionally with a checkpoint.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().BackupBegin(c.str(0), c.optStr(1), c.uint32(2)))
		}},
	{Name: "backupGetXMLDesc", CName: "virDomainBackupGetXMLDesc", Params: []Param{flags()}, Result: "str (XML)",
		Doc: "Returns the XML description of the domain's backup job.",
		fn:  func(c *Call) (Value, error) { return str(c.domain().BackupGetXMLDesc(c.uint32(0))) }},
})
