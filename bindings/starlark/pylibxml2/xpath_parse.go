package pylibxml2

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vertscript/vertscript/host"
)

// This file reads XPath 1.0 expressions (https://www.w3.org/TR/xpath-10/)
// into trees, as libxml2 reads them: numbers may have an exponent. What
// the evaluator does not do (variables, the namespace axis, id(), lang())
// is refused here, by name.

// tokKind is the kind of a token.
type tokKind int

const (
	tEOF tokKind = iota
	tLParen
	tRParen
	tLBrack
	tRBrack
	tDot
	tDotDot
	tAt
	tComma
	tColons
	tSlash
	tSlash2
	tPipe
	tPlus
	tMinus
	tEq
	tNeq
	tLt
	tLe
	tGt
	tGe
	tMul
	tAnd
	tOr
	tMod
	tDiv
	tName     // a name test: *, prefix:*, name, prefix:name
	tNodeType // comment, text, processing-instruction, node (before "(")
	tFunc     // a function name (before "(")
	tAxis     // an axis name (before "::")
	tLiteral
	tNumber
	tVar
)

// token is a token of an expression.
type token struct {
	kind          tokKind
	prefix, local string // a name test's, a node type's, a function's or an axis's name
	str           string // a literal's value
	num           float64
	pos           int // where it starts, in bytes
}

// syntaxError is an expression that is not XPath: libxml2's xpathEval
// fails with "xmlXPathEval() failed".
type syntaxError struct {
	pos int
	msg string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("at offset %d: %s", e.pos, e.msg) }

// unsupportedError is an XPath construct that vertscript does not
// evaluate.
type unsupportedError struct{ what string }

func (e *unsupportedError) Error() string { return e.what + " is not supported" }

// isOperator reports whether a token of kind k is an Operator of the
// grammar, after which * is a name test and a name is not an operator.
func isOperator(k tokKind) bool {
	switch k {
	case tAnd, tOr, tMod, tDiv, tSlash, tSlash2, tPipe, tPlus, tMinus, tEq, tNeq, tLt, tLe, tGt, tGe, tMul:
		return true
	}
	return false
}

