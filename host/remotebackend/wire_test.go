package remotebackend

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/host/driver"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// TestReadOnlyAtTheDaemon opens a read-only connection and makes a
// mutating call below the core, with go-libvirt itself: the daemon
// refuses it, as it refuses libvirt's own read-only connections.
func TestReadOnlyAtTheDaemon(t *testing.T) {
	d := libvirtdtest.Start(t)
	for _, ro := range []bool{true, false} {
		dc, err := Backend{}.ConnectOpen(d.URI(), ro)
		if err != nil {
			t.Fatal(err)
		}
		c := dc.(*conn)
		dom, err := c.l.DomainLookupByName("test")
		if err != nil {
			t.Fatal(err)
		}
		err = c.conv(c.l.DomainSuspend(dom))
		e, _ := driver.AsError(err)
		switch {
		case ro && (e == nil || !strings.Contains(e.Message, "read only access")):
			t.Errorf("suspend on a read-only connection: %v, want the daemon's refusal", err)
		case !ro && err != nil:
			t.Errorf("suspend on a read-write connection: %v", err)
		}
		if !ro {
			_ = c.l.DomainResume(dom)
		}
		dc.Close()
	}
}

// TestErrorsKeepDomainAndLevel checks the wire's record of the daemon's
// errors: the test driver's domain, not the remote driver's.
func TestErrorsKeepDomainAndLevel(t *testing.T) {
	d := libvirtdtest.Start(t)
	c, err := Backend{}.ConnectOpen(d.URI(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, err = c.DomainLookupByName("nonesuch")
	if e, ok := driver.AsError(err); !ok || e.Code != 42 || e.Domain != 12 || e.Level != 2 {
		t.Errorf("lookup of a missing domain: %#v, want code 42 (VIR_ERR_NO_DOMAIN), domain 12 (VIR_FROM_TEST), level 2", err)
	}
}

// goroutinesSettle waits for the goroutine count to fall to want.
func goroutinesSettle(want int) int {
	deadline := time.Now().Add(10 * time.Second)
	for {
		g := runtime.NumGoroutine()
		if g <= want || time.Now().After(deadline) {
			return g
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func openFDs(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(ents)
}

// TestKeepaliveNoticesAFrozenDaemon freezes the daemon (SIGSTOP) under an
// idle connection: keepalive closes it in interval × count, the waiting
// call returns libvirt's keepalive error, and nothing is left behind.
func TestKeepaliveNoticesAFrozenDaemon(t *testing.T) {
	interval, count := keepaliveInterval, keepaliveCount
	keepaliveInterval, keepaliveCount = 100*time.Millisecond, 5
	t.Cleanup(func() { keepaliveInterval, keepaliveCount = interval, count })

	d := libvirtdtest.Start(t)
	goroutines, fds := runtime.NumGoroutine(), openFDs(t)
	c, err := Backend{}.ConnectOpen(d.URI(), true)
	if err != nil {
		t.Fatal(err)
	}
	// An idle second is answered: PINGs and PONGs keep it open.
	time.Sleep(time.Second)
	if alive, _ := c.IsAlive(); !alive {
		t.Fatal("an idle connection to a running daemon was closed")
	}
	if err := d.Stop(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = c.ListDomains(1)
	took := time.Since(start)
	e, _ := driver.AsError(err)
	if e == nil || e.Message != "internal error: connection closed due to keepalive timeout" {
		t.Errorf("a call to the frozen daemon: %v, want the keepalive error", err)
	}
	// 0.5 s of keepalive, plus encoding 24 MiB, which takes seconds
	// under -race on a loaded 2-core machine.
	if took > 5*time.Second {
		t.Errorf("the keepalive took %s to notice (interval 100ms, count 5)", took)
	}
	c.Close()
	if g := goroutinesSettle(goroutines); g > goroutines {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines after Close, %d before\n%s", g, goroutines, buf[:runtime.Stack(buf, true)])
	}
	if f := openFDs(t); f > fds {
		t.Errorf("%d descriptors after Close, %d before", f, fds)
	}
}

// TestOpenEndsWithItsContext opens a frozen daemon's driver: the open
// returns when its context ends, with nothing left behind.
func TestOpenEndsWithItsContext(t *testing.T) {
	d := libvirtdtest.Start(t)
	goroutines, fds := runtime.NumGoroutine(), openFDs(t)
	if err := d.Stop(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Backend{}.ConnectOpenContext(ctx, d.URI(), true)
	if err == nil || time.Since(start) > 2*time.Second {
		t.Errorf("open of a frozen daemon: %v after %s", err, time.Since(start))
	}
	if g := goroutinesSettle(goroutines); g > goroutines {
		t.Errorf("%d goroutines after the open, %d before", g, goroutines)
	}
	if f := openFDs(t); f > fds {
		t.Errorf("%d descriptors after the open, %d before", f, fds)
	}
}

// TestOversizedPacketRefused answers the open with a packet whose length
// passes libvirt's limit: the wire refuses it without allocating it.
func TestOversizedPacketRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		var hdr [4]byte
		binary.BigEndian.PutUint32(hdr[:], 0xfffffff0)
		buf := make([]byte, 4096)
		_, _ = c.Read(buf) // the first call
		_, _ = c.Write(hdr[:])
		time.Sleep(2 * time.Second)
	}()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = Backend{}.ConnectOpen(fmt.Sprintf("test+tcp://%s/default", l.Addr()), true)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatal("an open answered with a 4 GiB packet succeeded")
	}
	// libvirt's client says it so (virNetMessageDecodeLength).
	want := "packet 4294967276 bytes received from server too large, want 33554432"
	if e, ok := driver.AsError(err); !ok || e.Code != driver.ErrRPC || e.Domain != driver.FromRPC || e.Message != want {
		t.Errorf("the open: %#v, want code 39 (VIR_ERR_RPC), domain 7 (VIR_FROM_RPC), %q", err, want)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > maxPacket {
		t.Errorf("allocated %d bytes reading the refused packet", grew)
	}
}

// TestKeepaliveWhileAWriteIsStuck freezes the daemon, then makes a call
// whose packet does not fit in the socket's buffers, so that its write
// blocks: keepalive still closes the connection in time, and the call
// returns the keepalive error.
func TestKeepaliveWhileAWriteIsStuck(t *testing.T) {
	interval, count := keepaliveInterval, keepaliveCount
	keepaliveInterval, keepaliveCount = 100*time.Millisecond, 5
	t.Cleanup(func() { keepaliveInterval, keepaliveCount = interval, count })

	d := libvirtdtest.Start(t)
	goroutines, fds := runtime.NumGoroutine(), openFDs(t)
	c, err := Backend{}.ConnectOpen(d.URI(), false)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Stop(); err != nil {
		t.Fatal(err)
	}
	big := "<domain>" + strings.Repeat("x", 24<<20) + "</domain>"
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := c.DomainDefineXML(big)
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		c.(*conn).Abort()
		<-done
		t.Fatal("a call stuck writing to a frozen daemon was not ended by keepalive within 10s")
	}
	took := time.Since(start)
	e, _ := driver.AsError(err)
	if e == nil || e.Message != "internal error: connection closed due to keepalive timeout" {
		t.Errorf("a call stuck writing to the frozen daemon: %v, want the keepalive error", err)
	}
	// 0.5 s of keepalive, plus encoding 24 MiB, which takes seconds
	// under -race on a loaded 2-core machine.
	if took > 5*time.Second {
		t.Errorf("the keepalive took %s to notice (interval 100ms, count 5)", took)
	}
	c.Close()
	if g := goroutinesSettle(goroutines); g > goroutines {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines after Close, %d before\n%s", g, goroutines, buf[:runtime.Stack(buf, true)])
	}
	if f := openFDs(t); f > fds {
		t.Errorf("%d descriptors after Close, %d before", f, fds)
	}
}

// TestArgumentsTooLong defines a domain whose XML passes libvirt's string
// limit (4 MiB), then one whose call passes its packet limit (32 MiB):
// each fails as it fails with python3-libvirt, whose client refuses to
// encode them, and the connection goes on.
func TestArgumentsTooLong(t *testing.T) {
	d := libvirtdtest.Start(t)
	c, err := Backend{}.ConnectOpen(d.URI(), false)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, mib := range []int{5, 40} {
		t.Run(fmt.Sprintf("%dMiB", mib), func(t *testing.T) {
			want := "39 7 2 Unable to encode message payload\n[1]\n"
			if _, err := os.Stat("/usr/bin/python3"); err == nil {
				out, err := exec.Command("/usr/bin/python3", "-c", fmt.Sprintf(`
import libvirt
libvirt.registerErrorHandler(lambda *a: None, None)
c = libvirt.open(%q)
try:
    c.defineXML("<domain>" + "x" * (%d << 20) + "</domain>")
except libvirt.libvirtError as e:
    print(e.get_error_code(), e.get_error_domain(), e.get_error_level(), e.get_error_message())
print(c.listDomainsID())
`, d.URI(), mib)).CombinedOutput()
				if err != nil {
					t.Fatalf("python3-libvirt: %v\n%s", err, out)
				}
				want = string(out)
			}
			_, err := c.DomainDefineXML("<domain>" + strings.Repeat("x", mib<<20) + "</domain>")
			e, ok := driver.AsError(err)
			if !ok {
				t.Fatalf("define: %#v", err)
			}
			ids, err := c.ListDomains(16)
			if err != nil {
				t.Fatalf("the connection after the refused call: %v", err)
			}
			if got := fmt.Sprintf("%d %d %d %s\n%v\n", e.Code, e.Domain, e.Level, e.Message, ids); got != want {
				t.Errorf("got %q, python3-libvirt says %q", got, want)
			}
		})
	}
}

// TestUnknownProcedureInAMessage looks up a network and a pool named
// "unknown procedure": not found, as python3-libvirt says, where
// go-libvirt takes any error saying "unknown procedure" for a procedure
// the daemon lacks.
func TestUnknownProcedureInAMessage(t *testing.T) {
	d := libvirtdtest.Start(t)
	c, err := Backend{}.ConnectOpen(d.URI(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, nerr := c.NetworkLookupByName("unknown procedure")
	_, perr := c.StoragePoolLookupByName("unknown procedure")
	got := ""
	for _, err := range []error{nerr, perr} {
		e, ok := driver.AsError(err)
		if !ok {
			t.Fatalf("lookup: %#v", err)
		}
		got += fmt.Sprintf("%d %d %d %s\n", e.Code, e.Domain, e.Level, e.Message)
	}
	want := "43 12 2 Network not found: no network with matching name 'unknown procedure'\n" +
		"49 12 2 Storage pool not found: no storage pool with matching name 'unknown procedure'\n"
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		out, err := exec.Command("/usr/bin/python3", "-c", fmt.Sprintf(`
import libvirt
libvirt.registerErrorHandler(lambda *a: None, None)
c = libvirt.openReadOnly(%q)
for f in (c.networkLookupByName, c.storagePoolLookupByName):
    try:
        f("unknown procedure")
    except libvirt.libvirtError as e:
        print(e.get_error_code(), e.get_error_domain(), e.get_error_level(), e.get_error_message())
`, d.URI())).CombinedOutput()
		if err != nil {
			t.Fatalf("python3-libvirt: %v\n%s", err, out)
		}
		want = string(out)
	}
	if got != want {
		t.Errorf("got %q, python3-libvirt says %q", got, want)
	}
}

// TestDaemonKeepalive keeps a connection idle with the client's own
// keepalive off: the daemon, asked at the open as libvirt's client asks,
// PINGs it (every 5 s by default) and the wire answers, so the daemon
// would let go of a client that stopped answering.
func TestDaemonKeepalive(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the daemon's keepalive interval (5 s)")
	}
	interval := keepaliveInterval
	keepaliveInterval = time.Hour
	t.Cleanup(func() { keepaliveInterval = interval })

	d := libvirtdtest.Start(t)
	dc, err := Backend{}.ConnectOpen(d.URI(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer dc.Close()
	c := dc.(*conn)
	deadline := time.Now().Add(12 * time.Second)
	for c.w.daemonPings.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if c.w.daemonPings.Load() == 0 {
		t.Fatal("the daemon sent no PING in 12 s of quiet")
	}
	time.Sleep(200 * time.Millisecond)
	if _, err := c.ListDomains(16); err != nil {
		t.Errorf("the connection after the daemon's PING: %v", err)
	}
}

// TestKeepaliveWhileAPacketArrives has a peer send a long packet slowly,
// over more than keepalive's interval × count: bytes arriving are an
// answering daemon, so the wire does not close the connection under it.
func TestKeepaliveWhileAPacketArrives(t *testing.T) {
	interval, count := keepaliveInterval, keepaliveCount
	keepaliveInterval, keepaliveCount = 50*time.Millisecond, 3
	t.Cleanup(func() { keepaliveInterval, keepaliveCount = interval, count })

	client, peer := net.Pipe()
	w := newWire(client, false)
	defer w.Close()
	go func() { _, _ = io.Copy(io.Discard, peer) }() // the wire's PINGs
	const size = 64 << 10
	go func() {
		pkt := make([]byte, size)
		for i, v := range []uint32{size, remoteProgram, 1, 1, typeReply, 1, 0} {
			binary.BigEndian.PutUint32(pkt[4*i:], v)
		}
		for len(pkt) > 0 { // 1 KiB every 10 ms: 640 ms in all
			n := min(1024, len(pkt))
			if _, err := peer.Write(pkt[:n]); err != nil {
				return
			}
			pkt = pkt[n:]
			time.Sleep(10 * time.Millisecond)
		}
	}()
	got, err := io.ReadFull(w, make([]byte, size))
	if err != nil || got != size {
		t.Fatalf("read %d bytes of a packet arriving slowly: %v", got, err)
	}
}
