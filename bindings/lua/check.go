package lua

import (
	"bytes"
	"fmt"
	"maps"
	"strings"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"
	"github.com/yuin/gopher-lua/parse"

	"github.com/vertscript/vertscript/host"
)

var _ host.Checker = Language{}

// runtimeSource are the globals that run code the check does not see:
// source given at run time, or another file.
var runtimeSource = map[string]bool{"load": true, "loadstring": true, "require": true, "dofile": true}

// Check implements host.Checker: it compiles script as Run does (gopher-
// lua's parser and compiler, under the default limits) and returns the
// names the script uses, in source order: x.name, x["name"], x:name(...).
// An index whose key is computed (x[k], x["a" .. b]) is a dynamic access,
// unless the key is a number (a numeric literal, arithmetic, a length, or
// the counter of a numeric for or of an ipairs loop that the loop's body
// never assigns) or the indexed value a table: a name bound to table
// constructors only (and the source names no way to the globals' table:
// _G, rawset, getfenv, setfenv), or the table a pairs or ipairs loop goes through, in
// its body. A use of load, loadstring or require is one too: the code it
// runs is not checked. A field assigned to (t.name = v, t[k] = v,
// function t.name() ... end) is not a use: a host object refuses it.
func (Language) Check(script host.Script) ([]host.Ref, error) {
	in := &interp{lim: host.DefaultLimits, script: script}
	L := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer L.Close()
	if _, err := in.compile(L, bytes.NewReader(script.Src), script.Path); err != nil {
		if le, ok := err.(*host.LimitError); ok {
			return nil, &host.CheckError{Errors: []*host.ScriptError{{Msg: script.Path + ": " + le.Msg, Pos: host.Position{File: script.Path}, Err: le}}}
		}
		msg, pos := syntaxMessage(err, script.Path, string(script.Src))
		if prefix := fmt.Sprintf("%s:%d:", pos.File, pos.Line); pos.Col > 0 && strings.HasPrefix(msg, prefix) {
			// The check cites the column too, where the parser knows it.
			msg = pos.String() + ":" + strings.TrimPrefix(msg, prefix)
		}
		return nil, &host.CheckError{Errors: []*host.ScriptError{{Msg: msg, Pos: pos, Err: err}}}
	}
	chunk, err := parse.Parse(bytes.NewReader(script.Src), script.Path)
	if err != nil {
		msg, pos := syntaxMessage(err, script.Path, string(script.Src))
		return nil, &host.CheckError{Errors: []*host.ScriptError{{Msg: msg, Pos: pos, Err: err}}}
	}
	cols := scanColumns(script.Src, script.Path)
	only := tableOnly(chunk)
	if cols.envAccess {
		// A global can be set through the environment too:
		// _G.t = dom binds no name the walk sees.
		only = nil
	}
	w := &refWalker{file: script.Path, cols: cols,
		numeric: map[string]int{}, tables: map[string]int{}, tableOnly: only,
		redefined: map[string]bool{"pairs": assigns(chunk, "pairs"), "ipairs": assigns(chunk, "ipairs")}}
	w.stmts(chunk)
	return w.refs, nil
}

// refWalker collects the refs of a chunk.
type refWalker struct {
	file    string
	refs    []host.Ref
	cols    *columns
	numeric map[string]int // loop counters known to be numbers, in scope
	tables  map[string]int // names known to be tables, in scope (pairs(t))
	// tableOnly are the names bound to table constructors only;
	// redefined, the standard functions the script binds itself.
	tableOnly, redefined map[string]bool
}

func (w *refWalker) add(name string, line int, kind tokenKind, dynamic bool) {
	w.refs = append(w.refs, host.Ref{Name: name, Pos: host.Position{File: w.file, Line: line, Col: w.cols.take(line, kind, name)}, Dynamic: dynamic})
}

func (w *refWalker) stmts(list []ast.Stmt) {
	for _, s := range list {
		w.stmt(s)
	}
}

