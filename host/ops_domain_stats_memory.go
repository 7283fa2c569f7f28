package host

import "github.com/vertscript/vertscript/host/driver"

// domainMemoryOps are virDomain's memory tunables and statistics.
var domainMemoryOps = inClass(ClassDomain, []*Op{
	{Name: "memoryParameters", CName: "virDomainGetMemoryParameters", Params: []Param{flags()},
		Result: "dict (typed parameters: 'hard_limit', 'soft_limit', 'swap_hard_limit' KiB)",
		Doc:    "Returns the domain's memory limits.",
		fn: func(c *Call) (Value, error) {
			return schemaResult(MemoryParams)(c.domain().GetMemoryParameters(c.uint32(0)))
		}},
	{Name: "setMemoryParameters", CName: "virDomainSetMemoryParameters", Params: []Param{req("params", TDict), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets memory limits ('hard_limit', 'soft_limit', 'min_guarantee', 'swap_hard_limit', KiB).",
		fn: tunableSetter(0, MemoryParams,
			func(c *Call) ([]TypedParam, error) { return c.domain().GetMemoryParameters(c.uint32(1)) },
			func(c *Call, ps []TypedParam) error { return c.domain().SetMemoryParameters(ps, c.uint32(1)) })},
	{Name: "memoryStats", CName: "virDomainMemoryStats",
		Result: "dict: {'actual': KiB, 'swap_in': ..., 'rss': ...}",
		Doc:    "Returns the domain's memory statistics (balloon driver and host).",
		fn: func(c *Call) (Value, error) {
			// libvirt-python asks for VIR_DOMAIN_MEMORY_STAT_NR
			// statistics, as its headers count them.
			stats, err := c.domain().MemoryStats(driver.DomainMemoryStatNr, 0)
			if err != nil {
				return nil, err
			}
			m := NewMap()
			for _, s := range stats {
				if name := memoryStatName(s.Tag); name != "" {
					m.Set(name, int64(s.Val))
				}
			}
			return m, nil
		}},
	{Name: "setMemoryStatsPeriod", CName: "virDomainSetMemoryStatsPeriod", Params: []Param{req("period", TInt), flagsOf("VIR_DOMAIN_MEM_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets how often, in seconds, the balloon driver refreshes memory statistics (0 stops it).",
		fn: func(c *Call) (Value, error) {
			p, err := c.cInt(0)
			if err != nil {
				return nil, err
			}
			return done(c.domain().SetMemoryStatsPeriod(p, c.uint32(1)))
		}},
	{Name: "numaParameters", CName: "virDomainGetNumaParameters", Params: []Param{flags()},
		Result: "dict (typed parameters: 'numa_mode', 'numa_nodeset')",
		Doc:    "Returns the domain's NUMA memory mode and nodes.",
		fn: func(c *Call) (Value, error) {
			return schemaResult(NumaParams)(c.domain().GetNumaParameters(c.uint32(0)))
		}},
	{Name: "setNumaParameters", CName: "virDomainSetNumaParameters", Params: []Param{req("params", TDict), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets the NUMA memory mode ('numa_mode', VIR_DOMAIN_NUMATUNE_MEM_*) and nodes ('numa_nodeset').",
		fn: tunableSetter(0, NumaParams,
			func(c *Call) ([]TypedParam, error) { return c.domain().GetNumaParameters(c.uint32(1)) },
			func(c *Call, ps []TypedParam) error { return c.domain().SetNumaParameters(ps, c.uint32(1)) })},
	{Name: "memoryPeek", CName: "virDomainMemoryPeek", Effect: Privileged, Params: []Param{req("start", TUint64), req("size", TUint64), flagsOf("VIR_MEMORY_")},
		Result: "bytes",
		Doc:    "Reads size bytes of the guest's memory at start (VIR_MEMORY_VIRTUAL or VIR_MEMORY_PHYSICAL).",
		fn: func(c *Call) (Value, error) {
			if err := c.checkBuffer(1); err != nil {
				return nil, err
			}
			b, err := c.domain().MemoryPeek(c.uint64(0), c.uint64(1), c.uint32(2))
			if err != nil {
				return nil, err
			}
			return Bytes(b), nil
		}},
})

// maxPeek bounds what one blockPeek or memoryPeek reads, whatever the
// memory limit: libvirt's remote protocol carries at most 4 MiB.
const maxPeek = 1 << 30

// checkBuffer refuses a peek whose size (argument i) is past maxPeek or
// would take the heap past the session's memory limit: the buffer is made
// twice, by the backend and as the script's bytes.
func (c *Call) checkBuffer(i int) error {
	n := c.uint64(i)
	if n > maxPeek {
		return invalidArg(c.op.QualName(), forParam(c.op.Params[i].Name), "%d bytes is more than the %d one call may read", n, maxPeek)
	}
	if le := c.s.limits.CheckAlloc(2*n, c.op.QualName(), "a buffer"); le != nil {
		return le
	}
	return nil
}

// memoryStatName is libvirt-python's key for a VIR_DOMAIN_MEMORY_STAT_*
// tag, "" for tags it leaves out.
func memoryStatName(tag int) string {
	switch tag {
	case 0:
		return "swap_in"
	case 1:
		return "swap_out"
	case 2:
		return "major_fault"
	case 3:
		return "minor_fault"
	case 4:
		return "unused"
	case 5:
		return "available"
	case 6:
		return "actual"
	case 7:
		return "rss"
	case 8:
		return "usable"
	case 9:
		return "last_update"
	case 10:
		return "disk_caches"
	case 11:
		return "hugetlb_pgalloc"
	case 12:
		return "hugetlb_pgfail"
	}
	return ""
}
