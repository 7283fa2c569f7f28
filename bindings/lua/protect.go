package lua

import (
	lua "github.com/yuin/gopher-lua"
)

// Protected calls (pcall, xpcall, and the callbacks the core makes) run on
// a thread of their own.
//
// gopher-lua closes every open upvalue of a state when an error is raised
// in it outside an error handler, those of the frames that outlive the
// error included (yuin/gopher-lua#448): after one caught error, a closure
// no longer shares its upvalues with the function that made it, so
//
//	local n = 0
//	local function try(f) pcall(f); n = n + 1 end
//
// counts in a copy of n that the rest of the script never sees. Run on a
// thread, the protected function's frames are the only ones an error can
// close, and they end with it, as in Lua.

// maxPooled is how many idle threads a run keeps for its protected calls;
// threadRegistry is the size of a new thread's data stack.
const (
	maxPooled      = 4
	threadRegistry = 1024
)

// protectedCall calls fn with args on a thread of the run's (errfunc, when
// not nil, handles an error as xpcall's handler does) and returns its
// results, or the error it raised. Protected calls nest up to the run's
// depth limit, as calls do.
func (in *interp) protectedCall(L *lua.LState, fn lua.LValue, args []lua.LValue, nret int, errfunc *lua.LFunction) ([]lua.LValue, error) {
	limit := L.Options.CallStackSize
	if in.nested >= limit {
		return nil, &lua.ApiError{Type: lua.ApiErrorRun, Object: lua.LString(position(L) + " stack overflow")}
	}
	in.nested++
	defer func() { in.nested-- }()
	if f, ok := fn.(*lua.LFunction); ok && f.IsG {
		return in.protectedGoCall(L, f, args, nret, errfunc)
	}
	th := in.thread()
	th.Push(fn)
	for _, a := range args {
		th.Push(a)
	}
	if err := th.PCall(len(args), nret, errfunc); err != nil {
		// An error raised by Lua or a library function with no handler
		// set closed the thread's upvalues, and PCall emptied its
		// stack: the thread is as new. Under a handler (xpcall), or
		// after a Go panic, upvalues may be left open: it is let go.
		if api, ok := err.(*lua.ApiError); ok && api.Type == lua.ApiErrorRun && errfunc == nil {
			in.release(th)
		} else {
			in.discard(th)
		}
		return nil, err
	}
	n := th.GetTop()
	rets := make([]lua.LValue, n)
	for i := range rets {
		rets[i] = th.Get(i + 1)
	}
	in.release(th)
	return rets, nil
}

// release keeps th for the next protected call, or lets it go.
func (in *interp) release(th *lua.LState) {
	th.SetTop(0)
	if len(in.idle) < maxPooled {
		in.idle = append(in.idle, th)
	} else {
		in.discard(th)
	}
}

// protectedGoCall calls a Go function on L, the state that calls it, so
// that its errors tell the caller's position, as Lua's do. With an error
// handler set (xpcall's, or one that returns the error as it is),
// gopher-lua closes no upvalue when the function raises an error; a Go
// function has no frame of its own whose upvalues an error would close.
func (in *interp) protectedGoCall(L *lua.LState, fn *lua.LFunction, args []lua.LValue, nret int, errfunc *lua.LFunction) ([]lua.LValue, error) {
	if errfunc == nil {
		if in.asIs == nil {
			in.asIs = in.main.NewFunction(func(L *lua.LState) int { return 1 })
		}
		errfunc = in.asIs
	}
	base := L.GetTop()
	L.Push(fn)
	for _, a := range args {
		L.Push(a)
	}
	if err := L.PCall(len(args), nret, errfunc); err != nil {
		return nil, err
	}
	rets := make([]lua.LValue, L.GetTop()-base)
	for i := range rets {
		rets[i] = L.Get(base + 1 + i)
	}
	L.SetTop(base)
	return rets, nil
}

// thread returns an idle thread, or a new one sharing the run's globals
// and context.
func (in *interp) thread() *lua.LState {
	if n := len(in.idle); n > 0 {
		th := in.idle[n-1]
		in.idle = in.idle[:n-1]
		return th
	}
	// A thread starts with a small data stack, which grows as the
	// main one does.
	opts := in.main.Options
	in.main.Options.RegistrySize = threadRegistry
	th, cancel := in.main.NewThread()
	in.main.Options = opts
	if ctx := th.Context(); ctx != nil {
		th.SetContext(in.hook(th, ctx))
	}
	if cancel != nil {
		in.cancels[th] = cancel
	}
	return th
}

// discard lets a thread go.
func (in *interp) discard(th *lua.LState) {
	if cancel := in.cancels[th]; cancel != nil {
		cancel()
		delete(in.cancels, th)
	}
}

// pcall is Lua's pcall(f, ...), on a thread of its own.
func (in *interp) pcall(L *lua.LState) int {
	L.CheckAny(1)
	fn := L.Get(1)
	if fn.Type() != lua.LTFunction && L.GetMetaField(fn, "__call").Type() != lua.LTFunction {
		L.Push(lua.LFalse)
		L.Push(lua.LString("attempt to call a " + fn.Type().String() + " value"))
		return 2
	}
	args := make([]lua.LValue, 0, L.GetTop()-1)
	for i := 2; i <= L.GetTop(); i++ {
		args = append(args, L.Get(i))
	}
	return in.pushOutcome(L)(in.protectedCall(L, fn, args, lua.MultRet, nil))
}

// xpcall is Lua 5.1's xpcall(f, handler), on a thread of its own.
func (in *interp) xpcall(L *lua.LState) int {
	fn := L.CheckFunction(1)
	handler := L.CheckFunction(2)
	return in.pushOutcome(L)(in.protectedCall(L, fn, nil, lua.MultRet, handler))
}

// pushOutcome pushes what pcall returns: true and the results, or false
// and the error's value.
func (in *interp) pushOutcome(L *lua.LState) func([]lua.LValue, error) int {
	return func(rets []lua.LValue, err error) int {
		if err != nil {
			obj := errorObject(err)
			if obj == nil {
				obj = lua.LString(err.Error())
			}
			L.Push(lua.LFalse)
			L.Push(obj)
			return 2
		}
		L.Push(lua.LTrue)
		for _, v := range rets {
			L.Push(v)
		}
		return len(rets) + 1
	}
}
