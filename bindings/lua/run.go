package lua

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/parse"

	"github.com/vertscript/vertscript/host"
)

// Language runs Lua scripts; it implements host.Language.
type Language struct{}

var _ host.Language = Language{}

// New returns the Lua language.
func New() Language { return Language{} }

// Name implements host.Language.
func (Language) Name() string { return "lua" }

// Extensions implements host.Language.
func (Language) Extensions() []string { return []string{".lua"} }

// Builtins implements host.Language.
func (Language) Builtins() string { return builtinsDoc }

// builtinsDoc lists the globals besides the libvirt module's operations and
// constants.
const builtinsDoc = `arg
    arg[0] is the script path, arg[1]... its arguments.
read_file(path)
    Reads a file inside the readable directories (--allow-read).
require(name)
    Runs name.lua from the script's own directory, once.
xml.fromstring(text), xml.tostring(el [, encoding])
    ElementTree's reader: el.tag, el.text, el.attrib; el:find, el:findall, el:findtext, el:get, el:iter, el:children.
pcall(fn, ...)
    Catches a libvirt error as a value with get_error_code(), get_error_message(), ...
json.encode(v [, indent]), json.decode(s)
    JSON with Starlark's rules: tables with keys 1..n (or empty) are arrays, string keys objects; null decodes to nil.
os.time([t]), os.date([format [, t]]), os.clock(), sleep(secs)
    On the session's clock: C's strftime formats ("!" for UTC, "*t" for a table); os.clock is the run's elapsed time.
string, table, math, coroutine
    Lua 5.1's standard library, sandboxed: no io, os.execute, os.exit, os.getenv, debug, package, dofile, loadfile.`

// interp is the state of one run, shared by the Go functions scripts call.
// A function gets the LState it runs on as its argument (a coroutine runs
// on its own), never from here.
type interp struct {
	s       *host.Session
	lim     host.Limits
	mem     *host.Memory // the run's memory account (see held.go)
	ticks   int          // instructions until the next look at it
	running *lua.LState  // the state that last looked, or made a checked allocation
	script  host.Script
	dir     string                          // the script's directory, where require looks
	objects map[*host.Object]*lua.LUserData // each object's userdata
	pruneAt int                             // the size of objects at which dead entries go
	modules map[string]lua.LValue           // what require returned, by module name

	cancel    context.CancelCauseFunc // ends the run, with a *host.LimitError
	traceback lua.LGFunction          // gopher-lua's debug.traceback
	caught    bool                    // the top-level error handler ran
	refusal   string                  // a policy refusal that ended the run, "file:line: message"
	refusalAt host.Position           // and where
	errAt     host.Position           // where the error the handler saw was raised
	trace     string                  // the traceback it took
	// calling is the state (the main one, or a coroutine's) that made
	// the operation call in progress: the core calls script functions
	// back on it, whichever state the function came from.
	calling *lua.LState
	// lastStr is the string an operation returned last, and str its Lua
	// value (see result).
	lastStr string
	str     lua.LValue

	// Protected calls run on threads of their own (see protectedCall):
	// main makes them, idle keeps a few for reuse, cancels releases
	// their contexts, nested counts those in progress.
	main    *lua.LState
	idle    []*lua.LState
	cancels map[*lua.LState]context.CancelFunc
	nested  int
	asIs    *lua.LFunction // an error handler that returns the error as it is
}

// Run implements host.Language: it runs script on s until the script ends or
// ctx is done, under s's limits.
func (Language) Run(ctx context.Context, s *host.Session, script host.Script) error {
	script = script.WithWriters()
	in, L, err := newInterp(s, script)
	if err != nil {
		return err
	}
	defer L.Close()
	// The run's own context: a guard cancels it with the limit it
	// enforces, and cancelling it at the end releases the contexts of
	// coroutines left suspended.
	runCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	in.cancel = cancel

	fn, err := in.compile(L, bytes.NewReader(script.Src), script.Path)
	if le, ok := err.(*host.LimitError); ok {
		return &host.ScriptError{Msg: script.Path + ": " + le.Msg, Pos: host.Position{File: script.Path}, Err: le}
	}
	if err != nil {
		msg, pos := syntaxMessage(err, script.Path, string(script.Src))
		return &host.ScriptError{Msg: msg, Pos: pos, Err: err}
	}
	L.SetContext(in.hook(L, runCtx))
	L.Push(fn)
	err = protectedCall(L, 0, L.NewFunction(in.handler))
	if err == nil {
		return nil
	}
	return in.failed(ctx, runCtx, L, err)
}

