package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// This file implements host.ConnHost's host, CPU and domain-definition
// functions; interface.go and nodedev.go hold the rest. Field names of typed
// parameters and statistics are libvirt's VIR_* strings, which
// libvirt.org/go/libvirt does not export.

// uuidLen is VIR_UUID_BUFLEN, the length of a raw UUID.
const uuidLen = 16

func (c *conn) NodeAllocPages(pages []host.PageCount, startCell int, cellCount uint32, flags uint32) (int, error) {
	m := make(map[int]int64, len(pages))
	for _, p := range pages {
		m[int(p.Size)] = int64(p.Count)
	}
	n, err := c.c.AllocPages(m, startCell, uint(cellCount), libvirt.NodeAllocPagesFlags(flags))
	return n, conv(err)
}

func (c *conn) BaselineCPU(xmlCPUs []string, flags uint32) (string, error) {
	s, err := c.c.BaselineCPU(xmlCPUs, libvirt.ConnectBaselineCPUFlags(flags))
	return s, conv(err)
}

func (c *conn) BaselineHypervisorCPU(emulator, arch, machine, virttype string, xmlCPUs []string, flags uint32) (string, error) {
	s, err := c.c.BaselineHypervisorCPU(emulator, arch, machine, virttype, xmlCPUs, libvirt.ConnectBaselineCPUFlags(flags))
	return s, conv(err)
}

func (c *conn) CompareCPU(xml string, flags uint32) (int, error) {
	r, err := c.c.CompareCPU(xml, libvirt.ConnectCompareCPUFlags(flags))
	return int(r), conv(err)
}

func (c *conn) CompareHypervisorCPU(emulator, arch, machine, virttype, xml string, flags uint32) (int, error) {
	r, err := c.c.CompareHypervisorCPU(emulator, arch, machine, virttype, xml, libvirt.ConnectCompareCPUFlags(flags))
	return int(r), conv(err)
}

func (c *conn) GetCPUModelNames(arch string, flags uint32) ([]string, error) {
	names, err := c.c.GetCPUModelNames(arch, flags)
	return names, conv(err)
}

func (c *conn) GetDomainCapabilities(emulator, arch, machine, virttype string, flags uint32) (string, error) {
	s, err := c.c.GetDomainCapabilities(emulator, arch, machine, virttype, flags)
	return s, conv(err)
}

func (c *conn) GetMaxVcpus(typ string) (int, error) {
	n, err := c.c.GetMaxVcpus(typ)
	return n, conv(err)
}

func (c *conn) GetSysinfo(flags uint32) (string, error) {
	s, err := c.c.GetSysinfo(flags)
	return s, conv(err)
}

// SetIdentity sets the fields of libvirt.ConnectIdentity that params name;
// the core checked them against host.IdentityParams.
func (c *conn) SetIdentity(params []host.TypedParam, flags uint32) error {
	var id libvirt.ConnectIdentity
	if err := setParams(identityFields(&id), params); err != nil {
		return err
	}
	return conv(c.c.SetIdentity(&id, flags))
}

// identityFields map host.IdentityParams.
func identityFields(p *libvirt.ConnectIdentity) []field {
	return []field{
		{driver.ConnectIdentityUserName, &p.UserNameSet, &p.UserName},
		{driver.ConnectIdentityUnixUserID, &p.UNIXUserIDSet, &p.UNIXUserID},
		{driver.ConnectIdentityGroupName, &p.GroupNameSet, &p.GroupName},
		{driver.ConnectIdentityUnixGroupID, &p.UNIXGroupIDSet, &p.UNIXGroupID},
		{driver.ConnectIdentityProcessID, &p.ProcessIDSet, &p.ProcessID},
		{driver.ConnectIdentityProcessTime, &p.ProcessTimeSet, &p.ProcessTime},
		{driver.ConnectIdentitySaslUserName, &p.SASLUserNameSet, &p.SASLUserName},
		{driver.ConnectIdentityX509DistinguishedName, &p.X509DistinguishedNameSet, &p.X509DistinguishedName},
		{driver.ConnectIdentitySelinuxContext, &p.SELinuxContextSet, &p.SELinuxContext},
	}
}

