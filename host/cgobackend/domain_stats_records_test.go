package cgobackend

import (
	"fmt"
	"strings"
	"testing"

	"libvirt.org/go/libvirt"

	"vertscript/host"
)

func formatParams(ps []host.TypedParam) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "%s=%v\n", p.Name, p.Value)
	}
	return b.String()
}

// TestStatsParams flattens a record back into libvirt's flat names, in
// libvirt's order, with the counts rebuilt from the lists.
func TestStatsParams(t *testing.T) {
	s := libvirt.DomainStats{
		State: &libvirt.DomainStatsState{StateSet: true, State: libvirt.DOMAIN_RUNNING, ReasonSet: true, Reason: 1},
		Cpu:   &libvirt.DomainStatsCPU{TimeSet: true, Time: 100, UserSet: true, User: 60, SystemSet: true, System: 40},
		Balloon: &libvirt.DomainStatsBalloon{CurrentSet: true, Current: 1024, MaximumSet: true, Maximum: 2048,
			RssSet: true, Rss: 512, LastUpdateSet: true, LastUpdate: 7},
		Vcpu: []libvirt.DomainStatsVcpu{
			{StateSet: true, State: libvirt.VCPU_RUNNING, TimeSet: true, Time: 5, DelaySet: true, Delay: 1, HaltedSet: true, Halted: true},
			{StateSet: true, State: libvirt.VCPU_OFFLINE}, // what the binding makes of a vCPU with no statistics
		},
		Net: []libvirt.DomainStatsNet{{NameSet: true, Name: "vnet0", RxBytesSet: true, RxBytes: 10, TxDropSet: true, TxDrop: 0}},
		Block: []libvirt.DomainStatsBlock{
			{NameSet: true, Name: "vda", PathSet: true, Path: "/img", RdReqsSet: true, RdReqs: 3, CapacitySet: true, Capacity: 1 << 30},
			{NameSet: true, Name: "vda", BackingIndexSet: true, BackingIndex: 1},
		},
		Perf:      &libvirt.DomainStatsPerf{CpuCyclesSet: true, CpuCycles: 9, CmtSet: true, Cmt: 8},
		DirtyRate: &libvirt.DomainStatsDirtyRate{CalcStatusSet: true, CalcStatus: 2},
		VM:        []libvirt.TypedParamValue{{Name: "custom", ULong: ptr(uint64(4))}},
	}
	want := `state.state=1
state.reason=1
cpu.time=100
cpu.user=60
cpu.system=40
balloon.current=1024
balloon.maximum=2048
balloon.last-update=7
balloon.rss=512
vcpu.current=1
vcpu.maximum=2
vcpu.0.state=1
vcpu.0.time=5
vcpu.0.delay=1
vcpu.0.halted=true
net.count=1
net.0.name=vnet0
net.0.rx.bytes=10
net.0.tx.drop=0
block.count=2
block.0.name=vda
block.0.path=/img
block.0.rd.reqs=3
block.0.capacity=1073741824
block.1.name=vda
block.1.backingIndex=1
perf.cmt=8
perf.cpu_cycles=9
dirtyrate.calc_status=2
vm.custom=4
`
	if got := formatParams(statsParams(&s)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, p := range statsParams(&s) {
		switch p.Value.(type) {
		case int64, bool, string, float64:
		default:
			t.Errorf("%s is a %T", p.Name, p.Value)
		}
	}
}

// TestStatsParamsInactive: a domain whose vCPUs have no statistics gets
// its vcpu.maximum, and no vcpu.current the binding cannot tell.
func TestStatsParamsInactive(t *testing.T) {
	s := libvirt.DomainStats{Vcpu: []libvirt.DomainStatsVcpu{{StateSet: true}, {StateSet: true}}}
	if got := formatParams(statsParams(&s)); got != "vcpu.maximum=2\n" {
		t.Errorf("got %q", got)
	}
}

func TestGuestInfoParams(t *testing.T) {
	g := libvirt.DomainGuestInfo{
		Users:       []libvirt.DomainGuestInfoUser{{NameSet: true, Name: "root", LoginTimeSet: true, LoginTime: 5}},
		OS:          &libvirt.DomainGuestInfoOS{IDSet: true, ID: "fedora"},
		TimeZone:    &libvirt.DomainGuestInfoTimeZone{NameSet: true, Name: "UTC", OffsetSet: true, Offset: 0},
		HostnameSet: true, Hostname: "guest",
		FileSystems: []libvirt.DomainGuestInfoFileSystem{{MountPointSet: true, MountPoint: "/",
			Disks: []libvirt.DomainGuestInfoFileSystemDisk{{AliasSet: true, Alias: "vda"}}}},
		Interfaces: []libvirt.DomainGuestInfoInterface{{NameSet: true, Name: "eth0",
			Addrs: []libvirt.DomainGuestInfoIPAddress{{TypeSet: true, Type: "ipv4", PrefixSet: true, Prefix: 24}}}},
	}
	want := `user.count=1
user.0.name=root
user.0.login-time=5
os.id=fedora
timezone.name=UTC
timezone.offset=0
hostname=guest
fs.count=1
fs.0.mountpoint=/
fs.0.disk.count=1
fs.0.disk.0.alias=vda
if.count=1
if.0.name=eth0
if.0.addr.count=1
if.0.addr.0.type=ipv4
if.0.addr.0.prefix=24
`
	if got := formatParams(guestInfoParams(&g)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func ptr[T any](v T) *T { return &v }

func TestFitCPUMap(t *testing.T) {
	for _, tt := range []struct {
		in   []bool
		n    int
		want string
	}{
		{[]bool{true, false, true}, 2, "[true false]"},
		{[]bool{true}, 3, "[true false false]"},
		{nil, 2, "[false false]"},
	} {
		if got := fmt.Sprint(fitCPUMap(tt.in, tt.n)); got != tt.want {
			t.Errorf("fitCPUMap(%v, %d) = %s, want %s", tt.in, tt.n, got, tt.want)
		}
	}
}
