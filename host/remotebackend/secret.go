package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// secret is a secret: the daemon's reference (UUID, usage), kept as
// libvirt's client keeps its virSecret.
type secret struct {
	driver.UnimplementedSecret
	c *conn
	s libvirt.Secret
}

var _ driver.Secret = (*secret)(nil)

// wrapSecret wraps the secret a call returned.
func (c *conn) wrapSecret(s libvirt.Secret, err error) (driver.Secret, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return &secret{c: c, s: s}, nil
}

// Free does nothing: the daemon holds no reference for the client.
func (s *secret) Free() error { return nil }

// GetUUID, GetUUIDString, GetUsageID and GetUsageType answer from what the
// lookup returned, as libvirt's client does.
func (s *secret) GetUUID() ([]byte, error)       { return append([]byte(nil), s.s.UUID[:]...), nil }
func (s *secret) GetUUIDString() (string, error) { return formatUUID(s.s.UUID), nil }
func (s *secret) GetUsageID() (string, error)    { return s.s.UsageID, nil }
func (s *secret) GetUsageType() (int, error)     { return int(s.s.UsageType), nil }

func (s *secret) GetXMLDesc(flags uint32) (string, error) {
	x, err := s.c.l.SecretGetXMLDesc(s.s, flags)
	return x, s.c.conv(err)
}

// GetValue returns the value, never nil, as the cgo backend does.
func (s *secret) GetValue(flags uint32) ([]byte, error) {
	v, err := s.c.l.SecretGetValue(s.s, flags)
	if err != nil {
		return nil, s.c.conv(err)
	}
	if v == nil {
		v = []byte{}
	}
	return v, nil
}

func (s *secret) SetValue(value []byte, flags uint32) error {
	return s.c.conv(s.c.l.SecretSetValue(s.s, value, flags))
}

func (s *secret) Undefine() error { return s.c.conv(s.c.l.SecretUndefine(s.s)) }

// The connection's secret functions.

func (c *conn) SecretDefineXML(xml string, flags uint32) (driver.Secret, error) {
	return c.wrapSecret(c.l.SecretDefineXML(xml, flags))
}

func (c *conn) SecretLookupByUUID(uuid []byte) (driver.Secret, error) {
	u, err := rawUUID(uuid)
	if err != nil {
		return nil, err
	}
	return c.wrapSecret(c.l.SecretLookupByUUID(u))
}

func (c *conn) SecretLookupByUUIDString(uuid string) (driver.Secret, error) {
	u, err := uuidString("virSecretLookupByUUIDString", fromSecret, uuid)
	if err != nil {
		return nil, err
	}
	return c.wrapSecret(c.l.SecretLookupByUUID(u))
}

func (c *conn) SecretLookupByUsage(usageType int, usageID string) (driver.Secret, error) {
	return c.wrapSecret(c.l.SecretLookupByUsage(int32(usageType), usageID))
}

func (c *conn) ListSecrets(max int) ([]string, error) {
	l, err := c.l.ConnectListSecrets(int32(max))
	return names(l, c.conv(err))
}

func (c *conn) ListAllSecrets(flags uint32) ([]driver.Secret, error) {
	list, _, err := c.l.ConnectListAllSecrets(1, libvirt.ConnectListAllSecretsFlags(flags))
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.Secret, len(list))
	for i, s := range list {
		out[i] = &secret{c: c, s: s}
	}
	return out, nil
}

func (c *conn) NumOfSecrets() (int, error) {
	n, err := c.l.ConnectNumOfSecrets()
	return int(n), c.conv(err)
}
