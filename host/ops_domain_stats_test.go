package host_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
)

// statsDomain opens tests/fixtures/domstats.xml (a private node) and
// returns its running domain vm1.
func statsDomain(t *testing.T) (*host.Session, *host.Object, *host.Object) {
	t.Helper()
	s := checkedSession(t, host.Options{URI: nodeURI(t, "../tests/fixtures/domstats.xml")})
	conn := open(t, s)
	return s, conn, call(t, s, host.ClassConnect, "lookupByName", conn, "vm1").(*host.Object)
}

// TestDomainStatsShapes checks results against libvirt-python's on the
// same fixture (python3 -c 'import libvirt; d =
// libvirt.open("test:///.../domstats.xml").lookupByName("vm1"); ...'):
// values, list/tuple/dict shapes and the order of dict keys.
func TestDomainStatsShapes(t *testing.T) {
	t.Parallel()
	s, conn, d := statsDomain(t)
	for _, tt := range []struct {
		name string
		args []host.Value
		want string
	}{
		{"UUID", nil, `b"<K\x1f>\x9aRL\x1d\x8an_\r+~\x9a\x01"`},
		{"OSType", nil, `"linux"`},
		{"hostname", nil, `"vm1host"`},
		{"isUpdated", nil, `0`},
		{"controlInfo", nil, `[0, 0, 0]`},
		{"getTime", nil, `{"seconds": 627319920, "nseconds": 0}`},
		{"metadata", []host.Value{int64(0), nil}, `"stats fixture"`},
		{"messages", nil, `[]`},
		{"securityLabel", nil, `["libvirt-test", True]`},
		{"fsInfo", nil, `[("/", "vda1", "ext4", ["vda"]), ("/boot", "vda2", "ext4", ["vda"])]`},
		{"getCPUStats", []host.Value{true}, `[{"cpu_time": 48772617035, "user_time": 5540000000, "system_time": 6460000000}]`},
		{"getCPUStats", []host.Value{false}, `[{"cpu_time": 24386308517, "vcpu_time": 23151740627}, {"cpu_time": 24386308518, "vcpu_time": 23151740628}]`},
		{"schedulerType", nil, `("fair", 1)`},
		{"schedulerParameters", nil, `{"weight": 50}`},
		{"maxVcpus", nil, `4`},
		{"vcpusFlags", nil, `2`},
		{"vcpuPinInfo", nil, `[(True, True, True, True, True, True, True, True), (True, True, True, True, True, True, True, True)]`},
		{"emulatorPinInfo", nil, `(True, True, True, True, True, True, True, True)`},
		{"ioThreadInfo", nil, `[(1, [True, True, False, False, False, False, False, False]), (2, [True, True, False, False, False, False, False, False])]`},
		{"memoryParameters", nil, `{"hard_limit": 9007199254740991, "soft_limit": 9007199254740991, "swap_hard_limit": 9007199254740991}`},
		{"memoryStats", nil, `{"actual": 1048576, "swap_in": 0, "swap_out": 0, "major_fault": 0, "minor_fault": 0, "unused": 524288, "available": 1048576, "usable": 524288, "last_update": 627319920, "disk_caches": 131072, "hugetlb_pgalloc": 0, "hugetlb_pgfail": 0, "rss": 524288}`},
		{"numaParameters", nil, `{"numa_mode": 0, "numa_nodeset": ""}`},
		{"memoryPeek", []host.Value{int64(0), int64(4), int64(1)}, `b"\x00\x01\x02\x03"`},
		{"blkioParameters", nil, `{"weight": 0, "device_weight": "", "device_read_iops_sec": "", "device_write_iops_sec": "", "device_read_bytes_sec": "", "device_write_bytes_sec": ""}`},
		{"blockInfo", []host.Value{"vda"}, `[1099506450432, 1099511627776, 1099511627776]`},
		{"blockIoTune", []host.Value{"vda"}, `{"total_bytes_sec": 0, "read_bytes_sec": 0, "write_bytes_sec": 0, "total_iops_sec": 0, "read_iops_sec": 0, "write_iops_sec": 0, "total_bytes_sec_max": 0, "read_bytes_sec_max": 0, "write_bytes_sec_max": 0, "total_iops_sec_max": 0, "read_iops_sec_max": 0, "write_iops_sec_max": 0, "size_iops_sec": 0, "group_name": "", "total_bytes_sec_max_length": 0, "read_bytes_sec_max_length": 0, "write_bytes_sec_max_length": 0, "total_iops_sec_max_length": 0, "read_iops_sec_max_length": 0, "write_iops_sec_max_length": 0}`},
		{"diskErrors", nil, `{"vda": 1, "vdb": 2}`},
		{"interfaceAddresses", []host.Value{int64(0)}, `{"vm1-net0": {"addrs": [{"addr": "192.168.122.3", "prefix": 24, "type": 0}], "hwaddr": "52:54:00:12:34:56"}}`},
		{"interfaceParameters", []host.Value{"vm1-net0"}, `{"inbound.average": 0, "inbound.peak": 0, "inbound.burst": 0, "inbound.floor": 0, "outbound.average": 0, "outbound.peak": 0, "outbound.burst": 0}`},
	} {
		v, err := callErr(s, host.ClassDomain, tt.name, d, tt.args...)
		if err != nil {
			t.Errorf("%s%s: %v", tt.name, host.Repr(host.Tuple(tt.args)), err)
			continue
		}
		if got := host.Repr(v); got != tt.want {
			t.Errorf("%s%s = %s\nwant %s", tt.name, host.Repr(host.Tuple(tt.args)), got, tt.want)
		}
	}

	perf := host.Repr(call(t, s, host.ClassDomain, "perfEvents", d))
	if !strings.HasPrefix(perf, `{"cmt": False, "mbmt": False, "mbml": False, "cpu_cycles": False, "instructions": False,`) ||
		!strings.HasSuffix(perf, `"alignment_faults": False, "emulation_faults": False}`) {
		t.Errorf("perfEvents = %s", perf)
	}

	// The test driver's counters follow the clock: check their shape, and
	// that errs (which libvirt.org/go/libvirt drops) is there.
	bs := call(t, s, host.ClassDomain, "blockStats", d, "vda").(host.Tuple)
	if len(bs) != 5 || bs[4].(int64) <= 0 {
		t.Errorf("blockStats = %s, want 5 ints, errs > 0", host.Repr(bs))
	}
	is := call(t, s, host.ClassDomain, "interfaceStats", d, "vm1-net0").(host.Tuple)
	if len(is) != 8 {
		t.Errorf("interfaceStats = %s, want 8 ints", host.Repr(is))
	}
	vs := call(t, s, host.ClassDomain, "vcpus", d).(host.Tuple)
	if got := host.Repr(vs[1]); len(vs) != 2 || len(vs[0].([]host.Value)) != 2 ||
		got != `[(True, True, True, True, True, True, True, True), (True, True, True, True, True, True, True, True)]` {
		t.Errorf("vcpus = %s", host.Repr(vs))
	}

	// libvirt lists domains in no defined order.
	all := call(t, s, host.ClassConnect, "getAllDomainStats", conn).([]host.Value)
	slices.SortFunc(all, func(a, b host.Value) int { return strings.Compare(host.Repr(a), host.Repr(b)) })
	if got, want := host.Repr(all), `[(<virDomain vm1>, {"state.state": 1, "state.reason": 0, "iothread.count": 2, "iothread.1.poll-max-ns": 32768, "iothread.1.poll-grow": 0, "iothread.1.poll-shrink": 0, "iothread.2.poll-max-ns": 32768, "iothread.2.poll-grow": 0, "iothread.2.poll-shrink": 0}), (<virDomain vm2>, {"state.state": 5, "state.reason": 0})]`; got != want {
		t.Errorf("getAllDomainStats() = %s\nwant %s", got, want)
	}
	one := host.Repr(call(t, s, host.ClassConnect, "domainListGetStats", conn, []host.Value{d}, int64(1)))
	if want := `[(<virDomain vm1>, {"state.state": 1, "state.reason": 0})]`; one != want {
		t.Errorf("domainListGetStats([vm1], 1) = %s\nwant %s", one, want)
	}
}

