package cgobackend

import (
	"fmt"

	"libvirt.org/go/libvirt"

	"vertscript/host"
)

// GetGuestInfo returns virDomainGetGuestInfo's typed parameters with
// libvirt's flat names, in the QEMU driver's order: users, OS, timezone,
// hostname, filesystems, disks, interfaces. They are rebuilt from
// libvirt.org/go/libvirt's DomainGuestInfo, which keeps what it knows of
// and no count of an empty group: "user.N.login-time" (which it reads as
// "logintime"), "disk.N.serial", "disk.N.guest_bus", "load.*" and
// "user.count" (and the other counts) of 0 are missing.
func (d *domain) GetGuestInfo(types, flags uint32) ([]host.TypedParam, error) {
	g, err := d.d.GetGuestInfo(libvirt.DomainGuestInfoTypes(types), flags)
	if err != nil {
		return nil, conv(err)
	}
	return guestInfoParams(g), nil
}

// guestInfoParams flattens a DomainGuestInfo.
func guestInfoParams(g *libvirt.DomainGuestInfo) []host.TypedParam {
	var ps params
	if len(g.Users) > 0 {
		ps.add("user.count", len(g.Users))
		for i, u := range g.Users {
			ps.str(u.NameSet, fmt.Sprintf("user.%d.name", i), u.Name)
			ps.str(u.DomainSet, fmt.Sprintf("user.%d.domain", i), u.Domain)
			if u.LoginTimeSet {
				ps.add(fmt.Sprintf("user.%d.login-time", i), u.LoginTime)
			}
		}
	}
	if os := g.OS; os != nil {
		ps.str(os.IDSet, "os.id", os.ID)
		ps.str(os.NameSet, "os.name", os.Name)
		ps.str(os.PrettyNameSet, "os.pretty-name", os.PrettyName)
		ps.str(os.VersionSet, "os.version", os.Version)
		ps.str(os.VersionIDSet, "os.version-id", os.VersionID)
		ps.str(os.KernelReleaseSet, "os.kernel-release", os.KernelRelease)
		ps.str(os.KernelVersionSet, "os.kernel-version", os.KernelVersion)
		ps.str(os.MachineSet, "os.machine", os.Machine)
		ps.str(os.VariantSet, "os.variant", os.Variant)
		ps.str(os.VariantIDSet, "os.variant-id", os.VariantID)
	}
	if tz := g.TimeZone; tz != nil {
		ps.str(tz.NameSet, "timezone.name", tz.Name)
		if tz.OffsetSet {
			ps.add("timezone.offset", tz.Offset)
		}
	}
	ps.str(g.HostnameSet, "hostname", g.Hostname)
	if len(g.FileSystems) > 0 {
		ps.add("fs.count", len(g.FileSystems))
		for i, fs := range g.FileSystems {
			ps.str(fs.MountPointSet, fmt.Sprintf("fs.%d.mountpoint", i), fs.MountPoint)
			ps.str(fs.NameSet, fmt.Sprintf("fs.%d.name", i), fs.Name)
			ps.str(fs.FSTypeSet, fmt.Sprintf("fs.%d.fstype", i), fs.FSType)
			if fs.TotalBytesSet {
				ps.add(fmt.Sprintf("fs.%d.total-bytes", i), fs.TotalBytes)
			}
			if fs.UsedBytesSet {
				ps.add(fmt.Sprintf("fs.%d.used-bytes", i), fs.UsedBytes)
			}
			ps.add(fmt.Sprintf("fs.%d.disk.count", i), len(fs.Disks))
			for j, dk := range fs.Disks {
				ps.str(dk.AliasSet, fmt.Sprintf("fs.%d.disk.%d.alias", i, j), dk.Alias)
				ps.str(dk.SerialSet, fmt.Sprintf("fs.%d.disk.%d.serial", i, j), dk.Serial)
				ps.str(dk.DeviceSet, fmt.Sprintf("fs.%d.disk.%d.device", i, j), dk.Device)
			}
		}
	}
	if len(g.Disks) > 0 {
		ps.add("disk.count", len(g.Disks))
		for i, dk := range g.Disks {
			ps.str(dk.NameSet, fmt.Sprintf("disk.%d.name", i), dk.Name)
			if dk.PartitionSet {
				ps.add(fmt.Sprintf("disk.%d.partition", i), dk.Partition)
			}
			if len(dk.Dependencies) > 0 {
				ps.add(fmt.Sprintf("disk.%d.dependency.count", i), len(dk.Dependencies))
				for j, dep := range dk.Dependencies {
					ps.str(dep.NameSet, fmt.Sprintf("disk.%d.dependency.%d.name", i, j), dep.Name)
				}
			}
			ps.str(dk.AliasSet, fmt.Sprintf("disk.%d.alias", i), dk.Alias)
			ps.str(dk.GuestAliasSet, fmt.Sprintf("disk.%d.guest_alias", i), dk.GuestAlias)
		}
	}
	if len(g.Interfaces) > 0 {
		ps.add("if.count", len(g.Interfaces))
		for i, ifc := range g.Interfaces {
			ps.str(ifc.NameSet, fmt.Sprintf("if.%d.name", i), ifc.Name)
			ps.str(ifc.HwaddrSet, fmt.Sprintf("if.%d.hwaddr", i), ifc.Hwaddr)
			ps.add(fmt.Sprintf("if.%d.addr.count", i), len(ifc.Addrs))
			for j, a := range ifc.Addrs {
				ps.str(a.TypeSet, fmt.Sprintf("if.%d.addr.%d.type", i, j), a.Type)
				ps.str(a.AddrSet, fmt.Sprintf("if.%d.addr.%d.addr", i, j), a.Addr)
				if a.PrefixSet {
					ps.add(fmt.Sprintf("if.%d.addr.%d.prefix", i, j), a.Prefix)
				}
			}
		}
	}
	return ps
}

// params builds a list of typed parameters.
type params []host.TypedParam

// add appends a parameter; integers become int64.
func (ps *params) add(name string, v any) {
	switch n := v.(type) {
	case int:
		v = int64(n)
	case uint:
		v = int64(n)
	case int64:
	case uint64:
		v = int64(n)
	case bool, string, float64:
	default:
		panic(fmt.Sprintf("cgobackend: typed parameter %q of type %T", name, v))
	}
	*ps = append(*ps, host.TypedParam{Name: name, Value: v})
}

// str appends a string parameter when set.
func (ps *params) str(set bool, name, v string) {
	if set {
		ps.add(name, v)
	}
}
