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
// (wrong arguments, script bugs) are plain strings.
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
package lua
