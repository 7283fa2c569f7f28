package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// network is a virtual network: the daemon's reference (name, UUID), kept
// as libvirt's client keeps its virNetwork.
type network struct {
	driver.UnimplementedNetwork
	c *conn
	n libvirt.Network
}

var _ driver.Network = (*network)(nil)

// wrapNetwork wraps the network a call returned.
func (c *conn) wrapNetwork(n libvirt.Network, err error) (driver.Network, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return &network{c: c, n: n}, nil
}

// The connection's network functions.

func (c *conn) ListNetworks(max int) ([]string, error) {
	l, err := c.l.ConnectListNetworks(int32(max))
	return names(l, c.conv(err))
}

func (c *conn) ListDefinedNetworks(max int) ([]string, error) {
	l, err := c.l.ConnectListDefinedNetworks(int32(max))
	return names(l, c.conv(err))
}

func (c *conn) ListAllNetworks(flags uint32) ([]driver.Network, error) {
	list, _, err := c.l.ConnectListAllNetworks(1, libvirt.ConnectListAllNetworksFlags(flags))
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.Network, len(list))
	for i, n := range list {
		out[i] = &network{c: c, n: n}
	}
	return out, nil
}

func (c *conn) NumOfNetworks() (int, error) {
	n, err := c.l.ConnectNumOfNetworks()
	return int(n), c.conv(err)
}

func (c *conn) NumOfDefinedNetworks() (int, error) {
	n, err := c.l.ConnectNumOfDefinedNetworks()
	return int(n), c.conv(err)
}

func (c *conn) NetworkCreateXML(xml string) (driver.Network, error) {
	return c.wrapNetwork(c.l.NetworkCreateXML(xml))
}

func (c *conn) NetworkCreateXMLFlags(xml string, flags uint32) (driver.Network, error) {
	return c.wrapNetwork(c.l.NetworkCreateXMLFlags(xml, flags))
}

func (c *conn) NetworkDefineXML(xml string) (driver.Network, error) {
	return c.wrapNetwork(c.l.NetworkDefineXML(xml))
}

func (c *conn) NetworkDefineXMLFlags(xml string, flags uint32) (driver.Network, error) {
	return c.wrapNetwork(c.l.NetworkDefineXMLFlags(xml, flags))
}

func (c *conn) NetworkLookupByName(name string) (driver.Network, error) {
	return c.wrapNetwork(c.l.NetworkLookupByName(name))
}

func (c *conn) NetworkLookupByUUID(uuid []byte) (driver.Network, error) {
	u, err := rawUUID(uuid)
	if err != nil {
		return nil, err
	}
	return c.wrapNetwork(c.l.NetworkLookupByUUID(u))
}

func (c *conn) NetworkLookupByUUIDString(uuid string) (driver.Network, error) {
	u, err := uuidString("virNetworkLookupByUUIDString", fromNetwork, uuid)
	if err != nil {
		return nil, err
	}
	return c.wrapNetwork(c.l.NetworkLookupByUUID(u))
}

// The network's functions.

// Free does nothing: the daemon holds no reference for the client.
func (n *network) Free() error { return nil }

// GetName is the name the lookup returned, as libvirt's client answers it.
func (n *network) GetName() (string, error) { return n.n.Name, nil }

// GetUUID is the UUID the lookup returned, as libvirt's client answers it.
func (n *network) GetUUID() ([]byte, error) { return append([]byte(nil), n.n.UUID[:]...), nil }

func (n *network) GetUUIDString() (string, error) { return formatUUID(n.n.UUID), nil }

func (n *network) GetXMLDesc(flags uint32) (string, error) {
	s, err := n.c.l.NetworkGetXMLDesc(n.n, flags)
	return s, n.c.conv(err)
}

func (n *network) GetBridgeName() (string, error) {
	s, err := n.c.l.NetworkGetBridgeName(n.n)
	return s, n.c.conv(err)
}

func (n *network) GetAutostart() (bool, error) {
	v, err := n.c.l.NetworkGetAutostart(n.n)
	return v != 0, n.c.conv(err)
}

func (n *network) SetAutostart(autostart bool) error {
	return n.c.conv(n.c.l.NetworkSetAutostart(n.n, flag(autostart)))
}

func (n *network) IsActive() (bool, error) {
	v, err := n.c.l.NetworkIsActive(n.n)
	return v != 0, n.c.conv(err)
}

func (n *network) IsPersistent() (bool, error) {
	v, err := n.c.l.NetworkIsPersistent(n.n)
	return v != 0, n.c.conv(err)
}

func (n *network) Create() error   { return n.c.conv(n.c.l.NetworkCreate(n.n)) }
func (n *network) Destroy() error  { return n.c.conv(n.c.l.NetworkDestroy(n.n)) }
func (n *network) Undefine() error { return n.c.conv(n.c.l.NetworkUndefine(n.n)) }

