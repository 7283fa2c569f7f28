package strftime_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/host/strftime"
)

// formats are checked against python3's time.strftime (glibc's strftime).
var formats = []string{
	"%a %A %b %B %h", "%c", "%C %y %Y %G %g", "%d %e %j %m", "%D %F %T %R %r", "%H %I %k %l %M %S",
	"%p %P", "%u %w %U %W %V", "%x %X", "%z %Z", "%n%t%%", "%Y-%m-%dT%H:%M:%S%z",
	"%-d %-m %-H %-j %-y %-e %-k", "%_d %_m %_H %_j", "%05d %010a %^10b %10Y %4C",
	"%^a %^A %^b %^p %#a %#A %#b %#p %#Z %^Z", "%Ec %EC %Ex %EX %Ey %EY %Od %Oe %OH %OI %Om %OM %OS %Ou %OU %OV %Ow %OW %Oy",
	"%-10H %0-5d %-05d %_05d %05_d", "%Q %N %+ %:z %5 %3", "100%", "%", "%-", "%E", "no conversion", "",
	"%1d %-1d %0e %-e %_G %-V %0k %-k %-C %-s %10s", "%^c %^x %^r", "%-10a|%-10A|%_10b|%10p|%010Z",
}

var seconds = regexp.MustCompile(`%[-_0^#]*[0-9]*s`)

func TestMatchesPython(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed")
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	secs := []int64{0, 1700000000, 951782400, 1104537600, 1230681600, 1262217600, 1609459199, 1719792000, -86400 * 400, 4102444800, 1711846800}
	for _, tz := range []struct {
		name string
		loc  *time.Location
	}{{"UTC", time.UTC}, {"Europe/Paris", paris}, {os.Getenv("TZ"), time.Local}} {
		py := exec.Command("python3", "-c", `
import json, sys, time
fs, ss = json.load(sys.stdin)
print(json.dumps([[time.strftime(f, time.localtime(s)) for f in fs] for s in ss]))
`)
		py.Env = []string{"TZ=" + tz.name}
		in, _ := json.Marshal([]any{formats, secs})
		py.Stdin = strings.NewReader(string(in))
		out, err := py.Output()
		if err != nil {
			t.Fatalf("python3: %v", err)
		}
		var want [][]string
		if err := json.Unmarshal(out, &want); err != nil {
			t.Fatal(err)
		}
		for i, s := range secs {
			tm := strftime.FromTime(time.Unix(s, 0).In(tz.loc))
			for j, f := range formats {
				if tz.loc != time.Local && seconds.MatchString(f) {
					continue // %s is C's mktime, in the process's zone
				}
				got, err := strftime.Format(f, tm, nil)
				if err != nil || got != want[i][j] {
					t.Errorf("TZ=%s %d %q: got %q (%v), python3 %q", tz.name, s, f, got, err, want[i][j])
				}
			}
		}
	}
}

// TestGrowBoundsTheText: a wide width or a long format asks grow before
// the text takes the memory, and its refusal ends the formatting.
func TestGrowBoundsTheText(t *testing.T) {
	tm := strftime.FromTime(time.Unix(0, 0).UTC())
	refuse := func(n int) error {
		if n > 1<<20 {
			return errors.New("too long")
		}
		return nil
	}
	for _, f := range []string{"%999999999Y", "%1073741824d", strings.Repeat("%c", 1<<17), "%99999999999999999999Q"} {
		if got, err := strftime.Format(f, tm, refuse); err == nil || err.Error() != "too long" {
			t.Errorf("%.20q: got %d bytes, %v; want the refusal", f, len(got), err)
		}
	}
	if got, err := strftime.Format("%12Y", tm, refuse); got != "000000001970" || err != nil {
		t.Errorf("got %q, %v", got, err)
	}
}
