package main

import (
	"fmt"
	"slices"
	"time"
)

// median returns the median of xs (the mean of the middle two when len(xs)
// is even), or 0 for none. xs is not modified.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// quartile returns the q-th quartile (q in 1..3) of xs by the nearest-rank
// method, or 0 for none. xs is not modified.
func quartile(xs []float64, q int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[(len(s)-1)*q/4]
}

// spread is the interquartile range of xs over its median: how noisy a
// median is (0.05: the middle half of the runs lie within 5% of it).
func spread(xs []float64) float64 {
	m := median(xs)
	if m == 0 {
		return 0
	}
	return (quartile(xs, 3) - quartile(xs, 1)) / m
}

// formatSeconds writes a duration given in seconds: "0.702 s" from a tenth
// of a second up, else in milliseconds ("23.4 ms").
func formatSeconds(s float64) string {
	if s >= 0.1 {
		return fmt.Sprintf("%.3f s", s)
	}
	return fmt.Sprintf("%.1f ms", s*1e3)
}

// formatMiB writes a size given in bytes in MiB ("38.2 MiB").
func formatMiB(bytes float64) string {
	return fmt.Sprintf("%.1f MiB", bytes/(1<<20))
}

// ratio is v over the floor's value, or 0 when the floor is 0.
func ratio(v, floor float64) float64 {
	if floor == 0 {
		return 0
	}
	return v / floor
}

// formatRatio writes a ratio to the floor as "4.5×" (two decimals below 10,
// one from 10 up), or "n/a" when there is none.
func formatRatio(r float64) string {
	switch {
	case r <= 0:
		return "n/a"
	case r < 10:
		return fmt.Sprintf("%.2f×", r)
	default:
		return fmt.Sprintf("%.1f×", r)
	}
}

// cell writes a measurement and its ratio to the floor: "0.702 s (4.50×)".
func cell(value string, r float64) string {
	return fmt.Sprintf("%s (%s)", value, formatRatio(r))
}

// seconds converts a duration to seconds.
func seconds(d time.Duration) float64 { return d.Seconds() }
