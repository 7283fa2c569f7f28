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

// Attr returns one of libvirt-python's libvirtError methods
// (host.ErrorMethods).
func (x *libvirtError) Attr(name string) (starlark.Value, error) {
	m, ok := host.ErrorMethodNamed(name)
	if !ok {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		return fromHost(m.Get(x.e)), nil
	}), nil
}

// AttrNames lists the libvirtError methods.
func (x *libvirtError) AttrNames() []string { return host.ErrorMethodNames() }
