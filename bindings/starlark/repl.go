package starlark

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/guard"
	"github.com/vertscript/vertscript/host"
)

// repl runs Starlark statements one at a time on a session, as
// go.starlark.net/repl does: the globals persist, an expression's value is
// printed unless None. Each statement gets a thread of its own, so that a
// statement cancelled (Ctrl-C, its timeout) leaves the next one free to
// run; the step and depth limits count per statement.
type repl struct {
	s       *host.Session
	script  host.Script
	globals starlark.StringDict
	load    func(*starlark.Thread, string) (starlark.StringDict, error)
	ctx     *swapContext // what time.sleep waits on: the statement's context
}

// NewREPL implements host.Interactive.
func (lang Language) NewREPL(s *host.Session, script host.Script) (host.REPL, error) {
	if lang.python {
		return nil, errors.New("the REPL reads Starlark, not the Python dialect: run it with --lang star")
	}
	script = script.WithWriters()
	r := &repl{s: s, script: script, ctx: &swapContext{cur: context.Background()}}
	l := &limits{lim: s.Limits(), mem: s.Memory()}
	predeclared := l.predeclared(r.ctx, script, s.Clock())
	if err := addSession(predeclared, s); err != nil {
		return nil, err
	}
	r.globals = predeclared
	r.load = newLoader(script.Path, predeclared).load
	return r, nil
}

// Read implements host.REPL: the statement parsed, its guards in place.
func (r *repl) Read(next func() (string, error)) (host.Statement, error) {
	started := false
	var readErr error // how reading ended, when not at the end of input
	readline := func() ([]byte, error) {
		line, err := next()
		if err != nil {
			if err != io.EOF {
				readErr = err
			}
			return nil, err
		}
		started = true
		return []byte(line + "\n"), nil
	}
	f, err := fileOptions.ParseCompoundStmt(r.script.Path, readline)
	if readErr != nil {
		return nil, readErr
	}
	if err != nil && !started {
		return nil, io.EOF // nothing read: the input is over
	}
	if err != nil {
		return nil, &host.ScriptError{Msg: formatError(err, ""), Pos: errorPos(err), Err: err}
	}
	if n := deepNode(f, host.MaxNesting); n != nil {
		pos, _ := n.Span()
		err := syntax.Error{Pos: pos, Msg: fmt.Sprintf("expression nested more than %d levels deep", host.MaxNesting)}
		return nil, &host.ScriptError{Msg: formatError(err, ""), Pos: errorPos(err), Err: err}
	}
	guard.Rewrite(f)
	return f, nil
}

// Exec implements host.REPL.
func (r *repl) Exec(ctx context.Context, st host.Statement) error {
	f := st.(*syntax.File)
	thread, l := newThread(r.s, r.script)
	thread.Load = r.load
	r.ctx.set(ctx)
	defer r.ctx.set(context.Background())
	stop := context.AfterFunc(ctx, func() { thread.Cancel(context.Cause(ctx).Error()) })
	defer stop()

	if expr := soleExpr(f); expr != nil {
		v, err := starlark.EvalExprOptions(fileOptions, thread, expr, r.globals)
		if err != nil {
			return l.scriptError(ctx, err, r.script.Stderr)
		}
		if v != starlark.None {
			fmt.Fprintln(r.script.Stdout, v.String())
		}
		return nil
	}
	return l.scriptError(ctx, starlark.ExecREPLChunk(f, thread, r.globals), r.script.Stderr)
}

// soleExpr returns the expression f consists of, or nil.
func soleExpr(f *syntax.File) syntax.Expr {
	if len(f.Stmts) == 1 {
		if stmt, ok := f.Stmts[0].(*syntax.ExprStmt); ok {
			return stmt.X
		}
	}
	return nil
}

// Names implements host.REPL: the globals and the predeclared names, and
// Starlark's universe.
func (r *repl) Names() []string {
	names := r.globals.Keys()
	for n := range starlark.Universe {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Object implements host.REPL.
func (r *repl) Object(name string) *host.Object {
	if o, ok := r.globals[name].(*object); ok {
		return o.o
	}
	return nil
}

// Close implements host.REPL.
func (r *repl) Close() {}

// swapContext is a context whose current value changes: the REPL's
// builtins made once (time.sleep) wait on the statement in progress.
type swapContext struct {
	mu  sync.Mutex
	cur context.Context
}

func (c *swapContext) set(ctx context.Context) {
	c.mu.Lock()
	c.cur = ctx
	c.mu.Unlock()
}

func (c *swapContext) get() context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cur
}

func (c *swapContext) Deadline() (time.Time, bool) { return c.get().Deadline() }
func (c *swapContext) Done() <-chan struct{}       { return c.get().Done() }
func (c *swapContext) Err() error                  { return c.get().Err() }
func (c *swapContext) Value(key any) any           { return c.get().Value(key) }
