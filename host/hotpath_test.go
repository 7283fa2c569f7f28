package host_test

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// The hot path: what a script's loop calls (lookups, name, info,
// listDomainsID) through the core's Session.Call, with the options that
// keep it zero-cost (no audit, no dry run, no call timeout) and with each
// of those on. `go test -bench Call -benchmem ./host` reports ns/op and
// allocs/op; TestHotPathAllocations pins the allocations.

// hotCall is one call of the hot path, on test:///default.
type hotCall struct {
	name  string
	class string
	op    string
	recv  func(conn, dom *host.Object) *host.Object
	args  []host.Value
	// allocs is the most allocations a call may make on the zero-cost
	// path (TestHotPathAllocations): what the result itself needs.
	allocs float64
}

var hotCalls = []hotCall{
	// A name read again is the Value made before (Object.strOf).
	{"name", host.ClassDomain, "name", onDomain, nil, 0},
	// The result: a list of five ints, three of them too large for Go's
	// preallocated small ints, and the list's array.
	{"info", host.ClassDomain, "info", onDomain, nil, 5},
	// The domain is the session's already, which takes the backend's
	// fresher pointer: that pointer's wrapper and its name.
	{"lookupByID", host.ClassConnect, "lookupByID", onConn, []host.Value{int64(1)}, 2},
	// The backend's list of IDs, which is the result (host.Ints), and
	// its box as a Value.
	{"listDomainsID", host.ClassConnect, "listDomainsID", onConn, nil, 2},
}

func onDomain(_, dom *host.Object) *host.Object { return dom }
func onConn(conn, _ *host.Object) *host.Object  { return conn }

// hotSession opens test:///default with opts and looks up its domain.
func hotSession(tb testing.TB, opts host.Options) (s *host.Session, conn, dom *host.Object) {
	tb.Helper()
	opts.URI = "test:///default"
	s = host.NewSession(cgobackend.New(), opts)
	tb.Cleanup(func() { _ = s.Close() })
	c, err := s.Call(host.Lookup(host.ClassModule, "open"), nil, nil, nil)
	if err != nil {
		tb.Fatal(err)
	}
	conn = c.(*host.Object)
	d, err := s.Call(host.Lookup(host.ClassConnect, "lookupByID"), conn, []host.Value{int64(1)}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return s, conn, d.(*host.Object)
}

// hotOptions are the sessions the benchmarks compare: the zero-cost path,
// and each option that adds to it.
var hotOptions = []struct {
	name string
	opts host.Options
}{
	{"zero-cost", host.Options{}},
	{"call-timeout", host.Options{Limits: host.Limits{CallTimeout: time.Minute}}},
	{"cli-limits", host.Options{Limits: host.DefaultLimits}},
	{"audit", host.Options{Audit: slog.New(slog.NewJSONHandler(io.Discard, nil))}},
	{"dry-run", host.Options{DryRun: true}},
}

// BenchmarkCall is each hot call through Session.Call, under each of
// hotOptions.
func BenchmarkCall(b *testing.B) {
	for _, hc := range hotCalls {
		for _, o := range hotOptions {
			b.Run(hc.name+"/"+o.name, func(b *testing.B) {
				s, conn, dom := hotSession(b, o.opts)
				op, recv := host.Lookup(hc.class, hc.op), hc.recv(conn, dom)
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					if _, err := s.Call(op, recv, hc.args, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestHotPathAllocations pins what each hot call allocates on the
// zero-cost path, so that a change that adds to it fails here and shows
// in review. The call timeout costs nothing per call either.
func TestHotPathAllocations(t *testing.T) {
	for _, hc := range hotCalls {
		for _, o := range hotOptions[:3] {
			s, conn, dom := hotSession(t, o.opts)
			op, recv := host.Lookup(hc.class, hc.op), hc.recv(conn, dom)
			var err error
			got := testing.AllocsPerRun(200, func() { _, err = s.Call(op, recv, hc.args, nil) })
			if err != nil {
				t.Fatalf("%s: %v", hc.name, err)
			}
			if got > hc.allocs {
				t.Errorf("%s (%s) makes %v allocations per call, want at most %v", hc.name, o.name, got, hc.allocs)
			}
		}
	}
}
