package starlark

import (
	"reflect"
	"unsafe"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/host"
)

// The run's memory account (host.Memory) measures what the script holds:
// the values reachable from the interpreter's roots, which are the
// globals of the module of every function on the call stack, every
// frame's locals (and the cells of those that closures share), and the
// predeclared values a script can grow (argv, sys.argv). Values reached
// several times count once. The sizes are estimates of what Go allocates
// for them, in bytes: a slot of a list or tuple (an interface), a string's
// header and bytes, a hash table's entry.
//
// The values an expression builds before they are assigned (the list of a
// comprehension) are on the frames' operand stacks, which the walk reads
// too (see operandStack). What it cannot see: the Go structures of a
// parsed XML tree, counted as objectBytes each (their building was checked
// against the limit when they were made).

const (
	objectBytes = 64 // a value the walk does not look into
	listBytes   = 48 // a list's header
	funcBytes   = 96 // a function value
	// sharedString is the length from which a string's bytes count once
	// however many values hold it (shorter ones count each time).
	sharedString = 64
)

// held walks values, counting what they take; a value reached twice
// counts once.
type held struct {
	seen  map[unsafe.Pointer]struct{}
	stack []starlark.Value
	n     uint64
}

// first reports whether p is met for the first time.
func (h *held) first(p unsafe.Pointer) bool {
	if _, ok := h.seen[p]; ok {
		return false
	}
	h.seen[p] = struct{}{}
	return true
}

// push counts a value that holds no other at once, and keeps the others
// for run: the walk's stack holds containers only.
func (h *held) push(v starlark.Value) {
	switch v.(type) {
	case nil:
	case starlark.String, starlark.Bytes, starlark.Int, starlark.Float, starlark.NoneType, starlark.Bool:
		h.value(v)
	default:
		h.stack = append(h.stack, v)
	}
}

// pushGlobals pushes the globals of fn's module, once per module.
func (h *held) pushFunction(fn *starlark.Function) {
	if !h.first(unsafe.Pointer(fn)) {
		return
	}
	h.n = host.SatAdd(h.n, funcBytes)
	if m := fn.Module(); m != nil && h.first(unsafe.Pointer(m)) {
		for _, v := range m.Globals() {
			h.push(v)
		}
	}
	for i := 0; i < fn.NumFreeVars(); i++ {
		_, v := fn.FreeVar(i)
		h.push(v)
	}
	for i := 0; i < fn.NumParams(); i++ {
		h.push(fn.ParamDefault(i))
	}
}

// cellType is the type of the cells in which Starlark keeps the locals
// that closures share; cellValue reads one.
var cellType = reflect.TypeOf(starlark.Value(nil))

func cellValue(v starlark.Value) (starlark.Value, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Type().String() != "*starlark.cell" {
		return nil, false
	}
	f := rv.Elem().Field(0)
	if f.Type() != cellType {
		return nil, false
	}
	return *(*starlark.Value)(unsafe.Pointer(f.UnsafeAddr())), true
}

// valueType is the type of a Starlark value.
var valueType = reflect.TypeFor[starlark.Value]()

// operandStack is the operand stack of fr, a frame of fn: the values an
// expression builds before they are assigned (the list of a comprehension
// being built), nil when it cannot be read. go.starlark.net allocates a
// call's locals and its operand stack in one array, the frame's locals
// being its first part (Function.CallInternal): the stack is the
// funcode's MaxStack values that follow them. Slots above the stack's top
// may still hold values popped from it, which they keep alive: they are
// counted too. This reads fields go.starlark.net does not export, checked
// by name and type; TestHeldCountsSharedValuesOnce's comprehension case
// fails if the layout changes.
func operandStack(fr starlark.DebugFrame, fn *starlark.Function) []starlark.Value {
	rv := reflect.ValueOf(fr)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil
	}
	locals := rv.Elem().FieldByName("locals")
	if locals.Kind() != reflect.Slice || locals.Type().Elem() != valueType || locals.Cap() != locals.Len() || locals.Pointer() == 0 {
		return nil
	}
	code := reflect.ValueOf(fn).Elem().FieldByName("funcode")
	if code.Kind() != reflect.Pointer || code.IsNil() || code.Elem().Kind() != reflect.Struct {
		return nil
	}
	maxStack := code.Elem().FieldByName("MaxStack")
	if maxStack.Kind() != reflect.Int || maxStack.Int() <= 0 {
		return nil
	}
	if nl := code.Elem().FieldByName("Locals"); nl.Kind() != reflect.Slice || nl.Len() != locals.Len() {
		return nil
	}
	n := locals.Len()
	all := unsafe.Slice((*starlark.Value)(unsafe.Pointer(locals.Pointer())), n+int(maxStack.Int()))
	return all[n:]
}

