package pysyntax

import (
	"fmt"
	"strconv"

	"go.starlark.net/syntax"
)

// The hooks the lowered tree calls, which the Python dialect's runtime
// (bindings/starlark/pyrun) predeclares. A script cannot spell them: '$'
// is no identifier character.
const (
	HookTry       = "$try"       // $try(fn) -> (exception or None, value): fn's exception, caught
	HookMatch     = "$match"     // $match(exc, classes) -> whether an except clause takes exc
	HookRaise     = "$raise"     // $raise([exc[, cause]]): raise, raise X, raise X from Y
	HookReraise   = "$reraise"   // $reraise(exc): the bare raise of a handler, or an unmatched exception
	HookAssert    = "$assert"    // $assert([msg]): a failed assert
	HookDel       = "$del"       // $del(x, key): del x[key]
	HookImport    = "$import"    // $import(name, bind): import name; the module bound
	HookFrom      = "$from"      // $from(module, name): from module import name
	HookIs        = "$is"        // $is(x, y): x is y
	HookPow       = "$pow"       // $pow(x, y): x ** y
	HookEq        = "$eq"        // $eq(x, y): Python's x == y
	HookIter      = "$iter"      // $iter(x): what for ... in x goes through
	HookAttr      = "$attr"      // $attr(x, name): a Python method Starlark's values lack
	HookGetItem   = "$getitem"   // $getitem(x, key): x[key], failing with KeyError or IndexError
	HookDiv       = "$div"       // $div(x, y): x / y, failing with ZeroDivisionError
	HookFloorDiv  = "$floordiv"  // $floordiv(x, y): x // y
	HookUndefined = "$undefined" // $undefined(name): a NameError
	HookGlobals   = "$G"         // the namespace of the names a function declares global
)

// Hooks lists every hook name, for the runtime to check it has them all.
var Hooks = []string{HookTry, HookMatch, HookRaise, HookReraise, HookAssert, HookDel, HookImport, HookFrom,
	HookIs, HookPow, HookEq, HookIter, HookAttr, HookGetItem, HookDiv, HookFloorDiv, HookUndefined, HookGlobals}

// renamed maps the source pass's hidden names to the hooks they call.
var renamed = map[string]string{kwImport: HookImport, kwFrom: HookFrom, kwPow: HookPow, kwChain: "$chain"}

// frame is what a statement being lowered sits in.
type frame struct {
	finallies [][]syntax.Stmt // the finally bodies around it, innermost last
	loopMark  int             // len(finallies) at the innermost loop
	handler   string          // the variable holding the exception being handled, for a bare raise
	decl      map[string]bool // the names the function declares global (nil at module level)
	tries     int             // how many try statements it is nested in
}

// maxTries bounds the nesting of try statements, as Python's compiler
// bounds blocks ("too many statically nested blocks"): each level of the
// lowering wraps the statements of the levels inside it.
const maxTries = 20

type lowerer struct {
	n          int
	err        *Error
	globals    map[string]bool // names some function declares global
	defGlobals map[*syntax.DefStmt]map[string]bool
}

func (lw *lowerer) fail(pos syntax.Position, msg string) {
	if lw.err == nil {
		lw.err = &Error{Line: int(pos.Line), Col: int(pos.Col), Msg: msg}
	}
}

func (lw *lowerer) next() string { lw.n++; return strconv.Itoa(lw.n) }

// Node constructors; generated nodes take the position of what they stand for.

func ident(pos syntax.Position, name string) *syntax.Ident {
	return &syntax.Ident{NamePos: pos, Name: name}
}

func call(pos syntax.Position, fn string, args ...syntax.Expr) *syntax.CallExpr {
	return &syntax.CallExpr{Fn: ident(pos, fn), Lparen: pos, Args: args, Rparen: pos}
}

func assign(pos syntax.Position, lhs, rhs syntax.Expr) *syntax.AssignStmt {
	return &syntax.AssignStmt{OpPos: pos, Op: syntax.EQ, LHS: lhs, RHS: rhs}
}

func ifStmt(pos syntax.Position, cond syntax.Expr, then, els []syntax.Stmt) *syntax.IfStmt {
	return &syntax.IfStmt{If: pos, Cond: cond, True: nonEmpty(pos, then), ElsePos: pos, False: els}
}

func not(pos syntax.Position, x syntax.Expr) syntax.Expr {
	return &syntax.UnaryExpr{OpPos: pos, Op: syntax.NOT, X: x}
}

func none(pos syntax.Position) syntax.Expr { return ident(pos, "None") }

