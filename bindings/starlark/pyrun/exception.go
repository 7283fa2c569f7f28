// Package pyrun is the runtime of the Python dialect's lowered syntax
// (bindings/starlark/pysyntax): the hooks its tree calls, and Python's
// exceptions, which scripts raise, catch by class and inspect.
package pyrun

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/host"
)

// Class is an exception class: Exception, ValueError, libvirt.libvirtError.
// Calling it makes an exception.
type Class struct{ name string }

var (
	_ starlark.Callable = (*Class)(nil)
	_ starlark.HasAttrs = (*Class)(nil)
)

// classes are the built-in exception classes, one value each, so that
// type(e) == ValueError and except clauses compare them by identity. They
// are immutable.
var classes = func() map[string]*Class {
	m := map[string]*Class{"BaseException": {name: "BaseException"}}
	for _, c := range pyerr.Classes() {
		m[c] = &Class{name: c}
	}
	return m
}()

// NewClass returns the exception class name: the built-in one (see pyerr)
// when there is one.
func NewClass(name string) *Class {
	if c, ok := classes[name]; ok {
		return c
	}
	return &Class{name: name}
}

// String is the class as Python prints it.
func (c *Class) String() string {
	return "<class '" + pyerr.Qualified(c.name) + "'>"
}

func (c *Class) Type() string          { return "type" }
func (c *Class) Freeze()               {}
func (c *Class) Truth() starlark.Bool  { return starlark.True }
func (c *Class) Hash() (uint32, error) { return starlark.String(c.name).Hash() }
func (c *Class) Name() string          { return c.name }

// Attr returns __name__.
func (c *Class) Attr(name string) (starlark.Value, error) {
	if name == "__name__" {
		return starlark.String(c.name), nil
	}
	return nil, nil
}

// AttrNames lists __name__.
func (c *Class) AttrNames() []string { return []string{"__name__"} }

// CallInternal makes an exception of c with args, as Python's constructor.
func (c *Class) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyerr.New("TypeError", "%s() takes no keyword arguments", c.name)
	}
	x := &Exception{class: c.name, args: args}
	x.err = &raised{x}
	return x, nil
}

// IsInstance reports whether v is an exception of c or of a class derived
// from it, for isinstance.
func (c *Class) IsInstance(v starlark.Value) bool {
	x, ok := v.(*Exception)
	return ok && pyerr.Subclass(x.class, c.name)
}

// Exception is a Python exception as a value: what except ... as e binds.
type Exception struct {
	class string
	args  starlark.Tuple
	err   error       // what raising it again raises: the original error
	lv    *host.Error // a libvirt error's fields
}

var _ starlark.HasAttrs = (*Exception)(nil)

// String is str(e): the message, as Python's.
func (x *Exception) String() string {
	switch len(x.args) {
	case 0:
		return ""
	case 1:
		if s, ok := x.args[0].(starlark.String); ok {
			return string(s)
		}
		return x.args[0].String()
	}
	return x.args.String()
}

func (x *Exception) Type() string          { return x.class }
func (x *Exception) Freeze()               {}
func (x *Exception) Truth() starlark.Bool  { return starlark.True }
func (x *Exception) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: %s", x.class) }

// EachHeld visits the exception's arguments, for the run's memory account.
func (x *Exception) EachHeld(visit func(starlark.Value)) {
	for _, v := range x.args {
		visit(v)
	}
}

// PythonType is type(e): its class.
func (x *Exception) PythonType() starlark.Value { return NewClass(x.class) }

// Class is the exception's class name.
func (x *Exception) Class() string { return x.class }

// Err is the error the exception stands for.
func (x *Exception) Err() error { return x.err }

// errorField is the value of a libvirtError method's result (see
// host.ErrorMethods): an int64, a string or nil.
func errorField(v host.Value) starlark.Value {
	switch v := v.(type) {
	case int64:
		return starlark.MakeInt64(v)
	case string:
		return starlark.String(v)
	}
	return starlark.None
}

// Attr returns args, and a libvirt error's get_error_* methods (None for a
// libvirtError the script made itself, as libvirt-python's without an
// error behind it).
func (x *Exception) Attr(name string) (starlark.Value, error) {
	if name == "args" {
		return x.args, nil
	}
	if name == "code" && x.class == "SystemExit" {
		if len(x.args) == 0 {
			return starlark.None, nil
		}
		return x.args[0], nil
	}
	m, ok := host.ErrorMethodNamed(name)
	if !ok || !pyerr.Subclass(x.class, "libvirtError") {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		return errorField(m.Get(x.lv)), nil
	}), nil
}

// AttrNames lists args, and a libvirt error's methods.
func (x *Exception) AttrNames() []string {
	if pyerr.Subclass(x.class, "libvirtError") {
		return append([]string{"args"}, host.ErrorMethodNames()...)
	}
	return []string{"args"}
}

