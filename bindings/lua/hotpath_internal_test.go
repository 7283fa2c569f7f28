package lua

import (
	"context"
	"fmt"
	"io"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
	"github.com/vertscript/vertscript/internal/allocstest"
)

// The adapter's share of the hot path: converting values both ways, and a
// method call from a script's loop. `go test -bench . -benchmem` reports
// allocs/op; TestLoopAllocations pins what a loop's iteration allocates.

// convInterp is an interpreter for the conversion benchmarks.
func convInterp() (*interp, *lua.LState) {
	in := &interp{objects: map[*host.Object]*lua.LUserData{}, modules: map[string]lua.LValue{}, cancels: map[*lua.LState]context.CancelFunc{}}
	L := lua.NewState()
	in.main = L
	return in, L
}

// BenchmarkFromHost converts each result to Lua.
func BenchmarkFromHost(b *testing.B) {
	in, L := convInterp()
	defer L.Close()
	for _, hv := range allocstest.Results() {
		b.Run(hv.Name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				_ = in.fromHost(L, hv.Value)
			}
		})
	}
}

// BenchmarkToHost converts each result's Lua value back, as an argument
// is.
func BenchmarkToHost(b *testing.B) {
	in, L := convInterp()
	defer L.Close()
	for _, hv := range allocstest.Results() {
		lv := in.fromHost(L, hv.Value)
		b.Run(hv.Name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				_ = in.toHost(L, lv)
			}
		})
	}
}

// loops are the hot path as scripts write it, arg[1] times.
var loops = []allocstest.Loop{
	{Name: "name", Src: `
local dom = libvirt.open():lookupByID(1)
for i = 1, tonumber(arg[1]) do dom:name() end
`, Allocs: 0.1}, // measured 0.06: the name's value is made once; gopher-lua grows a stack now and then
	// listDomainsID's list and info()'s (the core's and Lua's tables),
	// info's numbers past 1023 (see smallNumbers), the backend's pointer
	// and its name.
	{Name: "lookup-info-name", Src: `
local conn = libvirt.open()
for i = 1, tonumber(arg[1]) do
  local ids = conn:listDomainsID()
  local dom = conn:lookupByID(ids[i % #ids + 1])
  dom:info()
  dom:name()
end
`, Allocs: 17.5},
}

// runLoop runs the loop n times on test:///default under the CLI's limits.
func runLoop(tb testing.TB, src string, n int) {
	tb.Helper()
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: host.DefaultLimits})
	defer s.Close()
	script := host.Script{Path: "loop.lua", Src: []byte(src), Args: []string{"loop.lua", fmt.Sprint(n)}, Stdout: io.Discard, Stderr: io.Discard}
	if err := New().Run(context.Background(), s, script); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkLoop is one iteration of each loop.
func BenchmarkLoop(b *testing.B) { allocstest.Bench(b, loops, runLoop) }

// TestLoopAllocations pins what an iteration of each loop allocates (see
// allocstest.PerIteration).
func TestLoopAllocations(t *testing.T) { allocstest.Pin(t, loops, runLoop) }
