package host

// domainNetJobOps are virDomain's network interface tunables and
// statistics, and its job statistics.
var domainNetJobOps = inClass(ClassDomain, []*Op{
	{Name: "interfaceAddresses", CName: "virDomainInterfaceAddresses", Params: []Param{req("source", TUint), flags()},
		Result: "dict: {name: {'addrs': [{'addr': str, 'prefix': int, 'type': int}] or None, 'hwaddr': str or None}}",
		Doc:    "Returns the guest's interfaces and IP addresses, from DHCP leases, the guest agent or ARP (VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_*).",
		fn: func(c *Call) (Value, error) {
			ifaces, err := c.domain().InterfaceAddresses(c.uint32(0), c.uint32(1))
			if err != nil {
				return nil, err
			}
			out := NewMap()
			for _, ifc := range ifaces {
				m := NewMap()
				var addrs Value // None when the interface has no address, as in libvirt-python
				if len(ifc.Addrs) > 0 {
					l := make([]Value, len(ifc.Addrs))
					for i, a := range ifc.Addrs {
						am := NewMap()
						am.Set("addr", a.Addr)
						am.Set("prefix", int64(a.Prefix))
						am.Set("type", int64(a.Type))
						l[i] = am
					}
					addrs = l
				}
				m.Set("addrs", addrs)
				m.Set("hwaddr", strOrNone(ifc.Hwaddr))
				out.Set(ifc.Name, m)
			}
			return out, nil
		}},
	{Name: "interfaceParameters", CName: "virDomainGetInterfaceParameters", Params: []Param{req("device", TString), flags()},
		Result: "dict (typed parameters: 'inbound.average', 'inbound.peak', ..., 'outbound.burst')",
		Doc:    "Returns an interface's bandwidth limits.",
		fn: func(c *Call) (Value, error) {
			return schemaResult(InterfaceParams)(c.domain().GetInterfaceParameters(c.str(0), c.uint32(1)))
		}},
	{Name: "setInterfaceParameters", CName: "virDomainSetInterfaceParameters", Params: []Param{req("device", TString), req("params", TDict), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets an interface's bandwidth limits ('inbound.average', 'outbound.peak', ...).",
		fn: tunableSetter(1, InterfaceParams,
			func(c *Call) ([]TypedParam, error) { return c.domain().GetInterfaceParameters(c.str(0), c.uint32(2)) },
			func(c *Call, ps []TypedParam) error {
				return c.domain().SetInterfaceParameters(c.str(0), ps, c.uint32(2))
			})},
	{Name: "interfaceStats", CName: "virDomainInterfaceStats", Params: []Param{req("path", TString)},
		Result: "tuple: (rx_bytes, rx_packets, rx_errs, rx_drop, tx_bytes, tx_packets, tx_errs, tx_drop)",
		Doc:    "Returns an interface's traffic counters.",
		fn: func(c *Call) (Value, error) {
			s, err := c.domain().InterfaceStats(c.str(0))
			if err != nil {
				return nil, err
			}
			return Tuple(ints(s.RxBytes, s.RxPackets, s.RxErrs, s.RxDrop, s.TxBytes, s.TxPackets, s.TxErrs, s.TxDrop)), nil
		}},
	{Name: "jobInfo", CName: "virDomainGetJobInfo",
		Result: "list: [type, timeElapsed, timeRemaining, dataTotal, dataProcessed, dataRemaining, memTotal, memProcessed, memRemaining, fileTotal, fileProcessed, fileRemaining]",
		Doc:    "Returns the progress of the domain's background job (migration, save, dump).",
		fn: func(c *Call) (Value, error) {
			j, err := c.domain().GetJobInfo()
			if err != nil {
				return nil, err
			}
			return append([]Value{int64(j.Type)}, ints(j.TimeElapsed, j.TimeRemaining, j.DataTotal, j.DataProcessed,
				j.DataRemaining, j.MemTotal, j.MemProcessed, j.MemRemaining, j.FileTotal, j.FileProcessed, j.FileRemaining)...), nil
		}},
	{Name: "jobStats", CName: "virDomainGetJobStats", Params: []Param{flagsOf("VIR_DOMAIN_JOB_STATS_")},
		Result: "dict (typed parameters: 'time_elapsed', 'data_total', ..., then 'type')",
		Doc:    "Returns the statistics of the domain's background job, or of the last completed one (VIR_DOMAIN_JOB_STATS_*).",
		fn: func(c *Call) (Value, error) {
			t, ps, err := c.domain().GetJobStats(c.uint32(0))
			if err != nil {
				return nil, err
			}
			m := typedMap(inSchema(ps, JobStatsParams))
			m.Set("type", int64(t))
			return m, nil
		}},
})