// NodeGetCPUMap turns libvirt.org/go/libvirt's map of CPU numbers into a
// list as long as the number of CPUs virNodeGetCPUMap reports.
func (c *conn) NodeGetCPUMap(flags uint32) ([]bool, uint, error) {
	m, online, err := c.c.GetCPUMap(flags)
	if err != nil {
		return nil, 0, conv(err)
	}
	cpus := make([]bool, len(m))
	for i := range cpus {
		cpus[i] = m[i]
	}
	return cpus, online, nil
}

// NodeGetCPUStats lists the statistics libvirt reported. libvirt.org/go/
// libvirt keeps them in a struct, which loses libvirt's order: they come
// in the order of Linux hosts (kernel, user, idle, iowait), then intr and
// utilization.
func (c *conn) NodeGetCPUStats(cpuNum int, flags uint32) ([]host.TypedParam, error) {
	s, err := c.c.GetCPUStats(cpuNum, flags)
	if err != nil {
		return nil, conv(err)
	}
	var out hostParams
	out.addUint(s.KernelSet, driver.NodeCPUStatsKernel, s.Kernel)
	out.addUint(s.UserSet, driver.NodeCPUStatsUser, s.User)
	out.addUint(s.IdleSet, driver.NodeCPUStatsIdle, s.Idle)
	out.addUint(s.IowaitSet, driver.NodeCPUStatsIowait, s.Iowait)
	out.addUint(s.IntrSet, driver.NodeCPUStatsIntr, s.Intr)
	out.addUint(s.UtilizationSet, driver.NodeCPUStatsUtilization, s.Utilization)
	return out, nil
}

func (c *conn) NodeGetCellsFreeMemory(startCell, maxCells int) ([]uint64, error) {
	if maxCells <= 0 {
		// libvirt.org/go/libvirt indexes a buffer of maxCells entries.
		return nil, invalidArg(libvirt.FROM_NONE, "maxCells must be greater than zero")
	}
	mem, err := c.c.GetCellsFreeMemory(startCell, maxCells)
	return mem, conv(err)
}

func (c *conn) NodeGetFreePages(pages []uint32, startCell int, cellCount uint32, flags uint32) ([]uint64, error) {
	if len(pages) > 0 && cellCount == 0 {
		// libvirt.org/go/libvirt indexes a buffer of len(pages)*cellCount
		// entries.
		return nil, invalidArg(libvirt.FROM_NONE, "cellCount must not be zero")
	}
	sizes := make([]uint64, len(pages))
	for i, p := range pages {
		sizes[i] = uint64(p)
	}
	counts, err := c.c.GetFreePages(sizes, startCell, uint(cellCount), flags)
	return counts, conv(err)
}

// NodeGetMemoryParameters lists the parameters libvirt reported, in
// host.NodeMemoryParams' order (libvirt.org/go/libvirt keeps them in a
// struct).
func (c *conn) NodeGetMemoryParameters(flags uint32) ([]host.TypedParam, error) {
	p, err := c.c.GetMemoryParameters(flags)
	if err != nil {
		return nil, conv(err)
	}
	return getParams(nodeMemoryFields(p), host.NodeMemoryParams), nil
}

// NodeSetMemoryParameters sets the fields of libvirt.NodeMemoryParameters
// that params name; the core checked them against host.NodeMemoryParams.
func (c *conn) NodeSetMemoryParameters(params []host.TypedParam, flags uint32) error {
	var p libvirt.NodeMemoryParameters
	if err := setParams(nodeMemoryFields(&p), params); err != nil {
		return err
	}
	return conv(c.c.SetMemoryParameters(&p, flags))
}

// nodeMemoryFields map host.NodeMemoryParams.
func nodeMemoryFields(p *libvirt.NodeMemoryParameters) []field {
	return []field{
		{driver.NodeMemorySharedPagesToScan, &p.ShmPagesToScanSet, &p.ShmPagesToScan},
		{driver.NodeMemorySharedSleepMillisecs, &p.ShmSleepMillisecsSet, &p.ShmSleepMillisecs},
		{driver.NodeMemorySharedPagesShared, &p.ShmPagesSharedSet, &p.ShmPagesShared},
		{driver.NodeMemorySharedPagesSharing, &p.ShmPagesSharingSet, &p.ShmPagesSharing},
		{driver.NodeMemorySharedPagesUnshared, &p.ShmPagesUnsharedSet, &p.ShmPagesUnshared},
		{driver.NodeMemorySharedPagesVolatile, &p.ShmPagesVolatileSet, &p.ShmPagesVolatile},
		{driver.NodeMemorySharedFullScans, &p.ShmFullScansSet, &p.ShmFullScans},
		{driver.NodeMemorySharedMergeAcrossNodes, &p.ShmMergeAcrossNodesSet, &p.ShmMergeAcrossNodes},
	}
}

