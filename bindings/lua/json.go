package lua

import (
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/jsonv"
)

// openJSON adds the json table, with Starlark's json rules (host/jsonv):
//
//	json.encode(v [, indent])  compact JSON, or indented by indent (a string, or a number of spaces);
//	                           a table with keys 1..n, or an empty one, is an array, one with string
//	                           keys an object (keys sorted); other keys, functions and cycles are errors
//	json.decode(s)             arrays and objects as tables, null as nil (a hole in an array)
//
// Both are bounded by --max-memory and host.MaxNesting.
func (in *interp) openJSON(L *lua.LState) {
	t := L.NewTable()
	t.RawSetString("encode", L.NewFunction(func(L *lua.LState) int {
		v := L.CheckAny(1)
		indent := ""
		switch x := L.Get(2).(type) {
		case *lua.LNilType:
		case lua.LNumber:
			if x < 0 || x > 64 {
				L.ArgError(2, "indent must be 0..64 spaces")
			}
			indent = strings.Repeat(" ", int(x))
		case lua.LString:
			indent = string(x)
		default:
			L.ArgError(2, "string or number expected, got "+typeName(x))
		}
		s, err := jsonv.Encode(in.toHost(L, v), indent, func(n int) error {
			if le := in.lim.CheckAlloc(uint64(n), "json.encode", "a string"); le != nil {
				return le
			}
			return nil
		})
		if le, ok := err.(*host.LimitError); ok {
			in.refuse(L, le)
		}
		if err != nil {
			L.RaiseError("json.encode: %v", err)
		}
		L.Push(lua.LString(s))
		return 1
	}))
	t.RawSetString("decode", L.NewFunction(func(L *lua.LState) int {
		s := L.CheckString(1)
		st := jsonv.Scan(s)
		if st.Depth > host.MaxNesting {
			in.refuse(L, host.NestingError("json.decode", "a JSON value"))
		}
		in.alloc(L, uint64(len(s))+uint64(st.Values)*48+uint64(st.Containers)*64, fmt.Sprintf("json.decode of %d values", st.Values), "a value")
		v, err := jsonv.Decode(s)
		if err != nil {
			L.RaiseError("json.decode: %v", err)
		}
		L.Push(in.fromHost(L, v))
		return 1
	}))
	L.SetGlobal("json", t)
}
