package cgobackend

import (
	"fmt"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
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
		{driver.DomainBlkioWeight, &p.WeightSet, &p.Weight},
		{driver.DomainBlkioDeviceWeight, &p.DeviceWeightSet, &p.DeviceWeight},
		{driver.DomainBlkioDeviceReadIops, &p.DeviceReadIopsSet, &p.DeviceReadIops},
		{driver.DomainBlkioDeviceWriteIops, &p.DeviceWriteIopsSet, &p.DeviceWriteIops},
		{driver.DomainBlkioDeviceReadBps, &p.DeviceReadBpsSet, &p.DeviceReadBps},
		{driver.DomainBlkioDeviceWriteBps, &p.DeviceWriteBpsSet, &p.DeviceWriteBps},
	}
}

func memoryFields(p *libvirt.DomainMemoryParameters) []field {
	return []field{
		{driver.DomainMemoryHardLimit, &p.HardLimitSet, &p.HardLimit},
		{driver.DomainMemorySoftLimit, &p.SoftLimitSet, &p.SoftLimit},
		{driver.DomainMemoryMinGuarantee, &p.MinGuaranteeSet, &p.MinGuarantee},
		{driver.DomainMemorySwapHardLimit, &p.SwapHardLimitSet, &p.SwapHardLimit},
	}
}

func numaFields(p *libvirt.DomainNumaParameters) []field {
	return []field{
		{driver.DomainNUMAMode, &p.ModeSet, (*int)(&p.Mode)},
		{driver.DomainNUMANodeset, &p.NodesetSet, &p.Nodeset},
	}
}

func interfaceFields(p *libvirt.DomainInterfaceParameters) []field {
	return []field{
		{driver.DomainBandwidthInAverage, &p.BandwidthInAverageSet, &p.BandwidthInAverage},
		{driver.DomainBandwidthInPeak, &p.BandwidthInPeakSet, &p.BandwidthInPeak},
		{driver.DomainBandwidthInBurst, &p.BandwidthInBurstSet, &p.BandwidthInBurst},
		{driver.DomainBandwidthInFloor, &p.BandwidthInFloorSet, &p.BandwidthInFloor},
		{driver.DomainBandwidthOutAverage, &p.BandwidthOutAverageSet, &p.BandwidthOutAverage},
		{driver.DomainBandwidthOutPeak, &p.BandwidthOutPeakSet, &p.BandwidthOutPeak},
		{driver.DomainBandwidthOutBurst, &p.BandwidthOutBurstSet, &p.BandwidthOutBurst},
	}
}

func blockIoTuneFields(p *libvirt.DomainBlockIoTuneParameters) []field {
	return []field{
		{driver.DomainBlockIotuneTotalBytesSec, &p.TotalBytesSecSet, &p.TotalBytesSec},
		{driver.DomainBlockIotuneReadBytesSec, &p.ReadBytesSecSet, &p.ReadBytesSec},
		{driver.DomainBlockIotuneWriteBytesSec, &p.WriteBytesSecSet, &p.WriteBytesSec},
		{driver.DomainBlockIotuneTotalIopsSec, &p.TotalIopsSecSet, &p.TotalIopsSec},
		{driver.DomainBlockIotuneReadIopsSec, &p.ReadIopsSecSet, &p.ReadIopsSec},
		{driver.DomainBlockIotuneWriteIopsSec, &p.WriteIopsSecSet, &p.WriteIopsSec},
		{driver.DomainBlockIotuneTotalBytesSecMax, &p.TotalBytesSecMaxSet, &p.TotalBytesSecMax},
		{driver.DomainBlockIotuneReadBytesSecMax, &p.ReadBytesSecMaxSet, &p.ReadBytesSecMax},
		{driver.DomainBlockIotuneWriteBytesSecMax, &p.WriteBytesSecMaxSet, &p.WriteBytesSecMax},
		{driver.DomainBlockIotuneTotalIopsSecMax, &p.TotalIopsSecMaxSet, &p.TotalIopsSecMax},
		{driver.DomainBlockIotuneReadIopsSecMax, &p.ReadIopsSecMaxSet, &p.ReadIopsSecMax},
		{driver.DomainBlockIotuneWriteIopsSecMax, &p.WriteIopsSecMaxSet, &p.WriteIopsSecMax},
		{driver.DomainBlockIotuneSizeIopsSec, &p.SizeIopsSecSet, &p.SizeIopsSec},
		{driver.DomainBlockIotuneGroupName, &p.GroupNameSet, &p.GroupName},
		{driver.DomainBlockIotuneTotalBytesSecMaxLength, &p.TotalBytesSecMaxLengthSet, &p.TotalBytesSecMaxLength},
		{driver.DomainBlockIotuneReadBytesSecMaxLength, &p.ReadBytesSecMaxLengthSet, &p.ReadBytesSecMaxLength},
		{driver.DomainBlockIotuneWriteBytesSecMaxLength, &p.WriteBytesSecMaxLengthSet, &p.WriteBytesSecMaxLength},
		{driver.DomainBlockIotuneTotalIopsSecMaxLength, &p.TotalIopsSecMaxLengthSet, &p.TotalIopsSecMaxLength},
		{driver.DomainBlockIotuneReadIopsSecMaxLength, &p.ReadIopsSecMaxLengthSet, &p.ReadIopsSecMaxLength},
		{driver.DomainBlockIotuneWriteIopsSecMaxLength, &p.WriteIopsSecMaxLengthSet, &p.WriteIopsSecMaxLength},
	}
}