func str(pos syntax.Position, s string) *syntax.Literal {
	return &syntax.Literal{Token: syntax.STRING, TokenPos: pos, Raw: strconv.Quote(s), Value: s}
}

func nonEmpty(pos syntax.Position, body []syntax.Stmt) []syntax.Stmt {
	if len(body) == 0 {
		return []syntax.Stmt{&syntax.BranchStmt{Token: syntax.PASS, TokenPos: pos}}
	}
	return body
}

// tryCall is "E, V = $try(lambda: x)".
func tryCall(pos syntax.Position, e, v string, x syntax.Expr) syntax.Stmt {
	lhs := &syntax.TupleExpr{List: []syntax.Expr{ident(pos, e), ident(pos, v)}}
	return assign(pos, lhs, call(pos, HookTry, &syntax.LambdaExpr{Lambda: pos, Body: x}))
}

// isHidden reports whether e calls the hidden name kw.
func isHidden(e syntax.Expr, kw string) (*syntax.CallExpr, bool) {
	if id, ok := e.(*syntax.Ident); ok && id.Name == kw {
		return nil, true
	}
	c, ok := e.(*syntax.CallExpr)
	if !ok {
		return nil, false
	}
	id, ok := c.Fn.(*syntax.Ident)
	return c, ok && id.Name == kw
}

func stmtPos(s syntax.Stmt) syntax.Position { p, _ := s.Span(); return p }

// stmts lowers a block.
func (lw *lowerer) stmts(list []syntax.Stmt, fr frame) []syntax.Stmt {
	var out []syntax.Stmt
	for i := 0; i < len(list); i++ {
		s := list[i]
		// A loop followed by the source pass's "if __vs_loopelse__:"
		// is a loop with an else clause.
		if i+1 < len(list) {
			if els, ok := list[i+1].(*syntax.IfStmt); ok {
				if _, ok := isHidden(els.Cond, kwLoopElse); ok {
					out = append(out, lw.loopElse(s, els.True, fr)...)
					i++
					continue
				}
			}
		}
		out = append(out, lw.stmt(s, fr)...)
	}
	return out
}

func (lw *lowerer) stmt(s syntax.Stmt, fr frame) []syntax.Stmt {
	pos := stmtPos(s)
	switch s := s.(type) {
	case *syntax.IfStmt:
		if _, ok := isHidden(s.Cond, kwTry); ok {
			return lw.try(s, fr)
		}
		if _, ok := isHidden(s.Cond, kwLoopElse); ok {
			lw.fail(pos, "else without a loop or try")
			return nil
		}
		s.True = lw.stmts(s.True, fr)
		s.False = lw.stmts(s.False, fr)
		return []syntax.Stmt{s}
	case *syntax.ForStmt:
		fr.loopMark = len(fr.finallies)
		s.Body = lw.stmts(s.Body, fr)
		return []syntax.Stmt{s}
	case *syntax.WhileStmt:
		fr.loopMark = len(fr.finallies)
		s.Body = lw.stmts(s.Body, fr)
		return []syntax.Stmt{s}
	case *syntax.DefStmt:
		decl := map[string]bool{}
		lw.defGlobals[s] = decl
		s.Body = lw.stmts(s.Body, frame{decl: decl, tries: fr.tries})
		return []syntax.Stmt{s}
	case *syntax.ExprStmt:
		c, _ := s.X.(*syntax.CallExpr)
		if c == nil {
			return []syntax.Stmt{s}
		}
		if _, ok := isHidden(c, kwRaise); ok {
			if len(c.Args) == 0 {
				if fr.handler == "" {
					return []syntax.Stmt{&syntax.ExprStmt{X: call(pos, HookRaise)}}
				}
				return []syntax.Stmt{&syntax.ExprStmt{X: call(pos, HookReraise, ident(pos, fr.handler))}}
			}
			return []syntax.Stmt{&syntax.ExprStmt{X: call(pos, HookRaise, c.Args...)}}
		}
		if _, ok := isHidden(c, kwAssert); ok {
			// assert c, msg: msg is evaluated only when c is false.
			if len(c.Args) == 0 || len(c.Args) > 2 {
				lw.fail(pos, "assert takes a condition and an optional message")
				return nil
			}
			fail := call(pos, HookAssert, c.Args[1:]...)
			return []syntax.Stmt{ifStmt(pos, not(pos, &syntax.ParenExpr{Lparen: pos, X: c.Args[0], Rparen: pos}), []syntax.Stmt{&syntax.ExprStmt{X: fail}}, nil)}
		}
		if _, ok := isHidden(c, kwGlobal); ok {
			for _, a := range c.Args {
				id, ok := a.(*syntax.Ident)
				if !ok {
					lw.fail(pos, "global takes names")
					return nil
				}
				if fr.decl != nil { // at module level, global changes nothing
					fr.decl[id.Name] = true
					lw.globals[id.Name] = true
				}
			}
			return []syntax.Stmt{&syntax.BranchStmt{Token: syntax.PASS, TokenPos: pos}}
		}
		if _, ok := isHidden(c, kwDel); ok {
			return lw.del(pos, c.Args)
		}
		return []syntax.Stmt{s}
	case *syntax.ReturnStmt:
		if len(fr.finallies) == 0 {
			return []syntax.Stmt{s}
		}
		return lw.exitThrough(pos, s, fr.finallies)
	case *syntax.BranchStmt:
		if s.Token == syntax.PASS || len(fr.finallies) == fr.loopMark {
			return []syntax.Stmt{s}
		}
		return lw.exitThrough(pos, s, fr.finallies[fr.loopMark:])
	}
	return []syntax.Stmt{s}
}

