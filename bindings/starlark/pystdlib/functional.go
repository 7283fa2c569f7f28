package pystdlib

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
)

// operator, functools and itertools, as scripts use them:
//
//	operator:  itemgetter(*items), attrgetter(*names), methodcaller(name, *args),
//	           add, sub, mul, truediv, floordiv, mod, neg, eq, ne, lt, le, gt, ge, not_, truth,
//	           getitem, contains, concat
//	functools: reduce(function, iterable[, initial]), partial(func, *args, **kwargs)
//	itertools: chain(*its), chain.from_iterable(it), islice(it, [start,] stop[, step]),
//	           count(start=0, step=1), cycle(it), repeat(x, times=None), product(*its, repeat=1),
//	           permutations(it, r=None), combinations(it, r), groupby(it, key=None),
//	           zip_longest(*its, fillvalue=None), accumulate(it, func=None, initial=None),
//	           takewhile(pred, it), dropwhile(pred, it), starmap(func, it)
//
// The finite ones return lists (what a for loop or list() takes as
// Python's iterators), their size checked against the run's budget first;
// count, cycle and repeat without times are lazy, and a loop over them is
// bounded by the run's steps.

func newIndexError(msg string) error { return pyerr.New("IndexError", "%s", msg) }

func operatorModule() *starlarkstruct.Module {
	binop := func(op syntax.Token) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, y starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &y); err != nil {
				return nil, err
			}
			return starlark.Binary(op, x, y)
		}
	}
	cmp := func(op syntax.Token) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, y starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &y); err != nil {
				return nil, err
			}
			ok, err := starlark.Compare(op, x, y)
			return starlark.Bool(ok), err
		}
	}
	unary := func(f func(x starlark.Value) (starlark.Value, error)) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
				return nil, err
			}
			return f(x)
		}
	}
	return module("operator", map[string]builtin{
		"itemgetter": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) == 0 || len(kwargs) > 0 {
				return nil, typeError("itemgetter expected 1 argument, got 0")
			}
			items := append(starlark.Tuple{}, args...)
			return starlark.NewBuiltin("operator.itemgetter", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				var obj starlark.Value
				if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &obj); err != nil {
					return nil, err
				}
				out := make(starlark.Tuple, len(items))
				for i, k := range items {
					v, err := getItem(obj, k)
					if err != nil {
						return nil, err
					}
					out[i] = v
				}
				if len(out) == 1 {
					return out[0], nil
				}
				return out, nil
			}), nil
		},
		"attrgetter": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			names, err := stringList(b.Name(), args)
			if err != nil || len(names) == 0 {
				return nil, typeError("attrgetter expected 1 argument, got 0")
			}
			return starlark.NewBuiltin("operator.attrgetter", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				var obj starlark.Value
				if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &obj); err != nil {
					return nil, err
				}
				out := make(starlark.Tuple, len(names))
				for i, n := range names {
					v := obj
					for _, part := range strings.Split(n, ".") {
						a, ok := v.(starlark.HasAttrs)
						var x starlark.Value
						if ok {
							x, _ = a.Attr(part)
						}
						if x == nil {
							return nil, pyerr.New("AttributeError", "'%s' object has no attribute '%s'", v.Type(), part)
						}
						v = x
					}
					out[i] = v
				}
				if len(out) == 1 {
					return out[0], nil
				}
				return out, nil
			}), nil
		},
		"methodcaller": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) == 0 {
				return nil, typeError("methodcaller needs at least one argument, the method name")
			}
			name, ok := args[0].(starlark.String)
			if !ok {
				return nil, typeError("method name must be a string")
			}
			rest := append(starlark.Tuple{}, args[1:]...)
			return starlark.NewBuiltin("operator.methodcaller", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
				if len(args) != 1 {
					return nil, typeError("methodcaller expected 1 argument, got %d", len(args))
				}
				m, err := methodOf(args[0], string(name))
				if err != nil {
					return nil, err
				}
				return starlark.Call(thread, m, rest, kwargs)
			}), nil
		},
		"add": binop(syntax.PLUS), "sub": binop(syntax.MINUS), "mul": binop(syntax.STAR), "truediv": binop(syntax.SLASH),
		"floordiv": binop(syntax.SLASHSLASH), "mod": binop(syntax.PERCENT), "concat": binop(syntax.PLUS),
		"and_": binop(syntax.AMP), "or_": binop(syntax.PIPE), "xor": binop(syntax.CIRCUMFLEX),
		"eq": cmp(syntax.EQL), "ne": cmp(syntax.NEQ), "lt": cmp(syntax.LT), "le": cmp(syntax.LE), "gt": cmp(syntax.GT), "ge": cmp(syntax.GE),
		"neg":   unary(func(x starlark.Value) (starlark.Value, error) { return starlark.Unary(syntax.MINUS, x) }),
		"not_":  unary(func(x starlark.Value) (starlark.Value, error) { return !x.Truth(), nil }),
		"truth": unary(func(x starlark.Value) (starlark.Value, error) { return x.Truth(), nil }),
		"getitem": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, k starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &k); err != nil {
				return nil, err
			}
			return getItem(x, k)
		},
		"contains": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, k starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &k); err != nil {
				return nil, err
			}
			return starlark.Binary(syntax.IN, k, x)
		},
	}, nil)
}

