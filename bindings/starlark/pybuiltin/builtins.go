package pybuiltin

import (
	"math"
	"math/big"
	"math/bits"
	"reflect"
	"sort"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
)

// Builtins returns Python's builtins for the Python dialect, to predeclare
// over Starlark's (print, exit and sys come from Idioms with the Python
// style):
//
//	int, float, str, bool, list, dict, tuple, set, bytes   converters and classes
//	type(x), isinstance(x, classinfo)   type objects; a classinfo may also be a
//	                                    value with IsInstance(v) bool (exception classes)
//	str(x), repr(x), ascii(x), format(x, spec)
//	len(x)                              a string's length in characters
//	hex, oct, bin, divmod, pow, abs
//	iter(x), next(it[, default])        StopIteration at the end
//	callable(x), vars(x), id(x)
//	sorted, min, max, enumerate, zip, reversed, all, any
//	                                    strings iterate as characters, values
//	                                    compare as Python's (Compare)
//	input()                             refused: scripts have no standard input
func Builtins() starlark.StringDict {
	d := starlark.StringDict{
		"str": strType, "int": intType, "float": floatType, "bool": boolType, "list": listType,
		"dict": dictType, "tuple": tupleType, "set": setType, "bytes": bytesType,
	}
	for name, fn := range map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
		"repr": reprBuiltin, "ascii": asciiBuiltin, "format": formatBuiltin, "isinstance": isinstance,
		"type": typeBuiltin, "len": length, "hex": radix("hex", 16, "0x"), "oct": radix("oct", 8, "0o"),
		"bin": radix("bin", 2, "0b"), "divmod": divmod, "pow": pow, "abs": abs, "iter": iterBuiltin,
		"next": next, "callable": callable, "vars": vars, "id": id, "input": input, "sorted": sorted,
		"min": minMax(syntax.LT), "max": minMax(syntax.GT),
		"enumerate": iterating("enumerate", 72), "zip": iterating("zip", 72), "reversed": iterating("reversed", slotBytes),
		"all": iterating("all", 0), "any": iterating("any", 0),
	} {
		d[name] = starlark.NewBuiltin(name, fn)
	}
	return d
}

func reprBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, typeError("%v", err)
	}
	s, err := Repr(thread, x)
	return starlark.String(s), err
}

func asciiBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, typeError("%v", err)
	}
	s, err := Repr(thread, x)
	return starlark.String(asciiOf(s)), err
}

func formatBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var spec string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x, &spec); err != nil {
		return nil, typeError("%v", err)
	}
	s, err := FormatValue(thread, x, spec, Python)
	return starlark.String(s), err
}

// isinstance is isinstance(x, classinfo): classinfo is a Type, a value
// with IsInstance, or a tuple of them.
func isinstance(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, classinfo starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &classinfo); err != nil {
		return nil, typeError("%v", err)
	}
	ok, err := instance(x, classinfo, 0)
	return starlark.Bool(ok), err
}

func instance(x, classinfo starlark.Value, depth int) (bool, error) {
	switch c := classinfo.(type) {
	case interface{ IsInstance(starlark.Value) bool }:
		return c.IsInstance(x), nil
	case starlark.Tuple:
		if depth > 100 {
			return false, pyerr.New("RecursionError", "maximum recursion depth exceeded in __instancecheck__")
		}
		for _, e := range c {
			if ok, err := instance(x, e, depth+1); ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	}
	return false, typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
}

func typeBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 3 {
		return nil, typeError("type(name, bases, dict): vertscript does not create classes")
	}
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, typeError("type() takes 1 or 3 arguments")
	}
	if c, ok := x.(interface{ PythonType() starlark.Value }); ok {
		return c.PythonType(), nil
	}
	return typeOf(x), nil
}

// length is len(x): a string's length in characters, as Python counts.
func length(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, typeError("%v", err)
	}
	if s, ok := x.(starlark.String); ok {
		return starlark.MakeInt(utf8.RuneCountInString(string(s))), nil
	}
	if n := starlark.Len(x); n >= 0 {
		return starlark.MakeInt(n), nil
	}
	return nil, typeError("object of type '%s' has no len()", typeName(x))
}

// integer is x as an int for hex, oct, bin: an int or a bool.
func integer(x starlark.Value) (starlark.Int, error) {
	switch v := x.(type) {
	case starlark.Int:
		return v, nil
	case starlark.Bool:
		return boolInt(v), nil
	}
	return starlark.Int{}, typeError("'%s' object cannot be interpreted as an integer", typeName(x))
}

// radix returns hex, oct or bin.
func radix(name string, base int, prefix string) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &x); err != nil {
			return nil, typeError("%v", err)
		}
		n, err := integer(x)
		if err != nil {
			return nil, err
		}
		i := n.BigInt()
		sign := ""
		if i.Sign() < 0 {
			sign = "-"
			i.Neg(i)
		}
		return starlark.String(sign + prefix + i.Text(base)), nil
	}
}

