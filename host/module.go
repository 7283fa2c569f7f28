package host

import (
	"context"
	"fmt"
	"regexp"
	"slices"
)

// Module is a set of Go functions that a program embedding vertscript
// gives its scripts, as the global NAME with the functions NAME.f(...):
// one definition serves both languages. Each function is an operation of
// class Name: the policy's rules name it ("ticket.open", "ticket.*", or its
// effect), the audit log records its calls, a dry run records instead of
// calling those whose effect is not Read, and the call timeout bounds it.
type Module struct {
	Name  string
	Doc   string // one line, for the docs
	Funcs []*Op  // made with Func
}

// Func returns the operation that calls fn as module.name(params...). The
// arguments fn gets are the script's, bound to params and checked against
// their types (optional ones take their Default); ctx is the run's, done
// when the run is cancelled or times out. What fn returns goes back to the
// script: a Value of the kinds Value lists (nil, bool, int64, float64,
// string, []Value, *Map, Bytes...); an error fails the script at the call
// with fn's message, unless it is an *Error (libvirt's shape), which a
// script can catch as a libvirt error.
func Func(module, name string, effect Effect, params []Param, doc string, fn func(ctx context.Context, args []Value) (Value, error)) *Op {
	return &Op{
		Class: module, Name: name, CName: module + "." + name, Params: params,
		Result: "value", Effect: effect, Doc: doc, Extension: true, goFunc: true,
		fn: func(c *Call) (Value, error) {
			ctx := c.s.runContext()
			return fn(ctx, c.args)
		},
	}
}

// Required and Optional make the parameters of a Func: a required one,
// and an optional one with its default.
func Required(name string, t Type) Param { return req(name, t) }

// Optional is a parameter that takes def when the script leaves it out.
func Optional(name string, t Type, def Value) Param { return opt(name, t, def) }

// identifier is a name both languages accept as a global and a field.
var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// validateModules reports a module that scripts could not use as given:
// a name that is not an identifier, a name taken (by the libvirt module, a
// libvirt class or another module), a function without an implementation
// or with a duplicate name.
func validateModules(mods []Module) error {
	seen := map[string]bool{}
	for _, m := range mods {
		switch {
		case !identifier.MatchString(m.Name):
			return fmt.Errorf("module %q: the name is not an identifier", m.Name)
		case table[m.Name] != nil || slices.Contains(Classes(), m.Name):
			return fmt.Errorf("module %q: the name is libvirt's", m.Name)
		case seen[m.Name]:
			return fmt.Errorf("module %q: registered twice", m.Name)
		}
		seen[m.Name] = true
		names := map[string]bool{}
		for _, op := range m.Funcs {
			switch {
			case op == nil || !op.goFunc:
				return fmt.Errorf("module %q: a function not made with host.Func", m.Name)
			case op.Class != m.Name:
				return fmt.Errorf("module %q: the function %s belongs to the module %q", m.Name, op.Name, op.Class)
			case !identifier.MatchString(op.Name):
				return fmt.Errorf("module %q: the function name %q is not an identifier", m.Name, op.Name)
			case names[op.Name]:
				return fmt.Errorf("module %q: the function %s is registered twice", m.Name, op.Name)
			}
			names[op.Name] = true
			for _, p := range op.Params {
				if p.Type == TObject || p.Type == TObjectOrNone || p.Type == TCallable {
					return fmt.Errorf("module %q: %s's parameter %s: a Go function takes plain values (not %s)", m.Name, op.Name, p.Name, p.Type)
				}
			}
		}
	}
	return nil
}

// Modules returns the session's modules, as Options gave them: the
// language adapters make each a global.
func (s *Session) Modules() []Module { return s.modules }
