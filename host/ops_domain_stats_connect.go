package host

// connectStatsOps are virConnect's functions that gather many domains'
// statistics at once.
var connectStatsOps = inClass(ClassConnect, []*Op{
	{Name: "getAllDomainStats", CName: "virConnectGetAllDomainStats",
		Params: []Param{opt("stats", TUint, int64(0)), flagsOf("VIR_CONNECT_GET_ALL_DOMAINS_STATS_")},
		Result: "list of tuples: (virDomain, dict of 'state.state', 'cpu.time', 'block.0.rd.reqs', ...)",
		Doc:    "Returns the statistics (VIR_DOMAIN_STATS_* groups, 0 for all) of the domains the VIR_CONNECT_GET_ALL_DOMAINS_STATS_* flags select.",
		fn: func(c *Call) (Value, error) {
			recs, err := c.conn().GetAllDomainStats(c.uint32(0), c.uint32(1))
			if err != nil {
				return nil, err
			}
			out := make([]Value, 0, len(recs))
			for i, r := range recs {
				o, err := c.adoptDomain(r.Domain)
				if err != nil {
					for _, rest := range recs[i+1:] {
						_ = rest.Domain.Free()
					}
					return nil, err
				}
				out = append(out, Tuple{o, typedMap(r.Params)})
			}
			return out, nil
		}},
	{Name: "domainListGetStats", CName: "virDomainListGetStats",
		Params: []Param{req("doms", TList), opt("stats", TUint, int64(0)), flagsOf("VIR_CONNECT_GET_ALL_DOMAINS_STATS_")},
		Result: "list of tuples: (virDomain, dict of 'state.state', 'cpu.time', ...)",
		Doc:    "Returns the statistics (VIR_DOMAIN_STATS_* groups, 0 for all) of the domains of a list.",
		fn: func(c *Call) (Value, error) {
			l := c.list(0)
			doms := make([]Domain, len(l))
			for i, v := range l {
				o, ok := v.(*Object)
				if !ok || o.class != ClassDomain {
					return nil, wrongItem(c.op.QualName(), forParam("doms"), i, v, TObject.want(ClassDomain))
				}
				ref, err := c.argRef(o)
				if err != nil {
					return nil, err
				}
				doms[i] = ref.(Domain)
			}
			recs, err := c.conn().DomainListGetStats(doms, c.uint32(1), c.uint32(2))
			if err != nil {
				return nil, err
			}
			out := make([]Value, len(recs))
			for i, r := range recs {
				out[i] = Tuple{l[r.Index], typedMap(r.Params)}
			}
			return out, nil
		}},
})
