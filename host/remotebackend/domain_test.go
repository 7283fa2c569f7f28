//go:build cgo

package remotebackend_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"testing"

	"github.com/vertscript/vertscript/host/cgobackend"
	"github.com/vertscript/vertscript/host/driver"
	"github.com/vertscript/vertscript/host/remotebackend"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// libvirt's flags the rows use.
const (
	affectLive    = 1 // VIR_DOMAIN_AFFECT_LIVE
	affectConfig  = 2 // VIR_DOMAIN_AFFECT_CONFIG
	vcpuMaximum   = 4 // VIR_DOMAIN_VCPU_MAXIMUM
	xmlInactive   = 2 // VIR_DOMAIN_XML_INACTIVE
	metaDesc      = 0 // VIR_DOMAIN_METADATA_DESCRIPTION
	metaElement   = 2 // VIR_DOMAIN_METADATA_ELEMENT
	memVirtual    = 1 // VIR_MEMORY_VIRTUAL
	leaseSource   = 0 // VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE
	snapListRoots = 1 // VIR_DOMAIN_SNAPSHOT_LIST_ROOTS

	migrateP2P              = 1 << 1  // VIR_MIGRATE_PEER2PEER
	migrateTunnelled        = 1 << 2  // VIR_MIGRATE_TUNNELLED
	migrateNonSharedDisk    = 1 << 6  // VIR_MIGRATE_NON_SHARED_DISK
	migrateNonSharedInc     = 1 << 7  // VIR_MIGRATE_NON_SHARED_INC
	migrateChangeProtection = 1 << 8  // VIR_MIGRATE_CHANGE_PROTECTION
	migrateOffline          = 1 << 10 // VIR_MIGRATE_OFFLINE
)

// side is one backend's connection to a test:///default node and its
// domain "test".
type side struct {
	name string
	c    driver.Conn
	d    driver.Domain
	dir  string // a directory for files the node writes
}

// domainRow is one call, made on each backend; rows run in order, so a
// row that changes the domain reads back what it changed.
type domainRow struct {
	name string
	call func(s *side) (any, error)
}

// daemonDiffers are the rows where libvirt's own remote client differs
// from the test driver in-process, and why: they are compared with the
// cgo backend through a daemon only.
var daemonDiffers = map[string]string{
	"GetSecurityLabelList": "libvirtd drops the driver's error and answers -1: libvirt's client says the cause is unknown",
	"MemoryPeek/large":     "the protocol carries at most 4 MiB a peek",
	"GetCPUStats/many":     "the protocol carries at most 128 CPUs a call",
	"BlockPeek/large":      "the protocol carries at most 4 MiB a peek",
}

// clientDiffers are the rows where the remote backend follows the test
// driver in-process rather than libvirt's remote client, and why: they
// are compared with the cgo backend in-process only.
var clientDiffers = map[string]string{
	"DestroyFlags": "the handle's ID becomes -1, as after Destroy (libvirt's remote client resets it after Destroy only)",
	"Rename":       "the handle keeps its name (libvirt's remote client renames it)",
}

// defaultNode is test:///default's domain "test", as a node of its own:
// each connection to a node file has a private copy, where test:///default
// in-process is shared by every test of the process.
const defaultNode = `<node>
  <domain type='test'>
    <name>test</name>
    <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
    <memory unit='KiB'>8388608</memory>
    <currentMemory unit='KiB'>2097152</currentMemory>
    <vcpu placement='static'>2</vcpu>
    <os>
      <type arch='i686'>hvm</type>
      <boot dev='hd'/>
    </os>
    <clock offset='utc'/>
    <on_poweroff>destroy</on_poweroff>
    <on_reboot>restart</on_reboot>
    <on_crash>destroy</on_crash>
    <devices>
      <disk type='file' device='disk'>
        <source file='/guest/diskimage1'/>
        <target dev='vda' bus='virtio'/>
        <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
      </disk>
      <interface type='network'>
        <mac address='aa:bb:cc:dd:ee:ff'/>
        <source network='default'/>
        <target dev='testnet0'/>
        <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>
      </interface>
      <memballoon model='virtio'>
        <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>
      </memballoon>
    </devices>
  </domain>
</node>
`

