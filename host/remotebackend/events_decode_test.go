package remotebackend

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// xdrWriter writes XDR, for messages the tests make.
type xdrWriter struct{ b []byte }

func (w *xdrWriter) u32(v uint32) *xdrWriter { w.b = binary.BigEndian.AppendUint32(w.b, v); return w }
func (w *xdrWriter) i32(v int32) *xdrWriter  { return w.u32(uint32(v)) }
func (w *xdrWriter) u64(v uint64) *xdrWriter { w.b = binary.BigEndian.AppendUint64(w.b, v); return w }
func (w *xdrWriter) str(s string) *xdrWriter {
	w.u32(uint32(len(s)))
	w.b = append(w.b, s...)
	w.b = append(w.b, make([]byte, (4-len(s)%4)%4)...)
	return w
}
func (w *xdrWriter) null() *xdrWriter        { return w.u32(0) }
func (w *xdrWriter) opt(s string) *xdrWriter { return w.u32(1).str(s) }
func (w *xdrWriter) uuid(b byte) *xdrWriter {
	w.b = append(w.b, make([]byte, 15)...)
	w.b = append(w.b, b)
	return w
}
func (w *xdrWriter) dom() *xdrWriter                           { return w.str("vm").uuid(1).i32(3) }
func msg(cb int32) *xdrWriter                                  { return (&xdrWriter{}).i32(cb) }
func (w *xdrWriter) param(name string, kind uint32) *xdrWriter { return w.str(name).u32(kind) }

// shown is an event's arguments as the tests compare them.
func shown(args []host.Value) string {
	parts := make([]string, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case *host.Map:
			var kv []string
			for _, k := range a.Keys() {
				v, _ := a.Get(k)
				kv = append(kv, fmt.Sprintf("%s=%#v", k, v))
			}
			parts[i] = "{" + strings.Join(kv, " ") + "}"
		default:
			parts[i] = fmt.Sprintf("%#v", a)
		}
	}
	return strings.Join(parts, ", ")
}

