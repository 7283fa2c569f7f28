package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// host.DomainStats on libvirt.org/go/libvirt. Typed parameters of fixed
// names go through the binding's structs (domain_stats_params.go); the
// calls the binding cannot make as libvirt-python does are in
// domain_stats_raw.go.

func (d *domain) GetOSType() (string, error) { s, err := d.d.GetOSType(); return s, conv(err) }
func (d *domain) IsUpdated() (bool, error)   { b, err := d.d.IsUpdated(); return b, conv(err) }
func (d *domain) GetMaxVcpus() (int, error)  { n, err := d.d.GetMaxVcpus(); return int(n), conv(err) }
func (d *domain) SetVcpus(nvcpus uint) error { return conv(d.d.SetVcpus(nvcpus)) }
func (d *domain) GetSecurityLabelList() ([]host.SecurityLabel, error) {
	ls, err := d.d.GetSecurityLabelList()
	if err != nil {
		return nil, conv(err)
	}
	out := make([]host.SecurityLabel, len(ls))
	for i, l := range ls {
		out[i] = host.SecurityLabel{Label: l.Label, Enforcing: l.Enforcing}
	}
	return out, nil
}

func (d *domain) GetHostname(flags uint32) (string, error) {
	s, err := d.d.GetHostname(libvirt.DomainGetHostnameFlags(flags))
	return s, conv(err)
}

func (d *domain) GetControlInfo(flags uint32) (host.DomainControlInfo, error) {
	i, err := d.d.GetControlInfo(flags)
	if err != nil {
		return host.DomainControlInfo{}, conv(err)
	}
	return host.DomainControlInfo{State: int(i.State), Details: i.Details, StateTime: i.StateTime}, nil
}

func (d *domain) GetTime(flags uint32) (int64, uint, error) {
	s, ns, err := d.d.GetTime(flags)
	return s, ns, conv(err)
}

func (d *domain) SetTime(seconds int64, nseconds uint, flags uint32) error {
	return conv(d.d.SetTime(seconds, nseconds, libvirt.DomainSetTimeFlags(flags)))
}

func (d *domain) GetMetadata(typ int, uri string, flags uint32) (string, error) {
	s, err := d.d.GetMetadata(libvirt.DomainMetadataType(typ), uri, libvirt.DomainModificationImpact(flags))
	return s, conv(err)
}