func (n *network) Update(command, section uint32, parentIndex int32, xml string, flags uint32) error {
	return n.c.conv(n.c.l.NetworkUpdate(n.n, command, section, parentIndex, xml, libvirt.NetworkUpdateFlags(flags)))
}

// GetDHCPLeases asks the daemon for the leases of mac (all when nil), with
// flags 0, and refuses other flags (libvirt defines none) after the call,
// as the cgo backend does, so that a driver without the function reports
// that first.
func (n *network) GetDHCPLeases(mac *string, flags uint32) ([]driver.NetworkDHCPLease, error) {
	leases, _, err := n.c.l.NetworkGetDhcpLeases(n.n, optPtr(mac), 1, 0)
	if err != nil {
		return nil, n.c.conv(err)
	}
	if flags != 0 {
		return nil, invalidArg(fromNetwork, "unsupported flags (0x%x) in function virNetworkGetDHCPLeases", flags)
	}
	out := make([]driver.NetworkDHCPLease, len(leases))
	for i, l := range leases {
		out[i] = driver.NetworkDHCPLease{Iface: l.Iface, ExpiryTime: l.Expirytime, Type: int(l.Type),
			MAC: optValue(l.Mac), IPAddr: l.Ipaddr, Prefix: l.Prefix, Hostname: optValue(l.Hostname),
			ClientID: optValue(l.Clientid), IAID: optValue(l.Iaid)}
	}
	return out, nil
}

func (n *network) ListAllPorts(flags uint32) ([]driver.NetworkPort, error) {
	list, _, err := n.c.l.NetworkListAllPorts(n.n, 1, flags)
	if err != nil {
		return nil, n.c.conv(err)
	}
	out := make([]driver.NetworkPort, len(list))
	for i, p := range list {
		out[i] = &networkPort{c: n.c, p: p}
	}
	return out, nil
}

func (n *network) PortCreateXML(xml string, flags uint32) (driver.NetworkPort, error) {
	return n.c.wrapPort(n.c.l.NetworkPortCreateXML(n.n, xml, flags))
}

func (n *network) PortLookupByUUID(uuid []byte) (driver.NetworkPort, error) {
	u, err := rawUUID(uuid)
	if err != nil {
		return nil, err
	}
	return n.c.wrapPort(n.c.l.NetworkPortLookupByUUID(n.n, u))
}

func (n *network) PortLookupByUUIDString(uuid string) (driver.NetworkPort, error) {
	u, err := uuidString("virNetworkPortLookupByUUIDString", fromNetwork, uuid)
	if err != nil {
		return nil, err
	}
	return n.c.wrapPort(n.c.l.NetworkPortLookupByUUID(n.n, u))
}

// networkPort is a port of a network: the daemon's reference (network,
// UUID), kept as libvirt's client keeps its virNetworkPort.
type networkPort struct {
	driver.UnimplementedNetworkPort
	c *conn
	p libvirt.NetworkPort
}

var _ driver.NetworkPort = (*networkPort)(nil)

// wrapPort wraps the port a call returned.
func (c *conn) wrapPort(p libvirt.NetworkPort, err error) (driver.NetworkPort, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return &networkPort{c: c, p: p}, nil
}

// Free does nothing: the daemon holds no reference for the client.
func (p *networkPort) Free() error { return nil }

// GetNetwork is the port's network, as libvirt's client keeps it.
func (p *networkPort) GetNetwork() (driver.Network, error) { return &network{c: p.c, n: p.p.Net}, nil }

func (p *networkPort) GetUUID() ([]byte, error)       { return append([]byte(nil), p.p.UUID[:]...), nil }
func (p *networkPort) GetUUIDString() (string, error) { return formatUUID(p.p.UUID), nil }

func (p *networkPort) GetXMLDesc(flags uint32) (string, error) {
	s, err := p.c.l.NetworkPortGetXMLDesc(p.p, flags)
	return s, p.c.conv(err)
}

func (p *networkPort) Delete(flags uint32) error {
	return p.c.conv(p.c.l.NetworkPortDelete(p.p, flags))
}

// GetParameters returns the bandwidth parameters the daemon reported, in
// libvirt's order.
func (p *networkPort) GetParameters(flags uint32) ([]driver.TypedParam, error) {
	ps, _, err := p.c.l.NetworkPortGetParameters(p.p, 0, flags)
	if err != nil {
		return nil, p.c.conv(err)
	}
	return fromWire(ps), nil
}

// SetParameters sends params, of host.NetworkPortParams' kind.
func (p *networkPort) SetParameters(params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.NetworkPortParams)
	if err != nil {
		return err
	}
	return p.c.conv(p.c.l.NetworkPortSetParameters(p.p, ps, flags))
}
