package lua

import (
	lua "github.com/yuin/gopher-lua"

	"vertscript/host"
)

// openModule sets the global table libvirt: the module functions of the
// operation table (open, openReadOnly, getVersion) and every VIR_* constant
// of host.Constants.
func (in *interp) openModule(L *lua.LState) {
	ops := host.Methods(host.ClassModule)
	m := L.CreateTable(0, len(host.Constants)+len(ops))
	for _, c := range host.Constants {
		m.RawSetString(c.Name, in.fromHost(L, c.Value))
	}
	for _, op := range ops {
		m.RawSetString(op.Name, L.NewFunction(in.function(op, m)))
	}
	L.SetGlobal(host.ClassModule, m)
}

// function returns the implementation of op, a function of module m.
// Calling it with ':' passes m first, which is refused with a hint.
func (in *interp) function(op *host.Op, m *lua.LTable) lua.LGFunction {
	return func(L *lua.LState) int {
		if L.GetTop() > 0 && L.Get(1) == m {
			L.RaiseError("%s: call module functions with '.', as in %s(...)", op.QualName(), op.QualName())
		}
		return in.call(L, op, nil, 1)
	}
}
