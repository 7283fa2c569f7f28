package cgobackend

import (
	"fmt"

	"libvirt.org/go/libvirt"

	"vertscript/host"
)

// GetAllDomainStats implements host.ConnDomainStats.
func (c *conn) GetAllDomainStats(stats, flags uint32) ([]host.DomainStatsRecord, error) {
	return statsRecords(c.c.GetAllDomainStats(nil, libvirt.DomainStatsTypes(stats), libvirt.ConnectGetAllDomainStatsFlags(flags)))
}

// DomainListGetStats implements host.ConnDomainStats. libvirt.org/go/libvirt
// calls virConnectGetAllDomainStats for an empty list, so an empty list is
// refused here as virDomainListGetStats refuses it.
func (c *conn) DomainListGetStats(doms []host.Domain, stats, flags uint32) ([]host.DomainStatsRecord, error) {
	if len(doms) == 0 {
		return nil, &host.Error{Code: int(libvirt.ERR_INVALID_ARG), Domain: int(libvirt.FROM_DOMAIN), Level: int(libvirt.ERR_ERROR),
			Message: "invalid argument: doms array in virDomainListGetStats must contain at least one domain"}
	}
	ds := make([]*libvirt.Domain, len(doms))
	for i, d := range doms {
		cd, ok := d.(*domain)
		if !ok {
			return nil, fmt.Errorf("cgobackend: domain %d of the list is a %T, not this backend's", i, d)
		}
		ds[i] = cd.d
	}
	return statsRecords(c.c.GetAllDomainStats(ds, libvirt.DomainStatsTypes(stats), libvirt.ConnectGetAllDomainStatsFlags(flags)))
}

// statsRecords converts libvirt.org/go/libvirt's records; their domains
// pass to the caller.
func statsRecords(recs []libvirt.DomainStats, err error) ([]host.DomainStatsRecord, error) {
	if err != nil {
		return nil, conv(err)
	}
	out := make([]host.DomainStatsRecord, len(recs))
	for i := range recs {
		out[i] = host.DomainStatsRecord{Domain: &domain{d: recs[i].Domain}, Params: statsParams(&recs[i])}
	}
	return out, nil
}

