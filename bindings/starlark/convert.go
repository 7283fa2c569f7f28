package starlark

import (
	"fmt"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/host"
)

// maxConverted bounds the values that one argument converts to: a list
// holding the same list twice, forty levels deep, is 80 elements to build
// and 2**40 to convert. What is past the bound, or inside itself (a list
// that contains itself), converts to host.Opaque, so that the core reports
// a wrong argument by its type before any of that matters.
const maxConverted = 1 << 18

// toHost converts a Starlark value for the core. Values with no counterpart
// become host.Opaque, which no parameter accepts.
func toHost(thread *starlark.Thread, v starlark.Value) host.Value {
	c := converter{left: maxConverted, thread: thread}
	return c.value(v)
}

// argOf converts v, the i-th positional argument of op or its keyword
// argument name: an opaque stays the script's own value (see
// host.ScriptValue), so that callbacks get the very list or dict.
func argOf(thread *starlark.Thread, op *host.Op, i int, name string, v starlark.Value) host.Value {
	hv := toHost(thread, v)
	if op.PassesThrough(i, name) {
		return host.ScriptValue{Own: v, View: hv}
	}
	return hv
}

// converter converts one value: left counts down the values it may still
// make, path holds the lists and dicts being converted, depth counts the
// containers being converted. A container nested more than
// host.MaxNesting levels deep converts to host.Opaque: the conversion
// recurses.
type converter struct {
	left   int
	depth  int
	path   map[starlark.Value]bool
	thread *starlark.Thread // the thread a function value is called back on
}

func (c *converter) value(v starlark.Value) host.Value {
	if c.left--; c.left < 0 {
		return host.Opaque{Type: v.Type() + " (too large)"}
	}
	switch v.(type) {
	case *starlark.List, starlark.Tuple, *starlark.Dict:
		if c.depth >= host.MaxNesting {
			return host.Opaque{Type: v.Type() + " (nested too deep)"}
		}
		c.depth++
		defer func() { c.depth-- }()
	}
	switch v := v.(type) {
	case starlark.NoneType:
		return nil
	case starlark.Bool:
		return bool(v)
	case starlark.Int:
		if n, ok := v.Int64(); ok {
			return n
		}
		return host.Opaque{Type: "int (too large)"}
	case starlark.Float:
		return float64(v)
	case starlark.String:
		return string(v)
	case starlark.Bytes:
		return host.Bytes(v)
	case *object:
		return v.o
	case *starlark.List:
		if !c.enter(v) {
			return host.Opaque{Type: "list (cyclic)"}
		}
		defer delete(c.path, v)
		return c.seq(v)
	case starlark.Tuple:
		return c.seq(v)
	case *starlark.Dict:
		if !c.enter(v) {
			return host.Opaque{Type: "dict (cyclic)"}
		}
		defer delete(c.path, v)
		if im, ok := c.intDict(v); ok {
			return im
		}
		m := host.NewMap()
		for _, kv := range v.Items() {
			k, ok := kv[0].(starlark.String)
			if !ok {
				return host.Opaque{Type: "dict with " + kv[0].Type() + " keys"}
			}
			m.Set(string(k), c.value(kv[1]))
		}
		return m
	case starlark.Callable:
		return callable{thread: c.thread, fn: v}
	}
	return host.Opaque{Type: v.Type(), Value: v}
}

// callable is a Starlark function the core calls back, on the thread that
// passed it (the core calls back only from inside a call that thread made).
type callable struct {
	thread *starlark.Thread
	fn     starlark.Callable
}

func (f callable) Name() string { return f.fn.Name() }

func (f callable) Same(other host.Callable) bool {
	g, ok := other.(callable)
	return ok && g.fn == f.fn
}

func (f callable) Call(args []host.Value) (host.Value, error) {
	res, err := starlark.Call(f.thread, f.fn, starlark.Tuple(fromHostSeq(args)), nil)
	if err != nil {
		return nil, err
	}
	return toHost(f.thread, res), nil
}

// intDict converts a non-empty dict whose keys are all ints (that fit 64
// bits) to a host.IntMap.
func (c *converter) intDict(d *starlark.Dict) (*host.IntMap, bool) {
	items := d.Items()
	if len(items) == 0 {
		return nil, false
	}
	for _, kv := range items {
		k, ok := kv[0].(starlark.Int)
		if !ok {
			return nil, false
		}
		if _, ok := k.Int64(); !ok {
			return nil, false
		}
	}
	m := host.NewIntMap()
	for _, kv := range items {
		k, _ := kv[0].(starlark.Int).Int64()
		m.Set(k, c.value(kv[1]))
	}
	return m, true
}

// enter adds v to the path, unless it is there already.
func (c *converter) enter(v starlark.Value) bool {
	if c.path[v] {
		return false
	}
	if c.path == nil {
		c.path = map[starlark.Value]bool{}
	}
	c.path[v] = true
	return true
}

func (c *converter) seq(s starlark.Indexable) []host.Value {
	out := make([]host.Value, min(s.Len(), max(c.left, 0)+1))
	for i := range out {
		out[i] = c.value(s.Index(i))
	}
	return out
}

// fromHost converts a core value for scripts.
func fromHost(v host.Value) starlark.Value {
	switch v := v.(type) {
	case nil:
		return starlark.None
	case bool:
		return starlark.Bool(v)
	case int64:
		return starlark.MakeInt64(v)
	case float64:
		return starlark.Float(v)
	case string:
		return starlark.String(v)
	case host.Bytes:
		return starlark.Bytes(v)
	case []host.Value:
		return starlark.NewList(fromHostSeq(v))
	case host.Ints:
		elems := make([]starlark.Value, len(v))
		for i, n := range v {
			elems[i] = starlark.MakeInt64(n)
		}
		return starlark.NewList(elems)
	case host.Tuple:
		return starlark.Tuple(fromHostSeq(v))
	case *host.Map:
		d := starlark.NewDict(v.Len())
		for _, k := range v.Keys() {
			e, _ := v.Get(k)
			_ = d.SetKey(starlark.String(k), fromHost(e))
		}
		return d
	case *host.IntMap:
		d := starlark.NewDict(v.Len())
		for _, k := range v.Keys() {
			e, _ := v.Get(k)
			_ = d.SetKey(starlark.MakeInt64(k), fromHost(e))
		}
		return d
	case *host.Object:
		return objectOf(v)
	case callable:
		return v.fn
	case host.Opaque:
		if sv, ok := v.Value.(starlark.Value); ok {
			return sv
		}
		return starlark.None
	case host.ScriptValue:
		if sv, ok := v.Own.(starlark.Value); ok {
			return sv
		}
		return fromHost(v.View)
	}
	panic(fmt.Sprintf("starlark: no conversion for %T", v))
}

func fromHostSeq(v []host.Value) []starlark.Value {
	elems := make([]starlark.Value, len(v))
	for i, e := range v {
		if n, ok := e.(int64); ok { // the common case: a list of IDs
			elems[i] = starlark.MakeInt64(n)
			continue
		}
		elems[i] = fromHost(e)
	}
	return elems
}
