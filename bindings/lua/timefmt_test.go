package lua_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/lua"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// TestTimeReadsTheSessionClock: os.time, os.date, os.clock and sleep read
// and advance the session's clock, so a fake clock makes them repeatable.
func TestTimeReadsTheSessionClock(t *testing.T) {
	clock := host.NewFakeClock(time.Date(2026, 12, 5, 1, 59, 37, 0, time.UTC))
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Clock: clock})
	defer s.Close()
	var out bytes.Buffer
	src := `print(os.time(), os.date("!%Y-%m-%d %H:%M:%S"), os.clock())
sleep(90.5)
print(os.time(), os.date("!%c"), os.clock(), os.date("!*t").min)
print(pcall(sleep, -1))
print(pcall(sleep, "x"))`
	err := lua.New().Run(context.Background(), s, host.Script{Path: "t.lua", Src: []byte(src), Args: []string{"t.lua"}, Stdout: &out, Stderr: &out})
	want := "1796435977\t2026-12-05 01:59:37\t0\n" +
		"1796436067\tSat Dec  5 02:01:07 2026\t90.5\t1\n" +
		"false\tt.lua:4: sleep: sleep length must be a non-negative number of seconds, got -1\n" +
		"false\tt.lua:5: bad argument #1 to (anonymous) (number expected, got string)\n"
	if err != nil || out.String() != want {
		t.Errorf("got %q (%v), want %q", out.String(), err, want)
	}
}

// TestTimeLocalZoneIsTheClocks: os.date and os.time read local time in
// the clock's zone (host.NewFakeClockIn), not the machine's, so that
// `vertscript test` outputs do not depend on TZ.
func TestTimeLocalZoneIsTheClocks(t *testing.T) {
	zone := time.FixedZone("XYZ", 5*3600+30*60)
	clock := host.NewFakeClockIn(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), zone)
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Clock: clock})
	defer s.Close()
	var out bytes.Buffer
	src := `print(os.date("%Y-%m-%d %H:%M:%S %Z"), os.date("!%H:%M %Z"), os.date("*t").hour, os.date("%H:%M", 0))
print(os.time{year=2026, month=1, day=1, hour=5, min=30, sec=0})`
	err := lua.New().Run(context.Background(), s, host.Script{Path: "t.lua", Src: []byte(src), Args: []string{"t.lua"}, Stdout: &out, Stderr: &out})
	want := "2026-01-01 05:30:00 XYZ\t00:00 GMT\t5\t05:30\n1767225600\n"
	if err != nil || out.String() != want {
		t.Errorf("got %q (%v), want %q", out.String(), err, want)
	}
}
