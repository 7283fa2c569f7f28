package host

import (
	"fmt"
	"strings"
)

// Value is what crosses the boundary between a language adapter and the core.
// It is one of:
//
//	nil       none (Python's None, Lua's nil)
//	bool
//	int64     every integer; libvirt's unsigned values fit
//	float64
//	string
//	[]Value   a list (libvirt-python returns lists, e.g. virDomain.info)
//	Ints      a list of ints, as an operation returns one
//	          (virConnect.listDomainsID): a list to scripts, as a []Value
//	          of ints is, made without a Value per int
//	Tuple     a tuple, where libvirt-python returns one (virDomain.vcpus)
//	Bytes     bytes, where libvirt-python returns them (virDomain.UUID)
//	*Map      a dictionary with string keys, in insertion order
//	*IntMap   a dictionary with int keys, in insertion order
//	*Object   a libvirt object owned by the session (connection, domain, ...)
//	Callable  a script function the core calls back (event callbacks)
//	Opaque    a script value with no other counterpart here: only TAny
//	          parameters accept it, and errors name its type
//	ScriptValue  the argument of a TAny parameter (an opaque): the script's
//	          own value, which the core hands back to the script as it is
//
// Adapters convert their own values to and from these, and nothing else.
type Value any

// Dict is an ordered dictionary, the shape of libvirt-python's dict
// results: keys keep the position of their first insertion.
type Dict[K comparable] struct {
	keys []K
	vals map[K]Value
}

// Map is a dictionary with string keys (typed parameters, stats).
type Map = Dict[string]

// IntMap is a dictionary with int keys: libvirt-python's
// virConnect.getFreePages result ({cell: {page size: count}}) and
// virConnect.allocPages argument ({page size: count}).
type IntMap = Dict[int64]

// NewMap returns an empty map.
func NewMap() *Map { return &Map{vals: map[string]Value{}} }

// NewIntMap returns an empty map with int keys.
func NewIntMap() *IntMap { return &IntMap{vals: map[int64]Value{}} }

// Set adds or replaces key, keeping the first insertion's position.
func (m *Dict[K]) Set(key K, v Value) {
	if _, ok := m.vals[key]; !ok {
		m.keys = append(m.keys, key)
	}
	m.vals[key] = v
}

// Get returns the value stored under key.
func (m *Dict[K]) Get(key K) (Value, bool) {
	v, ok := m.vals[key]
	return v, ok
}

// Keys returns the keys in insertion order. The caller must not modify it.
func (m *Dict[K]) Keys() []K { return m.keys }

// Len returns the number of entries.
func (m *Dict[K]) Len() int { return len(m.keys) }

// Ints is a list of ints, as the operations that return nothing else make
// it (virConnect.listDomainsID): the backend's IDs as they are, with no
// Value made per int on the hot path. Everything that reads values reads
// it as the []Value of its ints (see Values).
type Ints []int64

// Values returns the list as a []Value.
func (l Ints) Values() []Value { return ints(l...) }

// Tuple is a fixed sequence: libvirt-python returns tuples in places
// (virDomain.vcpus, virConnect.getCPUMap), and Starlark shows them as such.
// Lua sees a table, as for a list.
type Tuple []Value

// Bytes is a byte string: libvirt-python's bytes (virDomain.UUID,
// virDomain.blockPeek, virStream.recv). Lua sees a string.
type Bytes string

// Callable is a script function that the core calls back: an event
// callback. Adapters make it from their function values. The core calls it
// only on the goroutine that runs the script, from inside a call the script
// made (a wait helper), so an interpreter never runs on two goroutines.
type Callable interface {
	// Name names the function in errors and plans.
	Name() string
	// Call calls the function with args and returns its result.
	Call(args []Value) (Value, error)
	// Same reports whether other is the same script function (for
	// virConnect.domainEventDeregister(cb)).
	Same(other Callable) bool
}

// Opaque stands for a script value the core cannot use, named by its type
// in the script's language.
type Opaque struct {
	Type  string
	Value any // the adapter's own value, given back to the script as it was
}

// ScriptValue is the argument of an opaque parameter (TAny: the opaque of an
// event callback, a stream handler, an error handler), which the core
// passes through untouched: the script's callbacks get the very value the
// script gave, so that a callback appending to an opaque list appends to
// the script's list, as in libvirt-python. Adapters make it for the
// arguments that Op.PassesThrough names, and give Own back wherever the
// core hands the value to the script.
type ScriptValue struct {
	Own  any   // the adapter's own value
	View Value // its conversion, which records and checks read
}

// view returns v, or the conversion of a ScriptValue.
func view(v Value) Value {
	if sv, ok := v.(ScriptValue); ok {
		return sv.View
	}
	return v
}

// views returns vs with each ScriptValue replaced by its conversion.
func views(vs []Value) []Value {
	out := make([]Value, len(vs))
	for i, v := range vs {
		out[i] = view(v)
	}
	return out
}

// TypeName names the type of v as scripts see it, for error messages.
func TypeName(v Value) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		return "bool"
	case int64:
		return "int"
	case float64:
		return "float"
	case string:
		return "string"
	case []Value, Ints:
		return "list"
	case Tuple:
		return "tuple"
	case Bytes:
		return "bytes"
	case Callable:
		return "function"
	case *Map, *IntMap:
		return "dict"
	case *Object:
		return v.Class()
	case Opaque:
		return v.Type
	case ScriptValue:
		return TypeName(v.View)
	default:
		return fmt.Sprintf("%T", v)
	}
}

// Repr formats v for humans, as in a plan or an audit record.
func Repr(v Value) string {
	var b strings.Builder
	writeRepr(&b, v)
	return b.String()
}

func writeRepr(b *strings.Builder, v Value) {
	switch v := v.(type) {
	case nil:
		b.WriteString("None")
	case bool:
		if v {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case string:
		fmt.Fprintf(b, "%q", v)
	case []Value:
		writeSeq(b, "[", v, "]")
	case Ints:
		writeSeq(b, "[", v.Values(), "]")
	case Tuple:
		if len(v) == 1 {
			writeSeq(b, "(", v, ",)")
		} else {
			writeSeq(b, "(", v, ")")
		}
	case Bytes:
		fmt.Fprintf(b, "b%q", string(v))
	case Callable:
		b.WriteString("<function " + v.Name() + ">")
	case Opaque:
		b.WriteString("{" + v.Type + "}")
	case ScriptValue:
		writeRepr(b, v.View)
	case *Map:
		b.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%q: ", k)
			writeRepr(b, v.vals[k])
		}
		b.WriteByte('}')
	case *IntMap:
		b.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%d: ", k)
			writeRepr(b, v.vals[k])
		}
		b.WriteByte('}')
	case *Object:
		b.WriteString(v.String())
	default:
		fmt.Fprint(b, v)
	}
}

func writeSeq(b *strings.Builder, open string, v []Value, close string) {
	b.WriteString(open)
	for i, e := range v {
		if i > 0 {
			b.WriteString(", ")
		}
		writeRepr(b, e)
	}
	b.WriteString(close)
}
