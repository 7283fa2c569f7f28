package pyrun

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/bindings/starlark/pysyntax"
	"github.com/vertscript/vertscript/host"
)

// Options are what the hooks take from the adapter and from the packages
// that give Python's values their meaning.
type Options struct {
	// Module returns the module a script imports by its dotted name.
	Module func(name string) (starlark.Value, bool)
	// Equal is Python's ==; nil: Starlark's, with True == 1.
	Equal func(thread *starlark.Thread, x, y starlark.Value) (bool, error)
	// Iterable is what for ... in v goes through; nil: a string's
	// characters, else v.
	Iterable func(thread *starlark.Thread, v starlark.Value) (starlark.Value, error)
	// Attr is a Python method that v lacks in Starlark (ok false: none).
	Attr func(thread *starlark.Thread, v starlark.Value, name string) (starlark.Value, bool, error)
	// Classify names the exception class of an error of the adapter's own
	// (ok false: none of its own).
	Classify func(err error) (class string, ok bool)
}

// Hooks returns the values the lowered tree calls, by pysyntax's names.
func Hooks(o Options) starlark.StringDict {
	h := &hooks{o: o}
	d := starlark.StringDict{
		pysyntax.HookTry:       starlark.NewBuiltin("try", h.try),
		pysyntax.HookMatch:     starlark.NewBuiltin("except", match),
		pysyntax.HookRaise:     starlark.NewBuiltin("raise", raise),
		pysyntax.HookReraise:   starlark.NewBuiltin("raise", reraise),
		pysyntax.HookAssert:    starlark.NewBuiltin("assert", assertFail),
		pysyntax.HookDel:       starlark.NewBuiltin("del", del),
		pysyntax.HookImport:    starlark.NewBuiltin("import", h.importModule),
		pysyntax.HookFrom:      starlark.NewBuiltin("import", h.from),
		pysyntax.HookIs:        starlark.NewBuiltin("is", is),
		pysyntax.HookPow:       starlark.NewBuiltin("pow", Pow),
		pysyntax.HookEq:        starlark.NewBuiltin("==", h.eq),
		pysyntax.HookIter:      starlark.NewBuiltin("for", h.iter),
		pysyntax.HookAttr:      starlark.NewBuiltin("getattr", h.attr),
		pysyntax.HookGetItem:   starlark.NewBuiltin("getitem", getItem),
		pysyntax.HookDiv:       starlark.NewBuiltin("/", divide(syntax.SLASH)),
		pysyntax.HookFloorDiv:  starlark.NewBuiltin("//", divide(syntax.SLASHSLASH)),
		pysyntax.HookUndefined: starlark.NewBuiltin("name", undefined),
		pysyntax.HookGlobals:   &namespace{fields: map[string]starlark.Value{}},
	}
	return d
}

// Classes returns the built-in exception classes, by name.
func Classes() starlark.StringDict {
	d := starlark.StringDict{}
	for c := range classes {
		if c == "libvirtError" || c == "JSONDecodeError" {
			continue // libvirt.libvirtError, json.JSONDecodeError
		}
		d[c] = classes[c]
	}
	return d
}

type hooks struct{ o Options }

// try is $try(fn): (None, fn()) or, when fn raised an exception a handler
// may take, (the exception, None).
func (h *hooks) try(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	v, err := starlark.Call(thread, args[0], nil, nil)
	if err == nil {
		return starlark.Tuple{starlark.None, v}, nil
	}
	if Uncatchable(err) {
		return nil, err
	}
	return starlark.Tuple{exceptionOf(err, h.o.Classify), starlark.None}, nil
}

// match is $match(exc, classes): whether an except clause naming classes
// (a class or a tuple of them) takes exc.
func match(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x := args[0].(*Exception)
	classes := []starlark.Value{args[1]}
	if t, ok := args[1].(starlark.Tuple); ok {
		classes = t
	}
	for _, c := range classes {
		class, ok := c.(*Class)
		if !ok {
			return nil, pyerr.New("TypeError", "catching classes that do not inherit from BaseException is not allowed")
		}
		if pyerr.Subclass(x.class, class.name) {
			return starlark.True, nil
		}
	}
	return starlark.False, nil
}

// raise is $raise(exc=None, cause=None): raise, raise X, raise X from Y.
func raise(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, pyerr.New("RuntimeError", "No active exception to reraise")
	}
	switch v := args[0].(type) {
	case *Class:
		x, _ := v.CallInternal(thread, nil, nil)
		return nil, x.(*Exception).err
	case *Exception:
		return nil, v.err
	}
	return nil, pyerr.New("TypeError", "exceptions must derive from BaseException")
}

