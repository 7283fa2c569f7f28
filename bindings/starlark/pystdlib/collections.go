package pystdlib

import (
	"fmt"
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"
)

// collections is Python's collections module, as scripts use it:
//
//	defaultdict(default_factory=None, ...)  a dict whose missing keys get default_factory()
//	OrderedDict(...)                        a dict (Starlark's keep their order)
//	Counter(iterable=None)                  a dict of counts; missing keys count 0; most_common(n=None)
//	namedtuple(typename, field_names)       a constructor of tuples with named fields
//	deque(iterable=(), maxlen=None)         a list (appendleft and popleft included)
func collectionsModule() *starlarkstruct.Module {
	return module("collections", map[string]builtin{
		"defaultdict": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var factory starlark.Value = starlark.None
			if len(args) > 0 {
				factory, args = args[0], args[1:]
			}
			if factory != starlark.None {
				if _, ok := factory.(starlark.Callable); !ok {
					return nil, typeError("first argument must be callable or None")
				}
			}
			d, err := dictFrom(thread, b.Name(), args, kwargs)
			if err != nil {
				return nil, err
			}
			return &defaultDict{Dict: d, factory: factory, kind: "defaultdict"}, nil
		},
		"OrderedDict": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return dictFrom(thread, b.Name(), args, kwargs)
		},
		"Counter": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			c := &defaultDict{Dict: starlark.NewDict(8), kind: "Counter"}
			if len(args) > 1 {
				return nil, typeError("Counter expected at most 1 argument, got %d", len(args))
			}
			if len(args) == 1 {
				if err := c.count(thread, args[0]); err != nil {
					return nil, err
				}
			}
			for _, kv := range kwargs {
				c.SetKey(kv[0], kv[1])
			}
			return c, nil
		},
		"namedtuple": newNamedTupleType,
		"deque": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var it starlark.Value = starlark.Tuple{}
			var maxlen starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "iterable?", &it, "maxlen?", &maxlen); err != nil {
				return nil, err
			}
			l := &deque{List: starlark.NewList(nil), maxlen: -1}
			if maxlen != starlark.None {
				n, err := starlark.AsInt32(maxlen)
				if err != nil || n < 0 {
					return nil, valueError("maxlen must be a non-negative integer")
				}
				l.maxlen = n
			}
			iter := starlark.Iterate(it)
			if iter == nil {
				return nil, typeError("'%s' object is not iterable", it.Type())
			}
			defer iter.Done()
			var x starlark.Value
			for iter.Next(&x) {
				l.push(x)
			}
			return l, nil
		},
	}, nil)
}

