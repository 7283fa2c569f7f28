package pystdlib_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/bindings/starlark/pystdlib"
	"github.com/vertscript/vertscript/host"
)

// run runs src with the modules of o predeclared and returns what it
// printed and its error.
func run(t *testing.T, o pystdlib.Options, src string) (string, error) {
	t.Helper()
	var out strings.Builder
	predeclared := starlark.StringDict{}
	for name, m := range pystdlib.Modules(o) {
		if !strings.Contains(name, ".") {
			predeclared[name] = m
		}
	}
	thread := &starlark.Thread{Print: func(_ *starlark.Thread, msg string) { fmt.Fprintln(&out, msg) }}
	_, err := starlark.ExecFile(thread, "t.star", src, predeclared)
	return out.String(), err
}

func TestModulesNames(t *testing.T) {
	mods := pystdlib.Modules(pystdlib.Options{})
	for _, name := range []string{"argparse", "optparse", "getopt", "re", "json", "os", "os.path", "time", "datetime",
		"string", "socket", "collections", "sched", "textwrap", "pprint", "shlex", "copy", "operator", "functools", "itertools"} {
		if mods[name] == nil {
			t.Errorf("Modules() has no %s", name)
		}
	}
	for _, absent := range []string{"subprocess", "threading", "signal", "ctypes", "sys", "xml"} {
		if mods[absent] != nil {
			t.Errorf("Modules() has %s, which it must not provide", absent)
		}
	}
	// A submodule is its parent's attribute.
	path, _ := mods["os"].(starlark.HasAttrs).Attr("path")
	if path != mods["os.path"] {
		t.Error("os.path is not the os module's path attribute")
	}
}

// TestHostAccessIsRefused checks that what reaches the host fails with a
// policy refusal that names the function and says why.
func TestHostAccessIsRefused(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`os.getenv("HOME")`, "os.getenv: refused by policy: scripts do not see the environment"},
		{`os.environ["HOME"]`, "os.environ: refused by policy: scripts do not see the environment"},
		{`os.environ.get("HOME", "x")`, "os.environ.get: refused by policy"},
		{`os.system("ls")`, "os.system: refused by policy: scripts do not run programs"},
		{`os.popen("ls")`, "os.popen: refused by policy"},
		{`os.listdir("/")`, "os.listdir: refused by policy"},
		{`os.getcwd()`, "os.getcwd: refused by policy"},
		{`os.path.abspath("rel")`, "os.path.abspath: refused by policy: scripts do not see the working directory"},
		{`os.path.expanduser("~")`, "os.path.expanduser: refused by policy"},
		{`os.path.isdir("/")`, "os.path.isdir: refused by policy"},
		{`os.path.exists("/etc/passwd")`, "os.path.exists: refused by policy: this run reads no files"},
		{`socket.socket()`, "socket.socket: refused by policy: scripts do not open network connections"},
		{`argparse.FileType("r")`, "argparse.FileType: scripts do not open files"},
	} {
		_, err := run(t, pystdlib.Options{}, c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.src, err, c.want)
		}
	}
	_, err := run(t, pystdlib.Options{}, `os.getenv("HOME")`)
	var pe *host.PolicyError
	if !errors.As(err, &pe) {
		t.Errorf("os.getenv: got %T, want a *host.PolicyError, which no handler catches", err)
	}
}

// TestPathProbesGoThroughReadFile checks exists and isfile against the
// session's reader: true when it reads, false when the file is not there,
// its refusal otherwise.
func TestPathProbesGoThroughReadFile(t *testing.T) {
	files := map[string]string{"/allowed/a.xml": "<domain/>"}
	read := func(p string) ([]byte, error) {
		if !strings.HasPrefix(p, "/allowed/") {
			return nil, &host.PolicyError{Op: "open", Reason: p + " is outside the readable directories"}
		}
		if s, ok := files[p]; ok {
			return []byte(s), nil
		}
		return nil, fmt.Errorf("open %s: %w", p, fs.ErrNotExist)
	}
	o := pystdlib.Options{ReadFile: read}
	out, err := run(t, o, `print(os.path.exists("/allowed/a.xml"), os.path.isfile("/allowed/b.xml"), os.path.getsize("/allowed/a.xml"))`)
	if err != nil || out != "True False 9\n" {
		t.Errorf("got %q, %v", out, err)
	}
	if _, err := run(t, o, `os.path.exists("/etc/shadow")`); err == nil || !strings.Contains(err.Error(), "outside the readable directories") {
		t.Errorf("a probe outside the policy: got %v, want its refusal", err)
	}
}