// statsParams flattens a DomainStats back into libvirt's typed parameters
// ("state.state", "cpu.time", "block.0.rd.reqs", ...), in the order of
// libvirt's stats groups and of the QEMU driver within each.
//
// libvirt.org/go/libvirt keeps only the fields it knows of, and no counts:
// "vcpu.maximum", "net.count" and "block.count" are the lengths of its
// lists; "vcpu.current" is the number of vCPUs with statistics, left out
// when none has any (an inactive domain); keys it does not parse
// ("cpu.cache.monitor.*", "cpu.haltpoll.*", "block.N.threshold",
// "iothread.*", "dirtyrate.vcpu.*", custom "vcpu.N.*", ...) are missing.
func statsParams(s *libvirt.DomainStats) []host.TypedParam {
	var ps params
	if st := s.State; st != nil {
		if st.StateSet {
			ps.add("state.state", int(st.State))
		}
		if st.ReasonSet {
			ps.add("state.reason", st.Reason)
		}
	}
	if c := s.Cpu; c != nil {
		ps.u64(c.TimeSet, "cpu.time", c.Time)
		ps.u64(c.UserSet, "cpu.user", c.User)
		ps.u64(c.SystemSet, "cpu.system", c.System)
	}
	if b := s.Balloon; b != nil {
		ps.u64(b.CurrentSet, "balloon.current", b.Current)
		ps.u64(b.MaximumSet, "balloon.maximum", b.Maximum)
		ps.u64(b.SwapInSet, "balloon.swap_in", b.SwapIn)
		ps.u64(b.SwapOutSet, "balloon.swap_out", b.SwapOut)
		ps.u64(b.MajorFaultSet, "balloon.major_fault", b.MajorFault)
		ps.u64(b.MinorFaultSet, "balloon.minor_fault", b.MinorFault)
		ps.u64(b.UnusedSet, "balloon.unused", b.Unused)
		ps.u64(b.AvailableSet, "balloon.available", b.Available)
		ps.u64(b.UsableSet, "balloon.usable", b.Usable)
		ps.u64(b.LastUpdateSet, "balloon.last-update", b.LastUpdate)
		ps.u64(b.DiskCachesSet, "balloon.disk_caches", b.DiskCaches)
		ps.u64(b.HugetlbPgAllocSet, "balloon.hugetlb_pgalloc", b.HugetlbPgAlloc)
		ps.u64(b.HugetlbPgFailSet, "balloon.hugetlb_pgfail", b.HugetlbPgFail)
		ps.u64(b.RssSet, "balloon.rss", b.Rss)
	}
	if len(s.Vcpu) > 0 {
		current := 0
		for _, v := range s.Vcpu {
			if vcpuReported(v) {
				current++
			}
		}
		if current > 0 {
			ps.add("vcpu.current", current)
		}
		ps.add("vcpu.maximum", len(s.Vcpu))
		for i, v := range s.Vcpu {
			if !vcpuReported(v) {
				continue
			}
			if v.StateSet {
				ps.add(fmt.Sprintf("vcpu.%d.state", i), int(v.State))
			}
			ps.u64(v.TimeSet, fmt.Sprintf("vcpu.%d.time", i), v.Time)
			ps.u64(v.WaitSet, fmt.Sprintf("vcpu.%d.wait", i), v.Wait)
			ps.u64(v.DelaySet, fmt.Sprintf("vcpu.%d.delay", i), v.Delay)
			if v.HaltedSet {
				ps.add(fmt.Sprintf("vcpu.%d.halted", i), v.Halted)
			}
		}
	}
	if len(s.Net) > 0 {
		ps.add("net.count", len(s.Net))
		for i, n := range s.Net {
			ps.str(n.NameSet, fmt.Sprintf("net.%d.name", i), n.Name)
			ps.u64(n.RxBytesSet, fmt.Sprintf("net.%d.rx.bytes", i), n.RxBytes)
			ps.u64(n.RxPktsSet, fmt.Sprintf("net.%d.rx.pkts", i), n.RxPkts)
			ps.u64(n.RxErrsSet, fmt.Sprintf("net.%d.rx.errs", i), n.RxErrs)
			ps.u64(n.RxDropSet, fmt.Sprintf("net.%d.rx.drop", i), n.RxDrop)
			ps.u64(n.TxBytesSet, fmt.Sprintf("net.%d.tx.bytes", i), n.TxBytes)
			ps.u64(n.TxPktsSet, fmt.Sprintf("net.%d.tx.pkts", i), n.TxPkts)
			ps.u64(n.TxErrsSet, fmt.Sprintf("net.%d.tx.errs", i), n.TxErrs)
			ps.u64(n.TxDropSet, fmt.Sprintf("net.%d.tx.drop", i), n.TxDrop)
		}
	}
	if len(s.Block) > 0 {
		ps.add("block.count", len(s.Block))
		for i, b := range s.Block {
			ps.str(b.NameSet, fmt.Sprintf("block.%d.name", i), b.Name)
			ps.str(b.PathSet, fmt.Sprintf("block.%d.path", i), b.Path)
			if b.BackingIndexSet {
				ps.add(fmt.Sprintf("block.%d.backingIndex", i), b.BackingIndex)
			}
			ps.u64(b.RdReqsSet, fmt.Sprintf("block.%d.rd.reqs", i), b.RdReqs)
			ps.u64(b.RdBytesSet, fmt.Sprintf("block.%d.rd.bytes", i), b.RdBytes)
			ps.u64(b.RdTimesSet, fmt.Sprintf("block.%d.rd.times", i), b.RdTimes)
			ps.u64(b.WrReqsSet, fmt.Sprintf("block.%d.wr.reqs", i), b.WrReqs)
			ps.u64(b.WrBytesSet, fmt.Sprintf("block.%d.wr.bytes", i), b.WrBytes)
			ps.u64(b.WrTimesSet, fmt.Sprintf("block.%d.wr.times", i), b.WrTimes)
			ps.u64(b.FlReqsSet, fmt.Sprintf("block.%d.fl.reqs", i), b.FlReqs)
			ps.u64(b.FlTimesSet, fmt.Sprintf("block.%d.fl.times", i), b.FlTimes)
			ps.u64(b.ErrorsSet, fmt.Sprintf("block.%d.errors", i), b.Errors)
			ps.u64(b.AllocationSet, fmt.Sprintf("block.%d.allocation", i), b.Allocation)
			ps.u64(b.CapacitySet, fmt.Sprintf("block.%d.capacity", i), b.Capacity)
			ps.u64(b.PhysicalSet, fmt.Sprintf("block.%d.physical", i), b.Physical)
		}
	}
	if p := s.Perf; p != nil {
		perfStats(&ps, p)
	}
	if m := s.Memory; m != nil && len(m.BandwidthMonitor) > 0 {
		ps.add("memory.bandwidth.monitor.count", len(m.BandwidthMonitor))
		for i, mon := range m.BandwidthMonitor {
			pre := fmt.Sprintf("memory.bandwidth.monitor.%d.", i)
			ps.str(mon.NameSet, pre+"name", mon.Name)
			ps.str(mon.VCPUsSet, pre+"vcpus", mon.VCPUs)
			ps.add(pre+"node.count", len(mon.Nodes))
			for j, n := range mon.Nodes {
				npre := fmt.Sprintf("%snode.%d.", pre, j)
				if n.IDSet {
					ps.add(npre+"id", n.ID)
				}
				ps.u64(n.BytesLocalSet, npre+"bytes.local", n.BytesLocal)
				ps.u64(n.BytesTotalSet, npre+"bytes.total", n.BytesTotal)
			}
		}
	}
	if r := s.DirtyRate; r != nil {
		if r.CalcStatusSet {
			ps.add("dirtyrate.calc_status", r.CalcStatus)
		}
		if r.CalcStartTimeSet {
			ps.add("dirtyrate.calc_start_time", r.CalcStartTime)
		}
		if r.CalcPeriodSet {
			ps.add("dirtyrate.calc_period", r.CalcPeriod)
		}
		if r.MegabytesPerSecondSet {
			ps.add("dirtyrate.megabytes_per_second", r.MegabytesPerSecond)
		}
	}
	for _, v := range s.VM {
		if val, ok := rawValue(v); ok {
			ps.add("vm."+v.Name, val)
		}
	}
	return ps
}