// getItem is x[k] for sequences and mappings.
func getItem(x, k starlark.Value) (starlark.Value, error) {
	switch x := x.(type) {
	case starlark.Mapping:
		v, found, err := x.Get(k)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, newKeyError(Repr(k))
		}
		return v, nil
	case starlark.Indexable:
		i, err := starlark.AsInt32(k)
		if err != nil {
			return nil, typeError("indices must be integers, not %s", k.Type())
		}
		if i < 0 {
			i += x.Len()
		}
		if i < 0 || i >= x.Len() {
			return nil, newIndexError("index out of range")
		}
		return x.Index(i), nil
	}
	return nil, typeError("'%s' object is not subscriptable", x.Type())
}

func functoolsModule() *starlarkstruct.Module {
	return module("functools", map[string]builtin{
		"reduce": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) < 2 || len(args) > 3 || len(kwargs) > 0 {
				return nil, typeError("reduce expected 2 or 3 arguments, got %d", len(args))
			}
			xs, err := elements(thread, b.Name(), args[1])
			if err != nil {
				return nil, err
			}
			var acc starlark.Value
			if len(args) == 3 {
				acc = args[2]
			} else if len(xs) == 0 {
				return nil, typeError("reduce() of empty iterable with no initial value")
			} else {
				acc, xs = xs[0], xs[1:]
			}
			for _, x := range xs {
				if acc, err = starlark.Call(thread, args[0], starlark.Tuple{acc, x}, nil); err != nil {
					return nil, err
				}
			}
			return acc, nil
		},
		"partial": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) == 0 {
				return nil, typeError("partial expected at least 1 argument, got 0")
			}
			fn := args[0]
			if _, ok := fn.(starlark.Callable); !ok {
				return nil, typeError("the first argument must be callable")
			}
			pre := append(starlark.Tuple{}, args[1:]...)
			preKw := append([]starlark.Tuple{}, kwargs...)
			return starlark.NewBuiltin("functools.partial", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				all := append(append(starlark.Tuple{}, pre...), args...)
				kw := append([]starlark.Tuple{}, preKw...)
				for _, kv := range kwargs {
					replaced := false
					for i := range kw {
						if kw[i][0] == kv[0] {
							kw[i] = kv
							replaced = true
						}
					}
					if !replaced {
						kw = append(kw, kv)
					}
				}
				return starlark.Call(thread, fn, all, kw)
			}), nil
		},
	}, nil)
}

