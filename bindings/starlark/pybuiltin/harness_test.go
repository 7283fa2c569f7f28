package pybuiltin_test

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/pybuiltin"
)

// python3 is the reference interpreter, python3-libvirt's.
const python3 = "/usr/bin/python3"

// runPython runs src in python3 and returns its stdout.
func runPython(t *testing.T, src string) string {
	t.Helper()
	if _, err := os.Stat(python3); err != nil {
		t.Skip("no " + python3)
	}
	cmd := exec.Command(python3, "-c", src)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("python3: %v\n%s", err, errOut.String())
	}
	return out.String()
}

var fileOptions = &syntax.FileOptions{Set: true, While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true}

// runStar runs the Starlark src with the package's Python builtins and
// idioms predeclared, and the hooks as functions: eq(x, y), cmp(op, x, y)
// ("<" ...), attr(x, name), chars(x) (Iterable), P(format, x) (format % x)
// and F(format, *args, **kwargs) (format.format). It returns what the
// script printed and its error.
func runStar(t *testing.T, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	predeclared := pybuiltin.Builtins()
	for k, v := range pybuiltin.Idioms(pybuiltin.IdiomOptions{Stdout: &out, Stderr: &out, Argv: starlark.NewList(nil), Style: pybuiltin.Python}) {
		predeclared[k] = v
	}
	ops := map[string]syntax.Token{"<": syntax.LT, "<=": syntax.LE, ">": syntax.GT, ">=": syntax.GE, "==": syntax.EQL, "!=": syntax.NEQ}
	predeclared["eq"] = starlark.NewBuiltin("eq", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		ok, err := pybuiltin.Equal(thread, args[0], args[1])
		return starlark.Bool(ok), err
	})
	predeclared["cmp"] = starlark.NewBuiltin("cmp", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		ok, err := pybuiltin.Compare(thread, ops[string(args[0].(starlark.String))], args[1], args[2])
		return starlark.Bool(ok), err
	})
	predeclared["attr"] = starlark.NewBuiltin("attr", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		name := string(args[1].(starlark.String))
		v, ok, err := pybuiltin.Attr(thread, args[0], name)
		if err != nil || ok {
			return v, err
		}
		return args[0].(starlark.HasAttrs).Attr(name) // the native method
	})
	predeclared["chars"] = starlark.NewBuiltin("chars", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return pybuiltin.Iterable(thread, args[0])
	})
	predeclared["P"] = starlark.NewBuiltin("P", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return pybuiltin.Percent(thread, string(args[0].(starlark.String)), args[1], pybuiltin.Python)
	})
	predeclared["F"] = starlark.NewBuiltin("F", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return pybuiltin.Format(thread, string(args[0].(starlark.String)), args[1:], kwargs, pybuiltin.Python)
	})
	thread := &starlark.Thread{Name: "test"}
	_, err := starlark.ExecFileOptions(fileOptions, thread, "t.star", src, predeclared)
	return out.String(), err
}

// pair is one line of a differential test: py in python3, star (or py
// when empty) in Starlark with the package's builtins.
type pair struct{ py, star string }

// compareLines runs each pair's print in both and compares line by line.
func compareLines(t *testing.T, prelude string, pairs []pair) {
	t.Helper()
	var py, star strings.Builder
	py.WriteString(prelude)
	star.WriteString(prelude)
	for _, p := range pairs {
		s := p.star
		if s == "" {
			s = p.py
		}
		py.WriteString("print(" + p.py + ")\n")
		star.WriteString("print(" + s + ")\n")
	}
	want := strings.Split(runPython(t, py.String()), "\n")
	out, err := runStar(t, star.String())
	if err != nil {
		t.Fatalf("starlark: %v", err)
	}
	got := strings.Split(out, "\n")
	if len(want) != len(pairs)+1 || len(got) != len(pairs)+1 {
		t.Errorf("python3 printed %d lines, Starlark %d, for %d expressions", len(want)-1, len(got)-1, len(pairs))
	}
	for i, p := range pairs {
		w, g := "(missing)", "(missing)"
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			t.Errorf("%s:\npython3 %q\ngot     %q", p.py, w, g)
		}
	}
}
