package guard

import (
	"fmt"
	"math"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/pybuiltin"
	"github.com/vertscript/vertscript/host"
)

// guards returns the predeclared names that enforce l inside the run: the
// guards the rewritten syntax tree calls (see rewrite), and guarded forms
// of the universe's builtins that go through many elements or make large
// strings. A builtin runs to its end once called, deaf to the step limit
// and to cancellation: its guard checks the size of what it would make
// against MaxMemory, and counts the elements it goes through as steps,
// before it runs.
func (l *Guards) guards() starlark.StringDict {
	d := starlark.StringDict{
		guardMul:    starlark.NewBuiltin(guardMul, l.mul),
		guardMod:    starlark.NewBuiltin(guardMod, l.mod),
		guardSized:  starlark.NewBuiltin(guardSized, l.sized),
		guardMethod: starlark.NewBuiltin(guardMethod, l.method),
	}
	// fail makes a string from its arguments' text: measured whatever
	// the limits, for the depth of what it prints. (str, repr and print
	// are pybuiltin's, which measure their text themselves.)
	d["fail"] = l.wrap(starlark.Universe["fail"].(*starlark.Builtin), l.texts())
	if l.lim.MaxMemory == 0 && l.lim.MaxSteps == 0 {
		return d
	}
	// Builtins that make a list, tuple, dict or set from an iterable, or
	// go through one: bytes per element made, or 0.
	for name, per := range map[string]uint64{
		"list": slotBytes, "tuple": slotBytes, "sorted": 2 * slotBytes, "reversed": slotBytes,
		"enumerate": tupleBytes, "zip": tupleBytes, "dict": entryBytes, "set": entryBytes, "bytes": 1,
		"any": 0, "all": 0, "min": 0, "max": 0,
	} {
		d[name] = l.wrap(starlark.Universe[name].(*starlark.Builtin), l.iterating(per, made[name]))
	}
	getattr := starlark.Universe["getattr"].(*starlark.Builtin)
	d["getattr"] = starlark.NewBuiltin("getattr", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := getattr.CallInternal(thread, args, kwargs)
		if err != nil {
			return nil, err
		}
		return l.guardMethod(v), nil
	})
	return d
}

// check checks, before b is called with args and kwargs, what it would
// cost.
type check func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error

// wrap is b, with check run before it. Called as b itself is (not through
// starlark.Call), b fails with its own messages and call stack.
func (l *Guards) wrap(b *starlark.Builtin, check check) *starlark.Builtin {
	w := starlark.NewBuiltin(b.Name(), func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := check(thread, b, args, kwargs); err != nil {
			return nil, err
		}
		return b.CallInternal(thread, args, kwargs)
	})
	if r := b.Receiver(); r != nil {
		return w.BindReceiver(r)
	}
	return w
}

// iterating checks a builtin that goes through the elements of its
// iterable arguments, making per bytes for each: a range of a billion
// numbers holds no elements of its own, but list() of it makes them all.
func (l *Guards) iterating(per uint64, made string) check {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
		if (b.Name() == "min" || b.Name() == "max") && len(args) > 1 {
			return nil // min(a, b): the arguments are the elements
		}
		var n, bytes uint64
		for _, a := range args {
			if _, ok := a.(starlark.String); ok {
				continue // bytes("abc"): not an iterable
			}
			k := starlark.Len(a)
			if k <= 0 {
				continue
			}
			n = add(n, uint64(k))
			e := per
			if per > 0 && lazy(a) {
				e += boxBytes // the elements are made too
			}
			bytes = add(bytes, mul(uint64(k), e))
		}
		if n == 0 {
			return nil
		}
		if err := l.alloc(bytes, fmt.Sprintf("%s() of %d elements", b.Name(), n), made); err != nil {
			return err
		}
		return l.steps(thread, n)
	}
}

// made names what a builtin makes, for messages.
var made = map[string]string{
	"list": "a list", "tuple": "a tuple", "sorted": "a list", "reversed": "a list", "enumerate": "a list",
	"zip": "a list", "dict": "a dict", "set": "a set", "bytes": "bytes", "extend": "a list", "update": "a dict",
}

// lazy reports whether v is a sequence that makes its elements as they
// are read (a range, a string's elems()), rather than holding them.
func lazy(v starlark.Value) bool {
	switch v.(type) {
	case *starlark.List, starlark.Tuple, *starlark.Dict, *starlark.Set, starlark.String, starlark.Bytes:
		return false
	}
	return true
}

