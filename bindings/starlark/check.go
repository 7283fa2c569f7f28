package starlark

import (
	"context"
	"errors"

	"go.starlark.net/resolve"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/pystdlib"
	"github.com/vertscript/vertscript/host"
)

var _ host.Checker = Language{}

// Check implements host.Checker: it parses, resolves and compiles script
// as Run does, with the same predeclared names, and returns the attribute
// names the script uses, in source order. getattr(x, "name") with a
// literal name counts as x.name; any other use of the predeclared getattr
// is a dynamic access. An attribute assigned to (x.name = v) is not a
// use.
func (lang Language) Check(script host.Script) ([]host.Ref, error) {
	script = script.WithWriters()
	l := &limits{lim: host.DefaultLimits}
	predeclared := l.predeclared(context.Background(), script, host.SystemClock{})
	var py *pyRun
	if lang.python {
		py = addPython(predeclared, pystdlib.Options{Args: script.Args})
	}
	var refs []host.Ref
	getattrs := map[int]*syntax.Ident{} // the dynamic refs, by index, that name getattr
	collect := func(f *syntax.File) {
		assigned := map[*syntax.DotExpr]bool{}
		called := map[*syntax.Ident]bool{}
		syntax.Walk(f, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.AssignStmt:
				if d, ok := n.LHS.(*syntax.DotExpr); ok && n.Op == syntax.EQ {
					assigned[d] = true
				}
			case *syntax.DotExpr:
				if !assigned[n] {
					refs = append(refs, host.Ref{Name: n.Name.Name, Pos: position(n.Name.NamePos)})
				}
			case *syntax.CallExpr:
				id, ok := n.Fn.(*syntax.Ident)
				if !ok || id.Name != "getattr" || len(n.Args) < 2 {
					break
				}
				if lit, ok := n.Args[1].(*syntax.Literal); ok && lit.Token == syntax.STRING {
					name, _ := lit.Value.(string)
					called[id] = true
					getattrs[len(refs)] = id
					refs = append(refs, host.Ref{Name: name, Pos: position(lit.TokenPos)})
				}
			case *syntax.Ident:
				if n.Name == "getattr" && !called[n] {
					getattrs[len(refs)] = n
					refs = append(refs, host.Ref{Name: "getattr", Pos: position(n.NamePos), Dynamic: true})
				}
			}
			return true
		})
	}
	if _, err := compileFile(script.Path, script.Src, predeclared, collect, py); err != nil {
		return nil, checkError(err)
	}
	// A getattr the script defined itself is its own function: its
	// uses are plain calls, and a literal name is no attribute.
	kept := refs[:0]
	for i, r := range refs {
		if id, ok := getattrs[i]; ok && !isBuiltin(id) {
			continue
		}
		kept = append(kept, r)
	}
	return kept, nil
}

// isBuiltin reports whether the resolver bound id to a predeclared or
// universal name; an identifier it did not reach counts as one.
func isBuiltin(id *syntax.Ident) bool {
	b, ok := id.Binding.(*resolve.Binding)
	return !ok || b.Scope == resolve.Predeclared || b.Scope == resolve.Universal
}

// checkError is the *host.CheckError of a file that does not compile:
// one error for each name that does not resolve.
func checkError(err error) *host.CheckError {
	var res resolve.ErrorList
	if errors.As(err, &res) && len(res) > 0 {
		ce := &host.CheckError{}
		for _, e := range res {
			ce.Errors = append(ce.Errors, &host.ScriptError{Msg: e.Pos.String() + ": " + e.Msg, Pos: position(e.Pos), Err: e})
		}
		return ce
	}
	return &host.CheckError{Errors: []*host.ScriptError{{Msg: formatError(err, ""), Pos: errorPos(err), Err: err}}}
}
