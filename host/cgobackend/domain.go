package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// domain implements host.Domain.
type domain struct{ d *libvirt.Domain }

var _ host.Domain = (*domain)(nil)

func wrapDomain(d *libvirt.Domain, err error) (host.Domain, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &domain{d: d}, nil
}

func (d *domain) Free() error                       { return conv(d.d.Free()) }
func (d *domain) GetUUIDString() (string, error)    { s, err := d.d.GetUUIDString(); return s, conv(err) }
func (d *domain) GetName() (string, error)          { s, err := d.d.GetName(); return s, conv(err) }
func (d *domain) IsActive() (bool, error)           { b, err := d.d.IsActive(); return b, conv(err) }
func (d *domain) IsPersistent() (bool, error)       { b, err := d.d.IsPersistent(); return b, conv(err) }
func (d *domain) GetMaxMemory() (uint64, error)     { v, err := d.d.GetMaxMemory(); return v, conv(err) }
func (d *domain) GetAutostart() (bool, error)       { b, err := d.d.GetAutostart(); return b, conv(err) }
func (d *domain) SetAutostart(autostart bool) error { return conv(d.d.SetAutostart(autostart)) }
func (d *domain) Create() error                     { return conv(d.d.Create()) }
func (d *domain) Suspend() error                    { return conv(d.d.Suspend()) }
func (d *domain) Resume() error                     { return conv(d.d.Resume()) }
func (d *domain) Shutdown() error                   { return conv(d.d.Shutdown()) }
func (d *domain) Destroy() error                    { return conv(d.d.Destroy()) }
func (d *domain) Undefine() error                   { return conv(d.d.Undefine()) }

func (d *domain) Reboot(flags uint32) error {
	return conv(d.d.Reboot(libvirt.DomainRebootFlagValues(flags)))
}

func (d *domain) GetXMLDesc(flags uint32) (string, error) {
	s, err := d.d.GetXMLDesc(libvirt.DomainXMLFlags(flags))
	return s, conv(err)
}

// GetID returns -1 for an inactive domain, as virDomainGetID's
// (unsigned int)-1 reads in libvirt-python.
func (d *domain) GetID() (int64, error) {
	id, err := d.d.GetID()
	if uint32(id) == ^uint32(0) {
		return -1, nil
	}
	return int64(id), conv(err)
}

func (d *domain) GetInfo() (host.DomainInfo, error) {
	i, err := d.d.GetInfo()
	if err != nil {
		return host.DomainInfo{}, conv(err)
	}
	return host.DomainInfo{State: int(i.State), MaxMem: i.MaxMem, Memory: i.Memory,
		NrVirtCPU: i.NrVirtCpu, CPUTime: i.CpuTime}, nil
}

// GetState calls virDomainGetState; libvirt.org/go/libvirt passes flags 0,
// the only value libvirt accepts today, so other values are refused as
// libvirt refuses them.
func (d *domain) GetState(flags uint32) (int, int, error) {
	if flags != 0 {
		return 0, 0, invalidArg(libvirt.FROM_DOMAIN, "unsupported flags in virDomainGetState")
	}
	s, r, err := d.d.GetState()
	return int(s), r, conv(err)
}
