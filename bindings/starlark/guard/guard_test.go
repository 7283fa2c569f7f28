package guard_test

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/guard"
	"github.com/vertscript/vertscript/bindings/starlark/pybuiltin"
	"github.com/vertscript/vertscript/host"
)

// limited is a budget with the limits lim.
type limited struct{ lim host.Limits }

func (b limited) Steps(thread *starlark.Thread, n uint64) error {
	if b.lim.MaxSteps > 0 && thread.ExecutionSteps()+n > b.lim.MaxSteps {
		return host.StepsError(b.lim.MaxSteps)
	}
	thread.Steps += n
	return nil
}

func (b limited) Alloc(n uint64, what, made string) error {
	if le := b.lim.CheckAlloc(n, what, made); le != nil {
		return le
	}
	return nil
}

func (b limited) Limits() host.Limits { return b.lim }

// run runs src, rewritten to call the guards, under lim.
func run(t *testing.T, lim host.Limits, src string) error {
	t.Helper()
	opts := &syntax.FileOptions{While: true, TopLevelControl: true, GlobalReassign: true}
	f, err := opts.Parse("t.star", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	guard.Rewrite(f)
	predeclared := guard.New(limited{lim}, pybuiltin.Starlark).Predeclared()
	prog, err := starlark.FileProgram(f, predeclared.Has)
	if err != nil {
		t.Fatal(err)
	}
	_, err = prog.Init(&starlark.Thread{}, predeclared)
	return err
}

// TestGuardsRefuseBeforeAllocating checks that what would make a value
// past the memory limit, or go through elements past the step limit, is
// refused before it runs, and that small work is not.
func TestGuardsRefuseBeforeAllocating(t *testing.T) {
	lim := host.Limits{MaxMemory: 16 << 20, MaxSteps: 1 << 20}
	tests := []struct{ src, want string }{
		{`s = "x" * (1 << 40)`, "memory"},
		{`l = [0] * (1 << 40)`, "memory"},
		{`n = 1 << 30
s = "%s" % ("x" * 100)
t = ",".join(["abc"] * 1000000)`, "memory"},
		{`x = list(range(1 << 30))`, "memory"},
		{`x = any([False] * 100000) or any([False] * 100000) or any(range(1 << 21))`, "steps"},
		{`s = "x" * 100
l = [0] * 100
t = ",".join(["a", "b"])`, ""},
	}
	for _, tc := range tests {
		err := run(t, lim, tc.src)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.src, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: got %v, want the %s limit", tc.src, err, tc.want)
		}
	}
}
