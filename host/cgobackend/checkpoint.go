package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// checkpoint implements host.Checkpoint.
type checkpoint struct{ c *libvirt.DomainCheckpoint }

var _ host.Checkpoint = (*checkpoint)(nil)

func wrapCheckpoint(c *libvirt.DomainCheckpoint, err error) (host.Checkpoint, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &checkpoint{c: c}, nil
}

func wrapCheckpoints(list []libvirt.DomainCheckpoint, err error) ([]host.Checkpoint, error) {
	return wrapAll(list, err, wrapCheckpoint)
}

func (c *checkpoint) Free() error              { return conv(c.c.Free()) }
func (c *checkpoint) GetName() (string, error) { n, err := c.c.GetName(); return n, conv(err) }

func (c *checkpoint) GetParent(flags uint32) (host.Checkpoint, error) {
	return wrapCheckpoint(c.c.GetParent(flags))
}

func (c *checkpoint) GetXMLDesc(flags uint32) (string, error) {
	x, err := c.c.GetXMLDesc(libvirt.DomainCheckpointXMLFlags(flags))
	return x, conv(err)
}

func (c *checkpoint) ListAllChildren(flags uint32) ([]host.Checkpoint, error) {
	return wrapCheckpoints(c.c.ListAllChildren(libvirt.DomainCheckpointListFlags(flags)))
}

func (c *checkpoint) Delete(flags uint32) error {
	return conv(c.c.Delete(libvirt.DomainCheckpointDeleteFlags(flags)))
}

// The domain's checkpoint functions.

func (d *domain) CheckpointCreateXML(xml string, flags uint32) (host.Checkpoint, error) {
	return wrapCheckpoint(d.d.CreateCheckpointXML(xml, libvirt.DomainCheckpointCreateFlags(flags)))
}

func (d *domain) CheckpointLookupByName(name string, flags uint32) (host.Checkpoint, error) {
	return wrapCheckpoint(d.d.CheckpointLookupByName(name, flags))
}

func (d *domain) ListAllCheckpoints(flags uint32) ([]host.Checkpoint, error) {
	return wrapCheckpoints(d.d.ListAllCheckpoints(libvirt.DomainCheckpointListFlags(flags)))
}
