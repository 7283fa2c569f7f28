// Package pystdlib is the part of Python's standard library that
// libvirt-python scripts import (monitoring plugins, exporters, ops tools),
// for the Python dialect of the Starlark adapter: argparse, optparse,
// getopt, re, json, os, time, datetime, and smaller modules (string,
// socket, collections, sched, textwrap, pprint, shlex, copy, operator,
// functools, itertools).
//
// Each module behaves as Python's for what scripts use, down to the bytes
// of argparse's help and usage errors; what would reach the host (the
// environment, processes, the file system outside the session's policy)
// is present but fails with a clear error. Work proportional to input is
// charged to the run's budget (package budget) before it is done, and
// failures are *pyerr.Error of Python's class, so that a script's
// "except ValueError:" matches them.
package pystdlib

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/host"
)

// Options are what the modules of one run see of it.
type Options struct {
	// Args is sys.argv: the script path, then its arguments.
	Args []string
	// Stdout and Stderr are where argparse's help and errors, pprint and
	// json.dump to sys.stdout write.
	Stdout, Stderr io.Writer
	// Clock is the session's clock; nil is the system's.
	Clock host.Clock
	// Ctx is the run's context: sleeping gives up when it ends. Nil is
	// context.Background().
	Ctx context.Context
	// ReadFile is the session's policy-checked reader, or nil: then
	// os.path.exists and friends fail, saying so.
	ReadFile func(path string) ([]byte, error)
	// Repr is Python's repr of a value, for pprint and the messages that
	// show values; nil uses this package's own (see Repr).
	Repr func(*starlark.Thread, starlark.Value) (string, error)
}

// Modules returns the modules of one run by their full dotted name:
// "argparse", "os", "os.path", "time", ... A submodule "a.b" is also
// attribute b of "a". Modules vertscript does not provide (subprocess,
// socket networking, threading, signal, ctypes...) are absent.
func Modules(o Options) map[string]starlark.Value {
	if o.Clock == nil {
		o.Clock = host.SystemClock{}
	}
	if o.Ctx == nil {
		o.Ctx = context.Background()
	}
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	r := &run{o: o}
	mods := map[string]starlark.Value{
		"argparse":    r.argparseModule(),
		"optparse":    r.optparseModule(),
		"getopt":      getoptModule(),
		"re":          reModule(),
		"json":        r.jsonModule(),
		"time":        r.timeModule(),
		"datetime":    r.datetimeModule(),
		"string":      stringModule(),
		"socket":      socketModule(),
		"collections": collectionsModule(),
		"sched":       r.schedModule(),
		"textwrap":    textwrapModule(),
		"pprint":      r.pprintModule(),
		"shlex":       shlexModule(),
		"copy":        copyModule(),
		"operator":    operatorModule(),
		"functools":   functoolsModule(),
		"typing":      typingModule(),
		"itertools":   itertoolsModule(),
	}
	osMod, pathMod := r.osModule()
	mods["os"] = osMod
	mods["os.path"] = pathMod
	return mods
}

// run is one run's options, which the modules' builtins close over.
type run struct{ o Options }

// repr is Python's repr of v, with the run's Repr when it has one.
func (r *run) repr(thread *starlark.Thread, v starlark.Value) (string, error) {
	if r.o.Repr != nil {
		return r.o.Repr(thread, v)
	}
	return Repr(v), nil
}

// builtin is the signature of a builtin's implementation.
type builtin = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

// module makes a module named name from a table of builtins (qualified as
// name.f) and other members.
func module(name string, funcs map[string]builtin, values starlark.StringDict) *starlarkstruct.Module {
	members := starlark.StringDict{}
	for k, f := range funcs {
		members[k] = starlark.NewBuiltin(name+"."+k, f)
	}
	for k, v := range values {
		members[k] = v
	}
	return &starlarkstruct.Module{Name: name, Members: members}
}

// steps charges n steps of work to the run's budget.
func steps(thread *starlark.Thread, n int) error {
	if n <= 0 {
		return nil
	}
	return budget.Of(thread).Steps(thread, uint64(n))
}

// alloc refuses to make made ("a string") of n bytes for what, past the
// run's memory limit.
func alloc(thread *starlark.Thread, n int, what, made string) error {
	if n <= 0 {
		return nil
	}
	return budget.Of(thread).Alloc(uint64(n), what, made)
}

// charge charges the work of going through an input of n bytes (or
// elements) that makes about as much: n steps and n bytes.
func charge(thread *starlark.Thread, n int, what string) error {
	if err := steps(thread, n); err != nil {
		return err
	}
	return alloc(thread, n, what, "a value")
}

// typeError is Python's TypeError.
func typeError(format string, args ...any) error { return pyerr.New("TypeError", format, args...) }

// valueError is Python's ValueError.
func valueError(format string, args ...any) error { return pyerr.New("ValueError", format, args...) }

// refused is a function that would reach the host, which scripts do
// not: calling it ends the script with a policy refusal naming it and
// saying why (a refusal no handler catches, so that no script goes on
// with a default in its place).
// portingHost is the porting guide's section on what scripts do not
// see of the host.
const portingHost = "docs/porting.md#host"

func refused(name, why string) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, &host.PolicyError{Op: name, Reason: why + " (see " + portingHost + ")"}
	})
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// str is Python's str of v: a string as it is, else its repr.
func str(v starlark.Value) string {
	if s, ok := v.(starlark.String); ok {
		return string(s)
	}
	return Repr(v)
}

// callableName is Python's __name__ of a callable, for messages.
func callableName(v starlark.Value) string {
	switch f := v.(type) {
	case *starlark.Builtin:
		name := f.Name()
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		return name
	case *starlark.Function:
		return f.Name()
	case interface{ Name() string }:
		return f.Name()
	}
	return fmt.Sprint(v)
}