// lex splits src into tokens, with XPath's rules for telling a * or a
// name that is an operator from a name test.
func lex(src string) ([]token, error) {
	var toks []token
	i := 0
	// operand reports whether the next * or name is an operator: there is
	// a token before it, and it is not @ :: ( [ , or an operator.
	operand := func() bool {
		if len(toks) == 0 {
			return false
		}
		switch k := toks[len(toks)-1].kind; k {
		case tAt, tColons, tLParen, tLBrack, tComma:
			return false
		default:
			return !isOperator(k)
		}
	}
	for {
		for i < len(src) && strings.IndexByte(" \t\r\n", src[i]) >= 0 {
			i++
		}
		if i >= len(src) {
			toks = append(toks, token{kind: tEOF, pos: i})
			return toks, nil
		}
		start := i
		tok := token{pos: start}
		c := src[i]
		two := ""
		if i+1 < len(src) {
			two = src[i : i+2]
		}
		switch {
		case c == '(':
			tok.kind, i = tLParen, i+1
		case c == ')':
			tok.kind, i = tRParen, i+1
		case c == '[':
			tok.kind, i = tLBrack, i+1
		case c == ']':
			tok.kind, i = tRBrack, i+1
		case c == ',':
			tok.kind, i = tComma, i+1
		case c == '@':
			tok.kind, i = tAt, i+1
		case c == '|':
			tok.kind, i = tPipe, i+1
		case c == '+':
			tok.kind, i = tPlus, i+1
		case c == '-':
			tok.kind, i = tMinus, i+1
		case c == '=':
			tok.kind, i = tEq, i+1
		case two == "!=":
			tok.kind, i = tNeq, i+2
		case two == "<=":
			tok.kind, i = tLe, i+2
		case c == '<':
			tok.kind, i = tLt, i+1
		case two == ">=":
			tok.kind, i = tGe, i+2
		case c == '>':
			tok.kind, i = tGt, i+1
		case two == "//":
			tok.kind, i = tSlash2, i+2
		case c == '/':
			tok.kind, i = tSlash, i+1
		case two == "::":
			tok.kind, i = tColons, i+2
		case two == "..":
			tok.kind, i = tDotDot, i+2
		case c == '.' && (i+1 >= len(src) || !isDigit(src[i+1])):
			tok.kind, i = tDot, i+1
		case c == '.' || isDigit(c):
			n, err := lexNumber(src, i)
			if err != nil {
				return nil, err
			}
			f, err := strconv.ParseFloat(src[i:n], 64)
			if err != nil && !isRangeError(err) {
				return nil, &syntaxError{i, "bad number " + src[i:n]}
			}
			tok.kind, tok.num, i = tNumber, f, n
		case c == '"' || c == '\'':
			j := strings.IndexByte(src[i+1:], c)
			if j < 0 {
				return nil, &syntaxError{i, "unfinished literal"}
			}
			tok.kind, tok.str, i = tLiteral, src[i+1:i+1+j], i+2+j
		case c == '$':
			return nil, &unsupportedError{"a variable ($name)"}
		case c == '*':
			i++
			if operand() {
				tok.kind = tMul
			} else {
				tok.kind, tok.local = tName, "*"
			}
		default:
			name, n := ncName(src, i)
			if n == i {
				return nil, &syntaxError{i, fmt.Sprintf("unexpected %q", src[i:i+1])}
			}
			i = n
			if operand() {
				switch name {
				case "and":
					tok.kind = tAnd
				case "or":
					tok.kind = tOr
				case "mod":
					tok.kind = tMod
				case "div":
					tok.kind = tDiv
				default:
					return nil, &syntaxError{start, "expected an operator, found " + name}
				}
				break
			}
			tok.local = name
			// prefix:local or prefix:*, with no space around the colon.
			if i+1 < len(src) && src[i] == ':' && src[i+1] != ':' {
				if src[i+1] == '*' {
					tok.prefix, tok.local, i = name, "*", i+2
				} else if local, m := ncName(src, i+1); m > i+1 {
					tok.prefix, tok.local, i = name, local, m
				} else {
					return nil, &syntaxError{i, "bad name"}
				}
				tok.kind = tName
				if next := skipSpace(src, i); next < len(src) && src[next] == '(' {
					tok.kind = tFunc
				}
				break
			}
			next := skipSpace(src, i)
			switch {
			case strings.HasPrefix(src[next:], "::"):
				tok.kind = tAxis
			case next < len(src) && src[next] == '(':
				switch name {
				case "comment", "text", "processing-instruction", "node":
					tok.kind = tNodeType
				default:
					tok.kind = tFunc
				}
			default:
				tok.kind = tName
			}
		}
		toks = append(toks, tok)
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// lexNumber returns the end of the number at i: digits, a fraction, and
// an exponent, as libxml2 reads them.
func lexNumber(src string, i int) (int, error) {
	for i < len(src) && isDigit(src[i]) {
		i++
	}
	if i < len(src) && src[i] == '.' {
		i++
		for i < len(src) && isDigit(src[i]) {
			i++
		}
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < len(src) && isDigit(src[j]) {
			for j < len(src) && isDigit(src[j]) {
				j++
			}
			return j, nil
		}
		return 0, &syntaxError{i, "bad exponent"}
	}
	return i, nil
}

func skipSpace(src string, i int) int {
	for i < len(src) && strings.IndexByte(" \t\r\n", src[i]) >= 0 {
		i++
	}
	return i
}

// ncName returns the NCName at i and its end (i when there is none).
func ncName(src string, i int) (string, int) {
	j := i
	for j < len(src) {
		r, size := utf8.DecodeRuneInString(src[j:])
		ok := r == '_' || unicode.IsLetter(r)
		if j > i {
			ok = ok || r == '-' || r == '.' || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || r == 0xB7
		}
		if !ok {
			break
		}
		j += size
	}
	return src[i:j], j
}

// The trees of expressions.
type (
	expr interface{}

	binExpr struct {
		op   tokKind
		l, r expr
	}
	negExpr struct{ x expr }
	litExpr struct{ s string }
	numExpr struct{ f float64 }
	// callExpr is a call of a function of the core library.
	callExpr struct {
		name string
		args []expr
	}
	// pathExpr is a location path (filter nil) or a filter expression
	// with its predicates, and the steps that follow either.
	pathExpr struct {
		filter expr
		preds  []expr
		abs    bool // a location path from the root
		steps  []step
	}
)

// axis is a step's axis.
type axis int

const (
	axChild axis = iota
	axAttribute
	axSelf
	axParent
	axDescendant
	axDescendantOrSelf
	axAncestor
	axAncestorOrSelf
	axFollowingSibling
	axPrecedingSibling
	axFollowing
	axPreceding
)

var axisNames = map[string]axis{
	"child": axChild, "attribute": axAttribute, "self": axSelf, "parent": axParent,
	"descendant": axDescendant, "descendant-or-self": axDescendantOrSelf,
	"ancestor": axAncestor, "ancestor-or-self": axAncestorOrSelf,
	"following-sibling": axFollowingSibling, "preceding-sibling": axPrecedingSibling,
	"following": axFollowing, "preceding": axPreceding,
}

// reverse reports whether a's positions count backwards from the
// context node.
func (a axis) reverse() bool {
	switch a {
	case axAncestor, axAncestorOrSelf, axPrecedingSibling, axPreceding:
		return true
	}
	return false
}

// testKind is the kind of a node test.
type testKind int

const (
	testName    testKind = iota // a name, prefix:name
	testAny                     // *
	testNsAny                   // prefix:*
	testNode                    // node()
	testText                    // text()
	testComment                 // comment()
	testPI                      // processing-instruction()
)

// step is a step of a location path.
type step struct {
	axis          axis
	test          testKind
	prefix, local string
	preds         []expr
	// implicit is a step the abbreviations make: // . ..
	implicit bool
}

// functions are the functions of XPath's core library that vertscript
// evaluates, with their least and most numbers of arguments (-1: any).
var functions = map[string][2]int{
	"last": {0, 0}, "position": {0, 0}, "count": {1, 1},
	"local-name": {0, 1}, "namespace-uri": {0, 1}, "name": {0, 1},
	"string": {0, 1}, "concat": {2, -1}, "starts-with": {2, 2}, "contains": {2, 2},
	"substring-before": {2, 2}, "substring-after": {2, 2}, "substring": {2, 3},
	"string-length": {0, 1}, "normalize-space": {0, 1}, "translate": {3, 3},
	"boolean": {1, 1}, "not": {1, 1}, "true": {0, 0}, "false": {0, 0},
	"number": {0, 1}, "sum": {1, 1}, "floor": {1, 1}, "ceiling": {1, 1}, "round": {1, 1},
}

// parser reads one expression.
type parser struct {
	toks  []token
	i     int
	depth int
	preds int // the predicates being read, nested
}

// parseXPath reads src.
func parseXPath(src string) (expr, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	e, err := p.expr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, &syntaxError{t.pos, "unexpected token"}
	}
	return e, nil
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i++; return t }

func (p *parser) expect(k tokKind, what string) error {
	if t := p.next(); t.kind != k {
		return &syntaxError{t.pos, "expected " + what}
	}
	return nil
}

// levels are the binary operators by precedence, loosest first.
var levels = [][]tokKind{
	{tOr}, {tAnd}, {tEq, tNeq}, {tLt, tLe, tGt, tGe}, {tPlus, tMinus}, {tMul, tDiv, tMod},
}

func (p *parser) expr() (expr, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > host.MaxNesting {
		return nil, &syntaxError{p.peek().pos, fmt.Sprintf("nested more than %d levels deep", host.MaxNesting)}
	}
	return p.binary(0)
}

func (p *parser) binary(level int) (expr, error) {
	if level == len(levels) {
		return p.unary()
	}
	l, err := p.binary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		op := p.peek().kind
		found := false
		for _, k := range levels[level] {
			found = found || k == op
		}
		if !found {
			return l, nil
		}
		p.next()
		r, err := p.binary(level + 1)
		if err != nil {
			return nil, err
		}
		l = &binExpr{op, l, r}
	}
}

