package host

// domainInfoOps are virDomain's identity, guest and metadata getters and
// setters.
var domainInfoOps = inClass(ClassDomain, []*Op{
	{Name: "UUID", CName: "virDomainGetUUID", Result: "bytes (16)",
		Doc: "Returns the domain's UUID as 16 raw bytes.",
		fn: func(c *Call) (Value, error) {
			b, err := c.domain().GetUUID()
			if err != nil {
				return nil, err
			}
			return Bytes(b), nil
		}},
	{Name: "OSType", CName: "virDomainGetOSType", Result: "str",
		Doc: "Returns the type of operating system the domain runs, e.g. hvm.",
		fn:  func(c *Call) (Value, error) { return str(c.domain().GetOSType()) }},
	{Name: "hostname", CName: "virDomainGetHostname", Effect: Privileged, Params: []Param{flagsOf("VIR_DOMAIN_GET_HOSTNAME_")}, Result: "str",
		Doc: "Returns the guest's hostname (VIR_DOMAIN_GET_HOSTNAME_* flags pick the source).",
		fn:  func(c *Call) (Value, error) { return str(c.domain().GetHostname(c.uint32(0))) }},
	{Name: "isUpdated", CName: "virDomainIsUpdated", Result: "int (0 or 1)",
		Doc: "Returns 1 if the running domain's definition was changed since it started.",
		fn:  func(c *Call) (Value, error) { return flag(c.domain().IsUpdated()) }},
	{Name: "controlInfo", CName: "virDomainGetControlInfo", Params: []Param{flags()},
		Result: "list: [state, details, stateTime ms]",
		Doc:    "Returns the state of the domain's control interface (VIR_DOMAIN_CONTROL_*).",
		fn: func(c *Call) (Value, error) {
			i, err := c.domain().GetControlInfo(c.uint32(0))
			if err != nil {
				return nil, err
			}
			return ints(int64(i.State), int64(i.Details), int64(i.StateTime)), nil
		}},
	{Name: "getTime", CName: "virDomainGetTime", Effect: Privileged, Params: []Param{flags()},
		Result: "dict: {'seconds': int, 'nseconds': int}",
		Doc:    "Returns the guest's clock (through the guest agent on QEMU).",
		fn: func(c *Call) (Value, error) {
			s, ns, err := c.domain().GetTime(c.uint32(0))
			if err != nil {
				return nil, err
			}
			m := NewMap()
			m.Set("seconds", s)
			m.Set("nseconds", int64(ns))
			return m, nil
		}},
	{Name: "setTime", CName: "virDomainSetTime", Params: []Param{opt("time", TDictOrNone, nil), flagsOf("VIR_DOMAIN_TIME_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets the guest's clock to {'seconds': s, 'nseconds': ns}, or with time None and VIR_DOMAIN_TIME_SYNC, from the host's.",
		fn:  setTime},
	{Name: "metadata", CName: "virDomainGetMetadata", Params: []Param{req("type", TInt), req("uri", TStringOrNone), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "str",
		Doc:    "Returns the domain's description, title or metadata element of namespace uri (VIR_DOMAIN_METADATA_*).",
		fn: func(c *Call) (Value, error) {
			return str(c.domain().GetMetadata(int(c.int(0)), c.optStr(1), c.uint32(2)))
		}},
	{Name: "setMetadata", CName: "virDomainSetMetadata",
		Params: []Param{req("type", TInt), req("metadata", TStringOrNone), req("key", TStringOrNone), req("uri", TStringOrNone), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets (or with None removes) the domain's description, title or metadata element (VIR_DOMAIN_METADATA_*).",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().SetMetadata(int(c.int(0)), c.optStr(1), c.optStr(2), c.optStr(3), c.uint32(4)))
		}},
	{Name: "messages", CName: "virDomainGetMessages", Params: []Param{flagsOf("VIR_DOMAIN_MESSAGE_")}, Result: "list of str",
		Doc: "Returns the domain's warnings, e.g. tainting (VIR_DOMAIN_MESSAGE_* flags).",
		fn:  func(c *Call) (Value, error) { return strList(c.domain().GetMessages(c.uint32(0))) }},
	{Name: "securityLabel", CName: "virDomainGetSecurityLabel", Result: "list: [label, enforcing (bool)]",
		Doc: "Returns the domain's security label (the primary security driver's).",
		fn: func(c *Call) (Value, error) {
			l, err := c.domain().GetSecurityLabel()
			if err != nil {
				return nil, err
			}
			return []Value{l.Label, l.Enforcing}, nil
		}},
	{Name: "securityLabelList", CName: "virDomainGetSecurityLabelList", Result: "list of [label, enforcing (bool)]",
		Doc: "Returns the domain's security labels, one per security driver.",
		fn: func(c *Call) (Value, error) {
			ls, err := c.domain().GetSecurityLabelList()
			if err != nil {
				return nil, err
			}
			out := make([]Value, len(ls))
			for i, l := range ls {
				out[i] = []Value{l.Label, l.Enforcing}
			}
			return out, nil
		}},
	{Name: "fsInfo", CName: "virDomainGetFSInfo", Effect: Privileged, Params: []Param{flags()},
		Result: "list of tuples: (mountpoint, name, fstype, [device aliases])",
		Doc:    "Returns the guest's mounted filesystems (through the guest agent).",
		fn: func(c *Call) (Value, error) {
			fss, err := c.domain().GetFSInfo(c.uint32(0))
			if err != nil {
				return nil, err
			}
			out := make([]Value, len(fss))
			for i, fs := range fss {
				aliases, _ := strList(fs.DevAlias, nil)
				out[i] = Tuple{fs.MountPoint, fs.Name, fs.FSType, aliases}
			}
			return out, nil
		}},
	{Name: "guestInfo", CName: "virDomainGetGuestInfo", Effect: Privileged, Params: []Param{opt("types", TUint, int64(0)), flags()},
		Result: "dict (typed parameters: 'user.count', 'os.id', 'hostname', 'fs.0.name', ...)",
		Doc:    "Returns what the guest agent reports of users, OS, timezone, hostname, filesystems, disks and interfaces (VIR_DOMAIN_GUEST_INFO_* types).",
		fn: func(c *Call) (Value, error) {
			return typedResult(c.domain().GetGuestInfo(c.uint32(0), c.uint32(1)))
		}},
	{Name: "launchSecurityInfo", CName: "virDomainGetLaunchSecurityInfo", Effect: Privileged, Params: []Param{flags()},
		Result: "dict (typed parameters: 'sev-measurement', 'sev-policy', ...)",
		Doc:    "Returns the domain's launch security (AMD SEV) measurement and policy.",
		fn: func(c *Call) (Value, error) {
			return schemaResult(LaunchSecurityInfoParams)(c.domain().GetLaunchSecurityInfo(c.uint32(0)))
		}},
	{Name: "setLaunchSecurityState", CName: "virDomainSetLaunchSecurityState",
		Params: []Param{{Name: "params", Type: TDict, Secret: true}, flags()},
		Result: "int (0)", Effect: Mutate,
		Doc: "Injects a launch secret into the domain ('sev-secret', 'sev-secret-header', 'sev-secret-set-address').",
		fn: setter(0, LaunchSecurityStateParams, func(c *Call, ps []TypedParam) error {
			return c.domain().SetLaunchSecurityState(ps, c.uint32(1))
		})},
})

// setTime is virDomain.setTime: time is a dict with 'seconds' and
// optionally 'nseconds', or None when flags ask to sync the clock from the
// host, as in libvirt-python.
func setTime(c *Call) (Value, error) {
	var secs int64
	var nsecs uint
	t, fl := c.dict(0), c.uint32(1)
	if t == nil {
		if fl == 0 {
			return nil, wrongType(c.op.QualName(), "for parameter time (flags 0)", nil, wantKinds(KindDict))
		}
	} else {
		for _, k := range t.Keys() {
			if k != "seconds" && k != "nseconds" {
				return nil, argErrorf(c.op.QualName(), "unknown key %q in time: want seconds, nseconds", k)
			}
		}
		v, ok := t.Get("seconds")
		if !ok {
			return nil, argErrorf(c.op.QualName(), "time must contain 'seconds'")
		}
		s, ok := typedValue(v, TypedLLong)
		if !ok {
			return nil, wrongType(c.op.QualName(), `for key "seconds" in time`, v, wantKinds(KindInt))
		}
		secs = s.(int64)
		if v, ok := t.Get("nseconds"); ok {
			ns, ok := typedValue(v, TypedUint)
			if !ok {
				return nil, wrongType(c.op.QualName(), `for key "nseconds" in time`, v, TypedUint.want())
			}
			nsecs = uint(ns.(int64))
		}
	}
	return done(c.domain().SetTime(secs, nsecs, fl))
}
