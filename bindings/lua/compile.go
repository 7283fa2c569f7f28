package lua

import (
	"io"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"
	"github.com/yuin/gopher-lua/parse"
)

// concatName is the local of a compiled chunk that holds the guarded
// concatenation (see rewriteConcat). A script cannot name it, and a
// traceback shows it as "function (concat)".
const concatName = "(concat)"

// compile compiles the Lua source read from r, named name, into a function
// to run on L, as L.Load does, with two changes:
//
//   - Every concatenation (a .. b, a .. b .. c) calls the guarded
//     concatenation, which checks the size of its result first: one such
//     operation of gopher-lua joins all its operands at once, a chain of
//     a hundred copies of one long string would be a hundred times
//     longer, and a string that doubles at each step outgrows the heap
//     poller on a busy machine.
//   - Tail calls (return f(x)) are compiled as calls followed by a return,
//     so that they count toward the call depth limit. gopher-lua counts
//     the tail calls of a frame, and an error's traceback then holds one
//     line per tail call: a tail-recursive loop stopped by its timeout
//     took seconds and gigabytes to report.
func (in *interp) compile(L *lua.LState, r io.Reader, name string) (*lua.LFunction, error) {
	chunk, err := parse.Parse(r, name)
	if err != nil {
		return nil, err
	}
	guarded := in.lim.MaxMemory > 0 && rewriteConcat(chunk)
	if guarded {
		// local (concat) = <the guarded concatenation>: a constant, which
		// the compiler cannot hold, so a placeholder replaced below.
		// Neither the environment (setfenv) nor the chunk's arguments
		// are involved.
		placeholder := &ast.StringExpr{Value: concatPlaceholder}
		local := &ast.LocalAssignStmt{Names: []string{concatName}, Exprs: []ast.Expr{placeholder}}
		if len(chunk) > 0 {
			placeholder.SetLine(chunk[0].Line())
			local.SetLine(chunk[0].Line())
			local.SetLastLine(chunk[0].Line())
		}
		chunk = append([]ast.Stmt{local}, chunk...)
	}
	proto, err := lua.Compile(chunk, name)
	if err != nil {
		return nil, err
	}
	noTailCalls(proto)
	if guarded {
		for i, k := range proto.Constants {
			if k == lua.LString(concatPlaceholder) {
				proto.Constants[i] = L.NewFunction(in.concat)
			}
		}
	}
	return L.NewFunctionFromProto(proto), nil
}

// concatPlaceholder is the constant compile replaces with the guarded
// concatenation. A script that spells it gets that function, which does
// nothing it could not do otherwise.
const concatPlaceholder = "\x00vertscript: guarded concatenation\x00"

// opcode masks and positions of gopher-lua's instructions (opcode.go).
const (
	opShift = 26
	opMask  = 0x3f << opShift
)

// noTailCalls rewrites the tail calls of p and of the functions defined in
// it as plain calls. The compiler emits TAILCALL A B 0 followed by RETURN
// A 0, which is also what a call of all results followed by their return
// is: the rewrite changes the opcode only.
func noTailCalls(p *lua.FunctionProto) {
	for i, inst := range p.Code {
		if int(inst>>opShift) == lua.OP_TAILCALL {
			p.Code[i] = inst&^opMask | uint32(lua.OP_CALL)<<opShift
		}
	}
	for _, c := range p.FunctionPrototypes {
		noTailCalls(c)
	}
}

// rewriteConcat replaces, in chunk, each chain of one or more
// concatenations with a call of the local concatName; it reports whether
// it did.
func rewriteConcat(chunk []ast.Stmt) bool {
	r := &concatRewriter{}
	r.stmts(chunk)
	return r.found
}

type concatRewriter struct{ found bool }

func (r *concatRewriter) stmts(list []ast.Stmt) {
	for _, s := range list {
		r.stmt(s)
	}
}

func (r *concatRewriter) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.AssignStmt:
		r.exprs(s.Lhs)
		r.exprs(s.Rhs)
	case *ast.LocalAssignStmt:
		r.exprs(s.Exprs)
	case *ast.FuncCallStmt:
		s.Expr = r.expr(s.Expr)
	case *ast.DoBlockStmt:
		r.stmts(s.Stmts)
	case *ast.WhileStmt:
		s.Condition = r.expr(s.Condition)
		r.stmts(s.Stmts)
	case *ast.RepeatStmt:
		r.stmts(s.Stmts)
		s.Condition = r.expr(s.Condition)
	case *ast.IfStmt:
		s.Condition = r.expr(s.Condition)
		r.stmts(s.Then)
		r.stmts(s.Else)
	case *ast.NumberForStmt:
		s.Init, s.Limit = r.expr(s.Init), r.expr(s.Limit)
		if s.Step != nil {
			s.Step = r.expr(s.Step)
		}
		r.stmts(s.Stmts)
	case *ast.GenericForStmt:
		r.exprs(s.Exprs)
		r.stmts(s.Stmts)
	case *ast.FuncDefStmt:
		r.expr(s.Func)
	case *ast.ReturnStmt:
		r.exprs(s.Exprs)
	}
}

func (r *concatRewriter) exprs(list []ast.Expr) {
	for i, e := range list {
		list[i] = r.expr(e)
	}
}

func (r *concatRewriter) expr(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.AttrGetExpr:
		e.Object, e.Key = r.expr(e.Object), r.expr(e.Key)
	case *ast.TableExpr:
		for _, f := range e.Fields {
			if f.Key != nil {
				f.Key = r.expr(f.Key)
			}
			f.Value = r.expr(f.Value)
		}
	case *ast.FuncCallExpr:
		if e.Func != nil {
			e.Func = r.expr(e.Func)
		}
		if e.Receiver != nil {
			e.Receiver = r.expr(e.Receiver)
		}
		r.exprs(e.Args)
	case *ast.LogicalOpExpr:
		e.Lhs, e.Rhs = r.expr(e.Lhs), r.expr(e.Rhs)
	case *ast.RelationalOpExpr:
		e.Lhs, e.Rhs = r.expr(e.Lhs), r.expr(e.Rhs)
	case *ast.ArithmeticOpExpr:
		e.Lhs, e.Rhs = r.expr(e.Lhs), r.expr(e.Rhs)
	case *ast.UnaryMinusOpExpr:
		e.Expr = r.expr(e.Expr)
	case *ast.UnaryNotOpExpr:
		e.Expr = r.expr(e.Expr)
	case *ast.UnaryLenOpExpr:
		e.Expr = r.expr(e.Expr)
	case *ast.FunctionExpr:
		r.stmts(e.Stmts)
	case *ast.StringConcatOpExpr:
		// a .. b .. c parses as a .. (b .. c).
		operands := []ast.Expr{e.Lhs}
		rest := e.Rhs
		for {
			c, ok := rest.(*ast.StringConcatOpExpr)
			if !ok {
				break
			}
			operands = append(operands, c.Lhs)
			rest = c.Rhs
		}
		operands = append(operands, rest)
		r.exprs(operands)
		r.found = true
		// The last argument of a call passes all its values, an
		// operand only its first.
		switch last := operands[len(operands)-1].(type) {
		case *ast.FuncCallExpr:
			last.AdjustRet = true
		case *ast.Comma3Expr:
			last.AdjustRet = true
		}
		fn := &ast.IdentExpr{Value: concatName}
		fn.SetLine(e.Line())
		fn.SetLastLine(e.Line())
		call := &ast.FuncCallExpr{Func: fn, Args: operands}
		call.SetLine(e.Line())
		call.SetLastLine(e.LastLine())
		return call
	}
	return e
}
