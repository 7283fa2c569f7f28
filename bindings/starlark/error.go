package starlark

import (
	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/host"
)

// libvirtError is a libvirt error as a value, as libvirt.catch returns it:
// libvirt-python's libvirtError methods, and str() is libvirt's message.
type libvirtError struct{ e *host.Error }

var _ starlark.HasAttrs = (*libvirtError)(nil)

func (x *libvirtError) String() string        { return x.e.Message }
func (x *libvirtError) Type() string          { return "libvirtError" }
func (x *libvirtError) Freeze()               {}
func (x *libvirtError) Truth() starlark.Bool  { return starlark.True }
func (x *libvirtError) Hash() (uint32, error) { return starlark.String(x.e.Message).Hash() }

var errorMethods = map[string]func(e *host.Error) starlark.Value{
	"get_error_code":    func(e *host.Error) starlark.Value { return starlark.MakeInt(e.Code) },
	"get_error_domain":  func(e *host.Error) starlark.Value { return starlark.MakeInt(e.Domain) },
	"get_error_level":   func(e *host.Error) starlark.Value { return starlark.MakeInt(e.Level) },
	"get_error_message": func(e *host.Error) starlark.Value { return starlark.String(e.Message) },
}

// Attr returns one of the get_error_* methods.
func (x *libvirtError) Attr(name string) (starlark.Value, error) {
	m := errorMethods[name]
	if m == nil {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		return m(x.e), nil
	}), nil
}

// AttrNames lists the get_error_* methods.
func (x *libvirtError) AttrNames() []string {
	return []string{"get_error_code", "get_error_domain", "get_error_level", "get_error_message"}
}
