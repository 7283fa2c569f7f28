// Package pydiff is the differential test of vertscript's Python dialect:
// every snippet in snippets/*.py runs in python3-libvirt (/usr/bin/python3,
// the reference) and in vertscript, and both must print the same stdout,
// end with the same exit status and, when they fail with an uncaught
// exception, name the same exception class.
//
// Snippets that use libvirt open test:///default (LIBVIRT_DEFAULT_URI is
// test:///default too). Header comments configure a snippet:
//
//	# compat-args: ARG...    the arguments of both runs
//	# expect: unsupported    a Python feature vertscript refuses by design:
//	                         python3 must run it, and vertscript must fail
//	                         at the line that carries "# unsupported here"
//	                         with a message naming docs/porting.md
//
// Both runs start in this directory, with TZ fixed so that time.localtime
// prints the same hours everywhere.
package pydiff

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// python is the reference interpreter: the system's, which has
// python3-libvirt, not whatever python3 comes first on PATH.
const python = "/usr/bin/python3"

// binary is vertscript, built once by TestMain.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "vertscript-pydiff")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "vertscript")
	build := exec.Command("go", "build", "-o", binary, "github.com/vertscript/vertscript/cmd/vertscript")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "pydiff: go build: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// result is what one run of a snippet showed.
type result struct {
	stdout, stderr string
	exit           int
}

// runSnippet runs file (relative to this directory) with the interpreter
// command line argv and the snippet's arguments.
func runSnippet(t *testing.T, argv []string, file string, args []string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], append(append(argv[1:], file), args...)...)
	cmd.Env = append(os.Environ(), "LIBVIRT_DEFAULT_URI=test:///default", "TZ=Europe/Paris", "LC_ALL=C.UTF-8", "PYTHONHASHSEED=0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s %s: no end after 30s", argv[0], file)
	}
	exit := 0
	if ee, ok := err.(*exec.ExitError); ok {
		exit = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %s: %v", argv[0], file, err)
	}
	return result{stdout.String(), stderr.String(), exit}
}

// header returns the value of the snippet's "# KEY: value" line, if any.
func header(src, key string) (string, bool) {
	for _, line := range strings.Split(src, "\n") {
		if v, ok := strings.CutPrefix(line, "# "+key+":"); ok {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// pyException matches the last line of a Python traceback: the exception
// class, dotted or not, then ": message" or nothing.
var pyException = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_.]*)(: .*)?$`)

// exceptionClass returns the class Python names on the last line of a
// traceback in stderr, or "" when stderr holds no traceback.
func exceptionClass(stderr string) string {
	if !strings.Contains(stderr, "Traceback (most recent call last):") {
		return ""
	}
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	m := pyException.FindStringSubmatch(lines[len(lines)-1])
	if m == nil {
		return ""
	}
	return m[1]
}

// namesClass reports whether vertscript's stderr names the exception class
// cls as Python prints it ("KeyError: ..." or "libvirt.libvirtError: ...").
func namesClass(stderr, cls string) bool {
	short := cls[strings.LastIndex(cls, ".")+1:]
	return strings.Contains(stderr, cls+":") || strings.Contains(stderr, " "+short+":") ||
		strings.HasPrefix(stderr, short+":")
}

func TestSnippetsMatchPython(t *testing.T) {
	if _, err := os.Stat(python); err != nil {
		t.Skipf("%s is missing: %v", python, err)
	}
	if err := exec.Command(python, "-c", "import libvirt").Run(); err != nil {
		t.Skipf("%s has no libvirt module (apt-get install python3-libvirt): %v", python, err)
	}
	files, err := filepath.Glob("snippets/*.py")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 60 {
		t.Fatalf("found %d snippets, want at least 60", len(files))
	}
	for _, file := range files {
		file := file
		t.Run(strings.TrimSuffix(filepath.Base(file), ".py"), func(t *testing.T) {
			t.Parallel()
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src := string(b)
			argLine, _ := header(src, "compat-args")
			args := strings.Fields(argLine)
			want := runSnippet(t, []string{python}, file, args)
			got := runSnippet(t, []string{binary}, file, args)
			if expect, _ := header(src, "expect"); expect == "unsupported" {
				checkUnsupported(t, file, src, want, got)
				return
			}
			if got.stdout != want.stdout {
				t.Errorf("stdout differs\n--- python3\n%s--- vertscript\n%s--- vertscript stderr\n%s", want.stdout, got.stdout, got.stderr)
			}
			if got.exit != want.exit {
				t.Errorf("exit status: python3 %d, vertscript %d\n--- python3 stderr\n%s--- vertscript stderr\n%s", want.exit, got.exit, want.stderr, got.stderr)
			}
			if cls := exceptionClass(want.stderr); cls != "" && !namesClass(got.stderr, cls) {
				t.Errorf("python3 fails with %s, vertscript's stderr does not name it:\n%s", cls, got.stderr)
			}
		})
	}
}

// checkUnsupported asserts that python3 runs the snippet and that
// vertscript refuses it at the line marked "# unsupported here", pointing
// to docs/porting.md.
func checkUnsupported(t *testing.T, file, src string, want, got result) {
	t.Helper()
	if want.exit != 0 {
		t.Fatalf("python3 fails on the snippet (exit %d):\n%s", want.exit, want.stderr)
	}
	line := 0
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, "# unsupported here") {
			line = i + 1
		}
	}
	if line == 0 {
		t.Fatal(`an "expect: unsupported" snippet must mark its line with "# unsupported here"`)
	}
	if got.exit == 0 {
		t.Fatalf("vertscript ran it (exit 0); want a refusal at line %d\n--- stdout\n%s", line, got.stdout)
	}
	first, _, _ := strings.Cut(got.stderr, "\n")
	at := fmt.Sprintf("%s:%d:", file, line)
	if !strings.HasPrefix(first, at) {
		t.Errorf("vertscript's error is not at %s:\n%s", at, got.stderr)
	}
	if !strings.Contains(first, "docs/porting.md") {
		t.Errorf("vertscript's error does not name docs/porting.md:\n%s", got.stderr)
	}
}