// elements are the elements of an iterable, each charged a step; lazy
// iterators (count, cycle) end only with the budget.
func elements(thread *starlark.Thread, name string, v starlark.Value) ([]starlark.Value, error) {
	it := iterate(v)
	if it == nil {
		return nil, typeError("'%s' object is not iterable", v.Type())
	}
	defer it.Done()
	var out []starlark.Value
	var x starlark.Value
	for it.Next(&x) {
		out = append(out, x)
		if len(out)%256 == 0 {
			if err := charge(thread, 256*16, name); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func list(xs []starlark.Value) *starlark.List { return starlark.NewList(xs) }

// lazy is an endless iterator: count, cycle, repeat.
type lazy struct {
	name string
	next func(i int) starlark.Value
}

func (l *lazy) String() string        { return l.name + "(...)" }
func (l *lazy) Type() string          { return "itertools." + l.name }
func (l *lazy) Freeze()               {}
func (l *lazy) Truth() starlark.Bool  { return true }
func (l *lazy) Hash() (uint32, error) { return 0, typeError("unhashable type: '%s'", l.name) }

// Iterate gives the values one by one, without end.
func (l *lazy) Iterate() starlark.Iterator { return &lazyIter{l: l} }

type lazyIter struct {
	l *lazy
	i int
}

func (it *lazyIter) Next(p *starlark.Value) bool {
	*p = it.l.next(it.i)
	it.i++
	return true
}
func (it *lazyIter) Done() {}

func itertoolsModule() *starlarkstruct.Module {
	chain := func(thread *starlark.Thread, name string, its []starlark.Value) (starlark.Value, error) {
		var out []starlark.Value
		for _, it := range its {
			xs, err := elements(thread, name, it)
			if err != nil {
				return nil, err
			}
			out = append(out, xs...)
		}
		return list(out), nil
	}
	chainModule := &chainValue{call: func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return chain(thread, b.Name(), args)
	}, fromIterable: func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var its starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &its); err != nil {
			return nil, err
		}
		xs, err := elements(thread, b.Name(), its)
		if err != nil {
			return nil, err
		}
		return chain(thread, b.Name(), xs)
	}}
	return module("itertools", map[string]builtin{
		"islice": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) < 2 || len(args) > 4 {
				return nil, typeError("islice expected 2 to 4 arguments, got %d", len(args))
			}
			bound := func(v starlark.Value, def int) (int, error) {
				if v == starlark.None {
					return def, nil
				}
				n, err := starlark.AsInt32(v)
				if err != nil || n < 0 {
					return 0, valueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
				}
				return n, nil
			}
			start, stop, step := 0, -1, 1
			var err error
			if len(args) == 2 {
				stop, err = bound(args[1], -1)
			} else {
				if start, err = bound(args[1], 0); err == nil {
					if stop, err = bound(args[2], -1); err == nil && len(args) == 4 {
						step, err = bound(args[3], 1)
					}
				}
			}
			if err != nil {
				return nil, err
			}
			if step == 0 {
				return nil, valueError("Step for islice() must be a positive integer or None.")
			}
			it := iterate(args[0])
			if it == nil {
				return nil, typeError("'%s' object is not iterable", args[0].Type())
			}
			defer it.Done()
			var out []starlark.Value
			var x starlark.Value
			for i := 0; (stop < 0 || i < stop) && it.Next(&x); i++ {
				if i%256 == 0 {
					if err := charge(thread, 256*16, b.Name()); err != nil {
						return nil, err
					}
				}
				if i >= start && (i-start)%step == 0 {
					out = append(out, x)
				}
			}
			return list(out), nil
		},
		"count": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var start, step starlark.Value = starlark.MakeInt(0), starlark.MakeInt(1)
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "start?", &start, "step?", &step); err != nil {
				return nil, err
			}
			cur := start
			return &lazy{name: "count", next: func(i int) starlark.Value {
				v := cur
				if n, err := starlark.Binary(syntax.PLUS, cur, step); err == nil {
					cur = n
				}
				return v
			}}, nil
		},
		"cycle": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var it starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &it); err != nil {
				return nil, err
			}
			xs, err := elements(thread, b.Name(), it)
			if err != nil {
				return nil, err
			}
			if len(xs) == 0 {
				return list(nil), nil
			}
			return &lazy{name: "cycle", next: func(i int) starlark.Value { return xs[i%len(xs)] }}, nil
		},
		"repeat": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, times starlark.Value = nil, starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "object", &x, "times?", &times); err != nil {
				return nil, err
			}
			if times == starlark.None {
				return &lazy{name: "repeat", next: func(int) starlark.Value { return x }}, nil
			}
			n, err := starlark.AsInt32(times)
			if err != nil {
				return nil, err
			}
			n = max(n, 0)
			if err := charge(thread, n*16, b.Name()); err != nil {
				return nil, err
			}
			out := make([]starlark.Value, n)
			for i := range out {
				out[i] = x
			}
			return list(out), nil
		},
		"product": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			repeat := 1
			if err := starlark.UnpackArgs(b.Name(), nil, kwargs, "repeat?", &repeat); err != nil {
				return nil, err
			}
			var pools [][]starlark.Value
			for range max(repeat, 0) {
				for _, a := range args {
					xs, err := elements(thread, b.Name(), a)
					if err != nil {
						return nil, err
					}
					pools = append(pools, xs)
				}
			}
			size := 1
			for _, p := range pools {
				size *= len(p)
				if size > 1<<24 {
					return nil, alloc(thread, 1<<62, b.Name(), "a list")
				}
			}
			if err := charge(thread, size*(16+16*len(pools)), b.Name()); err != nil {
				return nil, err
			}
			out := []starlark.Tuple{{}}
			for _, p := range pools {
				var next []starlark.Tuple
				for _, t := range out {
					for _, x := range p {
						next = append(next, append(append(starlark.Tuple{}, t...), x))
					}
				}
				out = next
			}
			vals := make([]starlark.Value, len(out))
			for i, t := range out {
				vals[i] = t
			}
			return list(vals), nil
		},
		"permutations": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var it, rv starlark.Value = nil, starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "iterable", &it, "r?", &rv); err != nil {
				return nil, err
			}
			xs, err := elements(thread, b.Name(), it)
			if err != nil {
				return nil, err
			}
			r := len(xs)
			if rv != starlark.None {
				if r, err = starlark.AsInt32(rv); err != nil {
					return nil, err
				}
			}
			return choose(thread, b.Name(), xs, r, true)
		},
		"combinations": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var it starlark.Value
			var r int
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "iterable", &it, "r", &r); err != nil {
				return nil, err
			}
			xs, err := elements(thread, b.Name(), it)
			if err != nil {
				return nil, err
			}
			return choose(thread, b.Name(), xs, r, false)
		},
		"groupby": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var it, key starlark.Value = nil, starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "iterable", &it, "key?", &key); err != nil {
				return nil, err
			}
			xs, err := elements(thread, b.Name(), it)
			if err != nil {
				return nil, err
			}
			var out []starlark.Value
			var curKey starlark.Value
			var group []starlark.Value
			flush := func() {
				if group != nil {
					out = append(out, starlark.Tuple{curKey, list(group)})
				}
			}
			for _, x := range xs {
				k := x
				if key != starlark.None {
					if k, err = starlark.Call(thread, key, starlark.Tuple{x}, nil); err != nil {
						return nil, err
					}
				}
				same := false
				if group != nil {
					if same, err = starlark.Equal(k, curKey); err != nil {
						return nil, err
					}
				}
				if !same {
					flush()
					curKey, group = k, nil
				}
				group = append(group, x)
			}
			flush()
			return list(out), nil
		},
		"zip_longest": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var fill starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), nil, kwargs, "fillvalue?", &fill); err != nil {
				return nil, err
			}
			var cols [][]starlark.Value
			n := 0
			for _, a := range args {
				xs, err := elements(thread, b.Name(), a)
				if err != nil {
					return nil, err
				}
				cols = append(cols, xs)
				n = max(n, len(xs))
			}
			out := make([]starlark.Value, n)
			for i := range out {
				t := make(starlark.Tuple, len(cols))
				for j, c := range cols {
					t[j] = fill
					if i < len(c) {
						t[j] = c[i]
					}
				}
				out[i] = t
			}
			return list(out), nil
		},
		"accumulate": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var it, fn, initial starlark.Value = nil, starlark.None, starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "iterable", &it, "func?", &fn, "initial?", &initial); err != nil {
				return nil, err
			}
			xs, err := elements(thread, b.Name(), it)
			if err != nil {
				return nil, err
			}
			var out []starlark.Value
			var acc starlark.Value
			if initial != starlark.None {
				acc = initial
				out = append(out, acc)
			}
			for _, x := range xs {
				switch {
				case acc == nil:
					acc = x
				case fn == starlark.None:
					if acc, err = starlark.Binary(syntax.PLUS, acc, x); err != nil {
						return nil, err
					}
				default:
					if acc, err = starlark.Call(thread, fn, starlark.Tuple{acc, x}, nil); err != nil {
						return nil, err
					}
				}
				out = append(out, acc)
			}
			return list(out), nil
		},
		"takewhile": whileFunc(true),
		"dropwhile": whileFunc(false),
		"starmap": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var fn, it starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &fn, &it); err != nil {
				return nil, err
			}
			xs, err := elements(thread, b.Name(), it)
			if err != nil {
				return nil, err
			}
			out := make([]starlark.Value, len(xs))
			for i, x := range xs {
				as, err := elements(thread, b.Name(), x)
				if err != nil {
					return nil, err
				}
				if out[i], err = starlark.Call(thread, fn, starlark.Tuple(as), nil); err != nil {
					return nil, err
				}
			}
			return list(out), nil
		},
	}, starlark.StringDict{"chain": chainModule})
}

