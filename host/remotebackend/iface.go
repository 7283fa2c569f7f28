package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// iface is a host network interface: the daemon's reference (name, MAC),
// kept as libvirt's client keeps its virInterface.
type iface struct {
	driver.UnimplementedInterface
	c *conn
	i libvirt.Interface
}

var _ driver.Interface = (*iface)(nil)

// wrapInterface wraps the interface a call returned.
func (c *conn) wrapInterface(i libvirt.Interface, err error) (driver.Interface, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return &iface{c: c, i: i}, nil
}

// Free does nothing: the daemon holds no reference for the client.
func (i *iface) Free() error { return nil }

// GetName is the name the lookup returned, as libvirt's client answers it.
func (i *iface) GetName() (string, error) { return i.i.Name, nil }

// GetMACString is the MAC address the lookup returned, as libvirt's
// client answers it.
func (i *iface) GetMACString() (string, error) { return i.i.Mac, nil }

func (i *iface) IsActive() (bool, error) {
	v, err := i.c.l.InterfaceIsActive(i.i)
	return v != 0, i.c.conv(err)
}

func (i *iface) Create(flags uint32) error  { return i.c.conv(i.c.l.InterfaceCreate(i.i, flags)) }
func (i *iface) Destroy(flags uint32) error { return i.c.conv(i.c.l.InterfaceDestroy(i.i, flags)) }
func (i *iface) Undefine() error            { return i.c.conv(i.c.l.InterfaceUndefine(i.i)) }

func (i *iface) GetXMLDesc(flags uint32) (string, error) {
	s, err := i.c.l.InterfaceGetXMLDesc(i.i, flags)
	return s, i.c.conv(err)
}

// The connection's interface functions.

func (c *conn) InterfaceChangeBegin(flags uint32) error {
	return c.conv(c.l.InterfaceChangeBegin(flags))
}
func (c *conn) InterfaceChangeCommit(flags uint32) error {
	return c.conv(c.l.InterfaceChangeCommit(flags))
}
func (c *conn) InterfaceChangeRollback(flags uint32) error {
	return c.conv(c.l.InterfaceChangeRollback(flags))
}

func (c *conn) InterfaceDefineXML(xml string, flags uint32) (driver.Interface, error) {
	return c.wrapInterface(c.l.InterfaceDefineXML(xml, flags))
}

func (c *conn) InterfaceLookupByName(name string) (driver.Interface, error) {
	return c.wrapInterface(c.l.InterfaceLookupByName(name))
}

func (c *conn) InterfaceLookupByMACString(mac string) (driver.Interface, error) {
	return c.wrapInterface(c.l.InterfaceLookupByMacString(mac))
}

func (c *conn) ListInterfaces(max int) ([]string, error) {
	l, err := c.l.ConnectListInterfaces(int32(max))
	return names(l, c.conv(err))
}

func (c *conn) ListDefinedInterfaces(max int) ([]string, error) {
	l, err := c.l.ConnectListDefinedInterfaces(int32(max))
	return names(l, c.conv(err))
}

func (c *conn) ListAllInterfaces(flags uint32) ([]driver.Interface, error) {
	list, _, err := c.l.ConnectListAllInterfaces(1, libvirt.ConnectListAllInterfacesFlags(flags))
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.Interface, len(list))
	for k, i := range list {
		out[k] = &iface{c: c, i: i}
	}
	return out, nil
}

func (c *conn) NumOfInterfaces() (int, error) {
	n, err := c.l.ConnectNumOfInterfaces()
	return int(n), c.conv(err)
}

func (c *conn) NumOfDefinedInterfaces() (int, error) {
	n, err := c.l.ConnectNumOfDefinedInterfaces()
	return int(n), c.conv(err)
}
