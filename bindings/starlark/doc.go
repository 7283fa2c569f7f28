// Package starlark runs Starlark scripts on a host session: it exposes the
// core's operation table as the predeclared module libvirt and libvirt's
// objects as Starlark values, and holds no libvirt knowledge of its own.
//
// Scripts see:
//
//	libvirt            the module: open, openReadOnly, getVersion, every VIR_*
//	                   constant, and catch(fn, *args, **kwargs) -> (result, error)
//	argv               the script path and its arguments, a list of strings
//	read_file(path)    a file's content as a string
//	print(*args, sep=" ", end="\n", file=sys.stdout, flush=False)
//	                   writes to stdout, or to stderr (file=sys.stderr)
//	xml, ET            ElementTree's reader of XML: fromstring, tostring and
//	                   immutable Elements (see elementTree); ET and
//	                   xml.etree.ElementTree are the names Python imports
//	sys                argv, stdout and stderr (write, flush), exit
//	exit(code=None)    ends the script with that status, as Python's; Run
//	                   returns a *host.ExitError for a status other than 0
//
// Python-style top-level code is accepted: for, if and while at top level,
// global reassignment, recursion and sets.
//
// # Limits
//
// A run obeys its session's host.Limits (a zero field is no limit):
//
//   - MaxSteps: the interpreter's step counter. Builtins that go through
//     the elements of a sequence (list, sorted, min, max, any, extend, ...)
//     count one step per element, and refuse before they start when that
//     would pass the limit: a builtin, once called, heeds neither the step
//     limit nor a cancellation. So does printing a big integer (str, %d,
//     format), which costs the square of its size.
//   - MaxDepth: every stepChunk steps (every few steps near the limit),
//     OnMaxSteps compares the call stack's depth to the limit, so a
//     runaway recursion stops a few frames past it, at a cost of
//     kilobytes, instead of at Starlark's own 100,000 frames.
//   - MaxMemory: every stepChunk steps, when the Go heap has grown enough
//     since the last walk (see host.Memory), the run walks the values it
//     holds (see held.go: the module's globals, every frame's locals and
//     operand stack, closures' cells, the predeclared values, shared
//     values once) and
//     stops with "max-memory: the script holds N MiB of values, more than
//     its M MiB" past it; host.Session.Run also cancels a run that is the
//     process's only one when the process's memory (the Go heap, or the
//     resident memory it adds) passes it. In addition, nothing may build
//     at once a value that would take what the script holds past it. The syntax tree is rewritten (see rewrite) so that
//     repetition (x * n, x *= n), string formatting (x % y), += of a list
//     and the methods join, replace, format, split, rsplit, splitlines,
//     extend, update, union and the other set methods go through guards,
//     and the universe's list, tuple, sorted, reversed, enumerate, zip,
//     dict, set, bytes, str, repr, print and fail are replaced by guarded
//     forms. A guard measures what the operation would build (a repr
//     measures each shared container once) and refuses it with a
//     *host.LimitError "max-memory: ... would build ..." before it is
//     made. Arithmetic that the file shows to be on numbers is not
//     rewritten, and costs nothing more.
//   - Arguments passed to libvirt are converted up to maxConverted values:
//     a list that holds itself, or a small list that shares its elements
//     into an exponential tree, is refused by its type.
//
// A limit ends the script with its *host.LimitError (errors.As from the
// *host.ScriptError) and a message that names it, at the position where the
// script stopped: "t.star:3:9: max-steps: the script ran more than 1000
// steps". libvirt.catch does not catch it.
//
// What remains possible: Go cannot cap a goroutine's memory. The guards
// bound what one operation builds, and the walk (and, for a run alone in
// its process, the poller) what many do, but between two looks (10 ms) a
// script can still allocate,
// each operation at most about what the limit leaves: a string or list
// that doubles each step passes the limit by up to its own size before it
// is stopped. Operations that only copy what exists (x + y of two lists,
// a dict's items()) are not guarded, so each can take the heap to about
// twice the limit. Builtins and
// guards of no concern to memory can still run long in one step:
// arithmetic on huge integers (only printing them counts), sorting a long
// list with no key, and the guards' own measuring (a pass over the
// elements) are bounded by the data in memory, not by the limits.
package starlark
