package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// Saving, restoring and dumping domains.

func (d *domain) Save(to string) error { return conv(d.d.Save(to)) }

func (d *domain) SaveFlags(to, dxml string, flags uint32) error {
	return conv(d.d.SaveFlags(to, dxml, libvirt.DomainSaveRestoreFlags(flags)))
}

func (d *domain) SaveParams(params host.SaveParams, flags uint32) error {
	return conv(d.d.SaveParams(saveParams(params), libvirt.DomainSaveRestoreFlags(flags)))
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

func (c *conn) DomainRestoreParams(params host.SaveParams, flags uint32) error {
	return conv(c.c.DomainRestoreParams(saveParams(params), libvirt.DomainSaveRestoreFlags(flags)))
}

func (c *conn) DomainSaveImageDefineXML(file, dxml string, flags uint32) error {
	return conv(c.c.DomainSaveImageDefineXML(file, dxml, libvirt.DomainSaveRestoreFlags(flags)))
}

func (c *conn) DomainSaveImageGetXMLDesc(file string, flags uint32) (string, error) {
	s, err := c.c.DomainSaveImageGetXMLDesc(file, libvirt.DomainSaveImageXMLFlags(flags))
	return s, conv(err)
}

var _ host.ConnDomainControl = (*conn)(nil)

func saveParams(p host.SaveParams) libvirt.DomainSaveRestoreParams {
	var out libvirt.DomainSaveRestoreParams
	setOptional(&out.FileSet, &out.File, p.File)
	setOptional(&out.DXMLSet, &out.DXML, p.DXML)
	return out
}