func (w *refWalker) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.AssignStmt:
		for _, e := range s.Lhs {
			w.target(e)
		}
		w.exprs(s.Rhs)
	case *ast.LocalAssignStmt:
		w.exprs(s.Exprs)
	case *ast.FuncCallStmt:
		w.expr(s.Expr)
	case *ast.DoBlockStmt:
		w.stmts(s.Stmts)
	case *ast.WhileStmt:
		w.expr(s.Condition)
		w.stmts(s.Stmts)
	case *ast.RepeatStmt:
		w.stmts(s.Stmts)
		w.expr(s.Condition)
	case *ast.IfStmt:
		w.expr(s.Condition)
		w.stmts(s.Then)
		w.stmts(s.Else)
	case *ast.NumberForStmt:
		w.expr(s.Init)
		w.expr(s.Limit)
		if s.Step != nil {
			w.expr(s.Step)
		}
		w.loop(s.Name, s.Stmts)
	case *ast.GenericForStmt:
		w.exprs(s.Exprs)
		counter, table := "", ""
		if iter, arg := w.iteration(s.Exprs); iter != "" {
			if iter == "ipairs" && len(s.Names) > 0 {
				counter = s.Names[0]
			}
			// pairs and ipairs take tables only: in the body, arg is
			// one, unless the body assigns it.
			if id, ok := arg.(*ast.IdentExpr); ok && !assigns(s.Stmts, id.Value) {
				table = id.Value
				w.tables[table]++
				defer func() { w.tables[table]-- }()
			}
		}
		w.loop(counter, s.Stmts)
	case *ast.FuncDefStmt:
		// function a.b.c() ... end and function a:m() ... end define
		// the last name: the names before it are uses.
		if s.Name.Func != nil {
			w.target(s.Name.Func)
		}
		if s.Name.Receiver != nil {
			w.expr(s.Name.Receiver)
		}
		w.expr(s.Func)
	case *ast.ReturnStmt:
		w.exprs(s.Exprs)
	}
}

// iteration returns, for the expressions of a generic for that call the
// standard pairs or ipairs (the script does not redefine them) with one
// argument, the function's name and the argument.
func (w *refWalker) iteration(exprs []ast.Expr) (string, ast.Expr) {
	if len(exprs) != 1 {
		return "", nil
	}
	call, ok := exprs[0].(*ast.FuncCallExpr)
	if !ok || call.Receiver != nil || len(call.Args) != 1 {
		return "", nil
	}
	id, ok := call.Func.(*ast.IdentExpr)
	if !ok || (id.Value != "pairs" && id.Value != "ipairs") || w.redefined[id.Value] {
		return "", nil
	}
	return id.Value, call.Args[0]
}

// loop walks the body of a loop whose counter (when not "") is a number
// throughout the body, unless the body assigns it.
func (w *refWalker) loop(counter string, body []ast.Stmt) {
	if counter != "" && !assigns(body, counter) {
		w.numeric[counter]++
		defer func() { w.numeric[counter]-- }()
	}
	w.stmts(body)
}

// target walks an assignment target: its last field is set, not used.
func (w *refWalker) target(e ast.Expr) {
	if a, ok := e.(*ast.AttrGetExpr); ok {
		// Setting a field calls nothing: a host object refuses it.
		w.expr(a.Object)
		w.expr(a.Key)
		return
	}
	w.expr(e)
}

func (w *refWalker) exprs(list []ast.Expr) {
	for _, e := range list {
		w.expr(e)
	}
}

func (w *refWalker) expr(e ast.Expr) {
	switch e := e.(type) {
	case *ast.IdentExpr:
		if runtimeSource[e.Value] {
			w.add(e.Value, e.Line(), tokName, true)
		}
	case *ast.AttrGetExpr:
		w.expr(e.Object)
		if k, ok := e.Key.(*ast.StringExpr); ok {
			w.add(k.Value, e.Line(), tokField, false)
			return
		}
		w.key(e.Object, e.Key, e.Line())
	case *ast.TableExpr:
		for _, f := range e.Fields {
			if f.Key != nil {
				if _, ok := f.Key.(*ast.StringExpr); !ok {
					w.expr(f.Key)
				}
			}
			w.expr(f.Value)
		}
	case *ast.FuncCallExpr:
		if e.Receiver != nil {
			w.expr(e.Receiver)
			w.add(e.Method, e.Line(), tokField, false)
		} else {
			w.expr(e.Func)
		}
		w.exprs(e.Args)
	case *ast.LogicalOpExpr:
		w.expr(e.Lhs)
		w.expr(e.Rhs)
	case *ast.RelationalOpExpr:
		w.expr(e.Lhs)
		w.expr(e.Rhs)
	case *ast.StringConcatOpExpr:
		w.expr(e.Lhs)
		w.expr(e.Rhs)
	case *ast.ArithmeticOpExpr:
		w.expr(e.Lhs)
		w.expr(e.Rhs)
	case *ast.UnaryMinusOpExpr:
		w.expr(e.Expr)
	case *ast.UnaryNotOpExpr:
		w.expr(e.Expr)
	case *ast.UnaryLenOpExpr:
		w.expr(e.Expr)
	case *ast.FunctionExpr:
		// A parameter shadows a loop counter of the same name.
		numeric, tables := w.numeric, w.tables
		w.numeric, w.tables = maps.Clone(numeric), maps.Clone(tables)
		if e.ParList != nil {
			for _, p := range e.ParList.Names {
				delete(w.numeric, p)
				delete(w.tables, p)
			}
		}
		w.stmts(e.Stmts)
		w.numeric, w.tables = numeric, tables
	}
}

