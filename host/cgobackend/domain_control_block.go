package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// The domain's block jobs and backups.

func (d *domain) BlockCommit(disk, base, top string, bandwidth uint64, flags uint32) error {
	return conv(d.d.BlockCommit(disk, base, top, bandwidth, libvirt.DomainBlockCommitFlags(flags)))
}

func (d *domain) BlockCopy(disk, destXML string, params []host.TypedParam, flags uint32) error {
	var p libvirt.DomainBlockCopyParameters
	if err := setParams(blockCopyFields(&p), params); err != nil {
		return err
	}
	return conv(d.d.BlockCopy(disk, destXML, &p, libvirt.DomainBlockCopyFlags(flags)))
}

// blockCopyFields map host.BlockCopyParams.
func blockCopyFields(p *libvirt.DomainBlockCopyParameters) []field {
	return []field{
		{driver.DomainBlockCopyBandwidth, &p.BandwidthSet, &p.Bandwidth},
		{driver.DomainBlockCopyGranularity, &p.GranularitySet, &p.Granularity},
		{driver.DomainBlockCopyBufSize, &p.BufSizeSet, &p.BufSize},
	}
}

func (d *domain) BlockJobAbort(disk string, flags uint32) error {
	return conv(d.d.BlockJobAbort(disk, libvirt.DomainBlockJobAbortFlags(flags)))
}

// GetBlockJobInfo reports no job when libvirt found none: virDomain-
// GetBlockJobInfo then returns 0 and leaves the zeroed info, which
// libvirt.org/go/libvirt returns as it is.
func (d *domain) GetBlockJobInfo(disk string, flags uint32) (host.BlockJobInfo, bool, error) {
	i, err := d.d.GetBlockJobInfo(disk, libvirt.DomainBlockJobInfoFlags(flags))
	if err != nil {
		return host.BlockJobInfo{}, false, conv(err)
	}
	info := host.BlockJobInfo{Type: int(i.Type), Bandwidth: i.Bandwidth, Cur: i.Cur, End: i.End}
	return info, info != host.BlockJobInfo{}, nil
}

func (d *domain) BlockJobSetSpeed(disk string, bandwidth uint64, flags uint32) error {
	return conv(d.d.BlockJobSetSpeed(disk, bandwidth, libvirt.DomainBlockJobSetSpeedFlags(flags)))
}

func (d *domain) BlockPull(disk string, bandwidth uint64, flags uint32) error {
	return conv(d.d.BlockPull(disk, bandwidth, libvirt.DomainBlockPullFlags(flags)))
}

func (d *domain) BlockRebase(disk, base string, bandwidth uint64, flags uint32) error {
	return conv(d.d.BlockRebase(disk, base, bandwidth, libvirt.DomainBlockRebaseFlags(flags)))
}

func (d *domain) BlockResize(disk string, size uint64, flags uint32) error {
	return conv(d.d.BlockResize(disk, size, libvirt.DomainBlockResizeFlags(flags)))
}

func (d *domain) SetBlockThreshold(dev string, threshold uint64, flags uint32) error {
	return conv(d.d.SetBlockThreshold(dev, threshold, flags))
}

func (d *domain) BackupBegin(backupXML, checkpointXML string, flags uint32) error {
	return conv(d.d.BackupBegin(backupXML, checkpointXML, libvirt.DomainBackupBeginFlags(flags)))
}

func (d *domain) BackupGetXMLDesc(flags uint32) (string, error) {
	s, err := d.d.BackupGetXMLDesc(flags)
	return s, conv(err)
}
