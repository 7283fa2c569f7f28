package lua

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
)

// openModule sets the global libvirt: the module functions of the
// operation table (open, openReadOnly, getVersion, ...) and every VIR_*
// constant of host.Constants, and the session's values (dry_run). It is a read-only userdata, as Starlark's
// module is frozen: a script (or a module it requires) cannot replace
// libvirt.open under the others, not even with rawset.
func (in *interp) openModule(L *lua.LState) {
	values := append(append([]host.Constant{}, host.Constants...), in.s.ModuleValues()...)
	in.setModule(L, host.ClassModule, host.Methods(host.ClassModule), values)
}

// openGoModules sets a global for each module of Go functions the
// embedding program gives scripts (host.Module), read-only as libvirt is;
// it fails when one would replace a global of the sandbox.
func (in *interp) openGoModules(L *lua.LState) error {
	for _, m := range in.s.Modules() {
		if L.GetGlobal(m.Name) != lua.LNil {
			return fmt.Errorf("module %s: the name is a global of Lua's sandbox", m.Name)
		}
		in.setModule(L, m.Name, m.Funcs, nil)
	}
	return nil
}

// setModule sets the read-only global name to a module of ops and
// constants.
func (in *interp) setModule(L *lua.LState, name string, ops []*host.Op, constants []host.Constant) {
	members := L.CreateTable(0, len(constants)+len(ops))
	m := L.NewUserData()
	for _, c := range constants {
		members.RawSetString(c.Name, in.fromHost(L, c.Value))
	}
	for _, op := range ops {
		members.RawSetString(op.Name, L.NewFunction(in.function(op, m)))
	}
	mt := L.NewTable()
	mt.RawSetString("__index", members)
	mt.RawSetString("__newindex", L.NewFunction(func(L *lua.LState) int {
		L.RaiseError("cannot set field '%s' of the %s module", L.ToStringMeta(L.Get(2)).String(), name)
		return 0
	}))
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString("<module " + name + ">"))
		return 1
	}))
	mt.RawSetString("__metatable", lockedMetatable)
	m.Metatable = mt
	L.SetGlobal(name, m)
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
