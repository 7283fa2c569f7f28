package lua

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
)

// lockedMetatable is what getmetatable returns for the host's userdata, so
// scripts can neither see nor replace the real metatables.
const lockedMetatable = lua.LString("locked")

// openClasses registers one metatable per class of the operation table
// (L.NewTypeMetatable(class)): __index holds one function per operation,
// __tostring prints <virDomain name>, __eq compares identity. Indexing a
// method that does not exist is an error naming the class and the method.
func (in *interp) openClasses(L *lua.LState) {
	for _, class := range host.Classes() {
		if class == host.ClassModule {
			continue
		}
		methods := L.NewTable()
		for _, op := range host.Methods(class) {
			methods.RawSetString(op.Name, L.NewFunction(in.method(op)))
		}
		lockMethods(L, class, methods)
		mt := L.NewTypeMetatable(class)
		mt.RawSetString("__index", methods)
		mt.RawSetString("__newindex", L.NewFunction(noFields(class)))
		mt.RawSetString("__tostring", L.NewFunction(objectString))
		mt.RawSetString("__eq", L.NewFunction(objectEqual))
		mt.RawSetString("__metatable", lockedMetatable)
	}
}

// lockMethods makes a lookup of a missing method in methods, the __index
// table of class, fail with a message naming both.
func lockMethods(L *lua.LState, class string, methods *lua.LTable) {
	miss := L.NewTable()
	miss.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		L.RaiseError("%s has no method '%s'", class, L.ToStringMeta(L.Get(2)).String())
		return 0
	}))
	L.SetMetatable(methods, miss)
}

// noFields refuses assignments to a userdata's fields.
func noFields(class string) lua.LGFunction {
	return func(L *lua.LState) int {
		L.RaiseError("cannot set field '%s' of a %s", L.ToStringMeta(L.Get(2)).String(), class)
		return 0
	}
}

// userdata returns the userdata of o: the same one for as long as o lives,
// so that == and table keys work on identity. Entries of objects the session
// has freed are dropped as the cache grows; the core never returns those
// objects again.
func (in *interp) userdata(L *lua.LState, o *host.Object) *lua.LUserData {
	if ud, ok := in.objects[o]; ok {
		return ud
	}
	if len(in.objects) >= in.pruneAt {
		for k := range in.objects {
			if !k.Live() {
				delete(in.objects, k)
			}
		}
		in.pruneAt = max(2*len(in.objects), minPrune)
	}
	ud := L.NewUserData()
	ud.Value = o
	ud.Metatable = L.GetTypeMetatable(o.Class())
	in.objects[o] = ud
	return ud
}

// minPrune is the size of the userdata cache below which it is never pruned.
const minPrune = 64

// object returns the host object held by v, if v is one.
func object(v lua.LValue) (*host.Object, bool) {
	if ud, ok := v.(*lua.LUserData); ok {
		o, ok := ud.Value.(*host.Object)
		return o, ok
	}
	return nil, false
}

// typeName names the type of v as Lua scripts see it, with the class of
// the host's userdata.
func typeName(v lua.LValue) string {
	if ud, ok := v.(*lua.LUserData); ok {
		switch x := ud.Value.(type) {
		case *host.Object:
			return x.Class()
		case *libvirtError:
			return errorClass
		}
	}
	return v.Type().String()
}

// method returns the implementation of op, a method: it checks the
// receiver, which Lua passes first when the method is called with ':'.
func (in *interp) method(op *host.Op) lua.LGFunction {
	return func(L *lua.LState) int {
		recv, ok := object(L.Get(1))
		if !ok || recv.Class() != op.Class {
			L.RaiseError("%s: called on %s, want a %s (call methods with ':', as in x:%s(...))",
				op.QualName(), typeName(L.Get(1)), op.Class, op.Name)
		}
		return in.call(L, op, recv, 2)
	}
}

// call converts the arguments from stack index first on, calls op through
// the session and pushes the converted result. A failure is raised.
func (in *interp) call(L *lua.LState, op *host.Op, recv *host.Object, first int) int {
	top := L.GetTop()
	args := make([]host.Value, 0, max(top-first+1, 0))
	for i := first; i <= top; i++ {
		v := L.Get(i)
		hv := in.toHost(L, v)
		if op.PassesThrough(i-first, "") {
			// An opaque stays the script's own value (see
			// host.ScriptValue): callbacks get the very table.
			hv = host.ScriptValue{Own: v, View: hv}
		}
		args = append(args, hv)
	}
	prev := in.calling
	in.calling = L
	res, err := in.s.Call(op, recv, args, nil)
	in.calling = prev
	if err != nil {
		if pe, ok := err.(*host.PolicyError); ok {
			in.refusePolicy(L, pe)
		}
		if le, ok := err.(*host.LimitError); ok {
			in.refuse(L, le)
		}
		raise(L, err)
	}
	L.Push(in.result(L, op, res))
	return 1
}

// result converts res, what op returned: a string equal to the one an
// operation returned before gets the same Lua value, so that reading a
// name in a loop does not allocate one per call.
func (in *interp) result(L *lua.LState, op *host.Op, res host.Value) lua.LValue {
	s, ok := res.(string)
	if !ok || len(s) > host.KeptString {
		return in.resultOf(L, op, res)
	}
	if in.str == nil || in.lastStr != s {
		in.lastStr, in.str = s, lua.LString(s)
	}
	return in.str
}

// resultOf converts an operation's result; a value the adapter cannot
// convert (a bug in the operation) fails the call instead of the process.
func (in *interp) resultOf(L *lua.LState, op *host.Op, res host.Value) (v lua.LValue) {
	defer func() {
		if r := recover(); r != nil {
			L.RaiseError("%s: internal error: %v", op.QualName(), r)
		}
	}()
	return in.fromHost(L, res)
}

// objectString is __tostring: <virDomain name>.
func objectString(L *lua.LState) int {
	o, _ := object(L.Get(1))
	if o == nil {
		L.Push(lua.LString(typeName(L.Get(1))))
		return 1
	}
	L.Push(lua.LString(o.String()))
	return 1
}

// objectEqual is __eq: two userdata are equal when they hold the same
// libvirt object.
func objectEqual(L *lua.LState) int {
	a, _ := object(L.Get(1))
	b, _ := object(L.Get(2))
	L.Push(lua.LBool(a != nil && a == b))
	return 1
}