// exitThrough runs the finally bodies s leaves, innermost first, then s.
func (lw *lowerer) exitThrough(pos syntax.Position, s syntax.Stmt, finallies [][]syntax.Stmt) []syntax.Stmt {
	var out []syntax.Stmt
	if r, ok := s.(*syntax.ReturnStmt); ok && r.Result != nil {
		// The value first, then the finally bodies, as Python.
		v := "$r" + lw.next()
		out = append(out, assign(pos, ident(pos, v), r.Result))
		s = &syntax.ReturnStmt{Return: r.Return, Result: ident(pos, v)}
	}
	for i := len(finallies) - 1; i >= 0; i-- {
		out = append(out, clone(finallies[i])...)
	}
	return append(out, s)
}

// del lowers del a[k], b[j], x.
func (lw *lowerer) del(pos syntax.Position, targets []syntax.Expr) []syntax.Stmt {
	var out []syntax.Stmt
	for _, t := range targets {
		switch t := t.(type) {
		case *syntax.IndexExpr:
			out = append(out, &syntax.ExprStmt{X: call(pos, HookDel, t.X, t.Y)})
		case *syntax.Ident:
			// The name is unbound in Python; here it holds None.
			out = append(out, assign(pos, t, none(pos)))
		case *syntax.TupleExpr:
			out = append(out, lw.del(pos, t.List)...)
		case *syntax.ParenExpr:
			out = append(out, lw.del(pos, []syntax.Expr{t.X})...)
		default:
			lw.fail(pos, fmt.Sprintf("del of this target is not supported (see %s#syntax)", PortingGuide))
		}
	}
	return out
}

// loopElse lowers a for or while loop with an else clause: the else body
// runs when the loop ends without a break.
func (lw *lowerer) loopElse(loop syntax.Stmt, els []syntax.Stmt, fr frame) []syntax.Stmt {
	pos := stmtPos(loop)
	done := "$l" + lw.next()
	var body *[]syntax.Stmt
	switch l := loop.(type) {
	case *syntax.ForStmt:
		body = &l.Body
	case *syntax.WhileStmt:
		body = &l.Body
	default:
		lw.fail(pos, "else without a loop or try")
		return nil
	}
	*body = breaksClear(*body, done)
	out := []syntax.Stmt{assign(pos, ident(pos, done), ident(pos, "True"))}
	out = append(out, lw.stmt(loop, fr)...)
	return append(out, ifStmt(pos, ident(pos, done), lw.stmts(els, fr), nil))
}

// breaksClear makes each break of body (not of a loop inside it) clear
// flag first.
func breaksClear(body []syntax.Stmt, flag string) []syntax.Stmt {
	var out []syntax.Stmt
	for _, s := range body {
		switch s := s.(type) {
		case *syntax.BranchStmt:
			if s.Token == syntax.BREAK {
				out = append(out, assign(s.TokenPos, ident(s.TokenPos, flag), ident(s.TokenPos, "False")))
			}
		case *syntax.IfStmt:
			s.True = breaksClear(s.True, flag)
			s.False = breaksClear(s.False, flag)
		}
		out = append(out, s)
	}
	return out
}

// tryClauses are a try statement's parts, read back from the if/elif
// chain the source pass wrote.
type tryClauses struct {
	body     []syntax.Stmt
	handlers []handler
	els      []syntax.Stmt
	final    []syntax.Stmt
	hasFinal bool
}

type handler struct {
	pos     syntax.Position
	classes syntax.Expr // nil: a bare except
	name    *syntax.Ident
	body    []syntax.Stmt
}

