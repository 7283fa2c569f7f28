// Package lua runs Lua scripts (Lua 5.1, through gopher-lua) on a host
// session: it exposes the core's operation table as the global table libvirt
// and libvirt's objects as userdata with one metatable per class, and holds no
// libvirt knowledge of its own.
//
// Scripts see:
//
//	libvirt            the module: open, openReadOnly, getVersion and every VIR_* constant
//	conn:method(...)   the methods of each class, called with ':'
//	arg                the script path (arg[0]) and its arguments (arg[1], ...)
//	read_file(path)    a file's content as a string
//	require(name)      runs name.lua from the script's own directory, once
//	print(...)         writes its arguments to stdout, separated by tabs
//	xml                fromstring(text) and tostring(el): ElementTree's reader of
//	                   XML, with immutable Element userdata (see openXML)
//
// Lists come back as 1-based tables, dictionaries as tables with string keys.
// Results keep libvirt-python's types: dom:isActive() returns 0 or 1, and 0 is
// true in Lua, so compare with == 1. Lua numbers are float64: integers above
// 2^53 lose precision.
//
// A libvirt error raised by a method is a libvirtError value: uncaught, it ends
// the script with libvirt's message; pcall returns it, with the methods
// get_error_code(), get_error_domain(), get_error_level() and
// get_error_message(), and tostring(err) is libvirt's message. Other errors
// (wrong arguments, script bugs) are plain strings. pcall, xpcall and the
// callbacks libvirt makes run a Lua function on a thread of its own, so that a
// caught error does not detach the upvalues the rest of the script shares (see
// protectedCall).
//
// Arguments are positional (Lua has no keyword arguments); nil stands for
// None, and optional arguments may be left out.
//
// The standard library is sandboxed: base without dofile, loadfile, module and
// gopher-lua's extras, whose load (of a function or a string) and loadstring
// refuse precompiled chunks, and whose collectgarbage does nothing; string
// without dump; table; math; coroutine; os with only time, clock and date.
// There is no io, debug, package or channel library. Reading a removed name
// (io, os.execute, string.dump, ...) is an error that says it is not
// available, rather than a nil.
//
// # Limits
//
// A run obeys its session's host.Limits (a zero field is no limit):
//
//   - Timeout and cancellation: gopher-lua looks at the run's context
//     before every instruction. It has no step counter: MaxSteps does not
//     apply to Lua.
//   - MaxDepth: the call stack holds MaxDepth frames (10,000 with no
//     limit: gopher-lua needs a size, and the traceback of an overflow
//     takes time in its square), and the data stack grows with it. Tail
//     calls are compiled as plain calls, so they count too: gopher-lua's
//     proper tail calls made a tail-recursive loop run until its timeout,
//     and its traceback then held one line per tail call (seconds and
//     gigabytes). A script that passes the limit ends with
//     "t.lua:1: max-depth: calls nested deeper than 1000";
//     like Lua's "stack overflow", pcall can catch it, and an overflow
//     inside a coroutine ends the script with gopher-lua's "stack
//     overflow".
//   - MaxMemory: every 1024 instructions (gopher-lua asks the state's
//     context before each one; see hookedContext), when the Go heap has
//     grown enough since the last walk (see host.Memory), the run walks
//     the values it holds (see held.go: globals, registry, every state's
//     frames, upvalues, shared values once) and stops with "max-memory:
//     the script holds N MiB of values, more than its M MiB" past it;
//     host.Session.Run also cancels a run that is the process's only one
//     when the process's memory (the Go heap, or the resident memory it
//     adds) passes it. In addition, the library functions that build much
//     at once check what they would build first, and refuse what would
//     take what the script holds past the limit: string.rep, string.format (Go's fmt takes widths up
//     to a million, and "%[1]s" repeats an argument), string.gsub and
//     string.gmatch (which store every match before using any),
//     table.concat (which builds in one buffer, without gopher-lua's
//     registry overflow past a few thousand elements), print, and chains
//     of three or more concatenations (a .. b .. c, one operation in
//     gopher-lua: see compile). A refusal ends the run even under pcall:
//     "t.lua:1: max-memory: string.rep would build a string of 9536 MiB,
//     more than the 64 MiB allowed".
//   - Arguments passed to libvirt are converted up to maxConverted values:
//     a table that holds itself, or shares its elements into an
//     exponential tree, is refused by its type.
//
// What remains possible: Go cannot cap a goroutine's memory. The guards
// bound what one call builds, and the walk (and, for a run alone in its
// process, the poller) what many do, but between two looks (1024
// instructions and 10 ms) a script can still allocate: a string that
// doubles with s .. s passes the limit by up to its own size before it
// is stopped. A loop of pure Lua that calls nothing is checked all the
// same, every 1024 instructions; a single Go function (table.sort of a
// huge table, a library call) is not interrupted by the walk, only
// checked after it returns. A Go function runs to its end deaf to the
// timeout: a pattern that backtracks exponentially (string.find with
// many .-), table.sort of a long table without a comparator, and the
// guards' own counting of matches are bounded by the data in memory, not
// by the limits (the first not even by that).
package lua
