package cgobackend

import (
	"encoding/xml"
	"fmt"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// nodeDevice implements host.NodeDevice.
type nodeDevice struct{ d *libvirt.NodeDevice }

var _ host.NodeDevice = (*nodeDevice)(nil)

func wrapNodeDevice(d *libvirt.NodeDevice, err error) (host.NodeDevice, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &nodeDevice{d: d}, nil
}

func (d *nodeDevice) Free() error                       { return conv(d.d.Free()) }
func (d *nodeDevice) GetName() (string, error)          { s, err := d.d.GetName(); return s, conv(err) }
func (d *nodeDevice) NumOfCaps() (int, error)           { n, err := d.d.NumOfCaps(); return n, conv(err) }
func (d *nodeDevice) IsActive() (bool, error)           { b, err := d.d.IsActive(); return b, conv(err) }
func (d *nodeDevice) IsPersistent() (bool, error)       { b, err := d.d.IsPersistent(); return b, conv(err) }
func (d *nodeDevice) GetAutostart() (bool, error)       { b, err := d.d.GetAutostart(); return b, conv(err) }
func (d *nodeDevice) SetAutostart(autostart bool) error { return conv(d.d.SetAutostart(autostart)) }
func (d *nodeDevice) Create(flags uint32) error         { return conv(d.d.Create(flags)) }
func (d *nodeDevice) Destroy() error                    { return conv(d.d.Destroy()) }
func (d *nodeDevice) Undefine(flags uint32) error       { return conv(d.d.Undefine(flags)) }
func (d *nodeDevice) Dettach() error                    { return conv(d.d.Detach()) }
func (d *nodeDevice) ReAttach() error                   { return conv(d.d.ReAttach()) }
func (d *nodeDevice) Reset() error                      { return conv(d.d.Reset()) }

func (d *nodeDevice) GetXMLDesc(flags uint32) (string, error) {
	s, err := d.d.GetXMLDesc(libvirt.NodeDeviceXMLFlags(flags))
	return s, conv(err)
}

// GetParent reads the parent's name from the device's XML, which libvirt
// writes from the same definition that virNodeDeviceGetParent reads:
// libvirt.org/go/libvirt's GetParent frees the string that
// virNodeDeviceGetParent returns, which the device owns (a double free when
// the device is freed). It returns "" when the device has no parent.
func (d *nodeDevice) GetParent() (string, error) {
	s, err := d.d.GetXMLDesc(0)
	if err != nil {
		return "", conv(err)
	}
	var def struct {
		Parent string `xml:"parent"`
	}
	if err := xml.Unmarshal([]byte(s), &def); err != nil {
		return "", fmt.Errorf("virNodeDeviceGetParent: reading the device's XML: %w", err)
	}
	return def.Parent, nil
}

func (d *nodeDevice) ListCaps(max int) ([]string, error) {
	names, err := d.d.ListCaps()
	return atMost(names, err, max)
}

// DetachFlags with a nil driverName calls virNodeDeviceDettach, which
// libvirt's drivers define as virNodeDeviceDetachFlags(dev, NULL, 0):
// libvirt.org/go/libvirt cannot pass a NULL driver name. Flags other than 0
// (libvirt defines none) go to virNodeDeviceDetachFlags with an empty name,
// for libvirt to refuse.
func (d *nodeDevice) DetachFlags(driverName *string, flags uint32) error {
	if driverName == nil && flags == 0 {
		return conv(d.d.Detach())
	}
	name := ""
	if driverName != nil {
		name = *driverName
	}
	return conv(d.d.DetachFlags(name, flags))
}

// NodeListDevices lists at most max devices. libvirt.org/go/libvirt
// cannot pass a NULL capability: every device (cap nil) is listed with
// virConnectListAllNodeDevices, unless flags are set (libvirt defines
// none), which the core's virNodeNumOfDevices has already refused.
func (c *conn) NodeListDevices(cap *string, max int, flags uint32) ([]string, error) {
	if cap == nil && flags == 0 {
		names, err := c.allDeviceNames()
		if err != nil {
			return nil, err
		}
		return atMost(names, nil, max)
	}
	name := ""
	if cap != nil {
		name = *cap
	}
	names, err := c.c.ListDevices(name, flags)
	return atMost(names, err, max)
}

// NodeNumOfDevices counts every device (cap nil) with
// virConnectListAllNodeDevices; see NodeListDevices.
func (c *conn) NodeNumOfDevices(cap *string, flags uint32) (int, error) {
	if cap == nil && flags == 0 {
		names, err := c.allDeviceNames()
		return len(names), err
	}
	name := ""
	if cap != nil {
		name = *cap
	}
	n, err := c.c.NumOfDevices(name, flags)
	return n, conv(err)
}

// allDeviceNames returns the names of every node device.
func (c *conn) allDeviceNames() ([]string, error) {
	devs, err := c.c.ListAllNodeDevices(0)
	if err != nil {
		return nil, conv(err)
	}
	names := make([]string, 0, len(devs))
	var first error
	for i := range devs {
		name, err := devs[i].GetName()
		if err != nil && first == nil {
			first = conv(err)
		}
		names = append(names, name)
		_ = devs[i].Free()
	}
	if first != nil {
		return nil, first
	}
	return names, nil
}

func (c *conn) ListAllNodeDevices(flags uint32) ([]host.NodeDevice, error) {
	list, err := c.c.ListAllNodeDevices(libvirt.ConnectListAllNodeDeviceFlags(flags))
	return wrapAll(list, err, wrapNodeDevice)
}

func (c *conn) NodeDeviceCreateXML(xml string, flags uint32) (host.NodeDevice, error) {
	return wrapNodeDevice(c.c.DeviceCreateXML(xml, libvirt.NodeDeviceCreateXMLFlags(flags)))
}

func (c *conn) NodeDeviceDefineXML(xml string, flags uint32) (host.NodeDevice, error) {
	return wrapNodeDevice(c.c.DeviceDefineXML(xml, libvirt.NodeDeviceDefineXMLFlags(flags)))
}

func (c *conn) NodeDeviceLookupByName(name string) (host.NodeDevice, error) {
	return wrapNodeDevice(c.c.LookupDeviceByName(name))
}

func (c *conn) NodeDeviceLookupSCSIHostByWWN(wwnn, wwpn string, flags uint32) (host.NodeDevice, error) {
	return wrapNodeDevice(c.c.LookupDeviceSCSIHostByWWN(wwnn, wwpn, flags))
}
