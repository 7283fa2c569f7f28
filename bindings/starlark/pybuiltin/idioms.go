package pybuiltin

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/host"
)

// The Python idioms of libvirt scripts found in the wild, so that such a
// script runs once its import lines are deleted:
//
//	exit(code=None)            ends the script with status code (None: 0);
//	sys.exit(code=None)        any other value is printed to stderr, status 1
//	sys.argv                   the script path, then its arguments (the same list as argv)
//	sys.stdout, sys.stderr     files with write(s) (returns len(s) in characters) and flush()
//	print(*args, sep=" ", end="\n", file=sys.stdout, flush=False)
//
// In the Starlark style, print and exit write values as Starlark's str
// does (strings inside lists print with double quotes); in the Python
// style, as Python's.

// IdiomOptions are what the idioms of one run write to and show.
type IdiomOptions struct {
	// Stdout and Stderr are sys.stdout's and sys.stderr's writers.
	Stdout, Stderr io.Writer
	// Argv is sys.argv.
	Argv *starlark.List
	// Style is how print and exit show values.
	Style Style
}

// Idioms returns exit, sys and print for one run.
func Idioms(o IdiomOptions) starlark.StringDict {
	stdout := &file{name: "stdout", w: o.Stdout}
	stderr := &file{name: "stderr", w: o.Stderr}
	style := o.Style
	if style == Starlark {
		style = exact
	}
	x := &exiter{style: style}
	return starlark.StringDict{
		"exit": starlark.NewBuiltin("exit", x.exit),
		"sys": &starlarkstruct.Module{Name: "sys", Members: starlark.StringDict{
			"argv":   o.Argv,
			"stdout": stdout,
			"stderr": stderr,
			"exit":   starlark.NewBuiltin("sys.exit", x.exit),
		}},
		"print": starlark.NewBuiltin("print", printer{style: style}.print(stdout)),
	}
}

// exitRequest is how exit() ends the script: an error that unwinds the
// script, and that the adapter turns into its exit status (ExitStatus).
type exitRequest struct {
	code int
	msg  *string // printed to stderr
}

func (e *exitRequest) Error() string { return fmt.Sprintf("exit(%d)", e.code) }

// IsExit reports whether err is a request of exit() or sys.exit() to end
// the script.
func IsExit(err error) bool {
	var req *exitRequest
	return errors.As(err, &req)
}

type exiter struct{ style Style }

// exit is exit(code=None) and sys.exit(code=None), as Python's.
func (x *exiter) exit(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var code starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "code?", &code); err != nil {
		return nil, err
	}
	switch c := code.(type) {
	case starlark.NoneType:
		return nil, &exitRequest{}
	case starlark.Bool:
		if c {
			return nil, &exitRequest{code: 1}
		}
		return nil, &exitRequest{}
	case starlark.Int:
		n, ok := c.Int64()
		if !ok {
			n = -1 // as Python, past a C long
		}
		return nil, &exitRequest{code: int(n)}
	}
	msg, err := text(thread, code, false, x.style, b.Name()+"()")
	if err != nil {
		return nil, err
	}
	return nil, &exitRequest{code: 1, msg: &msg}
}

// ExitStatus returns what a run returns for err when it is an exit request
// (ok): nil for status 0, else a *host.ExitError; the request's message is
// written to stderr first.
func ExitStatus(err error, stderr io.Writer) (result error, ok bool) {
	var req *exitRequest
	if !errors.As(err, &req) {
		pe, isExit := pyerr.As(err)
		if !isExit || pe.Class != "SystemExit" {
			return nil, false
		}
		req = systemExit(pe.Value)
	}
	if req.msg != nil {
		fmt.Fprintln(stderr, *req.msg)
	}
	if req.code == 0 {
		return nil, true
	}
	return &host.ExitError{Code: req.code}, true
}

// systemExit is the exit request of a SystemExit whose code is v, as
// Python ends: None or 0 is status 0, an int its status, anything else is
// printed and is status 1.
func systemExit(v any) *exitRequest {
	switch c := v.(type) {
	case nil, starlark.NoneType:
		return &exitRequest{}
	case int:
		return &exitRequest{code: c}
	case starlark.Int:
		if n, ok := c.Int64(); ok && n == int64(int(n)) {
			return &exitRequest{code: int(n)}
		}
	}
	msg := fmt.Sprint(v)
	if s, ok := v.(starlark.String); ok {
		msg = string(s)
	}
	return &exitRequest{code: 1, msg: &msg}
}

