// Package budget is the seam between the Starlark adapter's limits and the
// packages that add builtins and modules to a run (the Python dialect, its
// standard modules, the XML modules): a builtin that does much work inside
// one interpreter step, or makes a large value at once, charges the run's
// budget first, and gives up with the limit's error when it would pass it.
package budget

import (
	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/host"
)

// Budget is what a run's limits charge.
type Budget interface {
	// Steps counts n steps of work done inside a builtin (one per element
	// it goes through) and refuses it when it would take the run past its
	// step limit.
	Steps(thread *starlark.Thread, n uint64) error
	// Alloc refuses an operation, named what, that would build made (such
	// as "a string") of n bytes at once, past the run's memory limit.
	Alloc(n uint64, what, made string) error
	// Limits are the run's limits.
	Limits() host.Limits
}

// key is the thread-local key under which a run's adapter keeps its budget.
const key = "vertscript.budget"

// Set makes b the budget of the run that thread executes.
func Set(thread *starlark.Thread, b Budget) { thread.SetLocal(key, b) }

// Of returns the budget of the run that thread executes; a thread without
// one (a test's own) has no limits.
func Of(thread *starlark.Thread) Budget {
	if b, ok := thread.Local(key).(Budget); ok {
		return b
	}
	return unlimited{}
}

type unlimited struct{}

func (unlimited) Steps(thread *starlark.Thread, n uint64) error { thread.Steps += n; return nil }
func (unlimited) Alloc(uint64, string, string) error            { return nil }
func (unlimited) Limits() host.Limits                           { return host.Limits{} }

// Holder is a value of a package's own type that holds script values (a
// namespace, an exception's arguments, a parsed command line): the run's
// memory account walks what it holds, as it walks a list's elements.
type Holder interface {
	starlark.Value
	// EachHeld calls visit with each value it holds.
	EachHeld(visit func(starlark.Value))
}