// dictFrom is dict(*args, **kwargs).
func dictFrom(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (*starlark.Dict, error) {
	v, err := starlark.Call(thread, starlark.Universe["dict"], args, kwargs)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return v.(*starlark.Dict), nil
}

// defaultDict is collections.defaultdict and Counter: a dict with a
// default for missing keys.
type defaultDict struct {
	*starlark.Dict
	factory starlark.Value // defaultdict's; nil for a Counter
	kind    string         // "defaultdict" or "Counter"
}

var (
	_ starlark.HasSetKey = (*defaultDict)(nil)
	_ starlark.HasAttrs  = (*defaultDict)(nil)
	_ starlark.Container = (*defaultDict)(nil)
)

func (d *defaultDict) Type() string { return "collections." + d.kind }

// Has is k in d: whether d holds k, without making it.
func (d *defaultDict) Has(k starlark.Value) (bool, error) {
	_, found, err := d.Dict.Get(k)
	return found, err
}

// String is Python's repr.
func (d *defaultDict) String() string { return d.PyRepr() }

// PyRepr is Python's repr: defaultdict(<class 'list'>, {...}), Counter({...}).
func (d *defaultDict) PyRepr() string {
	if d.kind == "Counter" {
		if d.Len() == 0 {
			return "Counter()"
		}
		items := d.mostCommon()
		var parts []string
		for _, kv := range items {
			parts = append(parts, Repr(kv[0])+": "+Repr(kv[1]))
		}
		return "Counter({" + strings.Join(parts, ", ") + "})"
	}
	f := "None"
	if d.factory != nil && d.factory != starlark.None {
		f = "<class '" + callableName(d.factory) + "'>"
	}
	return "defaultdict(" + f + ", " + Repr(d.Dict) + ")"
}

// Get is d[k]: a missing key gets the factory's value (defaultdict) or
// is 0 (Counter, without storing it).
func (d *defaultDict) Get(k starlark.Value) (starlark.Value, bool, error) {
	v, found, err := d.Dict.Get(k)
	if found || err != nil {
		return v, found, err
	}
	if d.kind == "Counter" {
		return starlark.MakeInt(0), true, nil
	}
	if d.factory == nil || d.factory == starlark.None {
		return nil, false, nil
	}
	v, err = callFactory(d.factory)
	if err != nil {
		return nil, false, err
	}
	if err := d.Dict.SetKey(k, v); err != nil {
		return nil, false, err
	}
	return v, true, nil
}

// count adds the elements of iterable (or a mapping's counts) to a
// Counter.
func (d *defaultDict) count(thread *starlark.Thread, iterable starlark.Value) error {
	if m, ok := iterable.(starlark.IterableMapping); ok {
		for _, kv := range m.Items() {
			old, _, _ := d.Get(kv[0])
			n, err := starlark.Binary(syntax.PLUS, old, kv[1])
			if err != nil {
				return err
			}
			d.SetKey(kv[0], n)
		}
		return nil
	}
	it := iterate(iterable)
	if it == nil {
		return typeError("'%s' object is not iterable", iterable.Type())
	}
	defer it.Done()
	var x starlark.Value
	for i := 0; it.Next(&x); i++ {
		if i%1024 == 0 {
			if err := steps(thread, 1024); err != nil {
				return err
			}
		}
		old, _, _ := d.Get(x)
		n, err := starlark.Binary(syntax.PLUS, old, starlark.MakeInt(1))
		if err != nil {
			return err
		}
		if err := d.SetKey(x, n); err != nil {
			return err
		}
	}
	return nil
}

// mostCommon is the items by count, highest first, ties in insertion
// order.
func (d *defaultDict) mostCommon() []starlark.Tuple {
	items := d.Items()
	sort.SliceStable(items, func(i, j int) bool {
		lt, _ := starlark.Compare(syntax.GT, items[i][1], items[j][1])
		return lt
	})
	return items
}

// Attr adds a Counter's most_common, update and elements, and
// defaultdict's default_factory, to the dict's methods.
func (d *defaultDict) Attr(name string) (starlark.Value, error) {
	switch {
	case d.kind == "defaultdict" && name == "default_factory":
		if d.factory == nil {
			return starlark.None, nil
		}
		return d.factory, nil
	case d.kind == "Counter" && name == "most_common":
		return starlark.NewBuiltin("most_common", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var n starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "n?", &n); err != nil {
				return nil, err
			}
			if err := steps(thread, d.Len()); err != nil {
				return nil, err
			}
			items := d.mostCommon()
			if n != starlark.None {
				k, err := starlark.AsInt32(n)
				if err != nil {
					return nil, err
				}
				items = items[:max(0, min(k, len(items)))]
			}
			out := make([]starlark.Value, len(items))
			for i, kv := range items {
				out[i] = starlark.Tuple{kv[0], kv[1]}
			}
			return starlark.NewList(out), nil
		}), nil
	case d.kind == "Counter" && name == "update":
		return starlark.NewBuiltin("update", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			for _, a := range args {
				if err := d.count(thread, a); err != nil {
					return nil, err
				}
			}
			return starlark.None, nil
		}), nil
	case d.kind == "Counter" && name == "elements":
		return starlark.NewBuiltin("elements", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var out []starlark.Value
			for _, kv := range d.Items() {
				n, _ := starlark.AsInt32(kv[1])
				if err := steps(thread, max(n, 0)); err != nil {
					return nil, err
				}
				for range max(n, 0) {
					out = append(out, kv[0])
				}
			}
			return starlark.NewList(out), nil
		}), nil
	}
	return d.Dict.Attr(name)
}

// deque is collections.deque: a list with appendleft, popleft,
// extendleft and rotate, bounded by maxlen.
type deque struct {
	*starlark.List
	maxlen int // -1: unbounded
}

func (q *deque) Type() string { return "collections.deque" }

// String is Python's repr: deque([...]).
func (q *deque) String() string { return q.PyRepr() }

// PyRepr is deque([1, 2]) or deque([1, 2], maxlen=3).
func (q *deque) PyRepr() string {
	s := "deque(" + Repr(q.List)
	if q.maxlen >= 0 {
		s += fmt.Sprintf(", maxlen=%d", q.maxlen)
	}
	return s + ")"
}

func (q *deque) elems() []starlark.Value {
	out := make([]starlark.Value, q.Len())
	for i := range out {
		out[i] = q.Index(i)
	}
	return out
}

func (q *deque) reset(xs []starlark.Value) {
	q.List.Clear()
	for _, x := range xs {
		q.List.Append(x)
	}
}

