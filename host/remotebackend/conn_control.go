package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// The connection's saved-image functions (driver.ConnDomainControl). The
// daemon reads and writes the files, on its own host; a relative name is
// taken in the client's working directory, as libvirt's client does.

func (c *conn) DomainRestore(from string) error {
	from, err := absPath(from)
	if err != nil {
		return err
	}
	return c.conv(c.l.DomainRestore(from))
}

// DomainRestoreFlags passes an empty dxml as NULL, as the cgo backend does.
func (c *conn) DomainRestoreFlags(from, dxml string, flags uint32) error {
	from, err := absPath(from)
	if err != nil {
		return err
	}
	return c.conv(c.l.DomainRestoreFlags(from, opt(dxml), flags))
}

// DomainRestoreParams sends the fields params sets, "file" then "dxml".
func (c *conn) DomainRestoreParams(params driver.SaveParams, flags uint32) error {
	return c.conv(c.l.DomainRestoreParams(saveParams(params), flags))
}

func (c *conn) DomainSaveImageDefineXML(file, dxml string, flags uint32) error {
	file, err := absPath(file)
	if err != nil {
		return err
	}
	return c.conv(c.l.DomainSaveImageDefineXML(file, dxml, flags))
}

func (c *conn) DomainSaveImageGetXMLDesc(file string, flags uint32) (string, error) {
	file, err := absPath(file)
	if err != nil {
		return "", err
	}
	s, err := c.l.DomainSaveImageGetXMLDesc(file, flags)
	return s, c.conv(err)
}

// saveParams are p's typed parameters (VIR_DOMAIN_SAVE_PARAM_*).
func saveParams(p driver.SaveParams) []libvirt.TypedParam {
	var out []libvirt.TypedParam
	if p.File != nil {
		out = append(out, libvirt.TypedParam{Field: driver.DomainSaveParamFile, Value: *libvirt.NewTypedParamValueString(*p.File)})
	}
	if p.DXML != nil {
		out = append(out, libvirt.TypedParam{Field: driver.DomainSaveParamDxml, Value: *libvirt.NewTypedParamValueString(*p.DXML)})
	}
	return out
}
