package pybuiltin

import (
	"fmt"
	"math"
	"strconv"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
)

// Python builtins that Starlark lacks and libvirt scripts in the wild use,
// with Python's behaviour (map and filter return lists, which a for loop or
// list() takes as Python's iterators):
//
//	sum(iterable, start=0)     the sum of the elements
//	round(number, ndigits=None) rounded half to even; an int without ndigits
//	map(function, iterable, ...) and filter(function, iterable)
//
// Each is priced in steps per element.

// Extras returns sum, round, map and filter.
func Extras() starlark.StringDict {
	return starlark.StringDict{
		"sum":    starlark.NewBuiltin("sum", sum),
		"round":  starlark.NewBuiltin("round", round),
		"map":    starlark.NewBuiltin("map", mapBuiltin),
		"filter": starlark.NewBuiltin("filter", filter),
	}
}

// stepChunk is how many elements a builtin goes through between two
// charges of its steps.
const stepChunk = 1000

// Bytes per element of the values a builtin makes: a list or tuple slot
// (an interface), and what an element made on the fly adds to it.
const (
	slotBytes = 16
	boxBytes  = 16
)

// elements returns the elements of iterable, priced one step each.
func elements(thread *starlark.Thread, what string, v starlark.Value) ([]starlark.Value, error) {
	b := budget.Of(thread)
	it, ok := v.(starlark.Iterable)
	if !ok {
		return nil, fmt.Errorf("%s: got %s, want iterable", what, v.Type())
	}
	if s, ok := v.(starlark.Sequence); ok {
		n := uint64(s.Len())
		if err := b.Steps(thread, n); err != nil {
			return nil, err
		}
		if err := b.Alloc(mul(n, slotBytes+boxBytes), fmt.Sprintf("%s of %d elements", what, n), "a list"); err != nil {
			return nil, err
		}
	}
	iter := it.Iterate()
	defer iter.Done()
	var out []starlark.Value
	var x starlark.Value
	for iter.Next(&x) {
		out = append(out, x)
		if len(out)%stepChunk == 0 {
			if err := b.Steps(thread, stepChunk); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func sum(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var iterable starlark.Value
	var acc starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "iterable", &iterable, "start?", &acc); err != nil {
		return nil, err
	}
	if _, ok := acc.(starlark.String); ok {
		return nil, fmt.Errorf("sum: can't sum strings (use \"\".join(seq) instead)")
	}
	xs, err := elements(thread, "sum", iterable)
	if err != nil {
		return nil, err
	}
	for _, x := range xs {
		if acc, err = starlark.Binary(syntax.PLUS, acc, x); err != nil {
			return nil, fmt.Errorf("sum: %v", err)
		}
	}
	return acc, nil
}

// round is Python's round: half to even; an int when ndigits is None.
func round(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var nd starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "number", &x, "ndigits?", &nd); err != nil {
		return nil, err
	}
	if i, ok := x.(starlark.Int); ok {
		if nd == starlark.None {
			return i, nil
		}
	}
	f, ok := starlark.AsFloat(x)
	if !ok {
		return nil, fmt.Errorf("round: got %s, want a number", x.Type())
	}
	if nd == starlark.None {
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, fmt.Errorf("round: cannot convert float %v to integer", f)
		}
		return starlark.NumberToInt(starlark.Float(math.RoundToEven(f)))
	}
	n, err := starlark.AsInt32(nd)
	if err != nil {
		return nil, fmt.Errorf("round: for ndigits: %v", err)
	}
	if _, isInt := x.(starlark.Int); isInt && n >= 0 {
		return x, nil
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return starlark.Float(f), nil
	}
	var r float64
	if n >= 0 {
		// The exact decimal value of f, rounded half to even, as
		// Python's round does: round(2.675, 2) is 2.67.
		r, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'f', int(min(n, 400)), 64), 64)
	} else {
		p := math.Pow(10, float64(-n))
		r = math.RoundToEven(f/p) * p
		if math.IsInf(p, 0) {
			r = 0
		}
	}
	if _, isInt := x.(starlark.Int); isInt {
		return starlark.NumberToInt(starlark.Float(r))
	}
	return starlark.Float(r), nil
}

func mapBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 || len(args) < 2 {
		return nil, fmt.Errorf("map: want map(function, iterable, ...)")
	}
	fn, ok := args[0].(starlark.Callable)
	if !ok {
		return nil, fmt.Errorf("map: got %s, want a function", args[0].Type())
	}
	lists := make([][]starlark.Value, len(args)-1)
	n := -1
	for i, a := range args[1:] {
		xs, err := elements(thread, "map", a)
		if err != nil {
			return nil, err
		}
		lists[i] = xs
		if n < 0 || len(xs) < n {
			n = len(xs) // as Python's, map stops with the shortest
		}
	}
	out := make([]starlark.Value, n)
	for j := range out {
		call := make(starlark.Tuple, len(lists))
		for i := range lists {
			call[i] = lists[i][j]
		}
		v, err := starlark.Call(thread, fn, call, nil)
		if err != nil {
			return nil, err
		}
		out[j] = v
	}
	return starlark.NewList(out), nil
}

func filter(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn, iterable starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &fn, &iterable); err != nil {
		return nil, err
	}
	xs, err := elements(thread, "filter", iterable)
	if err != nil {
		return nil, err
	}
	var out []starlark.Value
	for _, x := range xs {
		keep := x.Truth()
		if fn != starlark.None {
			f, ok := fn.(starlark.Callable)
			if !ok {
				return nil, fmt.Errorf("filter: got %s, want a function or None", fn.Type())
			}
			v, err := starlark.Call(thread, f, starlark.Tuple{x}, nil)
			if err != nil {
				return nil, err
			}
			keep = v.Truth()
		}
		if keep {
			out = append(out, x)
		}
	}
	return starlark.NewList(out), nil
}
