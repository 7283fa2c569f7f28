package vertscript_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vertscript/vertscript"
	"github.com/vertscript/vertscript/fleet"
	// The remote backend, which the root package leaves to programs.
	_ "github.com/vertscript/vertscript/host/remotebackend"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// lockedBuffer is a buffer that runs on many hosts write to at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// closedPort returns a loopback TCP port where nothing listens.
func closedPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

// openFDs counts the process's open file descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(ents)
}

// settle waits up to 15s for the process's goroutines and descriptors to
// come back to at most their counts before, and reports the counts seen.
func settle(goroutines, fds int, t *testing.T) (int, int) {
	deadline := time.Now().Add(15 * time.Second)
	for {
		g, f := runtime.NumGoroutine(), openFDs(t)
		if g <= goroutines && f <= fds || time.Now().After(deadline) {
			return g, f
		}
		time.Sleep(50 * time.Millisecond)
	}
}

const fleetScript = `conn = libvirt.open()
print(conn.getURI())
for id in conn.listDomainsID():
    print("Dom %s  State %s" % (conn.lookupByID(id).name(), conn.lookupByID(id).info()[0]))
`

// TestRunHostsLoopback runs a script on four loopback libvirtds, one URI
// where nothing listens and one frozen libvirtd (SIGSTOP), two at a time:
// the healthy hosts print their output, the unreachable one fails with
// libvirt's connection error, the frozen one with the call timeout, in
// time; every audit record names its host. Once the frozen daemon
// continues, no goroutine and no descriptor is left behind: a blocked call
// into libvirt (the cgo backend) cannot be cancelled, only abandoned, and
// it returns, and its connection is closed, when the daemon does.
//
// It runs on each backend: the remote backend can end a blocked call for
// real; the test logs whether the frozen host's resources were released
// before the daemon continued.
func TestRunHostsLoopback(t *testing.T) {
	if testing.Short() {
		t.Skip("starts libvirtds")
	}
	for _, backend := range []string{"cgo", "remote"} {
		t.Run(backend, func(t *testing.T) {
			if _, err := vertscript.New(vertscript.Options{Backend: backend}); err != nil {
				t.Skipf("no %s backend in this build: %v", backend, err)
			}
			testRunHosts(t, backend)
		})
	}
}

