//go:build cgo

package remotebackend_test

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/vertscript/vertscript/host/cgobackend"
	"github.com/vertscript/vertscript/host/driver"
	"github.com/vertscript/vertscript/host/remotebackend"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// fromRemote is VIR_FROM_REMOTE, the domain conv gives every daemon error
// until the wire carries the daemon's own.
const fromRemote = 13

// areaCall is one call made on both backends: it returns a value that
// describes the result (see describe) or the call's error.
type areaCall struct {
	name string
	call func(c driver.Conn) (any, error)
}

// differs are the calls a loopback libvirtd answers otherwise than libvirt
// in-process, and why (python3-libvirt over the same daemon answers as the
// remote backend does): they run on both, uncompared.
var differs = map[string]string{
	"SetIdentity": "the daemon sets a client's identity itself; the test driver in-process has no virConnectSetIdentity",
}

// The test driver's node (test:///default) as both backends see it.
const (
	netXML = `<network><name>rconn-net</name><uuid>8a2c4d1e-52cf-4a0e-9d43-2f1b0a6e4c11</uuid>` +
		`<bridge name='rconnbr0'/><ip address='192.168.150.1' netmask='255.255.255.0'>` +
		`<dhcp><range start='192.168.150.2' end='192.168.150.9'/></dhcp></ip></network>`
	poolXML = `<pool type='dir'><name>rconn-pool</name><uuid>0f4a1c6e-3b2d-4e5f-8a9b-1c2d3e4f5a6b</uuid>` +
		`<target><path>/rconn-pool</path></target></pool>`
	volXML    = `<volume><name>rconn-vol</name><capacity unit='MiB'>10</capacity></volume>`
	cloneXML  = `<volume><name>rconn-clone</name><capacity unit='MiB'>10</capacity></volume>`
	ifaceXML  = `<interface type='ethernet' name='rconn0'><mac address='52:54:00:aa:bb:cc'/></interface>`
	secretXML = `<secret ephemeral='no' private='no'><uuid>5d1e0c2a-1111-4222-8333-944455556666</uuid>` +
		`<usage type='volume'><volume>/rconn/vol</volume></usage></secret>`
	filterXML = `<filter name='rconn-filter' chain='root'><rule action='accept' direction='out'><all/></rule></filter>`
	devXML    = `<device><name>rconn-dev</name><parent>scsi_host11</parent>` +
		`<capability type='scsi_host'><capability type='fc_host'><wwnn>2000000012341234</wwnn>` +
		`<wwpn>1000000012341234</wwpn></capability></capability></device>`
	netUUID  = "dd8fe884-6c02-601e-7551-cca97df1c5df"
	poolUUID = "dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566"
)

func rawUUID(s string) []byte {
	var b []byte
	fmt.Sscanf(s[0:8]+s[9:13]+s[14:18]+s[19:23]+s[24:], "%x", &b)
	return b
}

func ptr[T any](v T) *T { return &v }

// listed lists as the core does (see package driver): count first, and
// list at most that many only when there are some.
func listed(count func() (int, error), list func(max int) ([]string, error)) ([]string, error) {
	n, err := count()
	if err != nil {
		return nil, err
	}
	if n <= 0 {
		return []string{}, nil
	}
	return list(n)
}

// devices lists the devices with capability cap as the core does.
func devices(c driver.Conn, cap *string) ([]string, error) {
	return listed(func() (int, error) { return c.NodeNumOfDevices(cap, 0) },
		func(n int) ([]string, error) { return c.NodeListDevices(cap, n, 0) })
}

// on chains a lookup and a call on what it found.
func on[T any](lookup func(driver.Conn) (T, error), f func(T) (any, error)) func(driver.Conn) (any, error) {
	return func(c driver.Conn) (any, error) {
		o, err := lookup(c)
		if err != nil {
			return nil, err
		}
		return f(o)
	}
}

func defaultNet(c driver.Conn) (driver.Network, error) { return c.NetworkLookupByName("default") }
func testNet(c driver.Conn) (driver.Network, error)    { return c.NetworkLookupByName("rconn-net") }
func defaultPool(c driver.Conn) (driver.StoragePool, error) {
	return c.StoragePoolLookupByName("default-pool")
}
func testPool(c driver.Conn) (driver.StoragePool, error) {
	return c.StoragePoolLookupByName("rconn-pool")
}
func testVol(c driver.Conn) (driver.StorageVol, error) {
	p, err := testPool(c)
	if err != nil {
		return nil, err
	}
	return p.StorageVolLookupByName("rconn-vol")
}
func eth1(c driver.Conn) (driver.Interface, error)      { return c.InterfaceLookupByName("eth1") }
func testIface(c driver.Conn) (driver.Interface, error) { return c.InterfaceLookupByName("rconn0") }
func host11(c driver.Conn) (driver.NodeDevice, error)   { return c.NodeDeviceLookupByName("scsi_host11") }
func computer(c driver.Conn) (driver.NodeDevice, error) { return c.NodeDeviceLookupByName("computer") }
func testDev(c driver.Conn) (driver.NodeDevice, error)  { return c.NodeDeviceLookupByName("rconn-dev") }
func testSecret(c driver.Conn) (driver.Secret, error) {
	return c.SecretLookupByUUIDString("5d1e0c2a-1111-4222-8333-944455556666")
}
func testFilter(c driver.Conn) (driver.NWFilter, error) {
	return c.NWFilterLookupByName("rconn-filter")
}
func two[A, B any](a A, b B, err error) (any, error) { return []any{a, b}, err }

