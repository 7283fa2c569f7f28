package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// nwfilter is a network filter: the daemon's reference (name, UUID), kept
// as libvirt's client keeps its virNWFilter.
type nwfilter struct {
	driver.UnimplementedNWFilter
	c *conn
	f libvirt.Nwfilter
}

var _ driver.NWFilter = (*nwfilter)(nil)

// wrapNWFilter wraps the filter a call returned.
func (c *conn) wrapNWFilter(f libvirt.Nwfilter, err error) (driver.NWFilter, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return &nwfilter{c: c, f: f}, nil
}

// Free does nothing: the daemon holds no reference for the client.
func (f *nwfilter) Free() error { return nil }

// GetName, GetUUID and GetUUIDString answer from what the lookup returned,
// as libvirt's client does.
func (f *nwfilter) GetName() (string, error)       { return f.f.Name, nil }
func (f *nwfilter) GetUUID() ([]byte, error)       { return append([]byte(nil), f.f.UUID[:]...), nil }
func (f *nwfilter) GetUUIDString() (string, error) { return formatUUID(f.f.UUID), nil }

func (f *nwfilter) GetXMLDesc(flags uint32) (string, error) {
	x, err := f.c.l.NwfilterGetXMLDesc(f.f, flags)
	return x, f.c.conv(err)
}

func (f *nwfilter) Undefine() error { return f.c.conv(f.c.l.NwfilterUndefine(f.f)) }

// nwfilterBinding is a network filter binding: the daemon's reference
// (port device, filter name), kept as libvirt's client keeps its
// virNWFilterBinding.
type nwfilterBinding struct {
	driver.UnimplementedNWFilterBinding
	c *conn
	b libvirt.NwfilterBinding
}

var _ driver.NWFilterBinding = (*nwfilterBinding)(nil)

// wrapBinding wraps the binding a call returned.
func (c *conn) wrapBinding(b libvirt.NwfilterBinding, err error) (driver.NWFilterBinding, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return &nwfilterBinding{c: c, b: b}, nil
}

// Free does nothing: the daemon holds no reference for the client.
func (b *nwfilterBinding) Free() error { return nil }

// GetPortDev and GetFilterName answer from what the lookup returned, as
// libvirt's client does.
func (b *nwfilterBinding) GetPortDev() (string, error)    { return b.b.Portdev, nil }
func (b *nwfilterBinding) GetFilterName() (string, error) { return b.b.Filtername, nil }

func (b *nwfilterBinding) GetXMLDesc(flags uint32) (string, error) {
	x, err := b.c.l.NwfilterBindingGetXMLDesc(b.b, flags)
	return x, b.c.conv(err)
}

func (b *nwfilterBinding) Delete() error { return b.c.conv(b.c.l.NwfilterBindingDelete(b.b)) }

// The connection's network filter functions.

func (c *conn) NWFilterDefineXML(xml string) (driver.NWFilter, error) {
	return c.wrapNWFilter(c.l.NwfilterDefineXML(xml))
}

func (c *conn) NWFilterDefineXMLFlags(xml string, flags uint32) (driver.NWFilter, error) {
	return c.wrapNWFilter(c.l.NwfilterDefineXMLFlags(xml, flags))
}

func (c *conn) NWFilterLookupByName(name string) (driver.NWFilter, error) {
	return c.wrapNWFilter(c.l.NwfilterLookupByName(name))
}

func (c *conn) NWFilterLookupByUUID(uuid []byte) (driver.NWFilter, error) {
	u, err := rawUUID(uuid)
	if err != nil {
		return nil, err
	}
	return c.wrapNWFilter(c.l.NwfilterLookupByUUID(u))
}

func (c *conn) NWFilterLookupByUUIDString(uuid string) (driver.NWFilter, error) {
	u, err := uuidString("virNWFilterLookupByUUIDString", fromNWFilter, uuid)
	if err != nil {
		return nil, err
	}
	return c.wrapNWFilter(c.l.NwfilterLookupByUUID(u))
}

func (c *conn) ListNWFilters(max int) ([]string, error) {
	l, err := c.l.ConnectListNwfilters(int32(max))
	return names(l, c.conv(err))
}

func (c *conn) ListAllNWFilters(flags uint32) ([]driver.NWFilter, error) {
	list, _, err := c.l.ConnectListAllNwfilters(1, flags)
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.NWFilter, len(list))
	for i, f := range list {
		out[i] = &nwfilter{c: c, f: f}
	}
	return out, nil
}

func (c *conn) NumOfNWFilters() (int, error) {
	n, err := c.l.ConnectNumOfNwfilters()
	return int(n), c.conv(err)
}

func (c *conn) NWFilterBindingCreateXML(xml string, flags uint32) (driver.NWFilterBinding, error) {
	return c.wrapBinding(c.l.NwfilterBindingCreateXML(xml, flags))
}

func (c *conn) NWFilterBindingLookupByPortDev(portdev string) (driver.NWFilterBinding, error) {
	return c.wrapBinding(c.l.NwfilterBindingLookupByPortDev(portdev))
}

func (c *conn) ListAllNWFilterBindings(flags uint32) ([]driver.NWFilterBinding, error) {
	list, _, err := c.l.ConnectListAllNwfilterBindings(1, flags)
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.NWFilterBinding, len(list))
	for i, b := range list {
		out[i] = &nwfilterBinding{c: c, b: b}
	}
	return out, nil
}
