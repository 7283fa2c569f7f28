package host_test

import (
	"testing"
	"time"

	"github.com/vertscript/vertscript/host"
)

// TestZone: a clock's local zone is the one NewFakeClockIn gives, else
// the process's.
func TestZone(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	zone := time.FixedZone("XYZ", 3600)
	for _, c := range []struct {
		clock host.Clock
		want  *time.Location
	}{
		{host.SystemClock{}, time.Local},
		{host.NewFakeClock(start), time.Local},
		{host.NewFakeClockIn(start, zone), zone},
		{host.NewFakeClockIn(start, nil), time.Local},
	} {
		if got := host.Zone(c.clock); got != c.want {
			t.Errorf("Zone(%#v) = %v, want %v", c.clock, got, c.want)
		}
	}
}