// TestDomainAreasMatchCgo runs each row on the remote backend (a loopback
// libvirtd serving the test driver) and on the cgo backend twice: opening
// the test driver in-process (the same initial node), and through the
// libvirtd (libvirt's own remote client), and compares results and
// errors. Each connection has a node of its own, defaultNode.
func TestDomainAreasMatchCgo(t *testing.T) {
	node := filepath.Join(t.TempDir(), "node.xml")
	if err := os.WriteFile(node, []byte(defaultNode), 0o644); err != nil {
		t.Fatal(err)
	}
	daemon := fmt.Sprintf("test+tcp://127.0.0.1:%d%s", libvirtdtest.Start(t).Port, node)
	uris := []string{daemon, "test://" + node, daemon}
	sides := []*side{{name: "remote"}, {name: "cgo"}, {name: "cgo-daemon"}}
	for i, s := range sides {
		var err error
		if i == 0 {
			s.c, err = remotebackend.Backend{}.ConnectOpen(uris[i], false)
		} else {
			s.c, err = cgobackend.New().ConnectOpen(uris[i], false)
		}
		if err != nil {
			t.Fatal(err)
		}
		defer s.c.Close()
		if s.d, err = s.c.DomainLookupByName("test"); err != nil {
			t.Fatal(err)
		}
		s.dir = filepath.Join(t.TempDir(), s.name)
		if err := os.Mkdir(s.dir, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	domains := []bool{false, errorDomainsAgree(t, sides[0].c, sides[1].c), errorDomainsAgree(t, sides[0].c, sides[2].c)}
	for _, r := range domainRows() {
		t.Run(r.name, func(t *testing.T) {
			got, gotErr := r.call(sides[0])
			for i, s := range sides[1:] {
				want, wantErr := r.call(s)
				if s.name == "cgo" && daemonDiffers[r.name] != "" || s.name == "cgo-daemon" && clientDiffers[r.name] != "" {
					continue
				}
				if g, w := errKey(gotErr, domains[i+1]), errKey(wantErr, domains[i+1]); g != w {
					t.Errorf("error:\nremote  %s\n%-7s %s", g, s.name, w)
					continue
				}
				if gotErr == nil && !reflect.DeepEqual(got, want) {
					t.Errorf("result:\nremote  %#v\n%-7s %#v", got, s.name, want)
				}
			}
		})
	}
}

// errorDomainsAgree reports whether the remote backend reports libvirt's
// error domains as the cgo backend does (the daemon's error domain crosses
// the wire only with a newer wire layer); when not, errors are compared by
// code and message only.
func errorDomainsAgree(t *testing.T, rc, cc driver.Conn) bool {
	_, rerr := rc.DomainLookupByName("nonesuch")
	_, cerr := cc.DomainLookupByName("nonesuch")
	re, _ := driver.AsError(rerr)
	ce, _ := driver.AsError(cerr)
	if re == nil || ce == nil || re.Domain != ce.Domain {
		t.Logf("error domains differ (remote %v, cgo %v): comparing errors by code and message", rerr, cerr)
		return false
	}
	return true
}

// errKey is what the rows compare of an error: libvirt's code, domain
// (when domains) and message.
func errKey(err error, domains bool) string {
	if err == nil {
		return "<nil>"
	}
	e, ok := driver.AsError(err)
	if !ok {
		return "not a libvirt error: " + err.Error()
	}
	if !domains {
		return fmt.Sprintf("code %d: %s", e.Code, e.Message)
	}
	return fmt.Sprintf("code %d domain %d: %s", e.Code, e.Domain, e.Message)
}

// both is a pair of results.
type both []any

// snapNames are the names of snapshots.
func snapNames(l []driver.Snapshot, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	out := make([]string, len(l))
	for i, s := range l {
		out[i], _ = s.GetName()
	}
	sort.Strings(out) // the test driver lists them in its hash table's order
	return out, nil
}

// snapName is a snapshot's name.
func snapName(s driver.Snapshot, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return s.GetName()
}

// checkpointNames are the names of checkpoints.
func checkpointNames(l []driver.Checkpoint, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	out := make([]string, len(l))
	for i, c := range l {
		out[i], _ = c.GetName()
	}
	sort.Strings(out)
	return out, nil
}

// checkpointName is a checkpoint's name.
func checkpointName(c driver.Checkpoint, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return c.GetName()
}

// sign keeps what a counter that moves with the clock says: reported
// (0) or not (-1).
func sign(v int64) int64 {
	if v < 0 {
		return -1
	}
	return 0
}

// unstamped drops the times a snapshot's XML carries.
var stamps = regexp.MustCompile(`<creationTime>\d+</creationTime>`)

func unstamped(s string, err error) (any, error) { return stamps.ReplaceAllString(s, ""), err }

// afterErr runs read when err is nil: a change, then what it changed.
func afterErr(err error, read func() (any, error)) (any, error) {
	if err != nil {
		return nil, err
	}
	return read()
}

// paramNames are the names of groups of typed parameters (whose values
// move with the clock).
func paramNames(groups [][]driver.TypedParam, err error) (any, error) {
	out := make([][]string, len(groups))
	for i, g := range groups {
		for _, p := range g {
			out[i] = append(out[i], p.Name)
		}
	}
	return out, err
}

// checkpointOf looks a checkpoint up by name; a failed lookup is a
// checkpoint whose every method fails.
func checkpointOf(s *side, name string) driver.Checkpoint {
	cp, err := s.d.CheckpointLookupByName(name, 0)
	if err != nil {
		return failedCheckpoint{err: err}
	}
	return cp
}

// failedCheckpoint answers every call with the error of its lookup.
type failedCheckpoint struct {
	driver.UnimplementedCheckpoint
	err error
}

func (f failedCheckpoint) GetParent(uint32) (driver.Checkpoint, error)         { return nil, f.err }
func (f failedCheckpoint) GetXMLDesc(uint32) (string, error)                   { return "", f.err }
func (f failedCheckpoint) ListAllChildren(uint32) ([]driver.Checkpoint, error) { return nil, f.err }
func (f failedCheckpoint) Delete(uint32) error                                 { return f.err }

// migrated is the name of a migrated domain.
func migrated(d driver.Domain, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return d.GetName()
}

// sortedNames sorts names.
func sortedNames(l []string, err error) (any, error) {
	sort.Strings(l)
	return l, err
}

func u64(v uint64) *uint64 { return &v }
func str(v string) *string { return &v }

func domainRows() []domainRow {
	param := func(name string, v any) []driver.TypedParam { return []driver.TypedParam{{Name: name, Value: v}} }
	info := func(s *side) (any, error) {
		i, err := s.d.GetInfo()
		i.CPUTime = 0
		return i, err
	}
	state := func(s *side) (any, error) {
		st, r, err := s.d.GetState(0)
		return both{st, r}, err
	}
	liveXML := func(s *side) (any, error) { return s.d.GetXMLDesc(0) }
	diskXML := "<disk type='file' device='disk'><source file='/guest/extra.img'/><target dev='vdb' bus='virtio'/></disk>"
	return []domainRow{
		// DomainStats: identity and descriptions.
		{"GetUUID", func(s *side) (any, error) { return s.d.GetUUID() }},
		{"GetOSType", func(s *side) (any, error) { return s.d.GetOSType() }},
		{"GetHostname", func(s *side) (any, error) { return s.d.GetHostname(0) }},
		{"IsUpdated", func(s *side) (any, error) { return s.d.IsUpdated() }},
		{"GetControlInfo", func(s *side) (any, error) {
			i, err := s.d.GetControlInfo(0)
			i.StateTime = 0
			return i, err
		}},
		{"GetTime", func(s *side) (any, error) { _, _, err := s.d.GetTime(0); return nil, err }},
		{"SetTime", func(s *side) (any, error) { return nil, s.d.SetTime(1, 0, 0) }},
		{"GetMetadata/none", func(s *side) (any, error) { return s.d.GetMetadata(metaDesc, "", 0) }},
		{"SetMetadata/description", func(s *side) (any, error) {
			return afterErr(s.d.SetMetadata(metaDesc, "a test domain", "", "", 0),
				func() (any, error) { return s.d.GetMetadata(metaDesc, "", 0) })
		}},
		{"SetMetadata/element", func(s *side) (any, error) {
			return afterErr(s.d.SetMetadata(metaElement, "<app><v>1</v></app>", "ex", "http://example.org/ex", 0),
				func() (any, error) { return s.d.GetMetadata(metaElement, "http://example.org/ex", 0) })
		}},
		{"GetMessages", func(s *side) (any, error) { return s.d.GetMessages(0) }},
		{"GetSecurityLabel", func(s *side) (any, error) { return s.d.GetSecurityLabel() }},
		{"GetSecurityLabelList", func(s *side) (any, error) { return s.d.GetSecurityLabelList() }},
		{"GetFSInfo", func(s *side) (any, error) { return s.d.GetFSInfo(0) }},
		{"GetGuestInfo", func(s *side) (any, error) { return s.d.GetGuestInfo(0, 0) }},
		{"GetLaunchSecurityInfo", func(s *side) (any, error) { return s.d.GetLaunchSecurityInfo(0) }},
		{"SetLaunchSecurityState", func(s *side) (any, error) {
			return nil, s.d.SetLaunchSecurityState(param("sev-secret", "x"), 0)
		}},

		// CPU and scheduler.
		{"GetCPUStats/total", func(s *side) (any, error) { return paramNames(s.d.GetCPUStats(-1, 1, 0)) }},
		{"GetCPUStats/all", func(s *side) (any, error) { return paramNames(s.d.GetCPUStats(0, 0, 0)) }},
		{"GetCPUStats/some", func(s *side) (any, error) { return paramNames(s.d.GetCPUStats(1, 2, 0)) }},
		{"GetCPUStats/many", func(s *side) (any, error) { return paramNames(s.d.GetCPUStats(0, 200, 0)) }},
		{"GetCPUStats/beyond", func(s *side) (any, error) { return paramNames(s.d.GetCPUStats(100, 2, 0)) }},
		{"GetSchedulerType", func(s *side) (any, error) {
			typ, n, err := s.d.GetSchedulerType()
			return both{typ, n}, err
		}},
		{"GetSchedulerParameters", func(s *side) (any, error) { return s.d.GetSchedulerParameters() }},
		{"GetSchedulerParametersFlags", func(s *side) (any, error) { return s.d.GetSchedulerParametersFlags(affectConfig) }},
		{"SetSchedulerParameters", func(s *side) (any, error) {
			return afterErr(s.d.SetSchedulerParameters(param("weight", int64(100))),
				func() (any, error) { return s.d.GetSchedulerParameters() })
		}},
		{"SetSchedulerParametersFlags", func(s *side) (any, error) {
			return afterErr(s.d.SetSchedulerParametersFlags(param("weight", int64(70)), affectLive),
				func() (any, error) { return s.d.GetSchedulerParametersFlags(affectLive) })
		}},
		{"GetPerfEvents", func(s *side) (any, error) { return s.d.GetPerfEvents(0) }},
		{"SetPerfEvents", func(s *side) (any, error) { return nil, s.d.SetPerfEvents(param("cmt", true), 0) }},

		// Virtual CPUs and pinning.
		{"GetMaxVcpus", func(s *side) (any, error) { return s.d.GetMaxVcpus() }},
		{"GetVcpus", func(s *side) (any, error) {
			infos, maps, err := s.d.GetVcpus(ncpus)
			for i := range infos {
				infos[i].CPUTime = 0
			}
			return both{infos, fitMaps(maps)}, err
		}},
		{"GetVcpusFlags", func(s *side) (any, error) { return s.d.GetVcpusFlags(0) }},
		{"GetVcpusFlags/maximum", func(s *side) (any, error) { return s.d.GetVcpusFlags(affectConfig | vcpuMaximum) }},
		{"SetVcpusFlags", func(s *side) (any, error) {
			return afterErr(s.d.SetVcpusFlags(1, affectLive), func() (any, error) { return s.d.GetVcpusFlags(affectLive) })
		}},
		{"SetVcpus", func(s *side) (any, error) {
			return afterErr(s.d.SetVcpus(2), func() (any, error) { return info(s) })
		}},
		{"SetVcpu", func(s *side) (any, error) { return nil, s.d.SetVcpu([]bool{false, true}, false, 0) }},
		{"GetVcpuPinInfo", func(s *side) (any, error) { return pinInfo(s, 0) }},
		{"PinVcpu", func(s *side) (any, error) {
			return afterErr(s.d.PinVcpu(0, []bool{true, false, true}), func() (any, error) { return pinInfo(s, 0) })
		}},
		{"PinVcpuFlags", func(s *side) (any, error) {
			return afterErr(s.d.PinVcpuFlags(1, []bool{false, true}, affectLive), func() (any, error) { return pinInfo(s, affectLive) })
		}},
		{"GetEmulatorPinInfo", func(s *side) (any, error) { return emulatorPinInfo(s, 0) }},
		{"PinEmulator", func(s *side) (any, error) {
			return afterErr(s.d.PinEmulator([]bool{true}, 0), func() (any, error) { return emulatorPinInfo(s, 0) })
		}},
		{"GetGuestVcpus", func(s *side) (any, error) { return s.d.GetGuestVcpus(0) }},
		{"SetGuestVcpus", func(s *side) (any, error) { return nil, s.d.SetGuestVcpus([]bool{false, true}, false, 0) }},
		{"GetIOThreadInfo", func(s *side) (any, error) { return ioThreadInfo(s, 0) }},
		{"AddIOThread", func(s *side) (any, error) {
			return afterErr(s.d.AddIOThread(3, affectLive), func() (any, error) { return ioThreadInfo(s, affectLive) })
		}},
		{"PinIOThread", func(s *side) (any, error) {
			return afterErr(s.d.PinIOThread(3, []bool{false, true}, affectLive), func() (any, error) { return ioThreadInfo(s, affectLive) })
		}},
		{"SetIOThreadParams", func(s *side) (any, error) {
			return nil, s.d.SetIOThreadParams(3, param("poll_max_ns", int64(1000)), affectLive)
		}},
		{"DelIOThread", func(s *side) (any, error) {
			return afterErr(s.d.DelIOThread(3, affectLive), func() (any, error) { return ioThreadInfo(s, affectLive) })
		}},

		// Memory.
		{"GetMemoryParameters", func(s *side) (any, error) { return s.d.GetMemoryParameters(0) }},
		{"SetMemoryParameters", func(s *side) (any, error) {
			return afterErr(s.d.SetMemoryParameters(param("hard_limit", int64(4194304)), 0),
				func() (any, error) { return s.d.GetMemoryParameters(0) })
		}},
		{"MemoryStats", func(s *side) (any, error) { return s.d.MemoryStats(0) }},
		{"SetMemoryStatsPeriod", func(s *side) (any, error) { return nil, s.d.SetMemoryStatsPeriod(5, 0) }},
		{"GetNumaParameters", func(s *side) (any, error) { return s.d.GetNumaParameters(0) }},
		{"SetNumaParameters", func(s *side) (any, error) {
			return nil, s.d.SetNumaParameters(param("numa_nodeset", "0"), affectConfig)
		}},
		{"MemoryPeek", func(s *side) (any, error) { return s.d.MemoryPeek(0, 16, memVirtual) }},
		{"MemoryPeek/flags", func(s *side) (any, error) { return s.d.MemoryPeek(0, 16, 0) }},
		{"MemoryPeek/large", func(s *side) (any, error) { return s.d.MemoryPeek(0, 1<<23, memVirtual) }},
		{"SetMemory", func(s *side) (any, error) {
			return afterErr(s.d.SetMemory(1048576), func() (any, error) { return info(s) })
		}},
		{"SetMemoryFlags", func(s *side) (any, error) {
			return afterErr(s.d.SetMemoryFlags(1572864, affectConfig), inactiveXMLOf(s))
		}},
		{"SetMaxMemory", func(s *side) (any, error) {
			return afterErr(s.d.SetMaxMemory(4194304), func() (any, error) { return info(s) })
		}},

		// Block devices.
		{"GetBlkioParameters", func(s *side) (any, error) { return s.d.GetBlkioParameters(0) }},
		{"SetBlkioParameters", func(s *side) (any, error) {
			return afterErr(s.d.SetBlkioParameters(param("weight", int64(500)), 0),
				func() (any, error) { return s.d.GetBlkioParameters(0) })
		}},
		{"GetBlockInfo", func(s *side) (any, error) { return s.d.GetBlockInfo("vda", 0) }},
		{"GetBlockIoTune", func(s *side) (any, error) { return s.d.GetBlockIoTune("vda", 0) }},
		{"SetBlockIoTune", func(s *side) (any, error) {
			return afterErr(s.d.SetBlockIoTune("vda", param("total_bytes_sec", int64(1000)), 0),
				func() (any, error) { return s.d.GetBlockIoTune("vda", 0) })
		}},
		{"BlockStats", func(s *side) (any, error) {
			b, err := s.d.BlockStats("vda")
			return []int64{sign(b.RdReq), sign(b.RdBytes), sign(b.WrReq), sign(b.WrBytes), sign(b.Errs)}, err
		}},
		{"BlockStats/missing", func(s *side) (any, error) { return s.d.BlockStats("vdz") }},
		{"BlockStatsFlags", func(s *side) (any, error) {
			ps, err := s.d.BlockStatsFlags("vda", 0)
			for i := range ps {
				if n, ok := ps[i].Value.(int64); ok {
					ps[i].Value = sign(n)
				}
			}
			return ps, err
		}},
		{"GetDiskErrors", func(s *side) (any, error) { return s.d.GetDiskErrors(0) }},
		{"BlockPeek", func(s *side) (any, error) { return s.d.BlockPeek("vda", 0, 16, 0) }},
		{"BlockPeek/large", func(s *side) (any, error) { return s.d.BlockPeek("vda", 0, 1<<23, 0) }},

		// Network interfaces.
		{"InterfaceAddresses", func(s *side) (any, error) { return s.d.InterfaceAddresses(leaseSource, 0) }},
		{"InterfaceAddresses/flags", func(s *side) (any, error) { return s.d.InterfaceAddresses(leaseSource, 1) }},
		{"GetInterfaceParameters", func(s *side) (any, error) { return s.d.GetInterfaceParameters("testnet0", 0) }},
		{"SetInterfaceParameters", func(s *side) (any, error) {
			return afterErr(s.d.SetInterfaceParameters("testnet0", param("inbound.average", int64(1000)), 0),
				func() (any, error) { return s.d.GetInterfaceParameters("testnet0", 0) })
		}},
		{"InterfaceStats", func(s *side) (any, error) {
			i, err := s.d.InterfaceStats("testnet0")
			return []int64{sign(i.RxBytes), sign(i.RxPackets), sign(i.RxErrs), sign(i.RxDrop),
				sign(i.TxBytes), sign(i.TxPackets), sign(i.TxErrs), sign(i.TxDrop)}, err
		}},
		{"InterfaceStats/missing", func(s *side) (any, error) { return s.d.InterfaceStats("nonesuch") }},

		// Jobs.
		{"GetJobInfo", func(s *side) (any, error) { return s.d.GetJobInfo() }},
		{"GetJobStats", func(s *side) (any, error) {
			typ, ps, err := s.d.GetJobStats(0)
			return both{typ, ps}, err
		}},
		{"AbortJob", func(s *side) (any, error) { return nil, s.d.AbortJob() }},
		{"AbortJobFlags", func(s *side) (any, error) { return nil, s.d.AbortJobFlags(0) }},

		// DomainControl: devices.
		{"AttachDeviceFlags", func(s *side) (any, error) {
			return afterErr(s.d.AttachDeviceFlags(diskXML, affectConfig), inactiveXMLOf(s))
		}},
		{"UpdateDeviceFlags", func(s *side) (any, error) {
			return afterErr(s.d.UpdateDeviceFlags(diskXML, affectConfig), inactiveXMLOf(s))
		}},
		{"DetachDeviceFlags", func(s *side) (any, error) {
			return afterErr(s.d.DetachDeviceFlags(diskXML, affectConfig), inactiveXMLOf(s))
		}},
		{"AttachDevice", func(s *side) (any, error) { return afterErr(s.d.AttachDevice(diskXML), liveXMLOf(s)) }},
		{"DetachDevice", func(s *side) (any, error) { return afterErr(s.d.DetachDevice(diskXML), liveXMLOf(s)) }},
		{"DetachDeviceAlias", func(s *side) (any, error) { return nil, s.d.DetachDeviceAlias("ua-nonesuch", affectLive) }},

		// The guest agent, keys, power.
		{"AgentSetResponseTimeout", func(s *side) (any, error) { return nil, s.d.AgentSetResponseTimeout(5, 0) }},
		{"AuthorizedSSHKeysGet", func(s *side) (any, error) { return s.d.AuthorizedSSHKeysGet("root", 0) }},
		{"AuthorizedSSHKeysSet", func(s *side) (any, error) { return nil, s.d.AuthorizedSSHKeysSet("root", []string{"k"}, 0) }},
		{"FSFreeze", func(s *side) (any, error) { return s.d.FSFreeze(nil, 0) }},
		{"FSThaw", func(s *side) (any, error) { return s.d.FSThaw([]string{"/"}, 0) }},
		{"FSTrim", func(s *side) (any, error) { return nil, s.d.FSTrim("", 0, 0) }},
		{"SetUserPassword", func(s *side) (any, error) { return nil, s.d.SetUserPassword("root", "pw", 0) }},
		{"InjectNMI", func(s *side) (any, error) { return nil, s.d.InjectNMI(0) }},
		{"SendKey", func(s *side) (any, error) { return nil, s.d.SendKey(0, 10, []uint32{30}, 0) }},
		{"SendProcessSignal", func(s *side) (any, error) { return nil, s.d.SendProcessSignal(1, 15, 0) }},
		{"PMSuspendForDuration", func(s *side) (any, error) { return nil, s.d.PMSuspendForDuration(0, 0, 0) }},
		{"PMWakeup", func(s *side) (any, error) { return nil, s.d.PMWakeup(0) }},
		{"SetLifecycleAction", func(s *side) (any, error) {
			return afterErr(s.d.SetLifecycleAction(0, 1, affectConfig), inactiveXMLOf(s))
		}},
		{"StartDirtyRateCalc", func(s *side) (any, error) { return nil, s.d.StartDirtyRateCalc(1, 0) }},

		// Block jobs and backups.
		{"GetBlockJobInfo", func(s *side) (any, error) {
			i, found, err := s.d.GetBlockJobInfo("vda", 0)
			return both{i, found}, err
		}},
		{"BlockJobAbort", func(s *side) (any, error) { return nil, s.d.BlockJobAbort("vda", 0) }},
		{"BlockJobSetSpeed", func(s *side) (any, error) { return nil, s.d.BlockJobSetSpeed("vda", 1, 0) }},
		{"BlockPull", func(s *side) (any, error) { return nil, s.d.BlockPull("vda", 0, 0) }},
		{"BlockRebase", func(s *side) (any, error) { return nil, s.d.BlockRebase("vda", "", 0, 0) }},
		{"BlockCommit", func(s *side) (any, error) { return nil, s.d.BlockCommit("vda", "", "", 0, 0) }},
		{"BlockCopy", func(s *side) (any, error) {
			return nil, s.d.BlockCopy("vda", "<disk type='file'><source file='/x'/></disk>", driver.BlockCopyParams{Bandwidth: u64(1)}, 0)
		}},
		{"BlockResize", func(s *side) (any, error) { return nil, s.d.BlockResize("vda", 1<<20, 0) }},
		{"SetBlockThreshold", func(s *side) (any, error) { return nil, s.d.SetBlockThreshold("vda", 1<<20, 0) }},
		{"BackupBegin", func(s *side) (any, error) { return nil, s.d.BackupBegin("<domainbackup/>", "", 0) }},
		{"BackupGetXMLDesc", func(s *side) (any, error) { return s.d.BackupGetXMLDesc(0) }},

		// Migration settings.
		{"MigrateGetMaxSpeed", func(s *side) (any, error) { return s.d.MigrateGetMaxSpeed(0) }},
		{"MigrateSetMaxSpeed", func(s *side) (any, error) {
			return afterErr(s.d.MigrateSetMaxSpeed(100, 0), func() (any, error) { return s.d.MigrateGetMaxSpeed(0) })
		}},
		{"MigrateGetMaxDowntime", func(s *side) (any, error) { return s.d.MigrateGetMaxDowntime(0) }},
		{"MigrateSetMaxDowntime", func(s *side) (any, error) { return nil, s.d.MigrateSetMaxDowntime(100, 0) }},
		{"MigrateGetCompressionCache", func(s *side) (any, error) { return s.d.MigrateGetCompressionCache(0) }},
		{"MigrateSetCompressionCache", func(s *side) (any, error) { return nil, s.d.MigrateSetCompressionCache(1<<20, 0) }},
		{"MigrateStartPostCopy", func(s *side) (any, error) { return nil, s.d.MigrateStartPostCopy(0) }},

		// Snapshots.
		{"SnapshotNum", func(s *side) (any, error) { return s.d.SnapshotNum(0) }},
		{"SnapshotListNames/none", func(s *side) (any, error) { return snapshotNames(s.d, 0) }},
		{"HasCurrentSnapshot/none", func(s *side) (any, error) { return s.d.HasCurrentSnapshot(0) }},
		{"SnapshotCurrent/none", func(s *side) (any, error) { return snapName(s.d.SnapshotCurrent(0)) }},
		{"ListAllSnapshots/none", func(s *side) (any, error) { return snapNames(s.d.ListAllSnapshots(0)) }},
		{"SnapshotLookupByName/missing", func(s *side) (any, error) { return snapName(s.d.SnapshotLookupByName("nonesuch", 0)) }},
		{"SnapshotCreateXML", func(s *side) (any, error) {
			return snapName(s.d.SnapshotCreateXML("<domainsnapshot><name>s1</name></domainsnapshot>", 0))
		}},
		{"SnapshotCreateXML/child", func(s *side) (any, error) {
			return snapName(s.d.SnapshotCreateXML("<domainsnapshot><name>s2</name><description>two</description></domainsnapshot>", 0))
		}},
		{"SnapshotCreateXML/bad", func(s *side) (any, error) { return snapName(s.d.SnapshotCreateXML("<nope/>", 0)) }},
		{"SnapshotCurrent", func(s *side) (any, error) { return snapName(s.d.SnapshotCurrent(0)) }},
		{"HasCurrentSnapshot", func(s *side) (any, error) { return s.d.HasCurrentSnapshot(0) }},
		{"SnapshotListNames", func(s *side) (any, error) { return sortedNames(snapshotNames(s.d, 0)) }},
		{"SnapshotListNames/roots", func(s *side) (any, error) { return snapshotNames(s.d, snapListRoots) }},
		{"ListAllSnapshots", func(s *side) (any, error) { return snapNames(s.d.ListAllSnapshots(0)) }},
		{"Snapshot.GetParent", func(s *side) (any, error) { return snapName(snapshotOf(s, "s2").GetParent(0)) }},
		{"Snapshot.GetParent/root", func(s *side) (any, error) { return snapName(snapshotOf(s, "s1").GetParent(0)) }},
		{"Snapshot.GetXMLDesc", func(s *side) (any, error) { return unstamped(snapshotOf(s, "s2").GetXMLDesc(0)) }},
		{"Snapshot.IsCurrent", func(s *side) (any, error) { return snapshotOf(s, "s1").IsCurrent(0) }},
		{"Snapshot.HasMetadata", func(s *side) (any, error) { return snapshotOf(s, "s1").HasMetadata(0) }},
		{"Snapshot.NumChildren", func(s *side) (any, error) { return snapshotOf(s, "s1").NumChildren(0) }},
		{"Snapshot.ListChildrenNames", func(s *side) (any, error) { return childNames(snapshotOf(s, "s1"), 0) }},
		{"Snapshot.ListChildrenNames/none", func(s *side) (any, error) { return childNames(snapshotOf(s, "s2"), 0) }},
		{"Snapshot.ListAllChildren", func(s *side) (any, error) { return snapNames(snapshotOf(s, "s1").ListAllChildren(0)) }},
		{"Snapshot.RevertToSnapshot", func(s *side) (any, error) {
			return afterErr(snapshotOf(s, "s1").RevertToSnapshot(0), func() (any, error) { return snapName(s.d.SnapshotCurrent(0)) })
		}},
		{"Snapshot.Delete", func(s *side) (any, error) {
			return afterErr(snapshotOf(s, "s2").Delete(0), func() (any, error) { return snapshotNames(s.d, 0) })
		}},

		{"Snapshot.Delete/last", func(s *side) (any, error) {
			return afterErr(snapshotOf(s, "s1").Delete(0), func() (any, error) { return snapshotNames(s.d, 0) })
		}},

		// Checkpoints.
		{"ListAllCheckpoints/none", func(s *side) (any, error) { return checkpointNames(s.d.ListAllCheckpoints(0)) }},
		{"CheckpointLookupByName/missing", func(s *side) (any, error) { return checkpointName(s.d.CheckpointLookupByName("nonesuch", 0)) }},
		{"CheckpointCreateXML", func(s *side) (any, error) {
			return checkpointName(s.d.CheckpointCreateXML("<domaincheckpoint><name>c1</name></domaincheckpoint>", 0))
		}},
		{"CheckpointCreateXML/child", func(s *side) (any, error) {
			return checkpointName(s.d.CheckpointCreateXML("<domaincheckpoint><name>c2</name></domaincheckpoint>", 0))
		}},
		{"CheckpointCreateXML/bad", func(s *side) (any, error) { return checkpointName(s.d.CheckpointCreateXML("<nope/>", 0)) }},
		{"ListAllCheckpoints", func(s *side) (any, error) { return checkpointNames(s.d.ListAllCheckpoints(0)) }},
		{"Checkpoint.GetParent", func(s *side) (any, error) { return checkpointName(checkpointOf(s, "c2").GetParent(0)) }},
		{"Checkpoint.GetParent/root", func(s *side) (any, error) { return checkpointName(checkpointOf(s, "c1").GetParent(0)) }},
		{"Checkpoint.GetXMLDesc", func(s *side) (any, error) { return unstamped(checkpointOf(s, "c2").GetXMLDesc(0)) }},
		{"Checkpoint.ListAllChildren", func(s *side) (any, error) { return checkpointNames(checkpointOf(s, "c1").ListAllChildren(0)) }},
		{"Checkpoint.Delete", func(s *side) (any, error) {
			return afterErr(checkpointOf(s, "c2").Delete(0), func() (any, error) { return checkpointNames(s.d.ListAllCheckpoints(0)) })
		}},
		{"Checkpoint.Delete/last", func(s *side) (any, error) {
			return afterErr(checkpointOf(s, "c1").Delete(0), func() (any, error) { return checkpointNames(s.d.ListAllCheckpoints(0)) })
		}},

		// Migration: the test driver supports none, so these are libvirt's
		// client-side checks and feature negotiation.
		{"MigrateToURI/direct", func(s *side) (any, error) { return nil, s.d.MigrateToURI("test:///default", 0, "", 0) }},
		{"MigrateToURI/p2p", func(s *side) (any, error) {
			return nil, s.d.MigrateToURI("test+tcp://elsewhere/default", migrateP2P, "x", 0)
		}},
		{"MigrateToURI/empty", func(s *side) (any, error) { return nil, s.d.MigrateToURI("", 0, "", 0) }},
		{"MigrateToURI/exclusive", func(s *side) (any, error) {
			return nil, s.d.MigrateToURI("test:///default", migrateNonSharedDisk|migrateNonSharedInc, "", 0)
		}},
		{"MigrateToURI/offline", func(s *side) (any, error) { return nil, s.d.MigrateToURI("test:///default", migrateOffline, "", 0) }},
		{"MigrateToURI2", func(s *side) (any, error) { return nil, s.d.MigrateToURI2("", "tcp://h", "", 0, "", 0) }},
		{"MigrateToURI2/p2p", func(s *side) (any, error) { return nil, s.d.MigrateToURI2("", "", "", migrateP2P, "", 0) }},
		{"MigrateToURI3", func(s *side) (any, error) {
			return nil, s.d.MigrateToURI3("", driver.MigrateParams{URI: str("tcp://h"), Bandwidth: u64(5)}, 0)
		}},
		{"MigrateToURI3/p2p", func(s *side) (any, error) {
			return nil, s.d.MigrateToURI3("test+tcp://h/default", driver.MigrateParams{}, migrateP2P|migrateTunnelled)
		}},
		{"Migrate", func(s *side) (any, error) { return migrated(s.d.Migrate(s.c, 0, "", "", 0)) }},
		{"Migrate/p2p", func(s *side) (any, error) { return migrated(s.d.Migrate(s.c, migrateP2P, "", "", 0)) }},
		{"Migrate/tunnelled", func(s *side) (any, error) { return migrated(s.d.Migrate(s.c, migrateTunnelled, "", "", 0)) }},
		{"Migrate/protection", func(s *side) (any, error) {
			return migrated(s.d.Migrate(s.c, migrateChangeProtection, "", "", 0))
		}},
		{"Migrate/exclusive", func(s *side) (any, error) {
			return migrated(s.d.Migrate(s.c, migrateNonSharedDisk|migrateNonSharedInc, "", "", 0))
		}},
		{"Migrate/offline", func(s *side) (any, error) { return migrated(s.d.Migrate(s.c, migrateOffline, "", "", 0)) }},
		{"Migrate2", func(s *side) (any, error) { return migrated(s.d.Migrate2(s.c, "<domain/>", 0, "n", "", 0)) }},
		{"Migrate2/p2p", func(s *side) (any, error) { return migrated(s.d.Migrate2(s.c, "", migrateP2P, "", "", 0)) }},
		{"Migrate3", func(s *side) (any, error) {
			return migrated(s.d.Migrate3(s.c, driver.MigrateParams{DestName: str("n"), GraphicsURI: str("spice://h")}, 0))
		}},
		{"Migrate3/p2p", func(s *side) (any, error) { return migrated(s.d.Migrate3(s.c, driver.MigrateParams{}, migrateP2P)) }},
		{"Migrate3/tunnelled", func(s *side) (any, error) {
			return migrated(s.d.Migrate3(s.c, driver.MigrateParams{}, migrateTunnelled))
		}},

		// Save, managed save and the life cycle; the domain ends running.
		{"HasManagedSaveImage/none", func(s *side) (any, error) { return s.d.HasManagedSaveImage(0) }},
		{"ManagedSave", func(s *side) (any, error) {
			return afterErr(s.d.ManagedSave(0), func() (any, error) {
				has, err := s.d.HasManagedSaveImage(0)
				st, _ := state(s)
				return both{has, st}, err
			})
		}},
		{"ManagedSaveGetXMLDesc", func(s *side) (any, error) { return s.d.ManagedSaveGetXMLDesc(0) }},
		{"ManagedSaveDefineXML", func(s *side) (any, error) { return nil, s.d.ManagedSaveDefineXML("<domain/>", 0) }},
		{"ManagedSaveRemove", func(s *side) (any, error) {
			return afterErr(s.d.ManagedSaveRemove(0), func() (any, error) { return s.d.HasManagedSaveImage(0) })
		}},
		{"CreateWithFlags", func(s *side) (any, error) {
			return afterErr(s.d.CreateWithFlags(0), func() (any, error) {
				id, err := s.d.GetID()
				st, _ := state(s)
				return both{id, st}, err
			})
		}},
		{"CreateWithFlags/running", func(s *side) (any, error) { return nil, s.d.CreateWithFlags(0) }},
		{"Save", func(s *side) (any, error) {
			return afterErr(s.d.Save(filepath.Join(s.dir, "save.img")), func() (any, error) { return state(s) })
		}},
		{"SaveFlags/inactive", func(s *side) (any, error) { return nil, s.d.SaveFlags(filepath.Join(s.dir, "again.img"), "", 0) }},
		{"SaveParams/inactive", func(s *side) (any, error) {
			return nil, s.d.SaveParams(driver.SaveParams{File: str(filepath.Join(s.dir, "p.img"))}, 0)
		}},
		{"Rename", func(s *side) (any, error) {
			return afterErr(s.d.Rename("test-renamed", 0), func() (any, error) { return s.d.GetName() })
		}},
		{"Rename/back", func(s *side) (any, error) {
			return afterErr(s.d.Rename("test", 0), func() (any, error) { return s.d.GetName() })
		}},
		{"CreateWithFlags/again", func(s *side) (any, error) {
			return afterErr(s.d.CreateWithFlags(0), func() (any, error) { return s.d.GetID() })
		}},
		{"CoreDump", func(s *side) (any, error) { return nil, s.d.CoreDump(filepath.Join(s.dir, "core"), 0) }},
		{"CoreDumpWithFormat", func(s *side) (any, error) {
			return nil, s.d.CoreDumpWithFormat(filepath.Join(s.dir, "core2"), 0, 0)
		}},
		{"Reset", func(s *side) (any, error) { return nil, s.d.Reset(0) }},
		{"ShutdownFlags", func(s *side) (any, error) {
			return afterErr(s.d.ShutdownFlags(0), func() (any, error) { return state(s) })
		}},
		{"DestroyFlags/inactive", func(s *side) (any, error) { return nil, s.d.DestroyFlags(0) }},
		{"CreateWithFlags/third", func(s *side) (any, error) {
			return afterErr(s.d.CreateWithFlags(0), func() (any, error) { return s.d.GetID() })
		}},
		{"DestroyFlags", func(s *side) (any, error) {
			return afterErr(s.d.DestroyFlags(0), func() (any, error) {
				id, err := s.d.GetID()
				st, _ := state(s)
				return both{id, st}, err
			})
		}},
		{"UndefineFlags", func(s *side) (any, error) {
			return afterErr(s.d.UndefineFlags(0), func() (any, error) { return s.d.IsPersistent() })
		}},
		{"UndefineFlags/again", func(s *side) (any, error) { return nil, s.d.UndefineFlags(0) }},
		{"GetXMLDesc/gone", liveXML},
	}
}

// inactiveXMLOf reads the domain's persistent definition.
func inactiveXMLOf(s *side) func() (any, error) {
	return func() (any, error) { return s.d.GetXMLDesc(xmlInactive) }
}

// liveXMLOf reads the domain's live definition.
func liveXMLOf(s *side) func() (any, error) {
	return func() (any, error) { return s.d.GetXMLDesc(0) }
}

// snapshotOf looks a snapshot up by name; a failed lookup is a snapshot
// whose every method fails.
func snapshotOf(s *side, name string) driver.Snapshot {
	snap, err := s.d.SnapshotLookupByName(name, 0)
	if err != nil {
		return failedSnapshot{err: err}
	}
	return snap
}

// snapshotNames lists d's snapshots as the core does (see listed).
func snapshotNames(d driver.Domain, flags uint32) ([]string, error) {
	return listed(func() (int, error) { return d.SnapshotNum(flags) },
		func(n int) ([]string, error) { return d.SnapshotListNames(n, flags) })
}

// childNames lists sn's children as the core does (see listed).
func childNames(sn driver.Snapshot, flags uint32) ([]string, error) {
	return listed(func() (int, error) { return sn.NumChildren(flags) },
		func(n int) ([]string, error) { return sn.ListChildrenNames(n, flags) })
}

// failedSnapshot answers every call with the error of its lookup.
type failedSnapshot struct {
	driver.UnimplementedSnapshot
	err error
}

func (f failedSnapshot) GetParent(uint32) (driver.Snapshot, error) { return nil, f.err }
func (f failedSnapshot) GetXMLDesc(uint32) (string, error)         { return "", f.err }
func (f failedSnapshot) IsCurrent(uint32) (bool, error)            { return false, f.err }
func (f failedSnapshot) HasMetadata(uint32) (bool, error)          { return false, f.err }
func (f failedSnapshot) NumChildren(uint32) (int, error)           { return 0, f.err }
func (f failedSnapshot) ListChildrenNames(int, uint32) ([]string, error) {
	return nil, f.err
}
func (f failedSnapshot) ListAllChildren(uint32) ([]driver.Snapshot, error) { return nil, f.err }
func (f failedSnapshot) RevertToSnapshot(uint32) error                     { return f.err }
func (f failedSnapshot) Delete(uint32) error                               { return f.err }

// TestMigrateReadOnlyMatchesCgo checks that migration is refused on a
// read-only connection before any call, as libvirt's client refuses it.
func TestMigrateReadOnlyMatchesCgo(t *testing.T) {
	// A private node: test:///default in-process is shared with the
	// other tests of the process, which change it.
	node := filepath.Join(t.TempDir(), "node.xml")
	xml := "<node><domain type='test'><name>test</name><memory>1048576</memory><os><type>hvm</type></os></domain></node>"
	if err := os.WriteFile(node, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	daemon := libvirtdtest.Start(t)
	rc, err := remotebackend.Backend{}.ConnectOpen(fmt.Sprintf("test+tcp://127.0.0.1:%d%s", daemon.Port, node), true)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	cc, err := cgobackend.New().ConnectOpen("test://"+node, true)
	if err != nil {
		t.Fatal(err)
	}
	defer cc.Close()
	calls := []struct {
		name string
		call func(c driver.Conn, d driver.Domain) error
	}{
		{"MigrateToURI", func(c driver.Conn, d driver.Domain) error { return d.MigrateToURI("x", 0, "", 0) }},
		{"MigrateToURI2", func(c driver.Conn, d driver.Domain) error { return d.MigrateToURI2("", "x", "", 0, "", 0) }},
		{"MigrateToURI3", func(c driver.Conn, d driver.Domain) error {
			return d.MigrateToURI3("", driver.MigrateParams{}, 0)
		}},
		{"Migrate", func(c driver.Conn, d driver.Domain) error { _, err := d.Migrate(c, 0, "", "", 0); return err }},
		{"Migrate2", func(c driver.Conn, d driver.Domain) error { _, err := d.Migrate2(c, "", 0, "", "", 0); return err }},
		{"Migrate3", func(c driver.Conn, d driver.Domain) error {
			_, err := d.Migrate3(c, driver.MigrateParams{}, 0)
			return err
		}},
	}
	rd, err := rc.DomainLookupByName("test")
	if err != nil {
		t.Fatal(err)
	}
	cd, err := cc.DomainLookupByName("test")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			got, want := c.call(rc, rd), c.call(cc, cd)
			if g, w := errKey(got, true), errKey(want, true); g != w {
				t.Errorf("remote %s\ncgo    %s", g, w)
			}
		})
	}
}

// ncpus is the test driver's host CPU count (virNodeGetCPUMap's), which
// the core passes to the CPU map getters and sizes their maps to.
const ncpus = 8

// fit cuts or pads m to ncpus, as the core does with a backend's maps.
func fit(m []bool) []bool {
	out := make([]bool, ncpus)
	copy(out, m)
	return out
}

func fitMaps(ms [][]bool) [][]bool {
	for i := range ms {
		ms[i] = fit(ms[i])
	}
	return ms
}

func pinInfo(s *side, flags uint32) (any, error) {
	ms, err := s.d.GetVcpuPinInfo(ncpus, flags)
	return fitMaps(ms), err
}

func emulatorPinInfo(s *side, flags uint32) (any, error) {
	m, err := s.d.GetEmulatorPinInfo(ncpus, flags)
	if err != nil {
		return nil, err
	}
	return fit(m), nil
}

func ioThreadInfo(s *side, flags uint32) (any, error) {
	ts, err := s.d.GetIOThreadInfo(ncpus, flags)
	for i := range ts {
		ts[i].CPUMap = fit(ts[i].CPUMap)
	}
	return ts, err
}
