package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// iface implements host.Interface.
type iface struct{ i *libvirt.Interface }

var _ host.Interface = (*iface)(nil)

func wrapInterface(i *libvirt.Interface, err error) (host.Interface, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &iface{i: i}, nil
}

func (i *iface) Free() error                   { return conv(i.i.Free()) }
func (i *iface) GetName() (string, error)      { s, err := i.i.GetName(); return s, conv(err) }
func (i *iface) GetMACString() (string, error) { s, err := i.i.GetMACString(); return s, conv(err) }
func (i *iface) IsActive() (bool, error)       { b, err := i.i.IsActive(); return b, conv(err) }
func (i *iface) Create(flags uint32) error     { return conv(i.i.Create(flags)) }
func (i *iface) Destroy(flags uint32) error    { return conv(i.i.Destroy(flags)) }
func (i *iface) Undefine() error               { return conv(i.i.Undefine()) }
func (i *iface) GetXMLDesc(flags uint32) (string, error) {
	s, err := i.i.GetXMLDesc(libvirt.InterfaceXMLFlags(flags))
	return s, conv(err)
}

func (c *conn) InterfaceChangeBegin(flags uint32) error { return conv(c.c.InterfaceChangeBegin(flags)) }
func (c *conn) InterfaceChangeCommit(flags uint32) error {
	return conv(c.c.InterfaceChangeCommit(flags))
}
func (c *conn) InterfaceChangeRollback(flags uint32) error {
	return conv(c.c.InterfaceChangeRollback(flags))
}

func (c *conn) InterfaceDefineXML(xml string, flags uint32) (host.Interface, error) {
	return wrapInterface(c.c.InterfaceDefineXML(xml, libvirt.InterfaceDefineFlags(flags)))
}

func (c *conn) InterfaceLookupByName(name string) (host.Interface, error) {
	return wrapInterface(c.c.LookupInterfaceByName(name))
}

func (c *conn) InterfaceLookupByMACString(mac string) (host.Interface, error) {
	return wrapInterface(c.c.LookupInterfaceByMACString(mac))
}

func (c *conn) ListInterfaces(max int) ([]string, error) {
	names, err := c.c.ListInterfaces()
	return atMost(names, err, max)
}

func (c *conn) ListDefinedInterfaces(max int) ([]string, error) {
	names, err := c.c.ListDefinedInterfaces()
	return atMost(names, err, max)
}

func (c *conn) ListAllInterfaces(flags uint32) ([]host.Interface, error) {
	list, err := c.c.ListAllInterfaces(libvirt.ConnectListAllInterfacesFlags(flags))
	return wrapAll(list, err, wrapInterface)
}

func (c *conn) NumOfInterfaces() (int, error) { n, err := c.c.NumOfInterfaces(); return n, conv(err) }
func (c *conn) NumOfDefinedInterfaces() (int, error) {
	n, err := c.c.NumOfDefinedInterfaces()
	return n, conv(err)
}
