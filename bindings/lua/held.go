package lua

import (
	"context"
	"reflect"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
)

// The run's memory account (host.Memory) measures what the script holds:
// the values reachable from the globals, the registry (loaded modules),
// and the stacks of the run's states (the main one, the threads of
// protected calls, coroutines): every frame's locals and temporaries, and
// the upvalues of its function. Values reached several times count once.
// The sizes are estimates of what Go allocates for them, in bytes: a
// table's array slots and hash entries, a string's header and bytes, a
// closure and its upvalues.
//
// The walk runs on the run's goroutine: every checkEvery instructions (see
// hookedContext), and from the checks of large allocations and of libvirt
// call arguments.

const (
	slotBytes    = 16  // an LValue (an interface)
	entryBytes   = 48  // an entry of a table's hash part
	tableBytes   = 112 // a table's header
	funcBytes    = 64  // a closure
	upvalueBytes = 48  // one of its upvalues
	objectBytes  = 64  // userdata, a state's header
	// sharedString is the length from which a string's bytes count once
	// however many values hold it (shorter ones count each time).
	sharedString = 64
)

// held walks values, counting what they take; a value reached twice
// counts once.
type held struct {
	seen  map[unsafe.Pointer]struct{}
	stack []lua.LValue
	n     uint64
}

func (h *held) first(p unsafe.Pointer) bool {
	if _, ok := h.seen[p]; ok {
		return false
	}
	h.seen[p] = struct{}{}
	return true
}

// push counts a value that holds no other at once, and keeps the others
// for run: the walk's stack holds containers only.
func (h *held) push(v lua.LValue) {
	switch v.(type) {
	case nil, *lua.LNilType, lua.LBool:
	case lua.LString, lua.LNumber:
		h.value(v)
	default:
		h.stack = append(h.stack, v)
	}
}

func (h *held) run() {
	for len(h.stack) > 0 {
		v := h.stack[len(h.stack)-1]
		h.stack = h.stack[:len(h.stack)-1]
		h.value(v)
	}
}

// tableFields are the indices of a table's array and hash parts in
// LTable, which gopher-lua does not export: slices, then maps.
var tableFields = func() (f struct{ slices, maps []int }) {
	typ := reflect.TypeFor[lua.LTable]()
	for _, name := range []string{"array", "keys"} {
		if sf, ok := typ.FieldByName(name); ok && sf.Type.Kind() == reflect.Slice {
			f.slices = append(f.slices, sf.Index[0])
		}
	}
	for _, name := range []string{"dict", "strdict", "k2i"} {
		if sf, ok := typ.FieldByName(name); ok && sf.Type.Kind() == reflect.Map {
			f.maps = append(f.maps, sf.Index[0])
		}
	}
	return f
}()

// tableParts is the size of a table: its header, array slots and hash
// entries.
func tableParts(t *lua.LTable) uint64 {
	rv := reflect.ValueOf(t).Elem()
	n := uint64(tableBytes)
	for _, i := range tableFields.slices {
		n = host.SatAdd(n, host.SatMul(uint64(rv.Field(i).Cap()), slotBytes))
	}
	for _, i := range tableFields.maps {
		n = host.SatAdd(n, host.SatMul(uint64(rv.Field(i).Len()), entryBytes))
	}
	return n
}

// frameBytes is the size of a frame of gopher-lua's call stack.
var frameBytes = func() uint64 {
	if f, ok := reflect.TypeFor[lua.LState]().FieldByName("currentFrame"); ok && f.Type.Kind() == reflect.Pointer {
		return uint64(f.Type.Elem().Size())
	}
	return 80
}()

// stateBytes is the size of a state (a coroutine, a thread of a protected
// call): its data stack and its call stack, which gopher-lua allocates
// whole when it makes the state (a hundred kilobytes or more), read from
// fields it does not export.
func stateBytes(L *lua.LState) uint64 {
	n := uint64(objectBytes)
	regs := uint64(L.Options.RegistrySize)
	frames := uint64(L.Options.CallStackSize)
	rv := reflect.ValueOf(L).Elem()
	if reg := rv.FieldByName("reg"); reg.Kind() == reflect.Pointer && !reg.IsNil() {
		if a := reg.Elem().FieldByName("array"); a.Kind() == reflect.Slice {
			regs = uint64(a.Cap())
		}
	}
	if st := rv.FieldByName("stack"); st.Kind() == reflect.Interface && !st.IsNil() {
		if p := st.Elem(); p.Kind() == reflect.Pointer && !p.IsNil() {
			if a := p.Elem().FieldByName("array"); a.Kind() == reflect.Slice {
				frames = uint64(a.Cap())
			}
		}
	}
	return host.SatAdd(n, host.SatAdd(host.SatMul(regs, slotBytes), host.SatMul(frames, frameBytes)))
}