func (p *parser) unary() (expr, error) {
	if p.peek().kind == tMinus {
		p.next()
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > host.MaxNesting {
			return nil, &syntaxError{p.peek().pos, fmt.Sprintf("nested more than %d levels deep", host.MaxNesting)}
		}
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &negExpr{x}, nil
	}
	l, err := p.path()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tPipe {
		p.next()
		r, err := p.path()
		if err != nil {
			return nil, err
		}
		l = &binExpr{tPipe, l, r}
	}
	return l, nil
}

// stepStarts reports whether a token of kind k begins a step.
func stepStarts(k tokKind) bool {
	switch k {
	case tName, tNodeType, tAxis, tAt, tDot, tDotDot:
		return true
	}
	return false
}

func (p *parser) path() (expr, error) {
	t := p.peek()
	switch t.kind {
	case tLParen, tLiteral, tNumber, tFunc:
		prim, err := p.primary()
		if err != nil {
			return nil, err
		}
		preds, err := p.predicates()
		if err != nil {
			return nil, err
		}
		if k := p.peek().kind; k != tSlash && k != tSlash2 {
			if len(preds) == 0 {
				return prim, nil
			}
			return &pathExpr{filter: prim, preds: preds}, nil
		}
		pe := &pathExpr{filter: prim, preds: preds}
		return pe, p.relative(pe)
	case tSlash:
		p.next()
		pe := &pathExpr{abs: true}
		if !stepStarts(p.peek().kind) {
			return pe, nil
		}
		return pe, p.steps(pe)
	case tSlash2:
		pe := &pathExpr{abs: true}
		return pe, p.relative(pe)
	}
	if !stepStarts(t.kind) {
		return nil, &syntaxError{t.pos, "expected an expression"}
	}
	pe := &pathExpr{}
	return pe, p.steps(pe)
}

