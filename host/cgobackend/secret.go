package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// secret implements host.Secret.
type secret struct{ s *libvirt.Secret }

var _ host.Secret = (*secret)(nil)

func wrapSecret(s *libvirt.Secret, err error) (host.Secret, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &secret{s: s}, nil
}

func (s *secret) Free() error                    { return conv(s.s.Free()) }
func (s *secret) GetUUID() ([]byte, error)       { u, err := s.s.GetUUID(); return u, conv(err) }
func (s *secret) GetUUIDString() (string, error) { u, err := s.s.GetUUIDString(); return u, conv(err) }
func (s *secret) GetUsageID() (string, error)    { u, err := s.s.GetUsageID(); return u, conv(err) }
func (s *secret) GetUsageType() (int, error)     { t, err := s.s.GetUsageType(); return int(t), conv(err) }
func (s *secret) Undefine() error                { return conv(s.s.Undefine()) }

func (s *secret) GetXMLDesc(flags uint32) (string, error) {
	x, err := s.s.GetXMLDesc(flags)
	return x, conv(err)
}

func (s *secret) GetValue(flags uint32) ([]byte, error) {
	v, err := s.s.GetValue(flags)
	return v, conv(err)
}

func (s *secret) SetValue(value []byte, flags uint32) error {
	return conv(s.s.SetValue(value, flags))
}

// The connection's secret functions.

func (c *conn) SecretDefineXML(xml string, flags uint32) (host.Secret, error) {
	return wrapSecret(c.c.SecretDefineXML(xml, libvirt.SecretDefineFlags(flags)))
}

// SecretLookupByUUID wants 16 bytes: the core checks the length.
func (c *conn) SecretLookupByUUID(uuid []byte) (host.Secret, error) {
	return wrapSecret(c.c.LookupSecretByUUID(uuid))
}

func (c *conn) SecretLookupByUUIDString(uuid string) (host.Secret, error) {
	return wrapSecret(c.c.LookupSecretByUUIDString(uuid))
}

func (c *conn) SecretLookupByUsage(usageType int, usageID string) (host.Secret, error) {
	return wrapSecret(c.c.LookupSecretByUsage(libvirt.SecretUsageType(usageType), usageID))
}

func (c *conn) ListSecrets(max int) ([]string, error) {
	uuids, err := c.c.ListSecrets()
	return atMost(uuids, err, max)
}

func (c *conn) ListAllSecrets(flags uint32) ([]host.Secret, error) {
	list, err := c.c.ListAllSecrets(libvirt.ConnectListAllSecretsFlags(flags))
	return wrapAll(list, err, wrapSecret)
}

func (c *conn) NumOfSecrets() (int, error) { n, err := c.c.NumOfSecrets(); return n, conv(err) }
