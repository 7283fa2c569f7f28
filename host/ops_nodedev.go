package host

import "slices"

// nodeDeviceOps are virConnect's node device methods and the methods of
// virNodeDevice.
var nodeDeviceOps = slices.Concat(inClass(ClassConnect, []*Op{
	{Name: "listDevices", CName: "virNodeListDevices", Params: []Param{req("cap", TStringOrNone), flags()},
		Result: "list of str",
		Doc:    "Returns the names of the host's devices with capability cap (e.g. \"pci\"), or of all of them for None.",
		fn: func(c *Call) (Value, error) {
			conn, cap, flags := c.conn(), c.hostCap(0), c.uint32(1)
			return strList(listIfAny(func() (int, error) { return conn.NodeNumOfDevices(cap, flags) },
				func(max int) ([]string, error) { return conn.NodeListDevices(cap, max, flags) }))
		}},
	{Name: "numOfDevices", CName: "virNodeNumOfDevices", Params: []Param{req("cap", TStringOrNone), flags()},
		Result: "int",
		Doc:    "Returns the number of the host's devices with capability cap, or of all of them for None.",
		fn:     func(c *Call) (Value, error) { return num(c.conn().NodeNumOfDevices(c.hostCap(0), c.uint32(1))) }},
	{Name: "listAllDevices", CName: "virConnectListAllNodeDevices", Params: []Param{flagsOf("VIR_CONNECT_LIST_NODE_DEVICES_")},
		Result: "list of virNodeDevice",
		Doc:    "Returns the host's devices, filtered by VIR_CONNECT_LIST_NODE_DEVICES_* flags.",
		fn: func(c *Call) (Value, error) {
			list, err := c.conn().ListAllNodeDevices(c.uint32(0))
			return adoptAll(list, err, c.adoptNodeDevice)
		}},
	{Name: "nodeDeviceLookupByName", CName: "virNodeDeviceLookupByName", Params: []Param{req("name", TString)},
		Result: "virNodeDevice",
		Doc:    "Returns the host device with this name.",
		fn:     func(c *Call) (Value, error) { return c.nodeDeviceResult(c.conn().NodeDeviceLookupByName(c.str(0))) }},
	{Name: "nodeDeviceLookupSCSIHostByWWN", CName: "virNodeDeviceLookupSCSIHostByWWN",
		Params: []Param{req("wwnn", TString), req("wwpn", TString), flags()},
		Result: "virNodeDevice",
		Doc:    "Returns the SCSI host (an fc_host) with this world wide node and port name.",
		fn: func(c *Call) (Value, error) {
			return c.nodeDeviceResult(c.conn().NodeDeviceLookupSCSIHostByWWN(c.str(0), c.str(1), c.uint32(2)))
		}},
	{Name: "nodeDeviceCreateXML", CName: "virNodeDeviceCreateXML", Params: []Param{req("xmlDesc", TString), flagsOf("VIR_NODE_DEVICE_CREATE_XML_")},
		Result: "virNodeDevice", Effect: Mutate,
		Doc: "Creates and starts a transient host device (a vHBA, a mediated device) from XML.",
		fn: func(c *Call) (Value, error) {
			return c.nodeDeviceResult(c.conn().NodeDeviceCreateXML(c.str(0), c.uint32(1)))
		},
		planned: planNodeDevice},
	{Name: "nodeDeviceDefineXML", CName: "virNodeDeviceDefineXML", Params: []Param{req("xmlDesc", TString), flagsOf("VIR_NODE_DEVICE_DEFINE_XML_")},
		Result: "virNodeDevice", Effect: Mutate,
		Doc: "Defines a persistent host device (a mediated device) from XML, without starting it.",
		fn: func(c *Call) (Value, error) {
			return c.nodeDeviceResult(c.conn().NodeDeviceDefineXML(c.str(0), c.uint32(1)))
		},
		planned: planNodeDevice},
}), inClass(ClassNodeDevice, []*Op{
	{Name: "name", CName: "virNodeDeviceGetName", Result: "str",
		Doc:    "Returns the device's name.",
		fn:     func(c *Call) (Value, error) { return str(c.nodeDevice().GetName()) },
		inPlan: func(o *Object) Value { return o.label }},
	{Name: "parent", CName: "virNodeDeviceGetParent", Result: "str or None",
		Doc: "Returns the name of the device's parent, None when it has none.",
		fn: func(c *Call) (Value, error) {
			// libvirt-python returns None whenever libvirt returns NULL,
			// and raises nothing.
			p, err := c.nodeDevice().GetParent()
			if err != nil {
				return c.swallow(nil, err)
			}
			if p == "" {
				return nil, nil
			}
			return p, nil
		}},
	{Name: "XMLDesc", CName: "virNodeDeviceGetXMLDesc", Params: []Param{flags()}, Result: "str (XML)",
		Doc: "Returns the device's XML description.",
		fn:  func(c *Call) (Value, error) { return str(c.nodeDevice().GetXMLDesc(c.uint32(0))) }},
	{Name: "listCaps", CName: "virNodeDeviceListCaps", Result: "list of str",
		Doc: "Returns the device's capabilities (e.g. \"pci\", \"net\", \"scsi_host\").",
		fn: func(c *Call) (Value, error) {
			return strList(listIfAny(c.nodeDevice().NumOfCaps, c.nodeDevice().ListCaps))
		}},
	{Name: "numOfCaps", CName: "virNodeDeviceNumOfCaps", Result: "int",
		Doc: "Returns the number of the device's capabilities.",
		fn:  func(c *Call) (Value, error) { return num(c.nodeDevice().NumOfCaps()) }},
	{Name: "isActive", CName: "virNodeDeviceIsActive", Result: "int (0 or 1)",
		Doc: "Returns 1 if the device is active.",
		fn:  func(c *Call) (Value, error) { return flag(c.nodeDevice().IsActive()) }},
	{Name: "isPersistent", CName: "virNodeDeviceIsPersistent", Result: "int (0 or 1)",
		Doc: "Returns 1 if the device has a persistent definition.",
		fn:  func(c *Call) (Value, error) { return flag(c.nodeDevice().IsPersistent()) }},
	{Name: "autostart", CName: "virNodeDeviceGetAutostart", Result: "int (0 or 1)",
		Doc: "Returns 1 if the device starts when the host boots.",
		fn:  func(c *Call) (Value, error) { return flag(c.nodeDevice().GetAutostart()) }},
	{Name: "connect", CName: "virNodeDevice.connect", Result: "virConnect",
		Doc:    "Returns the connection the device belongs to.",
		fn:     func(c *Call) (Value, error) { return c.recv.Conn(), nil },
		inPlan: func(o *Object) Value { return o.Conn() }},
	{Name: "setAutostart", CName: "virNodeDeviceSetAutostart", Params: []Param{req("autostart", TBool)},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets whether the device starts when the host boots.",
		fn:  func(c *Call) (Value, error) { return done(c.nodeDevice().SetAutostart(c.bool(0))) }},
	{Name: "create", CName: "virNodeDeviceCreate", Params: []Param{flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Starts a defined device.",
		fn:  func(c *Call) (Value, error) { return done(c.nodeDevice().Create(c.uint32(0))) }},
	{Name: "destroy", CName: "virNodeDeviceDestroy", Result: "int (0)", Effect: Destroy,
		Doc: "Stops the device (a vHBA or mediated device) and removes it if it is transient.",
		fn:  func(c *Call) (Value, error) { return done(c.nodeDevice().Destroy()) }},
	{Name: "undefine", CName: "virNodeDeviceUndefine", Params: []Param{flags()}, Result: "int (0)", Effect: Destroy,
		Doc: "Removes the device's persistent definition.",
		fn:  func(c *Call) (Value, error) { return done(c.nodeDevice().Undefine(c.uint32(0))) }},
	{Name: "detachFlags", CName: "virNodeDeviceDetachFlags", Params: []Param{req("driverName", TStringOrNone), flags()},
		Result: "int (0)", Effect: Mutate,
		Doc: "Detaches the device from its host driver for assignment to guests, through driverName (e.g. \"vfio\"; None: the default).",
		fn: func(c *Call) (Value, error) {
			return done(c.nodeDevice().DetachFlags(c.hostCap(0), c.uint32(1)))
		}},
	{Name: "dettach", CName: "virNodeDeviceDettach", Result: "int (0)", Effect: Mutate,
		Doc: "Detaches the device from its host driver for assignment to guests.",
		fn:  func(c *Call) (Value, error) { return done(c.nodeDevice().Dettach()) }},
	{Name: "reAttach", CName: "virNodeDeviceReAttach", Result: "int (0)", Effect: Mutate,
		Doc: "Gives a detached device back to its host driver.",
		fn:  func(c *Call) (Value, error) { return done(c.nodeDevice().ReAttach()) }},
	{Name: "reset", CName: "virNodeDeviceReset", Result: "int (0)", Effect: Mutate,
		Doc: "Resets a detached device (a PCI function or bus reset).",
		fn:  func(c *Call) (Value, error) { return done(c.nodeDevice().Reset()) }},
}))

func (c *Call) nodeDevice() NodeDevice { return c.ref.(NodeDevice) }

// hostCap returns argument i, a string or None (nil): a capability or a
// driver name.
func (c *Call) hostCap(i int) *string {
	if s, ok := c.args[i].(string); ok {
		return &s
	}
	return nil
}

// nodeDeviceResult adopts the device a connection's method returned.
func (c *Call) nodeDeviceResult(d NodeDevice, err error) (Value, error) {
	return adoptOne(d, err, c.adoptNodeDevice)
}

// adoptNodeDevice gives d to the session, identified by its name (unique
// on a host). On failure d is freed.
func (c *Call) adoptNodeDevice(d NodeDevice) (*Object, error) {
	return c.adoptAs(ClassNodeDevice, d, d.GetName, nil)
}

// planNodeDevice is the dry-run result of creating or defining a device
// from the XML in argument 0: the existing device of that name, if the XML
// names one that exists, else a planned device (libvirt usually names new
// devices itself).
func planNodeDevice(c *Call) (Value, error) {
	name, err := xmlName(c.str(0))
	if err != nil {
		return nil, c.unreadableXML(err)
	}
	if name == "" {
		return c.planObject(ClassNodeDevice, "(unnamed)", "", nil)
	}
	return c.planObject(ClassNodeDevice, name, "", func() (Value, error) {
		return c.nodeDeviceResult(c.conn().NodeDeviceLookupByName(name))
	})
}
