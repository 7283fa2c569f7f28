package lua

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"vertscript/host"
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

func depthError(max int) *host.LimitError {
	return &host.LimitError{Limit: "max-depth", Msg: fmt.Sprintf("max-depth: calls nested deeper than %d (--max-depth)", max)}
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

// alloc ends the run when what, which would build made (such as "a
// string") of n bytes at once, would take the heap past MaxMemory.
func (in *interp) alloc(L *lua.LState, n uint64, what, made string) {
	if le := checkAlloc(in.lim.MaxMemory, n, what, made); le != nil {
		in.refuse(L, le)
	}
}

// smallAlloc is the size up to which an allocation passes without a look
// at the heap: smaller ones cannot pass the limit at once, and growth made
// of many of them is the heap poller's business.
const smallAlloc = 1 << 20

// maxEstimate saturates size estimates, so that sums cannot overflow.
const maxEstimate = 1 << 62

// checkAlloc refuses an operation, named what, that would build made of n
// bytes, when that would take the heap past max (0: no limit). Before it
// refuses for the memory already in use, it collects garbage once, so that
// only live memory counts.
func checkAlloc(max, n uint64, what, made string) *host.LimitError {
	if max == 0 || n <= smallAlloc {
		return nil
	}
	if n >= maxEstimate {
		return &host.LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s would build %s larger than the %d MiB allowed (--max-memory)", what, made, max>>20)}
	}
	if n > max {
		return &host.LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s would build %s of %d MiB, more than the %d MiB allowed (--max-memory)", what, made, n>>20, max>>20)}
	}
	used := heapBytes()
	if used+n > max {
		runtime.GC()
		used = heapBytes()
	}
	if used+n <= max {
		return nil
	}
	return &host.LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s would build %s of %d MiB, and the script already uses %d MiB of the %d MiB allowed (--max-memory)", what, made, n>>20, used>>20, max>>20)}
}

// heapBytes is the heap's size as the host's poller measures it.
func heapBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

func add(a, b uint64) uint64 {
	if s := a + b; s >= a && s < maxEstimate {
		return s
	}
	return maxEstimate
}

func mul(a, b uint64) uint64 {
	if a == 0 || b == 0 {
		return 0
	}
	if a > maxEstimate/b {
		return maxEstimate
	}
	return a * b
}
