package guard

import (
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/host"
)

// Names of the guards the rewritten syntax tree calls. They are
// predeclared, and a script cannot spell them: '$' is no identifier
// character.
const (
	guardMul    = "$mul"    // x * y
	guardMod    = "$mod"    // x % y
	guardSized  = "$sized"  // the right operand of +=
	guardMethod = "$method" // x.name, for the methods in guardedMethods
	tempObject  = "$x"      // the object of x[i] *= y, x.f *= y
	tempIndex   = "$i"      // its index
)

// guardedMethods are the names of the methods whose result may be much
// larger than their arguments: reading one goes through guardMethod, which
// replaces the method of a string, list, dict or set by its guarded form.
var guardedMethods = map[string]bool{
	"join": true, "replace": true, "format": true, "split": true, "rsplit": true, "splitlines": true,
	"extend": true, "update": true, "union": true, "intersection": true, "difference": true,
	"symmetric_difference": true, "issubset": true, "issuperset": true,
}

// rewrite makes the operators and methods that can allocate a lot at once
// call their guards, which check the size of the result before making it:
//
//	x * y      -> $mul(x, y)        (string, bytes, list and tuple repetition)
//	x % y      -> $mod(x, y)        (string formatting)
//	x *= y     -> x = $mul(x, y)    (and x %= y; x[i] and x.f are evaluated once)
//	x += y     -> x += $sized(y)    (a list extended by a range)
//	x.join     -> $method(x.join)   (and the other guardedMethods)
//
// The interpreter's errors keep their positions: a guard's call sits where
// the operator was, and a guard fails with the operator's own message.
//
// Operations on numbers, which cost a call more, are left alone where the
// file shows that their operands are numbers: literals, arithmetic results
// and names bound only to such (see numbers).
func rewrite(f *syntax.File) {
	r := &rewriter{numbers: numbers(f.Stmts)}
	f.Stmts = r.stmts(f.Stmts)
}

type rewriter struct {
	numbers *numberNames
}

func (r *rewriter) stmts(list []syntax.Stmt) []syntax.Stmt {
	out := list[:0:0]
	for _, s := range list {
		out = append(out, r.stmt(s)...)
	}
	return out
}

func (r *rewriter) stmt(s syntax.Stmt) []syntax.Stmt {
	switch s := s.(type) {
	case *syntax.AssignStmt:
		return r.assign(s)
	case *syntax.DefStmt:
		r.exprs(s.Params)
		s.Body = r.stmts(s.Body)
	case *syntax.ExprStmt:
		s.X = r.expr(s.X)
	case *syntax.ForStmt:
		r.target(s.Vars)
		s.X = r.expr(s.X)
		s.Body = r.stmts(s.Body)
	case *syntax.WhileStmt:
		s.Cond = r.expr(s.Cond)
		s.Body = r.stmts(s.Body)
	case *syntax.IfStmt:
		s.Cond = r.expr(s.Cond)
		s.True = r.stmts(s.True)
		s.False = r.stmts(s.False)
	case *syntax.ReturnStmt:
		if s.Result != nil {
			s.Result = r.expr(s.Result)
		}
	}
	return []syntax.Stmt{s}
}

