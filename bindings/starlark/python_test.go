package starlark_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// runPython runs src as the Python file t.py on a session with opts, and
// returns its stdout and error.
func runPython(t *testing.T, opts host.Options, src string) (string, error) {
	t.Helper()
	if opts.URI == "" {
		opts.URI = "test:///default"
	}
	s := host.NewSession(cgobackend.New(), opts)
	defer s.Close()
	var out bytes.Buffer
	err := s.Run(context.Background(), starlark.Python(), host.Script{
		Path: "t.py", Src: []byte(src), Args: []string{"t.py"}, Stdout: &out,
	})
	return out.String(), err
}

// python3 runs src with the reference interpreter and returns its stdout
// and exit status; the test is skipped without it.
func python3(t *testing.T, src string) (string, int) {
	t.Helper()
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Skip("no /usr/bin/python3")
	}
	path := filepath.Join(t.TempDir(), "t.py")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("/usr/bin/python3", path)
	cmd.Env = append(os.Environ(), "LIBVIRT_DEFAULT_URI=test:///default")
	var out bytes.Buffer
	cmd.Stdout = &out
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return out.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), 0
}

// TestPythonControlFlow runs try statements, loop else clauses, global
// and names bound nowhere in both python3 and the Python dialect, and
// compares what they print and their exit status.
func TestPythonControlFlow(t *testing.T) {
	programs := map[string]string{
		"finally on each way out": `
def f(n):
    try:
        if n == 0:
            return "zero"
        if n == 1:
            raise KeyError("k")
        return "other"
    except KeyError:
        print("handler")
        return "key"
    finally:
        print("finally", n)
print(f(0)); print(f(1)); print(f(2))
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("fin", i)
else:
    print("not reached")
def h():
    for x in [1, 2, 3]:
        try:
            if x == 2:
                return x * 10
        finally:
            print("h fin", x)
print(h())
`,
		"nested, reraised and chained": `
def g():
    try:
        try:
            raise ValueError("inner")
        except KeyError:
            print("wrong")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        try:
            raise
        except Exception as e2:
            print("reraised", e2)
g()
try:
    try:
        raise ValueError("x")
    except ValueError:
        raise RuntimeError("wrapped") from None
except RuntimeError as e:
    print("chain", e)
try:
    raise ValueError
except (KeyError, ValueError) as e:
    print("tuple of classes", type(e) == ValueError or True)
try:
    [][1]
except LookupError as e:
    print("base class", e)
try:
    {}["k"]
except KeyError as e:
    print("key", e)
try:
    print(1 // 0)
except ArithmeticError as e:
    print("arith", e)
`,
		"libvirt errors": `
import libvirt
conn = libvirt.open("test:///default")
for name in ["test", "missing", "test"]:
    try:
        dom = conn.lookupByName(name)
    except libvirt.libvirtError as e:
        print("no", name, e.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN, e.get_error_message())
        continue
    else:
        print("found", dom.name())
    finally:
        print("next")
try:
    conn.lookupByName("missing")
except:
    print("bare except")
try:
    conn.lookupByName("missing")
except Exception as e:
    print("Exception takes it:", str(e))
`,
		"loop else and while else": `
for i in range(3):
    if i == 5:
        break
else:
    print("for else")
for i in range(3):
    for j in range(3):
        if j == 1:
            break
    else:
        print("inner else")
    if i == 1:
        break
else:
    print("not reached")
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
`,
		"global and names bound nowhere": `
count = 0
def inc(by):
    global count
    count += by
def read():
    return count
inc(2); inc(3)
print(count, read())
def setter():
    global later
    later = "set"
setter()
print(later)
if count > 100:
    print(never_defined)
    import no_such_module
try:
    print(never_defined)
except NameError as e:
    print(e)
`,
		"operators": `
a = b = [1]
print(a is b, a is not b, a is [1], None is None, 2 ** 10, -2 ** 2, 2 ** -1, 2 ** 3 ** 2)
print(True == 1, 1 == 1.0, [True] == [1], sum(x * x for x in range(4)))
print(", ".join(c for c in "abc"), len({1, 2, 2}))
x: int = 5
def f(a: int, b: "str" = "s") -> str:
    return b * a
print(x, f(2))
assert x == 5, "five"
d = {"a": 1, "b": 2}
del d["a"]
print(len(d))
`,
		"exit through finally": `
import sys
try:
    sys.exit(3)
finally:
    print("exiting")
`,
		"an uncaught exception": `
def f():
    raise ValueError("bad")
print("before")
f()
print("not reached")
`,
	}
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			want, wantCode := python3(t, src)
			got, err := runPython(t, host.Options{}, src)
			code := 0
			var ee *host.ExitError
			switch {
			case errors.As(err, &ee):
				code = ee.Code
			case err != nil:
				code = 1
			}
			if got != want || code != wantCode {
				t.Errorf("got %q, exit %d (%v);\nwant %q, exit %d", got, code, err, want, wantCode)
			}
		})
	}
}

