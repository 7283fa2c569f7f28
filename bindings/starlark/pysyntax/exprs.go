package pysyntax

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// scope is a function's (or a lambda's, or a comprehension's) names, for
// telling a script's locals, globals and undefined names apart.
type scope struct {
	parent *scope
	names  map[string]bool
	global map[string]bool // declared global here
}

func (s *scope) local(name string) bool { return s.names[name] }

// exprs is the pass over expressions: Python's operators and lookups where
// their meaning differs from Starlark's, globals that functions rebind,
// and names bound nowhere (a NameError when reached, not before).
type exprs struct {
	lw          *lowerer
	module      map[string]bool
	predeclared func(string) bool
	attrs       map[string]bool
	defGlobals  map[*syntax.DefStmt]map[string]bool
}

// bound adds to names what stmts bind, not looking into functions.
func bound(stmts []syntax.Stmt, names map[string]bool) {
	for _, s := range stmts {
		switch s := s.(type) {
		case *syntax.AssignStmt:
			targets(s.LHS, names)
		case *syntax.ForStmt:
			targets(s.Vars, names)
			bound(s.Body, names)
		case *syntax.WhileStmt:
			bound(s.Body, names)
		case *syntax.IfStmt:
			bound(s.True, names)
			bound(s.False, names)
		case *syntax.DefStmt:
			names[s.Name.Name] = true
		case *syntax.LoadStmt:
			for _, id := range s.To {
				names[id.Name] = true
			}
		}
	}
}

func targets(e syntax.Expr, names map[string]bool) {
	switch e := e.(type) {
	case *syntax.Ident:
		names[e.Name] = true
	case *syntax.TupleExpr:
		for _, x := range e.List {
			targets(x, names)
		}
	case *syntax.ListExpr:
		for _, x := range e.List {
			targets(x, names)
		}
	case *syntax.ParenExpr:
		targets(e.X, names)
	}
}

func params(list []syntax.Expr, names map[string]bool) {
	for _, p := range list {
		switch p := p.(type) {
		case *syntax.Ident:
			names[p.Name] = true
		case *syntax.BinaryExpr: // name=default
			if id, ok := p.X.(*syntax.Ident); ok {
				names[id.Name] = true
			}
		case *syntax.UnaryExpr: // *args, **kwargs
			if id, ok := p.X.(*syntax.Ident); ok {
				names[id.Name] = true
			}
		}
	}
}

// resolves reports whether name, read in sc (nil at module level), names
// something: a local of sc or of a function around it, a global, a
// predeclared or universal name.
func (x *exprs) resolves(sc *scope, name string) bool {
	for s := sc; s != nil; s = s.parent {
		if s.local(name) {
			return true
		}
	}
	return x.module[name] || x.lw.globals[name] || x.predeclared(name) || starlark.Universe.Has(name) || name[0] == '$'
}

// inG reports whether name, in sc, is one of the globals that live in $G.
func (x *exprs) inG(sc *scope, name string) bool {
	if !x.lw.globals[name] {
		return false
	}
	for s := sc; s != nil; s = s.parent {
		if s.global[name] {
			return true
		}
		if s.local(name) {
			return false
		}
	}
	return true
}

func (x *exprs) stmts(list []syntax.Stmt, sc *scope) {
	for _, s := range list {
		x.stmt(s, sc)
	}
}

func (x *exprs) stmt(s syntax.Stmt, sc *scope) {
	switch s := s.(type) {
	case *syntax.AssignStmt:
		s.RHS = x.expr(s.RHS, sc)
		switch s.Op {
		case syntax.PLUS_EQ, syntax.MINUS_EQ, syntax.STAR_EQ, syntax.SLASH_EQ, syntax.SLASHSLASH_EQ:
			s.RHS = asInt(s.RHS) // n += (a == b)
		}
		if c, ok := s.RHS.(*syntax.CallExpr); ok {
			if id, ok := c.Fn.(*syntax.Ident); ok && (id.Name == HookImport || id.Name == HookFrom) {
				// An import fails at its statement, not inside the
				// text the source pass wrote for it.
				c.Lparen, _ = s.LHS.Span()
			}
		}
		s.LHS = x.target(s.LHS, sc)
	case *syntax.ExprStmt:
		s.X = x.expr(s.X, sc)
	case *syntax.IfStmt:
		s.Cond = x.expr(s.Cond, sc)
		x.stmts(s.True, sc)
		x.stmts(s.False, sc)
	case *syntax.ForStmt:
		s.X = x.iter(x.expr(s.X, sc))
		s.Vars = x.target(s.Vars, sc)
		x.stmts(s.Body, sc)
	case *syntax.WhileStmt:
		s.Cond = x.expr(s.Cond, sc)
		x.stmts(s.Body, sc)
	case *syntax.ReturnStmt:
		if s.Result != nil {
			s.Result = x.expr(s.Result, sc)
		}
	case *syntax.DefStmt:
		x.params(s.Params, sc)
		inner := &scope{parent: sc, names: map[string]bool{}, global: x.defGlobals[s]}
		params(s.Params, inner.names)
		bound(s.Body, inner.names)
		for g := range inner.global {
			delete(inner.names, g)
		}
		x.stmts(s.Body, inner)
	}
}