// describe turns a result into plain values: objects become their
// identity (name, UUID, key), lists of objects lists of identities.
func describe(v any) any {
	switch o := v.(type) {
	case driver.Network:
		n, _ := o.GetName()
		u, _ := o.GetUUIDString()
		return "network " + n + " " + u
	case driver.StoragePool:
		n, _ := o.GetName()
		u, _ := o.GetUUIDString()
		return "pool " + n + " " + u
	case driver.StorageVol:
		n, _ := o.GetName()
		k, _ := o.GetKey()
		return "vol " + n + " " + k
	case driver.Interface:
		n, _ := o.GetName()
		m, _ := o.GetMACString()
		return "iface " + n + " " + m
	case driver.NodeDevice:
		n, _ := o.GetName()
		return "nodedev " + n
	case driver.Secret:
		u, _ := o.GetUUIDString()
		id, _ := o.GetUsageID()
		ty, _ := o.GetUsageType()
		return fmt.Sprintf("secret %s %d %s", u, ty, id)
	case driver.NWFilter:
		n, _ := o.GetName()
		u, _ := o.GetUUIDString()
		return "nwfilter " + n + " " + u
	case driver.NWFilterBinding:
		p, _ := o.GetPortDev()
		f, _ := o.GetFilterName()
		return "binding " + p + " " + f
	case driver.NetworkPort:
		u, _ := o.GetUUIDString()
		return "port " + u
	case driver.Domain:
		n, _ := o.GetName()
		return "domain " + n
	case []driver.DomainStatsRecord:
		out := []any{}
		for _, r := range o {
			out = append(out, []any{describe(r.Domain), r.Index, r.Params})
		}
		return out
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.Interface && rv.Type() != reflect.TypeOf([]any{}) {
		out := []any{}
		for i := 0; i < rv.Len(); i++ {
			out = append(out, describe(rv.Index(i).Interface()))
		}
		return out
	}
	if l, ok := v.([]any); ok {
		out := make([]any, len(l))
		for i := range l {
			out[i] = describe(l[i])
		}
		return out
	}
	return v
}

// streamConns are the connections of the test, for the volume rows to
// make a stream on their volume's connection.
var streamConns = map[string]driver.Conn{}

// streamNew makes a stream on the connection of v's backend.
func streamNew(v driver.StorageVol) (driver.Stream, error) {
	return streamConns[fmt.Sprintf("%T", v)].StreamNew(0)
}

// streamCalls calls each function of a stream attached to nothing and
// describes what each returned.
func streamCalls(c driver.Conn, flags uint32) (any, error) {
	st, err := c.StreamNew(flags)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 8)
	show := func(n any, err error) string {
		if e, ok := driver.AsError(err); ok {
			return fmt.Sprintf("%v: error %d/%d/%d %s", n, e.Code, e.Domain, e.Level, e.Message)
		}
		return fmt.Sprintf("%v %v", n, err)
	}
	out := []string{
		show(st.Recv(buf)),
		show(st.RecvFlags(buf, 1)),
		show(st.RecvHole(0)),
		show(st.Send([]byte("x"))),
		show(0, st.SendHole(1, 0)),
		show(0, st.Finish()),
		show(0, st.Abort()),
		show(0, st.Free()),
	}
	return out, nil
}

// sorted describes a list and sorts it, for a list in the order of a hash
// table, which differs from process to process.
func sorted[T any](list []T, err error) (any, error) {
	out := []string{}
	for _, v := range list {
		out = append(out, fmt.Sprint(describe(v)))
	}
	sort.Strings(out)
	return out, err
}

