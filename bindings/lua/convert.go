package lua

import (
	"fmt"
	"math"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
)

// maxConverted bounds the values that one argument converts to: a table
// holding the same table twice, forty levels deep, is 80 values to build
// and 2^40 to convert. What is past the bound, or inside itself, converts
// to host.Opaque, so that the core reports a wrong argument by its type
// before any of that matters.
const maxConverted = 1 << 18

// toHost converts a Lua value for the core. A number with an integral value
// becomes an int64, as libvirt's parameters want; a table becomes a list when
// its keys are 1..n, a map when they are all strings, a host.IntMap when
// they are all integers. Values with no counterpart become host.Opaque,
// which no parameter accepts.
func (in *interp) toHost(L *lua.LState, v lua.LValue) host.Value {
	c := converter{left: maxConverted, L: L, in: in}
	return c.value(v)
}

// converter converts one value: left counts down the values it may still
// make, depth counts the tables being converted, of which seen holds the
// set. A table nested more than host.MaxNesting levels deep converts to
// host.Opaque: the conversion recurses.
type converter struct {
	left  int
	depth int
	seen  map[*lua.LTable]bool
	L     *lua.LState // the state a function value is called back on
	in    *interp
}

// callable is a Lua function the core calls back, on the state that passed
// it (the core calls back only from inside a call that state made).
type callable struct {
	L  *lua.LState
	fn *lua.LFunction
	in *interp
}

func (f callable) Name() string {
	if f.fn.Proto != nil {
		return fmt.Sprintf("function <%s:%d>", f.fn.Proto.SourceName, f.fn.Proto.LineDefined)
	}
	return "builtin function"
}

func (f callable) Same(other host.Callable) bool {
	g, ok := other.(callable)
	return ok && g.fn == f.fn
}

func (f callable) Call(args []host.Value) (host.Value, error) {
	L := f.L
	if f.in != nil && f.in.calling != nil {
		// The function may come from a coroutine that has ended: it
		// runs on the state that is waiting for it.
		L = f.in.calling
	}
	largs := make([]lua.LValue, len(args))
	for i, a := range args {
		largs[i] = f.in.fromHost(L, a)
	}
	rets, err := f.in.protectedCall(L, f.fn, largs, 1, nil)
	if err != nil {
		if api, ok := err.(*lua.ApiError); ok {
			return nil, &raised{api: api}
		}
		return nil, err
	}
	return f.in.toHost(L, rets[0]), nil
}

func (c *converter) value(v lua.LValue) host.Value {
	if c.left--; c.left < 0 {
		return host.Opaque{Type: v.Type().String() + " (too large)"}
	}
	switch v := v.(type) {
	case *lua.LNilType:
		return nil
	case lua.LBool:
		return bool(v)
	case lua.LNumber:
		f := float64(v)
		if f == math.Trunc(f) && f >= math.MinInt64 && f < math.MaxInt64 {
			return int64(f)
		}
		return f
	case lua.LString:
		return string(v)
	case *lua.LUserData:
		if o, ok := v.Value.(*host.Object); ok {
			return o
		}
	case *lua.LTable:
		if c.seen == nil {
			c.seen = map[*lua.LTable]bool{}
		}
		if c.seen[v] {
			return host.Opaque{Type: "table (cyclic)"}
		}
		if c.depth >= host.MaxNesting {
			return host.Opaque{Type: "table (nested too deep)"}
		}
		c.seen[v] = true
		c.depth++
		defer func() { delete(c.seen, v); c.depth-- }()
		return c.table(v)
	case *lua.LFunction:
		return callable{L: c.L, fn: v, in: c.in}
	}
	return host.Opaque{Type: v.Type().String(), Value: v}
}

// table converts a table: a list if its keys are 1..n (or it is empty), a
// map if they are all strings, a map with int keys if they are all
// integers.
func (c *converter) table(t *lua.LTable) host.Value {
	n := t.Len()
	count, strKeys, intKeys := 0, 0, 0
	t.ForEach(func(k, _ lua.LValue) {
		count++
		switch k := k.(type) {
		case lua.LString:
			strKeys++
		case lua.LNumber:
			if f := float64(k); f == math.Trunc(f) && f >= math.MinInt64 && f < math.MaxInt64 {
				intKeys++
			}
		}
	})
	switch {
	case count == n:
		list := make([]host.Value, min(n, max(c.left, 0)+1))
		for i := range list {
			list[i] = c.value(t.RawGetInt(i + 1))
		}
		return list
	case strKeys == count:
		m := host.NewMap()
		t.ForEach(func(k, e lua.LValue) {
			if c.left >= 0 {
				m.Set(string(k.(lua.LString)), c.value(e))
			}
		})
		return m
	case intKeys == count:
		m := host.NewIntMap()
		t.ForEach(func(k, e lua.LValue) {
			if c.left >= 0 {
				m.Set(int64(k.(lua.LNumber)), c.value(e))
			}
		})
		return m
	}
	return host.Opaque{Type: "table with mixed keys"}
}

// fromHost converts a core value for scripts: lists become 1-based tables,
// maps tables with string keys, objects their userdata.
func (in *interp) fromHost(L *lua.LState, v host.Value) lua.LValue {
	switch v := v.(type) {
	case nil:
		return lua.LNil
	case bool:
		return lua.LBool(v)
	case int64:
		return number(v)
	case float64:
		return lua.LNumber(v)
	case string:
		return lua.LString(v)
	case host.Bytes:
		return lua.LString(v)
	case host.Tuple:
		return in.fromHost(L, []host.Value(v))
	case host.Ints:
		t := L.CreateTable(len(v), 0)
		for i, n := range v {
			t.RawSetInt(i+1, number(n))
		}
		return t
	case []host.Value:
		t := L.CreateTable(len(v), 0)
		for i, e := range v {
			if n, ok := e.(int64); ok { // the common case: a list of IDs
				t.RawSetInt(i+1, number(n))
				continue
			}
			t.RawSetInt(i+1, in.fromHost(L, e)) // a None stays a hole at its index
		}
		return t
	case *host.Map:
		t := L.CreateTable(0, v.Len())
		for _, k := range v.Keys() {
			e, _ := v.Get(k)
			t.RawSetString(k, in.fromHost(L, e))
		}
		return t
	case *host.IntMap:
		t := L.CreateTable(0, v.Len())
		for _, k := range v.Keys() {
			e, _ := v.Get(k)
			t.RawSet(lua.LNumber(k), in.fromHost(L, e))
		}
		return t
	case *host.Object:
		return in.userdata(L, v)
	case callable:
		return v.fn
	case host.Opaque:
		if lv, ok := v.Value.(lua.LValue); ok {
			return lv
		}
		return lua.LNil
	case host.ScriptValue:
		if lv, ok := v.Own.(lua.LValue); ok {
			return lv
		}
		return in.fromHost(L, v.View)
	}
	panic(fmt.Sprintf("lua: no conversion for %T", v))
}

// smallNumbers are the Lua values of the ints from 0 to 1023, made once: a
// Lua number is a float64, which Go boxes on the heap when it becomes a
// value, and most ints libvirt returns (IDs, states, counts) are small.
var smallNumbers = func() (n [1024]lua.LValue) {
	for i := range n {
		n[i] = lua.LNumber(i)
	}
	return n
}()

// number returns the Lua value of v.
func number(v int64) lua.LValue {
	if uint64(v) < uint64(len(smallNumbers)) {
		return smallNumbers[v]
	}
	return lua.LNumber(v)
}
