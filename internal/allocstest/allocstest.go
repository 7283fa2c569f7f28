// Package allocstest measures what one iteration of a script's loop
// allocates, for the tests that pin the hot path's allocations, and runs
// the same loops as benchmarks.
package allocstest

import (
	"runtime"
	"testing"

	"github.com/vertscript/vertscript/host"
)

// Loop is a script's hot loop: Src runs its body as many times as its
// argument says.
type Loop struct {
	Name, Src string
	// Allocs is the most an iteration may allocate (see Pin): what it
	// measured, and half of one for the run's own few.
	Allocs float64
}

// Run runs a loop's source n times, in a language's own way.
type Run func(tb testing.TB, src string, n int)

// PerIteration runs run with 1000 and then 3000 iterations (after a warm-up
// of 10) and returns the allocations the 2000 more made, per iteration:
// what the run costs once (its set-up, its interpreter) cancels out.
func PerIteration(tb testing.TB, run func(n int)) float64 {
	tb.Helper()
	mallocs := func(n int) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		run(n)
		runtime.ReadMemStats(&after)
		return after.Mallocs - before.Mallocs
	}
	mallocs(10)
	small, large := mallocs(1000), mallocs(3000)
	return (float64(large) - float64(small)) / 2000
}

// Pin fails t for each loop whose iteration allocates more than its
// Allocs.
func Pin(t *testing.T, loops []Loop, run Run) {
	t.Helper()
	for _, l := range loops {
		got := PerIteration(t, func(n int) { run(t, l.Src, n) })
		if got > l.Allocs {
			t.Errorf("an iteration of %s allocates %.2f times, want at most %v", l.Name, got, l.Allocs)
		}
	}
}

// Bench runs each loop as a sub-benchmark, one iteration per b.N.
func Bench(b *testing.B, loops []Loop, run Run) {
	for _, l := range loops {
		b.Run(l.Name, func(b *testing.B) {
			b.ReportAllocs()
			run(b, l.Src, b.N)
		})
	}
}

// Result is a value the hot calls return, named for a benchmark.
type Result struct {
	Name  string
	Value host.Value
}

// Results are the results the hot calls return, for the adapters'
// conversion benchmarks: a name, info()'s list, listDomainsID()'s IDs (as
// the core returns them, and as a list), a dict of typed parameters.
func Results() []Result {
	stats := host.NewMap()
	stats.Set("cpu_time", int64(1234567890))
	stats.Set("user_time", int64(1000))
	return []Result{
		{"string", "test"},
		{"info", []host.Value{int64(1), int64(8388608), int64(2097152), int64(2), int64(1234567890)}},
		{"ids", host.Ints{1, 2, 3, 4}},
		{"list", []host.Value{int64(1), int64(2), int64(3), int64(4)}},
		{"dict", stats},
	}
}
