package pystdlib_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/bindings/starlark/pystdlib"
	"github.com/vertscript/vertscript/host"
)

// The differential tests run the same small program as Python through
// /usr/bin/python3 and as Starlark with this package's modules
// predeclared, and compare what each prints. The programs keep to the
// common subset of the two languages; pyrepr is repr in Python and
// pystdlib.Repr in Starlark, so that containers print alike.

const python3 = "/usr/bin/python3"

// testStart is the fake clock's time in both languages: 2026-03-04
// 05:06:07.25 UTC, in the zone Europe/Paris.
var testStart = time.Date(2026, 3, 4, 5, 6, 7, 250000000, time.UTC)

// diffCase is one program, run with sys.argv = ["prog.py"] + args.
type diffCase struct {
	name string
	src  string
	args []string
}

// pyPrelude makes Python's side match the Starlark one: the modules
// imported, sys.argv, a fixed clock and time zone.
const pyPrelude = `
import sys, os, time, datetime as _dt
os.environ["TZ"] = "Europe/Paris"
time.tzset()
import argparse, optparse, getopt, re, json, string, socket, collections, sched, textwrap, pprint, shlex, copy, operator, functools, itertools, datetime
pyrepr = repr
_START = %v
class _FakeTime:
    now = _START
def _time():
    return _FakeTime.now
def _sleep(s):
    _FakeTime.now += s
time.time = _time
time.monotonic = _time
time.sleep = _sleep
_real_localtime, _real_gmtime, _real_ctime, _real_strftime = time.localtime, time.gmtime, time.ctime, time.strftime
time.localtime = lambda secs=None: _real_localtime(_FakeTime.now if secs is None else secs)
time.gmtime = lambda secs=None: _real_gmtime(_FakeTime.now if secs is None else secs)
time.ctime = lambda secs=None: _real_ctime(_FakeTime.now if secs is None else secs)
time.strftime = lambda fmt, t=None: _real_strftime(fmt, time.localtime() if t is None else t)
class _FakeDatetime(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_FakeTime.now, tz)
    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_FakeTime.now)
class _FakeDate(_dt.date):
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_FakeTime.now)
_FakeDatetime.__name__ = "datetime.datetime"
_FakeDate.__name__ = "datetime.date"
datetime.datetime = _FakeDatetime
datetime.date = _FakeDate
sys.argv = %s
socket.gethostname = lambda: "vertscript"
_src = %s
try:
    exec(compile(_src, "prog.py", "exec"), {k: v for k, v in globals().items() if not k.startswith("_")})
except SystemExit as e:
    sys.stdout.flush()
    print("exit", e.code)
except Exception as e:
    sys.stdout.flush()
    print("error", type(e).__name__, e)
`