// params rewrites the defaults of a parameter list, evaluated in sc.
func (x *exprs) params(list []syntax.Expr, sc *scope) {
	for _, p := range list {
		if b, ok := p.(*syntax.BinaryExpr); ok && b.Op == syntax.EQ {
			b.Y = x.expr(b.Y, sc)
		}
	}
}

// target rewrites an assignment's target: a global that lives in $G is
// its field, and the expressions inside subscripts are rewritten.
func (x *exprs) target(e syntax.Expr, sc *scope) syntax.Expr {
	switch t := e.(type) {
	case *syntax.Ident:
		if n, ok := renamed[t.Name]; ok {
			t.Name = n
		}
		if x.inG(sc, t.Name) {
			return &syntax.DotExpr{X: ident(t.NamePos, HookGlobals), Dot: t.NamePos, NamePos: t.NamePos, Name: ident(t.NamePos, t.Name)}
		}
	case *syntax.TupleExpr:
		for i := range t.List {
			t.List[i] = x.target(t.List[i], sc)
		}
	case *syntax.ListExpr:
		for i := range t.List {
			t.List[i] = x.target(t.List[i], sc)
		}
	case *syntax.ParenExpr:
		t.X = x.target(t.X, sc)
	case *syntax.IndexExpr:
		t.X = x.expr(t.X, sc)
		t.Y = x.expr(t.Y, sc)
	case *syntax.DotExpr:
		t.X = x.expr(t.X, sc)
	case *syntax.SliceExpr:
		t.X = x.expr(t.X, sc)
	}
	return e
}

// iter is what a for loop or clause goes through: Python iterates strings.
func (x *exprs) iter(e syntax.Expr) syntax.Expr {
	switch e.(type) {
	case *syntax.ListExpr, *syntax.TupleExpr, *syntax.Comprehension, *syntax.DictExpr:
		return e
	}
	if c, ok := e.(*syntax.CallExpr); ok {
		if id, ok := c.Fn.(*syntax.Ident); ok && (id.Name == "range" || id.Name == "enumerate" || id.Name == "zip" || id.Name[0] == '$') {
			return e
		}
	}
	pos, _ := e.Span()
	return call(pos, HookIter, e)
}

// boolish reports whether e is, by its form, a bool: True, False, a
// comparison, a not, or a call of a hook or builtin that returns one.
func boolish(e syntax.Expr) bool {
	switch e := e.(type) {
	case *syntax.Ident:
		return e.Name == "True" || e.Name == "False"
	case *syntax.ParenExpr:
		return boolish(e.X)
	case *syntax.UnaryExpr:
		return e.Op == syntax.NOT
	case *syntax.BinaryExpr:
		switch e.Op {
		case syntax.EQL, syntax.NEQ, syntax.LT, syntax.GT, syntax.LE, syntax.GE, syntax.IN, syntax.NOT_IN:
			return true
		}
	case *syntax.CallExpr:
		if id, ok := e.Fn.(*syntax.Ident); ok {
			switch id.Name {
			case HookEq, HookIs, "isinstance", "bool", "callable", "hasattr", "any", "all":
				return true
			}
		}
	}
	return false
}

// asInt returns e as the int Python's arithmetic makes of a bool
// (1 if e else 0) when e is boolish, else e itself.
func asInt(e syntax.Expr) syntax.Expr {
	if !boolish(e) {
		return e
	}
	pos, _ := e.Span()
	one := &syntax.Literal{Token: syntax.INT, TokenPos: pos, Raw: "1", Value: int64(1)}
	zero := &syntax.Literal{Token: syntax.INT, TokenPos: pos, Raw: "0", Value: int64(0)}
	return &syntax.ParenExpr{Lparen: pos, X: &syntax.CondExpr{If: pos, Cond: e, True: one, ElsePos: pos, False: zero}, Rparen: pos}
}

// literal reports whether e is a string literal or None, whose == is the
// same in Starlark and Python.
func literal(e syntax.Expr) bool {
	switch e := e.(type) {
	case *syntax.Literal:
		return e.Token == syntax.STRING || e.Token == syntax.BYTES
	case *syntax.Ident:
		return e.Name == "None"
	}
	return false
}

func nonZeroNumber(e syntax.Expr) bool {
	l, ok := e.(*syntax.Literal)
	if !ok {
		return false
	}
	switch v := l.Value.(type) {
	case int64:
		return v != 0
	case float64:
		return v != 0
	}
	return l.Token == syntax.INT // a big int
}

func (x *exprs) exprList(list []syntax.Expr, sc *scope) {
	for i := range list {
		list[i] = x.expr(list[i], sc)
	}
}