func (r *rewriter) assign(s *syntax.AssignStmt) []syntax.Stmt {
	if s.Op != syntax.EQ && r.numbers.is(&syntax.BinaryExpr{X: s.LHS, Op: s.Op - syntax.PLUS_EQ + syntax.PLUS, Y: s.RHS}) {
		// Arithmetic on numbers.
		s.RHS = r.expr(s.RHS)
		r.target(s.LHS)
		return []syntax.Stmt{s}
	}
	s.RHS = r.expr(s.RHS)
	var guard string
	switch s.Op {
	case syntax.STAR_EQ:
		guard = guardMul
	case syntax.PERCENT_EQ:
		guard = guardMod
	case syntax.PLUS_EQ:
		if mayBeLazy(s.RHS) && !r.numbers.is(s.RHS) {
			s.RHS = call(guardSized, s.OpPos, s.RHS)
		}
		fallthrough
	default:
		r.target(s.LHS)
		return []syntax.Stmt{s}
	}
	// x op= y is x = x op y, with x's operands evaluated once: x[i] op= y
	// becomes $x = x; $i = i; $x[$i] = guard($x[$i], y).
	var pre []syntax.Stmt
	temp := func(name string, e syntax.Expr) syntax.Expr {
		e = r.expr(e)
		if lit, ok := e.(*syntax.Literal); ok {
			return lit
		}
		pos, _ := e.Span()
		pre = append(pre, &syntax.AssignStmt{OpPos: pos, Op: syntax.EQ, LHS: ident(name, pos), RHS: e})
		return ident(name, pos)
	}
	var load, store syntax.Expr
	switch lhs := s.LHS.(type) {
	case *syntax.Ident:
		load, store = ident(lhs.Name, lhs.NamePos), lhs
	case *syntax.IndexExpr:
		x, i := temp(tempObject, lhs.X), temp(tempIndex, lhs.Y)
		load = &syntax.IndexExpr{X: x, Lbrack: lhs.Lbrack, Y: i, Rbrack: lhs.Rbrack}
		store = &syntax.IndexExpr{X: copyIdent(x), Lbrack: lhs.Lbrack, Y: copyIdent(i), Rbrack: lhs.Rbrack}
	case *syntax.DotExpr:
		x := temp(tempObject, lhs.X)
		load = &syntax.DotExpr{X: x, Dot: lhs.Dot, NamePos: lhs.NamePos, Name: lhs.Name}
		store = &syntax.DotExpr{X: copyIdent(x), Dot: lhs.Dot, NamePos: lhs.NamePos, Name: ident(lhs.Name.Name, lhs.NamePos)}
	default:
		// Not assignable: the resolver reports it.
		return []syntax.Stmt{s}
	}
	s.Op, s.LHS, s.RHS = syntax.EQ, store, call(guard, s.OpPos, load, s.RHS)
	return append(pre, s)
}

// rewriteTarget rewrites the expressions inside an assignment's target,
// which itself stays a target.
func (r *rewriter) target(e syntax.Expr) {
	switch e := e.(type) {
	case *syntax.ParenExpr:
		r.target(e.X)
	case *syntax.TupleExpr:
		for _, x := range e.List {
			r.target(x)
		}
	case *syntax.ListExpr:
		for _, x := range e.List {
			r.target(x)
		}
	case *syntax.IndexExpr:
		e.X, e.Y = r.expr(e.X), r.expr(e.Y)
	case *syntax.DotExpr:
		e.X = r.expr(e.X)
	}
}

func (r *rewriter) exprs(list []syntax.Expr) {
	for i, e := range list {
		list[i] = r.expr(e)
	}
}

