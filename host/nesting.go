package host

import "fmt"

// MaxNesting bounds the nesting depth of everything vertscript walks
// recursively on a script's behalf: values printed, measured, compared or
// converted for the core (a list inside a list, MaxNesting levels down), XML
// documents read, and the source a script compiles (brackets, blocks,
// expressions). Go's stacks are bounded (1 GB) and their overflow is fatal,
// past any recover: a recursion a script can drive must stop at a bound of
// its own, with an error. Python's default recursion limit is the same.
const MaxNesting = 1000

// NestingError is the error of what, refused because it nests more than
// MaxNesting levels deep: "str: a value nested more than 1000 levels deep".
func NestingError(what, thing string) *LimitError {
	return &LimitError{Limit: "max-nesting", Msg: fmt.Sprintf("%s: %s nested more than %d levels deep", what, thing, MaxNesting)}
}

// MaxStack returns the Go stack size (for runtime/debug.SetMaxStack) under
// which no value a script can build within maxMemory bytes overflows a
// goroutine's stack. One recursion is left unbounded inside go.starlark.net:
// hashing a tuple nested in a tuple (x = (x,) in a loop, then {x: 1}) takes
// about 200 bytes of stack a level, each level at least 48 bytes of heap, so
// a tuple that fits in maxMemory needs at most about 4 times maxMemory of
// stack. With the stack allowed 6 times maxMemory (and never less than Go's
// 1 GB default), such a script ends with the max-memory error, after its
// stack has briefly held that much, rather than with a fatal stack overflow.
// The stack limit is the process's: a program that embeds vertscript sets
// it once, for the largest MaxMemory it uses.
func MaxStack(maxMemory uint64) int {
	const floor = 1 << 30
	if maxMemory == 0 || maxMemory > (1<<62)/6 {
		return 1 << 62
	}
	return max(floor, int(6*maxMemory))
}
