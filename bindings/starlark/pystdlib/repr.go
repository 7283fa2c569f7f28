package pystdlib

import (
	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/pybuiltin"
)

// Repr is Python's repr of v (see pybuiltin.Repr), for the modules' own
// messages and output. The values it is given are the modules' own or
// their arguments, whose size the modules charged when they took them.
func Repr(v starlark.Value) string {
	s, err := pybuiltin.Repr(&starlark.Thread{}, v)
	if err != nil {
		return v.String()
	}
	return s
}

// ReprString quotes s as Python's repr of a str does.
func ReprString(s string) string { return Repr(starlark.String(s)) }

// FloatRepr formats f as Python's repr of a float does.
func FloatRepr(f float64) string { return pybuiltin.FloatRepr(f) }