// file is sys.stdout or sys.stderr.
type file struct {
	name string
	w    io.Writer
}

var _ starlark.HasAttrs = (*file)(nil)

func (f *file) String() string        { return "<sys." + f.name + ">" }
func (f *file) Type() string          { return "file" }
func (f *file) Freeze()               {}
func (f *file) Truth() starlark.Bool  { return starlark.True }
func (f *file) Hash() (uint32, error) { return starlark.String(f.name).Hash() }

// Attr returns write or flush, bound to f.
func (f *file) Attr(name string) (starlark.Value, error) {
	switch name {
	case "write":
		return starlark.NewBuiltin("sys."+f.name+".write", f.write), nil
	case "flush":
		return starlark.NewBuiltin("sys."+f.name+".flush", f.flush), nil
	}
	return nil, nil
}

// AttrNames lists write and flush.
func (f *file) AttrNames() []string { return []string{"flush", "write"} }

// write is write(s): it writes s and returns its length in characters, as
// Python's.
func (f *file) write(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &s); err != nil {
		return nil, err
	}
	if _, err := io.WriteString(f.w, s); err != nil {
		return nil, fmt.Errorf("%s: %v", b.Name(), err)
	}
	return starlark.MakeInt(utf8.RuneCountInString(s)), nil
}

// flush is flush(): it flushes a writer that buffers (has Flush).
func (f *file) flush(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.None, f.sync(b.Name())
}

func (f *file) sync(what string) error {
	if fl, ok := f.w.(interface{ Flush() error }); ok {
		if err := fl.Flush(); err != nil {
			return fmt.Errorf("%s: %v", what, err)
		}
	}
	return nil
}

// print returns print(*args, sep=" ", end="\n", file=None, flush=False),
// as Python's, writing to stdout unless file is sys.stderr. Its arguments
// print in the printer's style, and the line is checked against the
// memory limit before it is built.
func (p printer) print(stdout *file) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var sepV, endV, fileV starlark.Value = starlark.None, starlark.None, starlark.None
		var flush bool
		if err := starlark.UnpackArgs("print", nil, kwargs, "sep?", &sepV, "end?", &endV, "file?", &fileV, "flush?", &flush); err != nil {
			return nil, err
		}
		sep, err := printOption("sep", sepV, " ")
		if err != nil {
			return nil, err
		}
		end, err := printOption("end", endV, "\n")
		if err != nil {
			return nil, err
		}
		out := stdout
		if fileV != starlark.None {
			f, ok := fileV.(*file)
			if !ok {
				return nil, fmt.Errorf("print: file must be sys.stdout or sys.stderr, not %s", fileV.Type())
			}
			out = f
		}
		if bud := budget.Of(thread); bud.Limits().MaxMemory > 0 || p.style == exact {
			m := NewMeasure(bud.Limits().MaxMemory)
			size := uint64(len(end))
			for i, a := range args {
				if i > 0 {
					size = add(size, uint64(len(sep)))
				}
				size = add(size, m.Size(a, false))
			}
			if m.deep {
				return nil, host.NestingError("print()", "a value")
			}
			if err := bud.Alloc(size, "print()", "a string"); err != nil {
				return nil, err
			}
		}
		p := printer{style: p.style, thread: thread, what: "print()"}
		for i, a := range args {
			if i > 0 {
				p.buf = append(p.buf, sep...)
			}
			if err := p.writeStr(a); err != nil {
				return nil, err
			}
		}
		p.buf = append(p.buf, end...)
		if _, err := out.w.Write(p.buf); err != nil {
			return nil, fmt.Errorf("print: %v", err)
		}
		if flush {
			if err := out.sync("print"); err != nil {
				return nil, err
			}
		}
		return starlark.None, nil
	}
}

// printOption is print's sep or end: a string, or None for the default.
func printOption(name string, v starlark.Value, def string) (string, error) {
	if v == starlark.None {
		return def, nil
	}
	s, ok := v.(starlark.String)
	if !ok {
		return "", fmt.Errorf("print: %s must be None or a string, not %s", name, v.Type())
	}
	return string(s), nil
}
