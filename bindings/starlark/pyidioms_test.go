package starlark_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// runPy runs src as t.star with the arguments "a" and "b c" under lim,
// and returns its stdout, its stderr and what Run returned.
func runPy(t *testing.T, lim host.Limits, src string) (string, string, error) {
	t.Helper()
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: lim})
	defer s.Close()
	var out, errOut bytes.Buffer
	err := s.Run(context.Background(), starlark.New(), host.Script{
		Path: "t.star", Src: []byte(src), Args: []string{"t.star", "a", "b c"}, Stdout: &out, Stderr: &errOut,
	})
	return out.String(), errOut.String(), err
}

func TestPrint(t *testing.T) {
	for _, lim := range []host.Limits{{}, host.DefaultLimits} { // unguarded and guarded
		tests := []struct {
			src, out, errOut, err string
		}{
			{`print("a", 1, None, [1, "x"], b"by")`, "a 1 None [1, \"x\"] by\n", "", ""},
			{`print()`, "\n", "", ""},
			{`print("a", "b", sep="")`, "ab\n", "", ""},
			{`print("a", "b", sep=None, end=None)`, "a b\n", "", ""},
			{`print("a", end="")` + "\n" + `print("b", end="!\n")`, "ab!\n", "", ""},
			{`print(sep="-", *["x", "y", "z"])`, "x-y-z\n", "", ""},
			{`print("e", file=sys.stderr); print("o", file=sys.stdout, flush=True); print("n", file=None)`, "o\nn\n", "e\n", ""},
			{`print("x", sep=1)`, "", "", "t.star:1:6: print: sep must be None or a string, not int"},
			{`print("x", file="out")`, "", "", "t.star:1:6: print: file must be sys.stdout or sys.stderr, not string"},
			{`print("x", color="red")`, "", "", "t.star:1:6: print: unexpected keyword argument \"color\""},
		}
		for _, tt := range tests {
			out, errOut, err := runPy(t, lim, tt.src)
			msg := ""
			if err != nil {
				msg, _, _ = strings.Cut(err.Error(), "\n")
			}
			if out != tt.out || errOut != tt.errOut || msg != tt.err {
				t.Errorf("%s (limits %v): got %q, %q, %q; want %q, %q, %q", tt.src, lim != host.Limits{}, out, errOut, msg, tt.out, tt.errOut, tt.err)
			}
		}
	}
}

func TestPrintIsGuarded(t *testing.T) {
	// A short list printed with a long separator is a long line.
	_, _, err := runPy(t, host.Limits{MaxMemory: 64 * mib},
		"sep = \"-\" * 1000000\nprint(sep=sep, *list(range(1000)))\n")
	var le *host.LimitError
	if !errors.As(err, &le) || le.Limit != "max-memory" || !strings.HasPrefix(err.Error(), "t.star:2:6: max-memory: print() would build a string of 952 MiB") {
		t.Errorf("got %v, want print refused by max-memory", err)
	}
}

func TestSys(t *testing.T) {
	out, errOut, err := runPy(t, host.DefaultLimits, `print(sys.argv, sys.argv == argv)
argv.append("d")
print(len(sys.argv), type(sys.stdout), sys.stderr, dir(sys.stdout))
n = sys.stdout.write("héllo\n")
sys.stderr.write("to stderr\n")
print(n, sys.stdout.flush())
`)
	want := "[\"t.star\", \"a\", \"b c\"] True\n4 file <sys.stderr> [\"flush\", \"write\"]\nhéllo\n6 None\n"
	if err != nil || out != want || errOut != "to stderr\n" {
		t.Errorf("got %q, %q, %v; want %q", out, errOut, err, want)
	}
	_, _, err = runPy(t, host.Limits{}, `sys.stdout.write(1)`)
	if err == nil || !strings.HasPrefix(err.Error(), "t.star:1:17: sys.stdout.write: for parameter 1: got int, want string") {
		t.Errorf("write(1): %v", err)
	}
}

func TestExit(t *testing.T) {
	tests := []struct {
		src    string
		code   int // -1: success, -2: status -1
		out    string
		errOut string
	}{
		{`print("a"); exit(); print("b")`, -1, "a\n", ""},
		{`exit(0)`, -1, "", ""},
		{`sys.exit(3)`, 3, "", ""},
		{`exit(code=4)`, 4, "", ""},
		{`sys.exit(code=None)`, -1, "", ""},
		{`exit(True)`, 1, "", ""},
		{`exit(False)`, -1, "", ""},
		{`exit(256)`, 256, "", ""},
		{`exit(-1)`, -2, "", ""},      // status -1 (-2: see below)
		{`exit(1 << 70)`, -2, "", ""}, // past 64 bits: -1, as Python
		{`sys.exit("giving up")`, 1, "", "giving up\n"},
		{`exit(3.5)`, 1, "", "3.5\n"},
		{`exit([1, "x"])`, 1, "", "[1, \"x\"]\n"},
		// Deep in calls, through builtins that call back, and past
		// libvirt.catch, which catches only libvirt errors.
		{"def f(x):\n    exit(5)\nsorted([2, 1], key=f)\nprint('no')", 5, "", ""},
		{`libvirt.catch(sys.exit, 6)`, 6, "", ""},
	}
	for _, tt := range tests {
		out, errOut, err := runPy(t, host.DefaultLimits, tt.src)
		var ee *host.ExitError
		switch {
		case tt.code == -2:
			if !errors.As(err, &ee) || ee.Code != -1 || err.Error() != "the script exited with status -1" {
				t.Errorf("%s: got %v, want status -1", tt.src, err)
			}
		case tt.code < 0:
			if err != nil {
				t.Errorf("%s: got %v, want success", tt.src, err)
			}
		default:
			if !errors.As(err, &ee) || ee.Code != tt.code {
				t.Errorf("%s: got %v, want status %d", tt.src, err, tt.code)
			}
		}
		if out != tt.out || errOut != tt.errOut {
			t.Errorf("%s: printed %q and %q, want %q and %q", tt.src, out, errOut, tt.out, tt.errOut)
		}
	}
	// A limit that ends the run wins over nothing: exit is not a way
	// around it, and a failure is not an exit.
	_, _, err := runPy(t, host.Limits{MaxSteps: 1000}, "while True:\n    pass\nexit(0)")
	var le *host.LimitError
	if !errors.As(err, &le) {
		t.Errorf("got %v, want the step limit", err)
	}
	_, _, err = runPy(t, host.Limits{}, "exit(1, 2)")
	var se *host.ScriptError
	if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), "t.star:1:5: exit: got 2 arguments, want at most 1") {
		t.Errorf("exit(1, 2): %v", err)
	}
}
