package pybuiltin

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/host"
)

// Equal is Python's x == y: numbers are equal by value whatever their
// type (1 == True, 1 == 1.0), lists, tuples, dicts and sets element by
// element with the same rule; values of different kinds are not equal.
// Two ints compare without allocating.
func Equal(thread *starlark.Thread, x, y starlark.Value) (bool, error) {
	if xi, ok := x.(starlark.Int); ok {
		if yi, ok := y.(starlark.Int); ok {
			a, ok1 := xi.Int64()
			b, ok2 := yi.Int64()
			if ok1 && ok2 {
				return a == b, nil
			}
		}
	}
	if xs, ok := x.(starlark.String); ok {
		ys, ok := y.(starlark.String)
		return ok && xs == ys, nil
	}
	return equal(x, y, 0)
}

func equal(x, y starlark.Value, depth int) (bool, error) {
	if depth > host.MaxNesting {
		return false, pyerr.New("RecursionError", "maximum recursion depth exceeded in comparison")
	}
	if isNumber(x) && isNumber(y) {
		return starlark.Compare(syntax.EQL, asNumber(x), asNumber(y))
	}
	switch xs := x.(type) {
	case *starlark.List:
		ys, ok := y.(*starlark.List)
		if !ok {
			return false, nil
		}
		if xs == ys {
			return true, nil
		}
		return sequenceEqual(xs, ys, depth)
	case starlark.Tuple:
		ys, ok := y.(starlark.Tuple)
		if !ok {
			return false, nil
		}
		return sequenceEqual(xs, ys, depth)
	case *starlark.Dict:
		yd, ok := y.(*starlark.Dict)
		if !ok || xs.Len() != yd.Len() {
			return false, nil
		}
		for _, kv := range xs.Items() {
			v, found, err := lookup(yd, kv[0])
			if err != nil || !found {
				return false, err
			}
			if eq, err := equal(kv[1], v, depth+1); err != nil || !eq {
				return false, err
			}
		}
		return true, nil
	case *starlark.Set:
		ys, ok := y.(*starlark.Set)
		if !ok || xs.Len() != ys.Len() {
			return false, nil
		}
		it := xs.Iterate()
		defer it.Done()
		var e starlark.Value
		for it.Next(&e) {
			if found, err := setHas(ys, e); err != nil || !found {
				return false, err
			}
		}
		return true, nil
	}
	if _, ok := x.(starlark.Comparable); !ok {
		// Starlark compares other values by identity, which a type
		// that is not comparable in Go does not have.
		return sameValue(x, y), nil
	}
	return starlark.Equal(x, y)
}

// sameValue is identity for values whose Go type is not comparable.
func sameValue(x, y starlark.Value) (eq bool) {
	defer func() {
		if recover() != nil {
			eq = false
		}
	}()
	return x == y
}

