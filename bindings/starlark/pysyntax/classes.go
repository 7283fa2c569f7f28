package pysyntax

import "go.starlark.net/syntax"

// Classes maps where the interpreter reports a failed operation of the
// lowered tree (a line and column) to the Python exception class the same
// operation raises in Python: an operator's operands of the wrong types
// (TypeError), an attribute a value lacks (AttributeError), a loop over
// what is not iterable (TypeError). The runtime reads it when an error
// of the interpreter's own carries no class: the class is found by the
// operation, never by reading the message.
type Classes map[Pos]string

// Pos is a position in a file: an error in a module the script loads
// is not at one of the script's operations.
type Pos struct {
	File      string
	Line, Col int32
}

// At returns the class of the operation at p, if any.
func (c Classes) At(p syntax.Position) (string, bool) {
	class, ok := c[Pos{p.Filename(), p.Line, p.Col}]
	return class, ok
}

// record adds to c the classes of f's operations.
func (c Classes) record(f *syntax.File) {
	at := func(p syntax.Position, class string) { c[Pos{p.Filename(), p.Line, p.Col}] = class }
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.BinaryExpr:
			if n.Op != syntax.AND && n.Op != syntax.OR {
				at(n.OpPos, "TypeError")
			}
		case *syntax.UnaryExpr:
			if n.Op != syntax.NOT {
				at(n.OpPos, "TypeError")
			}
		case *syntax.DotExpr:
			at(n.Dot, "AttributeError")
		case *syntax.ForStmt:
			at(n.For, "TypeError")
		case *syntax.ForClause:
			at(n.For, "TypeError")
		case *syntax.SliceExpr:
			at(n.Lbrack, "TypeError")
		case *syntax.AssignStmt:
			if n.Op != syntax.EQ {
				at(n.OpPos, "TypeError") // x += y
			}
		}
		return true
	})
}
