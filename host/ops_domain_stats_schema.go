package host

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
		{"weight", TypedUint},
		{"device_weight", TypedString},
		{"device_read_iops_sec", TypedString},
		{"device_write_iops_sec", TypedString},
		{"device_read_bytes_sec", TypedString},
		{"device_write_bytes_sec", TypedString},
	}

	// MemoryParams are virDomainGetMemoryParameters' and
	// virDomainSetMemoryParameters' (KiB).
	MemoryParams = TypedSchema{
		{"hard_limit", TypedULLong},
		{"soft_limit", TypedULLong},
		{"min_guarantee", TypedULLong},
		{"swap_hard_limit", TypedULLong},
	}

	// NumaParams are virDomainGetNumaParameters' and
	// virDomainSetNumaParameters'.
	NumaParams = TypedSchema{
		{"numa_mode", TypedInt},
		{"numa_nodeset", TypedString},
	}

	// InterfaceParams are virDomainGetInterfaceParameters' and
	// virDomainSetInterfaceParameters'.
	InterfaceParams = TypedSchema{
		{"inbound.average", TypedUint},
		{"inbound.peak", TypedUint},
		{"inbound.burst", TypedUint},
		{"inbound.floor", TypedUint},
		{"outbound.average", TypedUint},
		{"outbound.peak", TypedUint},
		{"outbound.burst", TypedUint},
	}

	// BlockIoTuneParams are virDomainGetBlockIoTune's and
	// virDomainSetBlockIoTune's.
	BlockIoTuneParams = TypedSchema{
		{"total_bytes_sec", TypedULLong},
		{"read_bytes_sec", TypedULLong},
		{"write_bytes_sec", TypedULLong},
		{"total_iops_sec", TypedULLong},
		{"read_iops_sec", TypedULLong},
		{"write_iops_sec", TypedULLong},
		{"total_bytes_sec_max", TypedULLong},
		{"read_bytes_sec_max", TypedULLong},
		{"write_bytes_sec_max", TypedULLong},
		{"total_iops_sec_max", TypedULLong},
		{"read_iops_sec_max", TypedULLong},
		{"write_iops_sec_max", TypedULLong},
		{"size_iops_sec", TypedULLong},
		{"group_name", TypedString},
		{"total_bytes_sec_max_length", TypedULLong},
		{"read_bytes_sec_max_length", TypedULLong},
		{"write_bytes_sec_max_length", TypedULLong},
		{"total_iops_sec_max_length", TypedULLong},
		{"read_iops_sec_max_length", TypedULLong},
		{"write_iops_sec_max_length", TypedULLong},
	}

	// SchedulerParams are the scheduler's parameters, those of the QEMU
	// driver first, then Xen's (weight, cap) and ESX's.
	SchedulerParams = TypedSchema{
		{"cpu_shares", TypedULLong},
		{"vcpu_period", TypedULLong},
		{"vcpu_quota", TypedLLong},
		{"emulator_period", TypedULLong},
		{"emulator_quota", TypedLLong},
		{"global_period", TypedULLong},
		{"global_quota", TypedLLong},
		{"iothread_period", TypedULLong},
		{"iothread_quota", TypedLLong},
		{"weight", TypedUint},
		{"cap", TypedUint},
		{"reservation", TypedLLong},
		{"limit", TypedLLong},
		{"shares", TypedInt},
	}

	// PerfEventParams are virDomainGetPerfEvents' and
	// virDomainSetPerfEvents': whether each event is enabled, in
	// virPerfEventType's order.
	PerfEventParams = TypedSchema{
		{"cmt", TypedBool},
		{"mbmt", TypedBool},
		{"mbml", TypedBool},
		{"cpu_cycles", TypedBool},
		{"instructions", TypedBool},
		{"cache_references", TypedBool},
		{"cache_misses", TypedBool},
		{"branch_instructions", TypedBool},
		{"branch_misses", TypedBool},
		{"bus_cycles", TypedBool},
		{"stalled_cycles_frontend", TypedBool},
		{"stalled_cycles_backend", TypedBool},
		{"ref_cpu_cycles", TypedBool},
		{"cpu_clock", TypedBool},
		{"task_clock", TypedBool},
		{"page_faults", TypedBool},
		{"context_switches", TypedBool},
		{"cpu_migrations", TypedBool},
		{"page_faults_min", TypedBool},
		{"page_faults_maj", TypedBool},
		{"alignment_faults", TypedBool},
		{"emulation_faults", TypedBool},
	}

	// IOThreadParams are virDomainSetIOThreadParams'.
	IOThreadParams = TypedSchema{
		{"poll_max_ns", TypedULLong},
		{"poll_grow", TypedUint},
		{"poll_shrink", TypedUint},
		{"thread_pool_min", TypedInt},
		{"thread_pool_max", TypedInt},
	}

	// LaunchSecurityInfoParams are virDomainGetLaunchSecurityInfo's.
	LaunchSecurityInfoParams = TypedSchema{
		{"sev-measurement", TypedString},
		{"sev-api-major", TypedUint},
		{"sev-api-minor", TypedUint},
		{"sev-build-id", TypedUint},
		{"sev-policy", TypedUint},
		{"sev-snp-policy", TypedULLong},
	}

	// LaunchSecurityStateParams are virDomainSetLaunchSecurityState's.
	LaunchSecurityStateParams = TypedSchema{
		{"sev-secret", TypedString},
		{"sev-secret-header", TypedString},
		{"sev-secret-set-address", TypedULLong},
	}

	// CPUStatsParams are virDomainGetCPUStats' (nanoseconds).
	CPUStatsParams = TypedSchema{
		{"cpu_time", TypedULLong},
		{"user_time", TypedULLong},
		{"system_time", TypedULLong},
		{"vcpu_time", TypedULLong},
	}

	// BlockStatsParams are virDomainBlockStatsFlags' (-1: not reported).
	BlockStatsParams = TypedSchema{
		{"wr_bytes", TypedLLong},
		{"wr_operations", TypedLLong},
		{"rd_bytes", TypedLLong},
		{"rd_operations", TypedLLong},
		{"flush_operations", TypedLLong},
		{"wr_total_times", TypedLLong},
		{"rd_total_times", TypedLLong},
		{"flush_total_times", TypedLLong},
		{"errs", TypedLLong},
	}

	// JobStatsParams are virDomainGetJobStats'.
	JobStatsParams = TypedSchema{
		{"operation", TypedInt},
		{"time_elapsed", TypedULLong},
		{"time_elapsed_net", TypedULLong},
		{"time_remaining", TypedULLong},
		{"downtime", TypedULLong},
		{"downtime_net", TypedULLong},
		{"setup_time", TypedULLong},
		{"data_total", TypedULLong},
		{"data_processed", TypedULLong},
		{"data_remaining", TypedULLong},
		{"memory_total", TypedULLong},
		{"memory_processed", TypedULLong},
		{"memory_remaining", TypedULLong},
		{"memory_constant", TypedULLong},
		{"memory_normal", TypedULLong},
		{"memory_normal_bytes", TypedULLong},
		{"memory_bps", TypedULLong},
		{"memory_dirty_rate", TypedULLong},
		{"memory_page_size", TypedULLong},
		{"memory_iteration", TypedULLong},
		{"memory_postcopy_requests", TypedULLong},
		{"disk_total", TypedULLong},
		{"disk_processed", TypedULLong},
		{"disk_remaining", TypedULLong},
		{"disk_bps", TypedULLong},
		{"compression_cache", TypedULLong},
		{"compression_bytes", TypedULLong},
		{"compression_pages", TypedULLong},
		{"compression_cache_misses", TypedULLong},
		{"compression_overflow", TypedULLong},
		{"auto_converge_throttle", TypedInt},
		{"disk_temp_used", TypedULLong},
		{"disk_temp_total", TypedULLong},
		{"vfio_data_transferred", TypedULLong},
		{"success", TypedBool},
		{"errmsg", TypedString},
	}
)
