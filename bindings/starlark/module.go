package starlark

import (
	"errors"
	"sort"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/bindings/starlark/pyrun"
	"github.com/vertscript/vertscript/host"
)

// module is the predeclared libvirt module: the module functions of the
// operation table, every VIR_* constant, and catch. It is built once and
// frozen.
var module = sync.OnceValue(func() *starlarkstruct.Module {
	m := &starlarkstruct.Module{Name: "libvirt", Members: starlark.StringDict{}}
	for _, c := range host.Constants {
		m.Members[c.Name] = fromHost(c.Value)
	}
	for _, op := range host.Methods(host.ClassModule) {
		m.Members[op.Name] = starlark.NewBuiltin("libvirt."+op.Name, callOp(op))
	}
	m.Members["catch"] = starlark.NewBuiltin("libvirt.catch", catch)
	// libvirt-python's exception class: Python scripts catch it; a
	// Starlark script's libvirt.catch returns its errors as values.
	m.Members["libvirtError"] = pyrun.NewClass("libvirtError")
	m.Freeze()
	return m
})

// sessionModule is the libvirt module of one run: the shared module and
// the values that depend on the session (libvirt.dry_run).
type sessionModule struct {
	*starlarkstruct.Module
	extra starlark.StringDict
}

// withSession returns m with the session's values.
func withSession(m *starlarkstruct.Module, values []host.Constant) *sessionModule {
	extra := starlark.StringDict{}
	for _, c := range values {
		extra[c.Name] = fromHost(c.Value)
	}
	extra.Freeze()
	return &sessionModule{Module: m, extra: extra}
}

// Attr returns the member name.
func (m *sessionModule) Attr(name string) (starlark.Value, error) {
	if v, ok := m.extra[name]; ok {
		return v, nil
	}
	return m.Module.Attr(name)
}

// AttrNames lists the members, sorted.
func (m *sessionModule) AttrNames() []string {
	names := append(m.Module.AttrNames(), m.extra.Keys()...)
	sort.Strings(names)
	return names
}

// goModule is a module of Go functions that the embedding program gives
// scripts (host.Module), frozen as the libvirt module is.
func goModule(m host.Module) *starlarkstruct.Module {
	sm := &starlarkstruct.Module{Name: m.Name, Members: starlark.StringDict{}}
	for _, op := range m.Funcs {
		sm.Members[op.Name] = starlark.NewBuiltin(op.QualName(), callOp(op))
	}
	sm.Freeze()
	return sm
}

// catch calls fn(*args, **kwargs) and returns (result, None), or (None,
// error) when fn fails with a libvirt error; Starlark has no try/except.
// Other failures (a script bug, a cancellation) are not caught.
func catch(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 1 {
		return nil, errors.New("libvirt.catch: missing argument for fn")
	}
	fn, ok := args[0].(starlark.Callable)
	if !ok {
		return nil, errors.New("libvirt.catch: for parameter fn: got " + args[0].Type() + ", want callable")
	}
	res, err := starlark.Call(thread, fn, args[1:], kwargs)
	if err != nil {
		if e, ok := host.AsError(err); ok {
			return starlark.Tuple{starlark.None, &libvirtError{e: e}}, nil
		}
		return nil, err
	}
	return starlark.Tuple{res, starlark.None}, nil
}