func sequenceEqual(x, y starlark.Indexable, depth int) (bool, error) {
	if x.Len() != y.Len() {
		return false, nil
	}
	for i := 0; i < x.Len(); i++ {
		if eq, err := equal(x.Index(i), y.Index(i), depth+1); err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// lookup is d[k] with Python's keys: True finds 1, 1.0 finds 1.
func lookup(d *starlark.Dict, k starlark.Value) (starlark.Value, bool, error) {
	v, found, err := d.Get(k)
	if found || err != nil || !isNumber(k) {
		return v, found, err
	}
	for _, alt := range numberKeys(k) {
		if v, found, err := d.Get(alt); found || err != nil {
			return v, found, err
		}
	}
	return nil, false, nil
}

func setHas(s *starlark.Set, k starlark.Value) (bool, error) {
	found, err := s.Has(k)
	if found || err != nil || !isNumber(k) {
		return found, err
	}
	for _, alt := range numberKeys(k) {
		if found, err := s.Has(alt); found || err != nil {
			return found, err
		}
	}
	return false, nil
}

// numberKeys are the other keys equal to the number k.
func numberKeys(k starlark.Value) []starlark.Value {
	n := asNumber(k)
	var out []starlark.Value
	if f, ok := n.(starlark.Float); ok {
		if i, err := starlark.NumberToInt(f); err == nil && float64(f) == float64(int64(f)) {
			n = i
			out = append(out, i)
		} else {
			return nil
		}
	}
	i := n.(starlark.Int)
	if _, isBool := k.(starlark.Bool); !isBool {
		if v, ok := i.Int64(); ok && (v == 0 || v == 1) {
			out = append(out, starlark.Bool(v == 1))
		}
	}
	if f, ok := starlark.AsFloat(i); ok {
		if _, isFloat := k.(starlark.Float); !isFloat {
			out = append(out, starlark.Float(f))
		}
	}
	return out
}

func isNumber(v starlark.Value) bool {
	switch v.(type) {
	case starlark.Int, starlark.Float, starlark.Bool:
		return true
	}
	return false
}

// asNumber is v, a bool as the int 0 or 1.
func asNumber(v starlark.Value) starlark.Value {
	if b, ok := v.(starlark.Bool); ok {
		return boolInt(b)
	}
	return v
}

// Compare is Python's x op y for op one of < <= > >= == !=: numbers by
// value (bools as 0 and 1), strings by code point, lists and tuples
// element by element, sets by inclusion; ordering values of different
// kinds is a TypeError.
func Compare(thread *starlark.Thread, op syntax.Token, x, y starlark.Value) (bool, error) {
	return compare(op, x, y, 0)
}

func compare(op syntax.Token, x, y starlark.Value, depth int) (bool, error) {
	switch op {
	case syntax.EQL:
		return equal(x, y, depth)
	case syntax.NEQ:
		eq, err := equal(x, y, depth)
		return !eq, err
	case syntax.LT, syntax.LE, syntax.GT, syntax.GE:
	default:
		return false, typeError("unknown comparison %s", op)
	}
	if depth > host.MaxNesting {
		return false, pyerr.New("RecursionError", "maximum recursion depth exceeded in comparison")
	}
	unsupported := func() error {
		return typeError("'%s' not supported between instances of '%s' and '%s'", op, typeName(x), typeName(y))
	}
	if isNumber(x) && isNumber(y) {
		return starlark.Compare(op, asNumber(x), asNumber(y))
	}
	switch xs := x.(type) {
	case starlark.String:
		if _, ok := y.(starlark.String); !ok {
			return false, unsupported()
		}
		return starlark.Compare(op, x, y)
	case starlark.Bytes:
		if _, ok := y.(starlark.Bytes); !ok {
			return false, unsupported()
		}
		return starlark.Compare(op, x, y)
	case *starlark.List:
		ys, ok := y.(*starlark.List)
		if !ok {
			return false, unsupported()
		}
		return sequenceCompare(op, xs, ys, depth)
	case starlark.Tuple:
		ys, ok := y.(starlark.Tuple)
		if !ok {
			return false, unsupported()
		}
		return sequenceCompare(op, xs, ys, depth)
	case *starlark.Set:
		ys, ok := y.(*starlark.Set)
		if !ok {
			return false, unsupported()
		}
		return setCompare(op, xs, ys)
	}
	if _, ok := x.(starlark.Comparable); ok && sameKind(x, y) {
		if ok, err := starlark.Compare(op, x, y); err == nil {
			return ok, nil
		}
	}
	return false, unsupported()
}

func sameKind(x, y starlark.Value) bool { return x.Type() == y.Type() }

// sequenceCompare orders by the first elements that differ, else by
// length.
func sequenceCompare(op syntax.Token, x, y starlark.Indexable, depth int) (bool, error) {
	n := min(x.Len(), y.Len())
	for i := 0; i < n; i++ {
		a, b := x.Index(i), y.Index(i)
		eq, err := equal(a, b, depth+1)
		if err != nil {
			return false, err
		}
		if !eq {
			return compare(op, a, b, depth+1)
		}
	}
	return starlark.Compare(op, starlark.MakeInt(x.Len()), starlark.MakeInt(y.Len()))
}

// setCompare orders sets by inclusion: x < y is a proper subset.
func setCompare(op syntax.Token, x, y *starlark.Set) (bool, error) {
	subset := func(a, b *starlark.Set) (bool, error) {
		if a.Len() > b.Len() {
			return false, nil
		}
		it := a.Iterate()
		defer it.Done()
		var e starlark.Value
		for it.Next(&e) {
			if found, err := setHas(b, e); err != nil || !found {
				return false, err
			}
		}
		return true, nil
	}
	switch op {
	case syntax.LE:
		return subset(x, y)
	case syntax.LT:
		ok, err := subset(x, y)
		return ok && x.Len() < y.Len(), err
	case syntax.GE:
		return subset(y, x)
	default: // GT
		ok, err := subset(y, x)
		return ok && y.Len() < x.Len(), err
	}
}
