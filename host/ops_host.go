package host

import (
	"fmt"
	"math"
	"slices"
)

// hostOps are virConnect's host, CPU and domain-definition methods, and
// the interface and node device methods of virConnect, virInterface and
// virNodeDevice.
var hostOps = slices.Concat(hostNodeOps, hostCPUOps, hostDomainOps, interfaceOps, nodeDeviceOps)

// hostNodeOps are virConnect's methods on the host itself: its memory,
// CPUs, power and identity.
var hostNodeOps = inClass(ClassConnect, []*Op{
	{Name: "getCPUMap", CName: "virNodeGetCPUMap", Params: []Param{flags()},
		Result: "tuple: (number of CPUs, list of bool: online, number online)",
		Doc:    "Returns the host's CPUs: their number, which are online, and how many are.",
		fn: func(c *Call) (Value, error) {
			cpus, online, err := c.conn().NodeGetCPUMap(c.uint32(0))
			if err != nil {
				return nil, err
			}
			m := make([]Value, len(cpus))
			for i, b := range cpus {
				m[i] = b
			}
			return Tuple{int64(len(cpus)), m, int64(online)}, nil
		}},
	{Name: "getCPUStats", CName: "virNodeGetCPUStats", Params: []Param{req("cpuNum", TInt), flags()},
		Result: "dict: {kernel, user, idle, iowait, ...: ns}",
		Doc:    "Returns a host CPU's times (cpuNum, or VIR_NODE_CPU_STATS_ALL_CPUS for all).",
		fn: func(c *Call) (Value, error) {
			n, err := c.cInt(0)
			if err != nil {
				return nil, err
			}
			return hostParamsResult(c.conn().NodeGetCPUStats(n, c.uint32(1)))
		}},
	{Name: "getMemoryStats", CName: "virNodeGetMemoryStats", Params: []Param{req("cellNum", TInt), flags()},
		Result: "dict: {total, free, buffers, cached: KiB}",
		Doc:    "Returns a NUMA cell's memory use (cellNum, or VIR_NODE_MEMORY_STATS_ALL_CELLS for the host).",
		fn: func(c *Call) (Value, error) {
			n, err := c.cInt(0)
			if err != nil {
				return nil, err
			}
			return hostParamsResult(c.conn().NodeGetMemoryStats(n, c.uint32(1)))
		}},
	{Name: "getCellsFreeMemory", CName: "virNodeGetCellsFreeMemory", Params: []Param{req("startCell", TInt), req("maxCells", TInt)},
		Result: "list of int (bytes)",
		Doc:    "Returns the free memory of up to maxCells NUMA cells from startCell.",
		fn: func(c *Call) (Value, error) {
			start, err := c.cInt(0)
			if err != nil {
				return nil, err
			}
			max, err := c.cInt(1)
			if err != nil {
				return nil, err
			}
			// libvirt-python refuses these before calling libvirt.
			if start < 0 || max <= 0 || start+max > 10000 {
				return nil, invalidArgf("startCell must be 0 or more, maxCells more than 0, and startCell + maxCells at most 10000; got %d and %d", start, max)
			}
			mem, err := c.conn().NodeGetCellsFreeMemory(start, max)
			if err != nil {
				return nil, err
			}
			return ints(mem...), nil
		}},
	{Name: "getFreePages", CName: "virNodeGetFreePages",
		Params: []Param{req("pages", TList), req("startCell", TInt), req("maxCells", TUint), flags()},
		Result: "dict: {cell: {page size KiB: free pages}}",
		Doc:    "Returns the free pages of each size in pages, in up to maxCells NUMA cells from startCell.",
		fn:     hostGetFreePages},
	{Name: "allocPages", CName: "virNodeAllocPages",
		Params: []Param{req("pages", TIntDict), opt("startCell", TInt, int64(0)), opt("cellCount", TUint, int64(0)), flagsOf("VIR_NODE_ALLOC_PAGES_")},
		Result: "int (pages allocated or freed)", Effect: Mutate,
		Doc: "Allocates or frees huge pages ({page size KiB: count}) in cellCount NUMA cells from startCell.",
		fn:  hostAllocPages},
	{Name: "getMemoryParameters", CName: "virNodeGetMemoryParameters", Params: []Param{flags()},
		Result: "dict: {shm_pages_to_scan, shm_sleep_millisecs, ...}",
		Doc:    "Returns the host's memory tunables (kernel same-page merging).",
		fn: func(c *Call) (Value, error) {
			return schemaResult(NodeMemoryParams)(c.conn().NodeGetMemoryParameters(c.uint32(0)))
		}},
	{Name: "setMemoryParameters", CName: "virNodeSetMemoryParameters", Params: []Param{req("params", TDict), flags()},
		Result: "int (0)", Effect: Mutate,
		Doc: "Changes the host's memory tunables named in params.",
		fn:  hostSetMemoryParameters},
	{Name: "getSEVInfo", CName: "virNodeGetSEVInfo", Effect: Privileged, Params: []Param{flags()},
		Result: "dict: {pdh, cert-chain, cbitpos, reduced-phys-bits, ...}",
		Doc:    "Returns the host's AMD SEV platform information.",
		fn:     func(c *Call) (Value, error) { return hostParamsResult(c.conn().NodeGetSEVInfo(c.uint32(0))) }},
	{Name: "getSecurityModel", CName: "virNodeGetSecurityModel", Result: "list: [model, doi]",
		Doc: "Returns the host's security model and its domain of interpretation.",
		fn: func(c *Call) (Value, error) {
			model, doi, err := c.conn().NodeGetSecurityModel()
			if err != nil {
				return nil, err
			}
			return []Value{model, doi}, nil
		}},
	{Name: "getSysinfo", CName: "virConnectGetSysinfo", Params: []Param{flags()}, Result: "str (XML)",
		Doc: "Returns the host's system information (SMBIOS) as XML.",
		fn:  func(c *Call) (Value, error) { return str(c.conn().GetSysinfo(c.uint32(0))) }},
	{Name: "getMaxVcpus", CName: "virConnectGetMaxVcpus", Params: []Param{req("type", TStringOrNone)}, Result: "int",
		Doc: "Returns the most virtual CPUs a guest of this domain type may have.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().GetMaxVcpus(c.optStr(0))) }},
	{Name: "setIdentity", CName: "virConnectSetIdentity", Params: []Param{req("params", TDict), flags()},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets the identity (user-name, unix-user-id, ...) the daemon acts for on this connection.",
		fn: func(c *Call) (Value, error) {
			ps, err := hostParams(c.op, "params", c.dict(0), IdentityParams, nil)
			if err != nil {
				return nil, err
			}
			return done(c.conn().SetIdentity(ps, c.uint32(1)))
		}},
	{Name: "suspendForDuration", CName: "virNodeSuspendForDuration",
		Params: []Param{req("target", TUint), req("duration", TUint64), flags()},
		Result: "int (0)", Effect: Destroy,
		Doc: "Suspends the host (VIR_NODE_SUSPEND_TARGET_*) for duration seconds.",
		fn: func(c *Call) (Value, error) {
			return done(c.conn().NodeSuspendForDuration(c.uint32(0), c.uint64(1), c.uint32(2)))
		}},
})

// hostGetFreePages is virConnect.getFreePages.
func hostGetFreePages(c *Call) (Value, error) {
	sizes, err := c.hostPageSizes(c.list(0))
	if err != nil {
		return nil, err
	}
	start, err := c.cInt(1)
	if err != nil {
		return nil, err
	}
	cells := c.uint32(2)
	if cells == 0 {
		// libvirt-python refuses it before calling libvirt.
		return nil, argErrorf(c.op.QualName(), "maxCells must not be zero")
	}
	if le := c.s.limits.CheckAlloc(8*uint64(len(sizes))*uint64(cells), c.op.QualName(), "a list of page counts"); le != nil {
		return nil, le
	}
	counts, err := c.conn().NodeGetFreePages(sizes, start, cells, c.uint32(3))
	if err != nil {
		return nil, err
	}
	return hostFreePages(sizes, start, counts), nil
}

// hostFreePages arranges the counts virNodeGetFreePages filled in as
// libvirt-python does: {cell: {page size: count}}, a cell for each
// len(sizes) counts.
func hostFreePages(sizes []uint32, start int, counts []uint64) *IntMap {
	out := NewIntMap()
	if len(sizes) == 0 {
		return out
	}
	for i := 0; i < len(counts); i += len(sizes) {
		cell := NewIntMap()
		for j, size := range sizes {
			if i+j < len(counts) {
				cell.Set(int64(size), int64(counts[i+j]))
			}
		}
		out.Set(int64(start+i/len(sizes)), cell)
	}
	return out
}

// hostPageSizes checks a list of page sizes in KiB, each a C unsigned int.
func (c *Call) hostPageSizes(l []Value) ([]uint32, error) {
	out := make([]uint32, len(l))
	for i, v := range l {
		n, ok := convert(v, TUint)
		if !ok {
			return nil, wrongItem(c.op.QualName(), forParam("pages"), i, v, TUint.want(""))
		}
		out[i] = uint32(n.(int64))
	}
	return out, nil
}

// hostAllocPages is virConnect.allocPages.
func hostAllocPages(c *Call) (Value, error) {
	m := c.intDict(0)
	if m.Len() == 0 {
		// libvirt-python refuses it before calling libvirt.
		return nil, argErrorf(c.op.QualName(), "need a non-empty dictionary of pages ({page size KiB: count})")
	}
	pages := make([]PageCount, 0, m.Len())
	for _, k := range m.Keys() {
		if k < 0 || k > math.MaxUint32 {
			return nil, invalidArg(c.op.QualName(), forParam("pages"), "page size %d is out of range (0 to 4294967295)", k)
		}
		v, _ := m.Get(k)
		n, ok := convert(v, TUint64)
		if !ok {
			return nil, wrongType(c.op.QualName(), fmt.Sprintf("for parameter pages: count of page size %d", k), v, TUint64.want(""))
		}
		pages = append(pages, PageCount{Size: uint32(k), Count: uint64(n.(int64))})
	}
	start, err := c.cInt(1)
	if err != nil {
		return nil, err
	}
	return num(c.conn().NodeAllocPages(pages, start, c.uint32(2), c.uint32(3)))
}

// hostSetMemoryParameters is virConnect.setMemoryParameters. Like
// libvirt-python, it reads the parameters first and accepts only those the
// host reports.
func hostSetMemoryParameters(c *Call) (Value, error) {
	m := c.dict(0)
	if m.Len() == 0 {
		return nil, argErrorf(c.op.QualName(), "need a non-empty dictionary to set attributes")
	}
	cur, err := c.conn().NodeGetMemoryParameters(c.uint32(1))
	if err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(cur))
	for _, p := range cur {
		known[p.Name] = true
	}
	ps, err := hostParams(c.op, "params", m, NodeMemoryParams, known)
	if err != nil {
		return nil, err
	}
	return done(c.conn().NodeSetMemoryParameters(ps, c.uint32(1)))
}

