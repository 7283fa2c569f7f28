package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// driver.DomainControl on libvirtd's protocol: lifecycle with flags,
// devices, jobs, block jobs, the guest agent, save and managed save, core
// dumps, memory and migration settings (migration itself is in
// domain_control_migrate.go). The handle's ID follows the calls that
// change it, as the cgo backend's does. An empty string is NULL where the
// cgo backend passes NULL for it.

var _ driver.DomainControl = (*domain)(nil)

// CreateWithFlags starts the domain and takes the ID the daemon returns.
func (d *domain) CreateWithFlags(flags uint32) error {
	nd, err := d.c.l.DomainCreateWithFlags(d.d, flags)
	if err != nil {
		return d.c.conv(err)
	}
	d.d.ID = nd.ID
	return nil
}

// DestroyFlags stops the domain; its ID becomes -1, as libvirt's client
// sets it.
func (d *domain) DestroyFlags(flags uint32) error {
	if err := d.c.l.DomainDestroyFlags(d.d, libvirt.DomainDestroyFlagsValues(flags)); err != nil {
		return d.c.conv(err)
	}
	d.d.ID = -1
	return nil
}

func (d *domain) ShutdownFlags(flags uint32) error {
	return d.c.conv(d.c.l.DomainShutdownFlags(d.d, libvirt.DomainShutdownFlagValues(flags)))
}

func (d *domain) UndefineFlags(flags uint32) error {
	return d.c.conv(d.c.l.DomainUndefineFlags(d.d, libvirt.DomainUndefineFlagsValues(flags)))
}

func (d *domain) Reset(flags uint32) error { return d.c.conv(d.c.l.DomainReset(d.d, flags)) }

// Rename renames the domain. The handle keeps the name it was found by, as
// the cgo backend's handle does on the test driver in-process (libvirt's
// remote client renames its handle); the daemon finds the domain by UUID.
func (d *domain) Rename(newName string, flags uint32) error {
	_, err := d.c.l.DomainRename(d.d, libvirt.OptString{newName}, flags)
	return d.c.conv(err)
}

func (d *domain) AbortJob() error { return d.c.conv(d.c.l.DomainAbortJob(d.d)) }

func (d *domain) AbortJobFlags(flags uint32) error {
	return d.c.conv(d.c.l.DomainAbortJobFlags(d.d, flags))
}

func (d *domain) AgentSetResponseTimeout(timeout int, flags uint32) error {
	_, err := d.c.l.DomainAgentSetResponseTimeout(d.d, int32(timeout), flags)
	return d.c.conv(err)
}

// Devices.

func (d *domain) AttachDevice(xml string) error {
	return d.c.conv(d.c.l.DomainAttachDevice(d.d, xml))
}

func (d *domain) AttachDeviceFlags(xml string, flags uint32) error {
	return d.c.conv(d.c.l.DomainAttachDeviceFlags(d.d, xml, flags))
}

func (d *domain) DetachDevice(xml string) error {
	return d.c.conv(d.c.l.DomainDetachDevice(d.d, xml))
}

func (d *domain) DetachDeviceAlias(alias string, flags uint32) error {
	return d.c.conv(d.c.l.DomainDetachDeviceAlias(d.d, alias, flags))
}

func (d *domain) DetachDeviceFlags(xml string, flags uint32) error {
	return d.c.conv(d.c.l.DomainDetachDeviceFlags(d.d, xml, flags))
}

func (d *domain) UpdateDeviceFlags(xml string, flags uint32) error {
	return d.c.conv(d.c.l.DomainUpdateDeviceFlags(d.d, xml, libvirt.DomainDeviceModifyFlags(flags)))
}

// The guest agent.

func (d *domain) AuthorizedSSHKeysGet(user string, flags uint32) ([]string, error) {
	keys, err := d.c.l.DomainAuthorizedSshKeysGet(d.d, user, flags)
	if err != nil {
		return nil, d.c.conv(err)
	}
	return nonNil(keys), nil
}

func (d *domain) AuthorizedSSHKeysSet(user string, keys []string, flags uint32) error {
	return d.c.conv(d.c.l.DomainAuthorizedSshKeysSet(d.d, user, keys, flags))
}

// FSFreeze freezes the file systems at mountPoints (nil: all) and returns
// how many it froze.
func (d *domain) FSFreeze(mountPoints []string, flags uint32) (int, error) {
	n, err := d.c.l.DomainFsfreeze(d.d, mountPoints, flags)
	if err != nil {
		return 0, d.c.conv(err)
	}
	return int(n), nil
}