// NodeGetMemoryStats lists the statistics in the order Linux hosts report
// them.
func (c *conn) NodeGetMemoryStats(cellNum int, flags uint32) ([]host.TypedParam, error) {
	s, err := c.c.GetMemoryStats(cellNum, flags)
	if err != nil {
		return nil, conv(err)
	}
	var out hostParams
	out.addUint(s.TotalSet, driver.NodeMemoryStatsTotal, s.Total)
	out.addUint(s.FreeSet, driver.NodeMemoryStatsFree, s.Free)
	out.addUint(s.BuffersSet, driver.NodeMemoryStatsBuffers, s.Buffers)
	out.addUint(s.CachedSet, driver.NodeMemoryStatsCached, s.Cached)
	return out, nil
}

// NodeGetSEVInfo lists the fields in the order the QEMU driver reports
// them.
func (c *conn) NodeGetSEVInfo(flags uint32) ([]host.TypedParam, error) {
	s, err := c.c.GetSEVInfo(flags)
	if err != nil {
		return nil, conv(err)
	}
	var out hostParams
	out.add(s.PDHSet, driver.NodeSEVPdh, s.PDH)
	out.add(s.CertChainSet, driver.NodeSEVCertChain, s.CertChain)
	out.add(s.CPU0IDSet, driver.NodeSEVCpu0ID, s.CPU0ID)
	out.add(s.CBitPosSet, driver.NodeSEVCbitpos, int64(s.CBitPos))
	out.add(s.ReducedPhysBitsSet, driver.NodeSEVReducedPhysBits, int64(s.ReducedPhysBits))
	out.add(s.MaxGuestsSet, driver.NodeSEVMaxGuests, int64(s.MaxGuests))
	out.add(s.MaxEsGuestsSet, driver.NodeSEVMaxEsGuests, int64(s.MaxEsGuests))
	return out, nil
}

func (c *conn) NodeGetSecurityModel() (string, string, error) {
	m, err := c.c.GetSecurityModel()
	if err != nil {
		return "", "", conv(err)
	}
	return m.Model, m.Doi, nil
}

func (c *conn) NodeSuspendForDuration(target uint32, duration uint64, flags uint32) error {
	return conv(c.c.SuspendForDuration(libvirt.NodeSuspendTarget(target), duration, flags))
}

// DomainCreateLinux is virDomainCreateLinux, which libvirt defines as
// virDomainCreateXML; libvirt.org/go/libvirt has only the latter.
func (c *conn) DomainCreateLinux(xml string, flags uint32) (host.Domain, error) {
	return wrapDomain(c.c.DomainCreateXML(xml, libvirt.DomainCreateFlags(flags)))
}

func (c *conn) DomainDefineXMLFlags(xml string, flags uint32) (host.Domain, error) {
	return wrapDomain(c.c.DomainDefineXMLFlags(xml, libvirt.DomainDefineFlags(flags)))
}

func (c *conn) DomainLookupByUUID(uuid []byte) (host.Domain, error) {
	if len(uuid) != uuidLen {
		return nil, invalidArg(libvirt.FROM_NONE, "uuid must be %d bytes, got %d", uuidLen, len(uuid))
	}
	return wrapDomain(c.c.LookupDomainByUUID(uuid))
}

func (c *conn) DomainXMLFromNative(format, config string, flags uint32) (string, error) {
	s, err := c.c.DomainXMLFromNative(format, config, flags)
	return s, conv(err)
}

func (c *conn) DomainXMLToNative(format, xml string, flags uint32) (string, error) {
	s, err := c.c.DomainXMLToNative(format, xml, flags)
	return s, conv(err)
}

// hostParams collects the fields of a struct of libvirt.org/go/libvirt
// that libvirt reported (those whose ...Set is true), in the order they are
// added: the struct itself loses libvirt's order. Nothing reported is nil.
type hostParams []host.TypedParam

// add appends the field name with value v when set.
func (ps *hostParams) add(set bool, name string, v any) {
	if set {
		*ps = append(*ps, host.TypedParam{Name: name, Value: v})
	}
}

// addUint appends the unsigned field name, as an int, when set.
func (ps *hostParams) addUint(set bool, name string, v uint64) { ps.add(set, name, int64(v)) }