// sortedParams sorts typed parameters by name, for a call whose order the
// cgo backend cannot keep (libvirt.org/go/libvirt holds them in a struct).
func sortedParams(ps []driver.TypedParam, err error) (any, error) {
	out := append([]driver.TypedParam(nil), ps...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// areaCalls are run in order on both backends: lookups and reads, then
// changes made the same way on both nodes, read back.
var areaCalls = []areaCall{
	// Host.
	{"NodeGetCPUMap", func(c driver.Conn) (any, error) { return two(c.NodeGetCPUMap(0)) }},
	{"NodeGetCPUStats", func(c driver.Conn) (any, error) { return sortedParams(c.NodeGetCPUStats(-1, 0)) }},
	{"NodeGetCPUStats/bad", func(c driver.Conn) (any, error) { return c.NodeGetCPUStats(-2, 0) }},
	{"NodeGetMemoryStats", func(c driver.Conn) (any, error) { return c.NodeGetMemoryStats(-1, 0) }},
	{"NodeGetMemoryParameters", func(c driver.Conn) (any, error) { return c.NodeGetMemoryParameters(0) }},
	{"NodeGetCellsFreeMemory", func(c driver.Conn) (any, error) { return c.NodeGetCellsFreeMemory(0, 2) }},
	{"NodeGetCellsFreeMemory/zero", func(c driver.Conn) (any, error) { return c.NodeGetCellsFreeMemory(0, 0) }},
	{"NodeGetFreePages", func(c driver.Conn) (any, error) { return c.NodeGetFreePages([]uint32{4, 2048}, 0, 2, 0) }},
	{"NodeGetFreePages/none", func(c driver.Conn) (any, error) { return c.NodeGetFreePages(nil, 0, 1, 0) }},
	{"NodeGetFreePages/nocells", func(c driver.Conn) (any, error) { return c.NodeGetFreePages([]uint32{4}, 0, 0, 0) }},
	{"NodeAllocPages", func(c driver.Conn) (any, error) {
		return c.NodeAllocPages([]driver.PageCount{{Size: 2048, Count: 1}}, 0, 1, 0)
	}},
	{"NodeGetSEVInfo", func(c driver.Conn) (any, error) { return c.NodeGetSEVInfo(0) }},
	{"NodeGetSecurityModel", func(c driver.Conn) (any, error) { return two(c.NodeGetSecurityModel()) }},
	{"NodeSuspendForDuration", func(c driver.Conn) (any, error) { return nil, c.NodeSuspendForDuration(0, 60, 0) }},
	{"GetSysinfo", func(c driver.Conn) (any, error) { return c.GetSysinfo(0) }},
	{"GetMaxVcpus", func(c driver.Conn) (any, error) { return c.GetMaxVcpus("") }},
	{"GetMaxVcpus/test", func(c driver.Conn) (any, error) { return c.GetMaxVcpus("test") }},
	{"GetCPUModelNames", func(c driver.Conn) (any, error) { return c.GetCPUModelNames("x86_64", 0) }},
	{"GetCPUModelNames/bad", func(c driver.Conn) (any, error) { return c.GetCPUModelNames("nonesuch", 0) }},
	{"GetDomainCapabilities", func(c driver.Conn) (any, error) { return c.GetDomainCapabilities("", "", "", "", 0) }},
	{"BaselineCPU", func(c driver.Conn) (any, error) {
		return c.BaselineCPU([]string{"<cpu><arch>x86_64</arch><model>Nehalem</model></cpu>"}, 0)
	}},
	{"CompareCPU", func(c driver.Conn) (any, error) { return c.CompareCPU("<cpu><model>Nehalem</model></cpu>", 0) }},
	{"DomainXMLFromNative", func(c driver.Conn) (any, error) { return c.DomainXMLFromNative("qemu-argv", "", 0) }},
	{"DomainLookupByUUID", func(c driver.Conn) (any, error) {
		return c.DomainLookupByUUID(rawUUID("6695eb01-f6a4-8304-79aa-97f2502e193f"))
	}},
	{"DomainLookupByUUID/short", func(c driver.Conn) (any, error) { return c.DomainLookupByUUID([]byte{1, 2}) }},
	{"SetIdentity", func(c driver.Conn) (any, error) {
		return nil, c.SetIdentity([]driver.TypedParam{{Name: "user-name", Value: "rconn"}}, 0)
	}},

	// Interfaces.
	{"ListInterfaces", func(c driver.Conn) (any, error) { return listed(c.NumOfInterfaces, c.ListInterfaces) }},
	{"ListDefinedInterfaces", func(c driver.Conn) (any, error) { return listed(c.NumOfDefinedInterfaces, c.ListDefinedInterfaces) }},
	{"ListAllInterfaces", func(c driver.Conn) (any, error) { return c.ListAllInterfaces(0) }},
	{"NumOfInterfaces", func(c driver.Conn) (any, error) { return c.NumOfInterfaces() }},
	{"NumOfDefinedInterfaces", func(c driver.Conn) (any, error) { return c.NumOfDefinedInterfaces() }},
	{"InterfaceLookupByName", func(c driver.Conn) (any, error) { return c.InterfaceLookupByName("eth1") }},
	{"InterfaceLookupByName/missing", func(c driver.Conn) (any, error) { return c.InterfaceLookupByName("nonesuch") }},
	{"InterfaceLookupByMACString", func(c driver.Conn) (any, error) {
		return c.InterfaceLookupByMACString("aa:bb:cc:dd:ee:ff")
	}},
	{"Interface.GetXMLDesc", on(eth1, func(i driver.Interface) (any, error) { return i.GetXMLDesc(0) })},
	{"Interface.IsActive", on(eth1, func(i driver.Interface) (any, error) { return i.IsActive() })},
	{"InterfaceChangeBegin", func(c driver.Conn) (any, error) { return nil, c.InterfaceChangeBegin(0) }},
	{"InterfaceDefineXML", func(c driver.Conn) (any, error) { return c.InterfaceDefineXML(ifaceXML, 0) }},
	{"Interface.Create", on(testIface, func(i driver.Interface) (any, error) { return nil, i.Create(0) })},
	{"Interface.Destroy", on(testIface, func(i driver.Interface) (any, error) { return nil, i.Destroy(0) })},
	{"Interface.Undefine", on(testIface, func(i driver.Interface) (any, error) { return nil, i.Undefine() })},
	{"InterfaceChangeRollback", func(c driver.Conn) (any, error) { return nil, c.InterfaceChangeRollback(0) }},
	{"InterfaceChangeCommit", func(c driver.Conn) (any, error) { return nil, c.InterfaceChangeCommit(0) }},

	// Node devices.
	{"NodeListDevices", func(c driver.Conn) (any, error) { return sorted(devices(c, nil)) }},
	{"NodeListDevices/cap", func(c driver.Conn) (any, error) { return sorted(devices(c, ptr("scsi_host"))) }},
	{"NodeNumOfDevices", func(c driver.Conn) (any, error) { return c.NodeNumOfDevices(nil, 0) }},
	{"NodeNumOfDevices/cap", func(c driver.Conn) (any, error) { return c.NodeNumOfDevices(ptr("net"), 0) }},
	{"ListAllNodeDevices", func(c driver.Conn) (any, error) { return sorted(c.ListAllNodeDevices(0)) }},
	{"NodeDeviceLookupByName/missing", func(c driver.Conn) (any, error) { return c.NodeDeviceLookupByName("nonesuch") }},
	{"NodeDevice.GetParent", on(host11, func(d driver.NodeDevice) (any, error) { return d.GetParent() })},
	{"NodeDevice.GetParent/none", on(computer, func(d driver.NodeDevice) (any, error) { return d.GetParent() })},
	{"NodeDevice.GetXMLDesc", on(host11, func(d driver.NodeDevice) (any, error) { return d.GetXMLDesc(0) })},
	{"NodeDevice.ListCaps", on(host11, func(d driver.NodeDevice) (any, error) { return listed(d.NumOfCaps, d.ListCaps) })},
	{"NodeDevice.NumOfCaps", on(host11, func(d driver.NodeDevice) (any, error) { return d.NumOfCaps() })},
	{"NodeDevice.IsActive", on(host11, func(d driver.NodeDevice) (any, error) { return d.IsActive() })},
	{"NodeDevice.IsPersistent", on(host11, func(d driver.NodeDevice) (any, error) { return d.IsPersistent() })},
	{"NodeDevice.GetAutostart", on(host11, func(d driver.NodeDevice) (any, error) { return d.GetAutostart() })},
	{"NodeDevice.Dettach", on(host11, func(d driver.NodeDevice) (any, error) { return nil, d.Dettach() })},
	{"NodeDevice.DetachFlags", on(host11, func(d driver.NodeDevice) (any, error) { return nil, d.DetachFlags(nil, 1) })},
	{"NodeDevice.ReAttach", on(host11, func(d driver.NodeDevice) (any, error) { return nil, d.ReAttach() })},
	{"NodeDevice.Reset", on(host11, func(d driver.NodeDevice) (any, error) { return nil, d.Reset() })},
	{"NodeDeviceLookupSCSIHostByWWN", func(c driver.Conn) (any, error) {
		return c.NodeDeviceLookupSCSIHostByWWN("2000000012341234", "1000000012341234", 0)
	}},
	{"NodeDeviceCreateXML", func(c driver.Conn) (any, error) { return c.NodeDeviceCreateXML(devXML, 0) }},
	{"NodeDevice.Destroy", on(testDev, func(d driver.NodeDevice) (any, error) { return nil, d.Destroy() })},
	{"NodeDeviceDefineXML", func(c driver.Conn) (any, error) { return c.NodeDeviceDefineXML(devXML, 0) }},

	// Networks.
	{"ListNetworks", func(c driver.Conn) (any, error) { return listed(c.NumOfNetworks, c.ListNetworks) }},
	{"ListDefinedNetworks", func(c driver.Conn) (any, error) { return listed(c.NumOfDefinedNetworks, c.ListDefinedNetworks) }},
	{"ListAllNetworks", func(c driver.Conn) (any, error) { return c.ListAllNetworks(0) }},
	{"NumOfNetworks", func(c driver.Conn) (any, error) { return c.NumOfNetworks() }},
	{"NumOfDefinedNetworks", func(c driver.Conn) (any, error) { return c.NumOfDefinedNetworks() }},
	{"NetworkLookupByName", func(c driver.Conn) (any, error) { return c.NetworkLookupByName("default") }},
	{"NetworkLookupByName/missing", func(c driver.Conn) (any, error) { return c.NetworkLookupByName("nonesuch") }},
	{"NetworkLookupByUUID", func(c driver.Conn) (any, error) { return c.NetworkLookupByUUID(rawUUID(netUUID)) }},
	{"NetworkLookupByUUID/short", func(c driver.Conn) (any, error) { return c.NetworkLookupByUUID([]byte{1}) }},
	{"NetworkLookupByUUIDString", func(c driver.Conn) (any, error) { return c.NetworkLookupByUUIDString(netUUID) }},
	{"NetworkLookupByUUIDString/bad", func(c driver.Conn) (any, error) { return c.NetworkLookupByUUIDString("zz") }},
	{"Network.GetUUID", on(defaultNet, func(n driver.Network) (any, error) { return n.GetUUID() })},
	{"Network.GetXMLDesc", on(defaultNet, func(n driver.Network) (any, error) { return n.GetXMLDesc(0) })},
	{"Network.GetBridgeName", on(defaultNet, func(n driver.Network) (any, error) { return n.GetBridgeName() })},
	{"Network.GetAutostart", on(defaultNet, func(n driver.Network) (any, error) { return n.GetAutostart() })},
	{"Network.IsActive", on(defaultNet, func(n driver.Network) (any, error) { return n.IsActive() })},
	{"Network.IsPersistent", on(defaultNet, func(n driver.Network) (any, error) { return n.IsPersistent() })},
	{"Network.GetDHCPLeases", on(defaultNet, func(n driver.Network) (any, error) { return n.GetDHCPLeases(nil, 0) })},
	{"Network.ListAllPorts", on(defaultNet, func(n driver.Network) (any, error) { return n.ListAllPorts(0) })},
	{"Network.PortLookupByUUIDString", on(defaultNet, func(n driver.Network) (any, error) {
		return n.PortLookupByUUIDString(netUUID)
	})},
	{"Network.PortCreateXML", on(defaultNet, func(n driver.Network) (any, error) {
		return n.PortCreateXML("<networkport><owner><name>x</name></owner></networkport>", 0)
	})},
	{"NetworkDefineXML", func(c driver.Conn) (any, error) { return c.NetworkDefineXML(netXML) }},
	{"NetworkDefineXMLFlags/dup", func(c driver.Conn) (any, error) { return c.NetworkDefineXMLFlags(netXML, 1) }},
	{"Network.SetAutostart", on(testNet, func(n driver.Network) (any, error) { return nil, n.SetAutostart(true) })},
	{"Network.GetAutostart/set", on(testNet, func(n driver.Network) (any, error) { return n.GetAutostart() })},
	{"Network.Create", on(testNet, func(n driver.Network) (any, error) { return nil, n.Create() })},
	{"Network.Create/again", on(testNet, func(n driver.Network) (any, error) { return nil, n.Create() })},
	{"Network.Update", on(testNet, func(n driver.Network) (any, error) {
		// VIR_NETWORK_UPDATE_COMMAND_ADD_LAST, VIR_NETWORK_SECTION_IP_DHCP_HOST
		return nil, n.Update(3, 4, -1, "<host mac='52:54:00:00:00:01' ip='192.168.150.5'/>", 0)
	})},
	{"Network.GetXMLDesc/updated", on(testNet, func(n driver.Network) (any, error) { return n.GetXMLDesc(0) })},
	{"Network.Destroy", on(testNet, func(n driver.Network) (any, error) { return nil, n.Destroy() })},
	{"Network.Undefine", on(testNet, func(n driver.Network) (any, error) { return nil, n.Undefine() })},
	{"NetworkCreateXML", func(c driver.Conn) (any, error) { return c.NetworkCreateXML(netXML) }},
	{"NetworkCreateXML/dup", func(c driver.Conn) (any, error) { return c.NetworkCreateXMLFlags(netXML, 0) }},
	{"Network.IsPersistent/transient", on(testNet, func(n driver.Network) (any, error) { return n.IsPersistent() })},
	{"Network.Destroy/transient", on(testNet, func(n driver.Network) (any, error) { return nil, n.Destroy() })},

	// Storage.
	{"ListStoragePools", func(c driver.Conn) (any, error) { return listed(c.NumOfStoragePools, c.ListStoragePools) }},
	{"ListDefinedStoragePools", func(c driver.Conn) (any, error) { return listed(c.NumOfDefinedStoragePools, c.ListDefinedStoragePools) }},
	{"ListAllStoragePools", func(c driver.Conn) (any, error) { return c.ListAllStoragePools(0) }},
	{"NumOfStoragePools", func(c driver.Conn) (any, error) { return c.NumOfStoragePools() }},
	{"NumOfDefinedStoragePools", func(c driver.Conn) (any, error) { return c.NumOfDefinedStoragePools() }},
	{"StoragePoolLookupByName", func(c driver.Conn) (any, error) { return c.StoragePoolLookupByName("default-pool") }},
	{"StoragePoolLookupByName/missing", func(c driver.Conn) (any, error) { return c.StoragePoolLookupByName("x") }},
	{"StoragePoolLookupByUUID", func(c driver.Conn) (any, error) { return c.StoragePoolLookupByUUID(rawUUID(poolUUID)) }},
	{"StoragePoolLookupByUUIDString", func(c driver.Conn) (any, error) { return c.StoragePoolLookupByUUIDString(poolUUID) }},
	{"StoragePoolLookupByUUIDString/bad", func(c driver.Conn) (any, error) { return c.StoragePoolLookupByUUIDString("1") }},
	{"StoragePoolLookupByTargetPath", func(c driver.Conn) (any, error) {
		return c.StoragePoolLookupByTargetPath("/default-pool")
	}},
	{"FindStoragePoolSources", func(c driver.Conn) (any, error) { return c.FindStoragePoolSources("logical", nil, 0) }},
	{"GetStoragePoolCapabilities", func(c driver.Conn) (any, error) { return c.GetStoragePoolCapabilities(0) }},
	{"StoragePool.GetInfo", on(defaultPool, func(p driver.StoragePool) (any, error) { return p.GetInfo() })},
	{"StoragePool.GetXMLDesc", on(defaultPool, func(p driver.StoragePool) (any, error) { return p.GetXMLDesc(0) })},
	{"StoragePool.GetUUID", on(defaultPool, func(p driver.StoragePool) (any, error) { return p.GetUUID() })},
	{"StoragePool.GetAutostart", on(defaultPool, func(p driver.StoragePool) (any, error) { return p.GetAutostart() })},
	{"StoragePool.IsActive", on(defaultPool, func(p driver.StoragePool) (any, error) { return p.IsActive() })},
	{"StoragePool.IsPersistent", on(defaultPool, func(p driver.StoragePool) (any, error) { return p.IsPersistent() })},
	{"StoragePool.ListVolumes", on(defaultPool, func(p driver.StoragePool) (any, error) { return listed(p.NumOfVolumes, p.ListVolumes) })},
	{"StoragePool.NumOfVolumes", on(defaultPool, func(p driver.StoragePool) (any, error) { return p.NumOfVolumes() })},
	{"StoragePool.Refresh", on(defaultPool, func(p driver.StoragePool) (any, error) { return nil, p.Refresh(0) })},
	{"StoragePoolDefineXML", func(c driver.Conn) (any, error) { return c.StoragePoolDefineXML(poolXML, 0) }},
	{"StoragePool.Build", on(testPool, func(p driver.StoragePool) (any, error) { return nil, p.Build(0) })},
	{"StoragePool.Create", on(testPool, func(p driver.StoragePool) (any, error) { return nil, p.Create(0) })},
	{"StoragePool.SetAutostart", on(testPool, func(p driver.StoragePool) (any, error) { return nil, p.SetAutostart(true) })},
	{"StoragePool.StorageVolCreateXML", on(testPool, func(p driver.StoragePool) (any, error) {
		return p.StorageVolCreateXML(volXML, 0)
	})},
	{"StoragePool.StorageVolCreateXML/dup", on(testPool, func(p driver.StoragePool) (any, error) {
		return p.StorageVolCreateXML(volXML, 0)
	})},
	{"StoragePool.StorageVolCreateXMLFrom", on(testPool, func(p driver.StoragePool) (any, error) {
		v, err := p.StorageVolLookupByName("rconn-vol")
		if err != nil {
			return nil, err
		}
		return p.StorageVolCreateXMLFrom(cloneXML, v, 0)
	})},
	{"StoragePool.ListVolumes/some", on(testPool, func(p driver.StoragePool) (any, error) { return sorted(listed(p.NumOfVolumes, p.ListVolumes)) })},
	{"StoragePool.ListAllVolumes", on(testPool, func(p driver.StoragePool) (any, error) { return sorted(p.ListAllVolumes(0)) })},
	{"StoragePool.StorageVolLookupByName/missing", on(testPool, func(p driver.StoragePool) (any, error) {
		return p.StorageVolLookupByName("nonesuch")
	})},
	{"StorageVolLookupByKey", func(c driver.Conn) (any, error) { return c.StorageVolLookupByKey("/rconn-pool/rconn-vol") }},
	{"StorageVolLookupByPath", func(c driver.Conn) (any, error) { return c.StorageVolLookupByPath("/rconn-pool/rconn-vol") }},
	{"StorageVolLookupByPath/missing", func(c driver.Conn) (any, error) { return c.StorageVolLookupByPath("/nonesuch") }},
	{"StorageVol.GetPath", on(testVol, func(v driver.StorageVol) (any, error) { return v.GetPath() })},
	{"StorageVol.GetXMLDesc", on(testVol, func(v driver.StorageVol) (any, error) { return v.GetXMLDesc(0) })},
	{"StorageVol.GetInfo", on(testVol, func(v driver.StorageVol) (any, error) { return v.GetInfo() })},
	{"StorageVol.GetInfoFlags", on(testVol, func(v driver.StorageVol) (any, error) { return v.GetInfoFlags(1) })},
	{"StorageVol.Resize", on(testVol, func(v driver.StorageVol) (any, error) { return nil, v.Resize(1<<30, 0) })},
	{"StorageVol.Wipe", on(testVol, func(v driver.StorageVol) (any, error) { return nil, v.Wipe(0) })},
	{"StorageVol.WipePattern", on(testVol, func(v driver.StorageVol) (any, error) { return nil, v.WipePattern(1, 0) })},
	{"StorageVol.StoragePoolLookupByVolume", on(testVol, func(v driver.StorageVol) (any, error) {
		return v.StoragePoolLookupByVolume()
	})},
	{"StorageVol.Download", on(testVol, func(v driver.StorageVol) (any, error) {
		st, err := streamNew(v)
		if err != nil {
			return nil, err
		}
		defer st.Free()
		return nil, v.Download(st, 0, 0, 0)
	})},
	{"StorageVol.Upload", on(testVol, func(v driver.StorageVol) (any, error) {
		st, err := streamNew(v)
		if err != nil {
			return nil, err
		}
		defer st.Free()
		return nil, v.Upload(st, 0, 0, 0)
	})},
	{"StorageVol.Delete", on(testVol, func(v driver.StorageVol) (any, error) { return nil, v.Delete(0) })},
	{"StoragePool.Destroy", on(testPool, func(p driver.StoragePool) (any, error) { return nil, p.Destroy() })},
	{"StoragePool.Delete", on(testPool, func(p driver.StoragePool) (any, error) { return nil, p.Delete(0) })},
	{"StoragePool.Undefine", on(testPool, func(p driver.StoragePool) (any, error) { return nil, p.Undefine() })},
	{"StoragePoolCreateXML", func(c driver.Conn) (any, error) { return c.StoragePoolCreateXML(poolXML, 0) }},
	{"StoragePool.Destroy/transient", on(testPool, func(p driver.StoragePool) (any, error) { return nil, p.Destroy() })},

	// Secrets.
	{"ListSecrets", func(c driver.Conn) (any, error) { return listed(c.NumOfSecrets, c.ListSecrets) }},
	{"ListAllSecrets", func(c driver.Conn) (any, error) { return c.ListAllSecrets(0) }},
	{"NumOfSecrets", func(c driver.Conn) (any, error) { return c.NumOfSecrets() }},
	{"SecretDefineXML", func(c driver.Conn) (any, error) { return c.SecretDefineXML(secretXML, 0) }},
	{"SecretLookupByUUID", func(c driver.Conn) (any, error) { return c.SecretLookupByUUID(rawUUID(netUUID)) }},
	{"SecretLookupByUUIDString/bad", func(c driver.Conn) (any, error) { return c.SecretLookupByUUIDString("x") }},
	{"SecretLookupByUsage", func(c driver.Conn) (any, error) { return c.SecretLookupByUsage(1, "/rconn/vol") }},

	// Network filters.
	{"ListNWFilters", func(c driver.Conn) (any, error) { return listed(c.NumOfNWFilters, c.ListNWFilters) }},
	{"ListAllNWFilters", func(c driver.Conn) (any, error) { return c.ListAllNWFilters(0) }},
	{"NumOfNWFilters", func(c driver.Conn) (any, error) { return c.NumOfNWFilters() }},
	{"NWFilterDefineXML", func(c driver.Conn) (any, error) { return c.NWFilterDefineXML(filterXML) }},
	{"NWFilterDefineXMLFlags", func(c driver.Conn) (any, error) { return c.NWFilterDefineXMLFlags(filterXML, 0) }},
	{"NWFilterLookupByName", func(c driver.Conn) (any, error) { return c.NWFilterLookupByName("clean-traffic") }},
	{"NWFilterLookupByUUID", func(c driver.Conn) (any, error) { return c.NWFilterLookupByUUID(rawUUID(netUUID)) }},
	{"NWFilterLookupByUUIDString/bad", func(c driver.Conn) (any, error) { return c.NWFilterLookupByUUIDString("x") }},
	{"NWFilterBindingLookupByPortDev", func(c driver.Conn) (any, error) { return c.NWFilterBindingLookupByPortDev("vnet0") }},
	{"ListAllNWFilterBindings", func(c driver.Conn) (any, error) { return c.ListAllNWFilterBindings(0) }},
	{"NWFilterBindingCreateXML", func(c driver.Conn) (any, error) { return c.NWFilterBindingCreateXML("<filterbinding/>", 0) }},

	// Streams attached to nothing.
	{"StreamNew", func(c driver.Conn) (any, error) { return streamCalls(c, 0) }},
	{"StreamNew/nonblock", func(c driver.Conn) (any, error) { return streamCalls(c, 1) }},

	// Saved images.
	{"DomainRestore", func(c driver.Conn) (any, error) { return nil, c.DomainRestore("/nonexistent/rconn.img") }},
	{"DomainRestoreFlags", func(c driver.Conn) (any, error) {
		return nil, c.DomainRestoreFlags("/nonexistent/rconn.img", "", 0)
	}},
	{"DomainRestoreParams", func(c driver.Conn) (any, error) {
		return nil, c.DomainRestoreParams(driver.SaveParams{File: ptr("/nonexistent/rconn.img")}, 0)
	}},
	{"DomainSaveImageGetXMLDesc", func(c driver.Conn) (any, error) {
		return c.DomainSaveImageGetXMLDesc("/nonexistent/rconn.img", 0)
	}},
	{"DomainSaveImageDefineXML", func(c driver.Conn) (any, error) {
		return nil, c.DomainSaveImageDefineXML("/nonexistent/rconn.img", "<domain/>", 0)
	}},

	// Statistics of many domains.
	{"GetAllDomainStats", func(c driver.Conn) (any, error) { return c.GetAllDomainStats(1, 0) }},
	{"GetAllDomainStats/all", func(c driver.Conn) (any, error) { return c.GetAllDomainStats(0, 0) }},
	{"DomainListGetStats", func(c driver.Conn) (any, error) {
		d, err := c.DomainLookupByName("test")
		if err != nil {
			return nil, err
		}
		return c.DomainListGetStats([]driver.Domain{d}, 1|2, 0)
	}},
	{"DomainListGetStats/empty", func(c driver.Conn) (any, error) { return c.DomainListGetStats(nil, 1, 0) }},
}

// TestConnAreasMatchCgo calls each implemented function of the connection
// areas on the remote backend (a loopback libvirtd serving
// test:///default) and on the cgo backend (test:///default in-process),
// the same node, and compares results and errors.
func TestConnAreasMatchCgo(t *testing.T) {
	d := libvirtdtest.Start(t)
	rc, err := remotebackend.Backend{}.ConnectOpen(d.URI(), false)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	cc, err := cgobackend.New().ConnectOpen("test:///default", false)
	if err != nil {
		t.Fatal(err)
	}
	defer cc.Close()
	for _, c := range []driver.Conn{rc, cc} {
		p, err := c.StoragePoolLookupByName("default-pool")
		if err != nil {
			t.Fatal(err)
		}
		v, err := p.StorageVolCreateXML(`<volume><name>probe</name><capacity>1</capacity></volume>`, 0)
		if err != nil {
			t.Fatal(err)
		}
		streamConns[fmt.Sprintf("%T", v)] = c
		if err := v.Delete(0); err != nil {
			t.Fatal(err)
		}
	}
	for _, ac := range areaCalls {
		want, werr := ac.call(cc)
		got, gerr := ac.call(rc)
		if why, ok := differs[ac.name]; ok {
			t.Logf("%s: not compared: %s", ac.name, why)
			continue
		}
		if werr != nil || gerr != nil {
			compareErrors(t, ac.name, gerr, werr)
			continue
		}
		if w, g := describe(want), describe(got); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: remote %#v, cgo %#v", ac.name, g, w)
		}
	}
}

// compareErrors compares code, message and level, and the domain unless
// the remote one is VIR_FROM_REMOTE: the wire does not carry the daemon's
// domain yet (see wire.errorDetail).
func compareErrors(t *testing.T, name string, got, want error) {
	t.Helper()
	g, gok := driver.AsError(got)
	w, wok := driver.AsError(want)
	if !gok || !wok {
		if (got == nil) != (want == nil) || !gok && !wok && got.Error() != want.Error() {
			t.Errorf("%s: remote error %v, cgo error %v", name, got, want)
		}
		return
	}
	if g.Code != w.Code || g.Message != w.Message || g.Level != w.Level {
		t.Errorf("%s: remote error %d/%d %q, cgo error %d/%d %q", name, g.Code, g.Level, g.Message, w.Code, w.Level, w.Message)
	}
	if g.Domain != w.Domain {
		if g.Domain == fromRemote {
			t.Logf("%s: error domain %d, cgo %d (the wire does not carry it yet)", name, g.Domain, w.Domain)
		} else {
			t.Errorf("%s: remote error domain %d, cgo %d (%q)", name, g.Domain, w.Domain, w.Message)
		}
	}
}
