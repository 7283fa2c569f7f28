package pybuiltin

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// Reader reads a file for the script running on thread, under the
// session's policy; op names the operation for its errors.
type Reader func(thread *starlark.Thread, op, path string) ([]byte, error)

// Open returns open(file, mode="r"): Python's open for reading, as the
// libvirt scripts in the wild use it (fp = open(name); text = fp.read();
// for line in fp: ...). It reads the whole file through read, under the
// session's readable-directory policy and size limit; writing modes are
// refused.
func Open(read Reader) *starlark.Builtin {
	return starlark.NewBuiltin("open", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var path string
		mode := "r"
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "file", &path, "mode?", &mode); err != nil {
			return nil, err
		}
		binary := false
		switch mode {
		case "r", "rt":
		case "rb":
			binary = true
		default:
			return nil, fmt.Errorf("open: mode %q is not allowed: scripts only read files (\"r\" or \"rb\"), inside the readable directories", mode)
		}
		content, err := read(thread, "open", path)
		if err != nil {
			return nil, err
		}
		return &readFileObj{name: path, content: string(content), binary: binary}, nil
	})
}

// file is what open returns: the file's content, read at once, with the
// reading methods of Python's file objects.
type readFileObj struct {
	name    string
	content string
	off     int
	binary  bool
	closed  bool
}

var fileMethods = map[string]*starlark.Builtin{
	"read":      starlark.NewBuiltin("read", fileRead),
	"readline":  starlark.NewBuiltin("readline", fileReadline),
	"readlines": starlark.NewBuiltin("readlines", fileReadlines),
	"close":     starlark.NewBuiltin("close", fileClose),
}

func (f *readFileObj) String() string {
	return fmt.Sprintf("<file %q mode %q>", f.name, map[bool]string{false: "r", true: "rb"}[f.binary])
}
func (f *readFileObj) Type() string          { return "file" }
func (f *readFileObj) Freeze()               {}
func (f *readFileObj) Truth() starlark.Bool  { return starlark.True }
func (f *readFileObj) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: file") }

func (f *readFileObj) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(f.name), nil
	case "closed":
		return starlark.Bool(f.closed), nil
	}
	if m, ok := fileMethods[name]; ok {
		return m.BindReceiver(f), nil
	}
	return nil, nil
}

// Iterate goes through the lines that are left, each with its newline,
// as iterating a Python file does.
func (f *readFileObj) Iterate() starlark.Iterator { return &lines{f: f} }

type lines struct{ f *readFileObj }

func (it *lines) Next(p *starlark.Value) bool {
	f := it.f
	if f.closed || f.off >= len(f.content) {
		return false
	}
	n := strings.IndexByte(f.content[f.off:], '\n') + 1
	if n == 0 {
		n = len(f.content) - f.off
	}
	*p = f.value(f.content[f.off : f.off+n])
	f.off += n
	return true
}

func (it *lines) Done() {}

func (f *readFileObj) AttrNames() []string {
	return []string{"close", "closed", "name", "read", "readline", "readlines"}
}

func (f *readFileObj) value(s string) starlark.Value {
	if f.binary {
		return starlark.Bytes(s)
	}
	return starlark.String(s)
}

// take returns the next n bytes (all when n < 0) and moves past them.
func (f *readFileObj) take(b *starlark.Builtin, n int) (string, error) {
	if f.closed {
		return "", fmt.Errorf("%s: I/O operation on closed file", b.Name())
	}
	rest := f.content[f.off:]
	if n >= 0 && n < len(rest) {
		rest = rest[:n]
	}
	f.off += len(rest)
	return rest, nil
}

func fileRead(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	size := -1
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "size?", &size); err != nil {
		return nil, err
	}
	f := b.Receiver().(*readFileObj)
	s, err := f.take(b, size)
	if err != nil {
		return nil, err
	}
	return f.value(s), nil
}

func fileReadline(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	f := b.Receiver().(*readFileObj)
	n := strings.IndexByte(f.content[f.off:], '\n')
	if n >= 0 {
		n++
	}
	s, err := f.take(b, n)
	if err != nil {
		return nil, err
	}
	return f.value(s), nil
}

func fileReadlines(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	f := b.Receiver().(*readFileObj)
	rest, err := f.take(b, -1)
	if err != nil {
		return nil, err
	}
	var lines []starlark.Value
	for rest != "" {
		n := strings.IndexByte(rest, '\n') + 1
		if n == 0 {
			n = len(rest)
		}
		lines = append(lines, f.value(rest[:n]))
		rest = rest[n:]
	}
	return starlark.NewList(lines), nil
}

func fileClose(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	b.Receiver().(*readFileObj).closed = true
	return starlark.None, nil
}
