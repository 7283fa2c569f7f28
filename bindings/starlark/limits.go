package starlark

import (
	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/pybuiltin"
	"github.com/vertscript/vertscript/host"
)

// stepChunk is how many steps run between two checks of the step and depth
// limits, far from the depth limit: large enough to cost nothing
// measurable.
const stepChunk = 1000

// limits enforces a run's host.Limits inside the interpreter: the steps,
// the call depth and the memory the script holds (checked every stepChunk
// steps), and the memory that one operation may allocate at once (checked
// by the guards before they allocate). The process's memory is watched by
// host.Session.Run.
type limits struct {
	lim    host.Limits
	mem    *host.Memory     // the run's memory account
	passed *host.LimitError // the limit that cancelled the thread, if any
	// className, in the Python dialect, names the Python class of an
	// uncaught error whose message does not already (see pyrun.ClassName).
	className func(error) string
	// style is how % and str.format show values: Python's in the Python
	// dialect.
	style pybuiltin.Style
}

// watch enforces lim's MaxSteps, MaxDepth and MaxMemory on thread: every
// stepChunk steps, OnMaxSteps checks the call depth, the steps run and
// (when due, see host.Memory) what the script holds, and cancels the
// thread with the limit it passed.
func (l *limits) watch(thread *starlark.Thread) {
	if l.lim.MaxSteps == 0 && l.lim.MaxDepth == 0 && l.mem.Limit() == 0 {
		return
	}
	next := func() uint64 {
		chunk := uint64(stepChunk)
		if d := l.lim.MaxDepth; d > 0 {
			// A call takes a few steps: near the limit, look more
			// often, so that a recursion passes it by a few frames.
			chunk = min(chunk, uint64(max(2*(d-thread.CallStackDepth()), 16)))
		}
		n := thread.ExecutionSteps() + chunk
		if l.lim.MaxSteps > 0 {
			// The interpreter calls OnMaxSteps before the step that
			// reaches the limit: MaxSteps steps may run, not one more.
			n = min(n, l.lim.MaxSteps+1)
		}
		return n
	}
	thread.OnMaxSteps = func(th *starlark.Thread) {
		switch {
		case l.lim.MaxDepth > 0 && th.CallStackDepth() > l.lim.MaxDepth:
			l.passed = host.DepthError(l.lim.MaxDepth)
		case l.lim.MaxSteps > 0 && th.ExecutionSteps() > l.lim.MaxSteps:
			l.passed = host.StepsError(l.lim.MaxSteps)
		default:
			if le := l.mem.Check(); le != nil {
				l.passed = le
				break
			}
			th.SetMaxExecutionSteps(next())
			return
		}
		th.Cancel(l.passed.Msg)
	}
	thread.SetMaxExecutionSteps(next())
}

// steps counts n steps of work done inside a builtin (one per element it
// goes through) before the builtin runs, and refuses the work when it
// would take the script past MaxSteps: a builtin does not stop for the
// step limit, nor for a cancellation, until it returns.
func (l *limits) steps(thread *starlark.Thread, n uint64) error {
	if l.lim.MaxSteps > 0 && thread.ExecutionSteps()+n > l.lim.MaxSteps {
		return host.StepsError(l.lim.MaxSteps)
	}
	thread.Steps += n
	return nil
}

// alloc refuses an operation, named what, that would build made (such as
// "a string") of n bytes at once, when that would take what the script
// holds past MaxMemory.
func (l *limits) alloc(n uint64, what, made string) error {
	if le := l.lim.CheckAlloc(n, what, made); le != nil {
		return le
	}
	return nil
}

// Steps, Alloc and Limits make a run's limits its budget.Budget, which the
// packages adding builtins to a run charge.
func (l *limits) Steps(thread *starlark.Thread, n uint64) error { return l.steps(thread, n) }

// Alloc implements budget.Budget.
func (l *limits) Alloc(n uint64, what, made string) error { return l.alloc(n, what, made) }

// Limits implements budget.Budget.
func (l *limits) Limits() host.Limits { return l.lim }
