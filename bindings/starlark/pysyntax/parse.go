// Package pysyntax reads libvirt-python scripts as they are: it turns
// Python source into a Starlark syntax tree that means the same, for the
// Starlark adapter's Python dialect (vertscript script.py).
//
// Three passes, each keeping every statement on its line, so that errors
// cite the script's own lines:
//
//   - the source pass (source.go) rewrites, on the tokens of each logical
//     line, what Starlark's parser cannot read: import statements, try,
//     except, else and finally, raise, assert, global, del, is and is not,
//     **, annotations, chained assignments, generator expressions in calls,
//     set displays, u"" strings; and refuses what the dialect cannot
//     express (class, yield, nonlocal, decorators) at its line, citing the
//     porting guide (PortingGuide);
//   - before it, Rewrite turns f-strings and with statements into the
//     Starlark they mean; after it, Starlark's parser reads the result;
//   - the lowering (lower.go, exprs.go) turns the placeholders back into
//     their Python meaning in Starlark: a try statement into statements
//     that catch through hooks, a loop's else into a flag, global names
//     into fields of a namespace, and the operators whose meaning differs
//     (==, is, /, x[k], for over a string) into calls of hooks (Hooks),
//     which the runtime (bindings/starlark/pyrun) predeclares.
package pysyntax

import (
	"errors"

	"go.starlark.net/syntax"
)

// Options configure Parse.
type Options struct {
	// File are the parser's options.
	File *syntax.FileOptions
	// Predeclared reports whether a name is predeclared; a name that is
	// neither bound by the script nor predeclared is a NameError where it
	// is read, as in Python, not an error before the script runs.
	Predeclared func(name string) bool
	// Attrs are the attribute names whose reads go through HookAttr: the
	// Python methods Starlark's values lack.
	Attrs map[string]bool
	// Check, if not nil, sees the parsed tree before it is lowered; its
	// error is Parse's (the adapter bounds the tree's depth there, before
	// the lowering walks it).
	Check func(*syntax.File) error
	// Classes, if not nil, receives the Python classes of the errors of
	// the lowered tree's operations (see Classes).
	Classes Classes
}

// Parse reads the Python file src named path and returns a Starlark syntax
// tree that means the same, calling Hooks. Its errors are syntax.Errors at
// the file's lines.
func Parse(path string, src []byte, o Options) (*syntax.File, error) {
	fail := func(line, col int, msg string) error {
		return syntax.Error{Pos: syntax.MakePosition(&path, int32(line), int32(col)), Msg: msg}
	}
	// f-strings first: the expressions inside them are Python too.
	b, err := Rewrite(src)
	if fe, ok := err.(*fstringError); ok {
		return nil, fail(fe.line, 1, fe.msg)
	} else if err != nil {
		return nil, err
	}
	text, err := translate(string(b))
	var pe *Error
	if errors.As(err, &pe) {
		return nil, fail(pe.Line, pe.Col, pe.Msg)
	} else if err != nil {
		return nil, err
	}
	f, err := o.File.Parse(path, []byte(text), 0)
	if err != nil {
		return nil, err
	}
	if o.Check != nil {
		if err := o.Check(f); err != nil {
			return nil, err
		}
	}
	lw := &lowerer{globals: map[string]bool{}, defGlobals: map[*syntax.DefStmt]map[string]bool{}}
	f.Stmts = lw.stmts(f.Stmts, frame{})
	if lw.err != nil {
		return nil, fail(lw.err.Line, lw.err.Col, lw.err.Msg)
	}
	f.Stmts = append([]syntax.Stmt{docString(f)}, f.Stmts...)
	predeclared := o.Predeclared
	if predeclared == nil {
		predeclared = func(string) bool { return false }
	}
	x := &exprs{lw: lw, module: map[string]bool{}, predeclared: predeclared, attrs: o.Attrs, defGlobals: lw.defGlobals}
	bound(f.Stmts, x.module)
	for g := range lw.globals {
		delete(x.module, g)
	}
	x.stmts(f.Stmts, nil)
	if o.Classes != nil {
		o.Classes.record(f)
	}
	return f, nil
}

// docString is the assignment of __doc__: the file's first statement when
// it is a string, as Python's module docstring, else None.
func docString(f *syntax.File) syntax.Stmt {
	pos := syntax.MakePosition(&f.Path, 1, 1)
	var doc syntax.Expr = none(pos)
	if len(f.Stmts) > 0 {
		if s, ok := f.Stmts[0].(*syntax.ExprStmt); ok {
			if l, ok := s.X.(*syntax.Literal); ok && l.Token == syntax.STRING {
				doc = &syntax.Literal{Token: l.Token, TokenPos: l.TokenPos, Raw: l.Raw, Value: l.Value}
			}
		}
	}
	return assign(pos, ident(pos, "__doc__"), doc)
}