// TestPythonHandlersCannotCatchLimits attacks the sandbox from handlers:
// limits, policy refusals and cancellation end the script whatever they
// say.
func TestPythonHandlersCannotCatchLimits(t *testing.T) {
	tests := []struct {
		name string
		opts host.Options
		src  string
		want error
	}{
		{"steps", host.Options{Limits: host.Limits{MaxSteps: 10000}}, `
while True:
    try:
        while True:
            pass
    except:
        print("caught")
`, new(host.LimitError)},
		{"timeout", host.Options{Limits: host.Limits{Timeout: 300 * time.Millisecond}}, `
while True:
    try:
        while True:
            pass
    except BaseException:
        print("caught")
    finally:
        print("caught")
`, new(host.LimitError)},
		{"memory", host.Options{Limits: host.Limits{MaxMemory: 64 << 20}}, `
for i in range(3):
    try:
        s = "x" * (1 << 40)
    except Exception:
        print("caught")
`, new(host.LimitError)},
		{"policy", host.Options{Policy: host.Policy{ReadOnly: true}}, `
import libvirt
conn = libvirt.open("test:///default")
try:
    conn.lookupByName("test").destroy()
except:
    print("caught")
`, new(host.PolicyError)},
		{"files", host.Options{Policy: host.Policy{AllowRead: []string{t.TempDir()}}}, `
for path in ["/etc/shadow", "../../etc/passwd"]:
    try:
        print(open(path).read())
    except IOError:
        print("caught")
    except:
        print("caught")
`, new(host.PolicyError)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := runPython(t, tc.opts, tc.src)
			if strings.Contains(out, "caught") {
				t.Errorf("a handler caught it: %q", out)
			}
			target := any(tc.want)
			if !errors.As(err, &target) {
				t.Errorf("got %v, want a %T", err, tc.want)
			}
		})
	}
}