func schedulerFields(p *libvirt.DomainSchedulerParameters) []field {
	return []field{
		{driver.DomainSchedulerCPUShares, &p.CpuSharesSet, &p.CpuShares},
		{driver.DomainSchedulerVCPUPeriod, &p.VcpuPeriodSet, &p.VcpuPeriod},
		{driver.DomainSchedulerVCPUQuota, &p.VcpuQuotaSet, &p.VcpuQuota},
		{driver.DomainSchedulerEmulatorPeriod, &p.EmulatorPeriodSet, &p.EmulatorPeriod},
		{driver.DomainSchedulerEmulatorQuota, &p.EmulatorQuotaSet, &p.EmulatorQuota},
		{driver.DomainSchedulerGlobalPeriod, &p.GlobalPeriodSet, &p.GlobalPeriod},
		{driver.DomainSchedulerGlobalQuota, &p.GlobalQuotaSet, &p.GlobalQuota},
		{driver.DomainSchedulerIothreadPeriod, &p.IothreadPeriodSet, &p.IothreadPeriod},
		{driver.DomainSchedulerIothreadQuota, &p.IothreadQuotaSet, &p.IothreadQuota},
		{driver.DomainSchedulerWeight, &p.WeightSet, &p.Weight},
		{driver.DomainSchedulerCap, &p.CapSet, &p.Cap},
		{driver.DomainSchedulerReservation, &p.ReservationSet, &p.Reservation},
		{driver.DomainSchedulerLimit, &p.LimitSet, &p.Limit},
		{driver.DomainSchedulerShares, &p.SharesSet, &p.Shares},
	}
}

func perfFields(p *libvirt.DomainPerfEvents) []field {
	return []field{
		{driver.PerfParamCmt, &p.CmtSet, &p.Cmt},
		{driver.PerfParamMbmt, &p.MbmtSet, &p.Mbmt},
		{driver.PerfParamMbml, &p.MbmlSet, &p.Mbml},
		{driver.PerfParamCPUCycles, &p.CpuCyclesSet, &p.CpuCycles},
		{driver.PerfParamInstructions, &p.InstructionsSet, &p.Instructions},
		{driver.PerfParamCacheReferences, &p.CacheReferencesSet, &p.CacheReferences},
		{driver.PerfParamCacheMisses, &p.CacheMissesSet, &p.CacheMisses},
		{driver.PerfParamBranchInstructions, &p.BranchInstructionsSet, &p.BranchInstructions},
		{driver.PerfParamBranchMisses, &p.BranchMissesSet, &p.BranchMisses},
		{driver.PerfParamBusCycles, &p.BusCyclesSet, &p.BusCycles},
		{driver.PerfParamStalledCyclesFrontend, &p.StalledCyclesFrontendSet, &p.StalledCyclesFrontend},
		{driver.PerfParamStalledCyclesBackend, &p.StalledCyclesBackendSet, &p.StalledCyclesBackend},
		{driver.PerfParamRefCPUCycles, &p.RefCpuCyclesSet, &p.RefCpuCycles},
		{driver.PerfParamCPUClock, &p.CpuClockSet, &p.CpuClock},
		{driver.PerfParamTaskClock, &p.TaskClockSet, &p.TaskClock},
		{driver.PerfParamPageFaults, &p.PageFaultsSet, &p.PageFaults},
		{driver.PerfParamContextSwitches, &p.ContextSwitchesSet, &p.ContextSwitches},
		{driver.PerfParamCPUMigrations, &p.CpuMigrationsSet, &p.CpuMigrations},
		{driver.PerfParamPageFaultsMin, &p.PageFaultsMinSet, &p.PageFaultsMin},
		{driver.PerfParamPageFaultsMaj, &p.PageFaultsMajSet, &p.PageFaultsMaj},
		{driver.PerfParamAlignmentFaults, &p.AlignmentFaultsSet, &p.AlignmentFaults},
		{driver.PerfParamEmulationFaults, &p.EmulationFaultsSet, &p.EmulationFaults},
	}
}

