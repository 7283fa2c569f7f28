package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// nwfilter implements host.NWFilter.
type nwfilter struct{ f *libvirt.NWFilter }

var _ host.NWFilter = (*nwfilter)(nil)

func wrapNWFilter(f *libvirt.NWFilter, err error) (host.NWFilter, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &nwfilter{f: f}, nil
}

func (f *nwfilter) Free() error              { return conv(f.f.Free()) }
func (f *nwfilter) GetName() (string, error) { n, err := f.f.GetName(); return n, conv(err) }
func (f *nwfilter) GetUUID() ([]byte, error) { u, err := f.f.GetUUID(); return u, conv(err) }
func (f *nwfilter) GetUUIDString() (string, error) {
	u, err := f.f.GetUUIDString()
	return u, conv(err)
}
func (f *nwfilter) Undefine() error { return conv(f.f.Undefine()) }

func (f *nwfilter) GetXMLDesc(flags uint32) (string, error) {
	x, err := f.f.GetXMLDesc(flags)
	return x, conv(err)
}

// nwfilterBinding implements host.NWFilterBinding.
type nwfilterBinding struct{ b *libvirt.NWFilterBinding }

var _ host.NWFilterBinding = (*nwfilterBinding)(nil)

func wrapBinding(b *libvirt.NWFilterBinding, err error) (host.NWFilterBinding, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &nwfilterBinding{b: b}, nil
}

func (b *nwfilterBinding) Free() error { return conv(b.b.Free()) }
func (b *nwfilterBinding) GetPortDev() (string, error) {
	d, err := b.b.GetPortDev()
	return d, conv(err)
}
func (b *nwfilterBinding) GetFilterName() (string, error) {
	n, err := b.b.GetFilterName()
	return n, conv(err)
}
func (b *nwfilterBinding) Delete() error { return conv(b.b.Delete()) }

func (b *nwfilterBinding) GetXMLDesc(flags uint32) (string, error) {
	x, err := b.b.GetXMLDesc(flags)
	return x, conv(err)
}

// The connection's network filter functions.

func (c *conn) NWFilterDefineXML(xml string) (host.NWFilter, error) {
	return wrapNWFilter(c.c.NWFilterDefineXML(xml))
}

func (c *conn) NWFilterDefineXMLFlags(xml string, flags uint32) (host.NWFilter, error) {
	return wrapNWFilter(c.c.NWFilterDefineXMLFlags(xml, libvirt.NWFilterDefineFlags(flags)))
}

func (c *conn) NWFilterLookupByName(name string) (host.NWFilter, error) {
	return wrapNWFilter(c.c.LookupNWFilterByName(name))
}

// NWFilterLookupByUUID wants 16 bytes: the core checks the length.
func (c *conn) NWFilterLookupByUUID(uuid []byte) (host.NWFilter, error) {
	return wrapNWFilter(c.c.LookupNWFilterByUUID(uuid))
}

func (c *conn) NWFilterLookupByUUIDString(uuid string) (host.NWFilter, error) {
	return wrapNWFilter(c.c.LookupNWFilterByUUIDString(uuid))
}

func (c *conn) ListNWFilters(max int) ([]string, error) {
	names, err := c.c.ListNWFilters()
	return atMost(names, err, max)
}

func (c *conn) ListAllNWFilters(flags uint32) ([]host.NWFilter, error) {
	list, err := c.c.ListAllNWFilters(flags)
	return wrapAll(list, err, wrapNWFilter)
}

func (c *conn) NumOfNWFilters() (int, error) { n, err := c.c.NumOfNWFilters(); return n, conv(err) }

func (c *conn) NWFilterBindingCreateXML(xml string, flags uint32) (host.NWFilterBinding, error) {
	return wrapBinding(c.c.NWFilterBindingCreateXML(xml, libvirt.NWFilterBindingCreateFlags(flags)))
}

func (c *conn) NWFilterBindingLookupByPortDev(portdev string) (host.NWFilterBinding, error) {
	return wrapBinding(c.c.LookupNWFilterBindingByPortDev(portdev))
}

func (c *conn) ListAllNWFilterBindings(flags uint32) ([]host.NWFilterBinding, error) {
	list, err := c.c.ListAllNWFilterBindings(flags)
	return wrapAll(list, err, wrapBinding)
}
