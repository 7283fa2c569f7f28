package starlark

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"go.starlark.net/starlark"
)

// loader runs load("helpers.star", "f") statements: it reads the module
// through the session, under the same readable-directory policy and size
// limit as read_file (a module outside the readable directories is
// refused), relative to the directory of the file that loads it. Each
// module runs once per run, on the run's own thread, so that the steps,
// depth, memory and time limits count its work as the script's; it sees
// the same predeclared names, with its own __name__ (the file name without
// .star) and __file__. A load that closes a cycle fails, naming it.
type loader struct {
	predeclared starlark.StringDict // the script's
	modules     map[string]*loaded  // by resolved path
	stack       [][2]string         // the modules being loaded (path, key), outermost first
}

// loaded is a module's outcome, kept for later loads of it.
type loaded struct {
	globals starlark.StringDict
	err     error
	done    bool
}

// newLoader returns the loader of a run of the script at path.
func newLoader(path string, predeclared starlark.StringDict) *loader {
	ld := &loader{predeclared: predeclared, modules: map[string]*loaded{}}
	ld.modules[moduleKey(path)] = &loaded{} // a module loading the script is a cycle
	ld.stack = [][2]string{{path, moduleKey(path)}}
	return ld
}

// moduleKey is path, absolute and with symbolic links resolved, so that
// two names of one file are one module.
func moduleKey(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// load implements starlark.Thread.Load.
func (ld *loader) load(thread *starlark.Thread, module string) (starlark.StringDict, error) {
	if !strings.HasSuffix(module, ".star") || strings.IndexByte(module, 0) >= 0 {
		return nil, fmt.Errorf("load: want the path of a .star file, got %q", module)
	}
	from := thread.CallFrame(0).Pos.Filename()
	path := module
	if !filepath.IsAbs(path) {
		path = filepath.Join(filepath.Dir(from), module)
	}
	key := moduleKey(path)
	if m, ok := ld.modules[key]; ok {
		if !m.done {
			var cycle []string
			for _, m := range ld.stack {
				if m[1] == key || len(cycle) > 0 {
					cycle = append(cycle, m[0])
				}
			}
			return nil, fmt.Errorf("load: cycle: %s loads %s", strings.Join(cycle, " loads "), path)
		}
		return m.globals, m.err
	}
	s := sessionOf(thread)
	src, err := s.ReadAs("load", path)
	if err != nil {
		return nil, err
	}
	if le := s.Limits().CheckSource(len(src), "the module "+path); le != nil {
		return nil, le
	}
	m := &loaded{}
	ld.modules[key] = m
	ld.stack = append(ld.stack, [2]string{path, key})
	predeclared := make(starlark.StringDict, len(ld.predeclared))
	for k, v := range ld.predeclared {
		predeclared[k] = v
	}
	predeclared["__name__"] = starlark.String(strings.TrimSuffix(filepath.Base(path), ".star"))
	predeclared["__file__"] = starlark.String(path)
	m.globals, m.err = execFile(thread, path, src, predeclared, nil)
	ld.stack = ld.stack[:len(ld.stack)-1]
	m.done = true
	if m.err != nil {
		m.globals = nil
		var eval *starlark.EvalError
		if errors.As(m.err, &eval) && len(eval.CallStack) > 0 {
			// Say where in the module it failed: the loading
			// script's traceback ends at its load statement.
			stack := eval.CallStack
			for len(stack) > 1 && stack[len(stack)-1].Pos.Filename() == "<builtin>" {
				stack = stack[:len(stack)-1]
			}
			if pos := stack[len(stack)-1].Pos; pos.Filename() != from {
				m.err = fmt.Errorf("%s: %w", pos, m.err)
			}
		}
	}
	return m.globals, m.err
}