func (lw *lowerer) clauses(s *syntax.IfStmt) (tryClauses, bool) {
	t := tryClauses{body: s.True}
	rest := s.False
	for len(rest) == 1 {
		branch, ok := rest[0].(*syntax.IfStmt)
		if !ok {
			break
		}
		switch c, _ := branch.Cond.(*syntax.CallExpr); {
		case isHiddenCall(branch.Cond, kwExcept):
			h := handler{pos: branch.If, body: branch.True}
			if len(c.Args) > 0 {
				h.classes = c.Args[0]
			}
			if len(c.Args) == 2 {
				h.name, _ = c.Args[1].(*syntax.Ident)
			}
			if len(c.Args) > 2 || len(c.Args) == 2 && h.name == nil {
				lw.fail(branch.If, "invalid except clause")
			}
			t.handlers = append(t.handlers, h)
		case isHiddenCall(branch.Cond, kwTryElse):
			t.els = branch.True
		case isHiddenCall(branch.Cond, kwFinally):
			t.final, t.hasFinal = branch.True, true
		default:
			lw.fail(branch.If, "unexpected branch in a try statement")
			return t, false
		}
		rest = branch.False
	}
	if len(rest) > 0 {
		lw.fail(stmtPos(rest[0]), "else after a try statement")
		return t, false
	}
	if len(t.handlers) == 0 && !t.hasFinal {
		lw.fail(s.If, "try without except or finally")
		return t, false
	}
	return t, true
}

func isHiddenCall(e syntax.Expr, kw string) bool { _, ok := isHidden(e, kw); return ok }

// try lowers a try statement. The body's statements run one by one, each
// through $try, which catches its exception into E; once E is set, the
// rest are skipped. Then the first handler whose classes match takes E;
// else the else body runs; then the finally body; then an exception no
// handler took is raised again. With a finally body, the handlers and the
// else body are caught too (into F), so that finally runs before their
// exception goes on; return, break and continue run it on their way out.
func (lw *lowerer) try(s *syntax.IfStmt, fr frame) []syntax.Stmt {
	t, ok := lw.clauses(s)
	if !ok {
		return nil
	}
	pos := s.If
	if fr.tries++; fr.tries > maxTries {
		lw.fail(pos, "too many statically nested blocks")
		return nil
	}
	n := lw.next()
	e, v, c, f := "$e"+n, "$v"+n, "$c"+n, "$f"+n
	inner := fr
	var final []syntax.Stmt
	if t.hasFinal {
		final = lw.stmts(t.final, fr)
		inner.finallies = append(append([][]syntax.Stmt(nil), fr.finallies...), final)
	}
	out := []syntax.Stmt{assign(pos, ident(pos, e), none(pos))}
	out = append(out, lw.protect(lw.stmts(t.body, inner), e, v, inner)...)

	// The handlers, an if/elif chain on the exception.
	var chain []syntax.Stmt
	for i := len(t.handlers) - 1; i >= 0; i-- {
		h := t.handlers[i]
		hf := inner
		hf.handler = c
		body := []syntax.Stmt{assign(h.pos, ident(h.pos, c), ident(h.pos, e)), assign(h.pos, ident(h.pos, e), none(h.pos))}
		if h.name != nil {
			body = append(body, assign(h.pos, h.name, ident(h.pos, c)))
		}
		hb := lw.stmts(h.body, hf)
		if t.hasFinal {
			hb = lw.protect(hb, f, v, hf)
		}
		body = append(body, hb...)
		if h.classes == nil {
			chain = body // a bare except takes everything; later clauses never run
			continue
		}
		chain = []syntax.Stmt{ifStmt(h.pos, call(h.pos, HookMatch, ident(h.pos, e), h.classes), body, chain)}
	}
	var els []syntax.Stmt
	if t.els != nil {
		els = lw.stmts(t.els, inner)
		if t.hasFinal {
			els = lw.protect(els, f, v, inner)
		}
	}
	if t.hasFinal {
		out = append(out, assign(pos, ident(pos, f), none(pos)))
	}
	if chain != nil || els != nil {
		out = append(out, ifStmt(pos, ident(pos, e), nonEmpty(pos, chain), els))
	}
	out = append(out, final...)
	out = append(out, ifStmt(pos, ident(pos, e), []syntax.Stmt{&syntax.ExprStmt{X: call(pos, HookReraise, ident(pos, e))}}, nil))
	if t.hasFinal {
		out = append(out, ifStmt(pos, ident(pos, f), []syntax.Stmt{&syntax.ExprStmt{X: call(pos, HookReraise, ident(pos, f))}}, nil))
	}
	return out
}

