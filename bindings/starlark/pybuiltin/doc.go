// Package pybuiltin is Python's values and builtins for the Starlark
// adapter: how values print (Repr, Str, and the % and str.format
// formatters), the builtins a Python script calls (Builtins, Idioms,
// Extras), and the hooks through which the Python dialect's lowered syntax
// gives Starlark's values Python's meaning (Equal, Compare, Iterable,
// Attr).
//
// Starlark scripts (.star) use the formatters in the Starlark style, in
// which values print as Starlark prints them, floats aside: a float prints
// as Python's repr does (85203360000.0, not 8.520336e+10).
//
// Work proportional to the input is charged to the run's budget
// (budget.Of(thread)) before it is done; nesting is bounded by
// host.MaxNesting. Errors where Python raises one are *pyerr.Error of
// Python's class (ValueError, TypeError, KeyError, IndexError,
// ZeroDivisionError), so that a script's "except ValueError:" takes them.
package pybuiltin