// TestEventMessages decodes a message of each kind, checks the object and
// the arguments, and checks that every truncation of it is dropped without
// a delivery.
func TestEventMessages(t *testing.T) {
	const uuid1 = "00000000-0000-0000-0000-000000000001"
	tests := []struct {
		name      string
		procedure uint32
		body      *xdrWriter
		class     *eventClass
		eventID   int
		object    string // the object's name
		args      string
	}{
		{"lifecycle", 318, msg(7).dom().i32(5).i32(1), domainEvents, driver.DomainEventIDLifecycle, "vm", "5, 1"},
		{"reboot", 319, msg(7).dom(), domainEvents, driver.DomainEventIDReboot, "vm", ""},
		{"rtc change", 320, msg(7).dom().u64(math.MaxUint64), domainEvents, driver.DomainEventIDRtcChange, "vm", "-1"},
		{"watchdog", 321, msg(7).dom().i32(2), domainEvents, driver.DomainEventIDWatchdog, "vm", "2"},
		{"io error", 322, msg(7).dom().str("/a").str("vda").i32(1), domainEvents, driver.DomainEventIDIOError, "vm", `"/a", "vda", 1`},
		{"graphics", 323, msg(7).dom().i32(1).i32(0).str("127.0.0.1").str("5900").i32(1).str("::1").str("4242").
			str("none").u32(2).str("x509dname").str("CN=a").str("saslUsername").str("bob"), domainEvents, driver.DomainEventIDGraphics, "vm",
			`1, {family=0 node="127.0.0.1" service="5900"}, {family=1 node="::1" service="4242"}, "none", host.Tuple{host.Tuple{"x509dname", "CN=a"}, host.Tuple{"saslUsername", "bob"}}`},
		{"io error reason", 324, msg(7).dom().str("/a").str("vda").i32(1).str("enospc"), domainEvents, driver.DomainEventIDIOErrorReason, "vm", `"/a", "vda", 1, "enospc"`},
		{"control error", 325, msg(7).dom(), domainEvents, driver.DomainEventIDControlError, "vm", ""},
		{"block job", 326, msg(7).dom().str("/a").i32(1).i32(0), domainEvents, driver.DomainEventIDBlockJob, "vm", `"/a", 1, 0`},
		{"disk change", 327, msg(7).dom().null().opt("/new.iso").str("cdrom0").i32(0), domainEvents, driver.DomainEventIDDiskChange, "vm", `"", "/new.iso", "cdrom0", 0`},
		{"tray change", 328, msg(7).dom().str("cdrom0").i32(1), domainEvents, driver.DomainEventIDTrayChange, "vm", `"cdrom0", 1`},
		{"pm wakeup", 329, msg(7).i32(0).dom(), domainEvents, driver.DomainEventIDPmwakeup, "vm", "0"},
		{"pm suspend", 330, msg(7).i32(0).dom(), domainEvents, driver.DomainEventIDPmsuspend, "vm", "0"},
		{"balloon change", 331, msg(7).dom().u64(1 << 20), domainEvents, driver.DomainEventIDBalloonChange, "vm", "1048576"},
		{"pm suspend disk", 332, msg(7).i32(0).dom(), domainEvents, driver.DomainEventIDPmsuspendDisk, "vm", "0"},
		{"device removed", 333, msg(7).dom().str("net0"), domainEvents, driver.DomainEventIDDeviceRemoved, "vm", `"net0"`},
		{"block job 2", 339, msg(7).dom().str("vda").i32(2).i32(3), domainEvents, driver.DomainEventIDBlockJob2, "vm", `"vda", 2, 3`},
		{"tunable", 346, msg(7).dom().u32(3).param("cputune.vcpu_quota", typedLLong).u64(math.MaxUint64).
			param("cputune.emulatorpin", typedString).str("0-1").param("x.weight", typedUint).u32(7),
			domainEvents, driver.DomainEventIDTunable, "vm", `{cputune.vcpu_quota=-1 cputune.emulatorpin="0-1" x.weight=7}`},
		{"agent lifecycle", 348, msg(7).dom().i32(1).i32(2), domainEvents, driver.DomainEventIDAgentLifecycle, "vm", "1, 2"},
		{"device added", 354, msg(7).dom().str("net1"), domainEvents, driver.DomainEventIDDeviceAdded, "vm", `"net1"`},
		{"migration iteration", 359, msg(7).dom().i32(4), domainEvents, driver.DomainEventIDMigrationIteration, "vm", "4"},
		{"job completed", 363, msg(7).dom().u32(4).param("type", typedInt).i32(3).param("ok", typedBool).i32(1).
			param("rate", typedDouble).u64(math.Float64bits(1.5)).param("bytes", typedULLong).u64(42),
			domainEvents, driver.DomainEventIDJobCompleted, "vm", `{type=3 ok=true rate=1.5 bytes=42}`},
		{"device removal failed", 367, msg(7).dom().str("net0"), domainEvents, driver.DomainEventIDDeviceRemovalFailed, "vm", `"net0"`},
		{"metadata change", 379, msg(7).dom().i32(2).null(), domainEvents, driver.DomainEventIDMetadataChange, "vm", "2, <nil>"},
		{"metadata change with a namespace", 379, msg(7).dom().i32(2).opt("http://x/"), domainEvents, driver.DomainEventIDMetadataChange, "vm", `2, "http://x/"`},
		{"block threshold", 385, msg(7).dom().str("vda").null().u64(100).u64(5), domainEvents, driver.DomainEventIDBlockThreshold, "vm", `"vda", "", 100, 5`},
		{"memory failure", 423, msg(7).dom().i32(0).i32(1).u32(3), domainEvents, driver.DomainEventIDMemoryFailure, "vm", "0, 1, 3"},
		{"memory device size change", 438, msg(7).dom().str("virtiomem0").u64(2048), domainEvents, driver.DomainEventIDMemoryDeviceSizeChange, "vm", `"virtiomem0", 2048`},
		{"network lifecycle", 315, msg(7).str("net").uuid(1).i32(2).i32(0), networkEvents, 0, "net", "2, 0"},
		{"network metadata change", 446, msg(7).str("net").uuid(1).i32(1).opt("http://y/"), networkEvents, 1, "net", `1, "http://y/"`},
		{"pool lifecycle", 370, msg(7).str("pool").uuid(1).i32(3).i32(0), poolEvents, 0, "pool", "3, 0"},
		{"pool refresh", 373, msg(7).str("pool").uuid(1), poolEvents, 1, "pool", ""},
		{"node device lifecycle", 376, msg(7).str("dev").i32(1).i32(0), nodeDeviceEvents, 0, "dev", "1, 0"},
		{"node device update", 377, msg(7).str("dev"), nodeDeviceEvents, 1, "dev", ""},
		{"secret lifecycle", 382, msg(7).uuid(1).i32(1).str("vol").i32(0).i32(1), secretEvents, 0, uuid1, "0, 1"},
		{"secret value changed", 383, msg(7).uuid(1).i32(1).str("vol"), secretEvents, 1, uuid1, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []driver.ObjectEvent
			c := &conn{}
			key := uuid1
			if tc.class == nodeDeviceEvents {
				key = "dev"
			}
			c.ev.cbs = []*eventCallback{{key: eventKey{tc.class, tc.eventID}, object: key,
				deliver: func(ev driver.ObjectEvent) { got = append(got, ev) }}}
			c.ev.remote = map[eventKey]int32{{tc.class, tc.eventID}: 7}
			if !c.handleMessage(remoteProgram, tc.procedure, tc.body.b) || len(got) != 1 {
				t.Fatalf("%d events delivered, want 1", len(got))
			}
			name := ""
			switch o := got[0].Object.(type) {
			case *secret:
				name = formatUUID(o.s.UUID)
			case interface{ GetName() (string, error) }:
				name, _ = o.GetName()
			}
			if name != tc.object {
				t.Errorf("object %q, want %q", name, tc.object)
			}
			if s := shown(host.EventArgs(got[0].Payload)); s != tc.args {
				t.Errorf("args\n got %s\nwant %s", s, tc.args)
			}
			// An event of another registration of the daemon is nobody's.
			c.ev.remote[eventKey{tc.class, tc.eventID}] = 8
			if !c.handleMessage(remoteProgram, tc.procedure, tc.body.b) || len(got) != 1 {
				t.Errorf("an event of another daemon registration was delivered")
			}
			c.ev.remote[eventKey{tc.class, tc.eventID}] = 7
			// Every truncation is consumed, and delivers nothing.
			for n := range len(tc.body.b) {
				if !c.handleMessage(remoteProgram, tc.procedure, tc.body.b[:n]) {
					t.Errorf("truncated to %d bytes: not consumed", n)
				}
			}
			if len(got) != 1 {
				t.Errorf("truncated messages delivered %d events", len(got)-1)
			}
		})
	}
}

