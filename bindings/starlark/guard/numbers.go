package guard

import (
	"go.starlark.net/syntax"
)

// numberNames knows which names of a file are numbers wherever they are
// read: every binding of the name in the file, in any function, binds a
// number (n = 0, n += 1, for i in range(k)). Starlark has no global
// statement, so a file shows every binding of its names.
type numberNames struct {
	bindings map[string][]syntax.Expr // nil: a binding to something unknown
	number   map[string]bool
}

// unknown stands for a value bound to a name that is not known to be a
// number (a parameter, a function, an element of a tuple).
var unknown syntax.Expr

// aNumber stands for a loop variable over a range.
var aNumber = &syntax.Literal{Token: syntax.INT, Value: int64(0)}

// numbers finds the names of stmts that are always numbers.
func numbers(stmts []syntax.Stmt) *numberNames {
	n := &numberNames{bindings: map[string][]syntax.Expr{}, number: map[string]bool{}}
	syntax.Walk(&syntax.File{Stmts: stmts}, func(node syntax.Node) bool {
		switch node := node.(type) {
		case *syntax.AssignStmt:
			id, ok := node.LHS.(*syntax.Ident)
			switch {
			case !ok:
				n.bindAll(node.LHS)
			case node.Op == syntax.EQ:
				n.bind(id.Name, node.RHS)
			default: // n op= y is n = n op y
				n.bind(id.Name, &syntax.BinaryExpr{X: id, Op: node.Op - syntax.PLUS_EQ + syntax.PLUS, Y: node.RHS})
			}
		case *syntax.DefStmt:
			n.bind(node.Name.Name, unknown)
			n.params(node.Params)
		case *syntax.LambdaExpr:
			n.params(node.Params)
		case *syntax.ForStmt:
			n.loop(node.Vars, node.X)
		case *syntax.ForClause:
			n.loop(node.Vars, node.X)
		case *syntax.LoadStmt:
			for _, id := range node.To {
				n.bind(id.Name, unknown)
			}
		}
		return true
	})
	for name := range n.bindings {
		n.number[name] = true
	}
	// Assume every bound name a number, and drop those with a binding
	// that is not, until none drops.
	for changed := true; changed; {
		changed = false
		for name, values := range n.bindings {
			if !n.number[name] {
				continue
			}
			for _, v := range values {
				if !n.is(v) {
					n.number[name], changed = false, true
					break
				}
			}
		}
	}
	return n
}

func (n *numberNames) bind(name string, v syntax.Expr) {
	n.bindings[name] = append(n.bindings[name], v)
}

// bindAll binds the names in target, such as a, b in a, b = f(), to
// unknown values.
func (n *numberNames) bindAll(target syntax.Expr) {
	switch t := target.(type) {
	case *syntax.Ident:
		n.bind(t.Name, unknown)
	case *syntax.ParenExpr:
		n.bindAll(t.X)
	case *syntax.TupleExpr:
		for _, x := range t.List {
			n.bindAll(x)
		}
	case *syntax.ListExpr:
		for _, x := range t.List {
			n.bindAll(x)
		}
	}
}

func (n *numberNames) params(params []syntax.Expr) {
	for _, p := range params {
		switch p := p.(type) {
		case *syntax.Ident:
			n.bind(p.Name, unknown)
		case *syntax.BinaryExpr: // name=default
			n.bindAll(p.X)
		case *syntax.UnaryExpr: // *args, **kwargs
			if p.X != nil {
				n.bindAll(p.X)
			}
		}
	}
}

// loop binds the variables of for vars in x: a number each time when x is
// range(...), the builtin.
func (n *numberNames) loop(vars, x syntax.Expr) {
	id, ok := vars.(*syntax.Ident)
	if c, isCall := x.(*syntax.CallExpr); ok && isCall && n.builtin(c.Fn, "range") {
		n.bind(id.Name, aNumber)
		return
	}
	n.bindAll(vars)
}

// builtin reports whether fn is the universe's builtin name: the name is
// bound nowhere in the file.
func (n *numberNames) builtin(fn syntax.Expr, name string) bool {
	id, ok := fn.(*syntax.Ident)
	return ok && id.Name == name && n.bindings[name] == nil
}

// is reports whether e is surely a number, or an error: arithmetic that
// fails on anything but numbers, or whose operand is a number.
func (n *numberNames) is(e syntax.Expr) bool {
	switch e := e.(type) {
	case *syntax.Literal:
		return e.Token == syntax.INT || e.Token == syntax.FLOAT
	case *syntax.Ident:
		return n.number[e.Name]
	case *syntax.ParenExpr:
		return n.is(e.X)
	case *syntax.UnaryExpr:
		return e.Op == syntax.MINUS || e.Op == syntax.PLUS || e.Op == syntax.TILDE
	case *syntax.CondExpr:
		return n.is(e.True) && n.is(e.False)
	case *syntax.CallExpr:
		for _, name := range []string{"len", "int", "float", "ord", "hash"} {
			if n.builtin(e.Fn, name) {
				return true
			}
		}
	case *syntax.BinaryExpr:
		switch e.Op {
		case syntax.SLASH, syntax.SLASHSLASH, syntax.LTLT, syntax.GTGT:
			return true
		case syntax.PLUS, syntax.MINUS, syntax.AMP, syntax.PIPE, syntax.CIRCUMFLEX:
			// Strings, lists and sets have these too, but not with
			// a number.
			return n.is(e.X) || n.is(e.Y)
		case syntax.STAR:
			// A float repeats nothing.
			return n.is(e.X) && n.is(e.Y) || isFloat(e.X) || isFloat(e.Y)
		case syntax.PERCENT:
			return n.is(e.X)
		}
	}
	return false
}

func isFloat(e syntax.Expr) bool {
	if u, ok := e.(*syntax.UnaryExpr); ok && (u.Op == syntax.MINUS || u.Op == syntax.PLUS) {
		e = u.X
	}
	lit, ok := e.(*syntax.Literal)
	return ok && lit.Token == syntax.FLOAT
}
