package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// Saving, restoring and dumping domains.

func (d *domain) Save(to string) error { return conv(d.d.Save(to)) }

func (d *domain) SaveFlags(to, dxml string, flags uint32) error {
	return conv(d.d.SaveFlags(to, dxml, libvirt.DomainSaveRestoreFlags(flags)))
}

func (d *domain) SaveParams(params []host.TypedParam, flags uint32) error {
	p, err := saveParams(params)
	if err != nil {
		return err
	}
	return conv(d.d.SaveParams(p, libvirt.DomainSaveRestoreFlags(flags)))
}

func (d *domain) CoreDump(to string, flags uint32) error {
	return conv(d.d.CoreDump(to, libvirt.DomainCoreDumpFlags(flags)))
}

func (d *domain) CoreDumpWithFormat(to string, format, flags uint32) error {
	return conv(d.d.CoreDumpWithFormat(to, libvirt.DomainCoreDumpFormat(format), libvirt.DomainCoreDumpFlags(flags)))
}

func (d *domain) ManagedSave(flags uint32) error {
	return conv(d.d.ManagedSave(libvirt.DomainSaveRestoreFlags(flags)))
}

func (d *domain) HasManagedSaveImage(flags uint32) (bool, error) {
	b, err := d.d.HasManagedSaveImage(flags)
	return b, conv(err)
}

func (d *domain) ManagedSaveGetXMLDesc(flags uint32) (string, error) {
	s, err := d.d.ManagedSaveGetXMLDesc(libvirt.DomainSaveImageXMLFlags(flags))
	return s, conv(err)
}

func (d *domain) ManagedSaveDefineXML(dxml string, flags uint32) error {
	return conv(d.d.ManagedSaveDefineXML(dxml, flags))
}

func (d *domain) ManagedSaveRemove(flags uint32) error { return conv(d.d.ManagedSaveRemove(flags)) }

// The connection's saved-image functions (host.ConnDomainControl).

func (c *conn) DomainRestore(from string) error { return conv(c.c.DomainRestore(from)) }

func (c *conn) DomainRestoreFlags(from, dxml string, flags uint32) error {
	return conv(c.c.DomainRestoreFlags(from, dxml, libvirt.DomainSaveRestoreFlags(flags)))
}

func (c *conn) DomainRestoreParams(params []host.TypedParam, flags uint32) error {
	p, err := saveParams(params)
	if err != nil {
		return err
	}
	return conv(c.c.DomainRestoreParams(p, libvirt.DomainSaveRestoreFlags(flags)))
}

func (c *conn) DomainSaveImageDefineXML(file, dxml string, flags uint32) error {
	return conv(c.c.DomainSaveImageDefineXML(file, dxml, libvirt.DomainSaveRestoreFlags(flags)))
}

func (c *conn) DomainSaveImageGetXMLDesc(file string, flags uint32) (string, error) {
	s, err := c.c.DomainSaveImageGetXMLDesc(file, libvirt.DomainSaveImageXMLFlags(flags))
	return s, conv(err)
}

var _ host.ConnDomainControl = (*conn)(nil)

// saveParams is libvirt's struct for host.SaveRestoreParams.
func saveParams(ps []host.TypedParam) (libvirt.DomainSaveRestoreParams, error) {
	var out libvirt.DomainSaveRestoreParams
	return out, setParams(saveFields(&out), ps)
}

// saveFields map host.SaveRestoreParams.
func saveFields(p *libvirt.DomainSaveRestoreParams) []field {
	return []field{
		{driver.DomainSaveParamFile, &p.FileSet, &p.File},
		{driver.DomainSaveParamDxml, &p.DXMLSet, &p.DXML},
	}
}