// TestDomainStatsErrors: libvirt's own errors, and the refusals libvirt-python
// makes before calling libvirt.
func TestDomainStatsErrors(t *testing.T) {
	t.Parallel()
	s, conn, d := statsDomain(t)
	for _, tt := range []struct {
		class, name string
		recv        *host.Object
		args        []host.Value
		want        string
		libvirt     bool
	}{
		{host.ClassDomain, "schedulerParametersFlags", d, nil, "virDomain.schedulerParametersFlags: unsupported flags (0x4) in function testDomainGetSchedulerParametersFlags", true},
		{host.ClassConnect, "domainListGetStats", conn, []host.Value{[]host.Value{}}, "virConnect.domainListGetStats: invalid argument: doms array in virDomainListGetStats must contain at least one domain", true},
		{host.ClassDomain, "interfaceAddresses", d, []host.Value{int64(0), int64(1)}, "unsupported flags (0x1)", true},
		{host.ClassDomain, "setMemoryParameters", d, []host.Value{dict("min_guarantee", int64(1))},
			`virDomain.setMemoryParameters: key "min_guarantee" in params is not one the driver reports: want one of hard_limit, soft_limit, swap_hard_limit`, false},
		{host.ClassDomain, "setMemoryParameters", d, []host.Value{dict("hard_limit", "1G")},
			`virDomain.setMemoryParameters: for key "hard_limit" in params: got string, want int from 0 to 9223372036854775807`, false},
		{host.ClassDomain, "setBlkioParameters", d, []host.Value{dict("wieght", int64(1))},
			`virDomain.setBlkioParameters: unknown key "wieght" in params: want one of weight, device_weight,`, false},
		{host.ClassDomain, "setBlockIoTune", d, []host.Value{"vda", host.NewMap()},
			`virDomain.setBlockIoTune: params must not be empty`, false},
		{host.ClassDomain, "setTime", d, []host.Value{nil}, "virDomain.setTime: for parameter time (flags 0): got None, want dict", false},
		{host.ClassDomain, "setTime", d, []host.Value{dict("nseconds", int64(1))}, "virDomain.setTime: time must contain 'seconds'", false},
		{host.ClassDomain, "setVcpu", d, []host.Value{"1-", int64(1)}, `virDomain.setVcpu: for parameter vcpumap: invalid CPU list "1-": want a CPU number`, false},
		{host.ClassDomain, "pinVcpu", d, []host.Value{int64(0), []host.Value{"yes"}}, "virDomain.pinVcpu: for parameter cpumap: item 0: got string, want bool", false},
		{host.ClassDomain, "memoryPeek", d, []host.Value{int64(0), int64(1) << 40, int64(1)}, "virDomain.memoryPeek: for parameter size: 1099511627776 bytes is more than", false},
		{host.ClassConnect, "domainListGetStats", conn, []host.Value{[]host.Value{conn}}, "virConnect.domainListGetStats: for parameter doms: item 0: got virConnect, want virDomain", false},
	} {
		_, err := callErr(s, tt.class, tt.name, tt.recv, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s%s: got %v, want %q", tt.name, host.Repr(host.Tuple(tt.args)), err, tt.want)
			continue
		}
		if _, isLibvirt := host.AsError(err); isLibvirt != tt.libvirt {
			t.Errorf("%s: %T, libvirt error %v, want %v", tt.name, err, isLibvirt, tt.libvirt)
		}
	}
}