// FSThaw thaws the file systems at mountPoints (nil: all) and returns how
// many it thawed.
func (d *domain) FSThaw(mountPoints []string, flags uint32) (int, error) {
	n, err := d.c.l.DomainFsthaw(d.d, mountPoints, flags)
	if err != nil {
		return 0, d.c.conv(err)
	}
	return int(n), nil
}

func (d *domain) FSTrim(mountPoint string, minimum uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainFstrim(d.d, opt(mountPoint), minimum, flags))
}

func (d *domain) SetUserPassword(user, password string, flags uint32) error {
	return d.c.conv(d.c.l.DomainSetUserPassword(d.d, libvirt.OptString{user}, libvirt.OptString{password},
		libvirt.DomainSetUserPasswordFlags(flags)))
}

// Backups and block jobs.

func (d *domain) BackupBegin(backupXML, checkpointXML string, flags uint32) error {
	return d.c.conv(d.c.l.DomainBackupBegin(d.d, backupXML, opt(checkpointXML), libvirt.DomainBackupBeginFlags(flags)))
}

func (d *domain) BackupGetXMLDesc(flags uint32) (string, error) {
	s, err := d.c.l.DomainBackupGetXMLDesc(d.d, flags)
	return s, d.c.conv(err)
}

func (d *domain) BlockCommit(disk, base, top string, bandwidth uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainBlockCommit(d.d, disk, opt(base), opt(top), bandwidth, libvirt.DomainBlockCommitFlags(flags)))
}

// BlockCopy sends the parameters params sets: "bandwidth" (ULLONG),
// "granularity" (UINT), "buf-size" (ULLONG).
func (d *domain) BlockCopy(disk, destXML string, params driver.BlockCopyParams, flags uint32) error {
	var ps []libvirt.TypedParam
	if params.Bandwidth != nil {
		ps = append(ps, param(driver.DomainBlockCopyBandwidth, libvirt.NewTypedParamValueUllong(*params.Bandwidth)))
	}
	if params.Granularity != nil {
		ps = append(ps, param(driver.DomainBlockCopyGranularity, libvirt.NewTypedParamValueUint(*params.Granularity)))
	}
	if params.BufSize != nil {
		ps = append(ps, param(driver.DomainBlockCopyBufSize, libvirt.NewTypedParamValueUllong(*params.BufSize)))
	}
	return d.c.conv(d.c.l.DomainBlockCopy(d.d, disk, destXML, ps, libvirt.DomainBlockCopyFlags(flags)))
}

func (d *domain) BlockJobAbort(disk string, flags uint32) error {
	return d.c.conv(d.c.l.DomainBlockJobAbort(d.d, disk, libvirt.DomainBlockJobAbortFlags(flags)))
}

// GetBlockJobInfo reports found false when the daemon found no job, with
// the zero info, as the cgo backend does.
func (d *domain) GetBlockJobInfo(disk string, flags uint32) (driver.BlockJobInfo, bool, error) {
	found, typ, bw, cur, end, err := d.c.l.DomainGetBlockJobInfo(d.d, disk, flags)
	if err != nil {
		return driver.BlockJobInfo{}, false, d.c.conv(err)
	}
	if found == 0 {
		return driver.BlockJobInfo{}, false, nil
	}
	info := driver.BlockJobInfo{Type: int(typ), Bandwidth: bw, Cur: cur, End: end}
	return info, info != driver.BlockJobInfo{}, nil
}

func (d *domain) BlockJobSetSpeed(disk string, bandwidth uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainBlockJobSetSpeed(d.d, disk, bandwidth, libvirt.DomainBlockJobSetSpeedFlags(flags)))
}

func (d *domain) BlockPull(disk string, bandwidth uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainBlockPull(d.d, disk, bandwidth, libvirt.DomainBlockPullFlags(flags)))
}

func (d *domain) BlockRebase(disk, base string, bandwidth uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainBlockRebase(d.d, disk, opt(base), bandwidth, libvirt.DomainBlockRebaseFlags(flags)))
}

func (d *domain) BlockResize(disk string, size uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainBlockResize(d.d, disk, size, libvirt.DomainBlockResizeFlags(flags)))
}

func (d *domain) SetBlockThreshold(dev string, threshold uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainSetBlockThreshold(d.d, dev, threshold, flags))
}

// Core dumps, save and managed save.

func (d *domain) CoreDump(to string, flags uint32) error {
	to, err := absPath(to)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainCoreDump(d.d, to, libvirt.DomainCoreDumpFlags(flags)))
}

func (d *domain) CoreDumpWithFormat(to string, format, flags uint32) error {
	to, err := absPath(to)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainCoreDumpWithFormat(d.d, to, format, libvirt.DomainCoreDumpFlags(flags)))
}

