package remotebackend

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// received is an event as a test sees it: the object's name and the
// callback's arguments.
type received struct {
	tag    string
	object string
	args   string
}

// collector returns a deliver function that sends what it gets to the
// returned channel, tagged, without blocking.
func collector(ch chan received, tag string) func(driver.ObjectEvent) {
	return func(ev driver.ObjectEvent) {
		name := "?"
		if n, ok := ev.Object.(interface{ GetName() (string, error) }); ok {
			name, _ = n.GetName()
		}
		select {
		case ch <- received{tag, name, strings.TrimSuffix(fmt.Sprintln(anys(host.EventArgs(ev.Payload))...), "\n")}:
		default:
		}
	}
}

// expect reads want from ch in order, then checks that nothing else comes
// within a short while.
func expect(t *testing.T, ch chan received, want ...received) {
	t.Helper()
	for i, w := range want {
		select {
		case got := <-ch:
			if got != w {
				t.Errorf("event %d: got %+v, want %+v", i, got, w)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("event %d (%+v) did not come", i, w)
		}
	}
	select {
	case got := <-ch:
		t.Errorf("unexpected event %+v", got)
	case <-time.After(200 * time.Millisecond):
	}
}

func openTest(t *testing.T, d *libvirtdtest.Daemon) *conn {
	t.Helper()
	c, err := Backend{}.ConnectOpen(d.URI(), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c.(*conn)
}

// must is v, or a panic (a failed test) on err.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestNetworkAndPoolEvents registers network and storage pool callbacks
// on a loopback libvirtd, for one object and for every object, changes the
// objects and checks what each callback gets, and that the daemon is told
// to stop when the last callback of an event ID goes.
func TestNetworkAndPoolEvents(t *testing.T) {
	d := libvirtdtest.Start(t)
	c := openTest(t, d)
	ch := make(chan received, 100)

	def := must(c.NetworkLookupByName("default"))
	other := must(c.NetworkDefineXML(`<network><name>ev-net</name><bridge name="evbr0"/></network>`))
	pool := must(c.StoragePoolLookupByName("default-pool"))

	netOther := must(c.NetworkEventRegisterAny(other, 0, collector(ch, "ev-net only")))
	netAll := must(c.NetworkEventRegisterAny(nil, 0, collector(ch, "any network")))
	poolAll := must(c.StoragePoolEventRegisterAny(nil, 0, collector(ch, "any pool")))
	poolRefresh := must(c.StoragePoolEventRegisterAny(pool, 1, collector(ch, "refresh")))
	if fmt.Sprint(netOther, netAll, poolAll, poolRefresh) != "0 1 2 3" {
		t.Errorf("callback IDs %d %d %d %d, want 0 1 2 3", netOther, netAll, poolAll, poolRefresh)
	}
	if n := len(c.ev.remote); n != 3 {
		t.Errorf("%d registrations on the daemon, want 3 (network lifecycle, pool lifecycle, pool refresh)", n)
	}

	if err := def.Destroy(); err != nil {
		t.Fatal(err)
	}
	if err := def.Create(); err != nil {
		t.Fatal(err)
	}
	if err := other.Create(); err != nil {
		t.Fatal(err)
	}
	if err := pool.Refresh(0); err != nil {
		t.Fatal(err)
	}
	if err := pool.Destroy(); err != nil {
		t.Fatal(err)
	}
	expect(t, ch,
		received{"any network", "default", "3 0"}, // stopped
		received{"any network", "default", "2 0"}, // started
		received{"ev-net only", "ev-net", "2 0"},
		received{"any network", "ev-net", "2 0"},
		received{"refresh", "default-pool", ""},
		received{"any pool", "default-pool", "3 0"},
	)

	// The daemon's registration stays while a callback wants it.
	if err := c.NetworkEventDeregisterAny(netAll); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.ev.remote[eventKey{networkEvents, 0}]; !ok {
		t.Error("the daemon was told to stop network events that a callback still wants")
	}
	if err := other.Destroy(); err != nil {
		t.Fatal(err)
	}
	expect(t, ch, received{"ev-net only", "ev-net", "3 0"})
	for _, f := range []func() error{
		func() error { return c.NetworkEventDeregisterAny(netOther) },
		func() error { return c.StoragePoolEventDeregisterAny(poolAll) },
		func() error { return c.StoragePoolEventDeregisterAny(poolRefresh) },
	} {
		if err := f(); err != nil {
			t.Fatal(err)
		}
	}
	if len(c.ev.remote) != 0 || len(c.ev.cbs) != 0 {
		t.Errorf("after deregistering all: %d daemon registrations, %d callbacks", len(c.ev.remote), len(c.ev.cbs))
	}
	if err := pool.Create(0); err != nil {
		t.Fatal(err)
	}
	expect(t, ch)

	err := c.NetworkEventDeregisterAny(netOther)
	if e, ok := driver.AsError(err); !ok || e.Message != "invalid argument: event callback id 0 not registered" {
		t.Errorf("deregistering twice: %v", err)
	}
	_, err = c.StoragePoolEventRegisterAny(nil, 2, collector(ch, "x"))
	if e, ok := driver.AsError(err); !ok || e.Message != "invalid argument: unknown storage pool event ID 2" {
		t.Errorf("unknown event ID: %v", err)
	}
}

// TestDomainEvents checks per-domain filtering, the legacy registration
// sharing the daemon's lifecycle registration, and events of another ID.
func TestDomainEvents(t *testing.T) {
	d := libvirtdtest.Start(t)
	c := openTest(t, d)
	ch := make(chan received, 100)
	dom := must(c.DomainLookupByName("test"))
	other := must(c.DomainDefineXML(`<domain type="test"><name>ev-dom</name><memory>1024</memory><os><type>hvm</type></os></domain>`))

	only := must(c.DomainEventRegisterAny(other, driver.DomainEventIDLifecycle, collector(ch, "ev-dom only")))
	if err := c.DomainEventRegisterLegacy(collector(ch, "legacy")); err != nil {
		t.Fatal(err)
	}
	any := must(c.DomainEventRegisterAny(nil, driver.DomainEventIDLifecycle, collector(ch, "any")))
	if n := len(c.ev.remote); n != 1 {
		t.Errorf("%d registrations on the daemon, want 1", n)
	}
	if err := dom.Suspend(); err != nil {
		t.Fatal(err)
	}
	if err := other.Create(); err != nil {
		t.Fatal(err)
	}
	expect(t, ch,
		received{"legacy", "test", "3 0"},
		received{"any", "test", "3 0"},
		received{"ev-dom only", "ev-dom", "2 0"},
		received{"legacy", "ev-dom", "2 0"},
		received{"any", "ev-dom", "2 0"},
	)
	// Events of another ID: metadata changes, whose namespace is
	// optional (the test driver's reboot sends no event).
	meta := must(c.DomainEventRegisterAny(dom, driver.DomainEventIDMetadataChange, collector(ch, "metadata")))
	if err := dom.SetMetadata(0, "a description", "", "", 0); err != nil {
		t.Fatal(err)
	}
	if err := dom.SetMetadata(2, "<x/>", "k", "http://k/", 0); err != nil {
		t.Fatal(err)
	}
	expect(t, ch,
		received{"metadata", "test", "0 <nil>"},
		received{"metadata", "test", "2 http://k/"},
	)
	if err := c.DomainEventDeregisterAny(meta); err != nil {
		t.Fatal(err)
	}
	if err := c.DomainEventDeregisterLegacy(); err != nil {
		t.Fatal(err)
	}
	if err := c.DomainEventDeregisterAny(any); err != nil {
		t.Fatal(err)
	}
	if err := c.DomainEventDeregisterAny(only); err != nil {
		t.Fatal(err)
	}
	if len(c.ev.remote) != 0 {
		t.Errorf("the daemon still has %d registrations", len(c.ev.remote))
	}
	if err := dom.Resume(); err != nil {
		t.Fatal(err)
	}
	expect(t, ch)
}

// TestEventIDsMatchPython registers and deregisters callbacks in the
// order a python3-libvirt script does on the same kind of daemon, and
// compares the callback IDs and the errors.
func TestEventIDsMatchPython(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Skip("python3-libvirt, the reference, is not installed")
	}
	d := libvirtdtest.Start(t)
	out, err := exec.Command(python, "-c", `
import libvirt
libvirt.virEventRegisterDefaultImpl()
libvirt.registerErrorHandler(lambda *a: None, None)
c = libvirt.open("`+d.URI()+`")
f = lambda *a: None
def show(fn):
    try:
        r = fn()
        print("ok" if r is None else r)
    except libvirt.libvirtError as e:
        print("error", e.get_error_code(), e.get_error_message())
show(lambda: c.domainEventRegisterAny(c.lookupByName("test"), 0, f, None))
show(lambda: c.domainEventRegisterAny(None, 0, f, None))
show(lambda: c.domainEventRegister(f, None))
show(lambda: c.networkEventRegisterAny(None, 0, f, None))
show(lambda: c.storagePoolEventRegisterAny(None, 1, f, None))
show(lambda: c.domainEventRegisterAny(None, 1, f, None))
show(lambda: c.domainEventDeregisterAny(1))
show(lambda: c.domainEventRegisterAny(None, 1, f, None))
show(lambda: c.secretEventRegisterAny(None, 0, f, None))
show(lambda: c.nodeDeviceEventRegisterAny(None, 0, f, None))
show(lambda: c.domainEventDeregisterAny(1))
show(lambda: c.domainEventRegisterAny(None, 0, f, None))
`).Output()
	if err != nil {
		t.Fatal(err)
	}
	c := openTest(t, d)
	f := func(driver.ObjectEvent) {}
	var got strings.Builder
	show := func(id int, err error) {
		if e, ok := driver.AsError(err); ok {
			fmt.Fprintln(&got, "error", e.Code, e.Message)
		} else if err != nil {
			fmt.Fprintln(&got, "error", err)
		} else if id < 0 {
			fmt.Fprintln(&got, "ok")
		} else {
			fmt.Fprintln(&got, id)
		}
	}
	none := func(err error) (int, error) { return -1, err }
	show(c.DomainEventRegisterAny(must(c.DomainLookupByName("test")), 0, f))
	show(c.DomainEventRegisterAny(nil, 0, f))
	show(none(c.DomainEventRegisterLegacy(f)))
	show(c.NetworkEventRegisterAny(nil, 0, f))
	show(c.StoragePoolEventRegisterAny(nil, 1, f))
	show(c.DomainEventRegisterAny(nil, 1, f))
	show(none(c.DomainEventDeregisterAny(1)))
	show(c.DomainEventRegisterAny(nil, 1, f))
	show(c.SecretEventRegisterAny(nil, 0, f))
	show(c.NodeDeviceEventRegisterAny(nil, 0, f))
	show(none(c.DomainEventDeregisterAny(1)))
	show(c.DomainEventRegisterAny(nil, 0, f))
	if got.String() != string(out) {
		t.Errorf("the remote backend:\n%s\npython3-libvirt:\n%s", got.String(), out)
	}
}

// TestNoGoroutineAfterClose checks that a connection that had event
// callbacks, and got events, leaves no goroutine behind once closed.
func TestNoGoroutineAfterClose(t *testing.T) {
	d := libvirtdtest.Start(t)
	before := runtime.NumGoroutine()
	c, err := Backend{}.ConnectOpen(d.URI(), false)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan received, 100)
	must(c.DomainEventRegisterAny(nil, driver.DomainEventIDLifecycle, collector(ch, "any")))
	must(c.NetworkEventRegisterAny(nil, 0, collector(ch, "net")))
	if err := c.RegisterCloseCallback(func(int) {}); err != nil {
		t.Fatal(err)
	}
	dom := must(c.DomainLookupByName("test"))
	if err := dom.Suspend(); err != nil {
		t.Fatal(err)
	}
	expect(t, ch, received{"any", "test", "3 0"})
	if _, err := c.Close(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines before opening, %d after closing:\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestCloseCallback cuts a connection between the backend and libvirtd
// and checks that the close callback learns it, with reason EOF, once.
func TestCloseCallback(t *testing.T) {
	d := libvirtdtest.Start(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	cut := make(chan struct{})
	go func() { // a proxy to the daemon, which cut closes
		a, err := l.Accept()
		if err != nil {
			return
		}
		b, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", d.Port))
		if err != nil {
			a.Close()
			return
		}
		go io.Copy(a, b)
		go io.Copy(b, a)
		<-cut
		a.Close()
		b.Close()
	}()
	dc, err := Backend{}.ConnectOpen(fmt.Sprintf("test+tcp://%s/default", l.Addr()), false)
	if err != nil {
		t.Fatal(err)
	}
	defer dc.Close()
	// A call after the open orders go-libvirt's own bookkeeping of the
	// open before its goroutine that sees the connection end (its
	// ConnectToURI sets a field that goroutine reads, with no lock).
	if _, err := dc.GetType(); err != nil {
		t.Fatal(err)
	}
	reasons := make(chan int, 10)
	if err := dc.RegisterCloseCallback(func(r int) { reasons <- r }); err != nil {
		t.Fatal(err)
	}
	if err := dc.RegisterCloseCallback(func(r int) { reasons <- 100 + r }); err != nil {
		t.Fatal(err)
	}
	close(cut)
	select {
	case r := <-reasons:
		if r != 100+closeReasonEOF {
			t.Errorf("reason %d, want the second callback's %d", r, 100+closeReasonEOF)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the close callback was not called")
	}
	select {
	case r := <-reasons:
		t.Errorf("called again, reason %d", r)
	case <-time.After(200 * time.Millisecond):
	}
}

// anys are vs as []any, for fmt.
func anys(vs []host.Value) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}
