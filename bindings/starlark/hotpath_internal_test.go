package starlark

import (
	"context"
	"fmt"
	"io"
	"testing"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
	"github.com/vertscript/vertscript/internal/allocstest"
)

// The adapter's share of the hot path: converting values both ways, and a
// method call from a script's loop. `go test -bench . -benchmem` reports
// allocs/op; TestLoopAllocations pins what a loop's iteration allocates.

// BenchmarkFromHost converts each result to Starlark.
func BenchmarkFromHost(b *testing.B) {
	for _, hv := range allocstest.Results() {
		b.Run(hv.Name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				_ = fromHost(hv.Value)
			}
		})
	}
}

// BenchmarkToHost converts each result's Starlark value back, as an
// argument is.
func BenchmarkToHost(b *testing.B) {
	thread := &starlark.Thread{}
	for _, hv := range allocstest.Results() {
		sv := fromHost(hv.Value)
		b.Run(hv.Name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				_ = toHost(thread, sv)
			}
		})
	}
}

// loops are the hot path as scripts write it, argv[1] times.
var loops = []allocstest.Loop{
	{Name: "name", Src: `
dom = libvirt.open().lookupByID(1)
for i in range(int(argv[1])):
    dom.name()
`, Allocs: 0.01},
	// listDomainsID's list and info()'s (the core's and Starlark's),
	// info's large ints (Go's boxes and Starlark's big.Int), the
	// argument of lookupByID, the interpreter's copies of call
	// arguments, the backend's pointer and its name.
	{Name: "lookup-info-name", Src: `
conn = libvirt.open()
for i in range(int(argv[1])):
    ids = conn.listDomainsID()
    dom = conn.lookupByID(ids[i % len(ids)])
    dom.info()
    dom.name()
`, Allocs: 18.5},
}

// runLoop runs the loop n times on test:///default under the CLI's limits.
func runLoop(tb testing.TB, src string, n int) {
	tb.Helper()
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: host.DefaultLimits})
	defer s.Close()
	script := host.Script{Path: "loop.star", Src: []byte(src), Args: []string{"loop.star", fmt.Sprint(n)}, Stdout: io.Discard, Stderr: io.Discard}
	if err := New().Run(context.Background(), s, script); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkLoop is one iteration of each loop.
func BenchmarkLoop(b *testing.B) { allocstest.Bench(b, loops, runLoop) }

// TestLoopAllocations pins what an iteration of each loop allocates (see
// allocstest.PerIteration).
func TestLoopAllocations(t *testing.T) { allocstest.Pin(t, loops, runLoop) }

// TestObjectSharedByThreads: what an object keeps (its bound methods, its
// caller's session, its last string) is replaced whole, so threads that
// share the object (frozen module values may be) read it safely: run with
// -race.
func TestObjectSharedByThreads(t *testing.T) {
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default"})
	defer s.Close()
	conn, err := s.Call(host.Lookup(host.ClassModule, "open"), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	x := objectOf(conn.(*host.Object))
	op := host.Lookup(host.ClassConnect, "getURI")
	done := make(chan struct{})
	for g := range 2 {
		go func() {
			defer func() { done <- struct{}{} }()
			thread := &starlark.Thread{}
			thread.SetLocal(sessionKey, s)
			for i := range 500 {
				for _, name := range []string{"getURI", "getType", "getHostname", "isAlive", "listDomainsID"} {
					if b, err := x.Attr(name); err != nil || b == nil {
						t.Errorf("Attr(%s) = %v, %v", name, b, err)
						return
					}
				}
				if x.session(thread) != s {
					t.Error("the object's session is not the thread's")
					return
				}
				want := fmt.Sprintf("uri-%d-%d", g, i%3)
				if v, _ := x.result(op, want); v != starlark.String(want) {
					t.Errorf("result(%q) = %v", want, v)
					return
				}
			}
		}()
	}
	<-done
	<-done
}
