package cgobackend

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// The domain's control functions (host.DomainControl): lifecycle with
// flags, jobs, devices, the guest agent, power management and memory.

func (d *domain) CreateWithFlags(flags uint32) error {
	return conv(d.d.CreateWithFlags(libvirt.DomainCreateFlags(flags)))
}

func (d *domain) DestroyFlags(flags uint32) error {
	return conv(d.d.DestroyFlags(libvirt.DomainDestroyFlags(flags)))
}

func (d *domain) ShutdownFlags(flags uint32) error {
	return conv(d.d.ShutdownFlags(libvirt.DomainShutdownFlags(flags)))
}

func (d *domain) UndefineFlags(flags uint32) error {
	return conv(d.d.UndefineFlags(libvirt.DomainUndefineFlagsValues(flags)))
}

func (d *domain) Reset(flags uint32) error { return conv(d.d.Reset(flags)) }

func (d *domain) Rename(newName string, flags uint32) error {
	return conv(d.d.Rename(newName, flags))
}

func (d *domain) AbortJob() error { return conv(d.d.AbortJob()) }

func (d *domain) AbortJobFlags(flags uint32) error {
	return conv(d.d.AbortJobFlags(libvirt.DomainAbortJobFlags(flags)))
}

func (d *domain) AgentSetResponseTimeout(timeout int, flags uint32) error {
	return conv(d.d.AgentSetResponseTimeout(timeout, flags))
}

func (d *domain) AttachDevice(xml string) error { return conv(d.d.AttachDevice(xml)) }

func (d *domain) AttachDeviceFlags(xml string, flags uint32) error {
	return conv(d.d.AttachDeviceFlags(xml, libvirt.DomainDeviceModifyFlags(flags)))
}

func (d *domain) DetachDevice(xml string) error { return conv(d.d.DetachDevice(xml)) }

func (d *domain) DetachDeviceAlias(alias string, flags uint32) error {
	return conv(d.d.DetachDeviceAlias(alias, libvirt.DomainDeviceModifyFlags(flags)))
}

func (d *domain) DetachDeviceFlags(xml string, flags uint32) error {
	return conv(d.d.DetachDeviceFlags(xml, libvirt.DomainDeviceModifyFlags(flags)))
}

func (d *domain) UpdateDeviceFlags(xml string, flags uint32) error {
	return conv(d.d.UpdateDeviceFlags(xml, libvirt.DomainDeviceModifyFlags(flags)))
}

func (d *domain) AuthorizedSSHKeysGet(user string, flags uint32) ([]string, error) {
	keys, err := d.d.AuthorizedSSHKeysGet(user, libvirt.DomainAuthorizedSSHKeysFlags(flags))
	if err != nil {
		return nil, conv(err)
	}
	return keys, nil
}

func (d *domain) AuthorizedSSHKeysSet(user string, keys []string, flags uint32) error {
	return conv(d.d.AuthorizedSSHKeysSet(user, keys, libvirt.DomainAuthorizedSSHKeysFlags(flags)))
}

func (d *domain) FSTrim(mountPoint string, minimum uint64, flags uint32) error {
	return conv(d.d.FSTrim(mountPoint, minimum, flags))
}

func (d *domain) InjectNMI(flags uint32) error { return conv(d.d.InjectNMI(flags)) }

func (d *domain) PMSuspendForDuration(target uint32, duration uint64, flags uint32) error {
	return conv(d.d.PMSuspendForDuration(libvirt.NodeSuspendTarget(target), duration, flags))
}

func (d *domain) PMWakeup(flags uint32) error { return conv(d.d.PMWakeup(flags)) }

func (d *domain) SendKey(codeset, holdtime uint32, keycodes []uint32, flags uint32) error {
	keys := make([]uint, len(keycodes))
	for i, k := range keycodes {
		keys[i] = uint(k)
	}
	return conv(d.d.SendKey(uint(codeset), uint(holdtime), keys, flags))
}

func (d *domain) SendProcessSignal(pid int64, signum, flags uint32) error {
	return conv(d.d.SendProcessSignal(pid, libvirt.DomainProcessSignal(signum), flags))
}

func (d *domain) SetLifecycleAction(typ, action, flags uint32) error {
	return conv(d.d.SetLifecycleAction(libvirt.DomainLifecycle(typ), libvirt.DomainLifecycleAction(action), flags))
}

func (d *domain) SetMaxMemory(memory uint64) error { return conv(d.d.SetMaxMemory(memory)) }
func (d *domain) SetMemory(memory uint64) error    { return conv(d.d.SetMemory(memory)) }

func (d *domain) SetMemoryFlags(memory uint64, flags uint32) error {
	return conv(d.d.SetMemoryFlags(memory, libvirt.DomainMemoryModFlags(flags)))
}

func (d *domain) SetUserPassword(user, password string, flags uint32) error {
	return conv(d.d.SetUserPassword(user, password, libvirt.DomainSetUserPasswordFlags(flags)))
}

func (d *domain) StartDirtyRateCalc(seconds int, flags uint32) error {
	return conv(d.d.StartDirtyRateCalc(seconds, libvirt.DomainDirtyRateCalcFlags(flags)))
}

var _ host.DomainControl = (*domain)(nil)
