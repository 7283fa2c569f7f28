package host

import "github.com/vertscript/vertscript/host/driver"

// The groups of typed parameters of virDomain's tunables and statistics:
// libvirt's field names (VIR_DOMAIN_*_FIELD strings) and types, in the
// order its drivers report them (the test driver's, checked against
// libvirt-python; the QEMU driver's for fields the test driver lacks). A
// getter's dict lists the fields the driver reported in this order; a
// setter accepts exactly these keys. Backends map them to their own
// representation. They are read-only.
var (
	// BlkioParams are virDomainGetBlkioParameters' and
	// virDomainSetBlkioParameters'.
	BlkioParams = TypedSchema{
		{driver.DomainBlkioWeight, TypedUint},
		{driver.DomainBlkioDeviceWeight, TypedString},
		{driver.DomainBlkioDeviceReadIops, TypedString},
		{driver.DomainBlkioDeviceWriteIops, TypedString},
		{driver.DomainBlkioDeviceReadBps, TypedString},
		{driver.DomainBlkioDeviceWriteBps, TypedString},
	}

	// MemoryParams are virDomainGetMemoryParameters' and
	// virDomainSetMemoryParameters' (KiB).
	MemoryParams = TypedSchema{
		{driver.DomainMemoryHardLimit, TypedULLong},
		{driver.DomainMemorySoftLimit, TypedULLong},
		{driver.DomainMemoryMinGuarantee, TypedULLong},
		{driver.DomainMemorySwapHardLimit, TypedULLong},
	}

	// NumaParams are virDomainGetNumaParameters' and
	// virDomainSetNumaParameters'.
	NumaParams = TypedSchema{
		{driver.DomainNUMAMode, TypedInt},
		{driver.DomainNUMANodeset, TypedString},
	}

	// InterfaceParams are virDomainGetInterfaceParameters' and
	// virDomainSetInterfaceParameters'.
	InterfaceParams = TypedSchema{
		{driver.DomainBandwidthInAverage, TypedUint},
		{driver.DomainBandwidthInPeak, TypedUint},
		{driver.DomainBandwidthInBurst, TypedUint},
		{driver.DomainBandwidthInFloor, TypedUint},
		{driver.DomainBandwidthOutAverage, TypedUint},
		{driver.DomainBandwidthOutPeak, TypedUint},
		{driver.DomainBandwidthOutBurst, TypedUint},
	}

	// BlockIoTuneParams are virDomainGetBlockIoTune's and
	// virDomainSetBlockIoTune's.
	BlockIoTuneParams = TypedSchema{
		{driver.DomainBlockIotuneTotalBytesSec, TypedULLong},
		{driver.DomainBlockIotuneReadBytesSec, TypedULLong},
		{driver.DomainBlockIotuneWriteBytesSec, TypedULLong},
		{driver.DomainBlockIotuneTotalIopsSec, TypedULLong},
		{driver.DomainBlockIotuneReadIopsSec, TypedULLong},
		{driver.DomainBlockIotuneWriteIopsSec, TypedULLong},
		{driver.DomainBlockIotuneTotalBytesSecMax, TypedULLong},
		{driver.DomainBlockIotuneReadBytesSecMax, TypedULLong},
		{driver.DomainBlockIotuneWriteBytesSecMax, TypedULLong},
		{driver.DomainBlockIotuneTotalIopsSecMax, TypedULLong},
		{driver.DomainBlockIotuneReadIopsSecMax, TypedULLong},
		{driver.DomainBlockIotuneWriteIopsSecMax, TypedULLong},
		{driver.DomainBlockIotuneSizeIopsSec, TypedULLong},
		{driver.DomainBlockIotuneGroupName, TypedString},
		{driver.DomainBlockIotuneTotalBytesSecMaxLength, TypedULLong},
		{driver.DomainBlockIotuneReadBytesSecMaxLength, TypedULLong},
		{driver.DomainBlockIotuneWriteBytesSecMaxLength, TypedULLong},
		{driver.DomainBlockIotuneTotalIopsSecMaxLength, TypedULLong},
		{driver.DomainBlockIotuneReadIopsSecMaxLength, TypedULLong},
		{driver.DomainBlockIotuneWriteIopsSecMaxLength, TypedULLong},
	}

	// SchedulerParams are the scheduler's parameters, those of the QEMU
	// driver first, then Xen's (weight, cap) and ESX's.
	SchedulerParams = TypedSchema{
		{driver.DomainSchedulerCPUShares, TypedULLong},
		{driver.DomainSchedulerVCPUPeriod, TypedULLong},
		{driver.DomainSchedulerVCPUQuota, TypedLLong},
		{driver.DomainSchedulerEmulatorPeriod, TypedULLong},
		{driver.DomainSchedulerEmulatorQuota, TypedLLong},
		{driver.DomainSchedulerGlobalPeriod, TypedULLong},
		{driver.DomainSchedulerGlobalQuota, TypedLLong},
		{driver.DomainSchedulerIothreadPeriod, TypedULLong},
		{driver.DomainSchedulerIothreadQuota, TypedLLong},
		{driver.DomainSchedulerWeight, TypedUint},
		{driver.DomainSchedulerCap, TypedUint},
		{driver.DomainSchedulerReservation, TypedLLong},
		{driver.DomainSchedulerLimit, TypedLLong},
		{driver.DomainSchedulerShares, TypedInt},
	}

	// PerfEventParams are virDomainGetPerfEvents' and
	// virDomainSetPerfEvents': whether each event is enabled, in
	// virPerfEventType's order.
	PerfEventParams = TypedSchema{
		{driver.PerfParamCmt, TypedBool},
		{driver.PerfParamMbmt, TypedBool},
		{driver.PerfParamMbml, TypedBool},
		{driver.PerfParamCPUCycles, TypedBool},
		{driver.PerfParamInstructions, TypedBool},
		{driver.PerfParamCacheReferences, TypedBool},
		{driver.PerfParamCacheMisses, TypedBool},
		{driver.PerfParamBranchInstructions, TypedBool},
		{driver.PerfParamBranchMisses, TypedBool},
		{driver.PerfParamBusCycles, TypedBool},
		{driver.PerfParamStalledCyclesFrontend, TypedBool},
		{driver.PerfParamStalledCyclesBackend, TypedBool},
		{driver.PerfParamRefCPUCycles, TypedBool},
		{driver.PerfParamCPUClock, TypedBool},
		{driver.PerfParamTaskClock, TypedBool},
		{driver.PerfParamPageFaults, TypedBool},
		{driver.PerfParamContextSwitches, TypedBool},
		{driver.PerfParamCPUMigrations, TypedBool},
		{driver.PerfParamPageFaultsMin, TypedBool},
		{driver.PerfParamPageFaultsMaj, TypedBool},
		{driver.PerfParamAlignmentFaults, TypedBool},
		{driver.PerfParamEmulationFaults, TypedBool},
	}

	// IOThreadParams are virDomainSetIOThreadParams'.
	IOThreadParams = TypedSchema{
		{driver.DomainIothreadPollMaxNs, TypedULLong},
		{driver.DomainIothreadPollGrow, TypedUint},
		{driver.DomainIothreadPollShrink, TypedUint},
		{driver.DomainIothreadThreadPoolMin, TypedInt},
		{driver.DomainIothreadThreadPoolMax, TypedInt},
	}

	// LaunchSecurityInfoParams are virDomainGetLaunchSecurityInfo's.
	LaunchSecurityInfoParams = TypedSchema{
		{driver.DomainLaunchSecuritySEVMeasurement, TypedString},
		{driver.DomainLaunchSecuritySEVApiMajor, TypedUint},
		{driver.DomainLaunchSecuritySEVApiMinor, TypedUint},
		{driver.DomainLaunchSecuritySEVBuildID, TypedUint},
		{driver.DomainLaunchSecuritySEVPolicy, TypedUint},
		{"sev-snp-policy", TypedULLong},
	}

	// LaunchSecurityStateParams are virDomainSetLaunchSecurityState's.
	LaunchSecurityStateParams = TypedSchema{
		{driver.DomainLaunchSecuritySEVSecret, TypedString},
		{driver.DomainLaunchSecuritySEVSecretHeader, TypedString},
		{driver.DomainLaunchSecuritySEVSecretSetAddress, TypedULLong},
	}

	// CPUStatsParams are virDomainGetCPUStats' (nanoseconds).
	CPUStatsParams = TypedSchema{
		{driver.DomainCPUStatsCputime, TypedULLong},
		{driver.DomainCPUStatsUsertime, TypedULLong},
		{driver.DomainCPUStatsSystemtime, TypedULLong},
		{driver.DomainCPUStatsVcputime, TypedULLong},
	}

	// BlockStatsParams are virDomainBlockStatsFlags' (-1: not reported).
	BlockStatsParams = TypedSchema{
		{driver.DomainBlockStatsWriteBytes, TypedLLong},
		{driver.DomainBlockStatsWriteReq, TypedLLong},
		{driver.DomainBlockStatsReadBytes, TypedLLong},
		{driver.DomainBlockStatsReadReq, TypedLLong},
		{driver.DomainBlockStatsFlushReq, TypedLLong},
		{driver.DomainBlockStatsWriteTotalTimes, TypedLLong},
		{driver.DomainBlockStatsReadTotalTimes, TypedLLong},
		{driver.DomainBlockStatsFlushTotalTimes, TypedLLong},
		{driver.DomainBlockStatsErrs, TypedLLong},
	}

	// JobStatsParams are virDomainGetJobStats'.
	JobStatsParams = TypedSchema{
		{driver.DomainJobOperation, TypedInt},
		{driver.DomainJobTimeElapsed, TypedULLong},
		{driver.DomainJobTimeElapsedNet, TypedULLong},
		{driver.DomainJobTimeRemaining, TypedULLong},
		{driver.DomainJobDowntime, TypedULLong},
		{driver.DomainJobDowntimeNet, TypedULLong},
		{driver.DomainJobSetupTime, TypedULLong},
		{driver.DomainJobDataTotal, TypedULLong},
		{driver.DomainJobDataProcessed, TypedULLong},
		{driver.DomainJobDataRemaining, TypedULLong},
		{driver.DomainJobMemoryTotal, TypedULLong},
		{driver.DomainJobMemoryProcessed, TypedULLong},
		{driver.DomainJobMemoryRemaining, TypedULLong},
		{driver.DomainJobMemoryConstant, TypedULLong},
		{driver.DomainJobMemoryNormal, TypedULLong},
		{driver.DomainJobMemoryNormalBytes, TypedULLong},
		{driver.DomainJobMemoryBps, TypedULLong},
		{driver.DomainJobMemoryDirtyRate, TypedULLong},
		{driver.DomainJobMemoryPageSize, TypedULLong},
		{driver.DomainJobMemoryIteration, TypedULLong},
		{driver.DomainJobMemoryPostcopyReqs, TypedULLong},
		{driver.DomainJobDiskTotal, TypedULLong},
		{driver.DomainJobDiskProcessed, TypedULLong},
		{driver.DomainJobDiskRemaining, TypedULLong},
		{driver.DomainJobDiskBps, TypedULLong},
		{driver.DomainJobCompressionCache, TypedULLong},
		{driver.DomainJobCompressionBytes, TypedULLong},
		{driver.DomainJobCompressionPages, TypedULLong},
		{driver.DomainJobCompressionCacheMisses, TypedULLong},
		{driver.DomainJobCompressionOverflow, TypedULLong},
		{driver.DomainJobAutoConvergeThrottle, TypedInt},
		{driver.DomainJobDiskTempUsed, TypedULLong},
		{driver.DomainJobDiskTempTotal, TypedULLong},
		{"vfio_data_transferred", TypedULLong},
		{driver.DomainJobSuccess, TypedBool},
		{driver.DomainJobErrmsg, TypedString},
	}
)
