package host

// domainBlockStatsOps are virDomain's block device tunables and statistics.
var domainBlockStatsOps = inClass(ClassDomain, []*Op{
	{Name: "blkioParameters", CName: "virDomainGetBlkioParameters", Params: []Param{flags()},
		Result: "dict (typed parameters: 'weight', 'device_weight', 'device_read_iops_sec', ...)",
		Doc:    "Returns the domain's block I/O weights and limits.",
		fn: func(c *Call) (Value, error) {
			return schemaResult(BlkioParams)(c.domain().GetBlkioParameters(c.uint32(0)))
		}},
	{Name: "setBlkioParameters", CName: "virDomainSetBlkioParameters", Params: []Param{req("params", TDict), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets block I/O weights and limits ('weight', 'device_weight': \"/dev/sda,500\", ...).",
		fn: tunableSetter(0, BlkioParams,
			func(c *Call) ([]TypedParam, error) { return c.domain().GetBlkioParameters(c.uint32(1)) },
			func(c *Call, ps []TypedParam) error { return c.domain().SetBlkioParameters(ps, c.uint32(1)) })},
	{Name: "blockInfo", CName: "virDomainGetBlockInfo", Params: []Param{req("path", TString), flags()},
		Result: "list: [capacity, allocation, physical] (bytes)",
		Doc:    "Returns a disk's sizes.",
		fn: func(c *Call) (Value, error) {
			i, err := c.domain().GetBlockInfo(c.str(0), c.uint32(1))
			if err != nil {
				return nil, err
			}
			return ints(i.Capacity, i.Allocation, i.Physical), nil
		}},
	{Name: "blockIoTune", CName: "virDomainGetBlockIoTune", Params: []Param{req("disk", TString), flags()},
		Result: "dict (typed parameters: 'total_bytes_sec', 'read_iops_sec', ..., 'group_name')",
		Doc:    "Returns a disk's I/O throttling.",
		fn: func(c *Call) (Value, error) {
			return schemaResult(BlockIoTuneParams)(c.domain().GetBlockIoTune(c.str(0), c.uint32(1)))
		}},
	{Name: "setBlockIoTune", CName: "virDomainSetBlockIoTune", Params: []Param{req("disk", TString), req("params", TDict), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets a disk's I/O throttling ('total_bytes_sec', 'read_iops_sec_max', 'group_name', ...).",
		fn: tunableSetter(1, BlockIoTuneParams,
			func(c *Call) ([]TypedParam, error) { return c.domain().GetBlockIoTune(c.str(0), c.uint32(2)) },
			func(c *Call, ps []TypedParam) error { return c.domain().SetBlockIoTune(c.str(0), ps, c.uint32(2)) })},
	{Name: "blockStats", CName: "virDomainBlockStats", Params: []Param{req("path", TString)},
		Result: "tuple: (rd_req, rd_bytes, wr_req, wr_bytes, errs) (-1: not reported)",
		Doc:    "Returns a disk's I/O counters.",
		fn: func(c *Call) (Value, error) {
			s, err := c.domain().BlockStats(c.str(0))
			if err != nil {
				return nil, err
			}
			return Tuple(ints(s.RdReq, s.RdBytes, s.WrReq, s.WrBytes, s.Errs)), nil
		}},
	{Name: "blockStatsFlags", CName: "virDomainBlockStatsFlags", Params: []Param{req("path", TString), flagsOf("VIR_TYPED_PARAM_STRING_")},
		Result: "dict (typed parameters: 'rd_bytes', 'rd_operations', 'wr_total_times', ...)",
		Doc:    "Returns a disk's I/O counters and times.",
		fn: func(c *Call) (Value, error) {
			return schemaResult(BlockStatsParams)(c.domain().BlockStatsFlags(c.str(0), c.uint32(1)))
		}},
	{Name: "diskErrors", CName: "virDomainGetDiskErrors", Params: []Param{flags()},
		Result: "dict: {disk: VIR_DOMAIN_DISK_ERROR_*}",
		Doc:    "Returns the disks that hit I/O errors, and what error.",
		fn: func(c *Call) (Value, error) {
			errs, err := c.domain().GetDiskErrors(c.uint32(0))
			if err != nil {
				return nil, err
			}
			m := NewMap()
			for _, e := range errs {
				m.Set(e.Disk, int64(e.Error))
			}
			return m, nil
		}},
	{Name: "blockPeek", CName: "virDomainBlockPeek", Effect: Privileged,
		Params: []Param{req("disk", TString), req("offset", TUint64), req("size", TUint64), flags()},
		Result: "bytes",
		Doc:    "Reads size bytes of a disk at offset, as the guest sees the disk.",
		fn: func(c *Call) (Value, error) {
			if err := c.checkBuffer(2); err != nil {
				return nil, err
			}
			b, err := c.domain().BlockPeek(c.str(0), c.uint64(1), c.uint64(2), c.uint32(3))
			if err != nil {
				return nil, err
			}
			return Bytes(b), nil
		}},
})