// reraise is $reraise(exc): exc's own error again, so that a libvirt error
// no handler took ends the script as it would have uncaught.
func reraise(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return nil, args[0].(*Exception).err
}

func assertFail(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x := &Exception{class: "AssertionError", args: args}
	x.err = &raised{x}
	return nil, x.err
}

// del is $del(x, key): del x[key].
func del(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	switch x := args[0].(type) {
	case *starlark.Dict:
		if _, found, err := x.Delete(args[1]); err != nil {
			return nil, err
		} else if !found {
			return nil, pyerr.New("KeyError", "%s", args[1].String())
		}
		return starlark.None, nil
	case *starlark.List:
		i, err := index(x.Len(), args[1], "list assignment")
		if err != nil {
			return nil, err
		}
		pop, _ := x.Attr("pop")
		_, err = starlark.Call(thread, pop, starlark.Tuple{starlark.MakeInt(i)}, nil)
		return starlark.None, err
	}
	return nil, pyerr.New("TypeError", "'%s' object does not support item deletion", args[0].Type())
}

// index checks a sequence index as Python does, negative from the end.
func index(n int, k starlark.Value, what string) (int, error) {
	i, err := starlark.AsInt32(k)
	if err != nil {
		if _, ok := k.(starlark.Int); ok {
			return 0, pyerr.New("IndexError", "cannot fit 'int' into an index-sized integer")
		}
		return 0, pyerr.New("TypeError", "%s indices must be integers, not %s", strings.Fields(what)[0], k.Type())
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return 0, pyerr.New("IndexError", "%s index out of range", what)
	}
	return i, nil
}

// modulesWithoutPort name the modules vertscript does not provide, and why.
var modulesWithoutPort = map[string]string{
	"threading": "threads", "multiprocessing": "threads", "concurrent": "threads", "asyncio": "threads",
	"_thread": "threads", "queue": "threads", "subprocess": "processes", "signal": "processes",
	"ctypes": "processes", "socketserver": "network", "http": "network", "urllib": "network",
	"requests": "network", "paramiko": "network",
}

func (h *hooks) module(name string) (starlark.Value, error) {
	if h.o.Module != nil {
		if m, ok := h.o.Module(name); ok {
			return m, nil
		}
	}
	msg := fmt.Sprintf("No module named '%s'", name)
	if why, ok := modulesWithoutPort[strings.SplitN(name, ".", 2)[0]]; ok {
		msg += fmt.Sprintf(": vertscript does not provide it (see %s#%s)", pysyntax.PortingGuide, why)
	} else {
		msg += fmt.Sprintf(": vertscript does not provide it (see %s#modules)", pysyntax.PortingGuide)
	}
	return nil, pyerr.New("ModuleNotFoundError", "%s", msg)
}

// importModule is $import(name, bind): import name (or import name as x),
// binding the module named bind.
func (h *hooks) importModule(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	name, bind := string(args[0].(starlark.String)), string(args[1].(starlark.String))
	if _, err := h.module(name); err != nil {
		return nil, err
	}
	return h.module(bind)
}

// from is $from(module, name): from module import name.
func (h *hooks) from(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	module, name := string(args[0].(starlark.String)), string(args[1].(starlark.String))
	m, err := h.module(module)
	if err != nil {
		return nil, err
	}
	if a, ok := m.(starlark.HasAttrs); ok {
		if v, err := a.Attr(name); err == nil && v != nil {
			return v, nil
		}
	}
	if sub, err := h.module(module + "." + name); err == nil {
		return sub, nil
	}
	return nil, pyerr.New("ImportError", "cannot import name '%s' from '%s' (see %s#modules)", name, module, pysyntax.PortingGuide)
}

// is is $is(x, y): whether x and y are the same object.
func is(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return starlark.Bool(Same(args[0], args[1])), nil
}

// Same is Python's x is y: the same object; values without identity in
// Starlark (numbers, strings) are the same when equal and of one type.
func Same(x, y starlark.Value) bool {
	if reflect.TypeOf(x) != reflect.TypeOf(y) {
		return false
	}
	switch x := x.(type) {
	case starlark.NoneType, starlark.Bool, starlark.String, starlark.Bytes, starlark.Float:
		return x == y
	case starlark.Int:
		return x.BigInt().Cmp(y.(starlark.Int).BigInt()) == 0
	case starlark.Tuple:
		yt := y.(starlark.Tuple)
		return len(x) == 0 && len(yt) == 0 || len(x) > 0 && len(x) == len(yt) && &x[0] == &yt[0]
	}
	if reflect.TypeOf(x).Comparable() {
		return x == y
	}
	return false
}

