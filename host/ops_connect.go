package host

// connectOps are the methods of virConnect.
var connectOps = inClass(ClassConnect, []*Op{
	{Name: "close", CName: "virConnectClose", Result: "int",
		Doc: "Frees the connection's objects and closes it; returns the references left (0).",
		fn:  func(c *Call) (Value, error) { return num(c.closeConn()) }},
	{Name: "getURI", CName: "virConnectGetURI", Result: "str",
		Doc: "Returns the connection's canonical URI.",
		fn:  func(c *Call) (Value, error) { return str(c.conn().GetURI()) }},
	{Name: "getHostname", CName: "virConnectGetHostname", Result: "str",
		Doc: "Returns the hypervisor host's name.",
		fn:  func(c *Call) (Value, error) { return str(c.conn().GetHostname()) }},
	{Name: "getType", CName: "virConnectGetType", Result: "str",
		Doc: "Returns the driver's name, e.g. QEMU or TEST.",
		fn:  func(c *Call) (Value, error) { return str(c.conn().GetType()) }},
	{Name: "getVersion", CName: "virConnectGetVersion", Result: "int",
		Doc: "Returns the hypervisor's version, major*1000000 + minor*1000 + release.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().GetVersion()) }},
	{Name: "getLibVersion", CName: "virConnectGetLibVersion", Result: "int",
		Doc: "Returns the version of libvirt on the connection's host.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().GetLibVersion()) }},
	{Name: "getInfo", CName: "virNodeGetInfo", Result: "list: [model, memory MiB, cpus, mhz, nodes, sockets, cores, threads]",
		Doc: "Returns the host's CPU and memory description.",
		fn: func(c *Call) (Value, error) {
			i, err := c.conn().NodeGetInfo()
			if err != nil {
				return nil, err
			}
			return append([]Value{i.Model}, ints(i.Memory>>10, uint64(i.CPUs), uint64(i.MHz),
				uint64(i.Nodes), uint64(i.Sockets), uint64(i.Cores), uint64(i.Threads))...), nil
		}},
	{Name: "getCapabilities", CName: "virConnectGetCapabilities", Result: "str (XML)",
		Doc: "Returns the host's capabilities as XML.",
		fn:  func(c *Call) (Value, error) { return str(c.conn().GetCapabilities()) }},
	{Name: "getFreeMemory", CName: "virNodeGetFreeMemory", Result: "int (bytes)",
		Doc: "Returns the host's free memory in bytes (0 when libvirt cannot tell).",
		fn: func(c *Call) (Value, error) {
			// virNodeGetFreeMemory returns 0 on failure, and libvirt-python
			// returns that 0 without raising: so do we.
			n, err := c.conn().NodeGetFreeMemory()
			if err != nil {
				return c.swallow(int64(0), err)
			}
			return int64(n), nil
		}},
	{Name: "isAlive", CName: "virConnectIsAlive", Result: "int (0 or 1)",
		Doc: "Returns 1 if the connection is alive.",
		fn:  func(c *Call) (Value, error) { return flag(c.conn().IsAlive()) }},
	{Name: "isEncrypted", CName: "virConnectIsEncrypted", Result: "int (0 or 1)",
		Doc: "Returns 1 if the connection is encrypted.",
		fn:  func(c *Call) (Value, error) { return flag(c.conn().IsEncrypted()) }},
	{Name: "isSecure", CName: "virConnectIsSecure", Result: "int (0 or 1)",
		Doc: "Returns 1 if the connection is secure against eavesdropping.",
		fn:  func(c *Call) (Value, error) { return flag(c.conn().IsSecure()) }},
	{Name: "listDomainsID", CName: "virConnectListDomains", Result: "list of int",
		Doc: "Returns the IDs of the active domains.",
		fn: func(c *Call) (Value, error) {
			ids, err := listSized(&c.recv.listHint, c.conn().NumOfDomains, c.conn().ListDomains)
			if err != nil {
				return nil, err
			}
			return Ints(ids), nil
		}},
	{Name: "listDefinedDomains", CName: "virConnectListDefinedDomains", Result: "list of str",
		Doc: "Returns the names of the inactive persistent domains.",
		fn: func(c *Call) (Value, error) {
			return strList(listIfAny(c.conn().NumOfDefinedDomains, c.conn().ListDefinedDomains))
		}},
	{Name: "listAllDomains", CName: "virConnectListAllDomains", Params: []Param{flagsOf("VIR_CONNECT_LIST_DOMAINS_")},
		Result: "list of virDomain",
		Doc:    "Returns the domains, filtered by VIR_CONNECT_LIST_DOMAINS_* flags.",
		fn: func(c *Call) (Value, error) {
			doms, err := c.conn().ListAllDomains(c.uint32(0))
			return adoptAll(doms, err, c.adoptDomain)
		}},
	{Name: "numOfDomains", CName: "virConnectNumOfDomains", Result: "int",
		Doc: "Returns the number of active domains.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().NumOfDomains()) }},
	{Name: "numOfDefinedDomains", CName: "virConnectNumOfDefinedDomains", Result: "int",
		Doc: "Returns the number of inactive persistent domains.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().NumOfDefinedDomains()) }},
	{Name: "lookupByID", CName: "virDomainLookupByID", Params: []Param{req("id", TInt)}, Result: "virDomain",
		Doc: "Returns the active domain with this ID.",
		fn: func(c *Call) (Value, error) {
			id := c.int(0)
			if id < 0 || id > 1<<31-1 {
				return nil, invalidArgf("id must be a domain ID, 0 or more")
			}
			return c.domainResult(c.conn().DomainLookupByID(uint32(id)))
		}},
	{Name: "lookupByName", CName: "virDomainLookupByName", Params: []Param{req("name", TString)}, Result: "virDomain",
		Doc: "Returns the domain with this name.",
		fn:  func(c *Call) (Value, error) { return c.domainResult(c.conn().DomainLookupByName(c.str(0))) }},
	{Name: "lookupByUUIDString", CName: "virDomainLookupByUUIDString", Params: []Param{req("uuidstr", TString)}, Result: "virDomain",
		Doc: "Returns the domain with this UUID.",
		fn:  func(c *Call) (Value, error) { return c.domainResult(c.conn().DomainLookupByUUIDString(c.str(0))) }},
	{Name: "defineXML", CName: "virDomainDefineXML", Params: []Param{req("xml", TString)}, Result: "virDomain", Effect: Mutate,
		Doc:     "Defines (or redefines) a persistent domain from XML, without starting it.",
		fn:      func(c *Call) (Value, error) { return c.domainResult(c.conn().DomainDefineXML(c.str(0))) },
		planned: planDomain},
	{Name: "createXML", CName: "virDomainCreateXML", Params: []Param{req("xmlDesc", TString), flagsOf("VIR_DOMAIN_START_")},
		Result: "virDomain", Effect: Mutate,
		Doc:     "Creates and starts a transient domain from XML.",
		fn:      func(c *Call) (Value, error) { return c.domainResult(c.conn().DomainCreateXML(c.str(0), c.uint32(1))) },
		planned: planDomain},
})
