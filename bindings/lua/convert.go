package lua

import (
	"fmt"
	"math"

	lua "github.com/yuin/gopher-lua"

	"vertscript/host"
)

// toHost converts a Lua value for the core. A number with an integral value
// becomes an int64, as libvirt's parameters want; a table becomes a list when
// its keys are 1..n, a map when they are all strings. Values with no
// counterpart become host.Opaque, which no parameter accepts.
func toHost(v lua.LValue) host.Value { return toHostSeen(v, nil) }

// toHostSeen converts v; seen holds the tables being converted, to stop at
// cycles, and is made at the first table.
func toHostSeen(v lua.LValue, seen map[*lua.LTable]bool) host.Value {
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
		if seen == nil {
			seen = map[*lua.LTable]bool{}
		}
		if seen[v] {
			return host.Opaque{Type: "table (cyclic)"}
		}
		seen[v] = true
		defer delete(seen, v)
		return tableToHost(v, seen)
	}
	return host.Opaque{Type: v.Type().String()}
}

// tableToHost converts a table: a list if its keys are 1..n (or it is
// empty), a map if they are all strings.
func tableToHost(t *lua.LTable, seen map[*lua.LTable]bool) host.Value {
	n := t.Len()
	count, strKeys := 0, 0
	t.ForEach(func(k, _ lua.LValue) {
		count++
		if _, ok := k.(lua.LString); ok {
			strKeys++
		}
	})
	switch {
	case count == n:
		list := make([]host.Value, n)
		for i := range list {
			list[i] = toHostSeen(t.RawGetInt(i+1), seen)
		}
		return list
	case strKeys == count:
		m := host.NewMap()
		t.ForEach(func(k, e lua.LValue) { m.Set(string(k.(lua.LString)), toHostSeen(e, seen)) })
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
		return lua.LNumber(v)
	case float64:
		return lua.LNumber(v)
	case string:
		return lua.LString(v)
	case []host.Value:
		t := L.CreateTable(len(v), 0)
		for i, e := range v {
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
	case *host.Object:
		return in.userdata(L, v)
	}
	panic(fmt.Sprintf("lua: no conversion for %T", v))
}