// TestSystemExit checks the exit statuses argparse and optparse end a
// script with.
func TestSystemExit(t *testing.T) {
	for _, c := range []struct {
		src  string
		args []string
		want any
	}{
		{`argparse.ArgumentParser().parse_args()`, []string{"-h"}, 0},
		{`argparse.ArgumentParser().parse_args()`, []string{"--nope"}, 2},
		{`argparse.ArgumentParser().error("bad")`, nil, 2},
		{`argparse.ArgumentParser().exit(3)`, nil, 3},
		{`optparse.OptionParser().parse_args()`, []string{"--help"}, 0},
		{`optparse.OptionParser().parse_args()`, []string{"-q"}, 2},
	} {
		_, err := run(t, pystdlib.Options{Args: append([]string{"s.py"}, c.args...)}, c.src)
		e, ok := pyerr.As(err)
		if !ok || e.Class != "SystemExit" || e.Value != c.want {
			t.Errorf("%s %v: got %v, want SystemExit(%v)", c.src, c.args, err, c.want)
		}
	}
}

// TestErrorClasses checks that failures carry Python's class.
func TestErrorClasses(t *testing.T) {
	for _, c := range []struct{ src, class string }{
		{`re.compile("(")`, "re.error"},
		{`re.compile("(a)\\1")`, "re.error"},
		{`json.loads("{")`, "JSONDecodeError"},
		{`json.dumps(set())`, "TypeError"},
		{`time.strptime("x", "%Y")`, "ValueError"},
		{`datetime.datetime(2026, 13, 1)`, "ValueError"},
		{`getopt.getopt(["-x"], "")`, "getopt.GetoptError"},
		{`shlex.split("'")`, "ValueError"},
		{`re.match("(a)", "a").group(2)`, "IndexError"},
	} {
		_, err := run(t, pystdlib.Options{}, c.src)
		e, ok := pyerr.As(err)
		if !ok || e.Class != c.class {
			t.Errorf("%s: got %v, want %s", c.src, err, c.class)
		}
	}
	if !pyerr.Subclass("JSONDecodeError", "ValueError") {
		t.Error("JSONDecodeError is not a ValueError")
	}
}

// TestSleepEndsWithTheRun checks that time.sleep and a scheduler's wait
// give up when the run's context ends.
func TestSleepEndsWithTheRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	o := pystdlib.Options{Ctx: ctx, Clock: host.SystemClock{}}
	for _, src := range []string{
		`time.sleep(3600)`,
		"s = sched.scheduler()\ns.enter(3600, 1, print)\ns.run()",
	} {
		start := time.Now()
		_, err := run(t, o, src)
		if !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
			t.Errorf("%q: got %v after %v, want context.Canceled at once", src, err, time.Since(start))
		}
	}
}

// TestFakeClock checks that time, datetime and sched read the session's
// clock, and that sleeping advances a fake one.
func TestFakeClock(t *testing.T) {
	clock := host.NewFakeClockIn(time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC), time.UTC)
	out, err := run(t, pystdlib.Options{Clock: clock}, `
print(datetime.datetime.now())
time.sleep(60)
print(time.strftime("%H:%M:%S"), datetime.date.today())
`)
	if err != nil || out != "2030-01-02 03:04:05\n03:05:05 2030-01-02\n" {
		t.Errorf("got %q, %v", out, err)
	}
}
