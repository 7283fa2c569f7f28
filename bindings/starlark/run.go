package starlark

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"vertscript/host"
)

// Language runs Starlark scripts; it implements host.Language.
type Language struct{}

var _ host.Language = Language{}

// New returns the Starlark language.
func New() Language { return Language{} }

// Name implements host.Language.
func (Language) Name() string { return "starlark" }

// Extensions implements host.Language.
func (Language) Extensions() []string { return []string{".star"} }

// fileOptions accept the Python-style top-level code libvirt scripts use.
var fileOptions = &syntax.FileOptions{
	Set:             true,
	While:           true,
	TopLevelControl: true,
	GlobalReassign:  true,
	Recursion:       true,
}

const sessionKey = "vertscript.session"

func sessionOf(thread *starlark.Thread) *host.Session {
	return thread.Local(sessionKey).(*host.Session)
}

// Run implements host.Language: it runs script on s until the script ends or
// ctx is done.
func (Language) Run(ctx context.Context, s *host.Session, script host.Script) error {
	thread := &starlark.Thread{
		Name:  script.Path,
		Print: func(_ *starlark.Thread, msg string) { fmt.Fprintln(script.Stdout, msg) },
	}
	thread.SetLocal(sessionKey, s)
	stop := context.AfterFunc(ctx, func() { thread.Cancel(context.Cause(ctx).Error()) })
	defer stop()
	limit := watchSteps(thread, s.Limits())

	argv := make([]starlark.Value, len(script.Args))
	for i, a := range script.Args {
		argv[i] = starlark.String(a)
	}
	predeclared := starlark.StringDict{
		"libvirt":   module(),
		"argv":      starlark.NewList(argv),
		"read_file": starlark.NewBuiltin("read_file", readFile),
	}
	_, err := starlark.ExecFileOptions(fileOptions, thread, script.Path, script.Src, predeclared)
	if err != nil {
		var cause error = err
		if *limit != nil {
			cause = *limit
		}
		return &host.ScriptError{Msg: formatError(err), Err: cause}
	}
	return nil
}

// stepChunk is how many steps run between two checks of the step and depth
// limits: small enough that a recursion passes --max-depth by little, large
// enough to cost nothing measurable.
const stepChunk = 1000

// watchSteps enforces lim's MaxSteps and MaxDepth on thread: every
// stepChunk steps, OnMaxSteps checks the call depth and the steps run, and
// cancels the thread with the limit it passed, stored in the result.
func watchSteps(thread *starlark.Thread, lim host.Limits) **host.LimitError {
	var passed *host.LimitError
	if lim.MaxSteps == 0 && lim.MaxDepth == 0 {
		return &passed
	}
	next := func() uint64 {
		n := thread.ExecutionSteps() + stepChunk
		if lim.MaxSteps > 0 {
			n = min(n, lim.MaxSteps)
		}
		return n
	}
	thread.OnMaxSteps = func(th *starlark.Thread) {
		switch {
		case lim.MaxDepth > 0 && th.CallStackDepth() > lim.MaxDepth:
			passed = &host.LimitError{Limit: "max-depth", Msg: fmt.Sprintf("max-depth: calls nested deeper than %d (--max-depth)", lim.MaxDepth)}
		case lim.MaxSteps > 0 && th.ExecutionSteps() >= lim.MaxSteps:
			passed = &host.LimitError{Limit: "max-steps", Msg: fmt.Sprintf("max-steps: the script ran %d steps (--max-steps)", lim.MaxSteps)}
		default:
			th.SetMaxExecutionSteps(next())
			return
		}
		th.Cancel(passed.Msg)
	}
	thread.SetMaxExecutionSteps(next())
	return &passed
}

// readFile is read_file(path): the file's content as a string.
func readFile(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var path string
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "path", &path); err != nil {
		return nil, err
	}
	content, err := sessionOf(thread).ReadFile(path)
	if err != nil {
		return nil, err
	}
	return starlark.String(content), nil
}

// formatError formats a failed run as "file:line:col: message", followed by
// the Starlark traceback for runtime errors.
func formatError(err error) string {
	var syn syntax.Error
	var res resolve.ErrorList
	var eval *starlark.EvalError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("%s: %s", syn.Pos, syn.Msg)
	case errors.As(err, &res):
		lines := make([]string, len(res))
		for i, e := range res {
			lines[i] = fmt.Sprintf("%s: %s", e.Pos, e.Msg)
		}
		return strings.Join(lines, "\n")
	case errors.As(err, &eval):
		stack := eval.CallStack
		for len(stack) > 0 && stack[len(stack)-1].Pos.Filename() == "<builtin>" {
			stack = stack[:len(stack)-1]
		}
		msg := eval.Msg
		if e, ok := host.AsError(err); ok {
			msg = e.Error()
		} else if a := (*host.ArgError)(nil); errors.As(err, &a) {
			msg = a.Error()
		}
		if len(stack) == 0 {
			return msg
		}
		return fmt.Sprintf("%s: %s\n%s", stack[len(stack)-1].Pos, msg, traceback(stack))
	}
	return err.Error()
}

// tracebackEdge is how many frames a long traceback keeps at each end.
const tracebackEdge = 10

// traceback formats stack as Starlark does, eliding the middle of a deep
// one (a runaway recursion) to its first and last frames.
func traceback(stack starlark.CallStack) string {
	if len(stack) <= 2*tracebackEdge {
		return strings.TrimSuffix(stack.String(), "\n")
	}
	head := strings.TrimSuffix(stack[:tracebackEdge].String(), "\n")
	tail := strings.TrimPrefix(stack[len(stack)-tracebackEdge:].String(), "Traceback (most recent call last):\n")
	return fmt.Sprintf("%s\n  ... %d frames elided ...\n%s", head, len(stack)-2*tracebackEdge, strings.TrimSuffix(tail, "\n"))
}