// protect makes list catch its exception into e: each statement runs only
// while e is None, and the parts of it that can raise run through $try.
func (lw *lowerer) protect(list []syntax.Stmt, e, v string, fr frame) []syntax.Stmt {
	var out []syntax.Stmt
	for i, s := range list {
		g := lw.guard(s, e, v, fr)
		if i == 0 {
			out = append(out, g...)
			continue
		}
		pos := stmtPos(s)
		out = append(out, ifStmt(pos, not(pos, ident(pos, e)), g, nil))
	}
	return out
}

// guard is one statement of a protected block.
func (lw *lowerer) guard(s syntax.Stmt, e, v string, fr frame) []syntax.Stmt {
	pos := stmtPos(s)
	ok := func(then ...syntax.Stmt) syntax.Stmt { return ifStmt(pos, not(pos, ident(pos, e)), then, nil) }
	switch s := s.(type) {
	case *syntax.ExprStmt:
		return []syntax.Stmt{tryCall(pos, e, v, s.X)}
	case *syntax.AssignStmt:
		if isHiddenCall(s.RHS, HookTry) {
			return []syntax.Stmt{s} // a nested try's own catch
		}
		if id, isIdent := s.RHS.(*syntax.Ident); isIdent && (id.Name == "None" || id.Name == "True" || id.Name == "False" || id.Name[0] == '$') {
			return []syntax.Stmt{s}
		}
		return []syntax.Stmt{tryCall(pos, e, v, s.RHS), ok(&syntax.AssignStmt{OpPos: s.OpPos, Op: s.Op, LHS: s.LHS, RHS: ident(pos, v)})}
	case *syntax.IfStmt:
		if id, isIdent := s.Cond.(*syntax.Ident); isIdent && id.Name[0] == '$' {
			// A nested try's own test of its exception.
			s.True = lw.protect(s.True, e, v, fr)
			s.False = lw.protect(s.False, e, v, fr)
			return []syntax.Stmt{s}
		}
		if u, isNot := s.Cond.(*syntax.UnaryExpr); isNot && u.Op == syntax.NOT {
			if id, isIdent := u.X.(*syntax.Ident); isIdent && id.Name[0] == '$' {
				s.True = lw.protect(s.True, e, v, fr)
				s.False = lw.protect(s.False, e, v, fr)
				return []syntax.Stmt{s}
			}
		}
		then := lw.protect(s.True, e, v, fr)
		els := lw.protect(s.False, e, v, fr)
		return []syntax.Stmt{tryCall(pos, e, v, s.Cond), ok(ifStmt(pos, ident(pos, v), then, els))}
	case *syntax.ForStmt:
		it := "$i" + lw.next()
		body := lw.protect(s.Body, e, v, fr)
		body = append(body, ifStmt(pos, ident(pos, e), []syntax.Stmt{&syntax.BranchStmt{Token: syntax.BREAK, TokenPos: pos}}, nil))
		loop := &syntax.ForStmt{For: s.For, Vars: s.Vars, X: ident(pos, it), Body: body}
		return []syntax.Stmt{tryCall(pos, e, it, s.X), ok(loop)}
	case *syntax.WhileStmt:
		stop := &syntax.BinaryExpr{X: ident(pos, e), OpPos: pos, Op: syntax.OR, Y: not(pos, ident(pos, v))}
		body := []syntax.Stmt{tryCall(pos, e, v, s.Cond), ifStmt(pos, stop, []syntax.Stmt{&syntax.BranchStmt{Token: syntax.BREAK, TokenPos: pos}}, nil)}
		body = append(body, lw.protect(s.Body, e, v, fr)...)
		body = append(body, ifStmt(pos, ident(pos, e), []syntax.Stmt{&syntax.BranchStmt{Token: syntax.BREAK, TokenPos: pos}}, nil))
		return []syntax.Stmt{&syntax.WhileStmt{While: s.While, Cond: ident(pos, "True"), Body: body}}
	case *syntax.ReturnStmt:
		if s.Result == nil {
			return []syntax.Stmt{s}
		}
		if id, isIdent := s.Result.(*syntax.Ident); isIdent && id.Name[0] == '$' {
			return []syntax.Stmt{s}
		}
		return []syntax.Stmt{tryCall(pos, e, v, s.Result), ok(&syntax.ReturnStmt{Return: s.Return, Result: ident(pos, v)})}
	}
	return []syntax.Stmt{s} // def, pass, break, continue
}
