package lua

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"
)

// guardAllocations wraps the string and table functions that can build a
// huge string in one call (string.rep, table.concat), so that a result
// larger than the session's MaxMemory is refused before it is allocated;
// the heap poller of host.Session.Run only sees allocations after they
// happen.
func (in *interp) guardAllocations(L *lua.LState) {
	max := in.s.Limits().MaxMemory
	if max == 0 {
		return
	}
	refuse := func(L *lua.LState, fn string, size uint64) {
		L.RaiseError("max-memory: %s would build a string of %s, more than the %d MiB allowed (--max-memory)", fn, mib(size), max>>20)
	}
	strs := L.GetGlobal(lua.StringLibName).(*lua.LTable)
	rep := strs.RawGetString("rep").(*lua.LFunction)
	strs.RawSetString("rep", L.NewFunction(func(L *lua.LState) int {
		s, n := L.CheckString(1), L.CheckInt64(2)
		if n > 0 && uint64(len(s)) > 0 && uint64(n) > max/uint64(len(s)) {
			refuse(L, "string.rep", uint64(len(s))*uint64(n))
		}
		return callThrough(L, rep)
	}))
	tables := L.GetGlobal(lua.TabLibName).(*lua.LTable)
	concat := tables.RawGetString("concat").(*lua.LFunction)
	tables.RawSetString("concat", L.NewFunction(func(L *lua.LState) int {
		t := L.CheckTable(1)
		sep := uint64(len(L.OptString(2, "")))
		var size uint64
		t.ForEach(func(_, v lua.LValue) {
			if s, ok := v.(lua.LString); ok {
				size += uint64(len(s)) + sep
			} else {
				size += 24 + sep // a number's text
			}
		})
		if size > max {
			refuse(L, "table.concat", size)
		}
		return callThrough(L, concat)
	}))
}

// callThrough calls fn with the current arguments and returns its results.
func callThrough(L *lua.LState, fn *lua.LFunction) int {
	top := L.GetTop()
	L.Insert(fn, 1)
	L.Call(top, lua.MultRet)
	return L.GetTop()
}

func mib(n uint64) string { return fmt.Sprintf("%d MiB", n>>20) }
