package host

// domainCPUOps are virDomain's CPU statistics, scheduler and perf event
// operations.
var domainCPUOps = inClass(ClassDomain, []*Op{
	{Name: "getCPUStats", CName: "virDomainGetCPUStats", Params: []Param{req("total", TBool), flagsOf("VIR_TYPED_PARAM_STRING_")},
		Result: "list of dict: [{'cpu_time': ns, 'user_time': ns, 'system_time': ns}] for the total, one {'cpu_time': ns, 'vcpu_time': ns} per host CPU otherwise",
		Doc:    "Returns the domain's CPU time, in total or per host CPU.",
		fn: func(c *Call) (Value, error) {
			start, n := 0, uint(0) // every host CPU
			if c.bool(0) {
				start, n = -1, 1
			}
			stats, err := c.domain().GetCPUStats(start, n, c.uint32(1))
			if err != nil {
				return nil, err
			}
			out := make([]Value, len(stats))
			for i, ps := range stats {
				out[i] = typedMap(inSchema(ps, CPUStatsParams))
			}
			return out, nil
		}},
	{Name: "schedulerType", CName: "virDomainGetSchedulerType", Result: "tuple: (type, nparams)",
		Doc: "Returns the scheduler's name and how many parameters it has.",
		fn: func(c *Call) (Value, error) {
			t, n, err := c.domain().GetSchedulerType()
			if err != nil {
				return nil, err
			}
			return Tuple{t, int64(n)}, nil
		}},
	{Name: "schedulerParameters", CName: "virDomainGetSchedulerParameters",
		Result: "dict (typed parameters: 'cpu_shares', 'vcpu_period', 'vcpu_quota', ... or 'weight', 'cap')",
		Doc:    "Returns the scheduler's parameters.",
		fn: func(c *Call) (Value, error) {
			return schemaResult(SchedulerParams)(c.domain().GetSchedulerParameters())
		}},
	{Name: "schedulerParametersFlags", CName: "virDomainGetSchedulerParametersFlags", Params: []Param{flags()},
		Result: "dict (typed parameters, as schedulerParameters)",
		Doc:    "Returns the scheduler's parameters, live or persistent (VIR_DOMAIN_AFFECT_* flags).",
		fn: func(c *Call) (Value, error) {
			return schemaResult(SchedulerParams)(c.domain().GetSchedulerParametersFlags(c.uint32(0)))
		}},
	{Name: "setSchedulerParameters", CName: "virDomainSetSchedulerParameters", Params: []Param{req("params", TDict)},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets scheduler parameters ('cpu_shares', 'vcpu_quota', 'weight', ...).",
		fn: tunableSetter(0, SchedulerParams,
			func(c *Call) ([]TypedParam, error) { return c.domain().GetSchedulerParameters() },
			func(c *Call, ps []TypedParam) error { return c.domain().SetSchedulerParameters(ps) })},
	{Name: "setSchedulerParametersFlags", CName: "virDomainSetSchedulerParametersFlags", Params: []Param{req("params", TDict), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets scheduler parameters, live or persistent (VIR_DOMAIN_AFFECT_* flags).",
		fn: tunableSetter(0, SchedulerParams,
			func(c *Call) ([]TypedParam, error) { return c.domain().GetSchedulerParametersFlags(c.uint32(1)) },
			func(c *Call, ps []TypedParam) error { return c.domain().SetSchedulerParametersFlags(ps, c.uint32(1)) })},
	{Name: "perfEvents", CName: "virDomainGetPerfEvents", Params: []Param{flags()},
		Result: "dict (typed parameters: event name to bool, e.g. 'cmt': False)",
		Doc:    "Returns which perf events are enabled for the domain.",
		fn: func(c *Call) (Value, error) {
			return schemaResult(PerfEventParams)(c.domain().GetPerfEvents(c.uint32(0)))
		}},
	{Name: "setPerfEvents", CName: "virDomainSetPerfEvents", Params: []Param{req("params", TDict), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Enables or disables perf events ({'cmt': True, ...}).",
		fn: tunableSetter(0, PerfEventParams,
			func(c *Call) ([]TypedParam, error) { return c.domain().GetPerfEvents(c.uint32(1)) },
			func(c *Call, ps []TypedParam) error { return c.domain().SetPerfEvents(ps, c.uint32(1)) })},
})