func ioThreadFields(p *libvirt.DomainSetIOThreadParams) []field {
	return []field{
		{driver.DomainIothreadPollMaxNs, &p.PollMaxNsSet, &p.PollMaxNs},
		{driver.DomainIothreadPollGrow, &p.PollGrowSet, &p.PollGrow},
		{driver.DomainIothreadPollShrink, &p.PollShrinkSet, &p.PollShrink},
		{driver.DomainIothreadThreadPoolMin, &p.ThreadPoolMinSet, &p.ThreadPoolMin},
		{driver.DomainIothreadThreadPoolMax, &p.ThreadPoolMaxSet, &p.ThreadPoolMax},
	}
}

func launchSecurityInfoFields(p *libvirt.DomainLaunchSecurityParameters) []field {
	return []field{
		{driver.DomainLaunchSecuritySEVMeasurement, &p.SEVMeasurementSet, &p.SEVMeasurement},
		{driver.DomainLaunchSecuritySEVApiMajor, &p.SEVAPIMajorSet, &p.SEVAPIMajor},
		{driver.DomainLaunchSecuritySEVApiMinor, &p.SEVAPIMinorSet, &p.SEVAPIMinor},
		{driver.DomainLaunchSecuritySEVBuildID, &p.SEVBuildIDSet, &p.SEVBuildID},
		{driver.DomainLaunchSecuritySEVPolicy, &p.SEVPolicySet, &p.SEVPolicy},
		{"sev-snp-policy", &p.SEVSNPPolicySet, &p.SEVSNPPolicy},
	}
}

func launchSecurityStateFields(p *libvirt.DomainLaunchSecurityStateParameters) []field {
	return []field{
		{driver.DomainLaunchSecuritySEVSecret, &p.SEVSecretSet, &p.SEVSecret},
		{driver.DomainLaunchSecuritySEVSecretHeader, &p.SEVSecretHeaderSet, &p.SEVSecretHeader},
		{driver.DomainLaunchSecuritySEVSecretSetAddress, &p.SEVSecretSetAddressSet, &p.SEVSecretSetAddress},
	}
}

func cpuStatsFields(p *libvirt.DomainCPUStats) []field {
	return []field{
		{driver.DomainCPUStatsCputime, &p.CpuTimeSet, &p.CpuTime},
		{driver.DomainCPUStatsUsertime, &p.UserTimeSet, &p.UserTime},
		{driver.DomainCPUStatsSystemtime, &p.SystemTimeSet, &p.SystemTime},
		{driver.DomainCPUStatsVcputime, &p.VcpuTimeSet, &p.VcpuTime},
	}
}

func blockStatsFields(p *libvirt.DomainBlockStats) []field {
	return []field{
		{driver.DomainBlockStatsWriteBytes, &p.WrBytesSet, &p.WrBytes},
		{driver.DomainBlockStatsWriteReq, &p.WrReqSet, &p.WrReq},
		{driver.DomainBlockStatsReadBytes, &p.RdBytesSet, &p.RdBytes},
		{driver.DomainBlockStatsReadReq, &p.RdReqSet, &p.RdReq},
		{driver.DomainBlockStatsFlushReq, &p.FlushReqSet, &p.FlushReq},
		{driver.DomainBlockStatsWriteTotalTimes, &p.WrTotalTimesSet, &p.WrTotalTimes},
		{driver.DomainBlockStatsReadTotalTimes, &p.RdTotalTimesSet, &p.RdTotalTimes},
		{driver.DomainBlockStatsFlushTotalTimes, &p.FlushTotalTimesSet, &p.FlushTotalTimes},
		{driver.DomainBlockStatsErrs, &p.ErrsSet, &p.Errs},
	}
}