// relative reads "/" or "//" and the steps after it.
func (p *parser) relative(pe *pathExpr) error {
	switch p.next().kind {
	case tSlash2:
		pe.steps = append(pe.steps, step{axis: axDescendantOrSelf, test: testNode, implicit: true})
	}
	return p.steps(pe)
}

// steps reads a relative location path.
func (p *parser) steps(pe *pathExpr) error {
	for {
		s, err := p.step()
		if err != nil {
			return err
		}
		pe.steps = append(pe.steps, s)
		switch p.peek().kind {
		case tSlash:
			p.next()
		case tSlash2:
			p.next()
			pe.steps = append(pe.steps, step{axis: axDescendantOrSelf, test: testNode, implicit: true})
		default:
			return nil
		}
	}
}

func (p *parser) step() (step, error) {
	t := p.next()
	s := step{axis: axChild}
	switch t.kind {
	case tDot:
		return step{axis: axSelf, test: testNode, implicit: true}, nil
	case tDotDot:
		return step{axis: axParent, test: testNode, implicit: true}, nil
	case tAt:
		s.axis = axAttribute
		t = p.next()
	case tAxis:
		if t.local == "namespace" {
			return s, &unsupportedError{"the namespace axis"}
		}
		a, ok := axisNames[t.local]
		if !ok || t.prefix != "" {
			return s, &syntaxError{t.pos, "unknown axis " + t.local}
		}
		s.axis = a
		if err := p.expect(tColons, "::"); err != nil {
			return s, err
		}
		t = p.next()
	}
	switch t.kind {
	case tName:
		s.prefix, s.local = t.prefix, t.local
		switch {
		case t.local == "*" && t.prefix == "":
			s.test = testAny
		case t.local == "*":
			s.test = testNsAny
		default:
			s.test = testName
		}
	case tNodeType:
		if err := p.expect(tLParen, "("); err != nil {
			return s, err
		}
		switch t.local {
		case "node":
			s.test = testNode
		case "text":
			s.test = testText
		case "comment":
			s.test = testComment
		default:
			s.test = testPI
			if p.peek().kind == tLiteral {
				p.next()
			}
		}
		if err := p.expect(tRParen, ")"); err != nil {
			return s, err
		}
	default:
		return s, &syntaxError{t.pos, "expected a node test"}
	}
	preds, err := p.predicates()
	s.preds = preds
	return s, err
}

func (p *parser) predicates() ([]expr, error) {
	var preds []expr
	for p.peek().kind == tLBrack {
		p.next()
		p.preds++
		if p.preds > maxPredicateDepth {
			return nil, &unsupportedError{fmt.Sprintf("predicates nested more than %d levels deep", maxPredicateDepth)}
		}
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		if err := p.expect(tRBrack, "]"); err != nil {
			return nil, err
		}
		p.preds--
		preds = append(preds, e)
	}
	return preds, nil
}

func (p *parser) primary() (expr, error) {
	t := p.next()
	switch t.kind {
	case tLiteral:
		return &litExpr{t.str}, nil
	case tNumber:
		return &numExpr{t.num}, nil
	case tLParen:
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		return e, p.expect(tRParen, ")")
	}
	// A function call.
	if t.prefix != "" {
		return nil, &unsupportedError{"the function " + t.prefix + ":" + t.local + "()"}
	}
	arity, ok := functions[t.local]
	if !ok {
		switch t.local {
		case "id", "lang":
			return nil, &unsupportedError{"the function " + t.local + "()"}
		}
		return nil, &syntaxError{t.pos, "unknown function " + t.local + "()"}
	}
	if err := p.expect(tLParen, "("); err != nil {
		return nil, err
	}
	call := &callExpr{name: t.local}
	if p.peek().kind != tRParen {
		for {
			a, err := p.expr()
			if err != nil {
				return nil, err
			}
			call.args = append(call.args, a)
			if p.peek().kind != tComma {
				break
			}
			p.next()
		}
	}
	if err := p.expect(tRParen, ")"); err != nil {
		return nil, err
	}
	if n := len(call.args); n < arity[0] || (arity[1] >= 0 && n > arity[1]) {
		return nil, &syntaxError{t.pos, fmt.Sprintf("%s() takes %d to %d arguments, got %d", t.local, arity[0], arity[1], n)}
	}
	return call, nil
}