// hostCPUOps are virConnect's methods on CPU models.
var hostCPUOps = inClass(ClassConnect, []*Op{
	{Name: "baselineCPU", CName: "virConnectBaselineCPU", Params: []Param{req("xmlCPUs", TListOrNone), flagsOf("VIR_CONNECT_BASELINE_CPU_")},
		Result: "str (XML)",
		Doc:    "Returns the most capable CPU that every CPU described in xmlCPUs (a list of XML) can run.",
		fn: func(c *Call) (Value, error) {
			cpus, err := c.hostStrings(0)
			if err != nil {
				return nil, err
			}
			return str(c.conn().BaselineCPU(cpus, c.uint32(1)))
		}},
	{Name: "baselineHypervisorCPU", CName: "virConnectBaselineHypervisorCPU", Effect: Privileged,
		Params: []Param{path(req("emulator", TStringOrNone)), req("arch", TStringOrNone), req("machine", TStringOrNone),
			req("virttype", TStringOrNone), req("xmlCPUs", TListOrNone), flagsOf("VIR_CONNECT_BASELINE_CPU_")},
		Result: "str (XML)",
		Doc:    "Returns the most capable CPU that the hypervisor can provide and every CPU in xmlCPUs can run.",
		fn: func(c *Call) (Value, error) {
			cpus, err := c.hostStrings(4)
			if err != nil {
				return nil, err
			}
			return str(c.conn().BaselineHypervisorCPU(c.optStr(0), c.optStr(1), c.optStr(2), c.optStr(3), cpus, c.uint32(5)))
		}},
	{Name: "compareCPU", CName: "virConnectCompareCPU", Params: []Param{req("xmlDesc", TString), flagsOf("VIR_CONNECT_COMPARE_CPU_")},
		Result: "int (VIR_CPU_COMPARE_*)",
		Doc:    "Compares a CPU described in XML with the host's CPU.",
		fn:     func(c *Call) (Value, error) { return num(c.conn().CompareCPU(c.str(0), c.uint32(1))) }},
	{Name: "compareHypervisorCPU", CName: "virConnectCompareHypervisorCPU", Effect: Privileged,
		Params: []Param{path(req("emulator", TStringOrNone)), req("arch", TStringOrNone), req("machine", TStringOrNone),
			req("virttype", TStringOrNone), req("xmlCPU", TString), flagsOf("VIR_CONNECT_COMPARE_CPU_")},
		Result: "int (VIR_CPU_COMPARE_*)",
		Doc:    "Compares a CPU described in XML with the CPU the hypervisor can provide.",
		fn: func(c *Call) (Value, error) {
			return num(c.conn().CompareHypervisorCPU(c.optStr(0), c.optStr(1), c.optStr(2), c.optStr(3), c.str(4), c.uint32(5)))
		}},
	{Name: "getCPUModelNames", CName: "virConnectGetCPUModelNames", Params: []Param{req("arch", TString), flags()},
		Result: "list of str",
		Doc:    "Returns the CPU models the hypervisor knows for an architecture.",
		fn:     func(c *Call) (Value, error) { return strList(c.conn().GetCPUModelNames(c.str(0), c.uint32(1))) }},
	{Name: "getDomainCapabilities", CName: "virConnectGetDomainCapabilities", Effect: Privileged,
		Params: []Param{path(opt("emulatorbin", TStringOrNone, nil)), opt("arch", TStringOrNone, nil), opt("machine", TStringOrNone, nil),
			opt("virttype", TStringOrNone, nil), flags()},
		Result: "str (XML)",
		Doc:    "Returns what domains of this emulator, architecture, machine and type can have, as XML.",
		fn: func(c *Call) (Value, error) {
			return str(c.conn().GetDomainCapabilities(c.optStr(0), c.optStr(1), c.optStr(2), c.optStr(3), c.uint32(4)))
		}},
})

