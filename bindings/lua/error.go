package lua

import (
	"errors"
	"regexp"
	"strings"

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

var errorMethods = map[string]func(e *host.Error) lua.LValue{
	"get_error_code":    func(e *host.Error) lua.LValue { return lua.LNumber(e.Code) },
	"get_error_domain":  func(e *host.Error) lua.LValue { return lua.LNumber(e.Domain) },
	"get_error_level":   func(e *host.Error) lua.LValue { return lua.LNumber(e.Level) },
	"get_error_message": func(e *host.Error) lua.LValue { return lua.LString(e.Message) },
}

// openErrorClass registers the metatable of libvirtError values.
func openErrorClass(L *lua.LState) {
	methods := L.NewTable()
	for name, m := range errorMethods {
		methods.RawSetString(name, L.NewFunction(func(L *lua.LState) int {
			x := errorOf(L.Get(1))
			if x == nil {
				L.RaiseError("%s.%s: called on %s, want a %s (call methods with ':', as in err:%s())",
					errorClass, name, typeName(L.Get(1)), errorClass, name)
			}
			if L.GetTop() > 1 {
				L.RaiseError("%s.%s: got %d arguments, want 0", errorClass, name, L.GetTop()-1)
			}
			L.Push(m(x.e))
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
		L.RaiseError("%s", luaTypeWords(err.Error()))
	}
	L.RaiseError("%s", err.Error())
}

// pythonTypes matches the core's names of types in an argument error:
// what the script passed ("got None", "item 2 is dict") and what the
// operation wants ("want bool", "want string or None").
var pythonTypes = regexp.MustCompile(`\b(got|is|returned|want|or) (None|bool|int|float|list|tuple|dict|bytes)\b`)

// luaTypeWords words an argument error with Lua's names of types: nil,
// boolean, integer, table, string.
func luaTypeWords(msg string) string {
	return pythonTypes.ReplaceAllStringFunc(msg, func(m string) string {
		verb, typ, _ := strings.Cut(m, " ")
		switch typ {
		case "None":
			typ = "nil"
		case "bool":
			typ = "boolean"
		case "int":
			typ = "integer"
			if verb != "want" && verb != "or" {
				typ = "number"
			}
		case "float":
			typ = "number with a fraction"
		case "list", "tuple", "dict":
			typ = "table"
		case "bytes":
			typ = "string"
		}
		return verb + " " + typ
	})
}