func (x *exprs) expr(e syntax.Expr, sc *scope) syntax.Expr {
	switch e := e.(type) {
	case *syntax.Ident:
		if n, ok := renamed[e.Name]; ok {
			e.Name = n
			return e
		}
		if x.inG(sc, e.Name) {
			return &syntax.DotExpr{X: ident(e.NamePos, HookGlobals), Dot: e.NamePos, NamePos: e.NamePos, Name: ident(e.NamePos, e.Name)}
		}
		if !x.resolves(sc, e.Name) {
			return call(e.NamePos, HookUndefined, str(e.NamePos, e.Name))
		}
	case *syntax.BinaryExpr:
		if c, ok := isHidden(e.Y, kwIs); ok && c != nil && len(c.Args) == 1 && (e.Op == syntax.IN || e.Op == syntax.NOT_IN) {
			is := call(e.OpPos, HookIs, x.expr(e.X, sc), x.expr(c.Args[0], sc))
			if e.Op == syntax.NOT_IN {
				return not(e.OpPos, is)
			}
			return is
		}
		e.X = x.expr(e.X, sc)
		e.Y = x.expr(e.Y, sc)
		switch e.Op {
		case syntax.PLUS, syntax.MINUS, syntax.STAR, syntax.SLASH, syntax.SLASHSLASH:
			// A bool is the int 0 or 1 in Python's arithmetic:
			// True + True, n + (a > b).
			e.X, e.Y = asInt(e.X), asInt(e.Y)
		}
		switch e.Op {
		case syntax.EQL, syntax.NEQ:
			if literal(e.X) || literal(e.Y) {
				return e
			}
			eq := call(e.OpPos, HookEq, e.X, e.Y)
			if e.Op == syntax.NEQ {
				return not(e.OpPos, eq)
			}
			return eq
		case syntax.SLASH, syntax.SLASHSLASH:
			if nonZeroNumber(e.Y) {
				return e
			}
			hook := HookDiv
			if e.Op == syntax.SLASHSLASH {
				hook = HookFloorDiv
			}
			return call(e.OpPos, hook, e.X, e.Y)
		}
	case *syntax.UnaryExpr:
		if e.X != nil {
			e.X = x.expr(e.X, sc)
			if e.Op == syntax.MINUS || e.Op == syntax.PLUS {
				e.X = asInt(e.X)
			}
		}
	case *syntax.CallExpr:
		e.Fn = x.expr(e.Fn, sc)
		for i, a := range e.Args {
			if b, ok := a.(*syntax.BinaryExpr); ok && b.Op == syntax.EQ {
				b.Y = x.expr(b.Y, sc) // name=value: the name is no reference
				continue
			}
			e.Args[i] = x.expr(a, sc)
		}
		if id, ok := e.Fn.(*syntax.Ident); ok && (id.Name == HookImport || id.Name == HookFrom) {
			return e
		}
	case *syntax.DotExpr:
		e.X = x.expr(e.X, sc)
		if x.attrs[e.Name.Name] {
			return call(e.Dot, HookAttr, e.X, str(e.NamePos, e.Name.Name))
		}
	case *syntax.IndexExpr:
		e.X = x.expr(e.X, sc)
		e.Y = x.expr(e.Y, sc)
		return call(e.Lbrack, HookGetItem, e.X, e.Y)
	case *syntax.SliceExpr:
		e.X = x.expr(e.X, sc)
		for _, p := range []*syntax.Expr{&e.Lo, &e.Hi, &e.Step} {
			if *p != nil {
				*p = x.expr(*p, sc)
			}
		}
	case *syntax.ParenExpr:
		e.X = x.expr(e.X, sc)
	case *syntax.TupleExpr:
		x.exprList(e.List, sc)
	case *syntax.ListExpr:
		x.exprList(e.List, sc)
	case *syntax.DictExpr:
		for _, entry := range e.List {
			d := entry.(*syntax.DictEntry)
			d.Key = x.expr(d.Key, sc)
			d.Value = x.expr(d.Value, sc)
		}
	case *syntax.CondExpr:
		e.Cond = x.expr(e.Cond, sc)
		e.True = x.expr(e.True, sc)
		e.False = x.expr(e.False, sc)
	case *syntax.LambdaExpr:
		x.params(e.Params, sc)
		inner := &scope{parent: sc, names: map[string]bool{}}
		params(e.Params, inner.names)
		e.Body = x.expr(e.Body, inner)
	case *syntax.Comprehension:
		inner := &scope{parent: sc, names: map[string]bool{}}
		for _, c := range e.Clauses {
			if f, ok := c.(*syntax.ForClause); ok {
				targets(f.Vars, inner.names)
			}
		}
		for i, c := range e.Clauses {
			switch c := c.(type) {
			case *syntax.ForClause:
				// The first iterable is evaluated outside, as Python.
				outer := inner
				if i == 0 {
					outer = sc
				}
				c.X = x.iter(x.expr(c.X, outer))
			case *syntax.IfClause:
				c.Cond = x.expr(c.Cond, inner)
			}
		}
		e.Body = x.expr(e.Body, inner)
	}
	return e
}
