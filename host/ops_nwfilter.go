package host

import "slices"

// nwfilterOps are the methods of virNWFilter and virNWFilterBinding, and
// virConnect's network filter methods.
var nwfilterOps = slices.Concat(inClass(ClassNWFilter, []*Op{
	{Name: "name", CName: "virNWFilterGetName", Result: "str, or None on a failure",
		Doc:    "Returns the filter's name.",
		fn:     func(c *Call) (Value, error) { return c.orNone(c.nwfilter().GetName()) },
		inPlan: func(o *Object) Value { return o.label }},
	{Name: "UUID", CName: "virNWFilterGetUUID", Result: "bytes (16)",
		Doc: "Returns the filter's UUID as 16 raw bytes.",
		fn:  func(c *Call) (Value, error) { return uuidBytes(c.nwfilter().GetUUID()) }},
	{Name: "UUIDString", CName: "virNWFilterGetUUIDString", Result: "str",
		Doc: "Returns the filter's UUID.",
		fn:  func(c *Call) (Value, error) { return str(c.nwfilter().GetUUIDString()) }},
	{Name: "XMLDesc", CName: "virNWFilterGetXMLDesc", Params: []Param{flags()}, Result: "str (XML)",
		Doc: "Returns the filter's XML description.",
		fn:  func(c *Call) (Value, error) { return str(c.nwfilter().GetXMLDesc(c.uint32(0))) }},
	{Name: "undefine", CName: "virNWFilterUndefine", Result: "int (0)", Effect: Destroy,
		Doc: "Removes the filter's definition.",
		fn:  func(c *Call) (Value, error) { return done(c.nwfilter().Undefine()) }},
	// libvirt has no virNWFilterGetConnect: python's connect() returns
	// the connection it holds.
	connectOp("connect", "virNWFilter.connect", "filter"),
}), inClass(ClassNWFilterBinding, []*Op{
	{Name: "portDev", CName: "virNWFilterBindingGetPortDev", Result: "str, or None on a failure",
		Doc:    "Returns the port device the binding filters.",
		fn:     func(c *Call) (Value, error) { return c.orNone(c.binding().GetPortDev()) },
		inPlan: func(o *Object) Value { return o.label }},
	{Name: "filterName", CName: "virNWFilterBindingGetFilterName", Result: "str, or None on a failure",
		Doc: "Returns the name of the filter the binding applies.",
		fn:  func(c *Call) (Value, error) { return c.orNone(c.binding().GetFilterName()) }},
	{Name: "XMLDesc", CName: "virNWFilterBindingGetXMLDesc", Params: []Param{flags()}, Result: "str (XML)",
		Doc: "Returns the binding's XML description.",
		fn:  func(c *Call) (Value, error) { return str(c.binding().GetXMLDesc(c.uint32(0))) }},
	{Name: "delete", CName: "virNWFilterBindingDelete", Result: "int (0)", Effect: Destroy,
		Doc: "Removes the binding, and the filtering of its port.",
		fn:  func(c *Call) (Value, error) { return done(c.binding().Delete()) }},
	connectOp("connect", "virNWFilterBinding.connect", "binding"),
}), inClass(ClassConnect, []*Op{
	{Name: "nwfilterDefineXML", CName: "virNWFilterDefineXML", Params: []Param{req("xmlDesc", TString)},
		Result: "virNWFilter", Effect: Mutate,
		Doc:     "Defines (or redefines) a network filter from a <filter> XML.",
		fn:      func(c *Call) (Value, error) { return c.adoptedNWFilter(c.conn().NWFilterDefineXML(c.str(0))) },
		planned: planNWFilter},
	{Name: "nwfilterDefineXMLFlags", CName: "virNWFilterDefineXMLFlags", Params: []Param{req("xmlDesc", TString), flagsOf("VIR_NWFILTER_DEFINE_")},
		Result: "virNWFilter", Effect: Mutate,
		Doc: "Defines (or redefines) a network filter from a <filter> XML (VIR_NWFILTER_DEFINE_* flags).",
		fn: func(c *Call) (Value, error) {
			return c.adoptedNWFilter(c.conn().NWFilterDefineXMLFlags(c.str(0), c.uint32(1)))
		},
		planned: planNWFilter},
	{Name: "nwfilterLookupByName", CName: "virNWFilterLookupByName", Params: []Param{req("name", TString)}, Result: "virNWFilter",
		Doc: "Returns the network filter of this name.",
		fn:  func(c *Call) (Value, error) { return c.adoptedNWFilter(c.conn().NWFilterLookupByName(c.str(0))) }},
	{Name: "nwfilterLookupByUUID", CName: "virNWFilterLookupByUUID", Params: []Param{req("uuid", TBytes)}, Result: "virNWFilter",
		Doc: "Returns the network filter with this UUID, given as 16 raw bytes.",
		fn: func(c *Call) (Value, error) {
			uuid, err := c.uuid(0)
			if err != nil {
				return nil, err
			}
			return c.adoptedNWFilter(c.conn().NWFilterLookupByUUID(uuid))
		}},
	{Name: "nwfilterLookupByUUIDString", CName: "virNWFilterLookupByUUIDString", Params: []Param{req("uuidstr", TString)},
		Result: "virNWFilter",
		Doc:    "Returns the network filter with this UUID.",
		fn:     func(c *Call) (Value, error) { return c.adoptedNWFilter(c.conn().NWFilterLookupByUUIDString(c.str(0))) }},
	{Name: "listNWFilters", CName: "virConnectListNWFilters", Result: "list of str",
		Doc: "Returns the names of the network filters.",
		fn: func(c *Call) (Value, error) {
			return strList(listIfAny(c.conn().NumOfNWFilters, c.conn().ListNWFilters))
		}},
	{Name: "listAllNWFilters", CName: "virConnectListAllNWFilters", Params: []Param{flags()}, Result: "list of virNWFilter",
		Doc: "Returns the network filters.",
		fn: func(c *Call) (Value, error) {
			fs, err := c.conn().ListAllNWFilters(c.uint32(0))
			return adoptAll(fs, err, c.adoptNWFilter)
		}},
	{Name: "numOfNWFilters", CName: "virConnectNumOfNWFilters", Result: "int",
		Doc: "Returns the number of network filters.",
		fn:  func(c *Call) (Value, error) { return num(c.conn().NumOfNWFilters()) }},
	{Name: "nwfilterBindingCreateXML", CName: "virNWFilterBindingCreateXML", Params: []Param{req("xml", TString), flagsOf("VIR_NWFILTER_BINDING_CREATE_")},
		Result: "virNWFilterBinding", Effect: Mutate,
		Doc: "Binds a network filter to a port from a <filterbinding> XML.",
		fn: func(c *Call) (Value, error) {
			b, err := c.conn().NWFilterBindingCreateXML(c.str(0), c.uint32(1))
			return adoptOne(b, err, c.adoptBinding)
		},
		planned: planBinding},
	{Name: "nwfilterBindingLookupByPortDev", CName: "virNWFilterBindingLookupByPortDev", Params: []Param{req("portdev", TString)},
		Result: "virNWFilterBinding",
		Doc:    "Returns the filter binding of this port device.",
		fn: func(c *Call) (Value, error) {
			b, err := c.conn().NWFilterBindingLookupByPortDev(c.str(0))
			return adoptOne(b, err, c.adoptBinding)
		}},
	{Name: "listAllNWFilterBindings", CName: "virConnectListAllNWFilterBindings", Params: []Param{flags()},
		Result: "list of virNWFilterBinding",
		Doc:    "Returns the network filter bindings.",
		fn: func(c *Call) (Value, error) {
			bs, err := c.conn().ListAllNWFilterBindings(c.uint32(0))
			return adoptAll(bs, err, c.adoptBinding)
		}},
}))

