package host

import (
	"fmt"
	"strconv"
)

// ArgError is a script's mistake in calling an operation: wrong count, type
// or name of arguments, or a value the operation cannot take. It is not a
// libvirt error, so libvirt.catch and pcall handlers for libvirt errors do
// not swallow it by accident.
//
// Its fields say what went wrong without naming types in any language:
// each adapter words it with its own names (Worded), and Error words it in
// Python's, the core's.
type ArgError struct {
	Op      string     // the qualified operation, "virConnect.lookupByID"
	Problem ArgProblem // what kind of mistake
	// Where locates the value at fault, in words that name no type:
	// "for parameter id", `for key "seconds" in time`; for ArgReturned,
	// the callback that returned it ("skipHandler").
	Where string
	// Item is 1 + the index of the list item at fault inside Where, 0
	// when the value is Where itself. Adapters number items as their
	// language does (Python from 0, Lua from 1).
	Item    int
	Got     Kind   // ArgType, ArgReturned, ArgReceiver: the kind passed
	GotName string // its type's name, for KindObject and KindOther
	Want    Want   // ArgType, ArgReturned, ArgReceiver: what was wanted
	Count   int    // ArgCount: the arguments given
	Max     int    // ArgCount: the most the operation takes
	Name    string // ArgMissing, ArgKeyword, ArgDuplicate: the parameter or keyword
	Msg     string // ArgInvalid: the mistake, in words that name no type
}

// ArgProblem is the kind of an argument mistake.
type ArgProblem int

// The argument mistakes.
const (
	ArgInvalid   ArgProblem = iota // a value the operation cannot take (Msg)
	ArgType                        // a value of the wrong kind
	ArgReturned                    // a callback returned a value of the wrong kind
	ArgReceiver                    // a method called on a value of another class
	ArgCount                       // too many arguments
	ArgMissing                     // a required argument missing
	ArgKeyword                     // an unknown keyword argument
	ArgDuplicate                   // a parameter given twice
)

// Error is the message in the core's (Python's) words.
func (e *ArgError) Error() string { return e.Worded(PythonWords) }

// Worded is the message, the operation first, with words's names of
// types and its numbering of list items.
func (e *ArgError) Worded(words TypeWords) string {
	return e.Op + ": " + e.Message(words)
}

// Message is the message without the operation.
func (e *ArgError) Message(words TypeWords) string {
	got := words.Got(e.Got, e.GotName)
	switch e.Problem {
	case ArgType:
		where := e.Where
		if e.Item > 0 {
			where += ": item " + strconv.Itoa(e.Item-1+words.FirstIndex())
		}
		return fmt.Sprintf("%s: got %s, want %s", where, got, e.Want.Word(words))
	case ArgReturned:
		return fmt.Sprintf("%s returned %s, want %s", e.Where, got, e.Want.Word(words))
	case ArgReceiver:
		return fmt.Sprintf("called on %s, want a %s", got, e.Want.Word(words))
	case ArgCount:
		return fmt.Sprintf("got %d arguments, want at most %d", e.Count, e.Max)
	case ArgMissing:
		return "missing argument for " + e.Name
	case ArgKeyword:
		return fmt.Sprintf("unexpected keyword argument %q", e.Name)
	case ArgDuplicate:
		return "got multiple values for parameter " + e.Name
	}
	if e.Where == "" {
		return e.Msg
	}
	return e.Where + ": " + e.Msg
}

// argErrorf is an ArgInvalid error of op: a mistake that names no type.
func argErrorf(op, format string, args ...any) error {
	return &ArgError{Op: op, Problem: ArgInvalid, Msg: fmt.Sprintf(format, args...)}
}

// invalidArg is an ArgInvalid error of op about the value where names.
func invalidArg(op, where, format string, args ...any) error {
	return &ArgError{Op: op, Problem: ArgInvalid, Where: where, Msg: fmt.Sprintf(format, args...)}
}

// wrongType is the error of op given v, where wants want: where is
// "for parameter x" or such.
func wrongType(op, where string, v Value, want Want) error {
	k, name := KindOf(v)
	return &ArgError{Op: op, Problem: ArgType, Where: where, Got: k, GotName: name, Want: want}
}

// wrongItem is wrongType for the i-th (0-based) item of the list where
// names.
func wrongItem(op, where string, i int, v Value, want Want) error {
	k, name := KindOf(v)
	return &ArgError{Op: op, Problem: ArgType, Where: where, Item: i + 1, Got: k, GotName: name, Want: want}
}

// wrongReturn is the error of op when the callback named by returned v,
// where it wants want.
func wrongReturn(op, callback string, v Value, want Want) error {
	k, name := KindOf(v)
	return &ArgError{Op: op, Problem: ArgReturned, Where: callback, Got: k, GotName: name, Want: want}
}

// forParam is the Where of a parameter.
func forParam(name string) string { return "for parameter " + name }
