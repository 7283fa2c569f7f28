package host_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// hostFixtureURI is tests/fixtures/host.xml: interfaces and node devices.
func hostFixtureURI(t *testing.T) string { return nodeURI(t, "../tests/fixtures/host.xml") }

func intMap(kv ...int64) *host.IntMap {
	m := host.NewIntMap()
	for i := 0; i < len(kv); i += 2 {
		m.Set(kv[i], kv[i+1])
	}
	return m
}

func wantExactArgError(t *testing.T, err error, want string) {
	t.Helper()
	var ae *host.ArgError
	if !errors.As(err, &ae) || err.Error() != want {
		t.Errorf("got error %v, want ArgError %q", err, want)
	}
}

func wantLibvirtError(t *testing.T, err error, code int, want string) {
	t.Helper()
	e, ok := host.AsError(err)
	if !ok || e.Code != code || err.Error() != want {
		t.Errorf("got error %v, want libvirt error %d %q", err, code, want)
	}
}

// TestHostArguments checks the arguments that libvirt-python refuses
// before it calls libvirt, and the shapes of the results.
func TestHostArguments(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)

	got := call(t, s, host.ClassConnect, "getCPUMap", conn)
	want := host.Tuple{int64(8), []host.Value{true, false, true, false, true, false, false, false}, int64(3)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("getCPUMap() = %s, want %s", host.Repr(got), host.Repr(want))
	}

	_, err := callErr(s, host.ClassConnect, "getCellsFreeMemory", conn, int64(0), int64(0))
	wantLibvirtError(t, err, 8, "virConnect.getCellsFreeMemory: invalid argument: startCell must be 0 or more, maxCells more than 0, and startCell + maxCells at most 10000; got 0 and 0")
	_, err = callErr(s, host.ClassConnect, "getCellsFreeMemory", conn, int64(1)<<31, int64(1))
	wantExactArgError(t, err, "virConnect.getCellsFreeMemory: for parameter startCell: 2147483648 does not fit a C int")

	_, err = callErr(s, host.ClassConnect, "getFreePages", conn, []host.Value{int64(4)}, int64(0), int64(0))
	wantExactArgError(t, err, "virConnect.getFreePages: maxCells must not be zero")
	_, err = callErr(s, host.ClassConnect, "getFreePages", conn, []host.Value{"4"}, int64(0), int64(1))
	wantExactArgError(t, err, "virConnect.getFreePages: for parameter pages: item 0: got string, want int from 0 to 4294967295")
	if got := call(t, s, host.ClassConnect, "getFreePages", conn, []host.Value{int64(4)}, int64(0), int64(1)); host.Repr(got) != "{}" {
		t.Errorf("getFreePages() on the test driver = %s, want {} (it reports no counts)", host.Repr(got))
	}

	_, err = callErr(s, host.ClassConnect, "allocPages", conn, host.NewIntMap())
	wantExactArgError(t, err, "virConnect.allocPages: need a non-empty dictionary of pages ({page size KiB: count})")
	_, err = callErr(s, host.ClassConnect, "allocPages", conn, intMap(1<<32, 1))
	wantExactArgError(t, err, "virConnect.allocPages: for parameter pages: page size 4294967296 is out of range (0 to 4294967295)")
	_, err = callErr(s, host.ClassConnect, "allocPages", conn, intMap(2048, -1))
	wantExactArgError(t, err, "virConnect.allocPages: for parameter pages: count of page size 2048: got int, want int from 0 to 9223372036854775807")
	_, err = callErr(s, host.ClassConnect, "allocPages", conn, intMap(2048, 8), int64(0), int64(1))
	wantLibvirtError(t, err, 3, "virConnect.allocPages: this function is not supported by the connection driver: virNodeAllocPages")

	_, err = callErr(s, host.ClassConnect, "lookupByUUID", conn, host.Bytes("short"))
	wantLibvirtError(t, err, 8, "virConnect.lookupByUUID: invalid argument: uuid must be 16 bytes, got 5")
	uuid := host.Bytes("\x11\x11\x11\x11\x22\x22\x33\x33\x44\x44\x55\x55\x55\x55\x55\x55")
	if d := call(t, s, host.ClassConnect, "lookupByUUID", conn, uuid).(*host.Object); d.String() != "<virDomain alpha>" {
		t.Errorf("lookupByUUID() = %s, want <virDomain alpha>", d)
	}

	// Like libvirt-python, setMemoryParameters reads the parameters first.
	_, err = callErr(s, host.ClassConnect, "setMemoryParameters", conn, host.NewMap())
	wantExactArgError(t, err, "virConnect.setMemoryParameters: need a non-empty dictionary to set attributes")
	m := host.NewMap()
	m.Set("shm_pages_to_scan", int64(100))
	_, err = callErr(s, host.ClassConnect, "setMemoryParameters", conn, m)
	wantLibvirtError(t, err, 3, "virConnect.setMemoryParameters: this function is not supported by the connection driver: virNodeGetMemoryParameters")

	m = host.NewMap()
	m.Set("user-nam", "alice")
	_, err = callErr(s, host.ClassConnect, "setIdentity", conn, m)
	wantExactArgError(t, err, `virConnect.setIdentity: unknown key "user-nam" in params: want one of user-name, unix-user-id, group-name, unix-group-id, process-id, process-time, sasl-user-name, x509-distinguished-name, selinux-context`)
}

