package cgobackend

import (
	"fmt"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// field maps one typed parameter to a field of a libvirt.org/go/libvirt
// struct: its Set flag and a pointer to its value, an *int, *uint, *int64,
// *uint64, *float64, *bool or *string (named integer types are pointed to
// as their underlying type).
type field struct {
	name string
	set  *bool
	ptr  any
}

// fieldsOf indexes fields by name.
func fieldsOf(fs []field) map[string]field {
	m := make(map[string]field, len(fs))
	for _, f := range fs {
		m[f.name] = f
	}
	return m
}

// getParams returns the fields libvirt reported (Set), in the schema's
// order. Fields the schema does not list are not reported (the tests
// check that none exists).
func getParams(fs []field, schema host.TypedSchema) []host.TypedParam {
	byName := fieldsOf(fs)
	var out []host.TypedParam
	for _, sf := range schema {
		f, ok := byName[sf.Name]
		if !ok || !*f.set {
			continue
		}
		out = append(out, host.TypedParam{Name: sf.Name, Value: f.value()})
	}
	return out
}

// setParams sets the fields ps names, and marks them Set.
func setParams(fs []field, ps []host.TypedParam) error {
	byName := fieldsOf(fs)
	for _, p := range ps {
		f, ok := byName[p.Name]
		if !ok {
			return fmt.Errorf("cgobackend: libvirt.org/go/libvirt has no field for typed parameter %q", p.Name)
		}
		if err := f.assign(p.Value); err != nil {
			return err
		}
		*f.set = true
	}
	return nil
}

// value returns the field's value as host.TypedParam holds it.
func (f field) value() any {
	switch p := f.ptr.(type) {
	case *int:
		return int64(*p)
	case *uint:
		return int64(*p)
	case *int64:
		return *p
	case *uint64:
		return int64(*p)
	case *float64:
		return *p
	case *bool:
		return *p
	case *string:
		return *p
	}
	panic(fmt.Sprintf("cgobackend: typed parameter %q points to %T", f.name, f.ptr))
}

// assign sets the field from a host.TypedParam value (checked by the core
// against the field's kind).
func (f field) assign(v any) error {
	bad := func() error {
		return fmt.Errorf("cgobackend: typed parameter %q: cannot store %T in %T", f.name, v, f.ptr)
	}
	switch p := f.ptr.(type) {
	case *int, *uint, *int64, *uint64:
		n, ok := v.(int64)
		if !ok {
			return bad()
		}
		switch p := p.(type) {
		case *int:
			*p = int(n)
		case *uint:
			*p = uint(n)
		case *int64:
			*p = n
		case *uint64:
			*p = uint64(n)
		}
	case *float64:
		x, ok := v.(float64)
		if !ok {
			return bad()
		}
		*p = x
	case *bool:
		b, ok := v.(bool)
		if !ok {
			return bad()
		}
		*p = b
	case *string:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		*p = s
	default:
		return bad()
	}
	return nil
}

// kind is the typed parameter kind a field's Go type stores.
func (f field) kind() host.TypedKind {
	switch f.ptr.(type) {
	case *int:
		return host.TypedInt
	case *uint:
		return host.TypedUint
	case *int64:
		return host.TypedLLong
	case *uint64:
		return host.TypedULLong
	case *float64:
		return host.TypedDouble
	case *bool:
		return host.TypedBool
	case *string:
		return host.TypedString
	}
	return 0
}

func blkioFields(p *libvirt.DomainBlkioParameters) []field {
	return []field{
		{"weight", &p.WeightSet, &p.Weight},
		{"device_weight", &p.DeviceWeightSet, &p.DeviceWeight},
		{"device_read_iops_sec", &p.DeviceReadIopsSet, &p.DeviceReadIops},
		{"device_write_iops_sec", &p.DeviceWriteIopsSet, &p.DeviceWriteIops},
		{"device_read_bytes_sec", &p.DeviceReadBpsSet, &p.DeviceReadBps},
		{"device_write_bytes_sec", &p.DeviceWriteBpsSet, &p.DeviceWriteBps},
	}
}

func memoryFields(p *libvirt.DomainMemoryParameters) []field {
	return []field{
		{"hard_limit", &p.HardLimitSet, &p.HardLimit},
		{"soft_limit", &p.SoftLimitSet, &p.SoftLimit},
		{"min_guarantee", &p.MinGuaranteeSet, &p.MinGuarantee},
		{"swap_hard_limit", &p.SwapHardLimitSet, &p.SwapHardLimit},
	}
}

func numaFields(p *libvirt.DomainNumaParameters) []field {
	return []field{
		{"numa_mode", &p.ModeSet, (*int)(&p.Mode)},
		{"numa_nodeset", &p.NodesetSet, &p.Nodeset},
	}
}

func interfaceFields(p *libvirt.DomainInterfaceParameters) []field {
	return []field{
		{"inbound.average", &p.BandwidthInAverageSet, &p.BandwidthInAverage},
		{"inbound.peak", &p.BandwidthInPeakSet, &p.BandwidthInPeak},
		{"inbound.burst", &p.BandwidthInBurstSet, &p.BandwidthInBurst},
		{"inbound.floor", &p.BandwidthInFloorSet, &p.BandwidthInFloor},
		{"outbound.average", &p.BandwidthOutAverageSet, &p.BandwidthOutAverage},
		{"outbound.peak", &p.BandwidthOutPeakSet, &p.BandwidthOutPeak},
		{"outbound.burst", &p.BandwidthOutBurstSet, &p.BandwidthOutBurst},
	}
}

func blockIoTuneFields(p *libvirt.DomainBlockIoTuneParameters) []field {
	return []field{
		{"total_bytes_sec", &p.TotalBytesSecSet, &p.TotalBytesSec},
		{"read_bytes_sec", &p.ReadBytesSecSet, &p.ReadBytesSec},
		{"write_bytes_sec", &p.WriteBytesSecSet, &p.WriteBytesSec},
		{"total_iops_sec", &p.TotalIopsSecSet, &p.TotalIopsSec},
		{"read_iops_sec", &p.ReadIopsSecSet, &p.ReadIopsSec},
		{"write_iops_sec", &p.WriteIopsSecSet, &p.WriteIopsSec},
		{"total_bytes_sec_max", &p.TotalBytesSecMaxSet, &p.TotalBytesSecMax},
		{"read_bytes_sec_max", &p.ReadBytesSecMaxSet, &p.ReadBytesSecMax},
		{"write_bytes_sec_max", &p.WriteBytesSecMaxSet, &p.WriteBytesSecMax},
		{"total_iops_sec_max", &p.TotalIopsSecMaxSet, &p.TotalIopsSecMax},
		{"read_iops_sec_max", &p.ReadIopsSecMaxSet, &p.ReadIopsSecMax},
		{"write_iops_sec_max", &p.WriteIopsSecMaxSet, &p.WriteIopsSecMax},
		{"size_iops_sec", &p.SizeIopsSecSet, &p.SizeIopsSec},
		{"group_name", &p.GroupNameSet, &p.GroupName},
		{"total_bytes_sec_max_length", &p.TotalBytesSecMaxLengthSet, &p.TotalBytesSecMaxLength},
		{"read_bytes_sec_max_length", &p.ReadBytesSecMaxLengthSet, &p.ReadBytesSecMaxLength},
		{"write_bytes_sec_max_length", &p.WriteBytesSecMaxLengthSet, &p.WriteBytesSecMaxLength},
		{"total_iops_sec_max_length", &p.TotalIopsSecMaxLengthSet, &p.TotalIopsSecMaxLength},
		{"read_iops_sec_max_length", &p.ReadIopsSecMaxLengthSet, &p.ReadIopsSecMaxLength},
		{"write_iops_sec_max_length", &p.WriteIopsSecMaxLengthSet, &p.WriteIopsSecMaxLength},
	}
}

func schedulerFields(p *libvirt.DomainSchedulerParameters) []field {
	return []field{
		{"cpu_shares", &p.CpuSharesSet, &p.CpuShares},
		{"vcpu_period", &p.VcpuPeriodSet, &p.VcpuPeriod},
		{"vcpu_quota", &p.VcpuQuotaSet, &p.VcpuQuota},
		{"emulator_period", &p.EmulatorPeriodSet, &p.EmulatorPeriod},
		{"emulator_quota", &p.EmulatorQuotaSet, &p.EmulatorQuota},
		{"global_period", &p.GlobalPeriodSet, &p.GlobalPeriod},
		{"global_quota", &p.GlobalQuotaSet, &p.GlobalQuota},
		{"iothread_period", &p.IothreadPeriodSet, &p.IothreadPeriod},
		{"iothread_quota", &p.IothreadQuotaSet, &p.IothreadQuota},
		{"weight", &p.WeightSet, &p.Weight},
		{"cap", &p.CapSet, &p.Cap},
		{"reservation", &p.ReservationSet, &p.Reservation},
		{"limit", &p.LimitSet, &p.Limit},
		{"shares", &p.SharesSet, &p.Shares},
	}
}

func perfFields(p *libvirt.DomainPerfEvents) []field {
	return []field{
		{"cmt", &p.CmtSet, &p.Cmt},
		{"mbmt", &p.MbmtSet, &p.Mbmt},
		{"mbml", &p.MbmlSet, &p.Mbml},
		{"cpu_cycles", &p.CpuCyclesSet, &p.CpuCycles},
		{"instructions", &p.InstructionsSet, &p.Instructions},
		{"cache_references", &p.CacheReferencesSet, &p.CacheReferences},
		{"cache_misses", &p.CacheMissesSet, &p.CacheMisses},
		{"branch_instructions", &p.BranchInstructionsSet, &p.BranchInstructions},
		{"branch_misses", &p.BranchMissesSet, &p.BranchMisses},
		{"bus_cycles", &p.BusCyclesSet, &p.BusCycles},
		{"stalled_cycles_frontend", &p.StalledCyclesFrontendSet, &p.StalledCyclesFrontend},
		{"stalled_cycles_backend", &p.StalledCyclesBackendSet, &p.StalledCyclesBackend},
		{"ref_cpu_cycles", &p.RefCpuCyclesSet, &p.RefCpuCycles},
		{"cpu_clock", &p.CpuClockSet, &p.CpuClock},
		{"task_clock", &p.TaskClockSet, &p.TaskClock},
		{"page_faults", &p.PageFaultsSet, &p.PageFaults},
		{"context_switches", &p.ContextSwitchesSet, &p.ContextSwitches},
		{"cpu_migrations", &p.CpuMigrationsSet, &p.CpuMigrations},
		{"page_faults_min", &p.PageFaultsMinSet, &p.PageFaultsMin},
		{"page_faults_maj", &p.PageFaultsMajSet, &p.PageFaultsMaj},
		{"alignment_faults", &p.AlignmentFaultsSet, &p.AlignmentFaults},
		{"emulation_faults", &p.EmulationFaultsSet, &p.EmulationFaults},
	}
}

func ioThreadFields(p *libvirt.DomainSetIOThreadParams) []field {
	return []field{
		{"poll_max_ns", &p.PollMaxNsSet, &p.PollMaxNs},
		{"poll_grow", &p.PollGrowSet, &p.PollGrow},
		{"poll_shrink", &p.PollShrinkSet, &p.PollShrink},
		{"thread_pool_min", &p.ThreadPoolMinSet, &p.ThreadPoolMin},
		{"thread_pool_max", &p.ThreadPoolMaxSet, &p.ThreadPoolMax},
	}
}

func launchSecurityInfoFields(p *libvirt.DomainLaunchSecurityParameters) []field {
	return []field{
		{"sev-measurement", &p.SEVMeasurementSet, &p.SEVMeasurement},
		{"sev-api-major", &p.SEVAPIMajorSet, &p.SEVAPIMajor},
		{"sev-api-minor", &p.SEVAPIMinorSet, &p.SEVAPIMinor},
		{"sev-build-id", &p.SEVBuildIDSet, &p.SEVBuildID},
		{"sev-policy", &p.SEVPolicySet, &p.SEVPolicy},
		{"sev-snp-policy", &p.SEVSNPPolicySet, &p.SEVSNPPolicy},
	}
}

func launchSecurityStateFields(p *libvirt.DomainLaunchSecurityStateParameters) []field {
	return []field{
		{"sev-secret", &p.SEVSecretSet, &p.SEVSecret},
		{"sev-secret-header", &p.SEVSecretHeaderSet, &p.SEVSecretHeader},
		{"sev-secret-set-address", &p.SEVSecretSetAddressSet, &p.SEVSecretSetAddress},
	}
}

func cpuStatsFields(p *libvirt.DomainCPUStats) []field {
	return []field{
		{"cpu_time", &p.CpuTimeSet, &p.CpuTime},
		{"user_time", &p.UserTimeSet, &p.UserTime},
		{"system_time", &p.SystemTimeSet, &p.SystemTime},
		{"vcpu_time", &p.VcpuTimeSet, &p.VcpuTime},
	}
}

func blockStatsFields(p *libvirt.DomainBlockStats) []field {
	return []field{
		{"wr_bytes", &p.WrBytesSet, &p.WrBytes},
		{"wr_operations", &p.WrReqSet, &p.WrReq},
		{"rd_bytes", &p.RdBytesSet, &p.RdBytes},
		{"rd_operations", &p.RdReqSet, &p.RdReq},
		{"flush_operations", &p.FlushReqSet, &p.FlushReq},
		{"wr_total_times", &p.WrTotalTimesSet, &p.WrTotalTimes},
		{"rd_total_times", &p.RdTotalTimesSet, &p.RdTotalTimes},
		{"flush_total_times", &p.FlushTotalTimesSet, &p.FlushTotalTimes},
		{"errs", &p.ErrsSet, &p.Errs},
	}
}

func jobStatsFields(p *libvirt.DomainJobInfo) []field {
	return []field{
		{"operation", &p.OperationSet, (*int)(&p.Operation)},
		{"time_elapsed", &p.TimeElapsedSet, &p.TimeElapsed},
		{"time_elapsed_net", &p.TimeElapsedNetSet, &p.TimeElapsedNet},
		{"time_remaining", &p.TimeRemainingSet, &p.TimeRemaining},
		{"downtime", &p.DowntimeSet, &p.Downtime},
		{"downtime_net", &p.DowntimeNetSet, &p.DowntimeNet},
		{"setup_time", &p.SetupTimeSet, &p.SetupTime},
		{"data_total", &p.DataTotalSet, &p.DataTotal},
		{"data_processed", &p.DataProcessedSet, &p.DataProcessed},
		{"data_remaining", &p.DataRemainingSet, &p.DataRemaining},
		{"memory_total", &p.MemTotalSet, &p.MemTotal},
		{"memory_processed", &p.MemProcessedSet, &p.MemProcessed},
		{"memory_remaining", &p.MemRemainingSet, &p.MemRemaining},
		{"memory_constant", &p.MemConstantSet, &p.MemConstant},
		{"memory_normal", &p.MemNormalSet, &p.MemNormal},
		{"memory_normal_bytes", &p.MemNormalBytesSet, &p.MemNormalBytes},
		{"memory_bps", &p.MemBpsSet, &p.MemBps},
		{"memory_dirty_rate", &p.MemDirtyRateSet, &p.MemDirtyRate},
		{"memory_page_size", &p.MemPageSizeSet, &p.MemPageSize},
		{"memory_iteration", &p.MemIterationSet, &p.MemIteration},
		{"memory_postcopy_requests", &p.MemPostcopyReqsSet, &p.MemPostcopyReqs},
		{"disk_total", &p.DiskTotalSet, &p.DiskTotal},
		{"disk_processed", &p.DiskProcessedSet, &p.DiskProcessed},
		{"disk_remaining", &p.DiskRemainingSet, &p.DiskRemaining},
		{"disk_bps", &p.DiskBpsSet, &p.DiskBps},
		{"compression_cache", &p.CompressionCacheSet, &p.CompressionCache},
		{"compression_bytes", &p.CompressionBytesSet, &p.CompressionBytes},
		{"compression_pages", &p.CompressionPagesSet, &p.CompressionPages},
		{"compression_cache_misses", &p.CompressionCacheMissesSet, &p.CompressionCacheMisses},
		{"compression_overflow", &p.CompressionOverflowSet, &p.CompressionOverflow},
		{"auto_converge_throttle", &p.AutoConvergeThrottleSet, &p.AutoConvergeThrottle},
		{"disk_temp_used", &p.DiskTempUsedSet, &p.DiskTempUsed},
		{"disk_temp_total", &p.DiskTempTotalSet, &p.DiskTempTotal},
		{"vfio_data_transferred", &p.VFIODataTransferredSet, &p.VFIODataTransferred},
		{"success", &p.JobSuccessSet, &p.JobSuccess},
		{"errmsg", &p.ErrorMessageSet, &p.ErrorMessage},
	}
}
