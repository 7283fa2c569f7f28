package starlark_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// runScript runs src as t.star on test:///default and returns what it
// printed and its error message ("" on success).
func runScript(t *testing.T, ctx context.Context, src string, args ...string) (string, string) {
	t.Helper()
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default"})
	defer func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	}()
	var out bytes.Buffer
	err := starlark.New().Run(ctx, s, host.Script{
		Path: "t.star", Src: []byte(src), Args: append([]string{"t.star"}, args...),
		Stdout: &out, Stderr: &out,
	})
	if err == nil {
		return out.String(), ""
	}
	var se *host.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("Run returned %T %v, want a *host.ScriptError", err, err)
	}
	return out.String(), err.Error()
}

func TestScripts(t *testing.T) {
	tests := []struct {
		name, src string
		out, err  string
	}{
		{"objects print like libvirt-python's names",
			`c = libvirt.open(); print(c); print(c.lookupByID(1)); print(type(c), type(c.lookupByID(1)))`,
			"<virConnect test:///default>\n<virDomain test>\nvirConnect virDomain\n", ""},
		{"dir and hasattr list methods",
			`d = libvirt.open().lookupByID(1); print("suspend" in dir(d), hasattr(d, "resume"), hasattr(d, "nope"))`,
			"True True False\n", ""},
		{"the same domain is the same value",
			`c = libvirt.open(); print(c.lookupByID(1) == c.lookupByName("test"), len(set([c.lookupByID(1), c.lookupByName("test")])))`,
			"True 1\n", ""},
		{"return types follow libvirt-python",
			`d = libvirt.open().lookupByID(1); print(d.isActive(), d.info()[0], d.state(), d.ID(), type(d.XMLDesc()))`,
			"1 1 [1, 0] 1 string\n", ""},
		{"keyword arguments",
			`c = libvirt.open(name=None); print(len(c.listAllDomains(flags=libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)))`,
			"1\n", ""},
		{"catch returns a libvirt error as a value",
			`r, e = libvirt.catch(libvirt.open().lookupByName, "nosuch")
print(r, e.get_error_code(), e.get_error_domain(), e.get_error_level(), e.get_error_message(), str(e))
r, e = libvirt.catch(libvirt.open().lookupByName, name="test")
print(r, e)`,
			"None 42 12 2 Domain not found Domain not found\n<virDomain test> None\n", ""},
		{"catch does not hide script bugs",
			`libvirt.catch(libvirt.open().lookupByName, 1)`,
			"", "t.star:1:14: virConnect.lookupByName: for parameter name: got int, want string\nTraceback (most recent call last):\n  t.star:1:14: in <toplevel>"},
		{"an uncaught libvirt error ends the script with libvirt's message",
			"c = libvirt.open()\ndef f(name):\n    return c.lookupByName(name)\nf('nosuch')\n",
			"", "t.star:3:26: virConnect.lookupByName: Domain not found\nTraceback (most recent call last):\n  t.star:4:2: in <toplevel>\n  t.star:3:26: in f"},
		{"dicts with int keys cross both ways",
			`c = libvirt.open()
m = c.getFreePages([4], 0, 1)
print(type(m), len(m))
r, e = libvirt.catch(c.allocPages, {2048: 8}, 0, 1)
print(e.get_error_code())
c.allocPages({"2048": 8})`,
			"dict 0\n3\n", "t.star:6:13: virConnect.allocPages: for parameter pages: got dict, want dict with int keys\nTraceback (most recent call last):\n  t.star:6:13: in <toplevel>"},
		{"Python-style top-level code",
			`n = 0
while n < 3:
    n += 1
s = set([1, 2, 2])
def fact(k):
    return 1 if k <= 1 else k * fact(k - 1)
if n == 3:
    for x in [1]:
        n = fact(5)
print(n, len(s))`,
			"120 2\n", ""},
		{"argv holds the script and its arguments", `print(argv)`, "[\"t.star\", \"a\", \"b c\"]\n", ""},
		{"constants", `print(libvirt.VIR_DOMAIN_RUNNING, libvirt.VIR_DOMAIN_PAUSED, libvirt.VIR_ERR_NO_DOMAIN)`, "1 3 42\n", ""},
		{"unknown method", `libvirt.open().lookupByNam("x")`,
			"", "t.star:1:15: virConnect has no .lookupByNam field or method (did you mean .lookupByName?)\nTraceback (most recent call last):\n  t.star:1:15: in <toplevel>"},
		{"wrong argument count", `libvirt.open().lookupByID()`,
			"", "t.star:1:26: virConnect.lookupByID: missing argument for id\nTraceback (most recent call last):\n  t.star:1:26: in <toplevel>"},
		{"syntax error", "print(1\n", "", "t.star:2:1: got end of file, want ')'"},
		{"undefined name", "print(nope)\n", "", "t.star:1:7: undefined: nope"},
		{"fail", `fail("stop here")`, "", "t.star:1:5: fail: stop here\nTraceback (most recent call last):\n  t.star:1:5: in <toplevel>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runScript(t, context.Background(), tt.src, "a", "b c")
			if out != tt.out || err != tt.err {
				t.Errorf("got output %q, error %q\nwant output %q, error %q", out, err, tt.out, tt.err)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dom.xml")
	if err := os.WriteFile(path, []byte("<domain/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runScript(t, context.Background(), `print(read_file(argv[1]))`, path)
	if out != "<domain/>\n" || err != "" {
		t.Errorf("got %q, %q", out, err)
	}
	_, err = runScript(t, context.Background(), `read_file(argv[1] + ".missing")`, path)
	if want := "t.star:1:10: read_file: open " + path + ".missing: no such file or directory"; len(err) < len(want) || err[:len(want)] != want {
		t.Errorf("got %q, want it to begin with %q", err, want)
	}
}

func TestCancellationStopsAnEndlessLoop(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	time.AfterFunc(100*time.Millisecond, func() { cancel(errors.New("interrupted")) })
	_, err := runScript(t, ctx, "while True:\n    pass\n")
	if want := "Starlark computation cancelled: interrupted"; !strings.Contains(err, want) {
		t.Errorf("got %q, want it to contain %q", err, want)
	}
}

// TestStepAndDepthLimits: a runaway loop and a runaway recursion end with
// their limit, at once.
func TestStepAndDepthLimits(t *testing.T) {
	tests := []struct {
		src    string
		limits host.Limits
		want   string
	}{
		{"while True:\n    pass\n", host.Limits{MaxSteps: 100000}, "max-steps"},
		{"def f(n):\n    return 1 + f(n + 1)\nf(1)\n", host.Limits{MaxDepth: 200}, "max-depth"},
		{"def f(n):\n    return 1 + f(n + 1)\nf(1)\n", host.DefaultLimits, "max-depth"},
	}
	for _, tt := range tests {
		s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: tt.limits})
		err := s.Run(context.Background(), starlark.New(), host.Script{Path: "t.star", Src: []byte(tt.src), Args: []string{"t.star"}, Stdout: io.Discard, Stderr: io.Discard})
		s.Close()
		var le *host.LimitError
		if !errors.As(err, &le) || le.Limit != tt.want || !strings.HasPrefix(err.Error(), "t.star:") {
			t.Errorf("%q: got %v, want a %s limit error with its position", tt.src, err, tt.want)
		}
	}
}
