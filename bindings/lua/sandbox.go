package lua

import (
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
)

// openLibs opens the sandboxed standard library: base, table, string, math,
// coroutine and a safe subset of os. There is no io, debug, package or
// channel library.
func (in *interp) openLibs(L *lua.LState) {
	for _, lib := range []struct {
		name string
		open lua.LGFunction
	}{
		{lua.BaseLibName, lua.OpenBase},
		{lua.TabLibName, lua.OpenTable},
		{lua.StringLibName, lua.OpenString},
		{lua.MathLibName, lua.OpenMath},
		{lua.CoroutineLibName, lua.OpenCoroutine},
		{lua.OsLibName, lua.OpenOs},
	} {
		L.Push(L.NewFunction(lib.open))
		L.Push(lua.LString(lib.name))
		L.Call(1, 0)
	}

	// Base: output to the script's stdout, source-only loading, and a
	// require confined to the script's directory.
	L.SetGlobal("print", L.NewFunction(in.print))
	L.SetGlobal("load", L.NewFunction(in.load))
	L.SetGlobal("loadstring", L.NewFunction(in.loadString))
	L.SetGlobal("collectgarbage", L.NewFunction(collectGarbage))
	L.SetGlobal("require", L.NewFunction(in.require))
	L.SetGlobal("read_file", L.NewFunction(in.readFile))
	L.SetGlobal("pcall", L.NewFunction(in.pcall))
	L.SetGlobal("xpcall", L.NewFunction(in.xpcall))

	// os: only the clock and the calendar, on the session's clock
	// (timefmt.go). The full table is replaced
	// everywhere it was registered.
	full := L.GetGlobal(lua.OsLibName).(*lua.LTable)
	safe := L.NewTable()
	for _, name := range []string{"clock", "date", "time"} {
		safe.RawSetString(name, full.RawGetString(name))
	}
	in.openTime(L, safe)
	L.SetGlobal(lua.OsLibName, safe)
	if loaded, ok := L.GetField(L.Get(lua.RegistryIndex), "_LOADED").(*lua.LTable); ok {
		loaded.RawSetString(lua.OsLibName, safe)
	}

	in.guardAllocations(L)
	in.hookCoroutines(L)

	// debug.traceback, for the top-level error handler only.
	L.Push(L.NewFunction(lua.OpenDebug))
	L.Push(lua.LString(lua.DebugLibName))
	L.Call(1, 1)
	in.traceback = L.Get(-1).(*lua.LTable).RawGetString("traceback").(*lua.LFunction).GFunction
	L.Pop(1)
	if loaded, ok := L.GetField(L.Get(lua.RegistryIndex), "_LOADED").(*lua.LTable); ok {
		loaded.RawSetString(lua.DebugLibName, lua.LNil)
	}

	// Everything else that reaches files, processes or the interpreter's
	// internals goes; reading it raises an error that says so.
	for table, names := range removed {
		t := L.Get(lua.GlobalsIndex).(*lua.LTable)
		prefix := ""
		if table != "" {
			t, prefix = L.GetGlobal(table).(*lua.LTable), table+"."
		}
		for name := range names {
			t.RawSetString(name, lua.LNil)
		}
		refuse(L, t, prefix, names)
	}
}

// removed lists what the sandbox takes out of the standard library, by
// table ("" for the globals), each with a hint for the error that reading
// it raises.
var removed = map[string]map[string]string{
	"": {
		"io":         "read_file(path) reads a file",
		"debug":      "",
		"package":    "require(name) loads name.lua from the script's directory",
		"dofile":     "require(name) loads name.lua from the script's directory",
		"loadfile":   "require(name) loads name.lua from the script's directory",
		"module":     "",
		"channel":    "",
		"newproxy":   "",
		"_printregs": "",
	},
	lua.OsLibName: {
		"execute": "", "exit": "", "getenv": "", "setenv": "", "remove": "", "rename": "",
		"tmpname": "", "setlocale": "", "difftime": "",
	},
	lua.StringLibName: {"dump": ""},
}

// refuse makes reading one of names from t (whose name, with a dot, is
// prefix) raise an error saying that the sandbox removed it. Other missing
// keys still read as nil.
func refuse(L *lua.LState, t *lua.LTable, prefix string, names map[string]string) {
	mt := L.NewTable()
	mt.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		if k, ok := L.Get(2).(lua.LString); ok {
			if hint, ok := names[string(k)]; ok {
				if hint != "" {
					hint = " (" + hint + ")"
				}
				L.RaiseError("%s%s is not available in vertscript's sandbox%s", prefix, k, hint)
			}
		}
		L.Push(lua.LNil)
		return 1
	}))
	L.SetMetatable(t, mt)
}

// print writes its arguments to the script's stdout, converted by
// tostring and separated by tabs, as Lua's print does. The line is checked
// against the memory limit before it is built: print(unpack(t)) of a
// table holding one long string many times is a long line.
func (in *interp) print(L *lua.LState) int {
	n := L.GetTop()
	parts := make([]string, n)
	size := uint64(n)
	for i := range parts {
		parts[i] = L.ToStringMeta(L.Get(i + 1)).String()
		size = host.SatAdd(size, uint64(len(parts[i])))
	}
	in.alloc(L, size, "print", "a line")
	_, _ = io.WriteString(in.script.Stdout, strings.Join(parts, "\t")+"\n")
	return 0
}

