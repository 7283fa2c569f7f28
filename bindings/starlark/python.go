package starlark

import (
	"errors"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/bindings/starlark/pybuiltin"
	"github.com/vertscript/vertscript/bindings/starlark/pylibxml2"
	"github.com/vertscript/vertscript/bindings/starlark/pyrun"
	"github.com/vertscript/vertscript/bindings/starlark/pystdlib"
	"github.com/vertscript/vertscript/bindings/starlark/pysyntax"
)

// Python returns the Python dialect of the Starlark language: it runs
// libvirt-python scripts as they are (.py), reading Python's syntax with
// package pysyntax and giving it Python's meaning with package pyrun.
func Python() Language { return Language{python: true} }

// pythonDoc lists what a Python script has besides the operation table.
const pythonDoc = `import libvirt, import sys, from xml.dom import minidom, import xml.etree.ElementTree as ET
    The modules vertscript provides; importing another fails at that line, with ModuleNotFoundError.
argparse, optparse, getopt, re, json, time, datetime, os, socket, string, collections, sched, textwrap, pprint, shlex, copy, operator, functools, itertools, typing, math, libxml2
    Python's standard modules that libvirt scripts use (re on RE2; os refuses what reaches the host).
try/except/else/finally, raise, assert
    Python's semantics: except libvirt.libvirtError as e: e.get_error_code(), e.get_error_message(), ...
    Limits, policy refusals and cancellations end the script whatever its handlers.
Exception, ValueError, KeyError, IndexError, TypeError, ZeroDivisionError, libvirt.libvirtError
    Python's built-in exception classes.
isinstance, type, repr, str, hex, oct, bin, divmod, pow, iter, next, vars, input
    Python's builtins, with Python's repr and str of every value (input is refused: scripts have no stdin).
is, is not, **, global, del, for/while ... else, annotations, a = b = v
    As in Python.
class, yield, nonlocal, decorators, threads
    Not supported: the error at the line says why and points to docs/porting.md.
` + builtinsDoc

// pythonAttrs are the attribute names whose reads go through the
// dialect's Attr hook: the Python methods Starlark's values lack.
var pythonAttrs = pybuiltin.Attrs()

// pythonModules are the predeclared names that are modules a Python script
// may import (besides __future__); their submodules are their attributes.
var pythonModules = []string{"libvirt", "sys", "math", "xml"}

// future is the __future__ module: Python 3 has every feature it names,
// so importing one changes nothing, as in Python 3.
var future = func() *starlarkstruct.Module {
	m := &starlarkstruct.Module{Name: "__future__", Members: starlark.StringDict{}}
	for _, f := range []string{"nested_scopes", "generators", "division", "absolute_import", "with_statement",
		"print_function", "unicode_literals", "generator_stop", "annotations"} {
		m.Members[f] = starlark.True
	}
	m.Freeze()
	return m
}()

// pyRun is what a run in the Python dialect knows of its script: where
// the lowered tree's operations are, and the Python classes of their
// errors.
type pyRun struct {
	classes pysyntax.Classes
}

// addPython adds to predeclared what a Python script has besides a
// Starlark one: the hooks of its lowered syntax and the exception classes.
// It returns the run's state, which compiling the
// script fills.
func addPython(predeclared starlark.StringDict, std pystdlib.Options) *pyRun {
	run := &pyRun{classes: pysyntax.Classes{}}
	modules := map[string]starlark.Value{"__future__": future, "libxml2": pylibxml2.Module(pylibxml2.Options{
		ReadFile: func(thread *starlark.Thread, op, path string) ([]byte, error) {
			return sessionOf(thread).ReadAs(op, path)
		},
	})}
	for _, name := range pythonModules {
		modules[name] = predeclared[name]
	}
	// Python's standard modules; its json and time, not Starlark's.
	std.Repr = pybuiltin.Repr
	for name, m := range pystdlib.Modules(std) {
		if !strings.Contains(name, ".") {
			modules[name] = m
		}
	}
	if sys, ok := predeclared["sys"].(*starlarkstruct.Module); ok {
		for k, v := range pystdlib.SysExtras() {
			sys.Members[k] = v
		}
	}
	module := func(name string) (starlark.Value, bool) {
		parts := strings.Split(name, ".")
		v, ok := modules[parts[0]]
		for _, p := range parts[1:] {
			a, isAttrs := v.(starlark.HasAttrs)
			if !ok || !isAttrs {
				return nil, false
			}
			v, _ = a.Attr(p)
			ok = v != nil
		}
		return v, ok
	}
	for k, v := range pybuiltin.Builtins() {
		predeclared[k] = v
	}
	hooks := pyrun.Options{Module: module, Classify: run.classify, Equal: pybuiltin.Equal, Iterable: pybuiltin.Iterable, Attr: pybuiltin.Attr}
	for k, v := range pyrun.Hooks(hooks) {
		predeclared[k] = v
	}
	for k, v := range pyrun.Classes() {
		predeclared[k] = v
	}
	return run
}

// classify names the Python class of the adapter's own errors: exit() is
// SystemExit; an error of the interpreter's own at one of the script's
// operations has the class Python raises there (see pysyntax.Classes).
func (run *pyRun) classify(err error) (string, bool) {
	if pybuiltin.IsExit(err) {
		return "SystemExit", true
	}
	var eval *starlark.EvalError
	if !errors.As(err, &eval) || len(eval.CallStack) == 0 {
		return "", false
	}
	// Only where the interpreter itself failed: a builtin's own error
	// has its innermost frame in the builtin.
	innermost := eval.CallStack[len(eval.CallStack)-1].Pos
	if innermost.Filename() == "<builtin>" {
		return "", false
	}
	return run.classes.At(innermost)
}

// className names the class of an uncaught error (see pyrun.ClassName).
func (run *pyRun) className(err error) string { return pyrun.ClassName(err, run.classify) }
