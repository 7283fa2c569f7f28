// Package guard holds the resource guards of the Starlark adapter: the
// operators, builtins and methods that can allocate much at once or go
// through many elements inside one interpreter step check, before they
// run, what they would cost against the run's budget (step and memory
// limits). Rewrite makes a file's syntax tree call them; Predeclared gives
// them, and guarded forms of the universe's builtins, to a run.
package guard

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pybuiltin"
	"github.com/vertscript/vertscript/host"
)

// Guards are the guards of one run, charging its budget.
type Guards struct {
	b     budget.Budget
	lim   host.Limits
	style pybuiltin.Style // how % and str.format show values
}

// New returns the guards that charge b, formatting values with % and
// str.format in style (Starlark's or, in the Python dialect, Python's).
func New(b budget.Budget, style pybuiltin.Style) *Guards {
	return &Guards{b: b, lim: b.Limits(), style: style}
}

// Predeclared returns the predeclared names that enforce the run's limits:
// the guards the rewritten syntax tree calls (see Rewrite), and guarded
// forms of the universe's builtins.
func (l *Guards) Predeclared() starlark.StringDict { return l.guards() }

// JSON returns go.starlark.net's json module, bounded by the run's memory
// limit and the nesting limit.
func (l *Guards) JSON() starlark.Value { return l.jsonModule() }

// Rewrite makes f's operators and methods that can allocate a lot at once
// call their guards (see rewrite).
func Rewrite(f *syntax.File) { rewrite(f) }

func (l *Guards) steps(thread *starlark.Thread, n uint64) error { return l.b.Steps(thread, n) }

func (l *Guards) alloc(n uint64, what, made string) error { return l.b.Alloc(n, what, made) }