func (d *domain) SetMetadata(typ int, metadata, key, uri string, flags uint32) error {
	return conv(d.d.SetMetadata(libvirt.DomainMetadataType(typ), metadata, key, uri, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) GetMessages(flags uint32) ([]string, error) {
	ms, err := d.d.GetMessages(libvirt.DomainMessageType(flags))
	return ms, conv(err)
}

func (d *domain) GetSecurityLabel() (host.SecurityLabel, error) {
	l, err := d.d.GetSecurityLabel()
	if err != nil {
		return host.SecurityLabel{}, conv(err)
	}
	return host.SecurityLabel{Label: l.Label, Enforcing: l.Enforcing}, nil
}

func (d *domain) GetFSInfo(flags uint32) ([]host.DomainFSInfo, error) {
	fss, err := d.d.GetFSInfo(flags)
	if err != nil {
		return nil, conv(err)
	}
	out := make([]host.DomainFSInfo, len(fss))
	for i, fs := range fss {
		out[i] = host.DomainFSInfo{MountPoint: fs.MountPoint, Name: fs.Name, FSType: fs.FSType, DevAlias: fs.DevAlias}
	}
	return out, nil
}

func (d *domain) GetLaunchSecurityInfo(flags uint32) ([]host.TypedParam, error) {
	p, err := d.d.GetLaunchSecurityInfo(flags)
	if err != nil {
		return nil, conv(err)
	}
	return getParams(launchSecurityInfoFields(p), host.LaunchSecurityInfoParams), nil
}

func (d *domain) SetLaunchSecurityState(params []host.TypedParam, flags uint32) error {
	var p libvirt.DomainLaunchSecurityStateParameters
	if err := setParams(launchSecurityStateFields(&p), params); err != nil {
		return err
	}
	return conv(d.d.SetLaunchSecurityState(&p, flags))
}

// CPU and scheduler.

// GetCPUStats returns one group of statistics per CPU asked for; ncpus 0
// with startCPU 0 asks for every host CPU, startCPU -1 for the total.
func (d *domain) GetCPUStats(startCPU int, ncpus uint, flags uint32) ([][]host.TypedParam, error) {
	stats, err := d.d.GetCPUStats(startCPU, ncpus, flags)
	if err != nil {
		return nil, conv(err)
	}
	out := make([][]host.TypedParam, len(stats))
	for i := range stats {
		out[i] = getParams(cpuStatsFields(&stats[i]), host.CPUStatsParams)
	}
	return out, nil
}

func (d *domain) GetSchedulerParameters() ([]host.TypedParam, error) {
	p, err := d.d.GetSchedulerParameters()
	if err != nil {
		return nil, conv(err)
	}
	return getParams(schedulerFields(p), host.SchedulerParams), nil
}

func (d *domain) GetSchedulerParametersFlags(flags uint32) ([]host.TypedParam, error) {
	p, err := d.d.GetSchedulerParametersFlags(libvirt.DomainModificationImpact(flags))
	if err != nil {
		return nil, conv(err)
	}
	return getParams(schedulerFields(p), host.SchedulerParams), nil
}

func (d *domain) SetSchedulerParameters(params []host.TypedParam) error {
	var p libvirt.DomainSchedulerParameters
	if err := setParams(schedulerFields(&p), params); err != nil {
		return err
	}
	return conv(d.d.SetSchedulerParameters(&p))
}

func (d *domain) SetSchedulerParametersFlags(params []host.TypedParam, flags uint32) error {
	var p libvirt.DomainSchedulerParameters
	if err := setParams(schedulerFields(&p), params); err != nil {
		return err
	}
	return conv(d.d.SetSchedulerParametersFlags(&p, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) GetPerfEvents(flags uint32) ([]host.TypedParam, error) {
	p, err := d.d.GetPerfEvents(libvirt.DomainModificationImpact(flags))
	if err != nil {
		return nil, conv(err)
	}
	return getParams(perfFields(p), host.PerfEventParams), nil
}

func (d *domain) SetPerfEvents(params []host.TypedParam, flags uint32) error {
	var p libvirt.DomainPerfEvents
	if err := setParams(perfFields(&p), params); err != nil {
		return err
	}
	return conv(d.d.SetPerfEvents(&p, libvirt.DomainModificationImpact(flags)))
}

// Virtual CPUs and pinning.

// GetVcpus returns libvirt.org/go/libvirt's maps as they are; the core
// sizes them.
func (d *domain) GetVcpus(int) ([]host.VcpuInfo, [][]bool, error) {
	vs, err := d.d.GetVcpus()
	if err != nil {
		return nil, nil, conv(err)
	}
	infos, maps := make([]host.VcpuInfo, len(vs)), make([][]bool, len(vs))
	for i, v := range vs {
		infos[i] = host.VcpuInfo{Number: int(v.Number), State: int(v.State), CPUTime: v.CpuTime, CPU: int(v.Cpu)}
		maps[i] = v.CpuMap
	}
	return infos, maps, nil
}

func (d *domain) GetVcpusFlags(flags uint32) (int, error) {
	n, err := d.d.GetVcpusFlags(libvirt.DomainVcpuFlags(flags))
	return int(n), conv(err)
}

func (d *domain) SetVcpusFlags(nvcpus uint, flags uint32) error {
	return conv(d.d.SetVcpusFlags(nvcpus, libvirt.DomainVcpuFlags(flags)))
}

// SetVcpu reads the list back into the map libvirt.org/go/libvirt takes
// (which writes it for libvirt as "0,2,3").
func (d *domain) SetVcpu(cpumap string, state bool, flags uint32) error {
	vcpus, err := host.ParseCPUList(cpumap)
	if err != nil {
		return err
	}
	return conv(d.d.SetVcpu(vcpus, state, flags))
}

func (d *domain) GetVcpuPinInfo(_ int, flags uint32) ([][]bool, error) {
	maps, err := d.d.GetVcpuPinInfo(libvirt.DomainModificationImpact(flags))
	return maps, conv(err)
}

func (d *domain) PinVcpu(vcpu uint, cpumap []bool) error {
	return conv(d.d.PinVcpu(vcpu, cpumap))
}

func (d *domain) PinVcpuFlags(vcpu uint, cpumap []bool, flags uint32) error {
	return conv(d.d.PinVcpuFlags(vcpu, cpumap, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) GetEmulatorPinInfo(_ int, flags uint32) ([]bool, error) {
	m, err := d.d.GetEmulatorPinInfo(libvirt.DomainModificationImpact(flags))
	return m, conv(err)
}

func (d *domain) PinEmulator(cpumap []bool, flags uint32) error {
	return conv(d.d.PinEmulator(cpumap, libvirt.DomainModificationImpact(flags)))
}

// GetGuestVcpus writes back as CPU lists the maps libvirt.org/go/libvirt
// read libvirt's lists into.
func (d *domain) GetGuestVcpus(flags uint32) ([]host.TypedParam, error) {
	g, err := d.d.GetGuestVcpus(flags)
	if err != nil {
		return nil, conv(err)
	}
	var out []host.TypedParam
	for _, f := range []struct {
		name string
		set  bool
		m    []bool
	}{{"vcpus", g.VcpusSet, g.Vcpus}, {"online", g.OnlineSet, g.Online}, {"offlinable", g.OfflinableSet, g.Offlinable}} {
		if f.set {
			out = append(out, host.TypedParam{Name: f.name, Value: host.FormatCPUList(f.m)})
		}
	}
	return out, nil
}

// SetGuestVcpus reads the list back into the map libvirt.org/go/libvirt
// takes (which writes it for libvirt as "0,2,3").
func (d *domain) SetGuestVcpus(cpumap string, state bool, flags uint32) error {
	vcpus, err := host.ParseCPUList(cpumap)
	if err != nil {
		return err
	}
	return conv(d.d.SetGuestVcpus(vcpus, state, flags))
}

func (d *domain) GetIOThreadInfo(_ int, flags uint32) ([]host.IOThreadInfo, error) {
	ts, err := d.d.GetIOThreadInfo(libvirt.DomainModificationImpact(flags))
	if err != nil {
		return nil, conv(err)
	}
	out := make([]host.IOThreadInfo, len(ts))
	for i, t := range ts {
		out[i] = host.IOThreadInfo{ID: t.IOThreadID, CPUMap: t.CpuMap}
	}
	return out, nil
}

func (d *domain) AddIOThread(id uint, flags uint32) error {
	return conv(d.d.AddIOThread(id, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) DelIOThread(id uint, flags uint32) error {
	return conv(d.d.DelIOThread(id, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) PinIOThread(id uint, cpumap []bool, flags uint32) error {
	return conv(d.d.PinIOThread(id, cpumap, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) SetIOThreadParams(id uint, params []host.TypedParam, flags uint32) error {
	var p libvirt.DomainSetIOThreadParams
	if err := setParams(ioThreadFields(&p), params); err != nil {
		return err
	}
	return conv(d.d.SetIOThreadParams(id, &p, libvirt.DomainModificationImpact(flags)))
}

// Memory.

func (d *domain) GetMemoryParameters(flags uint32) ([]host.TypedParam, error) {
	p, err := d.d.GetMemoryParameters(libvirt.DomainModificationImpact(flags))
	if err != nil {
		return nil, conv(err)
	}
	return getParams(memoryFields(p), host.MemoryParams), nil
}

func (d *domain) SetMemoryParameters(params []host.TypedParam, flags uint32) error {
	var p libvirt.DomainMemoryParameters
	if err := setParams(memoryFields(&p), params); err != nil {
		return err
	}
	return conv(d.d.SetMemoryParameters(&p, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) MemoryStats(nrStats, flags uint32) ([]host.MemoryStat, error) {
	stats, err := d.d.MemoryStats(nrStats, flags)
	if err != nil {
		return nil, conv(err)
	}
	out := make([]host.MemoryStat, len(stats))
	for i, s := range stats {
		out[i] = host.MemoryStat{Tag: int(s.Tag), Val: s.Val}
	}
	return out, nil
}

func (d *domain) SetMemoryStatsPeriod(period int, flags uint32) error {
	return conv(d.d.SetMemoryStatsPeriod(period, libvirt.DomainMemoryModFlags(flags)))
}

func (d *domain) GetNumaParameters(flags uint32) ([]host.TypedParam, error) {
	p, err := d.d.GetNumaParameters(libvirt.DomainModificationImpact(flags))
	if err != nil {
		return nil, conv(err)
	}
	return getParams(numaFields(p), host.NumaParams), nil
}

func (d *domain) SetNumaParameters(params []host.TypedParam, flags uint32) error {
	var p libvirt.DomainNumaParameters
	if err := setParams(numaFields(&p), params); err != nil {
		return err
	}
	return conv(d.d.SetNumaParameters(&p, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) MemoryPeek(start, size uint64, flags uint32) ([]byte, error) {
	b, err := d.d.MemoryPeek(start, size, libvirt.DomainMemoryFlags(flags))
	return b, conv(err)
}

// Block devices.

func (d *domain) GetBlkioParameters(flags uint32) ([]host.TypedParam, error) {
	p, err := d.d.GetBlkioParameters(libvirt.DomainModificationImpact(flags))
	if err != nil {
		return nil, conv(err)
	}
	return getParams(blkioFields(p), host.BlkioParams), nil
}

func (d *domain) SetBlkioParameters(params []host.TypedParam, flags uint32) error {
	var p libvirt.DomainBlkioParameters
	if err := setParams(blkioFields(&p), params); err != nil {
		return err
	}
	return conv(d.d.SetBlkioParameters(&p, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) GetBlockInfo(disk string, flags uint32) (host.BlockInfo, error) {
	i, err := d.d.GetBlockInfo(disk, flags)
	if err != nil {
		return host.BlockInfo{}, conv(err)
	}
	return host.BlockInfo{Capacity: i.Capacity, Allocation: i.Allocation, Physical: i.Physical}, nil
}

func (d *domain) GetBlockIoTune(disk string, flags uint32) ([]host.TypedParam, error) {
	p, err := d.d.GetBlockIoTune(disk, libvirt.DomainModificationImpact(flags))
	if err != nil {
		return nil, conv(err)
	}
	return getParams(blockIoTuneFields(p), host.BlockIoTuneParams), nil
}

func (d *domain) SetBlockIoTune(disk string, params []host.TypedParam, flags uint32) error {
	var p libvirt.DomainBlockIoTuneParameters
	if err := setParams(blockIoTuneFields(&p), params); err != nil {
		return err
	}
	return conv(d.d.SetBlockIoTune(disk, &p, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) BlockStatsFlags(path string, flags uint32) ([]host.TypedParam, error) {
	p, err := d.d.BlockStatsFlags(path, flags)
	if err != nil {
		return nil, conv(err)
	}
	return getParams(blockStatsFields(p), host.BlockStatsParams), nil
}

// GetDiskErrors leaves out the empty entries libvirt.org/go/libvirt pads
// its answer with when fewer disks have errors than the domain has disks.
func (d *domain) GetDiskErrors(flags uint32) ([]host.DiskError, error) {
	errs, err := d.d.GetDiskErrors(flags)
	if err != nil {
		return nil, conv(err)
	}
	var out []host.DiskError
	for _, e := range errs {
		if e.Disk != "" {
			out = append(out, host.DiskError{Disk: e.Disk, Error: int(e.Error)})
		}
	}
	return out, nil
}

func (d *domain) BlockPeek(disk string, offset, size uint64, flags uint32) ([]byte, error) {
	b, err := d.d.BlockPeek(disk, offset, size, flags)
	return b, conv(err)
}

// Network interfaces.

// InterfaceAddresses calls virDomainInterfaceAddresses, which
// libvirt.org/go/libvirt calls with flags 0: libvirt defines no flag for
// it and its drivers refuse any, so other flags are refused here the same
// way.
func (d *domain) InterfaceAddresses(source, flags uint32) ([]host.DomainInterface, error) {
	if flags != 0 {
		return nil, invalidArg(libvirt.FROM_DOMAIN, "unsupported flags (0x%x) in function virDomainInterfaceAddresses", flags)
	}
	ifaces, err := d.d.ListAllInterfaceAddresses(libvirt.DomainInterfaceAddressesSource(source))
	if err != nil {
		return nil, conv(err)
	}
	out := make([]host.DomainInterface, len(ifaces))
	for i, ifc := range ifaces {
		addrs := make([]host.DomainIPAddress, len(ifc.Addrs))
		for j, a := range ifc.Addrs {
			addrs[j] = host.DomainIPAddress{Type: int(a.Type), Addr: a.Addr, Prefix: a.Prefix}
		}
		out[i] = host.DomainInterface{Name: ifc.Name, Hwaddr: ifc.Hwaddr, Addrs: addrs}
	}
	return out, nil
}

func (d *domain) GetInterfaceParameters(device string, flags uint32) ([]host.TypedParam, error) {
	p, err := d.d.GetInterfaceParameters(device, libvirt.DomainModificationImpact(flags))
	if err != nil {
		return nil, conv(err)
	}
	return getParams(interfaceFields(p), host.InterfaceParams), nil
}

func (d *domain) SetInterfaceParameters(device string, params []host.TypedParam, flags uint32) error {
	var p libvirt.DomainInterfaceParameters
	if err := setParams(interfaceFields(&p), params); err != nil {
		return err
	}
	return conv(d.d.SetInterfaceParameters(device, &p, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) InterfaceStats(path string) (host.InterfaceStats, error) {
	s, err := d.d.InterfaceStats(path)
	if err != nil {
		return host.InterfaceStats{}, conv(err)
	}
	return host.InterfaceStats{RxBytes: s.RxBytes, RxPackets: s.RxPackets, RxErrs: s.RxErrs, RxDrop: s.RxDrop,
		TxBytes: s.TxBytes, TxPackets: s.TxPackets, TxErrs: s.TxErrs, TxDrop: s.TxDrop}, nil
}

// Jobs.

func (d *domain) GetJobInfo() (host.JobInfo, error) {
	j, err := d.d.GetJobInfo()
	if err != nil {
		return host.JobInfo{}, conv(err)
	}
	return host.JobInfo{Type: int(j.Type), TimeElapsed: j.TimeElapsed, TimeRemaining: j.TimeRemaining,
		DataTotal: j.DataTotal, DataProcessed: j.DataProcessed, DataRemaining: j.DataRemaining,
		MemTotal: j.MemTotal, MemProcessed: j.MemProcessed, MemRemaining: j.MemRemaining,
		FileTotal: j.DiskTotal, FileProcessed: j.DiskProcessed, FileRemaining: j.DiskRemaining}, nil
}

func (d *domain) GetJobStats(flags uint32) (int, []host.TypedParam, error) {
	j, err := d.d.GetJobStats(libvirt.DomainGetJobStatsFlags(flags))
	if err != nil {
		return 0, nil, conv(err)
	}
	return int(j.Type), getParams(jobStatsFields(j), host.JobStatsParams), nil
}