func runPython(t *testing.T, c diffCase) (string, string) {
	t.Helper()
	argv, _ := json.Marshal(append([]string{"prog.py"}, c.args...))
	src, _ := json.Marshal(c.src)
	start := float64(testStart.UnixNano()) / 1e9
	prog := fmt.Sprintf(pyPrelude, start, argv, src)
	cmd := exec.Command(python3, "-c", prog)
	cmd.Env = []string{"COLUMNS=80", "LC_ALL=C.UTF-8", "PYTHONIOENCODING=utf-8", "PYTHONHASHSEED=0"}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// runStarlark runs c's program with the modules predeclared under their
// top-level names.
func runStarlark(t *testing.T, c diffCase, tb testBudget) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	mods := pystdlib.Modules(pystdlib.Options{
		Args:   append([]string{"prog.py"}, c.args...),
		Stdout: &stdout, Stderr: &stderr,
		Clock: host.NewFakeClockIn(testStart, paris),
		Ctx:   context.Background(),
	})
	predeclared := starlark.StringDict{
		"pyrepr": starlark.NewBuiltin("pyrepr", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(pystdlib.Repr(args[0])), nil
		}),
		"vars": starlark.NewBuiltin("vars", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return args[0].(interface{ Vars() *starlark.Dict }).Vars(), nil
		}),
		"sys": &sysModule{argv: append([]string{"prog.py"}, c.args...), stdout: &stdout, stderr: &stderr},
	}
	for name, m := range mods {
		if !strings.Contains(name, ".") {
			predeclared[name] = m
		}
	}
	thread := &starlark.Thread{Print: func(_ *starlark.Thread, msg string) { fmt.Fprintln(&stdout, msg) }}
	if tb != nil {
		tb.set(thread)
	}
	opts := &syntax.FileOptions{TopLevelControl: true, GlobalReassign: true, While: true, Set: true, Recursion: true}
	_, err = starlark.ExecFileOptions(opts, thread, "prog.star", c.src, predeclared)
	if e, ok := pyerr.As(err); ok {
		switch {
		case e.Class == "SystemExit":
			code := "None"
			if e.Value != nil {
				code = fmt.Sprint(e.Value)
			}
			fmt.Fprintln(&stdout, "exit", code)
		default:
			fmt.Fprintln(&stdout, "error", e.Class[strings.LastIndexByte(e.Class, '.')+1:], e.Msg)
		}
		err = nil
	}
	return stdout.String(), stderr.String(), err
}

// testBudget sets a budget on a test's thread.
type testBudget interface{ set(*starlark.Thread) }

func diff(t *testing.T, cases []diffCase) {
	t.Helper()
	if _, err := os.Stat(python3); err != nil {
		t.Skip("no " + python3)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantOut, wantErr := runPython(t, c)
			t.Logf("python3 stdout:\n%s\nstderr:\n%s", wantOut, wantErr)
			gotOut, gotErr, err := runStarlark(t, c, nil)
			if err != nil {
				t.Fatalf("starlark: %v\nstdout:\n%s", err, gotOut)
			}
			if gotOut != wantOut {
				t.Errorf("stdout differs:\n--- python3\n%s--- vertscript\n%s", wantOut, gotOut)
			}
			if gotErr != wantErr {
				t.Errorf("stderr differs:\n--- python3\n%s--- vertscript\n%s", wantErr, gotErr)
			}
		})
	}
}

// sysModule is the little of sys the test programs use: argv, stdout and
// stderr with write.
type sysModule struct {
	argv           []string
	stdout, stderr *bytes.Buffer
}

func (s *sysModule) String() string        { return "<module 'sys'>" }
func (s *sysModule) Type() string          { return "module" }
func (s *sysModule) Freeze()               {}
func (s *sysModule) Truth() starlark.Bool  { return true }
func (s *sysModule) Hash() (uint32, error) { return 0, nil }
func (s *sysModule) AttrNames() []string   { return []string{"argv", "stderr", "stdout"} }
func (s *sysModule) Attr(name string) (starlark.Value, error) {
	switch name {
	case "argv":
		l := make([]starlark.Value, len(s.argv))
		for i, a := range s.argv {
			l[i] = starlark.String(a)
		}
		return starlark.NewList(l), nil
	case "stdout":
		return &testFile{s.stdout}, nil
	case "stderr":
		return &testFile{s.stderr}, nil
	}
	return nil, nil
}

type testFile struct{ w *bytes.Buffer }

func (f *testFile) String() string        { return "<file>" }
func (f *testFile) Type() string          { return "file" }
func (f *testFile) Freeze()               {}
func (f *testFile) Truth() starlark.Bool  { return true }
func (f *testFile) Hash() (uint32, error) { return 0, nil }
func (f *testFile) AttrNames() []string   { return []string{"write"} }
func (f *testFile) Attr(name string) (starlark.Value, error) {
	if name != "write" {
		return nil, nil
	}
	return starlark.NewBuiltin("write", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		s, _ := starlark.AsString(args[0])
		f.w.WriteString(s)
		return starlark.MakeInt(len(s)), nil
	}), nil
}
