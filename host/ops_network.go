package host

// networkOps are the methods of virNetwork.
var networkOps = inClass(ClassNetwork, []*Op{
	{Name: "name", CName: "virNetworkGetName", Result: "str",
		Doc:    "Returns the network's name.",
		fn:     func(c *Call) (Value, error) { return str(c.network().GetName()) },
		inPlan: planLabel},
	{Name: "UUID", CName: "virNetworkGetUUID", Result: "bytes (16)",
		Doc: "Returns the network's UUID as 16 bytes.",
		fn:  func(c *Call) (Value, error) { return uuidBytes(c.network().GetUUID()) }},
	{Name: "UUIDString", CName: "virNetworkGetUUIDString", Result: "str",
		Doc: "Returns the network's UUID.",
		fn:  func(c *Call) (Value, error) { return str(c.network().GetUUIDString()) }},
	{Name: "connect", CName: "virNetworkGetConnect", Result: "virConnect",
		Doc:    "Returns the connection the network belongs to.",
		fn:     func(c *Call) (Value, error) { return c.recv.Conn(), nil },
		inPlan: planConn},
	{Name: "XMLDesc", CName: "virNetworkGetXMLDesc", Params: []Param{flagsOf("VIR_NETWORK_XML_")}, Result: "str (XML)",
		Doc: "Returns the network's XML description (VIR_NETWORK_XML_* flags).",
		fn:  func(c *Call) (Value, error) { return str(c.network().GetXMLDesc(c.uint32(0))) }},
	{Name: "bridgeName", CName: "virNetworkGetBridgeName", Result: "str",
		Doc: "Returns the name of the network's bridge device.",
		fn:  func(c *Call) (Value, error) { return str(c.network().GetBridgeName()) }},
	{Name: "isActive", CName: "virNetworkIsActive", Result: "int (0 or 1)",
		Doc: "Returns 1 if the network is running.",
		fn:  func(c *Call) (Value, error) { return flag(c.network().IsActive()) }},
	{Name: "isPersistent", CName: "virNetworkIsPersistent", Result: "int (0 or 1)",
		Doc: "Returns 1 if the network has a persistent definition.",
		fn:  func(c *Call) (Value, error) { return flag(c.network().IsPersistent()) }},
	{Name: "autostart", CName: "virNetworkGetAutostart", Result: "int (0 or 1)",
		Doc: "Returns 1 if the network starts when the host boots.",
		fn:  func(c *Call) (Value, error) { return flag(c.network().GetAutostart()) }},
	{Name: "setAutostart", CName: "virNetworkSetAutostart", Params: []Param{req("autostart", TBool)}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets whether the network starts when the host boots.",
		fn:  func(c *Call) (Value, error) { return done(c.network().SetAutostart(c.bool(0))) }},
	{Name: "create", CName: "virNetworkCreate", Result: "int (0)", Effect: Mutate,
		Doc: "Starts a defined network.",
		fn:  func(c *Call) (Value, error) { return done(c.network().Create()) }},
	{Name: "destroy", CName: "virNetworkDestroy", Result: "int (0)", Effect: Destroy,
		Doc: "Stops the network; a transient one disappears.",
		fn:  func(c *Call) (Value, error) { return done(c.network().Destroy()) }},
	{Name: "undefine", CName: "virNetworkUndefine", Result: "int (0)", Effect: Destroy,
		Doc: "Removes the network's persistent definition.",
		fn:  func(c *Call) (Value, error) { return done(c.network().Undefine()) }},
	{Name: "update", CName: "virNetworkUpdate",
		Params: []Param{req("command", TUint), req("section", TUint), req("parentIndex", TInt), req("xml", TString), flagsOf("VIR_NETWORK_UPDATE_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Changes one section of the network's definition (VIR_NETWORK_UPDATE_COMMAND_*, VIR_NETWORK_SECTION_*, VIR_NETWORK_UPDATE_AFFECT_* flags).",
		fn: func(c *Call) (Value, error) {
			parent, err := c.cInt(2)
			if err != nil {
				return nil, err
			}
			return done(c.network().Update(c.uint32(0), c.uint32(1), int32(parent), c.str(3), c.uint32(4)))
		}},
	{Name: "DHCPLeases", CName: "virNetworkGetDHCPLeases", Params: []Param{opt("mac", TStringOrNone, nil), flags()},
		Result: "list of dict: iface, expirytime, type, mac, ipaddr, prefix, hostname, clientid, iaid",
		Doc:    "Returns the network's DHCP leases, only those of mac when it is given.",
		fn: func(c *Call) (Value, error) {
			var mac *string
			if s, ok := c.args[0].(string); ok {
				mac = &s
			}
			leases, err := c.network().GetDHCPLeases(mac, c.uint32(1))
			if err != nil {
				return nil, err
			}
			out := make([]Value, len(leases))
			for i, l := range leases {
				out[i] = dhcpLease(l)
			}
			return out, nil
		}},
	{Name: "listAllPorts", CName: "virNetworkListAllPorts", Params: []Param{flags()}, Result: "list of virNetworkPort",
		Doc: "Returns the network's ports.",
		fn: func(c *Call) (Value, error) {
			ports, err := c.network().ListAllPorts(c.uint32(0))
			return adoptAll(ports, err, c.adoptNetworkPort)
		}},
	{Name: "portCreateXML", CName: "virNetworkPortCreateXML", Params: []Param{req("xmldesc", TString), flagsOf("VIR_NETWORK_PORT_CREATE_")},
		Result: "virNetworkPort", Effect: Mutate,
		Doc: "Creates a port on the network from XML (VIR_NETWORK_PORT_CREATE_* flags).",
		fn: func(c *Call) (Value, error) {
			return adopted(c.network().PortCreateXML(c.str(0), c.uint32(1)))(c.adoptNetworkPort)
		},
		planned: planFromXML(ClassNetworkPort, xmlUUID, func(c *Call, uuid string) (Value, error) {
			return adopted(c.network().PortLookupByUUIDString(uuid))(c.adoptNetworkPort)
		})},
	{Name: "portLookupByUUID", CName: "virNetworkPortLookupByUUID", Params: []Param{req("uuid", TBytes)}, Result: "virNetworkPort",
		Doc: "Returns the network's port with this UUID (16 bytes).",
		fn: func(c *Call) (Value, error) {
			uuid, err := c.uuid(0)
			if err != nil {
				return nil, err
			}
			return adopted(c.network().PortLookupByUUID(uuid))(c.adoptNetworkPort)
		}},
	{Name: "portLookupByUUIDString", CName: "virNetworkPortLookupByUUIDString", Params: []Param{req("uuidstr", TString)},
		Result: "virNetworkPort",
		Doc:    "Returns the network's port with this UUID.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.network().PortLookupByUUIDString(c.str(0)))(c.adoptNetworkPort)
		}},
})

// connectNetworkOps are virConnect's network methods.
var connectNetworkOps = inClass(ClassConnect, []*Op{
	{Name: "listNetworks", CName: "virConnectListNetworks", Result: "list of str",
		Doc: "Returns the names of the active networks.",
		fn:  func(c *Call) (Value, error) { return strList(listIfAny(c.conn().NumOfNetworks, c.conn().ListNetworks)) }},
	{Name: "listDefinedNetworks", CName: "virConnectListDefinedNetworks", Result: "list of str",
		Doc: "Returns the names of the inactive persistent networks.",
		fn: func(c *Call) (Value, error) {
			return strList(listIfAny(c.conn().NumOfDefinedNetworks, c.conn().ListDefinedNetworks))
		}},
	{Name: "listAllNetworks", CName: "virConnectListAllNetworks", Params: []Param{flagsOf("VIR_CONNECT_LIST_NETWORKS_")}, Result: "list of virNetwork",
		Doc: "Returns the networks, filtered by VIR_CONNECT_LIST_NETWORKS_* flags.",
		fn: func(c *Call) (Value, error) {
			nets, err := c.conn().ListAllNetworks(c.uint32(0))
			return adoptAll(nets, err, c.adoptNetwork)
		}},
	{Name: "numOfNetworks", CName: "virConnectNumOfNetworks", Result: "int",
		Doc: "Returns the number of active networks.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().NumOfNetworks()) }},
	{Name: "numOfDefinedNetworks", CName: "virConnectNumOfDefinedNetworks", Result: "int",
		Doc: "Returns the number of inactive persistent networks.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().NumOfDefinedNetworks()) }},
	{Name: "networkCreateXML", CName: "virNetworkCreateXML", Params: []Param{req("xmlDesc", TString)}, Result: "virNetwork", Effect: Mutate,
		Doc:     "Creates and starts a transient network from XML.",
		fn:      func(c *Call) (Value, error) { return adopted(c.conn().NetworkCreateXML(c.str(0)))(c.adoptNetwork) },
		planned: planNetwork},
	{Name: "networkCreateXMLFlags", CName: "virNetworkCreateXMLFlags", Params: []Param{req("xmlDesc", TString), flagsOf("VIR_NETWORK_CREATE_")},
		Result: "virNetwork", Effect: Mutate,
		Doc: "Creates and starts a transient network from XML (VIR_NETWORK_CREATE_* flags).",
		fn: func(c *Call) (Value, error) {
			return adopted(c.conn().NetworkCreateXMLFlags(c.str(0), c.uint32(1)))(c.adoptNetwork)
		},
		planned: planNetwork},
	{Name: "networkDefineXML", CName: "virNetworkDefineXML", Params: []Param{req("xml", TString)}, Result: "virNetwork", Effect: Mutate,
		Doc:     "Defines (or redefines) a persistent network from XML, without starting it.",
		fn:      func(c *Call) (Value, error) { return adopted(c.conn().NetworkDefineXML(c.str(0)))(c.adoptNetwork) },
		planned: planNetwork},
	{Name: "networkDefineXMLFlags", CName: "virNetworkDefineXMLFlags", Params: []Param{req("xml", TString), flagsOf("VIR_NETWORK_DEFINE_")},
		Result: "virNetwork", Effect: Mutate,
		Doc: "Defines (or redefines) a persistent network from XML (VIR_NETWORK_DEFINE_* flags).",
		fn: func(c *Call) (Value, error) {
			return adopted(c.conn().NetworkDefineXMLFlags(c.str(0), c.uint32(1)))(c.adoptNetwork)
		},
		planned: planNetwork},
	{Name: "networkLookupByName", CName: "virNetworkLookupByName", Params: []Param{req("name", TString)}, Result: "virNetwork",
		Doc: "Returns the network with this name.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.conn().NetworkLookupByName(c.str(0)))(c.adoptNetwork)
		}},
	{Name: "networkLookupByUUID", CName: "virNetworkLookupByUUID", Params: []Param{req("uuid", TBytes)}, Result: "virNetwork",
		Doc: "Returns the network with this UUID (16 bytes).",
		fn: func(c *Call) (Value, error) {
			uuid, err := c.uuid(0)
			if err != nil {
				return nil, err
			}
			return adopted(c.conn().NetworkLookupByUUID(uuid))(c.adoptNetwork)
		}},
	{Name: "networkLookupByUUIDString", CName: "virNetworkLookupByUUIDString", Params: []Param{req("uuidstr", TString)},
		Result: "virNetwork",
		Doc:    "Returns the network with this UUID.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.conn().NetworkLookupByUUIDString(c.str(0)))(c.adoptNetwork)
		}},
})

func (c *Call) network() Network { return c.ref.(Network) }

// adoptNetwork gives n to the session, identified by its UUID. On failure
// n is freed.
func (c *Call) adoptNetwork(n Network) (*Object, error) {
	return c.adoptAs(ClassNetwork, n, n.GetUUIDString, n.GetName)
}

// planNetwork is the dry-run result of defining or creating a network: the
// network of the XML's name, or a planned one.
var planNetwork = planFromXML(ClassNetwork, xmlName, func(c *Call, name string) (Value, error) {
	return adopted(c.conn().NetworkLookupByName(name))(c.adoptNetwork)
})

// dhcpLease is one lease as libvirt-python's DHCPLeases returns it: a dict
// in its key order, None for the strings libvirt leaves NULL.
func dhcpLease(l NetworkDHCPLease) *Map {
	m := NewMap()
	m.Set("iface", l.Iface)
	m.Set("expirytime", l.ExpiryTime)
	m.Set("type", int64(l.Type))
	m.Set("mac", l.MAC)
	m.Set("ipaddr", l.IPAddr)
	m.Set("prefix", int64(l.Prefix))
	m.Set("hostname", strOrNone(l.Hostname))
	m.Set("clientid", strOrNone(l.ClientID))
	m.Set("iaid", strOrNone(l.IAID))
	return m
}
