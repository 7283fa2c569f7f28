package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// checkpoint is a domain checkpoint: the daemon's reference (its name and
// its domain), kept as libvirt's client keeps its virDomainCheckpoint.
type checkpoint struct {
	driver.UnimplementedCheckpoint
	c  *conn
	cp libvirt.DomainCheckpoint
}

var _ driver.Checkpoint = (*checkpoint)(nil)

// wrapCheckpoint wraps the checkpoint a call returned.
func (c *conn) wrapCheckpoint(cp libvirt.DomainCheckpoint, err error) (driver.Checkpoint, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return &checkpoint{c: c, cp: cp}, nil
}

// wrapCheckpoints wraps a list of checkpoints; none is an empty list.
func (c *conn) wrapCheckpoints(list []libvirt.DomainCheckpoint, err error) ([]driver.Checkpoint, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.Checkpoint, len(list))
	for i, cp := range list {
		out[i] = &checkpoint{c: c, cp: cp}
	}
	return out, nil
}

// Free does nothing: the daemon holds no reference for the client.
func (c *checkpoint) Free() error { return nil }

// GetName is the name the daemon returned, as virDomainCheckpointGetName.
func (c *checkpoint) GetName() (string, error) { return c.cp.Name, nil }

func (c *checkpoint) GetParent(flags uint32) (driver.Checkpoint, error) {
	return c.c.wrapCheckpoint(c.c.l.DomainCheckpointGetParent(c.cp, flags))
}

func (c *checkpoint) GetXMLDesc(flags uint32) (string, error) {
	x, err := c.c.l.DomainCheckpointGetXMLDesc(c.cp, flags)
	return x, c.c.conv(err)
}

func (c *checkpoint) ListAllChildren(flags uint32) ([]driver.Checkpoint, error) {
	list, _, err := c.c.l.DomainCheckpointListAllChildren(c.cp, 1, flags)
	return c.c.wrapCheckpoints(list, err)
}

func (c *checkpoint) Delete(flags uint32) error {
	return c.c.conv(c.c.l.DomainCheckpointDelete(c.cp, libvirt.DomainCheckpointDeleteFlags(flags)))
}

// The domain's checkpoint functions (driver.DomainObjects).

func (d *domain) CheckpointCreateXML(xml string, flags uint32) (driver.Checkpoint, error) {
	return d.c.wrapCheckpoint(d.c.l.DomainCheckpointCreateXML(d.d, xml, flags))
}

func (d *domain) CheckpointLookupByName(name string, flags uint32) (driver.Checkpoint, error) {
	return d.c.wrapCheckpoint(d.c.l.DomainCheckpointLookupByName(d.d, name, flags))
}

func (d *domain) ListAllCheckpoints(flags uint32) ([]driver.Checkpoint, error) {
	list, _, err := d.c.l.DomainListAllCheckpoints(d.d, 1, flags)
	return d.c.wrapCheckpoints(list, err)
}
