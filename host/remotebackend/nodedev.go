package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// nodeDevice is a host device: the daemon's reference (its name), kept as
// libvirt's client keeps its virNodeDevice.
type nodeDevice struct {
	driver.UnimplementedNodeDevice
	c *conn
	d libvirt.NodeDevice
}

var _ driver.NodeDevice = (*nodeDevice)(nil)

// wrapNodeDevice wraps the device a call returned.
func (c *conn) wrapNodeDevice(d libvirt.NodeDevice, err error) (driver.NodeDevice, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return &nodeDevice{c: c, d: d}, nil
}

// Free does nothing: the daemon holds no reference for the client.
func (d *nodeDevice) Free() error { return nil }

// GetName is the name the lookup returned, as libvirt's client answers it.
func (d *nodeDevice) GetName() (string, error) { return d.d.Name, nil }

// GetParent asks the daemon; a device without a parent has "".
func (d *nodeDevice) GetParent() (string, error) {
	p, err := d.c.l.NodeDeviceGetParent(d.d.Name)
	return optValue(p), d.c.conv(err)
}

func (d *nodeDevice) GetXMLDesc(flags uint32) (string, error) {
	s, err := d.c.l.NodeDeviceGetXMLDesc(d.d.Name, flags)
	return s, d.c.conv(err)
}

func (d *nodeDevice) ListCaps(max int) ([]string, error) {
	l, err := d.c.l.NodeDeviceListCaps(d.d.Name, int32(max))
	return names(l, d.c.conv(err))
}

func (d *nodeDevice) NumOfCaps() (int, error) {
	n, err := d.c.l.NodeDeviceNumOfCaps(d.d.Name)
	return int(n), d.c.conv(err)
}

func (d *nodeDevice) IsActive() (bool, error) {
	v, err := d.c.l.NodeDeviceIsActive(d.d.Name)
	return v != 0, d.c.conv(err)
}

func (d *nodeDevice) IsPersistent() (bool, error) {
	v, err := d.c.l.NodeDeviceIsPersistent(d.d.Name)
	return v != 0, d.c.conv(err)
}

func (d *nodeDevice) GetAutostart() (bool, error) {
	v, err := d.c.l.NodeDeviceGetAutostart(d.d.Name)
	return v != 0, d.c.conv(err)
}

func (d *nodeDevice) SetAutostart(autostart bool) error {
	return d.c.conv(d.c.l.NodeDeviceSetAutostart(d.d.Name, flag(autostart)))
}

func (d *nodeDevice) Create(flags uint32) error {
	return d.c.conv(d.c.l.NodeDeviceCreate(d.d.Name, flags))
}

func (d *nodeDevice) Destroy() error { return d.c.conv(d.c.l.NodeDeviceDestroy(d.d.Name)) }

func (d *nodeDevice) Undefine(flags uint32) error {
	return d.c.conv(d.c.l.NodeDeviceUndefine(d.d.Name, flags))
}

func (d *nodeDevice) Dettach() error  { return d.c.conv(d.c.l.NodeDeviceDettach(d.d.Name)) }
func (d *nodeDevice) ReAttach() error { return d.c.conv(d.c.l.NodeDeviceReAttach(d.d.Name)) }
func (d *nodeDevice) Reset() error    { return d.c.conv(d.c.l.NodeDeviceReset(d.d.Name)) }

// DetachFlags with a nil driver name and no flags calls
// virNodeDeviceDettach, as the cgo backend does; otherwise a nil name goes
// as "", as the cgo backend sends it.
func (d *nodeDevice) DetachFlags(driverName *string, flags uint32) error {
	if driverName == nil && flags == 0 {
		return d.Dettach()
	}
	name := ""
	if driverName != nil {
		name = *driverName
	}
	return d.c.conv(d.c.l.NodeDeviceDetachFlags(d.d.Name, libvirt.OptString{name}, flags))
}

// The connection's node device functions.

// NodeListDevices lists at most max devices; a nil cap is NULL, every
// device.
func (c *conn) NodeListDevices(cap *string, max int, flags uint32) ([]string, error) {
	l, err := c.l.NodeListDevices(optPtr(cap), int32(max), flags)
	return names(l, c.conv(err))
}

// NodeNumOfDevices counts the devices with capability cap, every device
// when cap is nil.
func (c *conn) NodeNumOfDevices(cap *string, flags uint32) (int, error) {
	n, err := c.l.NodeNumOfDevices(optPtr(cap), flags)
	return int(n), c.conv(err)
}

func (c *conn) ListAllNodeDevices(flags uint32) ([]driver.NodeDevice, error) {
	list, _, err := c.l.ConnectListAllNodeDevices(1, flags)
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.NodeDevice, len(list))
	for i, d := range list {
		out[i] = &nodeDevice{c: c, d: d}
	}
	return out, nil
}

func (c *conn) NodeDeviceCreateXML(xml string, flags uint32) (driver.NodeDevice, error) {
	return c.wrapNodeDevice(c.l.NodeDeviceCreateXML(xml, libvirt.NodeDeviceCreateXMLFlags(flags)))
}

func (c *conn) NodeDeviceDefineXML(xml string, flags uint32) (driver.NodeDevice, error) {
	return c.wrapNodeDevice(c.l.NodeDeviceDefineXML(xml, libvirt.NodeDeviceDefineXMLFlags(flags)))
}

func (c *conn) NodeDeviceLookupByName(name string) (driver.NodeDevice, error) {
	return c.wrapNodeDevice(c.l.NodeDeviceLookupByName(name))
}

func (c *conn) NodeDeviceLookupSCSIHostByWWN(wwnn, wwpn string, flags uint32) (driver.NodeDevice, error) {
	return c.wrapNodeDevice(c.l.NodeDeviceLookupScsiHostByWwn(wwnn, wwpn, flags))
}
