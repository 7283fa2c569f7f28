package main

import (
	"bytes"
	"context"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/bindings/lua"
	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

func runStdin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runIO(context.Background(), args, strings.NewReader(stdin), &out, &errOut, nil)
	return code, out.String(), errOut.String()
}

// From a pipe, the REPL reads line by line: expressions print their
// values, definitions span lines, variables persist, an error is reported
// and the next statement runs, and the exit status says one failed.
func TestREPLPipe(t *testing.T) {
	tests := []struct {
		lang, in, out, err string
		code               int
	}{
		{"star", "x = 1\nx + 41\ndef f(n):\n    return n * 2\n\nf(x)\nc = libvirt.open()\nc.lookupByName('test').name()\nNone\n", "42\n2\n\"test\"\n", "", 0},
		{"lua", "x = 1\n= x + 41\nfunction f(n)\n  return n * 2\nend\nf(x)\nc = libvirt.open()\nc:lookupByName('test'):name()\nx, 'two'\n", "42\n2\ntest\n1\ttwo\n", "", 0},
		{"star", "nope()\nprint('after')\n", "after\n", "<stdin>:1:1: undefined: nope\n", 1},
		{"lua", "error('boom')\nprint('after')\n", "after\n", "<stdin>:1: boom", 1},
		{"star", "libvirt.open().lookupByName('test').destroy()\nprint('after')\n", "after\n", "refused by policy: read-only", 1},
		{"lua", "libvirt.open():lookupByName('test'):destroy()\nprint('after')\n", "after\n", "refused by policy: read-only", 1},
		// --timeout bounds each statement, not the session.
		{"star", "def spin():\n    while True:\n        pass\n\nspin()\nprint('after')\n", "after\n", "timeout: the script ran longer than 200ms", 1},
		{"lua", "while true do end\nprint('after')\n", "after\n", "timeout: the script ran longer than 200ms", 1},
		{"star", "sys.exit(3)\nprint('not reached')\n", "", "", 3},
	}
	for _, tt := range tests {
		code, out, errOut := runStdin(t, tt.in, "-c", "test:///default", "--read-only", "--timeout", "200ms", "repl", "--lang", tt.lang)
		if code != tt.code || out != tt.out || !strings.Contains(errOut, tt.err) || tt.err == "" && errOut != "" {
			t.Errorf("%s %q: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.lang, tt.in, code, out, errOut, tt.code, tt.out, tt.err)
		}
	}
}

// -e CODE and - (stdin) run a script in the language --lang names.
func TestEvalAndStdin(t *testing.T) {
	tests := []struct {
		stdin string
		args  []string
		out   string
	}{
		{"", []string{"-c", "test:///default", "-e", "print(libvirt.open().lookupByName('test').name(), argv[1:])", "--", "a"}, "test [\"a\"]\n"},
		{"", []string{"-c", "test:///default", "--lang", "lua", "-e", "print(libvirt.open():lookupByName('test'):name(), arg[1])", "--", "a"}, "test\ta\n"},
		{"print(argv)\n", []string{"-", "x"}, "[\"<stdin>\", \"x\"]\n"},
		{"print(#arg, arg[0])\n", []string{"--lang", "lua", "-", "x"}, "1\t<stdin>\n"},
	}
	for _, tt := range tests {
		code, out, errOut := runStdin(t, tt.stdin, tt.args...)
		if code != exitOK || out != tt.out {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", tt.args, code, out, errOut, tt.out)
		}
	}
	if code, _, errOut := runStdin(t, "", "--lang", "ruby", "-e", "x"); code != exitUsage || !strings.Contains(errOut, "want star, py or lua") {
		t.Errorf("--lang python: exit %d, %s", code, errOut)
	}
}

// Completion offers names, the libvirt module's functions, and the
// methods of the class of the object a variable holds.
func TestREPLCompletion(t *testing.T) {
	for _, c := range []struct {
		lang           host.Interactive
		define, prefix string
	}{
		{starlark.New(), "dom = libvirt.open().lookupByName('test')", "dom."},
		{lua.New(), "dom = libvirt.open():lookupByName('test')", "dom:"},
	} {
		s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default"})
		r, err := c.lang.NewREPL(s, host.Script{Path: "<stdin>", Stdout: io.Discard})
		if err != nil {
			t.Fatal(err)
		}
		lines := []string{c.define}
		next := func() (string, error) {
			if len(lines) == 0 {
				return "", io.EOF
			}
			l := lines[0]
			lines = lines[1:]
			return l, nil
		}
		st, err := r.Read(next)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Supervise(context.Background(), "<stdin>", func(ctx context.Context) error { return r.Exec(ctx, st) }); err != nil {
			t.Fatal(err)
		}
		if got := complete(r, c.prefix+"sus"); !slices.Equal(got, []string{c.prefix + "suspend"}) {
			t.Errorf("complete(%ssus) = %v", c.prefix, got)
		}
		if got := complete(r, "libvirt.openR"); !slices.Equal(got, []string{"libvirt.openReadOnly"}) {
			t.Errorf("complete(libvirt.openR) = %v", got)
		}
		if got := complete(r, "do"); !slices.Contains(got, "dom") {
			t.Errorf("complete(do) = %v, want dom among them", got)
		}
		// readline's view: the rest of each candidate, and the length
		// of what it replaces.
		if got, n := (completer{r}).Do([]rune("x = "+c.prefix+"resu"), len("x = "+c.prefix+"resu")); len(got) != 1 || string(got[0]) != "me" || n != 4 {
			t.Errorf("Do(%sresu) = %q, %d", c.prefix, got, n)
		}
		r.Close()
		if err := s.Close(); err != nil || s.Live() != 0 {
			t.Errorf("after the REPL: close %v, %d handles live", err, s.Live())
		}
	}
}

// A line longer than a script may be ends the REPL with an error; it is not
// taken for the end of the input, nor read again and again.
func TestREPLLineTooLong(t *testing.T) {
	for _, lang := range []string{"star", "lua"} {
		in := "x = \"" + strings.Repeat("a", 200<<10) + "\"\nprint('after')\n"
		code, out, errOut := runStdin(t, in, "--max-memory", "64MiB", "repl", "--lang", lang)
		if code != exitFailed || out != "" || strings.Count(errOut, "token too long") != 1 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", lang, code, out, errOut)
		}
	}
	// A long line within the limit is read.
	in := "x = \"" + strings.Repeat("a", 100<<10) + "\"\nprint(len(x))\n"
	if code, out, _ := runStdin(t, in, "repl"); code != exitOK || out != "102400\n" {
		t.Errorf("a 100 KiB line: exit %d, %q", code, out)
	}
}

// A dry run in the REPL prints its plan when the session ends, as a run
// does.
func TestREPLDryRunPlan(t *testing.T) {
	for _, lang := range []string{"star", "lua"} {
		in := "d = libvirt.open().lookupByName('test')\nd.suspend()\n"
		if lang == "lua" {
			in = "d = libvirt.open():lookupByName('test')\nd:suspend()\n"
		}
		code, _, errOut := runStdin(t, in, "-c", "test:///default", "--dry-run", "repl", "--lang", lang)
		if code != exitOK || !strings.Contains(errOut, "dry run: 1 call planned, none made\n  <virDomain test>.suspend()") {
			t.Errorf("%s: exit %d, stderr %q", lang, code, errOut)
		}
	}
}