func divmod(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &y); err != nil {
		return nil, typeError("%v", err)
	}
	if !isNumber(x) || !isNumber(y) {
		return nil, typeError("unsupported operand type(s) for divmod(): '%s' and '%s'", typeName(x), typeName(y))
	}
	x, y = asNumber(x), asNumber(y)
	_, xf := x.(starlark.Float)
	_, yf := y.(starlark.Float)
	if f, _ := starlark.AsFloat(y); f == 0 {
		if xf || yf {
			return nil, pyerr.New("ZeroDivisionError", "float divmod()")
		}
		return nil, pyerr.New("ZeroDivisionError", "integer division or modulo by zero")
	}
	q, err := starlark.Binary(syntax.SLASHSLASH, x, y)
	if err != nil {
		return nil, typeError("%v", err)
	}
	r, err := starlark.Binary(syntax.PERCENT, x, y)
	if err != nil {
		return nil, typeError("%v", err)
	}
	return starlark.Tuple{q, r}, nil
}

// maxPowBits bounds the size of an integer power before it is made.
const maxPowBits = 1 << 26

// pow is pow(base, exp, mod=None), as Python's.
func pow(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y, m starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "base", &x, "exp", &y, "mod?", &m); err != nil {
		return nil, typeError("%v", err)
	}
	if !isNumber(x) || !isNumber(y) {
		return nil, typeError("unsupported operand type(s) for ** or pow(): '%s' and '%s'", typeName(x), typeName(y))
	}
	x, y = asNumber(x), asNumber(y)
	xi, xInt := x.(starlark.Int)
	yi, yInt := y.(starlark.Int)
	if m != nil && m != starlark.None {
		mi, mInt := asNumber(m).(starlark.Int)
		if !xInt || !yInt || !mInt {
			return nil, typeError("pow() 3rd argument not allowed unless all arguments are integers")
		}
		if mi.Sign() == 0 {
			return nil, valueError("pow() 3rd argument cannot be 0")
		}
		mb := mi.BigInt()
		e := yi.BigInt()
		base := xi.BigInt()
		if e.Sign() < 0 {
			inv := new(big.Int).ModInverse(new(big.Int).Mod(base, new(big.Int).Abs(mb)), new(big.Int).Abs(mb))
			if inv == nil {
				return nil, valueError("base is not invertible for the given modulus")
			}
			base, e = inv, e.Neg(e)
		}
		if err := budget.Of(thread).Steps(thread, uint64(e.BitLen())*words(mi)*words(mi)); err != nil {
			return nil, err
		}
		r := new(big.Int).Exp(base, e, new(big.Int).Abs(mb))
		if mb.Sign() < 0 && r.Sign() != 0 {
			r.Add(r, mb) // Python's result takes the modulus's sign
		}
		return starlark.MakeBigInt(r), nil
	}
	if xInt && yInt && yi.Sign() >= 0 {
		e, ok := yi.Uint64()
		nbits := uint64(xi.BigInt().BitLen())
		if !ok || nbits > 1 && e > maxPowBits/nbits+1 {
			return nil, pyerr.New("OverflowError", "%s ** %s is too large", x, y)
		}
		if err := budget.Of(thread).Alloc(nbits*e/8, "pow()", "an int"); err != nil {
			return nil, err
		}
		return starlark.MakeBigInt(new(big.Int).Exp(xi.BigInt(), yi.BigInt(), nil)), nil
	}
	xf, _ := starlark.AsFloat(x)
	yf, _ := starlark.AsFloat(y)
	if xf == 0 && yf < 0 {
		return nil, pyerr.New("ZeroDivisionError", "0.0 cannot be raised to a negative power")
	}
	r := math.Pow(xf, yf)
	if math.IsNaN(r) && !math.IsNaN(xf) && !math.IsNaN(yf) {
		return nil, valueError("math domain error")
	}
	if math.IsInf(r, 0) && !math.IsInf(xf, 0) && !math.IsInf(yf, 0) {
		return nil, pyerr.New("OverflowError", "(34, 'Numerical result out of range')")
	}
	return starlark.Float(r), nil
}

func abs(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, typeError("%v", err)
	}
	switch v := asNumber(x).(type) {
	case starlark.Int:
		if v.Sign() < 0 {
			return starlark.Binary(syntax.MINUS, starlark.MakeInt(0), v)
		}
		return v, nil
	case starlark.Float:
		return starlark.Float(math.Abs(float64(v))), nil
	}
	return nil, typeError("bad operand type for abs(): '%s'", typeName(x))
}

func iterBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, typeError("%v", err)
	}
	return newIterator(thread, x)
}

