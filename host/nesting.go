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