// failed is the *host.ScriptError of err, how a chunk whose context is
// runCtx ended, with the traceback and position the handler took.
func (in *interp) failed(ctx, runCtx context.Context, L *lua.LState, err error) *host.ScriptError {
	if api := (*lua.ApiError)(nil); errors.As(err, &api) && in.caught {
		api.StackTrace = in.trace
	}
	se := in.scriptError(ctx, runCtx, L, err)
	if !se.Pos.IsValid() {
		se.Pos = in.errAt
	}
	return se
}

// newInterp returns the interpreter of a run of script on s, its globals
// set: the libraries of the sandbox, the classes, the libvirt module,
// xml, json, the session's connection and Go modules, arg.
func newInterp(s *host.Session, script host.Script) (*interp, *lua.LState, error) {
	mem := s.Memory()
	in := &interp{
		s:       s,
		mem:     mem,
		lim:     s.Limits(),
		script:  script,
		dir:     filepath.Dir(script.Path),
		objects: map[*host.Object]*lua.LUserData{},
		pruneAt: minPrune,
		modules: map[string]lua.LValue{},
	}
	L := lua.NewState(stateOptions(in.lim))
	in.main, in.cancels = L, map[*lua.LState]context.CancelFunc{}
	mem.SetMeasure(in.measure)
	in.cancel = func(error) {}

	in.openLibs(L)
	openErrorClass(L)
	in.openClasses(L)
	in.openModule(L)
	in.openXML(L)
	in.openJSON(L)
	if c := s.Conn(); c != nil {
		L.SetGlobal("conn", in.fromHost(L, c))
	}
	argt := L.CreateTable(len(script.Args), 1)
	for i, a := range script.Args {
		argt.RawSetInt(i, lua.LString(a))
	}
	L.SetGlobal("arg", argt)
	// Last, so that a module cannot take the name of a global set
	// before it (arg, conn).
	if err := in.openGoModules(L); err != nil {
		L.Close()
		return nil, nil, &host.ScriptError{Msg: err.Error(), Err: err}
	}
	return in, L, nil
}

// scriptError is the *host.ScriptError of err, the error that ended a run
// whose context is runCtx, within the caller's ctx.
func (in *interp) scriptError(ctx, runCtx context.Context, L *lua.LState, err error) *host.ScriptError {
	if le, ok := context.Cause(runCtx).(*host.LimitError); ok {
		return limitError(err, le)
	}
	if pe, ok := context.Cause(runCtx).(*host.PolicyError); ok {
		if errorObjectString(err) != in.refusal {
			// The script caught the refusal with pcall: the run
			// ended at its next step, but the refusal is what the
			// operator must see.
			return &host.ScriptError{Msg: in.refusal, Pos: in.refusalAt, Err: pe}
		}
		se := runError(err)
		se.Pos, se.Err = in.refusalAt, pe
		return se
	}
	if ctx.Err() != nil {
		cause := context.Cause(ctx)
		return &host.ScriptError{Msg: cancelMessage(err, cause), Err: cause}
	}
	if !in.caught && isStackOverflow(err) {
		// The handler found no room on the call stack: the script
		// passed the depth limit (or gopher-lua's own, with no limit).
		return limitError(err, host.DepthError(L.Options.CallStackSize))
	}
	return runError(err)
}

// protectedCall calls the function on top of L's stack with handler as
// its error handler, keeping nret results (lua.MultRet: all). gopher-lua pushes the handler outside its own
// protection: when the error is a full data stack ("registry overflow"),
// that push raises again, and the error escapes PCall as a panic.
func protectedCall(L *lua.LState, nret int, handler *lua.LFunction) (err error) {
	defer func() {
		if r := recover(); r != nil {
			api, ok := r.(*lua.ApiError)
			if !ok {
				panic(r)
			}
			err = api
		}
	}()
	return L.PCall(0, nret, handler)
}

// handler is the top-level error handler: it takes the traceback of the
// error, as gopher-lua would have, and returns the error unchanged. That
// it ran tells apart an overflow of the call stack, where no handler can
// run, from an error that says "stack overflow".
func (in *interp) handler(L *lua.LState) int {
	in.caught = true
	in.errAt = stackPosition(L)
	v := L.Get(1)
	// debug.traceback("", 1): the stack below this handler.
	L.SetTop(0)
	L.Push(lua.LString(""))
	L.Push(lua.LNumber(1))
	in.traceback(L)
	in.trace = lua.LVAsString(L.Get(-1))
	L.SetTop(0)
	L.Push(v)
	return 1
}