func testRunHosts(t *testing.T, backend string) {
	var daemons []*libvirtdtest.Daemon
	for range 5 {
		daemons = append(daemons, libvirtdtest.Start(t))
	}
	frozen := daemons[4]
	var hosts []fleet.Host
	for i, d := range daemons[:4] {
		hosts = append(hosts, fleet.Host{URI: d.URI(), Name: fmt.Sprint("web", i+1), Tags: []string{"web"}})
	}
	hosts = append(hosts,
		fleet.Host{URI: fmt.Sprintf("test+tcp://127.0.0.1:%d/default", closedPort(t)), Name: "gone"},
		fleet.Host{URI: frozen.URI(), Name: "frozen"})

	const callTimeout = time.Second
	var audit lockedBuffer
	opts := vertscript.Options{Backend: backend, Audit: slog.New(slog.NewJSONHandler(&audit, nil)), Limits: vertscript.Limits{CallTimeout: callTimeout}}
	in, err := vertscript.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	// A first run sets up what lives as long as the process (libvirt's
	// event loop): the counts after it are the baseline.
	if r := in.RunHosts(context.Background(), hosts[:1], fleet.Options{}, "warm.star", []byte(fleetScript), nil); r[0].Err != nil {
		t.Fatal(r[0].Err)
	}
	time.Sleep(200 * time.Millisecond)
	goroutines, fds := runtime.NumGoroutine(), openFDs(t)

	if err := frozen.Stop(); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr lockedBuffer
	var order []string
	start := time.Now()
	results := in.RunHosts(context.Background(), hosts, fleet.Options{
		Parallel: 2,
		Output: func(h fleet.Host) (o, e io.Writer, closeOut func() error, err error) {
			po := fleet.NewPrefixWriter(&stdout, &sync.Mutex{}, h.Name)
			pe := fleet.NewPrefixWriter(&stderr, &sync.Mutex{}, h.Name)
			return po, pe, func() error { po.Flush(); return pe.Flush() }, nil
		},
	}, "fleet.star", []byte(fleetScript), func(r vertscript.HostResult) { order = append(order, r.Host.Name) })
	elapsed := time.Since(start)
	// Healthy runs take milliseconds: the frozen host's call timeout and
	// the libvirtds' answers bound the whole run.
	if elapsed > callTimeout+10*time.Second {
		t.Errorf("the fleet took %s", elapsed)
	}
	t.Logf("6 hosts, 2 at a time: %s", elapsed)
	if len(results) != 6 || len(order) != 6 {
		t.Fatalf("%d results, %d reported", len(results), len(order))
	}
	for i, r := range results[:4] {
		if r.Status != fleet.StatusOK || r.Err != nil {
			t.Errorf("%s: %s %v", r.Host.Name, r.Status, r.Err)
		}
		// Lines of the hosts interleave, whole.
		for _, want := range []string{fmt.Sprintf("[%s] %s\n", r.Host.Name, daemons[i].URI()), fmt.Sprintf("[%s] Dom test  State 1\n", r.Host.Name)} {
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
			}
		}
	}
	if r := results[4]; r.Status != fleet.StatusFailed || r.Err == nil || !strings.Contains(strings.ToLower(r.Err.Error()), "connection refused") {
		t.Errorf("unreachable host: %s %v, want failed: Connection refused", r.Status, r.Err)
	}
	if r := results[5]; r.Status != fleet.StatusFailed || r.Err == nil || !strings.Contains(r.Err.Error(), "call-timeout") ||
		r.Duration < callTimeout || r.Duration > callTimeout+5*time.Second {
		t.Errorf("frozen host: %s after %s: %v, want failed by the call timeout", r.Status, r.Duration, r.Err)
	}
	if strings.Contains(stdout.String(), "[gone]") || strings.Contains(stdout.String(), "[frozen]") {
		t.Errorf("a failed host printed:\n%s", stdout.String())
	}
	hostsAudited := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(audit.String()), "\n") {
		var rec struct{ Host string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil || rec.Host == "" {
			t.Fatalf("audit record without a host: %s", line)
		}
		hostsAudited[rec.Host] = true
	}
	for _, h := range hosts {
		if !hostsAudited[h.Name] {
			t.Errorf("no audit record names %s", h.Name)
		}
	}

	if backend == "remote" {
		// The remote backend ends the call by closing its socket: nothing
		// waits on the frozen daemon.
		if g, f := settle(goroutines, fds, t); g > goroutines || f > fds {
			buf := make([]byte, 1<<20)
			n := runtime.Stack(buf, true)
			t.Errorf("with the daemon still frozen: %d goroutines (%d before), %d descriptors (%d before)\n%s", g, goroutines, f, fds, buf[:n])
		}
	}
	// On the cgo backend, the frozen daemon's call is still inside
	// libvirt: it returns, and its connection closes, once the daemon
	// runs again.
	if err := frozen.Continue(); err != nil {
		t.Fatal(err)
	}
	if g, f := settle(goroutines, fds, t); g > goroutines || f > fds {
		buf := make([]byte, 1<<20)
		n := runtime.Stack(buf, true)
		t.Errorf("after the fleet: %d goroutines (%d before), %d descriptors (%d before)\n%s", g, goroutines, f, fds, buf[:n])
	}
}

// TestRemoteCallTimeoutEndsTheCall freezes a daemon under an open
// connection of the remote backend: the call that then blocks fails by the
// call timeout, with its connection closed, and nothing waits on the
// frozen daemon afterwards.
func TestRemoteCallTimeoutEndsTheCall(t *testing.T) {
	if _, err := vertscript.New(vertscript.Options{Backend: "remote"}); err != nil {
		t.Skip(err)
	}
	d := libvirtdtest.Start(t)
	const callTimeout = 500 * time.Millisecond
	in, err := vertscript.New(vertscript.Options{Backend: "remote", URI: d.URI(), Limits: vertscript.Limits{CallTimeout: callTimeout}})
	if err != nil {
		t.Fatal(err)
	}
	warm := "conn = libvirt.open()\nprint(conn.listDomainsID())\n"
	if _, err := in.Run(context.Background(), "warm.star", []byte(warm)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	goroutines, fds := runtime.NumGoroutine(), openFDs(t)
	src := "conn = libvirt.open()\ntime.sleep(0.3)\nprint(conn.listDomainsID())\n"
	go func() {
		time.Sleep(150 * time.Millisecond)
		_ = d.Stop()
	}()
	start := time.Now()
	_, err = in.Run(context.Background(), "frozen.star", []byte(src))
	took := time.Since(start)
	if err == nil || !strings.Contains(err.Error(), "call-timeout: virConnect.listDomainsID") || !strings.Contains(err.Error(), "the call was ended, and its connection closed") {
		t.Errorf("a call to the frozen daemon: %v", err)
	}
	if took > 300*time.Millisecond+callTimeout+2*time.Second {
		t.Errorf("the run took %s", took)
	}
	if g, f := settle(goroutines, fds, t); g > goroutines || f > fds {
		buf := make([]byte, 1<<20)
		t.Errorf("with the daemon frozen: %d goroutines (%d before), %d descriptors (%d before)\n%s", g, goroutines, f, fds, buf[:runtime.Stack(buf, true)])
	}
	_ = d.Continue()
}
