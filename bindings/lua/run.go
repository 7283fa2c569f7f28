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

	"vertscript/host"
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

// interp is the state of one run, shared by the Go functions scripts call.
// A function gets the LState it runs on as its argument (a coroutine runs
// on its own), never from here.
type interp struct {
	s       *host.Session
	script  host.Script
	dir     string                          // the script's directory, where require looks
	objects map[*host.Object]*lua.LUserData // each object's userdata
	pruneAt int                             // the size of objects at which dead entries go
	modules map[string]lua.LValue           // what require returned, by module name
}

// Run implements host.Language: it runs script on s until the script ends or
// ctx is done.
func (Language) Run(ctx context.Context, s *host.Session, script host.Script) error {
	in := &interp{
		s:       s,
		script:  script,
		dir:     filepath.Dir(script.Path),
		objects: map[*host.Object]*lua.LUserData{},
		pruneAt: minPrune,
		modules: map[string]lua.LValue{},
	}
	opts := lua.Options{SkipOpenLibs: true}
	if d := s.Limits().MaxDepth; d > 0 {
		// Deeper calls fail with gopher-lua's "stack overflow".
		opts.CallStackSize = d
	}
	L := lua.NewState(opts)
	defer L.Close()
	// The run's own context: cancelling it at the end releases the
	// contexts of coroutines left suspended.
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()

	in.openLibs(L)
	openErrorClass(L)
	in.openClasses(L)
	in.openModule(L)
	argt := L.CreateTable(len(script.Args), 1)
	for i, a := range script.Args {
		argt.RawSetInt(i, lua.LString(a))
	}
	L.SetGlobal("arg", argt)

	fn, err := L.Load(bytes.NewReader(script.Src), script.Path)
	if err != nil {
		return &host.ScriptError{Msg: syntaxMessage(err, script.Path, string(script.Src)), Err: err}
	}
	L.SetContext(runCtx)
	L.Push(fn)
	err = L.PCall(0, 0, nil)
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		cause := context.Cause(ctx)
		return &host.ScriptError{Msg: cancelMessage(err, cause), Err: cause}
	}
	return runError(err)
}

// runError turns a runtime error into a *host.ScriptError: "file:line:
// message" and gopher-lua's traceback. An uncaught libvirt error reads as
// the qualified operation and libvirt's message.
func runError(err error) error {
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
	return where + "Lua script cancelled: " + cause.Error()
}

// syntaxMessage formats a compilation error of chunk name as
// "file:line: message".
func syntaxMessage(err error, name, src string) string {
	var api *lua.ApiError
	if errors.As(err, &api) && api.Cause != nil {
		err = api.Cause // gopher-lua's ApiError has no Unwrap
	}
	var pe *parse.Error
	var ce *lua.CompileError
	switch {
	case errors.As(err, &pe):
		if pe.Pos.Line == parse.EOF {
			return fmt.Sprintf("%s:%d: %s near <eof>", name, lines(src), pe.Message)
		}
		return fmt.Sprintf("%s:%d: %s near '%s'", name, pe.Pos.Line, pe.Message, pe.Token)
	case errors.As(err, &ce):
		return fmt.Sprintf("%s:%d: %s", name, ce.Line, ce.Message)
	}
	return fmt.Sprintf("%s: %v", name, err)
}

// position returns "file:line:" of the innermost Lua function running on
// L, or "".
func position(L *lua.LState) string {
	for level := 0; level < maxLevels; level++ {
		dbg, ok := L.GetStack(level)
		if !ok {
			break
		}
		if _, err := L.GetInfo("Sl", dbg, lua.LNil); err != nil {
			break
		}
		if dbg.CurrentLine > 0 {
			return fmt.Sprintf("%s:%d:", dbg.Source, dbg.CurrentLine)
		}
	}
	return ""
}

// maxLevels bounds position's walk up the call stack.
const maxLevels = 64
