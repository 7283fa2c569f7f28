package lua

import (
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
)

// unlimitedDepth is the call stack's size when MaxDepth is 0: gopher-lua's
// call stack must have a size. The traceback of an overflow takes time in
// the square of the depth (a second at 20,000 frames).
const unlimitedDepth = 10_000

// registryPerFrame is how many registry (data stack) slots a frame may
// take: a Lua function has at most 250 registers. The registry grows, a
// few thousand slots at a time, up to this many per frame of the call
// stack.
const (
	registryPerFrame = 256
	registryGrowStep = 4096
)

// stateOptions are the options of a run's LState (and of its coroutines,
// which get the same): a call stack of MaxDepth frames, and a registry
// that can hold them.
func stateOptions(lim host.Limits) lua.Options {
	depth := lim.MaxDepth
	if depth <= 0 {
		depth = unlimitedDepth
	}
	return lua.Options{
		SkipOpenLibs:     true,
		CallStackSize:    depth,
		RegistrySize:     lua.RegistrySize,
		RegistryMaxSize:  max(depth*registryPerFrame, lua.RegistrySize),
		RegistryGrowStep: registryGrowStep,
		// Not MinimizeStackMemory: its call stack panics with "lua
		// callstack overflow" instead of raising "stack overflow".
	}
}

// isStackOverflow reports whether err is gopher-lua's "stack overflow",
// raised when a call finds the call stack full.
func isStackOverflow(err error) bool {
	s, ok := errorObject(err).(lua.LString)
	return ok && strings.HasSuffix(string(s), " stack overflow")
}

// refuse ends the run with le: it cancels the run, so that pcall cannot
// carry on past it, and raises le's message at the caller's position.
func (in *interp) refuse(L *lua.LState, le *host.LimitError) {
	in.cancel(le)
	L.RaiseError("%s", le.Msg)
}

// refusePolicy ends the run with a policy refusal, as refuse ends it with
// a limit: pcall may catch the error raised here, but the script stops at
// its next step, and the run reports the refusal.
func (in *interp) refusePolicy(L *lua.LState, pe *host.PolicyError) {
	in.refusalAt = stackPosition(L)
	in.refusal = position(L) + " " + pe.Error()
	in.cancel(pe)
	L.RaiseError("%s", pe.Error())
}

// alloc ends the run when what, which would build made (such as "a
// string") of n bytes at once, would take what the script holds past
// MaxMemory.
func (in *interp) alloc(L *lua.LState, n uint64, what, made string) {
	in.running = L
	if le := in.lim.CheckAlloc(n, what, made); le != nil {
		in.refuse(L, le)
	}
}
