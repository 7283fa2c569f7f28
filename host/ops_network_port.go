package host

import "github.com/vertscript/vertscript/host/driver"

// networkPortOps are the methods of virNetworkPort.
var networkPortOps = inClass(ClassNetworkPort, []*Op{
	{Name: "UUID", CName: "virNetworkPortGetUUID", Result: "bytes (16)",
		Doc: "Returns the port's UUID as 16 bytes.",
		fn:  func(c *Call) (Value, error) { return uuidBytes(c.networkPort().GetUUID()) }},
	{Name: "UUIDString", CName: "virNetworkPortGetUUIDString", Result: "str",
		Doc:    "Returns the port's UUID.",
		fn:     func(c *Call) (Value, error) { return str(c.networkPort().GetUUIDString()) },
		inPlan: planLabel},
	{Name: "connect", CName: "virNetworkPort.connect", Result: "virConnect",
		Doc:    "Returns the connection the port's network belongs to.",
		fn:     func(c *Call) (Value, error) { return c.recv.Conn(), nil },
		inPlan: planConn},
	{Name: "network", CName: "virNetworkPortGetNetwork", Result: "virNetwork",
		Doc: "Returns the network the port belongs to.",
		fn: func(c *Call) (Value, error) {
			return adopted(c.networkPort().GetNetwork())(c.adoptNetwork)
		}},
	{Name: "XMLDesc", CName: "virNetworkPortGetXMLDesc", Params: []Param{flags()}, Result: "str (XML)",
		Doc: "Returns the port's XML description.",
		fn:  func(c *Call) (Value, error) { return str(c.networkPort().GetXMLDesc(c.uint32(0))) }},
	{Name: "delete", CName: "virNetworkPortDelete", Params: []Param{flags()}, Result: "int (0)", Effect: Destroy,
		Doc: "Deletes the port from its network.",
		fn:  func(c *Call) (Value, error) { return done(c.networkPort().Delete(c.uint32(0))) }},
	{Name: "parameters", CName: "virNetworkPortGetParameters", Params: []Param{flags()},
		Result: "dict: inbound.average, inbound.peak, inbound.floor, inbound.burst, outbound.average, outbound.peak, outbound.burst (those set)",
		Doc:    "Returns the port's bandwidth parameters.",
		fn: func(c *Call) (Value, error) {
			params, err := c.networkPort().GetParameters(c.uint32(0))
			if err != nil {
				return nil, err
			}
			return portParamsDict(params), nil
		}},
	{Name: "setParameters", CName: "virNetworkPortSetParameters", Params: []Param{req("params", TDict), flags()},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets the port's bandwidth parameters the dict names (keys as parameters() returns them).",
		fn: func(c *Call) (Value, error) {
			params, err := portParams(c.op.QualName(), c.dict(0))
			if err != nil {
				return nil, err
			}
			return done(c.networkPort().SetParameters(params, c.uint32(1)))
		}},
})

func (c *Call) networkPort() NetworkPort { return c.ref.(NetworkPort) }

// adoptNetworkPort gives p to the session, identified and labelled by its
// UUID. On failure p is freed.
func (c *Call) adoptNetworkPort(p NetworkPort) (*Object, error) {
	return c.adoptAs(ClassNetworkPort, p, p.GetUUIDString, nil)
}

// NetworkPortParams are virNetworkPortGetParameters' and
// virNetworkPortSetParameters' typed parameters
// (VIR_NETWORK_PORT_BANDWIDTH_*), in libvirt's order. It is read-only.
var NetworkPortParams = TypedSchema{
	{driver.NetworkPortBandwidthInAverage, TypedUint},
	{driver.NetworkPortBandwidthInPeak, TypedUint},
	{driver.NetworkPortBandwidthInFloor, TypedUint},
	{driver.NetworkPortBandwidthInBurst, TypedUint},
	{driver.NetworkPortBandwidthOutAverage, TypedUint},
	{driver.NetworkPortBandwidthOutPeak, TypedUint},
	{driver.NetworkPortBandwidthOutBurst, TypedUint},
}

// portParamsDict is parameters()' dict: the parameters set, in libvirt's
// order.
func portParamsDict(params []TypedParam) *Map {
	return typedMap(inSchema(params, NetworkPortParams))
}

// portParams converts setParameters' dict: every key one of libvirt's
// port parameters, every value an int that fits an unsigned int. Like
// libvirt-python, it refuses an empty dict. The parameters are in
// libvirt's order.
func portParams(op string, d *Map) ([]TypedParam, error) {
	if d.Len() == 0 {
		return nil, argErrorf(op, "need a non-empty dict of parameters to set")
	}
	got := map[string]int64{}
	for _, k := range d.Keys() {
		if _, ok := NetworkPortParams.Field(k); !ok {
			return nil, argErrorf(op, "unknown network port parameter %q (want one of %v)", k, portParamNames())
		}
		v, _ := d.Get(k)
		n, ok := convert(v, TUint)
		if !ok {
			return nil, wrongType(op, forParam(k), v, TUint.want(""))
		}
		got[k] = n.(int64)
	}
	var out []TypedParam
	for _, f := range NetworkPortParams {
		if n, ok := got[f.Name]; ok {
			out = append(out, TypedParam{Name: f.Name, Value: n})
		}
	}
	return out, nil
}

// portParamNames are NetworkPortParams' names, in libvirt's order.
func portParamNames() []string {
	names := make([]string, len(NetworkPortParams))
	for i, f := range NetworkPortParams {
		names[i] = f.Name
	}
	return names
}