// hostDomainOps are virConnect's domain methods of this area: definition
// with flags, lookup by raw UUID, and conversion from and to native
// configurations.
var hostDomainOps = inClass(ClassConnect, []*Op{
	{Name: "createLinux", CName: "virDomainCreateLinux", Params: []Param{req("xmlDesc", TString), flags()},
		Result: "virDomain", Effect: Mutate,
		Doc:     "Creates and starts a transient domain from XML (the old name of createXML).",
		fn:      func(c *Call) (Value, error) { return c.domainResult(c.conn().DomainCreateLinux(c.str(0), c.uint32(1))) },
		planned: planDomain},
	{Name: "defineXMLFlags", CName: "virDomainDefineXMLFlags", Params: []Param{req("xml", TString), flagsOf("VIR_DOMAIN_DEFINE_")},
		Result: "virDomain", Effect: Mutate,
		Doc: "Defines (or redefines) a persistent domain from XML (VIR_DOMAIN_DEFINE_* flags).",
		fn: func(c *Call) (Value, error) {
			return c.domainResult(c.conn().DomainDefineXMLFlags(c.str(0), c.uint32(1)))
		},
		planned: planDomain},
	{Name: "lookupByUUID", CName: "virDomainLookupByUUID", Params: []Param{req("uuid", TBytes)}, Result: "virDomain",
		Doc: "Returns the domain with this UUID, given as 16 bytes.",
		fn: func(c *Call) (Value, error) {
			uuid, err := c.uuid(0)
			if err != nil {
				return nil, err
			}
			return c.domainResult(c.conn().DomainLookupByUUID(uuid))
		}},
	{Name: "domainXMLFromNative", CName: "virConnectDomainXMLFromNative", Effect: Privileged,
		Params: []Param{req("nativeFormat", TString), req("nativeConfig", TString), flags()},
		Result: "str (XML)",
		Doc:    "Converts a native configuration (e.g. qemu-argv) into domain XML.",
		fn: func(c *Call) (Value, error) {
			return str(c.conn().DomainXMLFromNative(c.str(0), c.str(1), c.uint32(2)))
		}},
	{Name: "domainXMLToNative", CName: "virConnectDomainXMLToNative", Effect: Privileged,
		Params: []Param{req("nativeFormat", TString), req("domainXml", TString), flags()},
		Result: "str",
		Doc:    "Converts domain XML into a native configuration (e.g. qemu-argv).",
		fn: func(c *Call) (Value, error) {
			return str(c.conn().DomainXMLToNative(c.str(0), c.str(1), c.uint32(2)))
		}},
})

// hostStrings returns argument i, a list of strings or None (nil).
func (c *Call) hostStrings(i int) ([]string, error) {
	l := c.list(i)
	if l == nil {
		return nil, nil
	}
	out := make([]string, len(l))
	for j, v := range l {
		s, ok := v.(string)
		if !ok {
			return nil, wrongItem(c.op.QualName(), forParam(c.op.Params[i].Name), j, v, wantKinds(KindString))
		}
		out[j] = s
	}
	return out, nil
}