// TestNodeDevicesAndInterfaces lists, looks up and frees interfaces and
// node devices; the session's cleanup checks that every handle is freed.
func TestNodeDevicesAndInterfaces(t *testing.T) {
	t.Parallel()
	s := checkedSession(t, host.Options{URI: hostFixtureURI(t)})
	conn := open(t, s)
	if n := call(t, s, host.ClassConnect, "numOfDevices", conn, nil); n != int64(5) {
		t.Errorf("numOfDevices(None) = %v, want 5", n)
	}
	if n := call(t, s, host.ClassConnect, "numOfDevices", conn, ""); n != int64(0) {
		t.Errorf(`numOfDevices("") = %v, want 0: no capability is named ""`, n)
	}
	devs := call(t, s, host.ClassConnect, "listAllDevices", conn).([]host.Value)
	parents := map[string]host.Value{}
	for _, d := range devs {
		o := d.(*host.Object)
		parents[call(t, s, host.ClassNodeDevice, "name", o).(string)] = call(t, s, host.ClassNodeDevice, "parent", o)
	}
	wantParents := map[string]host.Value{"computer": nil, "pci_0000_00_19_0": "computer",
		"net_eth0_52_54_00_aa_00_01": "pci_0000_00_19_0", "scsi_host1": "computer", "scsi_host11": "scsi_host1"}
	if !reflect.DeepEqual(parents, wantParents) {
		t.Errorf("parents: got %v, want %v", parents, wantParents)
	}
	// A repeated lookup returns the same object.
	pci := call(t, s, host.ClassConnect, "nodeDeviceLookupByName", conn, "pci_0000_00_19_0")
	again := call(t, s, host.ClassConnect, "listAllDevices", conn, int64(1<<1)).([]host.Value) // VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV
	if len(again) != 1 || again[0] != pci {
		t.Errorf("listAllDevices(PCI_DEV) = %v, want [%v]", again, pci)
	}
	eth0 := call(t, s, host.ClassConnect, "interfaceLookupByMACString", conn, "52:54:00:aa:00:01")
	if call(t, s, host.ClassConnect, "interfaceLookupByName", conn, "eth0") != eth0 {
		t.Errorf("interfaceLookupByName(eth0) is not the object interfaceLookupByMACString returned")
	}
	if got := call(t, s, host.ClassInterface, "connect", eth0.(*host.Object)); got != conn {
		t.Errorf("connect() = %v, want %v", got, conn)
	}
}

// TestDryRunPlansInterfacesAndDevices checks the objects a dry run plans
// for interfaceDefineXML and nodeDeviceCreateXML.
func TestDryRunPlansInterfacesAndDevices(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: hostFixtureURI(t), DryRun: true})
	defer s.Close()
	conn := open(t, s)
	eth0 := call(t, s, host.ClassConnect, "interfaceLookupByName", conn, "eth0")
	if got := call(t, s, host.ClassConnect, "interfaceDefineXML", conn, "<interface type='ethernet' name='eth0'/>"); got != eth0 {
		t.Errorf("dry-run redefinition of eth0 returned %v, want %v", got, eth0)
	}
	eth5 := call(t, s, host.ClassConnect, "interfaceDefineXML", conn, "<interface type='ethernet' name='eth5'/>").(*host.Object)
	if eth5.String() != "<virInterface eth5>" || call(t, s, host.ClassInterface, "name", eth5) != "eth5" {
		t.Errorf("planned interface %s", eth5)
	}
	if got := call(t, s, host.ClassInterface, "create", eth5); got != int64(0) {
		t.Errorf("dry-run create() = %v, want 0", got)
	}
	_, err := callErr(s, host.ClassInterface, "MACString", eth5)
	var pe *host.PlannedError
	if !errors.As(err, &pe) {
		t.Errorf("MACString() of a planned interface: got %v, want a PlannedError", err)
	}
	vhba := call(t, s, host.ClassConnect, "nodeDeviceCreateXML", conn, "<device><parent>scsi_host1</parent></device>").(*host.Object)
	if vhba.String() != "<virNodeDevice (unnamed)>" {
		t.Errorf("planned device %s", vhba)
	}
	if n := call(t, s, host.ClassConnect, "numOfDefinedInterfaces", conn); n != int64(0) {
		t.Errorf("numOfDefinedInterfaces() = %v: the dry run defined something", n)
	}
	if n := call(t, s, host.ClassConnect, "numOfDevices", conn, nil); n != int64(5) {
		t.Errorf("numOfDevices(None) = %v: the dry run created something", n)
	}
	if n := len(s.Plan()); n != 4 {
		t.Errorf("the plan has %d entries, want 4", n)
	}
}