// TestEventMessageFiltering checks that a callback for one object gets
// only its events, and that messages that are not events are left to
// go-libvirt.
func TestEventMessageFiltering(t *testing.T) {
	var got []string
	c := &conn{}
	for _, object := range []string{"", "00000000-0000-0000-0000-000000000002"} {
		c.ev.cbs = append(c.ev.cbs, &eventCallback{key: eventKey{domainEvents, driver.DomainEventIDLifecycle}, object: object,
			deliver: func(driver.ObjectEvent) { got = append(got, object) }})
	}
	body := msg(7).dom().i32(5).i32(1).b // the domain of UUID ...01
	c.handleMessage(remoteProgram, 318, body)
	if len(got) != 1 || got[0] != "" {
		t.Errorf("delivered to %q, want only the callback for every domain", got)
	}
	for _, m := range []struct {
		program, procedure uint32
	}{{remoteProgram, 1}, {remoteProgram, 107}, {0x20008087, 318}, {remoteProgram, 453}} {
		if c.handleMessage(m.program, m.procedure, body) {
			t.Errorf("program %#x procedure %d was consumed", m.program, m.procedure)
		}
	}
}

// TestEventMessageBounds checks that malformed messages, with lengths
// they cannot hold or values of unknown kinds, are dropped.
func TestEventMessageBounds(t *testing.T) {
	tests := []struct {
		name      string
		procedure uint32
		body      []byte
	}{
		{"4 billion tunables", 346, msg(7).dom().u32(math.MaxUint32).b},
		{"a huge graphics subject", 323, msg(7).dom().i32(1).i32(0).str("").str("").i32(0).str("").str("").str("").u32(1 << 30).b},
		{"a name longer than the message", 318, msg(7).u32(math.MaxUint32).b},
		{"a parameter of an unknown kind", 363, msg(7).dom().u32(1).param("x", 99).u32(0).b},
		{"a bad optional string", 379, msg(7).dom().i32(2).u32(2).b},
	}
	for _, tc := range tests {
		delivered := 0
		c := &conn{}
		c.ev.cbs = []*eventCallback{{key: eventKey{domainEvents, eventMessages[tc.procedure].eventID},
			deliver: func(driver.ObjectEvent) { delivered++ }}}
		if !c.handleMessage(remoteProgram, tc.procedure, tc.body) || delivered != 0 {
			t.Errorf("%s: delivered %d events", tc.name, delivered)
		}
	}
}