func (d *domain) HasManagedSaveImage(flags uint32) (bool, error) {
	v, err := d.c.l.DomainHasManagedSaveImage(d.d, flags)
	return v != 0, d.c.conv(err)
}

func (d *domain) ManagedSave(flags uint32) error {
	return d.c.conv(d.c.l.DomainManagedSave(d.d, flags))
}

func (d *domain) ManagedSaveDefineXML(dxml string, flags uint32) error {
	return d.c.conv(d.c.l.DomainManagedSaveDefineXML(d.d, libvirt.OptString{dxml}, libvirt.DomainSaveRestoreFlags(flags)))
}

func (d *domain) ManagedSaveGetXMLDesc(flags uint32) (string, error) {
	s, err := d.c.l.DomainManagedSaveGetXMLDesc(d.d, libvirt.DomainXMLFlags(flags))
	return s, d.c.conv(err)
}

func (d *domain) ManagedSaveRemove(flags uint32) error {
	return d.c.conv(d.c.l.DomainManagedSaveRemove(d.d, flags))
}

func (d *domain) Save(to string) error {
	to, err := absPath(to)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSave(d.d, to))
}

func (d *domain) SaveFlags(to, dxml string, flags uint32) error {
	to, err := absPath(to)
	if err != nil {
		return err
	}
	return d.c.conv(d.c.l.DomainSaveFlags(d.d, to, opt(dxml), flags))
}

// SaveParams sends the parameters params sets: "file" and "dxml"
// (STRING).
func (d *domain) SaveParams(params driver.SaveParams, flags uint32) error {
	return d.c.conv(d.c.l.DomainSaveParams(d.d, saveParams(params), flags))
}

// Migration settings.

func (d *domain) MigrateGetCompressionCache(flags uint32) (uint64, error) {
	v, err := d.c.l.DomainMigrateGetCompressionCache(d.d, flags)
	return v, d.c.conv(err)
}

func (d *domain) MigrateGetMaxDowntime(flags uint32) (uint64, error) {
	v, err := d.c.l.DomainMigrateGetMaxDowntime(d.d, flags)
	return v, d.c.conv(err)
}

func (d *domain) MigrateGetMaxSpeed(flags uint32) (uint64, error) {
	v, err := d.c.l.DomainMigrateGetMaxSpeed(d.d, flags)
	return v, d.c.conv(err)
}

func (d *domain) MigrateSetCompressionCache(cacheSize uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainMigrateSetCompressionCache(d.d, cacheSize, flags))
}

func (d *domain) MigrateSetMaxDowntime(downtime uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainMigrateSetMaxDowntime(d.d, downtime, flags))
}

func (d *domain) MigrateSetMaxSpeed(bandwidth uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainMigrateSetMaxSpeed(d.d, bandwidth, flags))
}

func (d *domain) MigrateStartPostCopy(flags uint32) error {
	return d.c.conv(d.c.l.DomainMigrateStartPostCopy(d.d, flags))
}

// Power, keys, signals and memory.

func (d *domain) InjectNMI(flags uint32) error { return d.c.conv(d.c.l.DomainInjectNmi(d.d, flags)) }

func (d *domain) PMSuspendForDuration(target uint32, duration uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainPmSuspendForDuration(d.d, target, duration, flags))
}

func (d *domain) PMWakeup(flags uint32) error { return d.c.conv(d.c.l.DomainPmWakeup(d.d, flags)) }

func (d *domain) SendKey(codeset, holdtime uint32, keycodes []uint32, flags uint32) error {
	return d.c.conv(d.c.l.DomainSendKey(d.d, codeset, holdtime, keycodes, flags))
}

func (d *domain) SendProcessSignal(pid int64, signum, flags uint32) error {
	return d.c.conv(d.c.l.DomainSendProcessSignal(d.d, pid, signum, flags))
}

func (d *domain) SetLifecycleAction(typ, action, flags uint32) error {
	return d.c.conv(d.c.l.DomainSetLifecycleAction(d.d, typ, action, libvirt.DomainModificationImpact(flags)))
}

func (d *domain) SetMaxMemory(memory uint64) error {
	return d.c.conv(d.c.l.DomainSetMaxMemory(d.d, memory))
}

func (d *domain) SetMemory(memory uint64) error {
	return d.c.conv(d.c.l.DomainSetMemory(d.d, memory))
}

func (d *domain) SetMemoryFlags(memory uint64, flags uint32) error {
	return d.c.conv(d.c.l.DomainSetMemoryFlags(d.d, memory, flags))
}

func (d *domain) StartDirtyRateCalc(seconds int, flags uint32) error {
	return d.c.conv(d.c.l.DomainStartDirtyRateCalc(d.d, int32(seconds), flags))
}