func (c *Call) nwfilter() NWFilter       { return c.ref.(NWFilter) }
func (c *Call) binding() NWFilterBinding { return c.ref.(NWFilterBinding) }

func (c *Call) adoptedNWFilter(f NWFilter, err error) (Value, error) {
	return adoptOne(f, err, c.adoptNWFilter)
}

// adoptNWFilter gives f to the session, identified by its UUID and
// labelled with its name. On failure f is freed.
func (c *Call) adoptNWFilter(f NWFilter) (*Object, error) {
	return c.adoptAs(ClassNWFilter, f, f.GetUUIDString, f.GetName)
}

// adoptBinding gives b to the session, identified and labelled by its
// port device. On failure b is freed.
func (c *Call) adoptBinding(b NWFilterBinding) (*Object, error) {
	return c.adoptAs(ClassNWFilterBinding, b, b.GetPortDev, nil)
}

// planNWFilter is the dry-run result of defining a network filter: the
// existing filter of the XML's name, when there is one (a redefinition),
// else a planned filter.
func planNWFilter(c *Call) (Value, error) {
	name, err := xmlNameAttr(c.str(0))
	if err != nil {
		return nil, c.unreadableXML(err)
	}
	if name == "" {
		return c.planObject(ClassNWFilter, "(unnamed)", "", nil)
	}
	return c.planObject(ClassNWFilter, name, "", func() (Value, error) {
		return c.adoptedNWFilter(c.conn().NWFilterLookupByName(name))
	})
}

// planBinding is the dry-run result of nwfilterBindingCreateXML: a planned
// binding of the XML's port device.
func planBinding(c *Call) (Value, error) {
	dev, err := xmlRootField(c.str(0), "name", "portdev")
	if err != nil {
		return nil, c.unreadableXML(err)
	}
	if dev == "" {
		dev = "(unnamed)"
	}
	return c.planObject(ClassNWFilterBinding, dev, "", nil)
}