func jobStatsFields(p *libvirt.DomainJobInfo) []field {
	return []field{
		{driver.DomainJobOperation, &p.OperationSet, (*int)(&p.Operation)},
		{driver.DomainJobTimeElapsed, &p.TimeElapsedSet, &p.TimeElapsed},
		{driver.DomainJobTimeElapsedNet, &p.TimeElapsedNetSet, &p.TimeElapsedNet},
		{driver.DomainJobTimeRemaining, &p.TimeRemainingSet, &p.TimeRemaining},
		{driver.DomainJobDowntime, &p.DowntimeSet, &p.Downtime},
		{driver.DomainJobDowntimeNet, &p.DowntimeNetSet, &p.DowntimeNet},
		{driver.DomainJobSetupTime, &p.SetupTimeSet, &p.SetupTime},
		{driver.DomainJobDataTotal, &p.DataTotalSet, &p.DataTotal},
		{driver.DomainJobDataProcessed, &p.DataProcessedSet, &p.DataProcessed},
		{driver.DomainJobDataRemaining, &p.DataRemainingSet, &p.DataRemaining},
		{driver.DomainJobMemoryTotal, &p.MemTotalSet, &p.MemTotal},
		{driver.DomainJobMemoryProcessed, &p.MemProcessedSet, &p.MemProcessed},
		{driver.DomainJobMemoryRemaining, &p.MemRemainingSet, &p.MemRemaining},
		{driver.DomainJobMemoryConstant, &p.MemConstantSet, &p.MemConstant},
		{driver.DomainJobMemoryNormal, &p.MemNormalSet, &p.MemNormal},
		{driver.DomainJobMemoryNormalBytes, &p.MemNormalBytesSet, &p.MemNormalBytes},
		{driver.DomainJobMemoryBps, &p.MemBpsSet, &p.MemBps},
		{driver.DomainJobMemoryDirtyRate, &p.MemDirtyRateSet, &p.MemDirtyRate},
		{driver.DomainJobMemoryPageSize, &p.MemPageSizeSet, &p.MemPageSize},
		{driver.DomainJobMemoryIteration, &p.MemIterationSet, &p.MemIteration},
		{driver.DomainJobMemoryPostcopyReqs, &p.MemPostcopyReqsSet, &p.MemPostcopyReqs},
		{driver.DomainJobDiskTotal, &p.DiskTotalSet, &p.DiskTotal},
		{driver.DomainJobDiskProcessed, &p.DiskProcessedSet, &p.DiskProcessed},
		{driver.DomainJobDiskRemaining, &p.DiskRemainingSet, &p.DiskRemaining},
		{driver.DomainJobDiskBps, &p.DiskBpsSet, &p.DiskBps},
		{driver.DomainJobCompressionCache, &p.CompressionCacheSet, &p.CompressionCache},
		{driver.DomainJobCompressionBytes, &p.CompressionBytesSet, &p.CompressionBytes},
		{driver.DomainJobCompressionPages, &p.CompressionPagesSet, &p.CompressionPages},
		{driver.DomainJobCompressionCacheMisses, &p.CompressionCacheMissesSet, &p.CompressionCacheMisses},
		{driver.DomainJobCompressionOverflow, &p.CompressionOverflowSet, &p.CompressionOverflow},
		{driver.DomainJobAutoConvergeThrottle, &p.AutoConvergeThrottleSet, &p.AutoConvergeThrottle},
		{driver.DomainJobDiskTempUsed, &p.DiskTempUsedSet, &p.DiskTempUsed},
		{driver.DomainJobDiskTempTotal, &p.DiskTempTotalSet, &p.DiskTempTotal},
		{"vfio_data_transferred", &p.VFIODataTransferredSet, &p.VFIODataTransferred},
		{driver.DomainJobSuccess, &p.JobSuccessSet, &p.JobSuccess},
		{driver.DomainJobErrmsg, &p.ErrorMessageSet, &p.ErrorMessage},
	}
}