// collectGarbage replaces Lua's collectgarbage, which runs Go's collector
// for the whole process in gopher-lua: it does nothing and returns 0.
func collectGarbage(L *lua.LState) int {
	L.Push(lua.LNumber(0))
	return 1
}

// load is load(chunk [, chunkname]): chunk is a function returning the
// source piece by piece (Lua 5.1), or the source itself (Lua 5.2).
func (in *interp) load(L *lua.LState) int {
	name := L.OptString(2, "=(load)")
	switch chunk := L.Get(1).(type) {
	case lua.LString:
		return in.loadSource(L, string(chunk), name)
	case *lua.LFunction:
		var b strings.Builder
		for {
			// A Go function (os.clock) returns pieces for ever
			// without running Lua code, which alone stops for a
			// cancelled run.
			if ctx := L.Context(); ctx != nil && ctx.Err() != nil {
				L.RaiseError("%s", ctx.Err())
			}
			L.Push(chunk)
			L.Call(0, 1)
			piece := L.Get(-1)
			L.Pop(1)
			switch piece := piece.(type) {
			case *lua.LNilType:
				return in.loadSource(L, b.String(), name)
			case lua.LString:
				if piece == "" {
					return in.loadSource(L, b.String(), name)
				}
				b.WriteString(string(piece))
			case lua.LNumber:
				b.WriteString(piece.String())
			default:
				L.Push(lua.LNil)
				L.Push(lua.LString("reader function must return a string"))
				return 2
			}
		}
	}
	L.ArgError(1, "function or string expected, got "+typeName(L.Get(1)))
	return 0
}

// loadString is loadstring(source [, chunkname]).
func (in *interp) loadString(L *lua.LState) int {
	return in.loadSource(L, L.CheckString(1), L.OptString(2, "=(loadstring)"))
}

// loadSource compiles source, pushing the function or nil and the
// message. Precompiled chunks (which begin with ESC) are refused.
func (in *interp) loadSource(L *lua.LState, source, name string) int {
	name = strings.TrimPrefix(name, "=")
	if strings.HasPrefix(source, "\x1b") {
		L.Push(lua.LNil)
		L.Push(lua.LString(name + ": attempt to load a precompiled chunk: only Lua source is allowed"))
		return 2
	}
	fn, err := in.compile(L, strings.NewReader(source), name)
	if le, ok := err.(*host.LimitError); ok {
		in.refuse(L, le)
	}
	if err != nil {
		L.Push(lua.LNil)
		msg, _ := syntaxMessage(err, name, source)
		L.Push(lua.LString(msg))
		return 2
	}
	L.Push(fn)
	return 1
}

// moduleName is what require accepts: a plain file name, without
// directories or dots.
var moduleName = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// loading marks a module whose chunk is running, to detect require loops.
var loading = lua.LString("vertscript: loading")

// require is require(name): it runs name.lua from the script's own
// directory once and returns what the chunk returned (true if nothing), as
// Lua's require does; later calls return the same value.
func (in *interp) require(L *lua.LState) int {
	name := L.CheckString(1)
	if !moduleName.MatchString(name) {
		L.RaiseError("require: bad module name %q: want a plain name (letters, digits, _ and -) of a .lua file in the script's directory", name)
	}
	if v, ok := in.modules[name]; ok {
		if v == loading {
			L.RaiseError("require: loop while loading module '%s'", name)
		}
		L.Push(v)
		return 1
	}
	path := filepath.Join(in.dir, name+".lua")
	src, err := in.s.ReadAs("require", path)
	var refused *host.PolicyError
	switch {
	case errors.As(err, &refused):
		in.refusePolicy(L, refused)
	case errors.Is(err, fs.ErrNotExist):
		L.RaiseError("require: module '%s' not found: no file %s", name, path)
	case err != nil:
		L.RaiseError("require: %v", err)
	}
	fn, err := in.compile(L, strings.NewReader(string(src)), path)
	if le, ok := err.(*host.LimitError); ok {
		in.refuse(L, le)
	}
	if err != nil {
		msg, _ := syntaxMessage(err, path, string(src))
		L.RaiseError("require: %s", msg)
	}
	in.modules[name] = loading
	defer func() {
		if in.modules[name] == loading { // the chunk failed
			delete(in.modules, name)
		}
	}()
	L.Push(fn)
	L.Push(lua.LString(name))
	L.Call(1, 1)
	v := L.Get(-1)
	L.Pop(1)
	if v == lua.LNil {
		v = lua.LTrue
	}
	in.modules[name] = v
	L.Push(v)
	return 1
}

// readFile is read_file(path): the file's content as a string.
func (in *interp) readFile(L *lua.LState) int {
	path := L.CheckString(1)
	if L.GetTop() > 1 {
		L.RaiseError("read_file: got %d arguments, want 1", L.GetTop())
	}
	content, err := in.s.ReadFile(path)
	var refused *host.PolicyError
	if errors.As(err, &refused) {
		in.refusePolicy(L, refused) // ends the run, as every refusal does
	}
	if err != nil {
		raise(L, err)
	}
	L.Push(lua.LString(content))
	return 1
}

// lines returns the line number at the end of src, as Lua's lexer counts
// it: one more than the newlines.
func lines(src string) int { return strings.Count(src, "\n") + 1 }
