// Package bench measures what each layer of vertscript costs over plain Go
// calling libvirt directly, the floor. Each benchmark measures the floor in
// the same run and reports its cost as a ratio to it (x-floor), so results
// compare across machines. Run with `make bench`.
package bench

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/bindings/lua"
	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

const uri = "test:///default"

// floor returns the time per lookupByID(1).name() in plain Go on
// libvirt.org/go/libvirt (look up, read the name, free): the best of three
// rounds, to damp noise.
func floor(b *testing.B) time.Duration {
	b.Helper()
	c, err := libvirt.NewConnect(uri)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	best := time.Duration(1<<63 - 1)
	for range 3 {
		best = min(best, floorRound(b, c))
	}
	return best
}

func floorRound(b *testing.B, c *libvirt.Connect) time.Duration {
	const n = 5000
	start := time.Now()
	for range n {
		d, err := c.LookupDomainById(1)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.GetName(); err != nil {
			b.Fatal(err)
		}
		d.Free()
	}
	return time.Since(start) / n
}

func report(b *testing.B, floorPerOp time.Duration, elapsed time.Duration) {
	b.ReportMetric(float64(elapsed)/float64(b.N)/float64(floorPerOp), "x-floor")
}

// BenchmarkCoreLookup is lookupByID(1).name() through the core's operation
// table: argument binding, handle ownership, error mapping.
func BenchmarkCoreLookup(b *testing.B) {
	fl := floor(b)
	s := host.NewSession(cgobackend.New(), host.Options{URI: uri})
	defer s.Close()
	conn, err := s.Call(host.Lookup(host.ClassModule, "open"), nil, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	lookup, name := host.Lookup(host.ClassConnect, "lookupByID"), host.Lookup(host.ClassDomain, "name")
	args := []host.Value{int64(1)}
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		d, err := s.Call(lookup, conn.(*host.Object), args, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Call(name, d.(*host.Object), nil, nil); err != nil {
			b.Fatal(err)
		}
	}
	report(b, fl, time.Since(start))
}

// runLanguage runs a script doing b.N lookups in lang, under the CLI's
// default limits.
func runLanguage(b *testing.B, lang host.Language, path, src string) {
	fl := floor(b)
	s := host.NewSession(cgobackend.New(), host.Options{URI: uri, Limits: host.DefaultLimits})
	defer s.Close()
	script := host.Script{Path: path, Src: []byte(src), Args: []string{path, fmt.Sprint(b.N)}, Stdout: io.Discard, Stderr: io.Discard}
	b.ResetTimer()
	start := time.Now()
	if err := s.Run(context.Background(), lang, script); err != nil {
		b.Fatal(err)
	}
	report(b, fl, time.Since(start))
}

// BenchmarkStarlarkLookup is the same loop written in Starlark.
func BenchmarkStarlarkLookup(b *testing.B) {
	runLanguage(b, starlark.New(), "bench.star", `
conn = libvirt.open()
for i in range(int(argv[1])):
    conn.lookupByID(1).name()
`)
}

// BenchmarkLuaLookup is the same loop written in Lua.
func BenchmarkLuaLookup(b *testing.B) {
	runLanguage(b, lua.New(), "bench.lua", `
local conn = libvirt.open()
for i = 1, tonumber(arg[1]) do
    conn:lookupByID(1):name()
end
`)
}