func (q *deque) push(x starlark.Value) {
	if q.maxlen == 0 {
		return
	}
	q.List.Append(x)
	if q.maxlen > 0 && q.Len() > q.maxlen {
		q.reset(q.elems()[1:])
	}
}

func (q *deque) pushLeft(x starlark.Value) {
	if q.maxlen == 0 {
		return
	}
	xs := append([]starlark.Value{x}, q.elems()...)
	if q.maxlen > 0 && len(xs) > q.maxlen {
		xs = xs[:q.maxlen]
	}
	q.reset(xs)
}

// Attr gives the deque's methods, then the list's.
func (q *deque) Attr(name string) (starlark.Value, error) {
	one := func(f func(x starlark.Value) (starlark.Value, error)) starlark.Value {
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "x?", &x); err != nil {
				return nil, err
			}
			if err := steps(thread, q.Len()); err != nil {
				return nil, err
			}
			return f(x)
		})
	}
	switch name {
	case "append":
		return one(func(x starlark.Value) (starlark.Value, error) { q.push(x); return starlark.None, nil }), nil
	case "appendleft":
		return one(func(x starlark.Value) (starlark.Value, error) { q.pushLeft(x); return starlark.None, nil }), nil
	case "popleft":
		return one(func(starlark.Value) (starlark.Value, error) {
			if q.Len() == 0 {
				return nil, newIndexError("pop from an empty deque")
			}
			xs := q.elems()
			q.reset(xs[1:])
			return xs[0], nil
		}), nil
	case "extend", "extendleft":
		return one(func(it starlark.Value) (starlark.Value, error) {
			iter := starlark.Iterate(it)
			if iter == nil {
				return nil, typeError("'%s' object is not iterable", it.Type())
			}
			defer iter.Done()
			var x starlark.Value
			for iter.Next(&x) {
				if name == "extend" {
					q.push(x)
				} else {
					q.pushLeft(x)
				}
			}
			return starlark.None, nil
		}), nil
	case "rotate":
		return one(func(nv starlark.Value) (starlark.Value, error) {
			n := 1
			if nv != starlark.None {
				var err error
				if n, err = starlark.AsInt32(nv); err != nil {
					return nil, err
				}
			}
			xs := q.elems()
			if len(xs) > 0 {
				n = ((n % len(xs)) + len(xs)) % len(xs)
				q.reset(append(append([]starlark.Value{}, xs[len(xs)-n:]...), xs[:len(xs)-n]...))
			}
			return starlark.None, nil
		}), nil
	case "maxlen":
		if q.maxlen < 0 {
			return starlark.None, nil
		}
		return starlark.MakeInt(q.maxlen), nil
	}
	return q.List.Attr(name)
}

// AttrNames adds the deque's methods to the list's.
func (q *deque) AttrNames() []string {
	return append(q.List.AttrNames(), "appendleft", "extendleft", "maxlen", "popleft", "rotate")
}

// namedTupleType is what namedtuple returns: calling it makes a tuple.
type namedTupleType struct {
	name   string
	fields []string
}

var _ starlark.Callable = (*namedTupleType)(nil)

func newNamedTupleType(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var fieldsV starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "typename", &name, "field_names", &fieldsV, "rename?", new(bool), "defaults?", new(starlark.Value), "module?", new(starlark.Value)); err != nil {
		return nil, err
	}
	var fields []string
	if s, ok := fieldsV.(starlark.String); ok {
		fields = strings.Fields(strings.ReplaceAll(string(s), ",", " "))
	} else {
		var err error
		if fields, err = stringList(b.Name(), fieldsV); err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	for _, f := range append([]string{name}, fields...) {
		if !isIdentifier(f) {
			return nil, valueError("Type names and field names must be valid identifiers: %s", ReprString(f))
		}
	}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") {
			return nil, valueError("Field names cannot start with an underscore: %s", ReprString(f))
		}
		if seen[f] {
			return nil, valueError("Encountered duplicate field name: %s", ReprString(f))
		}
		seen[f] = true
	}
	return &namedTupleType{name: name, fields: fields}, nil
}

func (t *namedTupleType) Name() string          { return t.name }
func (t *namedTupleType) String() string        { return "<class '" + t.name + "'>" }
func (t *namedTupleType) Type() string          { return "type" }
func (t *namedTupleType) Freeze()               {}
func (t *namedTupleType) Truth() starlark.Bool  { return true }
func (t *namedTupleType) Hash() (uint32, error) { return starlark.String(t.name).Hash() }

