package lua

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
)

// repl runs Lua chunks one at a time on one state, as lua5.1's
// interactive mode does: "= expr" prints the expression's values, and, as
// in Lua 5.3 and later, so does a line that is an expression. A chunk that
// ends too early (an unclosed block or string: "<eof>") reads more lines.
type repl struct {
	in *interp
	L  *lua.LState
}

// NewREPL implements host.Interactive.
func (Language) NewREPL(s *host.Session, script host.Script) (host.REPL, error) {
	script = script.WithWriters()
	in, L, err := newInterp(s, script)
	if err != nil {
		return nil, err
	}
	return &repl{in: in, L: L}, nil
}

// Read implements host.REPL: the chunk compiled, as "return CHUNK" when
// it is an expression.
func (r *repl) Read(next func() (string, error)) (host.Statement, error) {
	in, L := r.in, r.L
	var chunk string
	for {
		line, err := next()
		if err == io.EOF && chunk == "" {
			return nil, io.EOF
		}
		if err != nil {
			return nil, err
		}
		if chunk == "" {
			if rest, ok := strings.CutPrefix(line, "="); ok {
				line = "return " + rest
			}
			chunk = line
		} else {
			chunk += "\n" + line
		}
		if fn, err := in.compile(L, strings.NewReader("return "+chunk), in.script.Path); err == nil {
			return fn, nil // an expression: its values are printed
		}
		fn, err := in.compile(L, strings.NewReader(chunk), in.script.Path)
		if err == nil {
			return fn, nil
		}
		if le, ok := err.(*host.LimitError); ok {
			return nil, &host.ScriptError{Msg: in.script.Path + ": " + le.Msg, Pos: host.Position{File: in.script.Path}, Err: le}
		}
		msg, pos := syntaxMessage(err, in.script.Path, chunk)
		if strings.HasSuffix(msg, "<eof>") {
			continue // incomplete: read on
		}
		return nil, &host.ScriptError{Msg: msg, Pos: pos, Err: err}
	}
}

// Exec implements host.REPL.
func (r *repl) Exec(ctx context.Context, st host.Statement) error {
	in, L := r.in, r.L
	fn := st.(*lua.LFunction)
	lineCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	in.cancel = cancel
	in.caught, in.trace, in.refusal, in.refusalAt, in.errAt = false, "", "", host.Position{}, host.Position{}
	L.SetContext(in.hook(L, lineCtx))
	defer L.RemoveContext()
	top := L.GetTop()
	L.Push(fn)
	err := protectedCall(L, lua.MultRet, L.NewFunction(in.handler))
	if err == nil {
		n := L.GetTop() - top
		vals := make([]string, n)
		for i := range n {
			vals[i] = L.ToStringMeta(L.Get(top + 1 + i)).String()
		}
		L.SetTop(top)
		if n > 0 {
			fmt.Fprintln(in.script.Stdout, strings.Join(vals, "\t"))
		}
		return nil
	}
	L.SetTop(top)
	return in.failed(ctx, lineCtx, L, err)
}

// Names implements host.REPL: the globals.
func (r *repl) Names() []string {
	var names []string
	r.L.G.Global.ForEach(func(k, _ lua.LValue) {
		if s, ok := k.(lua.LString); ok {
			names = append(names, string(s))
		}
	})
	sort.Strings(names)
	return names
}

// Object implements host.REPL.
func (r *repl) Object(name string) *host.Object {
	if ud, ok := r.L.GetGlobal(name).(*lua.LUserData); ok {
		if o, ok := ud.Value.(*host.Object); ok {
			return o
		}
	}
	for o, ud := range r.in.objects {
		if ud == r.L.GetGlobal(name) {
			return o
		}
	}
	return nil
}

// Close implements host.REPL.
func (r *repl) Close() { r.L.Close() }
