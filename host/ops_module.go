package host

// moduleOps are the functions of the libvirt module.
var moduleOps = []*Op{
	{Class: ClassModule, Name: "open", CName: "virConnectOpen", Params: []Param{opt("name", TStringOrNone, nil)},
		Result: "virConnect", Effect: Read,
		Doc: "Opens a connection to name; None or \"\" means the default URI (-c, then LIBVIRT_DEFAULT_URI).",
		fn:  func(c *Call) (Value, error) { return openConn(c, false) }},
	{Class: ClassModule, Name: "openReadOnly", CName: "virConnectOpenReadOnly", Params: []Param{opt("name", TStringOrNone, nil)},
		Result: "virConnect", Effect: Read,
		Doc: "Opens a read-only connection to name; None or \"\" means the default URI.",
		fn:  func(c *Call) (Value, error) { return openConn(c, true) }},
	{Class: ClassModule, Name: "getVersion", CName: "virGetVersion", Params: []Param{opt("name", TStringOrNone, nil)},
		Result: "int, or [libVer, typeVer] when name is given", Effect: Read,
		Doc: "Returns the libvirt library version: major*1000000 + minor*1000 + release.",
		fn: func(c *Call) (Value, error) {
			v, err := c.s.backend.GetVersion()
			if err != nil || c.args[0] == nil {
				return num(v, err)
			}
			// virGetVersion reports the library's version as every
			// driver type's version.
			return ints(v, v), nil
		}},
}

func openConn(c *Call, readOnly bool) (Value, error) {
	o, err := c.s.open(c, c.optStr(0), readOnly)
	if err != nil {
		return nil, err
	}
	return o, nil
}
