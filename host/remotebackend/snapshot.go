package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// snapshot is a domain snapshot: the daemon's reference (its name and its
// domain), kept as libvirt's client keeps its virDomainSnapshot.
type snapshot struct {
	driver.UnimplementedSnapshot
	c *conn
	s libvirt.DomainSnapshot
}

var _ driver.Snapshot = (*snapshot)(nil)

func (c *conn) snapshot(s libvirt.DomainSnapshot) *snapshot { return &snapshot{c: c, s: s} }

// wrapSnapshot wraps the snapshot a call returned.
func (c *conn) wrapSnapshot(s libvirt.DomainSnapshot, err error) (driver.Snapshot, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	return c.snapshot(s), nil
}

// wrapSnapshots wraps a list of snapshots; none is an empty list.
func (c *conn) wrapSnapshots(list []libvirt.DomainSnapshot, err error) ([]driver.Snapshot, error) {
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.Snapshot, len(list))
	for i, s := range list {
		out[i] = c.snapshot(s)
	}
	return out, nil
}

// Free does nothing: the daemon holds no reference for the client.
func (s *snapshot) Free() error { return nil }

// GetName is the name the daemon returned, as virDomainSnapshotGetName.
func (s *snapshot) GetName() (string, error) { return s.s.Name, nil }

func (s *snapshot) GetParent(flags uint32) (driver.Snapshot, error) {
	return s.c.wrapSnapshot(s.c.l.DomainSnapshotGetParent(s.s, flags))
}

func (s *snapshot) GetXMLDesc(flags uint32) (string, error) {
	x, err := s.c.l.DomainSnapshotGetXMLDesc(s.s, flags)
	return x, s.c.conv(err)
}

func (s *snapshot) HasMetadata(flags uint32) (bool, error) {
	v, err := s.c.l.DomainSnapshotHasMetadata(s.s, flags)
	return v != 0, s.c.conv(err)
}

func (s *snapshot) IsCurrent(flags uint32) (bool, error) {
	v, err := s.c.l.DomainSnapshotIsCurrent(s.s, flags)
	return v != 0, s.c.conv(err)
}

func (s *snapshot) ListAllChildren(flags uint32) ([]driver.Snapshot, error) {
	list, _, err := s.c.l.DomainSnapshotListAllChildren(s.s, 1, flags)
	return s.c.wrapSnapshots(list, err)
}

func (s *snapshot) ListChildrenNames(max int, flags uint32) ([]string, error) {
	l, err := s.c.l.DomainSnapshotListChildrenNames(s.s, int32(max), flags)
	return names(l, s.c.conv(err))
}

func (s *snapshot) NumChildren(flags uint32) (int, error) {
	n, err := s.c.l.DomainSnapshotNumChildren(s.s, flags)
	return int(n), s.c.conv(err)
}

func (s *snapshot) Delete(flags uint32) error {
	return s.c.conv(s.c.l.DomainSnapshotDelete(s.s, libvirt.DomainSnapshotDeleteFlags(flags)))
}

func (s *snapshot) RevertToSnapshot(flags uint32) error {
	return s.c.conv(s.c.l.DomainRevertToSnapshot(s.s, flags))
}

// The domain's snapshot functions (driver.DomainObjects).

func (d *domain) SnapshotCreateXML(xml string, flags uint32) (driver.Snapshot, error) {
	return d.c.wrapSnapshot(d.c.l.DomainSnapshotCreateXML(d.d, xml, flags))
}

func (d *domain) SnapshotCurrent(flags uint32) (driver.Snapshot, error) {
	return d.c.wrapSnapshot(d.c.l.DomainSnapshotCurrent(d.d, flags))
}

func (d *domain) SnapshotListNames(max int, flags uint32) ([]string, error) {
	l, err := d.c.l.DomainSnapshotListNames(d.d, int32(max), flags)
	return names(l, d.c.conv(err))
}

func (d *domain) SnapshotLookupByName(name string, flags uint32) (driver.Snapshot, error) {
	return d.c.wrapSnapshot(d.c.l.DomainSnapshotLookupByName(d.d, name, flags))
}

func (d *domain) SnapshotNum(flags uint32) (int, error) {
	n, err := d.c.l.DomainSnapshotNum(d.d, flags)
	return int(n), d.c.conv(err)
}

func (d *domain) HasCurrentSnapshot(flags uint32) (bool, error) {
	v, err := d.c.l.DomainHasCurrentSnapshot(d.d, flags)
	return v != 0, d.c.conv(err)
}

func (d *domain) ListAllSnapshots(flags uint32) ([]driver.Snapshot, error) {
	list, _, err := d.c.l.DomainListAllSnapshots(d.d, 1, flags)
	return d.c.wrapSnapshots(list, err)
}