// run counts what the stack of values to walk holds, to the end.
func (h *held) run() {
	for len(h.stack) > 0 {
		v := h.stack[len(h.stack)-1]
		h.stack = h.stack[:len(h.stack)-1]
		h.value(v)
	}
}

// value counts v itself and pushes the values it holds.
func (h *held) value(v starlark.Value) {
	switch v := v.(type) {
	case starlark.String:
		h.n = host.SatAdd(h.n, budget.BoxBytes)
		if len(v) >= sharedString && !h.first(unsafe.Pointer(unsafe.StringData(string(v)))) {
			return
		}
		h.n = host.SatAdd(h.n, uint64(len(v)))
	case starlark.Bytes:
		h.n = host.SatAdd(h.n, budget.BoxBytes)
		if len(v) >= sharedString && !h.first(unsafe.Pointer(unsafe.StringData(string(v)))) {
			return
		}
		h.n = host.SatAdd(h.n, uint64(len(v)))
	case starlark.Int:
		if _, ok := v.Int64(); !ok {
			h.n = host.SatAdd(h.n, budget.BoxBytes+8*uint64(v.BigInt().BitLen()+63)/64)
		}
	case starlark.Float:
		h.n = host.SatAdd(h.n, 8)
	case starlark.NoneType, starlark.Bool:
	case *starlark.List:
		if !h.first(unsafe.Pointer(v)) {
			return
		}
		h.n = host.SatAdd(h.n, host.SatAdd(listBytes, host.SatMul(uint64(v.Len()), budget.SlotBytes)))
		for x := range v.Elements() {
			h.push(x)
		}
	case starlark.Tuple:
		if len(v) == 0 || !h.first(unsafe.Pointer(&v[0])) {
			return
		}
		h.n = host.SatAdd(h.n, host.SatAdd(budget.BoxBytes, host.SatMul(uint64(len(v)), budget.SlotBytes)))
		for _, x := range v {
			h.push(x)
		}
	case *starlark.Dict:
		if !h.first(unsafe.Pointer(v)) {
			return
		}
		h.n = host.SatAdd(h.n, host.SatAdd(listBytes, host.SatMul(uint64(v.Len()), budget.EntryBytes)))
		for k, x := range v.Entries() {
			h.push(k)
			h.push(x)
		}
	case *starlark.Set:
		if !h.first(unsafe.Pointer(v)) {
			return
		}
		h.n = host.SatAdd(h.n, host.SatAdd(listBytes, host.SatMul(uint64(v.Len()), budget.EntryBytes)))
		for x := range v.Elements() {
			h.push(x)
		}
	case *starlark.Function:
		h.pushFunction(v)
	case *starlark.Builtin:
		// A bound method holds its receiver (x.append holds x).
		if h.first(unsafe.Pointer(v)) {
			h.n = host.SatAdd(h.n, objectBytes)
			h.push(v.Receiver())
		}
	case *starlarkstruct.Module:
		if h.first(unsafe.Pointer(v)) {
			h.n = host.SatAdd(h.n, objectBytes)
			for _, x := range v.Members {
				h.push(x)
			}
		}
	case *starlarkstruct.Struct:
		if h.first(unsafe.Pointer(v)) {
			h.n = host.SatAdd(h.n, objectBytes)
			for _, name := range v.AttrNames() {
				x, _ := v.Attr(name)
				h.push(x)
			}
		}
	case budget.Holder:
		if p := pointerOf(v); p == nil || h.first(p) {
			h.n = host.SatAdd(h.n, objectBytes)
			v.EachHeld(h.push)
		}
	default:
		if x, ok := cellValue(v); ok {
			h.push(x)
			return
		}
		h.n = host.SatAdd(h.n, objectBytes)
	}
}

// pointerOf is the pointer a value of pointer type is, for counting it
// once; nil for other values.
func pointerOf(v starlark.Value) unsafe.Pointer {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer {
		return rv.UnsafePointer()
	}
	return nil
}

// measure is what the script running on thread holds, predeclared the
// values it started with (see the package comment above).
func measure(thread *starlark.Thread, predeclared starlark.StringDict) uint64 {
	h := &held{seen: map[unsafe.Pointer]struct{}{}}
	for _, v := range predeclared {
		h.push(v)
	}
	for i := 0; i < thread.CallStackDepth(); i++ {
		fr := thread.DebugFrame(i)
		if fn, ok := fr.Callable().(*starlark.Function); ok {
			h.pushFunction(fn)
			for j := 0; j < fr.NumLocals(); j++ {
				_, v := fr.Local(j)
				h.push(v)
			}
			for _, v := range operandStack(fr, fn) {
				h.push(v)
			}
		} else if b, ok := fr.Callable().(*starlark.Builtin); ok {
			h.push(b)
		}
		h.run()
	}
	h.run()
	return h.n
}
