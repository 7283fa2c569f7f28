package xmlmod_test

import (
	"errors"
	"strings"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/xmlmod"
	"github.com/vertscript/vertscript/host"
)

// fileOptions accept top-level control, as the adapter's do.
var fileOptions = &syntax.FileOptions{Set: true, While: true, TopLevelControl: true, GlobalReassign: true}

// run runs src with the modules' predeclared names under opts and b (nil:
// no budget), and an out object whose write(s) prints; it returns what
// the script printed and its error's message ("" on success).
func run(t *testing.T, src string, opts xmlmod.Options, b budget.Budget) (string, string) {
	t.Helper()
	var out strings.Builder
	thread := &starlark.Thread{Name: "t", Print: func(_ *starlark.Thread, msg string) { out.WriteString(msg + "\n") }}
	if b != nil {
		budget.Set(thread, b)
	}
	predeclared := xmlmod.Predeclared(opts)
	predeclared["out"] = starlarkstruct.FromStringDict(starlark.String("out"), starlark.StringDict{
		"write": starlark.NewBuiltin("write", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s string
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &s); err != nil {
				return nil, err
			}
			out.WriteString(s)
			return starlark.None, nil
		}),
	})
	_, err := starlark.ExecFileOptions(fileOptions, thread, "t.star", src, predeclared)
	var eval *starlark.EvalError
	switch {
	case err == nil:
		return out.String(), ""
	case errors.As(err, &eval):
		return out.String(), eval.Msg
	}
	return out.String(), err.Error()
}

// testBudget is a run's budget with limits: it counts steps against
// lim.MaxSteps and refuses allocations larger than maxAlloc, recording
// what charged it.
type testBudget struct {
	lim      host.Limits
	maxAlloc uint64
	allocs   []string
}

func (b *testBudget) Steps(thread *starlark.Thread, n uint64) error {
	if b.lim.MaxSteps > 0 && thread.ExecutionSteps()+n > b.lim.MaxSteps {
		return host.StepsError(b.lim.MaxSteps)
	}
	thread.Steps += n
	return nil
}

func (b *testBudget) Alloc(n uint64, what, made string) error {
	b.allocs = append(b.allocs, what)
	if b.maxAlloc > 0 && n > b.maxAlloc {
		return &host.LimitError{Limit: "max-memory", Msg: "max-memory: " + what + " would build " + made}
	}
	return nil
}

func (b *testBudget) Limits() host.Limits { return b.lim }

// setBudget makes b the budget of thread.
func setBudget(thread *starlark.Thread, b budget.Budget) { budget.Set(thread, b) }