// raised is an exception a script raised, as the error that unwinds it.
type raised struct{ x *Exception }

// Error is the last line of Python's traceback: "ValueError: bad".
func (r *raised) Error() string {
	if msg := r.x.String(); msg != "" {
		return r.x.class + ": " + msg
	}
	return r.x.class
}

// Unwrap gives a raised SystemExit as the pyerr.Error the adapter turns
// into an exit status.
func (r *raised) Unwrap() error {
	if r.x.class != "SystemExit" {
		return nil
	}
	var code any
	if len(r.x.args) > 0 {
		code = r.x.args[0]
	}
	return &pyerr.Error{Class: "SystemExit", Value: code}
}

// Uncatchable reports whether err must end the run whatever handlers the
// script has: a limit, a policy refusal, an abandoned call, a cancelled
// run. Catching them would let a script outlive its limits. A module that
// turns a callback's errors into its own (argparse's type=) leaves these
// as they are.
func Uncatchable(err error) bool {
	var le *host.LimitError
	var pe *host.PolicyError
	var ev *starlark.EvalError
	switch {
	case errors.As(err, &le), errors.As(err, &pe), errors.Is(err, host.ErrAbandoned),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return true
	case errors.As(err, &ev) && strings.HasPrefix(ev.Msg, "Starlark computation cancelled"):
		return true
	}
	return false
}

// exceptionOf returns the exception value a handler sees for err.
func exceptionOf(err error, classify func(error) (string, bool)) *Exception {
	var r *raised
	if errors.As(err, &r) {
		return r.x
	}
	if e, ok := host.AsError(err); ok {
		return &Exception{class: "libvirtError", args: starlark.Tuple{starlark.String(e.Message)}, err: err, lv: e}
	}
	if pe, ok := pyerr.As(err); ok {
		x := &Exception{class: pe.Class, err: err}
		switch {
		case pe.Class == "SystemExit":
			if v, ok := pe.Value.(starlark.Value); ok && v != starlark.None {
				x.args = starlark.Tuple{v}
			} else if n, ok := pe.Value.(int); ok {
				x.args = starlark.Tuple{starlark.MakeInt(n)}
			}
		case pe.Value != nil:
			if v, ok := pe.Value.(starlark.Value); ok {
				x.args = starlark.Tuple{v}
			}
		default:
			x.args = starlark.Tuple{starlark.String(pe.Msg)}
		}
		return x
	}
	var pathErr *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Exception{class: "FileNotFoundError", args: starlark.Tuple{starlark.String(err.Error())}, err: err}
	case errors.Is(err, fs.ErrPermission):
		return &Exception{class: "PermissionError", args: starlark.Tuple{starlark.String(err.Error())}, err: err}
	case errors.As(err, &pathErr):
		return &Exception{class: "OSError", args: starlark.Tuple{starlark.String(err.Error())}, err: err}
	}
	var ae *host.ArgError
	if errors.As(err, &ae) {
		return &Exception{class: "TypeError", args: starlark.Tuple{starlark.String(ae.Error())}, err: err}
	}
	msg := err.Error()
	var ev *starlark.EvalError
	if errors.As(err, &ev) {
		msg = ev.Msg
	}
	args := starlark.Tuple{starlark.String(msg)}
	if classify != nil {
		if class, ok := classify(err); ok {
			if class == "SystemExit" {
				args = nil
			}
			return &Exception{class: class, args: args, err: err}
		}
	}
	// An error of the interpreter's own where the script has no
	// operation Python names a class for: except Exception and a bare
	// except take it.
	return &Exception{class: "Exception", args: args, err: err}
}

// ClassName is the class an uncaught err names on the last line of
// Python's traceback, for an error whose message does not name it already:
// "libvirt.libvirtError" for a libvirt error, the class classify finds
// for an error of the interpreter's own; "" for the rest (an exception a
// script raised, a builtin's, whose message begins with its class; a
// limit; an exit).
func ClassName(err error, classify func(error) (string, bool)) string {
	var r *raised
	if errors.As(err, &r) || Uncatchable(err) {
		return ""
	}
	if _, ok := pyerr.As(err); ok {
		return ""
	}
	switch x := exceptionOf(err, classify); {
	case x.class == "libvirtError":
		return "libvirt.libvirtError"
	case x.class == "Exception", x.class == "SystemExit":
		return ""
	default:
		return x.class
	}
}

// Raised returns the exception that err, an error unwinding a script,
// carries when the script raised it (raise X(...)); modules that call
// script functions use it to tell an exception's class and message.
func Raised(err error) (*Exception, bool) {
	var r *raised
	if errors.As(err, &r) {
		return r.x, true
	}
	return nil, false
}
