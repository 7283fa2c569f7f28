package starlark_test

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// TestCalendarMatchesPython runs the same snippet with python3 (in the
// same TZ as this process) and compares the output.
func TestCalendarMatchesPython(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed")
	}
	src := `
for secs in [0, 1e9, 1700000000, 1711846800, 1719792000.75, -86400 * 400]:
    lt = time.localtime(secs)
    gt = time.gmtime(secs)
    print(str(lt), str(gt), lt.tm_zone, lt.tm_gmtoff, gt.tm_zone, gt.tm_gmtoff, lt[0], gt[-1], len(lt))
    print(time.strftime("%Y-%m-%d %H:%M:%S %Z %z %j %U %W %V %G %a %b %c %x %X %p %-d %_m %e", lt))
    print(time.strftime("%Y-%m-%d %H:%M:%S %Z %z %s", gt), time.ctime(secs), time.asctime(lt), time.asctime(gt))
    print("%d %d" % (int(time.mktime(lt)), int(time.mktime(tuple(lt)))))
    print(time.strftime("%c %Z", tuple(lt)), time.strftime("%c", (2020, 2, 29, 1, 2, 3, 5, 60, -1)))
print(time.strftime("%Y", time.localtime()) == time.strftime("%Y"), time.asctime() == time.ctime())
`
	out, msg := runScript(t, context.Background(), src)
	if msg != "" {
		t.Fatal(msg)
	}
	py, err := exec.Command("python3", "-c", "import time\n"+src).CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, py)
	}
	if out != string(py) {
		t.Errorf("vertscript:\n%s\npython3:\n%s", out, py)
	}
}

func TestCalendarErrors(t *testing.T) {
	for _, tt := range []struct{ src, err string }{
		{`time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0))`, "time.strftime: month out of range"},
		{`time.strftime("%Y", (2020, 1, 1))`, "time.strftime: time tuple must have exactly 9 elements, got 3"},
		{`time.strftime("%Y", "now")`, "time.strftime: got string, want a struct_time or a tuple of 9 ints"},
		{`time.localtime("x")`, "time.localtime: got string, want a number of seconds"},
		{`time.gmtime(float("nan"))`, "time.gmtime: timestamp out of range for platform time_t"},
		{`time.strftime("%999999999999Y")`, "max-memory: time.strftime"},
		{`time.strftime("%c" * 100000000)`, "max-memory"},
	} {
		_, err, _ := runLimited(t, host.Limits{MaxMemory: 64 << 20}, tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%s: got %v, want %q", tt.src, err, tt.err)
		}
	}
}

// TestCalendarReadsTheSessionClock: the defaults of localtime, gmtime,
// strftime, ctime and asctime are the session's clock, and sleep moves it.
func TestCalendarReadsTheSessionClock(t *testing.T) {
	clock := host.NewFakeClock(time.Date(2026, 12, 5, 1, 59, 37, 0, time.UTC))
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Clock: clock})
	defer s.Close()
	var out bytes.Buffer
	src := `print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), time.gmtime().tm_min)
time.sleep(90)
print(time.asctime(time.gmtime()), int(time.time()), time.localtime()[0])`
	err := starlark.New().Run(context.Background(), s, host.Script{Path: "t.star", Src: []byte(src), Args: []string{"t.star"}, Stdout: &out, Stderr: &out})
	want := "2026-12-05 01:59:37 59\nSat Dec  5 02:01:07 2026 1796436067 2026\n"
	if err != nil || out.String() != want {
		t.Errorf("got %q (%v), want %q", out.String(), err, want)
	}
}

// TestCalendarLocalZoneIsTheClocks: localtime, strftime, ctime and mktime
// read local time in the clock's zone (host.NewFakeClockIn), not the
// machine's, so that `vertscript test` outputs do not depend on TZ.
func TestCalendarLocalZoneIsTheClocks(t *testing.T) {
	zone := time.FixedZone("XYZ", 5*3600+30*60)
	clock := host.NewFakeClockIn(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), zone)
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Clock: clock})
	defer s.Close()
	var out bytes.Buffer
	src := `print(time.strftime("%Y-%m-%d %H:%M:%S %Z"), time.localtime().tm_hour, time.ctime(0))
print(int(time.mktime(time.localtime())), int(time.mktime((2026, 1, 1, 5, 30, 0, 3, 1, -1))))
print(time.strftime("%H:%M %Z", (2026, 1, 1, 5, 30, 0, 3, 1, 0)))`
	err := starlark.New().Run(context.Background(), s, host.Script{Path: "t.star", Src: []byte(src), Args: []string{"t.star"}, Stdout: &out, Stderr: &out})
	want := "2026-01-01 05:30:00 XYZ 5 Thu Jan  1 05:30:00 1970\n1767225600 1767225600\n05:30 XYZ\n"
	if err != nil || out.String() != want {
		t.Errorf("got %q (%v), want %q", out.String(), err, want)
	}
}