// maxPowBits bounds the size of an integer power before it is made.
const maxPowBits = 1 << 26

// Pow is x ** y, as Python's: an int for ints and y >= 0, else a float;
// an int result's size is charged to the run before it is made.
func Pow(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, y := args[0], args[1]
	if b, ok := x.(starlark.Bool); ok {
		x = boolInt(b)
	}
	if b, ok := y.(starlark.Bool); ok {
		y = boolInt(b)
	}
	xi, xInt := x.(starlark.Int)
	yi, yInt := y.(starlark.Int)
	if xInt && yInt && yi.Sign() >= 0 {
		e, ok := yi.Uint64()
		bits := uint64(xi.BigInt().BitLen())
		if !ok || bits > 1 && e > maxPowBits/bits+1 {
			return nil, pyerr.New("OverflowError", "%s ** %s is too large", x, y)
		}
		if err := budget.Of(thread).Alloc(bits*e/8, "**", "an int"); err != nil {
			return nil, err
		}
		return starlark.MakeBigInt(new(big.Int).Exp(xi.BigInt(), yi.BigInt(), nil)), nil
	}
	xf, ok1 := starlark.AsFloat(x)
	yf, ok2 := starlark.AsFloat(y)
	if !ok1 || !ok2 {
		return nil, pyerr.New("TypeError", "unsupported operand type(s) for ** or pow(): '%s' and '%s'", x.Type(), y.Type())
	}
	if xf == 0 && yf < 0 {
		return nil, pyerr.New("ZeroDivisionError", "0.0 cannot be raised to a negative power")
	}
	r := math.Pow(xf, yf)
	if math.IsNaN(r) && !math.IsNaN(xf) && !math.IsNaN(yf) {
		return nil, pyerr.New("ValueError", "math domain error")
	}
	return starlark.Float(r), nil
}

func boolInt(b starlark.Bool) starlark.Int {
	if b {
		return starlark.MakeInt(1)
	}
	return starlark.MakeInt(0)
}

func (h *hooks) eq(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if h.o.Equal != nil {
		eq, err := h.o.Equal(thread, args[0], args[1])
		return starlark.Bool(eq), err
	}
	eq, err := equal(args[0], args[1], 0)
	return starlark.Bool(eq), err
}

// equal is Python's == on Starlark's values: a bool is the int 0 or 1,
// in containers too.
func equal(x, y starlark.Value, depth int) (bool, error) {
	if depth > host.MaxNesting {
		return false, pyerr.New("RecursionError", "maximum recursion depth exceeded in comparison")
	}
	if b, ok := x.(starlark.Bool); ok {
		x = boolInt(b)
	}
	if b, ok := y.(starlark.Bool); ok {
		y = boolInt(b)
	}
	switch xs := x.(type) {
	case *starlark.List, starlark.Tuple:
		ys, ok := y.(starlark.Indexable)
		if !ok || reflect.TypeOf(x) != reflect.TypeOf(y) {
			return false, nil
		}
		xi := xs.(starlark.Indexable)
		if xi.Len() != ys.Len() {
			return false, nil
		}
		for i := 0; i < xi.Len(); i++ {
			if eq, err := equal(xi.Index(i), ys.Index(i), depth+1); err != nil || !eq {
				return false, err
			}
		}
		return true, nil
	case *starlark.Dict:
		yd, ok := y.(*starlark.Dict)
		if !ok || xs.Len() != yd.Len() {
			return false, nil
		}
		for _, kv := range xs.Items() {
			v, found, err := yd.Get(kv[0])
			if err != nil || !found {
				return false, err
			}
			if eq, err := equal(kv[1], v, depth+1); err != nil || !eq {
				return false, err
			}
		}
		return true, nil
	}
	return starlark.Equal(x, y)
}

// Iterable is a value of a module's own that Python iterates, though
// Starlark does not: what a loop goes through is made when the loop
// starts, and making it may fail (libxml2's nodes walk their document).
type Iterable interface {
	starlark.Value
	// PyIter returns what for ... in v goes through.
	PyIter(thread *starlark.Thread) (starlark.Value, error)
}