// TestDomainStatsSetters changes tunables and reads them back.
func TestDomainStatsSetters(t *testing.T) {
	t.Parallel()
	s, _, d := statsDomain(t)
	set := func(name string, args ...host.Value) {
		t.Helper()
		if got := call(t, s, host.ClassDomain, name, d, args...); got != int64(0) {
			t.Errorf("%s returned %v", name, got)
		}
	}
	get := func(want, name string, args ...host.Value) {
		t.Helper()
		if got := host.Repr(call(t, s, host.ClassDomain, name, d, args...)); got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	set("setMemoryParameters", dict("soft_limit", int64(524288), "hard_limit", int64(1048576)))
	get(`{"hard_limit": 1048576, "soft_limit": 524288, "swap_hard_limit": 9007199254740991}`, "memoryParameters")
	set("setBlkioParameters", dict("weight", int64(500), "device_weight", "/dev/sda,100"))
	get(`{"weight": 500, "device_weight": "/dev/sda,100", "device_read_iops_sec": "", "device_write_iops_sec": "", "device_read_bytes_sec": "", "device_write_bytes_sec": ""}`, "blkioParameters")
	set("setNumaParameters", dict("numa_nodeset", "0", "numa_mode", int64(1)))
	get(`{"numa_mode": 1, "numa_nodeset": "0"}`, "numaParameters")
	set("setPerfEvents", dict("cpu_cycles", true))
	if p := call(t, s, host.ClassDomain, "perfEvents", d).(*host.Map); true {
		if v, _ := p.Get("cpu_cycles"); v != true {
			t.Errorf("cpu_cycles = %v after setPerfEvents", v)
		}
	}
	set("setInterfaceParameters", "vm1-net0", dict("inbound.average", int64(100)))
	get(`{"inbound.average": 100, "inbound.peak": 0, "inbound.burst": 0, "inbound.floor": 0, "outbound.average": 0, "outbound.peak": 0, "outbound.burst": 0}`, "interfaceParameters", "vm1-net0")
	set("setBlockIoTune", "vda", dict("total_bytes_sec", int64(1000), "total_bytes_sec_max", int64(2000), "group_name", "g1"))
	if io := call(t, s, host.ClassDomain, "blockIoTune", d, "vda").(*host.Map); true {
		v1, _ := io.Get("total_bytes_sec")
		v2, _ := io.Get("group_name")
		if v1 != int64(1000) || v2 != "g1" {
			t.Errorf("blockIoTune after set: %s", host.Repr(io))
		}
	}
	set("setTime", dict("seconds", int64(100), "nseconds", int64(5)))
	get(`{"seconds": 100, "nseconds": 5}`, "getTime")
	set("pinVcpu", int64(0), host.Tuple{true, false, true})
	set("pinEmulator", []host.Value{true, false, false, true, false, false, false, false, true, true})
	get(`(True, False, False, True, False, False, False, False)`, "emulatorPinInfo")
	set("addIOThread", int64(5))
	set("pinIOThread", int64(1), []host.Value{false, false, true})
	set("delIOThread", int64(2))
	get(`[(1, [False, False, True, False, False, False, False, False]), (5, [True, True, False, False, False, False, False, False])]`, "ioThreadInfo")
	set("setIOThreadParams", int64(1), dict("poll_max_ns", int64(100), "poll_grow", int64(2)))
	set("setVcpus", int64(1))
	get(`[(True, False, True, False, False, False, False, False)]`, "vcpuPinInfo")
	set("setMetadata", int64(1), "My title", nil, nil)
	get(`"My title"`, "metadata", int64(1), nil)
	set("setMemoryStatsPeriod", int64(5))
}
