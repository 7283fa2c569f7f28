package main

import (
	"fmt"
	"strconv"
	"strings"
)

// fleetResult is the fleet benchmark's parallel speed-up.
type fleetResult struct {
	xSequential float64 // median of the runs' x-sequential
	runs        int     // how many runs it is the median of
}

// parseFleet reads the output of `go test -bench` on tests/bench/fleet and
// returns the median x-sequential of BenchmarkFleetEx6Latency. A failed
// run, or output without the figure, is an error.
func parseFleet(out string) (fleetResult, error) {
	if strings.Contains(out, "FAIL") {
		return fleetResult{}, fmt.Errorf("the fleet benchmark failed:\n%s", out)
	}
	var xs []float64
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || !strings.HasPrefix(f[0], "BenchmarkFleetEx6Latency") {
			continue
		}
		for i := 1; i < len(f); i++ {
			if f[i] != "x-sequential" {
				continue
			}
			x, err := strconv.ParseFloat(f[i-1], 64)
			if err != nil {
				return fleetResult{}, fmt.Errorf("fleet benchmark: bad x-sequential in %q", line)
			}
			xs = append(xs, x)
		}
	}
	if len(xs) == 0 {
		return fleetResult{}, fmt.Errorf("the fleet benchmark's output has no x-sequential figure:\n%s", out)
	}
	return fleetResult{xSequential: median(xs), runs: len(xs)}, nil
}