func (r *rewriter) expr(e syntax.Expr) syntax.Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *syntax.ParenExpr:
		e.X = r.expr(e.X)
	case *syntax.CallExpr:
		e.Fn = r.expr(e.Fn)
		r.exprs(e.Args)
	case *syntax.DotExpr:
		e.X = r.expr(e.X)
		if guardedMethods[e.Name.Name] {
			return call(guardMethod, e.NamePos, e)
		}
	case *syntax.Comprehension:
		for _, c := range e.Clauses {
			switch c := c.(type) {
			case *syntax.ForClause:
				r.target(c.Vars)
				c.X = r.expr(c.X)
			case *syntax.IfClause:
				c.Cond = r.expr(c.Cond)
			}
		}
		e.Body = r.expr(e.Body)
	case *syntax.CondExpr:
		e.Cond, e.True, e.False = r.expr(e.Cond), r.expr(e.True), r.expr(e.False)
	case *syntax.DictExpr:
		r.exprs(e.List)
	case *syntax.DictEntry:
		e.Key, e.Value = r.expr(e.Key), r.expr(e.Value)
	case *syntax.LambdaExpr:
		r.exprs(e.Params)
		e.Body = r.expr(e.Body)
	case *syntax.ListExpr:
		r.exprs(e.List)
	case *syntax.TupleExpr:
		r.exprs(e.List)
	case *syntax.UnaryExpr:
		e.X = r.expr(e.X)
	case *syntax.SliceExpr:
		e.X, e.Lo, e.Hi, e.Step = r.expr(e.X), r.expr(e.Lo), r.expr(e.Hi), r.expr(e.Step)
	case *syntax.IndexExpr:
		e.X, e.Y = r.expr(e.X), r.expr(e.Y)
	case *syntax.BinaryExpr:
		// Also a keyword argument (Op EQ), whose X stays an identifier.
		numbers := r.numbers.is(e)
		e.X, e.Y = r.expr(e.X), r.expr(e.Y)
		switch {
		case numbers:
		case e.Op == syntax.STAR && smallRepeat(e.X, e.Y):
		case e.Op == syntax.STAR:
			return call(guardMul, e.OpPos, e.X, e.Y)
		case e.Op == syntax.PERCENT:
			return call(guardMod, e.OpPos, e.X, e.Y)
		}
	}
	return e
}

// smallRepeat reports whether x * y repeats a literal a literal number of
// times, into less than host.SmallAlloc bytes: "-" * 40, [0] * 8.
func smallRepeat(x, y syntax.Expr) bool {
	if _, ok := x.(*syntax.Literal); ok {
		x, y = y, x
	}
	count, ok := y.(*syntax.Literal)
	if !ok || count.Token != syntax.INT {
		return false
	}
	n, ok := count.Value.(int64)
	if !ok || n > host.SmallAlloc {
		return false
	}
	var size int64
	switch x := x.(type) {
	case *syntax.Literal:
		s, ok := x.Value.(string)
		if !ok {
			return false
		}
		size = int64(len(s))
	case *syntax.ListExpr:
		size = int64(len(x.List)) * slotBytes
	case *syntax.TupleExpr:
		size = int64(len(x.List)) * slotBytes
	default:
		return false
	}
	return size*n <= host.SmallAlloc
}

// mayBeLazy reports whether e may evaluate to a sequence that holds no
// elements of its own, such as a range, which += would make into many
// list elements at once: not a literal, display, comprehension, or
// operator's result.
func mayBeLazy(e syntax.Expr) bool {
	switch e := e.(type) {
	case *syntax.Literal, *syntax.ListExpr, *syntax.TupleExpr, *syntax.DictExpr, *syntax.Comprehension,
		*syntax.BinaryExpr, *syntax.UnaryExpr:
		return false
	case *syntax.CallExpr:
		if id, ok := e.Fn.(*syntax.Ident); ok && (id.Name == guardMul || id.Name == guardMod) {
			return false
		}
	}
	return true
}

// call is the call name(args...) at pos: the interpreter reports a failed
// call at its opening parenthesis.
func call(name string, pos syntax.Position, args ...syntax.Expr) *syntax.CallExpr {
	start, _ := args[0].Span()
	_, end := args[len(args)-1].Span()
	return &syntax.CallExpr{Fn: ident(name, start), Lparen: pos, Args: args, Rparen: end}
}

func ident(name string, pos syntax.Position) *syntax.Ident {
	return &syntax.Ident{NamePos: pos, Name: name}
}

// copyIdent is a fresh copy of e, an identifier or a literal: the resolver
// annotates each identifier node, so none may appear twice in the tree.
func copyIdent(e syntax.Expr) syntax.Expr {
	if id, ok := e.(*syntax.Ident); ok {
		return ident(id.Name, id.NamePos)
	}
	return e
}