// vcpuReported says whether libvirt reported statistics for a vCPU:
// libvirt.org/go/libvirt marks the others offline with nothing else set.
func vcpuReported(v libvirt.DomainStatsVcpu) bool {
	return v.State != libvirt.VCPU_OFFLINE || v.TimeSet || v.WaitSet || v.DelaySet || v.HaltedSet
}

// perfStats adds the perf group's counters, in virPerfEventType's order.
func perfStats(ps *params, p *libvirt.DomainStatsPerf) {
	for _, e := range []struct {
		set  bool
		name string
		v    uint64
	}{
		{p.CmtSet, "cmt", p.Cmt},
		{p.MbmtSet, "mbmt", p.Mbmt},
		{p.MbmlSet, "mbml", p.Mbml},
		{p.CpuCyclesSet, "cpu_cycles", p.CpuCycles},
		{p.InstructionsSet, "instructions", p.Instructions},
		{p.CacheReferencesSet, "cache_references", p.CacheReferences},
		{p.CacheMissesSet, "cache_misses", p.CacheMisses},
		{p.BranchInstructionsSet, "branch_instructions", p.BranchInstructions},
		{p.BranchMissesSet, "branch_misses", p.BranchMisses},
		{p.BusCyclesSet, "bus_cycles", p.BusCycles},
		{p.StalledCyclesFrontendSet, "stalled_cycles_frontend", p.StalledCyclesFrontend},
		{p.StalledCyclesBackendSet, "stalled_cycles_backend", p.StalledCyclesBackend},
		{p.RefCpuCyclesSet, "ref_cpu_cycles", p.RefCpuCycles},
		{p.CpuClockSet, "cpu_clock", p.CpuClock},
		{p.TaskClockSet, "task_clock", p.TaskClock},
		{p.PageFaultsSet, "page_faults", p.PageFaults},
		{p.ContextSwitchesSet, "context_switches", p.ContextSwitches},
		{p.CpuMigrationsSet, "cpu_migrations", p.CpuMigrations},
		{p.PageFaultsMinSet, "page_faults_min", p.PageFaultsMin},
		{p.PageFaultsMajSet, "page_faults_maj", p.PageFaultsMaj},
		{p.AlignmentFaultsSet, "alignment_faults", p.AlignmentFaults},
		{p.EmulationFaultsSet, "emulation_faults", p.EmulationFaults},
	} {
		ps.u64(e.set, "perf."+e.name, e.v)
	}
}

// rawValue is the value of an untyped parameter of the "vm." group.
func rawValue(v libvirt.TypedParamValue) (any, bool) {
	switch {
	case v.Int != nil:
		return *v.Int, true
	case v.UInt != nil:
		return *v.UInt, true
	case v.Long != nil:
		return *v.Long, true
	case v.ULong != nil:
		return *v.ULong, true
	case v.Bool != nil:
		return *v.Bool, true
	case v.Float != nil:
		return *v.Float, true
	case v.String != nil:
		return *v.String, true
	}
	return nil, false
}

// u64 appends an unsigned parameter when set.
func (ps *params) u64(set bool, name string, v uint64) {
	if set {
		ps.add(name, v)
	}
}