// limitError is the error of a run that le ended, err being how the
// script stopped: le's message at the position where the run stopped,
// with the traceback when a guard or the depth limit stopped it (a
// cancelled run has none).
func limitError(err error, le *host.LimitError) *host.ScriptError {
	obj := errorObjectString(err)
	var msg string
	switch {
	case strings.Contains(obj, le.Msg): // raised by a guard
		msg = obj
	case strings.HasSuffix(obj, " stack overflow"):
		msg = strings.TrimSuffix(obj, "stack overflow") + le.Msg
	default:
		return &host.ScriptError{Msg: cancelMessage(err, le), Err: le}
	}
	if api := (*lua.ApiError)(nil); errors.As(err, &api) && api.StackTrace != "" {
		msg += "\n" + traceback(api.StackTrace)
	}
	return &host.ScriptError{Msg: msg, Err: le}
}

// errorObject is the Lua value a failed call raised, or nil.
func errorObject(err error) lua.LValue {
	var api *lua.ApiError
	if errors.As(err, &api) {
		return api.Object
	}
	return nil
}

func errorObjectString(err error) string {
	if s, ok := errorObject(err).(lua.LString); ok {
		return string(s)
	}
	return ""
}

// runError turns a runtime error into a *host.ScriptError: "file:line:
// message" and gopher-lua's traceback. An uncaught libvirt error reads as
// the qualified operation and libvirt's message.
func runError(err error) *host.ScriptError {
	var api *lua.ApiError
	if !errors.As(err, &api) {
		return &host.ScriptError{Msg: err.Error(), Err: err}
	}
	var msg string
	var cause error = api
	switch obj := api.Object.(type) {
	case lua.LString:
		msg = string(obj)
	default:
		if x := errorOf(obj); x != nil {
			msg, cause = x.e.Error(), x.e
			if x.where != "" {
				msg = x.where + " " + msg
			}
		} else {
			msg = fmt.Sprintf("(error object is a %s value)", typeName(obj))
		}
	}
	if api.StackTrace != "" {
		msg += "\n" + traceback(api.StackTrace)
	}
	return &host.ScriptError{Msg: msg, Err: cause}
}

// traceback tidies gopher-lua's traceback: the bottom line "[G]: ?" (the
// host's own call of the chunk) says nothing.
func traceback(t string) string {
	return strings.TrimSuffix(t, "\n\t[G]: ?")
}

// cancelMessage is the message of a run that ctx ended, at the position
// where it stopped.
func cancelMessage(err error, cause error) string {
	where := ""
	var api *lua.ApiError
	if errors.As(err, &api) {
		if s, ok := api.Object.(lua.LString); ok {
			// gopher-lua raises "file:line: context canceled".
			if i := strings.Index(string(s), ": "); i >= 0 {
				where = string(s)[:i+2]
			}
		}
	}
	if _, ok := cause.(*host.LimitError); ok {
		return where + cause.Error()
	}
	return where + "Lua script cancelled: " + cause.Error()
}

// syntaxMessage formats a compilation error of chunk name as
// "file:line: message", and returns its position.
func syntaxMessage(err error, name, src string) (string, host.Position) {
	var api *lua.ApiError
	if errors.As(err, &api) && api.Cause != nil {
		err = api.Cause // gopher-lua's ApiError has no Unwrap
	}
	var pe *parse.Error
	var ce *lua.CompileError
	switch {
	case errors.As(err, &pe):
		if pe.Pos.Line == parse.EOF {
			n := lines(src)
			return fmt.Sprintf("%s:%d: %s near <eof>", name, n, pe.Message), host.Position{File: name, Line: n}
		}
		return fmt.Sprintf("%s:%d: %s near '%s'", name, pe.Pos.Line, pe.Message, pe.Token), host.Position{File: name, Line: pe.Pos.Line, Col: pe.Pos.Column}
	case errors.As(err, &ce):
		return fmt.Sprintf("%s:%d: %s", name, ce.Line, ce.Message), host.Position{File: name, Line: ce.Line}
	}
	return fmt.Sprintf("%s: %v", name, err), host.Position{File: name}
}

// position returns "file:line:" of the innermost Lua function running on
// L, or "".
func position(L *lua.LState) string {
	if p := stackPosition(L); p.IsValid() {
		return p.String() + ":"
	}
	return ""
}

// stackPosition is the file and line of the innermost Lua function
// running on L, or the zero Position.
func stackPosition(L *lua.LState) host.Position {
	for level := 0; level < maxLevels; level++ {
		dbg, ok := L.GetStack(level)
		if !ok {
			break
		}
		if _, err := L.GetInfo("Sl", dbg, lua.LNil); err != nil {
			break
		}
		if dbg.CurrentLine > 0 {
			return host.Position{File: dbg.Source, Line: dbg.CurrentLine}
		}
	}
	return host.Position{}
}

// maxLevels bounds position's walk up the call stack.
const maxLevels = 64
