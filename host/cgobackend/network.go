package cgobackend

import (
	"fmt"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// network implements host.Network.
type network struct{ n *libvirt.Network }

var _ host.Network = (*network)(nil)

func wrapNetwork(n *libvirt.Network, err error) (host.Network, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &network{n: n}, nil
}

func wrapNetworks(ns []libvirt.Network, err error) ([]host.Network, error) {
	return wrapAll(ns, err, wrapNetwork)
}

// The connection's network functions.

func (c *conn) ListNetworks(max int) ([]string, error) {
	names, err := c.c.ListNetworks()
	return atMost(names, err, max)
}

func (c *conn) ListDefinedNetworks(max int) ([]string, error) {
	names, err := c.c.ListDefinedNetworks()
	return atMost(names, err, max)
}

func (c *conn) ListAllNetworks(flags uint32) ([]host.Network, error) {
	return wrapNetworks(c.c.ListAllNetworks(libvirt.ConnectListAllNetworksFlags(flags)))
}

func (c *conn) NumOfNetworks() (int, error) { n, err := c.c.NumOfNetworks(); return n, conv(err) }
func (c *conn) NumOfDefinedNetworks() (int, error) {
	n, err := c.c.NumOfDefinedNetworks()
	return n, conv(err)
}

func (c *conn) NetworkCreateXML(xml string) (host.Network, error) {
	return wrapNetwork(c.c.NetworkCreateXML(xml))
}

func (c *conn) NetworkCreateXMLFlags(xml string, flags uint32) (host.Network, error) {
	return wrapNetwork(c.c.NetworkCreateXMLFlags(xml, libvirt.NetworkCreateFlags(flags)))
}

func (c *conn) NetworkDefineXML(xml string) (host.Network, error) {
	return wrapNetwork(c.c.NetworkDefineXML(xml))
}

func (c *conn) NetworkDefineXMLFlags(xml string, flags uint32) (host.Network, error) {
	return wrapNetwork(c.c.NetworkDefineXMLFlags(xml, libvirt.NetworkDefineFlags(flags)))
}

func (c *conn) NetworkLookupByName(name string) (host.Network, error) {
	return wrapNetwork(c.c.LookupNetworkByName(name))
}

func (c *conn) NetworkLookupByUUID(uuid []byte) (host.Network, error) {
	return wrapNetwork(c.c.LookupNetworkByUUID(uuid))
}

func (c *conn) NetworkLookupByUUIDString(uuid string) (host.Network, error) {
	return wrapNetwork(c.c.LookupNetworkByUUIDString(uuid))
}

// The network's functions.

func (n *network) Free() error                       { return conv(n.n.Free()) }
func (n *network) GetName() (string, error)          { s, err := n.n.GetName(); return s, conv(err) }
func (n *network) GetUUID() ([]byte, error)          { b, err := n.n.GetUUID(); return b, conv(err) }
func (n *network) GetUUIDString() (string, error)    { s, err := n.n.GetUUIDString(); return s, conv(err) }
func (n *network) GetBridgeName() (string, error)    { s, err := n.n.GetBridgeName(); return s, conv(err) }
func (n *network) GetAutostart() (bool, error)       { b, err := n.n.GetAutostart(); return b, conv(err) }
func (n *network) SetAutostart(autostart bool) error { return conv(n.n.SetAutostart(autostart)) }
func (n *network) IsActive() (bool, error)           { b, err := n.n.IsActive(); return b, conv(err) }
func (n *network) IsPersistent() (bool, error)       { b, err := n.n.IsPersistent(); return b, conv(err) }
func (n *network) Create() error                     { return conv(n.n.Create()) }
func (n *network) Destroy() error                    { return conv(n.n.Destroy()) }
func (n *network) Undefine() error                   { return conv(n.n.Undefine()) }

func (n *network) GetXMLDesc(flags uint32) (string, error) {
	s, err := n.n.GetXMLDesc(libvirt.NetworkXMLFlags(flags))
	return s, conv(err)
}

func (n *network) Update(command, section uint32, parentIndex int32, xml string, flags uint32) error {
	return conv(n.n.Update(libvirt.NetworkUpdateCommand(command), libvirt.NetworkUpdateSection(section),
		int(parentIndex), xml, libvirt.NetworkUpdateFlags(flags)))
}

// GetDHCPLeases calls virNetworkGetDHCPLeases. libvirt.org/go/libvirt
// passes no MAC address and flags 0, so the MAC filter is applied here as
// libvirt's network driver applies it (virMacAddrCompare), and other flags
// (libvirt defines none, and its drivers refuse any) are refused after the
// call, so that a driver without the function still reports that first.
func (n *network) GetDHCPLeases(mac *string, flags uint32) ([]host.NetworkDHCPLease, error) {
	leases, err := n.n.GetDHCPLeases()
	if err != nil {
		return nil, conv(err)
	}
	if flags != 0 {
		return nil, invalidArg(libvirt.FROM_NETWORK, "unsupported flags (0x%x) in function virNetworkGetDHCPLeases", flags)
	}
	out := make([]host.NetworkDHCPLease, 0, len(leases))
	for _, l := range leases {
		if mac != nil && macAddrCompare(*mac, l.Mac) != 0 {
			continue
		}
		out = append(out, host.NetworkDHCPLease{Iface: l.Iface, ExpiryTime: l.ExpiryTime.Unix(), Type: int(l.Type),
			MAC: l.Mac, IPAddr: l.IPaddr, Prefix: uint32(l.Prefix), Hostname: l.Hostname, ClientID: l.Clientid, IAID: l.Iaid})
	}
	return out, nil
}

// macAddrCompare compares two MAC addresses as libvirt's virMacAddrCompare
// does: case-insensitively, leading zeros of each byte ignored ("0:1:2" is
// "00:01:02"). It returns 0 when they are equal.
func macAddrCompare(p, q string) int {
	i, j := 0, 0
	for {
		i, j = skipZeros(p, i), skipZeros(q, j)
		c, d := upperAt(p, i), upperAt(q, j)
		i++
		j++
		if c != d || d == 0 {
			return int(c) - int(d)
		}
	}
}

// skipZeros skips the zeros at s[i:] that are followed by a hex digit.
func skipZeros(s string, i int) int {
	for i+1 < len(s) && s[i] == '0' && isHex(s[i+1]) {
		i++
	}
	return i
}

// upperAt returns s[i] in upper case, or 0 past the end, as C sees it.
func upperAt(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	c := s[i]
	if 'a' <= c && c <= 'z' {
		c -= 'a' - 'A'
	}
	return c
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func (n *network) ListAllPorts(flags uint32) ([]host.NetworkPort, error) {
	ports, err := n.n.ListAllPorts(flags)
	return wrapAll(ports, err, wrapNetworkPort)
}

func (n *network) PortCreateXML(xml string, flags uint32) (host.NetworkPort, error) {
	return wrapNetworkPort(n.n.PortCreateXML(xml, flags))
}

func (n *network) PortLookupByUUID(uuid []byte) (host.NetworkPort, error) {
	return wrapNetworkPort(n.n.LookupNetworkPortByUUID(uuid))
}

func (n *network) PortLookupByUUIDString(uuid string) (host.NetworkPort, error) {
	return wrapNetworkPort(n.n.LookupNetworkPortByUUIDString(uuid))
}

// networkPort implements host.NetworkPort.
type networkPort struct{ p *libvirt.NetworkPort }

var _ host.NetworkPort = (*networkPort)(nil)

func wrapNetworkPort(p *libvirt.NetworkPort, err error) (host.NetworkPort, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &networkPort{p: p}, nil
}

func (p *networkPort) Free() error              { return conv(p.p.Free()) }
func (p *networkPort) GetUUID() ([]byte, error) { b, err := p.p.GetUUID(); return b, conv(err) }
func (p *networkPort) GetUUIDString() (string, error) {
	s, err := p.p.GetUUIDString()
	return s, conv(err)
}
func (p *networkPort) Delete(flags uint32) error { return conv(p.p.Delete(flags)) }

// GetNetwork returns the port's network; libvirt.org/go/libvirt takes a
// reference on it, which the core's Free releases.
func (p *networkPort) GetNetwork() (host.Network, error) { return wrapNetwork(p.p.GetNetwork()) }

func (p *networkPort) GetXMLDesc(flags uint32) (string, error) {
	s, err := p.p.GetXMLDesc(flags)
	return s, conv(err)
}

// portFields maps the typed-parameter names of a network port
// (VIR_NETWORK_PORT_BANDWIDTH_*) to the
// fields of libvirt.NetworkPortParameters.
func portFields(p *libvirt.NetworkPortParameters) map[string]struct {
	set *bool
	val *uint
} {
	type field = struct {
		set *bool
		val *uint
	}
	return map[string]field{
		driver.NetworkPortBandwidthInAverage:  {&p.BandwidthInAverageSet, &p.BandwidthInAverage},
		driver.NetworkPortBandwidthInPeak:     {&p.BandwidthInPeakSet, &p.BandwidthInPeak},
		driver.NetworkPortBandwidthInFloor:    {&p.BandwidthInFloorSet, &p.BandwidthInFloor},
		driver.NetworkPortBandwidthInBurst:    {&p.BandwidthInBurstSet, &p.BandwidthInBurst},
		driver.NetworkPortBandwidthOutAverage: {&p.BandwidthOutAverageSet, &p.BandwidthOutAverage},
		driver.NetworkPortBandwidthOutPeak:    {&p.BandwidthOutPeakSet, &p.BandwidthOutPeak},
		driver.NetworkPortBandwidthOutBurst:   {&p.BandwidthOutBurstSet, &p.BandwidthOutBurst},
	}
}

func (p *networkPort) GetParameters(flags uint32) (host.NetworkPortParameters, error) {
	params, err := p.p.GetParameters(flags)
	if err != nil {
		return nil, conv(err)
	}
	return fromPortParams(params), nil
}

// SetParameters sets the fields params names; the core checked the names.
func (p *networkPort) SetParameters(params host.NetworkPortParameters, flags uint32) error {
	lp, err := toPortParams(params)
	if err != nil {
		return err
	}
	return conv(p.p.SetParameters(lp, flags))
}

// fromPortParams returns the fields of params that are set.
func fromPortParams(params *libvirt.NetworkPortParameters) host.NetworkPortParameters {
	out := host.NetworkPortParameters{}
	for name, f := range portFields(params) {
		if *f.set {
			out[name] = uint32(*f.val)
		}
	}
	return out
}

// toPortParams sets the fields params names, and only those.
func toPortParams(params host.NetworkPortParameters) (*libvirt.NetworkPortParameters, error) {
	var lp libvirt.NetworkPortParameters
	fields := portFields(&lp)
	for name, v := range params {
		f, ok := fields[name]
		if !ok {
			return nil, fmt.Errorf("network port parameter %q is not known to libvirt.org/go/libvirt", name)
		}
		*f.set, *f.val = true, uint(v)
	}
	return &lp, nil
}
