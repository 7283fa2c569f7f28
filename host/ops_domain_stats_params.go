package host

import (
	"fmt"
	"math"
	"strings"
)

// TypedKind is the type of a typed parameter, virTypedParameterType.
type TypedKind int

// The kinds of typed parameters.
const (
	TypedInt    TypedKind = iota + 1 // VIR_TYPED_PARAM_INT
	TypedUint                        // VIR_TYPED_PARAM_UINT
	TypedLLong                       // VIR_TYPED_PARAM_LLONG
	TypedULLong                      // VIR_TYPED_PARAM_ULLONG
	TypedDouble                      // VIR_TYPED_PARAM_DOUBLE
	TypedBool                        // VIR_TYPED_PARAM_BOOLEAN
	TypedString                      // VIR_TYPED_PARAM_STRING
)

func (k TypedKind) String() string {
	switch k {
	case TypedInt:
		return "int from -2147483648 to 2147483647"
	case TypedUint:
		return "int from 0 to 4294967295"
	case TypedLLong:
		return "int"
	case TypedULLong:
		return "int from 0 to 9223372036854775807"
	case TypedDouble:
		return "float"
	case TypedBool:
		return "bool"
	case TypedString:
		return "string"
	}
	return fmt.Sprintf("TypedKind(%d)", int(k))
}

// want is what an argument error says a field of kind k wants.
func (k TypedKind) want() Want {
	switch k {
	case TypedInt:
		return wantRange(math.MinInt32, math.MaxInt32)
	case TypedUint:
		return wantRange(0, math.MaxUint32)
	case TypedLLong:
		return wantKinds(KindInt)
	case TypedULLong:
		return wantRange(0, math.MaxInt64)
	case TypedDouble:
		return wantKinds(KindFloat)
	case TypedBool:
		return wantKinds(KindBool)
	}
	return wantKinds(KindString)
}

// TypedField is one field of a group of typed parameters: libvirt's name
// for it (a VIR_DOMAIN_*_FIELD string, e.g. "hard_limit") and its kind.
type TypedField struct {
	Name string
	Kind TypedKind
}

// TypedSchema is a group of typed parameters that one libvirt function
// reads or writes, in the order libvirt's drivers report them.
type TypedSchema []TypedField

// Field returns the field named name.
func (s TypedSchema) Field(name string) (TypedField, bool) {
	for _, f := range s {
		if f.Name == name {
			return f, true
		}
	}
	return TypedField{}, false
}

func (s TypedSchema) names() string {
	names := make([]string, len(s))
	for i, f := range s {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}

// typedMap turns typed parameters that a getter returned into
// libvirt-python's dict, in libvirt's order.
func typedMap(ps []TypedParam) *Map {
	m := NewMap()
	for _, p := range ps {
		m.Set(p.Name, p.Value)
	}
	return m
}

// inSchema keeps the parameters of ps that schema lists, in the schema's
// order (a name given twice keeps its last value). A getter's result goes
// through it: libvirt may report fields a backend's library does not know
// (libvirt.org/go/libvirt reads them into structs of fixed fields), and a
// script sees the same fields on every backend.
func inSchema(ps []TypedParam, schema TypedSchema) []TypedParam {
	byName := make(map[string]any, len(ps))
	for _, p := range ps {
		byName[p.Name] = p.Value
	}
	var out []TypedParam
	for _, f := range schema {
		if v, ok := byName[f.Name]; ok {
			out = append(out, TypedParam{Name: f.Name, Value: v})
		}
	}
	return out
}

// schemaResult is typedResult for a getter of schema's parameters: those
// it lists, in its order (see inSchema).
func schemaResult(schema TypedSchema) func(ps []TypedParam, err error) (Value, error) {
	return func(ps []TypedParam, err error) (Value, error) {
		if err != nil {
			return nil, err
		}
		return typedMap(inSchema(ps, schema)), nil
	}
}

// typedResult is typedMap for a backend's (params, error).
func typedResult(ps []TypedParam, err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	return typedMap(ps), nil
}

// typedParams checks a script's dict against schema and converts it for a
// setter, in the dict's order: every key must name a field, every value
// have the field's type. what names the dict in errors ("params").
// nonEmpty refuses an empty dict, as libvirt-python does for the setters
// that read the current values first.
func typedParams(op *Op, what string, m *Map, schema TypedSchema, nonEmpty bool) ([]TypedParam, error) {
	if m == nil || m.Len() == 0 {
		if nonEmpty {
			return nil, argErrorf(op.QualName(), "%s must not be empty: name at least one of %s", what, schema.names())
		}
		return nil, nil
	}
	out := make([]TypedParam, 0, m.Len())
	for _, k := range m.Keys() {
		f, ok := schema.Field(k)
		if !ok {
			return nil, argErrorf(op.QualName(), "unknown key %q in %s: want one of %s", k, what, schema.names())
		}
		v, _ := m.Get(k)
		tv, ok := typedValue(v, f.Kind)
		if !ok {
			return nil, wrongType(op.QualName(), fmt.Sprintf("for key %q in %s", k, what), v, f.Kind.want())
		}
		if s, isStr := tv.(string); isStr && strings.IndexByte(s, 0) >= 0 {
			return nil, invalidArg(op.QualName(), fmt.Sprintf("for key %q in %s", k, what), "embedded null character (a NUL byte) in the string")
		}
		out = append(out, TypedParam{Name: k, Value: tv})
	}
	return out, nil
}

// typedValue converts a script value to the Go value of kind k, as
// libvirt-python's unwrapping does: a bool counts as an int, an int as a
// float or a bool.
func typedValue(v Value, k TypedKind) (any, bool) {
	switch k {
	case TypedInt, TypedUint, TypedLLong, TypedULLong:
		n, ok := convert(v, TInt)
		if !ok {
			return nil, false
		}
		i := n.(int64)
		switch {
		case k == TypedInt && (i < math.MinInt32 || i > math.MaxInt32),
			k == TypedUint && (i < 0 || i > math.MaxUint32),
			k == TypedULLong && i < 0:
			return nil, false
		}
		return i, true
	case TypedDouble:
		return convert(v, TFloat)
	case TypedBool:
		return convert(v, TBool)
	case TypedString:
		return convert(v, TString)
	}
	return nil, false
}