// key walks the computed key k of an index of obj: a dynamic access
// unless the key is known to be a number or obj a table.
func (w *refWalker) key(obj, k ast.Expr, line int) {
	w.expr(k)
	if id, ok := obj.(*ast.IdentExpr); ok && (w.tableOnly[id.Value] || w.tables[id.Value] > 0) {
		return
	}
	if !w.isNumber(k) {
		w.add("x[k]", line, tokIndex, true)
	}
}

// isNumber reports whether e is known to be a number (or to fail).
func (w *refWalker) isNumber(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.NumberExpr, *ast.ArithmeticOpExpr, *ast.UnaryMinusOpExpr, *ast.UnaryLenOpExpr,
		*ast.NilExpr, *ast.TrueExpr, *ast.FalseExpr:
		return true
	case *ast.IdentExpr:
		return w.numeric[e.Value] > 0
	}
	return false
}

// assigns reports whether the statements assign or declare name anywhere,
// nested functions included.
func assigns(list []ast.Stmt, name string) bool {
	found := false
	eachBinding(list, func(n string, _ ast.Expr) { found = found || n == name })
	return found
}

// tableOnly returns the names that the chunk binds only to table
// constructors (local t = {...}, t = {...}): indexing them reaches no
// method, whatever the key.
func tableOnly(chunk []ast.Stmt) map[string]bool {
	only := map[string]bool{}
	eachBinding(chunk, func(n string, v ast.Expr) {
		_, isTable := v.(*ast.TableExpr)
		if ok, seen := only[n]; !seen || ok {
			only[n] = isTable
		}
	})
	return only
}

// eachBinding calls fn for every name the statements bind, nested
// functions included: assignments to a bare name and local declarations
// with the value bound (nil when it is not one expression of its own),
// loop variables, parameters and function definitions with nil.
func eachBinding(list []ast.Stmt, fn func(name string, value ast.Expr)) {
	var stmts func([]ast.Stmt)
	var expr func(ast.Expr)
	values := func(names []string, exprs []ast.Expr) {
		for i, n := range names {
			var v ast.Expr
			if i < len(exprs) {
				v = exprs[i]
			}
			fn(n, v)
		}
	}
	expr = func(e ast.Expr) {
		switch e := e.(type) {
		case *ast.FunctionExpr:
			if e.ParList != nil {
				for _, p := range e.ParList.Names {
					fn(p, nil)
				}
			}
			stmts(e.Stmts)
		case *ast.FuncCallExpr:
			expr(e.Func)
			expr(e.Receiver)
			for _, a := range e.Args {
				expr(a)
			}
		case *ast.AttrGetExpr:
			expr(e.Object)
			expr(e.Key)
		case *ast.TableExpr:
			for _, f := range e.Fields {
				expr(f.Key)
				expr(f.Value)
			}
		case *ast.LogicalOpExpr:
			expr(e.Lhs)
			expr(e.Rhs)
		case *ast.RelationalOpExpr:
			expr(e.Lhs)
			expr(e.Rhs)
		case *ast.StringConcatOpExpr:
			expr(e.Lhs)
			expr(e.Rhs)
		case *ast.ArithmeticOpExpr:
			expr(e.Lhs)
			expr(e.Rhs)
		case *ast.UnaryMinusOpExpr:
			expr(e.Expr)
		case *ast.UnaryNotOpExpr:
			expr(e.Expr)
		case *ast.UnaryLenOpExpr:
			expr(e.Expr)
		}
	}
	stmts = func(list []ast.Stmt) {
		for _, s := range list {
			switch s := s.(type) {
			case *ast.AssignStmt:
				for i, l := range s.Lhs {
					if id, ok := l.(*ast.IdentExpr); ok {
						var v ast.Expr
						if i < len(s.Rhs) {
							v = s.Rhs[i]
						}
						fn(id.Value, v)
					}
					expr(l)
				}
				for _, r := range s.Rhs {
					expr(r)
				}
			case *ast.LocalAssignStmt:
				values(s.Names, s.Exprs)
				for _, r := range s.Exprs {
					expr(r)
				}
			case *ast.FuncCallStmt:
				expr(s.Expr)
			case *ast.DoBlockStmt:
				stmts(s.Stmts)
			case *ast.WhileStmt:
				expr(s.Condition)
				stmts(s.Stmts)
			case *ast.RepeatStmt:
				stmts(s.Stmts)
				expr(s.Condition)
			case *ast.IfStmt:
				expr(s.Condition)
				stmts(s.Then)
				stmts(s.Else)
			case *ast.NumberForStmt:
				fn(s.Name, nil)
				expr(s.Init)
				expr(s.Limit)
				expr(s.Step)
				stmts(s.Stmts)
			case *ast.GenericForStmt:
				for _, n := range s.Names {
					fn(n, nil)
				}
				for _, r := range s.Exprs {
					expr(r)
				}
				stmts(s.Stmts)
			case *ast.FuncDefStmt:
				if id, ok := s.Name.Func.(*ast.IdentExpr); ok {
					fn(id.Value, nil)
				}
				expr(s.Func)
			case *ast.ReturnStmt:
				for _, r := range s.Exprs {
					expr(r)
				}
			}
		}
	}
	stmts(list)
}