func whileFunc(take bool) builtin {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var pred, it starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &pred, &it); err != nil {
			return nil, err
		}
		xs, err := elements(thread, b.Name(), it)
		if err != nil {
			return nil, err
		}
		for i, x := range xs {
			v, err := starlark.Call(thread, pred, starlark.Tuple{x}, nil)
			if err != nil {
				return nil, err
			}
			if !v.Truth() {
				if take {
					return list(xs[:i]), nil
				}
				return list(xs[i:]), nil
			}
		}
		if take {
			return list(xs), nil
		}
		return list(nil), nil
	}
}

// choose is permutations (ordered) and combinations of r of xs.
func choose(thread *starlark.Thread, name string, xs []starlark.Value, r int, ordered bool) (starlark.Value, error) {
	if r < 0 {
		return nil, valueError("r must be non-negative")
	}
	if r > len(xs) {
		return list(nil), nil
	}
	// Bound the count before making them.
	count := 1.0
	for i := 0; i < r; i++ {
		count *= float64(len(xs) - i)
		if !ordered {
			count /= float64(i + 1)
		}
	}
	if count > 1<<24 {
		return nil, alloc(thread, 1<<62, name, "a list")
	}
	if err := charge(thread, int(count)*(16+16*r), name); err != nil {
		return nil, err
	}
	var out []starlark.Value
	idx := make([]int, 0, r)
	used := make([]bool, len(xs))
	var rec func(start int)
	rec = func(start int) {
		if len(idx) == r {
			t := make(starlark.Tuple, r)
			for i, j := range idx {
				t[i] = xs[j]
			}
			out = append(out, t)
			return
		}
		from := start
		if ordered {
			from = 0
		}
		for j := from; j < len(xs); j++ {
			if used[j] {
				continue
			}
			used[j] = true
			idx = append(idx, j)
			rec(j + 1)
			idx = idx[:len(idx)-1]
			used[j] = false
		}
	}
	rec(0)
	return list(out), nil
}

