package lua

import (
	"bytes"
	"fmt"
	"io"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"
	"github.com/yuin/gopher-lua/parse"

	"github.com/vertscript/vertscript/host"
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
	if max := in.lim.MaxMemory / host.SourceFactor; in.lim.MaxMemory > 0 {
		src, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
		if err != nil {
			return nil, err
		}
		if le := in.lim.CheckSource(len(src), "the chunk "+name); le != nil {
			return nil, le
		}
		r = bytes.NewReader(src)
	}
	chunk, err := parse.Parse(r, name)
	if err != nil {
		return nil, err
	}
	if line, ok := shallow(chunk); !ok {
		// gopher-lua's parser keeps its own stack, but its compiler
		// (and rewriteConcat) recurse on the syntax tree.
		return nil, &lua.CompileError{Line: line, Message: fmt.Sprintf("chunk has too many syntax levels (more than %d)", host.MaxNesting)}
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

// shallow reports whether chunk's syntax tree nests at most host.MaxNesting
// levels deep (blocks, functions, expressions: a table constructor in a
// table constructor, a long chain of operators), and if not, the line
// where it passes that. Lua 5.1 refuses more than 200 levels with the same
// message; gopher-lua's compiler recurses on the tree, and a million
// levels given to load() overflowed the Go stack, a fatal error.
func shallow(chunk []ast.Stmt) (int, bool) {
	d := &depthWalker{}
	d.stmts(chunk, 0)
	return d.line, !d.deep
}

// depthWalker walks a syntax tree, no deeper than host.MaxNesting.
type depthWalker struct {
	deep bool
	line int
}

func (d *depthWalker) enter(depth, line int) bool {
	if d.deep {
		return false
	}
	if depth > host.MaxNesting {
		d.deep, d.line = true, line
		return false
	}
	return true
}

func (d *depthWalker) stmts(list []ast.Stmt, depth int) {
	for _, s := range list {
		d.stmt(s, depth)
	}
}

func (d *depthWalker) stmt(s ast.Stmt, depth int) {
	if !d.enter(depth, s.Line()) {
		return
	}
	depth++
	switch s := s.(type) {
	case *ast.AssignStmt:
		d.exprs(s.Lhs, depth)
		d.exprs(s.Rhs, depth)
	case *ast.LocalAssignStmt:
		d.exprs(s.Exprs, depth)
	case *ast.FuncCallStmt:
		d.expr(s.Expr, depth)
	case *ast.DoBlockStmt:
		d.stmts(s.Stmts, depth)
	case *ast.WhileStmt:
		d.expr(s.Condition, depth)
		d.stmts(s.Stmts, depth)
	case *ast.RepeatStmt:
		d.stmts(s.Stmts, depth)
		d.expr(s.Condition, depth)
	case *ast.IfStmt:
		d.expr(s.Condition, depth)
		d.stmts(s.Then, depth)
		d.stmts(s.Else, depth)
	case *ast.NumberForStmt:
		d.expr(s.Init, depth)
		d.expr(s.Limit, depth)
		d.expr(s.Step, depth)
		d.stmts(s.Stmts, depth)
	case *ast.GenericForStmt:
		d.exprs(s.Exprs, depth)
		d.stmts(s.Stmts, depth)
	case *ast.FuncDefStmt:
		d.expr(s.Func, depth)
	case *ast.ReturnStmt:
		d.exprs(s.Exprs, depth)
	}
}

func (d *depthWalker) exprs(list []ast.Expr, depth int) {
	for _, e := range list {
		d.expr(e, depth)
	}
}

func (d *depthWalker) expr(e ast.Expr, depth int) {
	if e == nil || !d.enter(depth, e.Line()) {
		return
	}
	depth++
	switch e := e.(type) {
	case *ast.AttrGetExpr:
		d.expr(e.Object, depth)
		d.expr(e.Key, depth)
	case *ast.TableExpr:
		for _, f := range e.Fields {
			d.expr(f.Key, depth)
			d.expr(f.Value, depth)
		}
	case *ast.FuncCallExpr:
		d.expr(e.Func, depth)
		d.expr(e.Receiver, depth)
		d.exprs(e.Args, depth)
	case *ast.LogicalOpExpr:
		d.expr(e.Lhs, depth)
		d.expr(e.Rhs, depth)
	case *ast.RelationalOpExpr:
		d.expr(e.Lhs, depth)
		d.expr(e.Rhs, depth)
	case *ast.ArithmeticOpExpr:
		d.expr(e.Lhs, depth)
		d.expr(e.Rhs, depth)
	case *ast.StringConcatOpExpr:
		d.expr(e.Lhs, depth)
		d.expr(e.Rhs, depth)
	case *ast.UnaryMinusOpExpr:
		d.expr(e.Expr, depth)
	case *ast.UnaryNotOpExpr:
		d.expr(e.Expr, depth)
	case *ast.UnaryLenOpExpr:
		d.expr(e.Expr, depth)
	case *ast.FunctionExpr:
		d.stmts(e.Stmts, depth)
	}
}