// envNames reach the table of globals.
var envNames = map[string]bool{"_G": true, "rawset": true, "getfenv": true, "setfenv": true}

// tokenKind is what a ref's column is looked up by.
type tokenKind int

const (
	tokField tokenKind = iota // a name after . or :, or a string in [ ]
	tokIndex                  // the [ of an index
	tokName                   // a name
)

// columns holds, line by line, the columns of the tokens a ref may be
// found at: gopher-lua's syntax tree records lines only. Each ref takes
// the first token of its kind and name on its line not taken yet; the
// walk goes through a line's refs in source order.
type columns struct {
	byLine map[int][]colToken
	// envAccess is set when the source names a way to the globals'
	// table (_G, rawset, getfenv, setfenv).
	envAccess bool
}

type colToken struct {
	kind  tokenKind
	name  string
	col   int
	taken bool
}

// scanColumns reads the tokens of src with gopher-lua's scanner.
func scanColumns(src []byte, name string) *columns {
	c := &columns{byLine: map[int][]colToken{}}
	sc := parse.NewScanner(bytes.NewReader(src), name)
	lx := &parse.Lexer{}
	var prev, prev2 ast.Token
	for {
		tok, err := sc.Scan(lx)
		if err != nil || tok.Type <= 0 {
			return c
		}
		lx.PrevTokenType = tok.Type
		if tok.Type == parse.TIdent && envNames[tok.Str] {
			c.envAccess = true
		}
		switch {
		case tok.Type == parse.TIdent && (prev.Type == '.' || prev.Type == ':'):
			c.add(tok.Pos.Line, colToken{kind: tokField, name: tok.Str, col: tok.Pos.Column})
		case tok.Type == parse.TIdent:
			c.add(tok.Pos.Line, colToken{kind: tokName, name: tok.Str, col: tok.Pos.Column})
		case tok.Type == parse.TString && prev.Type == '[' && (prev2.Type == parse.TIdent || prev2.Type == ')' || prev2.Type == ']'):
			c.add(tok.Pos.Line, colToken{kind: tokField, name: tok.Str, col: tok.Pos.Column})
		}
		if tok.Type == '[' && (prev.Type == parse.TIdent || prev.Type == ')' || prev.Type == ']') {
			c.add(tok.Pos.Line, colToken{kind: tokIndex, col: tok.Pos.Column})
		}
		prev2, prev = prev, tok
	}
}

func (c *columns) add(line int, t colToken) { c.byLine[line] = append(c.byLine[line], t) }

// take returns the column of the first token of kind and name on line not
// taken yet, or 0.
func (c *columns) take(line int, kind tokenKind, name string) int {
	toks := c.byLine[line]
	for i := range toks {
		t := &toks[i]
		if !t.taken && t.kind == kind && (kind == tokIndex || t.name == name) {
			t.taken = true
			return t.col
		}
	}
	return 0
}