func next(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, def starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x, &def); err != nil {
		return nil, typeError("%v", err)
	}
	it, ok := x.(*iterator)
	if !ok {
		return nil, typeError("'%s' object is not an iterator", typeName(x))
	}
	if v, ok := it.next(); ok {
		return v, nil
	}
	if def != nil {
		return def, nil
	}
	return nil, pyerr.New("StopIteration", "")
}

func callable(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, typeError("%v", err)
	}
	_, ok := x.(starlark.Callable)
	return starlark.Bool(ok), nil
}

// vars is vars(x): the attributes of a value that has them as a dict
// (an argparse Namespace).
func vars(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, typeError("vars(): no arguments: vertscript has no local namespace to show")
	}
	if v, ok := x.(interface{ Vars() *starlark.Dict }); ok {
		return v.Vars(), nil
	}
	return nil, typeError("vars() argument must have __dict__ attribute")
}

// id is id(x): an int that is the same for the same object.
func id(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, typeError("%v", err)
	}
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return starlark.MakeUint64(uint64(rv.Pointer())), nil
	case reflect.Slice:
		if rv.Len() > 0 {
			return starlark.MakeUint64(uint64(rv.Pointer())), nil
		}
	}
	h, err := x.Hash()
	if err != nil {
		h = 0
	}
	return starlark.MakeUint64(uint64(h)<<3 | 1), nil
}

func input(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return nil, pyerr.New("EOFError", "input(): vertscript scripts have no standard input; pass values as arguments (sys.argv)")
}

// iterating returns Starlark's builtin name with Python's iteration of
// strings, charged per bytes for each element it makes.
func iterating(name string, per uint64) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	call := collect(name, per)
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return call(thread, args, kwargs)
	}
}

// keyed is a value and its sort key.
type keyed struct{ key, v starlark.Value }

// keys returns the elements of iterable with their keys (key(x), or x).
func keys(thread *starlark.Thread, what string, iterable, key starlark.Value) ([]keyed, error) {
	it, err := Iterable(thread, iterable)
	if err != nil {
		return nil, err
	}
	xs, err := elements(thread, what, it)
	if err != nil {
		return nil, typeError("'%s' object is not iterable", typeName(iterable))
	}
	out := make([]keyed, len(xs))
	for i, x := range xs {
		out[i] = keyed{x, x}
		if key != nil && key != starlark.None {
			k, err := starlark.Call(thread, key, starlark.Tuple{x}, nil)
			if err != nil {
				return nil, err
			}
			out[i].key = k
		}
	}
	return out, nil
}

// sortKeyed sorts xs stably by key with Python's <, reversed as Python
// does (stable in the reverse order too).
func sortKeyed(thread *starlark.Thread, xs []keyed, reverse bool) error {
	n := uint64(len(xs))
	if err := budget.Of(thread).Steps(thread, n*uint64(bits.Len64(n)+1)); err != nil {
		return err
	}
	var err error
	less := func(a, b starlark.Value) bool {
		if err != nil {
			return false
		}
		lt, e := Compare(thread, syntax.LT, a, b)
		if e != nil {
			err = e
		}
		return lt
	}
	if reverse {
		sort.SliceStable(xs, func(i, j int) bool { return less(xs[j].key, xs[i].key) })
	} else {
		sort.SliceStable(xs, func(i, j int) bool { return less(xs[i].key, xs[j].key) })
	}
	return err
}

func sorted(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var iterable, key starlark.Value
	var reverse bool
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "iterable", &iterable, "key?", &key, "reverse?", &reverse); err != nil {
		return nil, typeError("%v", err)
	}
	xs, err := keys(thread, "sorted", iterable, key)
	if err != nil {
		return nil, err
	}
	if err := sortKeyed(thread, xs, reverse); err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(xs))
	for i, x := range xs {
		out[i] = x.v
	}
	return starlark.NewList(out), nil
}

// minMax returns min (op <) or max (op >): min(iterable, *, key=None,
// default=...) or min(a, b, *args, key=None).
func minMax(op syntax.Token) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var key, def starlark.Value
		if err := starlark.UnpackArgs(b.Name(), nil, kwargs, "key?", &key, "default?", &def); err != nil {
			return nil, typeError("%v", err)
		}
		var iterable starlark.Value
		switch len(args) {
		case 0:
			return nil, typeError("%s expected at least 1 argument, got 0", b.Name())
		case 1:
			iterable = args[0]
		default:
			if def != nil {
				return nil, typeError("Cannot specify a default for %s() with multiple positional arguments", b.Name())
			}
			iterable = args
		}
		xs, err := keys(thread, b.Name(), iterable, key)
		if err != nil {
			return nil, err
		}
		if len(xs) == 0 {
			if def != nil {
				return def, nil
			}
			return nil, valueError("%s() arg is an empty sequence", b.Name())
		}
		best := xs[0]
		for _, x := range xs[1:] {
			better, err := Compare(thread, op, x.key, best.key)
			if err != nil {
				return nil, err
			}
			if better {
				best = x
			}
		}
		return best.v, nil
	}
}
