package starlark_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// TestPythonBuiltins checks sum, round, map and filter against what
// python3 prints for the same lines (strings in lists aside: Starlark
// writes them with double quotes).
func TestPythonBuiltins(t *testing.T) {
	out, err := runScript(t, context.Background(), `
print(sum([1, 2, 3]), sum([1.5, 2], 10), sum([[1], [2]], []))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(7), round(0.5))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(filter(lambda x: x % 2, range(7))), list(filter(None, [0, 1, "", "a", None])))
t0 = time.monotonic()
time.sleep(0.05)
print(time.monotonic() - t0 >= 0.05, time.time() > 1700000000)
`)
	want := `6 13.5 [1, 2]
2 4 -2 2.67 1200 7 0
[2, 4, 6] [11, 22]
[1, 3, 5] [1, "a"]
True True
`
	if err != "" || out != want {
		t.Errorf("got %q, error %q; want %q", out, err, want)
	}
	for src, wantErr := range map[string]string{
		`sum(["a", "b"], "")`: `sum: can't sum strings`,
		`sum([1, "a"])`:       "sum: unknown binary op: int + string",
		`round("x")`:          "round: got string, want a number",
		`time.sleep(-1)`:      "time.sleep: sleep length must be a non-negative number of seconds",
		`map(len)`:            "map: want map(function, iterable, ...)",
	} {
		if _, err := runScript(t, context.Background(), src); !strings.Contains(err, wantErr) {
			t.Errorf("%s: got error %q, want one containing %q", src, err, wantErr)
		}
	}
}

// TestSleepEndsWithTheRun checks that the timeout does not wait for a
// sleeping script.
func TestSleepEndsWithTheRun(t *testing.T) {
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: host.Limits{Timeout: 200 * time.Millisecond}})
	defer s.Close()
	start := time.Now()
	err := s.Run(context.Background(), starlark.New(), host.Script{Path: "t.star", Src: []byte("time.sleep(60)\n"), Args: []string{"t.star"}})
	if err == nil || !strings.Contains(err.Error(), "timeout: the script ran longer than 200ms") {
		t.Errorf("got %v, want the timeout", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the run took %s", took)
	}
}

func TestMainIdiom(t *testing.T) {
	out, err := runScript(t, context.Background(), "def main():\n    print(__file__)\n    return 0\nif __name__ == \"__main__\":\n    sys.exit(main())\n")
	if err != "" || out != "t.star\n" {
		t.Errorf("got %q, error %q; want \"t.star\\n\"", out, err)
	}
}

func TestElementTreeAliases(t *testing.T) {
	out, err := runScript(t, context.Background(), `print(ElementTree.fromstring("<a x='1'/>").get("x"), ET.fromstring("<b/>").tag, xml.etree.ElementTree.fromstring("<c/>").tag)`)
	if err != "" || out != "1 b c\n" {
		t.Errorf("got %q, error %q", out, err)
	}
}