// chainValue is itertools.chain: callable, with from_iterable.
type chainValue struct{ call, fromIterable builtin }

func (c *chainValue) String() string        { return "<class 'itertools.chain'>" }
func (c *chainValue) Type() string          { return "type" }
func (c *chainValue) Name() string          { return "chain" }
func (c *chainValue) Freeze()               {}
func (c *chainValue) Truth() starlark.Bool  { return true }
func (c *chainValue) Hash() (uint32, error) { return 0, nil }

// CallInternal is chain(*iterables).
func (c *chainValue) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return c.call(thread, starlark.NewBuiltin("itertools.chain", nil), args, kwargs)
}

// Attr returns from_iterable.
func (c *chainValue) Attr(name string) (starlark.Value, error) {
	if name == "from_iterable" {
		return starlark.NewBuiltin("itertools.chain.from_iterable", c.fromIterable), nil
	}
	return nil, nil
}

// AttrNames lists from_iterable.
func (c *chainValue) AttrNames() []string { return []string{"from_iterable"} }

// iterate is Python's iter(v): a string's characters too, which
// Starlark's strings do not give a for loop.
func iterate(v starlark.Value) starlark.Iterator {
	if s, ok := v.(starlark.String); ok {
		var chars []starlark.Value
		for _, r := range string(s) {
			chars = append(chars, starlark.String(string(r)))
		}
		return starlark.Tuple(chars).Iterate()
	}
	return starlark.Iterate(v)
}
