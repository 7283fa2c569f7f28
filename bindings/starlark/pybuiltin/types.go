package pybuiltin

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Type is a Python type object: int, float, str, bool, list, dict, tuple,
// set and bytes are converters (int("3")) and classes
// (isinstance(x, (int, float)), type(x) == int, type(x).__name__); type()
// of any other value is a Type named for it, which is not callable.
type Type struct {
	name   string
	sample starlark.Value // a value of the type, whose methods str.lower and friends call
	call   func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)
	is     func(v starlark.Value) bool // isinstance(v, t)
}

var (
	_ starlark.Callable   = (*Type)(nil)
	_ starlark.Comparable = (*Type)(nil)
	_ starlark.HasAttrs   = (*Type)(nil)
)

// String is Python's <class 'int'>.
func (t *Type) String() string        { return "<class '" + t.name + "'>" }
func (t *Type) Type() string          { return "type" }
func (t *Type) Freeze()               {}
func (t *Type) Truth() starlark.Bool  { return starlark.True }
func (t *Type) Hash() (uint32, error) { return starlark.String(t.name).Hash() }

// Name is the type's name: "int".
func (t *Type) Name() string { return t.name }

// CallInternal converts, as int("3") does.
func (t *Type) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if t.call == nil {
		return nil, typeError("cannot create '%s' instances", t.name)
	}
	return t.call(thread, args, kwargs)
}

// CompareSameType compares types by name: type(x) == int.
func (t *Type) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	u := y.(*Type)
	switch op {
	case syntax.EQL:
		return t.name == u.name, nil
	case syntax.NEQ:
		return t.name != u.name, nil
	}
	return false, typeError("'%s' not supported between instances of 'type' and 'type'", op)
}

// Attr is __name__, or a method of the type called with its receiver
// first: str.lower("A"), sorted(names, key=str.lower).
func (t *Type) Attr(name string) (starlark.Value, error) {
	if name == "__name__" || name == "__qualname__" {
		return starlark.String(t.name), nil
	}
	if t.sample == nil || !hasMethod(t.sample, name) {
		return nil, nil
	}
	return starlark.NewBuiltin(t.name+"."+name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 || !t.is(args[0]) {
			return nil, typeError("descriptor '%s' for '%s' objects needs an argument of that type", name, t.name)
		}
		m, ok, err := Attr(thread, args[0], name)
		if err != nil {
			return nil, err
		}
		if !ok {
			a, _ := args[0].(starlark.HasAttrs)
			if m, err = a.Attr(name); err != nil {
				return nil, err
			}
		}
		return starlark.Call(thread, m, args[1:], kwargs)
	}), nil
}

// hasMethod reports whether v has the method name, natively or by Attr.
func hasMethod(v starlark.Value, name string) bool {
	if _, ok, _ := Attr(nil, v, name); ok {
		return true
	}
	if a, ok := v.(starlark.HasAttrs); ok {
		m, err := a.Attr(name)
		return err == nil && m != nil
	}
	return false
}

// AttrNames lists __name__.
func (t *Type) AttrNames() []string { return []string{"__name__", "__qualname__"} }

// IsInstance reports whether v is an instance of t, as isinstance(v, t).
func (t *Type) IsInstance(v starlark.Value) bool { return t.is(v) }

func isA[T starlark.Value](v starlark.Value) bool { _, ok := v.(T); return ok }

// The built-in types.
var (
	intType = &Type{name: "int", call: intConv, sample: starlark.MakeInt(0), is: func(v starlark.Value) bool {
		return isA[starlark.Int](v) || isA[starlark.Bool](v)
	}}
	floatType = &Type{name: "float", call: floatConv, sample: starlark.Float(0), is: isA[starlark.Float]}
	strType   = &Type{name: "str", call: strConv, sample: starlark.String(""), is: isA[starlark.String]}
	boolType  = &Type{name: "bool", call: universe("bool"), is: isA[starlark.Bool]}
	listType  = &Type{name: "list", call: collect("list", slotBytes), sample: frozenList, is: isA[*starlark.List]}
	tupleType = &Type{name: "tuple", call: collect("tuple", slotBytes), is: isA[starlark.Tuple]}
	setType   = &Type{name: "set", call: collect("set", 64), sample: frozenSet, is: isA[*starlark.Set]}
	dictType  = &Type{name: "dict", call: collect("dict", 64), sample: frozenDict, is: isA[*starlark.Dict]}
	bytesType = &Type{name: "bytes", call: bytesConv, sample: starlark.Bytes(""), is: isA[starlark.Bytes]}
	// The samples of the mutable types: frozen, never changed.
	frozenList = func() *starlark.List { l := starlark.NewList(nil); l.Freeze(); return l }()
	frozenSet  = func() *starlark.Set { s := starlark.NewSet(0); s.Freeze(); return s }()
	frozenDict = func() *starlark.Dict { d := starlark.NewDict(0); d.Freeze(); return d }()
	noneType   = &Type{name: "NoneType", is: isA[starlark.NoneType]}
	funcType   = &Type{name: "function", is: isA[*starlark.Function]}
	builtinT   = &Type{name: "builtin_function_or_method", is: isA[*starlark.Builtin]}
	typeType   = &Type{name: "type", is: isA[*Type]}
)

// typeOf is type(v).
func typeOf(v starlark.Value) *Type {
	switch v.(type) {
	case starlark.NoneType:
		return noneType
	case starlark.Bool:
		return boolType
	case starlark.Int:
		return intType
	case starlark.Float:
		return floatType
	case starlark.String:
		return strType
	case starlark.Bytes:
		return bytesType
	case *starlark.List:
		return listType
	case starlark.Tuple:
		return tupleType
	case *starlark.Dict:
		return dictType
	case *starlark.Set:
		return setType
	case *starlark.Function:
		return funcType
	case *starlark.Builtin:
		return builtinT
	case *Type:
		return typeType
	}
	name := v.Type()
	return &Type{name: name, is: func(x starlark.Value) bool { return x.Type() == name }}
}

// universe calls Starlark's builtin of that name.
func universe(name string) func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	b := starlark.Universe[name].(*starlark.Builtin)
	return func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return b.CallInternal(thread, args, kwargs)
	}
}
