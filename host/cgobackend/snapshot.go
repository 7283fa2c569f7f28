package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// snapshot implements host.Snapshot.
type snapshot struct{ s *libvirt.DomainSnapshot }

var _ host.Snapshot = (*snapshot)(nil)

func wrapSnapshot(s *libvirt.DomainSnapshot, err error) (host.Snapshot, error) {
	if err != nil {
		return nil, conv(err)
	}
	return &snapshot{s: s}, nil
}

func wrapSnapshots(list []libvirt.DomainSnapshot, err error) ([]host.Snapshot, error) {
	return wrapAll(list, err, wrapSnapshot)
}

func (s *snapshot) Free() error              { return conv(s.s.Free()) }
func (s *snapshot) GetName() (string, error) { n, err := s.s.GetName(); return n, conv(err) }

func (s *snapshot) GetParent(flags uint32) (host.Snapshot, error) {
	return wrapSnapshot(s.s.GetParent(flags))
}

func (s *snapshot) GetXMLDesc(flags uint32) (string, error) {
	x, err := s.s.GetXMLDesc(libvirt.DomainSnapshotXMLFlags(flags))
	return x, conv(err)
}

func (s *snapshot) HasMetadata(flags uint32) (bool, error) {
	b, err := s.s.HasMetadata(flags)
	return b, conv(err)
}

func (s *snapshot) IsCurrent(flags uint32) (bool, error) {
	b, err := s.s.IsCurrent(flags)
	return b, conv(err)
}

func (s *snapshot) ListAllChildren(flags uint32) ([]host.Snapshot, error) {
	return wrapSnapshots(s.s.ListAllChildren(libvirt.DomainSnapshotListFlags(flags)))
}

func (s *snapshot) ListChildrenNames(max int, flags uint32) ([]string, error) {
	names, err := s.s.ListChildrenNames(libvirt.DomainSnapshotListFlags(flags))
	return atMost(names, err, max)
}

func (s *snapshot) NumChildren(flags uint32) (int, error) {
	n, err := s.s.NumChildren(libvirt.DomainSnapshotListFlags(flags))
	return n, conv(err)
}

func (s *snapshot) Delete(flags uint32) error {
	return conv(s.s.Delete(libvirt.DomainSnapshotDeleteFlags(flags)))
}

func (s *snapshot) RevertToSnapshot(flags uint32) error {
	return conv(s.s.RevertToSnapshot(libvirt.DomainSnapshotRevertFlags(flags)))
}

// The domain's snapshot functions.

func (d *domain) SnapshotCreateXML(xml string, flags uint32) (host.Snapshot, error) {
	return wrapSnapshot(d.d.CreateSnapshotXML(xml, libvirt.DomainSnapshotCreateFlags(flags)))
}

func (d *domain) SnapshotCurrent(flags uint32) (host.Snapshot, error) {
	return wrapSnapshot(d.d.SnapshotCurrent(flags))
}

func (d *domain) SnapshotListNames(max int, flags uint32) ([]string, error) {
	names, err := d.d.SnapshotListNames(libvirt.DomainSnapshotListFlags(flags))
	return atMost(names, err, max)
}

func (d *domain) SnapshotLookupByName(name string, flags uint32) (host.Snapshot, error) {
	return wrapSnapshot(d.d.SnapshotLookupByName(name, flags))
}

func (d *domain) SnapshotNum(flags uint32) (int, error) {
	n, err := d.d.SnapshotNum(libvirt.DomainSnapshotListFlags(flags))
	return n, conv(err)
}

func (d *domain) HasCurrentSnapshot(flags uint32) (bool, error) {
	b, err := d.d.HasCurrentSnapshot(flags)
	return b, conv(err)
}

func (d *domain) ListAllSnapshots(flags uint32) ([]host.Snapshot, error) {
	return wrapSnapshots(d.d.ListAllSnapshots(libvirt.DomainSnapshotListFlags(flags)))
}
