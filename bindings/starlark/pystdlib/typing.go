package pystdlib

import (
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// typingModule is typing: scripts import it for their annotations, which
// the dialect reads and drops, and sometimes name its forms elsewhere
// (an alias DomainList = List[str], cast(int, x)). Its forms are inert
// values that subscripting returns unchanged; they check nothing, as
// Python's do not at run time.
func typingModule() starlark.Value {
	m := starlark.StringDict{
		"TYPE_CHECKING": starlark.False,
		"cast": starlark.NewBuiltin("typing.cast", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var typ, v starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &typ, &v); err != nil {
				return nil, err
			}
			return v, nil
		}),
		"TypeVar": starlark.NewBuiltin("typing.TypeVar", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			var name string
			if len(args) > 0 {
				if s, ok := args[0].(starlark.String); ok {
					name = string(s)
				}
			}
			return &typingForm{name: "~" + name}, nil
		}),
	}
	for _, name := range []string{"Any", "Dict", "List", "Optional", "Tuple", "Union", "Set", "FrozenSet",
		"Callable", "Iterable", "Iterator", "Sequence", "Mapping", "MutableMapping", "Type", "NoReturn",
		"Generator", "Literal", "Final", "ClassVar", "DefaultDict", "Deque", "Counter", "AnyStr", "Text"} {
		m[name] = &typingForm{name: "typing." + name}
	}
	return &starlarkstruct.Module{Name: "typing", Members: m}
}

// typingForm is one of typing's forms: List, Optional[int], a TypeVar.
type typingForm struct{ name string }

var _ starlark.Mapping = (*typingForm)(nil)

func (f *typingForm) String() string        { return f.name }
func (f *typingForm) Type() string          { return "typing" }
func (f *typingForm) Freeze()               {}
func (f *typingForm) Truth() starlark.Bool  { return starlark.True }
func (f *typingForm) Hash() (uint32, error) { return starlark.String(f.name).Hash() }

// Get is f[...]: the same form, as the annotation means nothing at run
// time.
func (f *typingForm) Get(starlark.Value) (starlark.Value, bool, error) { return f, true, nil }
