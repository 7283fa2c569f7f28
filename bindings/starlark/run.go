package starlark

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.starlark.net/lib/math"
	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/guard"
	"github.com/vertscript/vertscript/bindings/starlark/pybuiltin"
	"github.com/vertscript/vertscript/bindings/starlark/pystdlib"
	"github.com/vertscript/vertscript/bindings/starlark/pysyntax"
	"github.com/vertscript/vertscript/bindings/starlark/xmlmod"
	"github.com/vertscript/vertscript/host"
)

// Language runs Starlark scripts, or in its Python dialect libvirt-python
// scripts as they are; it implements host.Language.
type Language struct {
	python bool // the Python dialect (see python.go)
}

var _ host.Language = Language{}

// New returns the Starlark language.
func New() Language { return Language{} }

// Name implements host.Language.
func (lang Language) Name() string {
	if lang.python {
		return "python"
	}
	return "starlark"
}

// Extensions implements host.Language.
func (lang Language) Extensions() []string {
	if lang.python {
		return []string{".py"}
	}
	return []string{".star"}
}

// Builtins implements host.Language.
func (lang Language) Builtins() string {
	if lang.python {
		return pythonDoc
	}
	return builtinsDoc
}

// builtinsDoc lists the predeclared names besides the libvirt module's
// operations and constants.
const builtinsDoc = `libvirt.catch(fn, *args, **kwargs) -> (result, None) or (None, libvirtError)
    Calls fn and returns its libvirt error as a value (Starlark has no try/except).
argv, sys.argv
    The script path, then its arguments.
read_file(path), open(file, mode="r")
    Read a file inside the readable directories (--allow-read); open gives read(), readline(), readlines(), close().
print(*args, sep=" ", end="\n", file=sys.stdout, flush=False), sys.stdout, sys.stderr
    Write to stdout, or to stderr with file=sys.stderr.
exit(code=None), sys.exit(code=None)
    End the script with that exit status, as Python's.
xml, ET, ElementTree, xml.etree.ElementTree
    ElementTree's reader: fromstring(text), tostring(el); elements with find, findall, findtext, get, iter.
minidom, xml.dom.minidom
    A read-only minidom: parseString(text), parse(path), getElementsByTagName, getAttribute, childNodes.
sum, round, map, filter
    Python's builtins that Starlark lacks.
time.sleep(secs), time.time(), time.monotonic()
    Waiting and clocks, on the session's clock; sleep ends with the run.
time.strftime(format[, t]), time.localtime([secs]), time.gmtime([secs]), time.mktime(t), time.ctime([secs]), time.asctime([t])
    Python's calendar functions: C's strftime formats, struct_time values (indexable, tm_year...), the local zone (TZ; UTC in vertscript test).
json.encode(x), json.encode_indent(x, prefix="", indent="\t"), json.decode(s[, default]), json.indent(s, prefix="", indent="\t")
    go.starlark.net's json module, bounded by --max-memory and the nesting limit.
math
    go.starlark.net's math module: sqrt, floor, ceil, log, pow, pi, e, ...
load("helpers.star", "name", ...)
    Loads a helper module from the readable directories, relative to the loading file, once per run.
__name__, __file__
    "__main__" and the script's path.
f-strings, with statements, %, str.format
    Formatted as Python's, format specifications included.`

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
// ctx is done, under s's limits.
func (lang Language) Run(ctx context.Context, s *host.Session, script host.Script) error {
	script = script.WithWriters()
	thread, l := newThread(s, script)
	stop := context.AfterFunc(ctx, func() { thread.Cancel(context.Cause(ctx).Error()) })
	defer stop()
	mem := l.mem

	if lang.python {
		l.style = pybuiltin.Python
	}
	predeclared := l.predeclared(ctx, script, s.Clock())
	if err := addSession(predeclared, s); err != nil {
		return &host.ScriptError{Msg: err.Error(), Err: err}
	}
	var py *pyRun
	if lang.python {
		py = addPython(predeclared, pystdlib.Options{
			Args: script.Args, Stdout: script.Stdout, Stderr: script.Stderr, Clock: s.Clock(), Ctx: ctx,
			ReadFile: func(path string) ([]byte, error) { return s.ReadAs("open", path) },
		})
		l.className = py.className
	}
	mem.SetMeasure(func() uint64 { return measure(thread, predeclared) })
	thread.Load = newLoader(script.Path, predeclared).load
	_, err := execFile(thread, script.Path, script.Src, predeclared, py)
	return l.scriptError(ctx, err, script.Stderr)
}