// CallInternal makes a tuple from positional or named fields.
func (t *namedTupleType) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	vals := make(starlark.Tuple, len(t.fields))
	if len(args) > len(t.fields) {
		return nil, typeError("%s() takes %d positional arguments but %d were given", t.name, len(t.fields)+1, len(args)+1)
	}
	copy(vals, args)
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		i := indexOfString(t.fields, k)
		if i < 0 {
			return nil, typeError("%s() got an unexpected keyword argument '%s'", t.name, k)
		}
		if vals[i] != nil {
			return nil, typeError("%s() got multiple values for argument '%s'", t.name, k)
		}
		vals[i] = kv[1]
	}
	var missing []string
	for i, v := range vals {
		if v == nil {
			missing = append(missing, ReprString(t.fields[i]))
		}
	}
	if len(missing) > 0 {
		return nil, typeError("%s() missing %d required positional argument(s): %s", t.name, len(missing), strings.Join(missing, ", "))
	}
	return &namedTuple{Tuple: vals, t: t}, nil
}

// Attr returns _fields and _make.
func (t *namedTupleType) Attr(name string) (starlark.Value, error) {
	switch name {
	case "_fields":
		out := make(starlark.Tuple, len(t.fields))
		for i, f := range t.fields {
			out[i] = starlark.String(f)
		}
		return out, nil
	case "_make":
		return starlark.NewBuiltin("_make", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var it starlark.Iterable
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &it); err != nil {
				return nil, err
			}
			var vals starlark.Tuple
			iter := it.Iterate()
			defer iter.Done()
			var x starlark.Value
			for iter.Next(&x) {
				vals = append(vals, x)
			}
			return t.CallInternal(thread, vals, nil)
		}), nil
	}
	return nil, nil
}

// AttrNames lists them.
func (t *namedTupleType) AttrNames() []string { return []string{"_fields", "_make"} }

func indexOfString(l []string, s string) int {
	for i, x := range l {
		if x == s {
			return i
		}
	}
	return -1
}

// namedTuple is a value of a namedtuple type: a tuple whose fields are
// also attributes.
type namedTuple struct {
	starlark.Tuple
	t *namedTupleType
}

var _ starlark.HasAttrs = (*namedTuple)(nil)

func (n *namedTuple) Type() string { return n.t.name }

// String is Python's repr: Point(x=1, y=2).
func (n *namedTuple) String() string { return n.PyRepr() }

// PyRepr is Point(x=1, y=2).
func (n *namedTuple) PyRepr() string {
	parts := make([]string, len(n.Tuple))
	for i, v := range n.Tuple {
		parts[i] = n.t.fields[i] + "=" + Repr(v)
	}
	return n.t.name + "(" + strings.Join(parts, ", ") + ")"
}

// Attr returns a field, _fields, _asdict and _replace.
func (n *namedTuple) Attr(name string) (starlark.Value, error) {
	if i := indexOfString(n.t.fields, name); i >= 0 {
		return n.Tuple[i], nil
	}
	switch name {
	case "_fields":
		return n.t.Attr("_fields")
	case "_asdict":
		return starlark.NewBuiltin("_asdict", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			d := starlark.NewDict(len(n.Tuple))
			for i, v := range n.Tuple {
				d.SetKey(starlark.String(n.t.fields[i]), v)
			}
			return d, nil
		}), nil
	case "_replace":
		return starlark.NewBuiltin("_replace", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 {
				return nil, typeError("_replace() takes keyword arguments only")
			}
			vals := append(starlark.Tuple{}, n.Tuple...)
			for _, kv := range kwargs {
				i := indexOfString(n.t.fields, string(kv[0].(starlark.String)))
				if i < 0 {
					return nil, valueError("Got unexpected field names: [%s]", Repr(kv[0]))
				}
				vals[i] = kv[1]
			}
			return &namedTuple{Tuple: vals, t: n.t}, nil
		}), nil
	}
	return nil, nil
}

// AttrNames lists the fields and methods.
func (n *namedTuple) AttrNames() []string {
	return append(append([]string{}, n.t.fields...), "_asdict", "_fields", "_replace")
}

// callFactory calls a defaultdict's factory. Python's int(), str(),
// float() and bool() take no argument, Starlark's do: their zero values.
func callFactory(f starlark.Value) (starlark.Value, error) {
	if b, ok := f.(*starlark.Builtin); ok && b.Receiver() == nil {
		switch b.Name() {
		case "int":
			return starlark.MakeInt(0), nil
		case "str":
			return starlark.String(""), nil
		case "float":
			return starlark.Float(0), nil
		case "bool":
			return starlark.False, nil
		case "tuple":
			return starlark.Tuple{}, nil
		}
	}
	return starlark.Call(limitedThread(nil), f, nil, nil)
}