func (h *held) value(v lua.LValue) {
	switch v := v.(type) {
	case lua.LString:
		h.n = host.SatAdd(h.n, slotBytes)
		if len(v) >= sharedString && !h.first(unsafe.Pointer(unsafe.StringData(string(v)))) {
			return
		}
		h.n = host.SatAdd(h.n, uint64(len(v)))
	case lua.LNumber:
		h.n = host.SatAdd(h.n, 8)
	case *lua.LTable:
		if !h.first(unsafe.Pointer(v)) {
			return
		}
		h.n = host.SatAdd(h.n, tableParts(v))
		h.push(v.Metatable)
		v.ForEach(func(k, x lua.LValue) {
			h.push(k)
			h.push(x)
		})
	case *lua.LFunction:
		if !h.first(unsafe.Pointer(v)) {
			return
		}
		h.n = host.SatAdd(h.n, host.SatAdd(funcBytes, host.SatMul(uint64(len(v.Upvalues)), upvalueBytes)))
		if v.Env != nil {
			h.push(v.Env)
		}
		for _, uv := range v.Upvalues {
			if uv != nil {
				h.push(uv.Value())
			}
		}
	case *lua.LUserData:
		if !h.first(unsafe.Pointer(v)) {
			return
		}
		h.n = host.SatAdd(h.n, objectBytes)
		if v.Env != nil {
			h.push(v.Env)
		}
		h.push(v.Metatable)
		if x, ok := v.Value.(lua.LValue); ok {
			h.push(x)
		}
	case *lua.LState:
		h.state(v)
	}
}

// state pushes what a state's stack holds: every frame's function, locals
// and temporaries.
func (h *held) state(L *lua.LState) {
	if L == nil || !h.first(unsafe.Pointer(L)) {
		return
	}
	h.n = host.SatAdd(h.n, stateBytes(L))
	for level := 0; level <= L.Options.CallStackSize; level++ {
		dbg, ok := L.GetStack(level)
		if !ok {
			break
		}
		if fn, err := L.GetInfo("f", dbg, lua.LNil); err == nil {
			h.push(fn)
		}
		for i := 1; ; i++ {
			name, x := L.GetLocal(dbg, i)
			if name == "" {
				break
			}
			h.push(x)
		}
	}
	h.push(L.Env)
	h.push(L.Parent)
}

// measure is what the run holds.
func (in *interp) measure() uint64 {
	h := &held{seen: map[unsafe.Pointer]struct{}{}}
	L := in.main
	h.push(L.G.Global)
	h.push(L.G.Registry)
	states := []*lua.LState{in.main, in.running, in.calling}
	states = append(states, in.idle...)
	for th := range in.cancels {
		states = append(states, th)
	}
	for _, st := range states {
		if st != nil {
			h.push(st)
		}
	}
	for _, v := range in.modules {
		h.push(v)
	}
	h.run()
	return h.n
}

// checkEvery is how many instructions run between two looks at the run's
// memory account (most of them cost a clock read, see host.Memory.Check).
const checkEvery = 1024

// hookedContext is the context of a run's states: gopher-lua asks for its
// Done channel before every instruction, which makes it the instruction
// hook that gopher-lua otherwise lacks. Every checkEvery instructions it
// checks the run's memory account, and cancels the run when the script
// holds more than its limit: the instruction then raises the cancellation.
type hookedContext struct {
	context.Context
	done <-chan struct{}
	in   *interp
	L    *lua.LState // the state that runs under it
}

// hook makes ctx, the context of L, check the run's memory account.
func (in *interp) hook(L *lua.LState, ctx context.Context) context.Context {
	if in.mem.Limit() == 0 {
		return ctx
	}
	return &hookedContext{Context: ctx, done: ctx.Done(), in: in, L: L}
}

// Done is called before every instruction, on the run's goroutine.
func (c *hookedContext) Done() <-chan struct{} {
	c.in.ticks--
	if c.in.ticks <= 0 {
		c.in.ticks = checkEvery
		c.in.checkMemory(c.L)
	}
	return c.done
}

// checkMemory checks the run's memory account, L being the state
// running, and ends the run when the script holds more than its limit.
func (in *interp) checkMemory(L *lua.LState) {
	in.running = L
	if le := in.mem.Check(); le != nil {
		in.cancel(le)
	}
}

// hookCoroutines makes the coroutines that coroutine.create and
// coroutine.wrap make run under a hooked context too (gopher-lua gives a
// new thread a plain child of its parent's context).
func (in *interp) hookCoroutines(L *lua.LState) {
	co, ok := L.GetGlobal(lua.CoroutineLibName).(*lua.LTable)
	if !ok {
		return
	}
	for _, name := range []string{"create", "wrap"} {
		f, ok := co.RawGetString(name).(*lua.LFunction)
		if !ok || !f.IsG {
			continue
		}
		orig := f.GFunction
		co.RawSetString(name, L.NewFunction(func(L *lua.LState) int {
			n := orig(L)
			var th *lua.LState
			switch v := L.Get(-1).(type) {
			case *lua.LState:
				th = v
			case *lua.LFunction:
				if len(v.Upvalues) > 0 {
					th, _ = v.Upvalues[0].Value().(*lua.LState)
				}
			}
			if th != nil {
				if ctx := th.Context(); ctx != nil {
					th.SetContext(in.hook(th, ctx))
				}
			}
			return n
		}))
	}
}