// texts checks a builtin that makes a string of its arguments' text:
// fail(*args). A list holding the same long string a thousand times is
// small, its text is not.
func (l *Guards) texts() check {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
		t := l.text()
		size := uint64(0)
		for _, a := range args {
			size = add(size, add(t.Size(a, false), 1))
		}
		for _, kv := range kwargs {
			size = add(size, t.Size(kv[1], false))
		}
		return l.made(thread, t, size, b.Name()+"()")
	}
}

// text returns a measure of texts up to the memory limit (or any length).
func (l *Guards) text() *pybuiltin.Measure { return pybuiltin.NewMeasure(l.lim.MaxMemory) }

// made checks the string that what would make: size bytes, and the work
// t counted (printing big integers) as steps; and that t met no value
// nested too deep to print.
func (l *Guards) made(thread *starlark.Thread, t *pybuiltin.Measure, size uint64, what string) error {
	if t.Deep() {
		return host.NestingError(what, "a value")
	}
	if err := l.alloc(size, what, "a string"); err != nil {
		return err
	}
	if t.Work() > 0 {
		return l.steps(thread, t.Work())
	}
	return nil
}

// mul is x * y, refused when it would repeat a string, bytes, list or
// tuple past the memory limit.
func (l *Guards) mul(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, y := args[0], args[1]
	seq, count := x, y
	if _, ok := x.(starlark.Int); ok {
		seq, count = y, x
	}
	if n, ok := count.(starlark.Int); ok && l.lim.MaxMemory > 0 {
		times, ok := n.Uint64()
		if !ok && n.Sign() > 0 {
			times = math.MaxUint64
		}
		var size uint64
		var what string
		switch s := seq.(type) {
		case starlark.String:
			size, what = mul(uint64(len(s)), times), "a string"
		case starlark.Bytes:
			size, what = mul(uint64(len(s)), times), "bytes"
		case *starlark.List:
			size, what = mul(uint64(s.Len())*slotBytes, times), "a list"
		case starlark.Tuple:
			size, what = mul(uint64(len(s))*slotBytes, times), "a tuple"
		}
		if what != "" {
			if err := l.alloc(size, "repetition", what); err != nil {
				return nil, err
			}
		}
	}
	if err := l.arithmetic(thread, x, y); err != nil {
		return nil, err
	}
	return starlark.Binary(syntax.STAR, x, y)
}

// arithmetic counts the work of multiplying or dividing two big integers
// as steps: one per product of two 64-bit words. A few steps of squaring
// make an integer of millions of words, and one more product of two of
// them takes minutes in one step.
func (l *Guards) arithmetic(thread *starlark.Thread, x, y starlark.Value) error {
	a, ok1 := x.(starlark.Int)
	b, ok2 := y.(starlark.Int)
	if !ok1 || !ok2 || l.lim.MaxSteps == 0 {
		return nil
	}
	if _, small := a.Int64(); small {
		return nil
	}
	if _, small := b.Int64(); small {
		return nil
	}
	wa, wb := words(a), words(b)
	if wa < bigWords || wb < bigWords {
		return nil // linear work
	}
	return l.steps(thread, mul(wa, wb))
}

// bigWords is the size, in 64-bit words, from which integer arithmetic
// counts as more than a step.
const bigWords = 32

// words is the size of i in 64-bit words.
func words(i starlark.Int) uint64 { return uint64(i.BigInt().BitLen()+63) / 64 }

// mod is x % y, refused when it would format a string past the memory
// limit.
func (l *Guards) mod(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, y := args[0], args[1]
	if s, ok := x.(starlark.String); ok {
		t := l.text()
		if err := l.made(thread, t, interpolationSize(string(s), y, t), "%"); err != nil {
			return nil, err
		}
	}
	if s, ok := x.(starlark.String); ok {
		return pybuiltin.Percent(thread, string(s), y, l.style)
	}
	if err := l.arithmetic(thread, x, y); err != nil {
		return nil, err
	}
	return starlark.Binary(syntax.PERCENT, x, y)
}

// sized is y in x += y: when x is a list, += extends it with y's elements.
func (l *Guards) sized(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	y := args[0]
	if _, ok := y.(starlark.Iterable); ok && lazy(y) {
		if n := starlark.Len(y); n > 0 {
			if err := l.alloc(mul(uint64(n), slotBytes+boxBytes), fmt.Sprintf("+= of %d elements", n), "a list"); err != nil {
				return nil, err
			}
			if err := l.steps(thread, uint64(n)); err != nil {
				return nil, err
			}
		}
	}
	return y, nil
}

// method is x.name for one of guardedMethods: the guarded form of a
// string's, list's, dict's or set's method, any other value unchanged.
func (l *Guards) method(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return l.guardMethod(args[0]), nil
}