// scriptError is the error a run that ctx governed returns for err, what
// the interpreter returned: nil, an *host.ExitError for sys.exit, or a
// *host.ScriptError whose cause is the limit, the cancellation or err.
func (l *limits) scriptError(ctx context.Context, err error, stderr io.Writer) error {
	if err == nil {
		return nil
	}
	if l.passed == nil {
		if res, ok := pybuiltin.ExitStatus(err, stderr); ok {
			return res
		}
	}
	var cause error = err
	class := ""
	if l.className != nil {
		class = l.className(err)
	}
	msg := formatError(err, class)
	le := l.passed
	if c, ok := context.Cause(ctx).(*host.LimitError); ok && le == nil {
		le = c
	}
	switch {
	case le != nil:
		// A limit, not the script, ended the run: say which, plainly.
		cause = le
		msg = strings.Replace(msg, "Starlark computation cancelled: "+le.Msg, le.Msg, 1)
	case ctx.Err() != nil && isCancellation(err):
		// The caller cancelled the run: the cause is theirs
		// (context.Canceled, or what WithCancelCause was given).
		cause = context.Cause(ctx)
	}
	return &host.ScriptError{Msg: msg, Pos: errorPos(err), Err: cause}
}

// newThread returns a thread that runs script on s, printing to its
// Stdout, under the session's step, depth and memory limits (l).
func newThread(s *host.Session, script host.Script) (*starlark.Thread, *limits) {
	thread := &starlark.Thread{
		Name:  script.Path,
		Print: func(_ *starlark.Thread, msg string) { fmt.Fprintln(script.Stdout, msg) },
	}
	thread.SetLocal(sessionKey, s)
	l := &limits{lim: s.Limits(), mem: s.Memory()}
	l.watch(thread)
	budget.Set(thread, l)
	return thread, l
}

// addSession adds to predeclared what comes from the session: the
// libvirt module with its session's values, the program's connection
// (conn) and Go modules, which may not take a name Starlark has already.
func addSession(predeclared starlark.StringDict, s *host.Session) error {
	predeclared["libvirt"] = withSession(module(), s.ModuleValues())
	if c := s.Conn(); c != nil {
		predeclared["conn"] = fromHost(c)
	}
	for _, m := range s.Modules() {
		if predeclared.Has(m.Name) || starlark.Universe.Has(m.Name) {
			return fmt.Errorf("module %s: the name is predeclared in Starlark", m.Name)
		}
		predeclared[m.Name] = goModule(m)
	}
	return nil
}

// predeclared returns the names every run of script has: the libvirt
// module, the guards and Python's idioms and builtins. A run adds the
// session's connection and modules, when it has them.
func (l *limits) predeclared(ctx context.Context, script host.Script, clock host.Clock) starlark.StringDict {
	argv := make([]starlark.Value, len(script.Args))
	for i, a := range script.Args {
		argv[i] = starlark.String(a)
	}
	guards := guard.New(l, l.style)
	predeclared := guards.Predeclared()
	predeclared["libvirt"] = module()
	predeclared["argv"] = starlark.NewList(argv)
	predeclared["read_file"] = starlark.NewBuiltin("read_file", readFile)
	predeclared["open"] = pybuiltin.Open(func(thread *starlark.Thread, op, path string) ([]byte, error) {
		return sessionOf(thread).ReadAs(op, path)
	})
	for name, m := range xmlmod.Predeclared(xmlOptions) { // xml, ET, ElementTree, minidom
		predeclared[name] = m
	}
	predeclared["json"] = guards.JSON()
	predeclared["math"] = math.Module
	for k, v := range pybuiltin.Idioms(pybuiltin.IdiomOptions{Stdout: script.Stdout, Stderr: script.Stderr, Argv: predeclared["argv"].(*starlark.List), Style: l.style}) {
		predeclared[k] = v
	}
	for k, v := range pybuiltin.Extras() {
		predeclared[k] = v
	}
	predeclared["str"] = starlark.NewBuiltin("str", pybuiltin.StarlarkStr)
	predeclared["repr"] = starlark.NewBuiltin("repr", pybuiltin.StarlarkRepr)
	predeclared["time"] = &starlarkstruct.Module{Name: "time", Members: pystdlib.TimeMembers(clock, ctx)}
	// if __name__ == "__main__": main(), as scripts run as programs end.
	predeclared["__name__"] = starlark.String("__main__")
	predeclared["__file__"] = starlark.String(script.Path)
	return predeclared
}

// isCancellation reports whether err is the interpreter's stop on
// thread.Cancel, rather than an error of the script's own.
func isCancellation(err error) bool {
	var eval *starlark.EvalError
	return errors.As(err, &eval) && strings.HasPrefix(eval.Msg, "Starlark computation cancelled")
}

// errorPos is where err happened: a syntax or resolution error's
// position, or the innermost line of the script's code running when a
// runtime error was raised.
func errorPos(err error) host.Position {
	var syn syntax.Error
	var res resolve.ErrorList
	var eval *starlark.EvalError
	switch {
	case errors.As(err, &syn):
		return position(syn.Pos)
	case errors.As(err, &res) && len(res) > 0:
		return position(res[0].Pos)
	case errors.As(err, &eval):
		for i := len(eval.CallStack) - 1; i >= 0; i-- {
			if p := eval.CallStack[i].Pos; p.Filename() != "<builtin>" {
				return position(p)
			}
		}
	}
	return host.Position{}
}

