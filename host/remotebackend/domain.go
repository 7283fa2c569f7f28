package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// domain is a domain of a connection: the daemon's reference (name, UUID,
// ID), kept as libvirt's client keeps its virDomain.
type domain struct {
	driver.UnimplementedDomainAreas
	c *conn
	d libvirt.Domain
}

var _ driver.Domain = (*domain)(nil)

func (c *conn) domain(d libvirt.Domain) *domain { return &domain{c: c, d: d} }

// Free does nothing: the daemon holds no reference for the client.
func (d *domain) Free() error { return nil }

func (d *domain) GetUUIDString() (string, error) { return formatUUID(d.d.UUID), nil }

// GetName is the name the lookup returned, as libvirt's virDomainGetName.
func (d *domain) GetName() (string, error) { return d.d.Name, nil }

// GetID is the ID the lookup returned, -1 for an inactive domain, as
// libvirt's virDomainGetID.
func (d *domain) GetID() (int64, error) { return int64(d.d.ID), nil }

func (d *domain) GetInfo() (driver.DomainInfo, error) {
	state, maxMem, mem, ncpu, cpuTime, err := d.c.l.DomainGetInfo(d.d)
	if err != nil {
		return driver.DomainInfo{}, d.c.conv(err)
	}
	return driver.DomainInfo{State: int(state), MaxMem: maxMem, Memory: mem, NrVirtCPU: uint(ncpu), CPUTime: cpuTime}, nil
}

func (d *domain) GetState(flags uint32) (int, int, error) {
	s, r, err := d.c.l.DomainGetState(d.d, flags)
	return int(s), int(r), d.c.conv(err)
}

func (d *domain) IsActive() (bool, error) {
	v, err := d.c.l.DomainIsActive(d.d)
	return v != 0, d.c.conv(err)
}

func (d *domain) IsPersistent() (bool, error) {
	v, err := d.c.l.DomainIsPersistent(d.d)
	return v != 0, d.c.conv(err)
}

func (d *domain) GetMaxMemory() (uint64, error) {
	v, err := d.c.l.DomainGetMaxMemory(d.d)
	return v, d.c.conv(err)
}

func (d *domain) GetXMLDesc(flags uint32) (string, error) {
	s, err := d.c.l.DomainGetXMLDesc(d.d, libvirt.DomainXMLFlags(flags))
	return s, d.c.conv(err)
}

// Create starts the domain and takes its new ID, as libvirt's remote
// driver does.
func (d *domain) Create() error {
	if err := d.c.l.DomainCreate(d.d); err != nil {
		return d.c.conv(err)
	}
	d.refresh()
	return nil
}

// refresh takes the domain's current ID from the daemon.
func (d *domain) refresh() {
	if nd, err := d.c.l.DomainLookupByUUID(d.d.UUID); err == nil {
		d.d.ID = nd.ID
	}
}

func (d *domain) Suspend() error { return d.c.conv(d.c.l.DomainSuspend(d.d)) }
func (d *domain) Resume() error  { return d.c.conv(d.c.l.DomainResume(d.d)) }
func (d *domain) Shutdown() error {
	return d.c.conv(d.c.l.DomainShutdown(d.d))
}

func (d *domain) Reboot(flags uint32) error {
	return d.c.conv(d.c.l.DomainReboot(d.d, libvirt.DomainRebootFlagValues(flags)))
}

// Destroy stops the domain; its ID becomes -1, as libvirt's client sets it.
func (d *domain) Destroy() error {
	if err := d.c.l.DomainDestroy(d.d); err != nil {
		return d.c.conv(err)
	}
	d.d.ID = -1
	return nil
}

func (d *domain) Undefine() error { return d.c.conv(d.c.l.DomainUndefine(d.d)) }

func (d *domain) GetAutostart() (bool, error) {
	v, err := d.c.l.DomainGetAutostart(d.d)
	return v != 0, d.c.conv(err)
}

func (d *domain) SetAutostart(autostart bool) error {
	v := int32(0)
	if autostart {
		v = 1
	}
	return d.c.conv(d.c.l.DomainSetAutostart(d.d, v))
}

// Identity is the UUID and name the daemon sent with the domain
// (driver.Identifier).
func (d *domain) Identity() ([16]byte, string, bool) { return d.d.UUID, d.d.Name, true }
