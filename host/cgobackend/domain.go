package cgobackend

import (
	"sync/atomic"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// domain implements host.Domain.
type domain struct {
	d *libvirt.Domain
	// The domain's raw UUID and name, when known is set: read by the
	// lookup that returned it, in the same call (see Identity).
	uuid  [16]byte
	name  string
	known bool
	// lastName is the name GetName read last (see GetName).
	lastName atomic.Pointer[string]
	// lv is d for a domain a shim returned (see identified): one
	// allocation for both.
	lv libvirt.Domain
}

var _ host.Domain = (*domain)(nil)

func wrapDomain(d *libvirt.Domain, err error) (host.Domain, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &domain{d: d}, nil
}

func (d *domain) GetUUIDString() (string, error)    { s, err := d.d.GetUUIDString(); return s, conv(err) }
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