func position(p syntax.Position) host.Position {
	return host.Position{File: p.Filename(), Line: int(p.Line), Col: int(p.Col)}
}

// execFile runs the file src named path and returns its globals, as
// starlark.ExecFileOptions does,
// after rewriting its syntax tree to call the guards (see rewrite), which
// also give % Python's printf-style formatting.
func execFile(thread *starlark.Thread, path string, src []byte, predeclared starlark.StringDict, py *pyRun) (starlark.StringDict, error) {
	prog, err := compileFile(path, src, predeclared, nil, py)
	if err != nil {
		return nil, err
	}
	// The globals are not frozen afterwards, as ExecFileOptions does:
	// nothing uses them once the run is over, and freezing recurses into
	// every value, however deeply the script nested it.
	return prog.Init(thread, predeclared)
}

// compileFile parses, resolves and compiles the file src named path, as
// starlark.ExecFileOptions does, after rewriting its syntax tree to call
// the guards (see rewrite). When inspect is not nil, it sees the syntax
// tree as the script wrote it, before the rewrite.
func compileFile(path string, src []byte, predeclared starlark.StringDict, inspect func(*syntax.File), py *pyRun) (*starlark.Program, error) {
	f, err := parseFile(path, src, predeclared, py)
	if err != nil {
		return nil, err
	}
	if err := checkDepth(f); err != nil {
		return nil, err
	}
	if inspect != nil {
		inspect(f)
	}
	guard.Rewrite(f)
	return starlark.FileProgram(f, predeclared.Has)
}

// parseFile parses the file src named path: Starlark with f-strings and
// with statements, or in the Python dialect (py not nil), Python (see
// pysyntax).
func parseFile(path string, src []byte, predeclared starlark.StringDict, py *pyRun) (*syntax.File, error) {
	if py != nil {
		return pysyntax.Parse(path, src, pysyntax.Options{File: fileOptions, Predeclared: predeclared.Has, Attrs: pythonAttrs, Check: checkDepth, Classes: py.classes})
	}
	orig := src
	src, err := pysyntax.Rewrite(src)
	if fe, ok := err.(interface{ Line() int }); ok {
		return nil, syntax.Error{Pos: syntax.MakePosition(&path, int32(fe.Line()), 1), Msg: err.Error()}
	}
	f, err := fileOptions.Parse(path, src, 0)
	var syn syntax.Error
	if errors.As(err, &syn) {
		if hint := pysyntax.Hint(orig, int(syn.Pos.Line)); hint != "" {
			syn.Msg += "; " + hint
			return nil, syn
		}
	}
	return f, err
}

// checkDepth refuses a tree nested deeper than host.MaxNesting: the parser
// reads chains of operators, calls and subscripts in a loop; the resolver,
// the compiler and the Python dialect's lowering recurse into them.
func checkDepth(f *syntax.File) error {
	if n := deepNode(f, host.MaxNesting); n != nil {
		pos, _ := n.Span()
		return syntax.Error{Pos: pos, Msg: fmt.Sprintf("expression nested more than %d levels deep (each operator, call or subscript of a chain is a level)", host.MaxNesting)}
	}
	return nil
}

// deepNode returns a node of f nested more than limit levels deep, or nil.
// The walk itself goes no deeper than limit.
func deepNode(f *syntax.File, limit int) syntax.Node {
	var deep syntax.Node
	depth := 0
	syntax.Walk(f, func(n syntax.Node) bool {
		switch {
		case n == nil:
			depth--
			return false
		case deep != nil:
			return false
		case depth >= limit:
			deep = n
			return false
		}
		depth++
		return true
	})
	return deep
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
func formatError(err error, class string) string {
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
		stack := withoutCatches(eval.CallStack)
		for len(stack) > 0 && stack[len(stack)-1].Pos.Filename() == "<builtin>" {
			stack = stack[:len(stack)-1]
		}
		msg := eval.Msg
		if e, ok := host.AsError(err); ok {
			msg = e.Error()
		} else if a := (*host.ArgError)(nil); errors.As(err, &a) {
			msg = a.Error()
		}
		if class != "" {
			msg = class + ": " + msg
		}
		if len(stack) == 0 {
			return msg
		}
		return fmt.Sprintf("%s: %s\n%s", stack[len(stack)-1].Pos, msg, traceback(stack))
	}
	return err.Error()
}

// withoutCatches returns stack without the frames of the Python dialect's
// try statements (its catching hook, and the lambda that runs a statement
// of the try body): the statement's own frame shows where it failed.
func withoutCatches(stack starlark.CallStack) starlark.CallStack {
	var out starlark.CallStack
	for i := 0; i < len(stack); i++ {
		f := stack[i]
		if f.Name == "try" && f.Pos.Filename() == "<builtin>" && i+1 < len(stack) && stack[i+1].Name == "lambda" && len(out) > 0 {
			out[len(out)-1].Pos = stack[i+1].Pos
			i++
			continue
		}
		out = append(out, f)
	}
	return out
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
