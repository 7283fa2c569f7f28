package host

// domainVcpuOps are virDomain's virtual CPU, pinning and IOThread
// operations. CPU maps are tuples of bools, one per host CPU, as in
// libvirt-python.
var domainVcpuOps = inClass(ClassDomain, []*Op{
	{Name: "maxVcpus", CName: "virDomainGetMaxVcpus", Result: "int",
		Doc: "Returns the most virtual CPUs the domain can have.",
		fn:  func(c *Call) (Value, error) { return num(c.domain().GetMaxVcpus()) }},
	{Name: "vcpus", CName: "virDomainGetVcpus",
		Result: "tuple: ([(number, state, cpuTime ns, cpu), ...], [cpumap, ...])",
		Doc:    "Returns each virtual CPU's state, time and host CPU, and the host CPUs it may run on.",
		fn: func(c *Call) (Value, error) {
			n, err := c.hostCPUs()
			if err != nil {
				return nil, err
			}
			infos, maps, err := c.domain().GetVcpus(n)
			if err != nil {
				return nil, err
			}
			is, ms := make([]Value, len(infos)), make([]Value, len(maps))
			for i, v := range infos {
				is[i] = Tuple{int64(v.Number), int64(v.State), int64(v.CPUTime), int64(v.CPU)}
			}
			for i, m := range maps {
				ms[i] = boolTuple(fitCPUMap(m, n))
			}
			return Tuple{is, ms}, nil
		}},
	{Name: "vcpusFlags", CName: "virDomainGetVcpusFlags", Params: []Param{flagsOf("VIR_DOMAIN_VCPU_")}, Result: "int",
		Doc: "Returns the number of virtual CPUs, live, persistent or maximum (VIR_DOMAIN_VCPU_* flags).",
		fn:  func(c *Call) (Value, error) { return num(c.domain().GetVcpusFlags(c.uint32(0))) }},
	{Name: "setVcpus", CName: "virDomainSetVcpus", Params: []Param{req("nvcpus", TUint)},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets the number of virtual CPUs of the running domain.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().SetVcpus(uint(c.uint32(0)))) }},
	{Name: "setVcpusFlags", CName: "virDomainSetVcpusFlags", Params: []Param{req("nvcpus", TUint), flagsOf("VIR_DOMAIN_VCPU_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets the number of virtual CPUs, live, persistent or maximum (VIR_DOMAIN_VCPU_* flags).",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().SetVcpusFlags(uint(c.uint32(0)), c.uint32(1)))
		}},
	{Name: "setVcpu", CName: "virDomainSetVcpu", Params: []Param{req("vcpumap", TString), req("state", TInt), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Enables (state 1) or disables (0) the virtual CPUs of a list such as \"1-3,^2\".",
		fn: func(c *Call) (Value, error) {
			if err := c.checkCPUList(0); err != nil {
				return nil, err
			}
			return done(c.domain().SetVcpu(c.str(0), c.int(1) != 0, c.uint32(2)))
		}},
	{Name: "vcpuPinInfo", CName: "virDomainGetVcpuPinInfo", Params: []Param{flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "list of cpumap (tuple of bool per host CPU), one per virtual CPU",
		Doc:    "Returns the host CPUs each virtual CPU is pinned to.",
		fn: func(c *Call) (Value, error) {
			n, err := c.hostCPUs()
			if err != nil {
				return nil, err
			}
			maps, err := c.domain().GetVcpuPinInfo(n, c.uint32(0))
			if err != nil {
				return nil, err
			}
			out := make([]Value, len(maps))
			for i, m := range maps {
				out[i] = boolTuple(fitCPUMap(m, n))
			}
			return out, nil
		}},
	{Name: "pinVcpu", CName: "virDomainPinVcpu", Params: []Param{req("vcpu", TUint), req("cpumap", TList)},
		Result: "int (0)", Effect: Mutate,
		Doc: "Pins a virtual CPU to the host CPUs of cpumap (a tuple of bools).",
		fn: func(c *Call) (Value, error) {
			m, err := c.cpumapArg(1)
			if err != nil {
				return nil, err
			}
			return done(c.domain().PinVcpu(uint(c.uint32(0)), m))
		}},
	{Name: "pinVcpuFlags", CName: "virDomainPinVcpuFlags", Params: []Param{req("vcpu", TUint), req("cpumap", TList), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Pins a virtual CPU, live or persistently (VIR_DOMAIN_AFFECT_* flags).",
		fn: func(c *Call) (Value, error) {
			m, err := c.cpumapArg(1)
			if err != nil {
				return nil, err
			}
			return done(c.domain().PinVcpuFlags(uint(c.uint32(0)), m, c.uint32(2)))
		}},
	{Name: "emulatorPinInfo", CName: "virDomainGetEmulatorPinInfo", Params: []Param{flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "cpumap (tuple of bool per host CPU)",
		Doc:    "Returns the host CPUs the domain's emulator threads are pinned to.",
		fn: func(c *Call) (Value, error) {
			n, err := c.hostCPUs()
			if err != nil {
				return nil, err
			}
			m, err := c.domain().GetEmulatorPinInfo(n, c.uint32(0))
			if err != nil {
				return nil, err
			}
			return boolTuple(fitCPUMap(m, n)), nil
		}},
	{Name: "pinEmulator", CName: "virDomainPinEmulator", Params: []Param{req("cpumap", TList), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Pins the domain's emulator threads to the host CPUs of cpumap.",
		fn: func(c *Call) (Value, error) {
			m, err := c.cpumapArg(0)
			if err != nil {
				return nil, err
			}
			return done(c.domain().PinEmulator(m, c.uint32(1)))
		}},
	{Name: "guestVcpus", CName: "virDomainGetGuestVcpus", Params: []Param{flags()},
		Result: "dict: {'vcpus': str, 'online': str, 'offlinable': str} (CPU lists such as \"0-3\"), or None when libvirt fails",
		Doc:    "Returns the guest's virtual CPUs as the guest agent sees them; None on failure, as in libvirt-python.",
		fn: func(c *Call) (Value, error) {
			ps, err := c.domain().GetGuestVcpus(c.uint32(0))
			if err != nil {
				return c.swallow(nil, err)
			}
			return typedMap(inSchema(ps, GuestVcpusParams)), nil
		}},
	{Name: "setGuestVcpus", CName: "virDomainSetGuestVcpus", Params: []Param{req("cpumap", TString), req("state", TInt), flags()},
		Result: "int (0)", Effect: Mutate,
		Doc: "Onlines (state 1) or offlines (0) guest virtual CPUs of a list such as \"1-3\", through the guest agent.",
		fn: func(c *Call) (Value, error) {
			if err := c.checkCPUList(0); err != nil {
				return nil, err
			}
			return done(c.domain().SetGuestVcpus(c.str(0), c.int(1) != 0, c.uint32(2)))
		}},
	{Name: "ioThreadInfo", CName: "virDomainGetIOThreadInfo", Params: []Param{flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "list of tuples: (iothread_id, [bool per host CPU])",
		Doc:    "Returns the domain's IOThreads and the host CPUs each is pinned to.",
		fn: func(c *Call) (Value, error) {
			n, err := c.hostCPUs()
			if err != nil {
				return nil, err
			}
			ts, err := c.domain().GetIOThreadInfo(n, c.uint32(0))
			if err != nil {
				return nil, err
			}
			out := make([]Value, len(ts))
			for i, t := range ts {
				out[i] = Tuple{int64(t.ID), boolList(fitCPUMap(t.CPUMap, n))}
			}
			return out, nil
		}},
	{Name: "addIOThread", CName: "virDomainAddIOThread", Params: []Param{req("iothread_id", TUint), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Adds an IOThread with this ID.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().AddIOThread(uint(c.uint32(0)), c.uint32(1)))
		}},
	{Name: "delIOThread", CName: "virDomainDelIOThread", Params: []Param{req("iothread_id", TUint), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Removes the IOThread with this ID.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().DelIOThread(uint(c.uint32(0)), c.uint32(1)))
		}},
	{Name: "pinIOThread", CName: "virDomainPinIOThread", Params: []Param{req("iothread_val", TUint), req("cpumap", TList), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Pins an IOThread to the host CPUs of cpumap.",
		fn: func(c *Call) (Value, error) {
			m, err := c.cpumapArg(1)
			if err != nil {
				return nil, err
			}
			return done(c.domain().PinIOThread(uint(c.uint32(0)), m, c.uint32(2)))
		}},
	{Name: "setIOThreadParams", CName: "virDomainSetIOThreadParams", Params: []Param{req("iothread_val", TUint), req("params", TDict), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets an IOThread's polling and thread pool parameters ('poll_max_ns', 'poll_grow', ...).",
		fn: setter(1, IOThreadParams, func(c *Call, ps []TypedParam) error {
			return c.domain().SetIOThreadParams(uint(c.uint32(0)), ps, c.uint32(2))
		})},
})