func (l *Guards) guardMethod(v starlark.Value) starlark.Value {
	m, ok := v.(*starlark.Builtin)
	if !ok || m.Receiver() == nil {
		return v
	}
	if r, ok := m.Receiver().(starlark.String); ok && m.Name() == "format" {
		// Python's str.format, format specifications included.
		m = starlark.NewBuiltin("format", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return pybuiltin.Format(thread, string(r), args, kwargs, l.style)
		}).BindReceiver(r)
	}
	if l.lim.MaxMemory == 0 && l.lim.MaxSteps == 0 {
		return m
	}
	var c check
	switch r := m.Receiver().(type) {
	case starlark.String:
		switch m.Name() {
		case "join":
			c = l.join(string(r))
		case "replace":
			c = l.replace(string(r))
		case "format":
			c = l.format(string(r))
		case "split", "rsplit":
			c = l.split(string(r))
		case "splitlines":
			c = l.splitlines(string(r))
		}
	case *starlark.List:
		if m.Name() == "extend" {
			c = l.iterating(slotBytes, "a list")
		}
	case *starlark.Dict:
		if m.Name() == "update" {
			c = l.iterating(entryBytes, "a dict")
		}
	case *starlark.Set:
		switch m.Name() {
		case "union", "update", "intersection", "difference", "symmetric_difference":
			c = l.iterating(entryBytes, "a set")
		case "issubset", "issuperset":
			c = l.iterating(0, "")
		}
	}
	if c == nil {
		return v
	}
	return l.wrap(m, c)
}

// join checks sep.join(iterable): the length of its strings, and the
// separators.
func (l *Guards) join(sep string) check {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
		if len(args) != 1 || len(kwargs) != 0 || l.lim.MaxMemory == 0 {
			return nil // join fails
		}
		it, ok := args[0].(starlark.Iterable)
		if !ok {
			return nil
		}
		var n, size uint64
		iter := it.Iterate()
		defer iter.Done()
		var x starlark.Value
		for iter.Next(&x) {
			s, ok := x.(starlark.String)
			if !ok {
				return nil // join fails
			}
			size = add(size, uint64(len(s)))
			if n > 0 {
				size = add(size, uint64(len(sep)))
			}
			n++
		}
		return l.alloc(size, "join", "a string")
	}
}

// replace checks s.replace(old, new[, count]).
func (l *Guards) replace(s string) check {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
		if len(args) < 2 || len(kwargs) != 0 || l.lim.MaxMemory == 0 {
			return nil
		}
		old, ok1 := args[0].(starlark.String)
		new, ok2 := args[1].(starlark.String)
		count := -1
		if len(args) > 2 {
			if c, ok := args[2].(starlark.Int); ok {
				if c64, ok := c.Int64(); ok && c64 >= 0 && c64 < math.MaxInt32 {
					count = int(c64)
				}
			}
		}
		if !ok1 || !ok2 {
			return nil
		}
		return l.alloc(replaceSize(s, string(old), string(new), count), "replace", "a string")
	}
}

// format checks s.format(*args, **kwargs).
func (l *Guards) format(s string) check {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
		t := l.text()
		return l.made(thread, t, formatSize(s, args, kwargs, t), "format")
	}
}

// split checks s.split(sep, maxsplit) and rsplit: each piece is a string
// of its own.
func (l *Guards) split(s string) check {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
		if len(s) < host.SmallAlloc/(slotBytes+boxBytes) || len(kwargs) != 0 {
			return nil // few pieces, or the arguments are for split to check
		}
		sep, maxsplit := "", -1
		if len(args) > 0 {
			if x, ok := args[0].(starlark.String); ok {
				sep = string(x)
			}
		}
		if len(args) > 1 {
			if x, ok := args[1].(starlark.Int); ok {
				if m, ok := x.Int64(); ok && m >= 0 && m < math.MaxInt32 {
					maxsplit = int(m)
				}
			}
		}
		n := splitPieces(s, sep, maxsplit)
		return l.alloc(mul(n, slotBytes+boxBytes), fmt.Sprintf("%s into %d pieces", b.Name(), n), "a list")
	}
}

// splitlines checks s.splitlines().
func (l *Guards) splitlines(s string) check {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
		if len(s) < host.SmallAlloc/(slotBytes+boxBytes) {
			return nil
		}
		n := splitPieces(s, "\n", -1) + splitPieces(s, "\r", -1)
		return l.alloc(mul(n, slotBytes+boxBytes), fmt.Sprintf("splitlines into %d pieces", n), "a list")
	}
}