// TestPythonRefusals checks that what the dialect cannot express fails
// at its line, saying why and where the porting guide tells more.
func TestPythonRefusals(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x = 1\nclass Foo:\n    pass\n", "t.py:2:1: classes are not supported: Starlark has no classes; use functions and dicts (see docs/porting.md#classes)"},
		{"def g():\n    yield 1\n", "t.py:2:5: yield is not supported"},
		{"def f():\n    x = 1\n    def g():\n        nonlocal x\n", "t.py:4:9: nonlocal is not supported"},
		{"@decorator\ndef f(): pass\n", "t.py:1:1: decorators are not supported"},
		{"print 'hi'\n", "t.py:1:1: the print statement is Python 2: write print(...) (see docs/porting.md#python-2)"},
		{"y = (x := 2)\n", "t.py:1:8: assignment expressions (:=) are not supported"},
		{"from os import *\n", "t.py:1:16: from os import * is not supported"},
		{"from . import helper\n", "t.py:1:6: relative imports are not supported"},
		{"import sys\nif True:\n    import threading\n", "t.py:3:5: ModuleNotFoundError: No module named 'threading': vertscript does not provide it (see docs/porting.md#threads)"},
		{"import asyncio, socket\n", "t.py:1:1: ModuleNotFoundError: No module named 'asyncio': vertscript does not provide it (see docs/porting.md#threads)"},
		{"import requests\n", "t.py:1:1: ModuleNotFoundError: No module named 'requests': vertscript does not provide it (see docs/porting.md#network)"},
		{"import mylib\n", "t.py:1:1: ModuleNotFoundError: No module named 'mylib': vertscript does not provide it (see docs/porting.md#modules)"},
		{"from . import x\n", "t.py:1:6: relative imports are not supported: a script is one file; Starlark's load() reads helper modules (see docs/porting.md#imports)"},
		{"try:\n    pass\nexcept E, e:\n    pass\n", "t.py:3:9: except E, name is Python 2: write except E as name (see docs/porting.md#python-2)"},
		{"y = (x := 2)\nz = 1\n", "t.py:1:8: assignment expressions (:=) are not supported: assign on a line of its own (see docs/porting.md#syntax)"},
		{"def f():\n    def g():\n        nonlocal q\n", "t.py:3:9: nonlocal is not supported: a Starlark function cannot rebind its enclosing function's names; return the value or keep it in a dict or list (see docs/porting.md#scopes)"},
		{"def g():\n    x = yield\n", "t.py:2:9: yield is not supported: Starlark has no generators; build and return a list (see docs/porting.md#generators)"},
		{"import subprocess\n", "t.py:1:1: ModuleNotFoundError: No module named 'subprocess': vertscript does not provide it (see docs/porting.md#processes)"},
		{"from xml.dom import nosuch\n", "t.py:1:1: ImportError: cannot import name 'nosuch' from 'xml.dom'"},
		{"__vs_try__ = 1\n", "t.py:1:1: __vs_try__: names beginning with __vs_ are reserved"},
		{"try:\n    pass\nprint(1)\n", "t.py:1:1: try without except or finally"},
		{"x = 'unterminated\n", "t.py:1:5: unterminated string literal"},
		{"raise ValueError('bad thing')\n", "t.py:1:1: ValueError: bad thing"},
		{"assert 1 == 2, 'one is not two'\n", "t.py:1:1: AssertionError: one is not two"},
		{"d = {}\nd['k']\n", "t.py:2:2: KeyError: 'k'"},
		{"print(undefined_name)\n", "t.py:1:7: NameError: name 'undefined_name' is not defined"},
	}
	guide, err := os.ReadFile("../../docs/porting.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		_, err := runPython(t, host.Options{}, tc.src)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: got %v,\nwant an error beginning %q", tc.src, err, tc.want)
			continue
		}
		// The section the error cites is in the guide.
		if _, anchor, ok := strings.Cut(err.Error(), "docs/porting.md#"); ok {
			anchor, _, _ = strings.Cut(anchor, ")")
			if !strings.Contains(string(guide), "\n### "+anchor+"\n") {
				t.Errorf("%q cites docs/porting.md#%s, which has no such section", tc.src, anchor)
			}
		}
	}
}

// TestStarlarkFloatsPrintAsPython checks that Starlark scripts print
// floats as Python does, whatever shows them (print, str, repr, %, format,
// a container): Starlark's own formatting writes 1e7 as 1e+07.
func TestStarlarkFloatsPrintAsPython(t *testing.T) {
	src := `
for x in [1704067200000000000/2/10000000, 1e7, 123456789.0, 1e15, 1e16, 1.5e-5, 0.0001, 0.1+0.2, -2.5, 3.0, 1e300, 12345678.9]:
    print(x, str(x), repr(x), "%s" % x, "{}".format(x), [x], (x,))
`
	want, _ := python3(t, src)
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default"})
	defer s.Close()
	var out bytes.Buffer
	if err := s.Run(context.Background(), starlark.New(), host.Script{Path: "t.star", Src: []byte(src), Stdout: &out}); err != nil {
		t.Fatal(err)
	}
	if out.String() != want {
		t.Errorf("got\n%s\nwant (python3)\n%s", out.String(), want)
	}
}
