package host

import "slices"

// interfaceOps are virConnect's host interface methods and the methods of
// virInterface.
var interfaceOps = slices.Concat(inClass(ClassConnect, []*Op{
	{Name: "interfaceDefineXML", CName: "virInterfaceDefineXML", Params: []Param{req("xml", TString), flagsOf("VIR_INTERFACE_DEFINE_")},
		Result: "virInterface", Effect: Mutate,
		Doc: "Defines (or redefines) a host interface from XML, without starting it.",
		fn: func(c *Call) (Value, error) {
			return c.ifaceResult(c.conn().InterfaceDefineXML(c.str(0), c.uint32(1)))
		},
		planned: planInterface},
	{Name: "interfaceLookupByName", CName: "virInterfaceLookupByName", Params: []Param{req("name", TString)},
		Result: "virInterface",
		Doc:    "Returns the host interface with this name.",
		fn: func(c *Call) (Value, error) {
			return c.ifaceResult(c.conn().InterfaceLookupByName(c.str(0)))
		}},
	{Name: "interfaceLookupByMACString", CName: "virInterfaceLookupByMACString", Params: []Param{req("macstr", TString)},
		Result: "virInterface",
		Doc:    "Returns the host interface with this MAC address.",
		fn: func(c *Call) (Value, error) {
			return c.ifaceResult(c.conn().InterfaceLookupByMACString(c.str(0)))
		}},
	{Name: "listInterfaces", CName: "virConnectListInterfaces", Result: "list of str",
		Doc: "Returns the names of the active host interfaces.",
		fn: func(c *Call) (Value, error) {
			return strList(listIfAny(c.conn().NumOfInterfaces, c.conn().ListInterfaces))
		}},
	{Name: "listDefinedInterfaces", CName: "virConnectListDefinedInterfaces", Result: "list of str",
		Doc: "Returns the names of the inactive host interfaces.",
		fn: func(c *Call) (Value, error) {
			return strList(listIfAny(c.conn().NumOfDefinedInterfaces, c.conn().ListDefinedInterfaces))
		}},
	{Name: "listAllInterfaces", CName: "virConnectListAllInterfaces", Params: []Param{flagsOf("VIR_CONNECT_LIST_INTERFACES_")},
		Result: "list of virInterface",
		Doc:    "Returns the host interfaces, filtered by VIR_CONNECT_LIST_INTERFACES_* flags.",
		fn: func(c *Call) (Value, error) {
			list, err := c.conn().ListAllInterfaces(c.uint32(0))
			return adoptAll(list, err, c.adoptInterface)
		}},
	{Name: "numOfInterfaces", CName: "virConnectNumOfInterfaces", Result: "int",
		Doc: "Returns the number of active host interfaces.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().NumOfInterfaces()) }},
	{Name: "numOfDefinedInterfaces", CName: "virConnectNumOfDefinedInterfaces", Result: "int",
		Doc: "Returns the number of inactive host interfaces.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().NumOfDefinedInterfaces()) }},
	{Name: "changeBegin", CName: "virInterfaceChangeBegin", Params: []Param{flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Starts a transaction on the host's interface configuration, saving it.",
		fn:  func(c *Call) (Value, error) { return done(c.conn().InterfaceChangeBegin(c.uint32(0))) }},
	{Name: "changeCommit", CName: "virInterfaceChangeCommit", Params: []Param{flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Ends the interface transaction, keeping the changes made since changeBegin.",
		fn:  func(c *Call) (Value, error) { return done(c.conn().InterfaceChangeCommit(c.uint32(0))) }},
	{Name: "changeRollback", CName: "virInterfaceChangeRollback", Params: []Param{flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Ends the interface transaction, restoring the configuration saved by changeBegin.",
		fn:  func(c *Call) (Value, error) { return done(c.conn().InterfaceChangeRollback(c.uint32(0))) }},
}), inClass(ClassInterface, []*Op{
	{Name: "name", CName: "virInterfaceGetName", Result: "str",
		Doc:    "Returns the interface's name.",
		fn:     func(c *Call) (Value, error) { return str(c.iface().GetName()) },
		inPlan: func(o *Object) Value { return o.label }},
	{Name: "MACString", CName: "virInterfaceGetMACString", Result: "str",
		Doc: "Returns the interface's MAC address.",
		fn:  func(c *Call) (Value, error) { return str(c.iface().GetMACString()) }},
	{Name: "XMLDesc", CName: "virInterfaceGetXMLDesc", Params: []Param{flags()}, Result: "str (XML)",
		Doc: "Returns the interface's XML description (VIR_INTERFACE_XML_* flags).",
		fn:  func(c *Call) (Value, error) { return str(c.iface().GetXMLDesc(c.uint32(0))) }},
	{Name: "isActive", CName: "virInterfaceIsActive", Result: "int (0 or 1)",
		Doc: "Returns 1 if the interface is up.",
		fn:  func(c *Call) (Value, error) { return flag(c.iface().IsActive()) }},
	{Name: "connect", CName: "virInterfaceGetConnect", Result: "virConnect",
		Doc:    "Returns the connection the interface belongs to.",
		fn:     func(c *Call) (Value, error) { return c.recv.Conn(), nil },
		inPlan: func(o *Object) Value { return o.Conn() }},
	{Name: "create", CName: "virInterfaceCreate", Params: []Param{flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Brings the interface up.",
		fn:  func(c *Call) (Value, error) { return done(c.iface().Create(c.uint32(0))) }},
	{Name: "destroy", CName: "virInterfaceDestroy", Params: []Param{flags()}, Result: "int (0)", Effect: Destroy,
		Doc: "Brings the interface down.",
		fn:  func(c *Call) (Value, error) { return done(c.iface().Destroy(c.uint32(0))) }},
	{Name: "undefine", CName: "virInterfaceUndefine", Result: "int (0)", Effect: Destroy,
		Doc: "Removes the interface's definition.",
		fn:  func(c *Call) (Value, error) { return done(c.iface().Undefine()) }},
}))

func (c *Call) iface() Interface { return c.ref.(Interface) }

// ifaceResult adopts the interface a connection's method returned.
func (c *Call) ifaceResult(i Interface, err error) (Value, error) {
	return adoptOne(i, err, c.adoptInterface)
}

// adoptInterface gives i to the session, identified by its name (unique
// on a host). On failure i is freed.
func (c *Call) adoptInterface(i Interface) (*Object, error) {
	return c.adoptAs(ClassInterface, i, i.GetName, nil)
}

// planInterface is the dry-run result of defining an interface from the
// XML in argument 0: the existing interface of that name (a
// redefinition), else a planned interface.
func planInterface(c *Call) (Value, error) {
	name, err := xmlNameAttr(c.str(0))
	if err != nil {
		return nil, c.unreadableXML(err)
	}
	if name == "" {
		name = "(unnamed)"
	}
	return c.planObject(ClassInterface, name, "", func() (Value, error) {
		return c.ifaceResult(c.conn().InterfaceLookupByName(name))
	})
}
