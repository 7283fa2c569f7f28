package remotebackend

import (
	"github.com/vertscript/vertscript/host"
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
func (c *conn) DomainRestoreParams(params []driver.TypedParam, flags uint32) error {
	ps, err := toWire(params, host.SaveRestoreParams)
	if err != nil {
		return err
	}
	return c.conv(c.l.DomainRestoreParams(ps, flags))
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
