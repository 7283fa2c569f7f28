package lua

import (
	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
)

// openModule sets the global libvirt: the module functions of the
// operation table (open, openReadOnly, getVersion, ...) and every VIR_*
// constant of host.Constants. It is a read-only userdata, as Starlark's
// module is frozen: a script (or a module it requires) cannot replace
// libvirt.open under the others, not even with rawset.
func (in *interp) openModule(L *lua.LState) {
	ops := host.Methods(host.ClassModule)
	members := L.CreateTable(0, len(host.Constants)+len(ops))
	m := L.NewUserData()
	for _, c := range host.Constants {
		members.RawSetString(c.Name, in.fromHost(L, c.Value))
	}
	for _, op := range ops {
		members.RawSetString(op.Name, L.NewFunction(in.function(op, m)))
	}
	mt := L.NewTable()
	mt.RawSetString("__index", members)
	mt.RawSetString("__newindex", L.NewFunction(func(L *lua.LState) int {
		L.RaiseError("cannot set field '%s' of the libvirt module", L.ToStringMeta(L.Get(2)).String())
		return 0
	}))
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString("<module libvirt>"))
		return 1
	}))
	mt.RawSetString("__metatable", lockedMetatable)
	m.Metatable = mt
	L.SetGlobal(host.ClassModule, m)
}

// function returns the implementation of op, a function of module m.
// Calling it with ':' passes m first, which is refused with a hint.
func (in *interp) function(op *host.Op, m *lua.LUserData) lua.LGFunction {
	return func(L *lua.LState) int {
		if L.GetTop() > 0 && L.Get(1) == m {
			L.RaiseError("%s: call module functions with '.', as in %s(...)", op.QualName(), op.QualName())
		}
		return in.call(L, op, nil, 1)
	}
}
