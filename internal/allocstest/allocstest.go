// Package allocstest measures what one iteration of a script's loop
// allocates, for the tests that pin the hot path's allocations.
package allocstest

import (
	"runtime"
	"testing"
)

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
