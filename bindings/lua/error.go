package lua

import (
	"errors"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
)

// errorClass is the type of libvirt's errors as Lua values, as in
// libvirt-python.
const errorClass = "libvirtError"

// libvirtError is a libvirt error raised as a Lua value: pcall returns it,
// its methods are libvirt-python's, and tostring(err) is libvirt's message.
// where is the position of the call that failed, "file:line:", for the
// message of an uncaught error.
type libvirtError struct {
	e     *host.Error
	where string
}

// openErrorClass registers the metatable of libvirtError values.
func openErrorClass(L *lua.LState) {
	methods := L.NewTable()
	for _, m := range host.ErrorMethods {
		name := m.Name
		methods.RawSetString(name, L.NewFunction(func(L *lua.LState) int {
			x := errorOf(L.Get(1))
			if x == nil {
				L.RaiseError("%s.%s: called on %s, want a %s (call methods with ':', as in err:%s())",
					errorClass, name, typeName(L.Get(1)), errorClass, name)
			}
			if L.GetTop() > 1 {
				L.RaiseError("%s.%s: got %d arguments, want 0", errorClass, name, L.GetTop()-1)
			}
			L.Push(errorField(m.Get(x.e)))
			return 1
		}))
	}
	lockMethods(L, errorClass, methods)
	mt := L.NewTypeMetatable(errorClass)
	mt.RawSetString("__index", methods)
	mt.RawSetString("__newindex", L.NewFunction(noFields(errorClass)))
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		if x := errorOf(L.Get(1)); x != nil {
			L.Push(lua.LString(x.e.Message))
			return 1
		}
		L.Push(lua.LString(typeName(L.Get(1))))
		return 1
	}))
	mt.RawSetString("__concat", L.NewFunction(concatError))
	mt.RawSetString("__metatable", lockedMetatable)
}

// errorField is the Lua value of a libvirtError method's result: an
// int64, a string or nil.
func errorField(v host.Value) lua.LValue {
	switch v := v.(type) {
	case int64:
		return lua.LNumber(v)
	case string:
		return lua.LString(v)
	}
	return lua.LNil
}

// concatError is __concat, so that "failed: " .. err reads as in Python's
// "failed: " + str(err).
func concatError(L *lua.LState) int {
	var s string
	for i := 1; i <= 2; i++ {
		switch v := L.Get(i).(type) {
		case lua.LString, lua.LNumber:
			s += v.String()
		default:
			x := errorOf(v)
			if x == nil {
				L.RaiseError("attempt to concatenate a %s value", typeName(v))
			}
			s += x.e.Message
		}
	}
	L.Push(lua.LString(s))
	return 1
}

// errorOf returns the libvirt error v holds, or nil.
func errorOf(v lua.LValue) *libvirtError {
	if ud, ok := v.(*lua.LUserData); ok {
		x, _ := ud.Value.(*libvirtError)
		return x
	}
	return nil
}

// raised is what a Lua function the core called back raised: the core
// returns it from the operation that made the call, and raise raises the
// same value again, so that pcall around the operation sees what the
// function raised. A libvirt error inside stays one for the core (Unwrap).
type raised struct{ api *lua.ApiError }

func (r *raised) Error() string { return r.api.Error() }

func (r *raised) Unwrap() error {
	if x := errorOf(r.api.Object); x != nil {
		return x.e
	}
	return r.api
}

// raise raises err in L: a libvirt error as a libvirtError value, anything
// else (an argument mistake, a closed session) as a string with the
// position of the call; what a function called back raised, as it was. It
// does not return.
func raise(L *lua.LState, err error) {
	var r *raised
	if errors.As(err, &r) {
		L.Error(r.api.Object, 0)
	}
	if e, ok := host.AsError(err); ok {
		ud := L.NewUserData()
		ud.Value = &libvirtError{e: e, where: position(L)}
		ud.Metatable = L.GetTypeMetatable(errorClass)
		L.Error(ud, 1)
	}
	var ae *host.ArgError
	if errors.As(err, &ae) {
		L.RaiseError("%s", ae.Worded(luaWords{}))
	}
	L.RaiseError("%s", err.Error())
}

// luaWords names the kinds of values in an argument error as Lua does:
// nil, boolean, integer, table; a number the script passed is a
// "number", or a "number with a fraction" where an integer was wanted.
type luaWords struct{}

func (luaWords) Got(k host.Kind, name string) string {
	switch k {
	case host.KindInt:
		return "number"
	case host.KindFloat:
		return "number with a fraction"
	}
	if name != "" && (k == host.KindObject || k == host.KindOther) {
		return name
	}
	return luaWords{}.Want(k)
}

func (luaWords) Want(k host.Kind) string {
	switch k {
	case host.KindNone:
		return "nil"
	case host.KindBool:
		return "boolean"
	case host.KindInt:
		return "integer"
	case host.KindFloat:
		return "number"
	case host.KindBytes:
		return "string"
	case host.KindList, host.KindTuple, host.KindDict:
		return "table"
	}
	return k.String()
}

// FirstIndex numbers a list's items from 1, as Lua's tables.
func (luaWords) FirstIndex() int { return 1 }
