package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// conn implements host.Conn.
type conn struct {
	c        *libvirt.Connect
	legacyID int64 // the legacy event registration's ID, 0 when none
}

var _ host.Conn = (*conn)(nil)

func (c *conn) Close() (int, error) {
	n, err := c.c.Close()
	return n, conv(err)
}

func (c *conn) GetURI() (string, error)      { s, err := c.c.GetURI(); return s, conv(err) }
func (c *conn) GetHostname() (string, error) { s, err := c.c.GetHostname(); return s, conv(err) }
func (c *conn) GetType() (string, error)     { s, err := c.c.GetType(); return s, conv(err) }
func (c *conn) GetCapabilities() (string, error) {
	s, err := c.c.GetCapabilities()
	return s, conv(err)
}

func (c *conn) GetVersion() (uint64, error) { v, err := c.c.GetVersion(); return uint64(v), conv(err) }
func (c *conn) GetLibVersion() (uint64, error) {
	v, err := c.c.GetLibVersion()
	return uint64(v), conv(err)
}

func (c *conn) NodeGetInfo() (host.NodeInfo, error) {
	i, err := c.c.GetNodeInfo()
	if err != nil {
		return host.NodeInfo{}, conv(err)
	}
	return host.NodeInfo{Model: i.Model, Memory: i.Memory, CPUs: i.Cpus, MHz: i.MHz,
		Nodes: i.Nodes, Sockets: i.Sockets, Cores: i.Cores, Threads: i.Threads}, nil
}

func (c *conn) NodeGetFreeMemory() (uint64, error) {
	v, err := c.c.GetFreeMemory()
	return v, conv(err)
}
func (c *conn) IsAlive() (bool, error)     { b, err := c.c.IsAlive(); return b, conv(err) }
func (c *conn) IsEncrypted() (bool, error) { b, err := c.c.IsEncrypted(); return b, conv(err) }
func (c *conn) IsSecure() (bool, error)    { b, err := c.c.IsSecure(); return b, conv(err) }

func (c *conn) ListDefinedDomains(max int) ([]string, error) {
	names, err := c.c.ListDefinedDomains()
	return atMost(names, err, max)
}

func (c *conn) ListAllDomains(flags uint32) ([]host.Domain, error) {
	doms, err := c.c.ListAllDomains(libvirt.ConnectListAllDomainsFlags(flags))
	return wrapAll(doms, err, wrapDomain)
}

func (c *conn) NumOfDefinedDomains() (int, error) {
	n, err := c.c.NumOfDefinedDomains()
	return n, conv(err)
}

func (c *conn) DomainDefineXML(xml string) (host.Domain, error) {
	return wrapDomain(c.c.DomainDefineXML(xml))
}

func (c *conn) DomainCreateXML(xml string, flags uint32) (host.Domain, error) {
	return wrapDomain(c.c.DomainCreateXML(xml, libvirt.DomainCreateFlags(flags)))
}
