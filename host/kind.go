package host

import "fmt"

// Kind is the kind of a Value, as an argument error names it: each
// language adapter words it with its own names of types (Python's int,
// Lua's integer), so that no message is translated after the fact.
type Kind int

// The kinds of values. The zero Kind is no kind.
const (
	KindNone     Kind = iota + 1 // nil
	KindBool                     // bool
	KindInt                      // int64
	KindFloat                    // float64
	KindString                   // string
	KindBytes                    // Bytes
	KindList                     // []Value
	KindTuple                    // Tuple
	KindDict                     // *Map, *IntMap
	KindFunction                 // Callable
	KindObject                   // *Object: a libvirt object, named by its class
	KindOther                    // Opaque and values of no other kind: named by the adapter's type name
)

// String is the kind's name in the core's (Python's) words.
func (k Kind) String() string {
	if s, ok := pythonKinds[k]; ok {
		return s
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// KindOf returns the kind of v, and for an object or an opaque the name of
// its type (the class, the adapter's type name); "" otherwise. A
// ScriptValue is of the kind of its conversion.
func KindOf(v Value) (Kind, string) {
	switch v := v.(type) {
	case nil:
		return KindNone, ""
	case bool:
		return KindBool, ""
	case int64:
		return KindInt, ""
	case float64:
		return KindFloat, ""
	case string:
		return KindString, ""
	case []Value, Ints:
		return KindList, ""
	case Tuple:
		return KindTuple, ""
	case Bytes:
		return KindBytes, ""
	case Callable:
		return KindFunction, ""
	case *Map, *IntMap:
		return KindDict, ""
	case *Object:
		if v == nil {
			return KindNone, ""
		}
		return KindObject, v.Class()
	case Opaque:
		return KindOther, v.Type
	case ScriptValue:
		return KindOf(v.View)
	default:
		return KindOther, fmt.Sprintf("%T", v)
	}
}

// Want is what an argument error says a parameter wants: one kind or
// several ("string or None"), an object's class, an int's range.
type Want struct {
	Kinds   []Kind // the kinds accepted, in the order to name them
	Class   string // for KindObject: the class wanted, "virDomain"
	Ranged  bool   // for KindInt: only Min to Max
	Min     int64
	Max     int64
	IntKeys bool // for KindDict: a dict with int keys
	Elems   Kind // for KindList: the kind of its items; 0 for any
}

// wantKinds is a Want of kinds.
func wantKinds(kinds ...Kind) Want { return Want{Kinds: kinds} }

// wantRange is a Want of an int from min to max.
func wantRange(min, max int64) Want {
	return Want{Kinds: []Kind{KindInt}, Ranged: true, Min: min, Max: max}
}

// TypeWords names the kinds of values in one script language, for
// argument errors: ArgError.Worded builds the message from them.
type TypeWords interface {
	// Got names the kind of a value the script passed; name is the
	// type's name for KindObject and KindOther.
	Got(k Kind, name string) string
	// Want names a kind a parameter wants.
	Want(k Kind) string
	// FirstIndex is the index of a list's first item: 0 in Python, 1
	// in Lua.
	FirstIndex() int
}

// pythonKinds are the core's names of kinds: Python's (and Starlark's),
// the names TypeName gives.
var pythonKinds = map[Kind]string{
	KindNone: "None", KindBool: "bool", KindInt: "int", KindFloat: "float",
	KindString: "string", KindBytes: "bytes", KindList: "list", KindTuple: "tuple",
	KindDict: "dict", KindFunction: "function", KindObject: "object", KindOther: "value",
}

// PythonWords names kinds as Python and Starlark do ("got string, want
// int"): the words of ArgError.Error.
var PythonWords TypeWords = pythonWords{}

type pythonWords struct{}

func (pythonWords) Got(k Kind, name string) string {
	if name != "" && (k == KindObject || k == KindOther) {
		return name
	}
	return k.String()
}

func (pythonWords) Want(k Kind) string { return k.String() }

func (pythonWords) FirstIndex() int { return 0 }

// Word names w in words: its kinds joined with "or", an object's class, an
// int's range, a dict's keys and a list's items.
func (w Want) Word(words TypeWords) string {
	var s string
	for i, k := range w.Kinds {
		if i > 0 {
			s += " or "
		}
		switch {
		case k == KindObject && w.Class != "":
			s += w.Class
		case k == KindInt && w.Ranged:
			s += fmt.Sprintf("%s from %d to %d", words.Want(k), w.Min, w.Max)
		case k == KindDict && w.IntKeys:
			s += fmt.Sprintf("%s with %s keys", words.Want(k), words.Want(KindInt))
		case k == KindList && w.Elems != 0:
			s += fmt.Sprintf("%s of %s items", words.Want(k), words.Want(w.Elems))
		default:
			s += words.Want(k)
		}
	}
	return s
}
