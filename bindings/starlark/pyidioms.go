package starlark

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

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
// print keeps Starlark's formatting of values: strings inside lists print
// with double quotes.

// pyIdioms adds exit, sys and print to predeclared, for a run of script
// whose argv is argv.
func (l *limits) pyIdioms(predeclared starlark.StringDict, script host.Script, argv *starlark.List) {
	stdout := &file{name: "stdout", w: script.Stdout}
	stderr := &file{name: "stderr", w: script.Stderr}
	// exit prints a value that is not a status: measured as str() is.
	predeclared["exit"] = l.wrap(starlark.NewBuiltin("exit", exit), l.texts(false))
	predeclared["sys"] = &starlarkstruct.Module{Name: "sys", Members: starlark.StringDict{
		"argv":   argv,
		"stdout": stdout,
		"stderr": stderr,
		"exit":   l.wrap(starlark.NewBuiltin("sys.exit", exit), l.texts(false)),
	}}
	predeclared["print"] = starlark.NewBuiltin("print", l.print(stdout))
}

// exitRequest is how exit() ends the script: an error that unwinds the
// script, and that Run turns into its exit status.
type exitRequest struct {
	code int
	msg  *string // printed to stderr
}

func (e *exitRequest) Error() string { return fmt.Sprintf("exit(%d)", e.code) }

// exit is exit(code=None) and sys.exit(code=None), as Python's.
func exit(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
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
	msg := code.String()
	if s, ok := starlark.AsString(code); ok {
		msg = s
	}
	return nil, &exitRequest{code: 1, msg: &msg}
}

// exitStatus returns what Run returns for err when it is an exit request
// (ok): nil for status 0, else a *host.ExitError; the request's message is
// written to stderr first.
func exitStatus(err error, stderr io.Writer) (result error, ok bool) {
	var req *exitRequest
	if !errors.As(err, &req) {
		return nil, false
	}
	if req.msg != nil {
		fmt.Fprintln(stderr, *req.msg)
	}
	if req.code == 0 {
		return nil, true
	}
	return &host.ExitError{Code: req.code}, true
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
// print as Starlark's print writes them, and the line is checked against
// the memory limit before it is built.
func (l *limits) print(stdout *file) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
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
		{
			t := l.text()
			size := uint64(len(end))
			for i, a := range args {
				if i > 0 {
					size = add(size, uint64(len(sep)))
				}
				size = add(size, t.size(a, false))
			}
			if err := l.made(thread, t, size, "print()"); err != nil {
				return nil, err
			}
		}
		var line []byte
		for i, a := range args {
			if i > 0 {
				line = append(line, sep...)
			}
			if s, ok := starlark.AsString(a); ok {
				line = append(line, s...)
			} else if bs, ok := a.(starlark.Bytes); ok {
				line = append(line, bs...)
			} else {
				line = append(line, a.String()...)
			}
		}
		line = append(line, end...)
		if _, err := out.w.Write(line); err != nil {
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