func (h *hooks) iter(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if it, ok := args[0].(Iterable); ok {
		return it.PyIter(thread)
	}
	if h.o.Iterable != nil {
		return h.o.Iterable(thread, args[0])
	}
	if s, ok := args[0].(starlark.String); ok {
		if err := budget.Of(thread).Steps(thread, uint64(len(s))); err != nil {
			return nil, err
		}
		chars := make([]starlark.Value, 0, len(s))
		for _, r := range string(s) {
			chars = append(chars, starlark.String(string(r)))
		}
		return starlark.Tuple(chars), nil
	}
	return args[0], nil
}

func (h *hooks) attr(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, name := args[0], string(args[1].(starlark.String))
	if h.o.Attr != nil {
		v, ok, err := h.o.Attr(thread, x, name)
		if err != nil || ok {
			return v, err
		}
	}
	if a, ok := x.(starlark.HasAttrs); ok {
		v, err := a.Attr(name)
		if err != nil || v != nil {
			return v, err
		}
	}
	return nil, pyerr.New("AttributeError", "'%s' object has no attribute '%s'", x.Type(), name)
}

// getItem is $getitem(x, key): x[key], with Python's KeyError and
// IndexError.
func getItem(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, k := args[0], args[1]
	switch c := x.(type) {
	case starlark.Mapping:
		v, found, err := c.Get(k)
		if err != nil {
			return nil, pyerr.New("TypeError", "%s", err)
		}
		if !found {
			return nil, pyerr.New("KeyError", "%s", repr(k))
		}
		return v, nil
	case starlark.Indexable:
		what := "index"
		switch x.(type) {
		case *starlark.List:
			what = "list index"
		case starlark.Tuple:
			what = "tuple index"
		case starlark.String:
			what = "string index"
		}
		i, err := index(c.Len(), k, strings.TrimSuffix(what, " index"))
		if err != nil {
			return nil, err
		}
		return c.Index(i), nil
	}
	return nil, pyerr.New("TypeError", "'%s' object is not subscriptable", x.Type())
}

// repr is Python's repr of a key in a KeyError.
func repr(v starlark.Value) string {
	if s, ok := v.(starlark.String); ok {
		return "'" + strings.ReplaceAll(string(s), "'", "\\'") + "'"
	}
	return v.String()
}

func divide(op syntax.Token) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		x, y := args[0], args[1]
		if b, ok := x.(starlark.Bool); ok {
			x = boolInt(b)
		}
		if b, ok := y.(starlark.Bool); ok {
			y = boolInt(b)
		}
		switch d := y.(type) {
		case starlark.Int:
			if d.Sign() == 0 {
				if _, isFloat := x.(starlark.Float); isFloat {
					return nil, pyerr.New("ZeroDivisionError", "float division by zero")
				}
				if op == syntax.SLASH {
					return nil, pyerr.New("ZeroDivisionError", "division by zero")
				}
				return nil, pyerr.New("ZeroDivisionError", "integer division or modulo by zero")
			}
		case starlark.Float:
			if d == 0 {
				if op == syntax.SLASH {
					return nil, pyerr.New("ZeroDivisionError", "float division by zero")
				}
				return nil, pyerr.New("ZeroDivisionError", "float floor division by zero")
			}
		}
		v, err := starlark.Binary(op, x, y)
		if err != nil {
			return nil, pyerr.New("TypeError", "%s", err)
		}
		return v, nil
	}
}

func undefined(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return nil, pyerr.New("NameError", "name '%s' is not defined", string(args[0].(starlark.String)))
}

// namespace holds the globals that functions rebind (global x).
type namespace struct{ fields map[string]starlark.Value }

var _ starlark.HasSetField = (*namespace)(nil)

func (n *namespace) String() string        { return "<globals>" }
func (n *namespace) Type() string          { return "globals" }
func (n *namespace) Freeze()               {}
func (n *namespace) Truth() starlark.Bool  { return starlark.True }
func (n *namespace) Hash() (uint32, error) { return 0, errors.New("unhashable: globals") }

func (n *namespace) Attr(name string) (starlark.Value, error) {
	if v, ok := n.fields[name]; ok {
		return v, nil
	}
	return nil, pyerr.New("NameError", "name '%s' is not defined", name)
}

func (n *namespace) AttrNames() []string {
	names := make([]string, 0, len(n.fields))
	for k := range n.fields {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// EachHeld visits the globals, for the run's memory account.
func (n *namespace) EachHeld(visit func(starlark.Value)) {
	for _, v := range n.fields {
		visit(v)
	}
}

func (n *namespace) SetField(name string, v starlark.Value) error {
	n.fields[name] = v
	return nil
}
