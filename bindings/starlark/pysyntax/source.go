package pysyntax

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/vertscript/vertscript/host"
)

// Error is Python source that the dialect cannot run, at a line and column
// of the file: a construct Starlark's design rules out (a class, a
// generator), with the porting guide's section that says why.
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return e.Msg }

// PortingGuide is where the porting guide lives, which the errors cite.
const PortingGuide = "docs/porting.md"

// unsupported returns the error for a construct at t that the dialect
// cannot express, pointing to the guide's section on it.
func unsupported(t token, what, why, section string) *Error {
	return &Error{Line: t.line, Col: t.col, Msg: fmt.Sprintf("%s: %s (see %s#%s)", what, why, PortingGuide, section)}
}

// Hidden names that the source pass writes and the lowering (lower.go)
// turns into hooks. A script may not spell them itself.
const (
	hiddenPrefix = "__vs_"
	kwTry        = "__vs_try__"
	kwExcept     = "__vs_except__"
	kwTryElse    = "__vs_else__"
	kwFinally    = "__vs_finally__"
	kwLoopElse   = "__vs_loopelse__"
	kwRaise      = "__vs_raise__"
	kwAssert     = "__vs_assert__"
	kwGlobal     = "__vs_global__"
	kwDel        = "__vs_del__"
	kwImport     = "__vs_import__"
	kwFrom       = "__vs_from__"
	kwIs         = "__vs_is__"
	kwPow        = "__vs_pow__"
	kwChain      = "__vs_chain__"
)

// edit replaces src[start:end] with text; an insertion has start == end.
// Insertions at one point go in the order of their span: the outer
// wrapper's opening first, the inner wrapper's closing first.
type edit struct {
	start, end int
	text       string
	order      int
}

// pass is the source pass over one file: it rewrites, on their own lines,
// the Python statements and operators that Starlark's parser does not
// read, into Starlark that the lowering turns back into their meaning.
type pass struct {
	src    string
	edits  []edit
	owners map[int]string // indentation -> keyword of the last compound statement there
}

// translate returns src with its Python-only syntax rewritten (see pass),
// each line where it was.
func translate(src string) (string, error) {
	lines, err := tokenize(src)
	if err != nil {
		return "", err
	}
	p := &pass{src: src, owners: map[int]string{}}
	for _, l := range lines {
		if err := p.line(l); err != nil {
			return "", err
		}
	}
	return p.apply(), nil
}

func (p *pass) text(t token) string { return p.src[t.start:t.end] }

func (p *pass) is(t token, kind tokKind, s string) bool { return t.kind == kind && p.text(t) == s }

func (p *pass) replace(t token, text string) {
	p.edits = append(p.edits, edit{start: t.start, end: t.end, text: text})
}

// wrap surrounds src[start:end] with open and close.
func (p *pass) wrap(start, end int, open, close string) {
	n := end - start
	p.edits = append(p.edits, edit{start: start, end: start, text: open, order: -n}, edit{start: end, end: end, text: close, order: n})
}

// blank replaces src[start:end] with spaces, keeping its newlines.
func (p *pass) blank(start, end int) {
	b := []byte(p.src[start:end])
	for i, c := range b {
		if c != '\n' {
			b[i] = ' '
		}
	}
	p.edits = append(p.edits, edit{start: start, end: end, text: string(b)})
}

// apply returns the source with the edits made.
func (p *pass) apply() string {
	if len(p.edits) == 0 {
		return p.src
	}
	sort.SliceStable(p.edits, func(i, j int) bool {
		a, b := p.edits[i], p.edits[j]
		if a.start != b.start {
			return a.start < b.start
		}
		ai, bi := a.start == a.end, b.start == b.end
		if ai != bi {
			return ai // insertions before a replacement at the same point
		}
		return a.order < b.order
	})
	var out strings.Builder
	at := 0
	for _, e := range p.edits {
		if e.start < at {
			continue // overlapping: the first edit wins
		}
		out.WriteString(p.src[at:e.start])
		out.WriteString(e.text)
		if e.end > e.start {
			// Keep the line count: a replaced range's newlines stay.
			if n := strings.Count(p.src[e.start:e.end], "\n") - strings.Count(e.text, "\n"); n > 0 {
				out.WriteString(strings.Repeat("\n", n))
			}
		}
		at = e.end
	}
	out.WriteString(p.src[at:])
	return out.String()
}

// compound lists the keywords that begin a compound statement's header.
var compound = map[string]bool{"if": true, "elif": true, "else": true, "while": true, "for": true, "try": true,
	"except": true, "finally": true, "with": true, "def": true, "class": true}

// line rewrites one logical line.
func (p *pass) line(l line) error {
	for ind := range p.owners {
		if ind > l.indent {
			delete(p.owners, ind)
		}
	}
	toks := l.toks
	if err := p.check(toks); err != nil {
		return err
	}
	first := toks[0]
	if p.is(first, tOp, "@") {
		return unsupported(first, "decorators are not supported", "Starlark has no decorators or classes", "classes")
	}
	if first.kind == tName && compound[p.text(first)] {
		colon := p.headerColon(toks)
		if colon < 0 {
			return nil // Starlark's parser reports it
		}
		if err := p.header(l.indent, toks[:colon+1]); err != nil {
			return err
		}
		toks = toks[colon+1:]
	}
	for _, seg := range splitTop(p, toks, ";") {
		if err := p.simple(seg); err != nil {
			return err
		}
	}
	return p.operators(l.toks)
}

// check refuses what the dialect cannot express anywhere in a line.
func (p *pass) check(toks []token) error {
	for i, t := range toks {
		switch {
		case t.kind == tName && strings.HasPrefix(p.text(t), hiddenPrefix):
			return &Error{Line: t.line, Col: t.col, Msg: fmt.Sprintf("%s: names beginning with %s are reserved", p.text(t), hiddenPrefix)}
		case p.is(t, tName, "yield"):
			return unsupported(t, "yield is not supported", "Starlark has no generators; build and return a list", "generators")
		case p.is(t, tName, "await"), p.is(t, tName, "async") && i == 0:
			return unsupported(t, p.text(t)+" is not supported", "Starlark has no coroutines", "threads")
		case p.is(t, tName, "nonlocal"):
			return unsupported(t, "nonlocal is not supported", "a Starlark function cannot rebind its enclosing function's names; return the value or keep it in a dict or list", "scopes")
		case p.is(t, tName, "class") && i == 0:
			return unsupported(t, "classes are not supported", "Starlark has no classes; use functions and dicts", "classes")
		case p.is(t, tOp, ":="):
			return unsupported(t, "assignment expressions (:=) are not supported", "assign on a line of its own", "syntax")
		case p.is(t, tName, "print") && i == 0 && len(toks) > 1 && (toks[1].kind == tString || toks[1].kind == tName || p.is(toks[1], tOp, ">>")):
			return unsupported(t, "the print statement is Python 2", "write print(...)", "python-2")
		case t.kind == tString && isUnicodePrefix(p.text(t)):
			// u"..." is Python 2's spelling of a string: the same string.
			p.blank(t.start, t.start+1)
		}
	}
	return nil
}

func isUnicodePrefix(s string) bool { return s[0] == 'u' || s[0] == 'U' }

// headerColon returns the index of the colon that ends a compound
// statement's header, or -1.
func (p *pass) headerColon(toks []token) int {
	for i, t := range toks {
		if t.depth == 0 && p.is(t, tOp, ":") {
			return i
		}
	}
	return -1
}

// header rewrites a compound statement's header: try, except, else and
// finally become if/elif branches the lowering reads as a try statement;
// a loop's else becomes an if the lowering joins to the loop; a def loses
// its annotations.
func (p *pass) header(indent int, toks []token) error {
	first := toks[0]
	kw := p.text(first)
	switch kw {
	case "try":
		p.replace(first, "if "+kwTry)
	case "except":
		if o := p.owners[indent]; o != "try" && o != "except" {
			return nil // Starlark's parser reports it
		}
		if len(toks) > 3 && p.is(toks[2], tOp, ",") {
			return unsupported(toks[2], "except E, name is Python 2", "write except E as name", "python-2")
		}
		p.replace(first, "elif "+kwExcept+"(")
		for _, t := range toks[1:] {
			if t.depth == 0 && p.is(t, tName, "as") {
				p.replace(t, ",")
			}
		}
		colon := toks[len(toks)-1]
		p.edits = append(p.edits, edit{start: colon.start, end: colon.start, text: ")"})
	case "else":
		switch p.owners[indent] {
		case "try", "except":
			p.replace(first, "elif "+kwTryElse)
		case "for", "while":
			p.replace(first, "if "+kwLoopElse)
		}
	case "finally":
		if o := p.owners[indent]; o == "try" || o == "except" || o == "else" {
			p.replace(first, "elif "+kwFinally)
		}
	case "def":
		p.annotations(toks)
	}
	if kw == "else" {
		if o := p.owners[indent]; o == "try" || o == "except" {
			kw = "else" // a try's else: finally may follow
		} else {
			kw = "else-of-" + o
		}
	}
	p.owners[indent] = kw
	return nil
}

// annotations blanks a def's parameter and return annotations.
func (p *pass) annotations(toks []token) {
	for i, t := range toks {
		if p.is(t, tOp, "->") && t.depth == 0 {
			p.blank(t.start, toks[len(toks)-1].start)
			break
		}
		if t.depth != 1 || !p.is(t, tOp, ":") {
			continue
		}
		// A parameter's annotation runs to its default (=) or to the
		// next parameter; a colon after = belongs to the default.
		bound := func(t token) bool {
			return t.depth == 0 || t.depth == 1 && (p.is(t, tOp, ",") || p.is(t, tOp, "=") || p.is(t, tOp, ")"))
		}
		j := i - 1
		for j > 0 && !bound(toks[j]) {
			j--
		}
		if p.is(toks[j], tOp, "=") {
			continue
		}
		end := i + 1
		for end < len(toks) && !bound(toks[end]) {
			end++
		}
		p.blank(t.start, toks[end].start)
	}
}

// splitTop splits toks at the depth-0 tokens spelled sep.
func splitTop(p *pass, toks []token, sep string) [][]token { return splitAt(p, toks, sep, 0) }

// splitAt splits toks at the tokens spelled sep at bracket depth depth.
func splitAt(p *pass, toks []token, sep string, depth int) [][]token {
	var out [][]token
	start := 0
	for i, t := range toks {
		if t.depth == depth && p.is(t, tOp, sep) {
			if i > start {
				out = append(out, toks[start:i])
			}
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

// simple rewrites one simple statement.
func (p *pass) simple(toks []token) error {
	first := toks[0]
	end := toks[len(toks)-1].end
	if first.kind == tName {
		switch p.text(first) {
		case "import":
			return p.importStmt(toks)
		case "from":
			return p.fromStmt(toks)
		case "raise":
			if len(toks) == 1 {
				p.replace(first, kwRaise+"()")
				return nil
			}
			p.replace(first, kwRaise+"(")
			for _, t := range toks[1:] {
				if t.depth == 0 && p.is(t, tName, "from") {
					p.replace(t, ",")
				}
			}
			p.edits = append(p.edits, edit{start: end, end: end, text: ")", order: 1 << 30})
			return nil
		case "assert", "global", "del":
			hook := map[string]string{"assert": kwAssert, "global": kwGlobal, "del": kwDel}[p.text(first)]
			p.replace(first, hook+"(")
			p.edits = append(p.edits, edit{start: end, end: end, text: ")", order: 1 << 30})
			return nil
		}
	}
	for i, t := range toks {
		if t.depth == 0 && p.is(t, tOp, "**=") && i > 0 && i+1 < len(toks) && !strings.ContainsAny(p.src[first.start:toks[i-1].end], "\n#") {
			// x **= y is x = x ** y: Starlark has no **=. (A target
			// over several lines is not copied: the parser says so.)
			target := p.src[first.start:toks[i-1].end]
			value := p.src[toks[i+1].start:end]
			p.edits = append(p.edits, edit{start: first.start, end: end, text: fmt.Sprintf("%s = %s(%s, %s)", target, kwPow, target, value)})
			return nil
		}
	}
	var eqs []int
	colon := -1
	for i, t := range toks {
		if t.depth != 0 {
			continue
		}
		switch {
		case p.is(t, tOp, "="):
			eqs = append(eqs, i)
		case p.is(t, tOp, ":") && colon < 0 && len(eqs) == 0:
			colon = i
		case p.is(t, tName, "lambda"):
			return nil
		}
	}
	if colon > 0 {
		// x: int = 5 is x = 5; x: int alone declares nothing.
		if len(eqs) == 0 {
			p.blank(first.start, end)
			p.edits = append(p.edits, edit{start: first.start, end: first.start, text: "pass"})
			return nil
		}
		p.blank(toks[colon].start, toks[eqs[0]].start)
	}
	if len(eqs) >= 2 && wellFormed(eqs, len(toks)) {
		// a = b = v: v once, then each target from the left, as Python.
		last := eqs[len(eqs)-1]
		value := p.src[toks[last+1].start:end]
		var b strings.Builder
		fmt.Fprintf(&b, "%s = %s", kwChain, value)
		prev := 0
		for _, e := range eqs {
			fmt.Fprintf(&b, "; %s = %s", p.src[toks[prev].start:toks[e-1].end], kwChain)
			prev = e + 1
		}
		p.edits = append(p.edits, edit{start: first.start, end: end, text: b.String()})
	}
	return nil
}

// wellFormed reports whether the = at eqs, in a statement of n tokens,
// each have a target before them and the last a value after it.
func wellFormed(eqs []int, n int) bool {
	prev := 0
	for _, e := range eqs {
		if e == prev {
			return false
		}
		prev = e + 1
	}
	return eqs[len(eqs)-1]+1 < n
}

// importStmt rewrites import a.b.c [as x], ... into assignments of hook
// calls: import a.b binds a, import a.b as x binds x to a.b.
func (p *pass) importStmt(toks []token) error {
	var stmts []string
	for _, item := range splitTop(p, toks[1:], ",") {
		name, as, err := p.dotted(item)
		if err != nil {
			return err
		}
		bind, mod := strings.SplitN(name, ".", 2)[0], strings.SplitN(name, ".", 2)[0]
		if as != "" {
			bind, mod = as, name
		}
		stmts = append(stmts, fmt.Sprintf("%s = %s(%s, %s)", bind, kwImport, strconv.Quote(name), strconv.Quote(mod)))
	}
	p.edits = append(p.edits, edit{start: toks[0].start, end: toks[len(toks)-1].end, text: strings.Join(stmts, "; ")})
	return nil
}

// fromStmt rewrites from m import a [as x], ... into one assignment each.
func (p *pass) fromStmt(toks []token) error {
	imp := -1
	for i, t := range toks {
		if p.is(t, tName, "import") {
			imp = i
			break
		}
	}
	if imp < 2 {
		return &Error{Line: toks[0].line, Col: toks[0].col, Msg: "invalid from statement"}
	}
	if p.is(toks[1], tOp, ".") {
		return unsupported(toks[1], "relative imports are not supported", "a script is one file; Starlark's load() reads helper modules", "imports")
	}
	module, _, err := p.dotted(toks[1:imp])
	if err != nil {
		return err
	}
	names, depth := toks[imp+1:], 0
	if len(names) > 1 && p.is(names[0], tOp, "(") && p.is(names[len(names)-1], tOp, ")") {
		names, depth = names[1:len(names)-1], 1
	}
	var stmts []string
	for _, item := range splitAt(p, names, ",", depth) {
		if len(item) == 1 && p.is(item[0], tOp, "*") {
			return unsupported(item[0], "from "+module+" import * is not supported", "name what you use: from "+module+" import a, b", "imports")
		}
		name, as, err := p.dotted(item)
		if err != nil {
			return err
		}
		if as == "" {
			as = name
		}
		stmts = append(stmts, fmt.Sprintf("%s = %s(%s, %s)", as, kwFrom, strconv.Quote(module), strconv.Quote(name)))
	}
	p.edits = append(p.edits, edit{start: toks[0].start, end: toks[len(toks)-1].end, text: strings.Join(stmts, "; ")})
	return nil
}

// dotted reads a.b.c [as x] from item.
func (p *pass) dotted(item []token) (name, as string, err error) {
	var b strings.Builder
	for i := 0; i < len(item); i++ {
		t := item[i]
		switch {
		case p.is(t, tName, "as") && i+1 < len(item) && item[i+1].kind == tName:
			as = p.text(item[i+1])
			i++
		case t.kind == tName || p.is(t, tOp, "."):
			b.WriteString(p.text(t))
		default:
			return "", "", &Error{Line: t.line, Col: t.col, Msg: fmt.Sprintf("invalid import: unexpected %s", p.text(t))}
		}
	}
	if b.Len() == 0 && len(item) > 0 {
		return "", "", &Error{Line: item[0].line, Col: item[0].col, Msg: "invalid import"}
	}
	return b.String(), as, nil
}

// keywords are Python's keywords that cannot end an operand.
var keywords = map[string]bool{"and": true, "or": true, "not": true, "in": true, "is": true, "if": true, "else": true,
	"for": true, "lambda": true, "return": true, "yield": true, "await": true, "del": true, "assert": true,
	"raise": true, "import": true, "from": true, "as": true, "with": true, "while": true, "elif": true, "pass": true}

// operators rewrites, anywhere in a line, the operators and brackets
// Starlark lacks: is and is not, **, generator expressions and set
// displays.
func (p *pass) operators(toks []token) error {
	// Each ** reads its right operand to the end of its chain: bound the
	// chain, as the parser bounds any expression's nesting.
	powers := 0
	for _, t := range toks {
		if p.is(t, tOp, "**") {
			if powers++; powers > host.MaxNesting {
				return &Error{Line: t.line, Col: t.col, Msg: fmt.Sprintf("more than %d ** operators on one line", host.MaxNesting)}
			}
		}
	}
	match := matchBrackets(p, toks)
	for i, t := range toks {
		if p.is(t, tOp, "(") && i > 0 && p.endsOperand(toks[i-1]) && match[i] > i {
			p.starFirst(toks[i+1:match[i]], t.depth+1)
		}
		switch {
		case p.is(t, tName, "is") && i > 0:
			j := i + 1
			if j < len(toks) && p.is(toks[j], tName, "not") {
				p.edits = append(p.edits, edit{start: t.start, end: toks[j].end, text: "not in"})
				j++
			} else {
				p.replace(t, "in")
			}
			if end := p.operandEnd(toks, j, t.depth); end > j {
				p.wrap(toks[j].start, toks[end-1].end, kwIs+"(", ")")
			}
		case p.is(t, tOp, "**") && i > 0 && p.endsOperand(toks[i-1]):
			start := p.operandStart(toks, i-1, match)
			end := p.powerEnd(toks, i+1, match)
			if end <= i+1 {
				continue
			}
			p.replace(t, ",")
			p.wrap(toks[start].start, toks[end-1].end, kwPow+"(", ")")
		case p.is(t, tOp, "(") && match[i] > i:
			if !p.genexp(toks, i, match[i]) {
				continue
			}
			if i > 0 && p.endsOperand(toks[i-1]) {
				// f(x for x in l): the sole argument is a list.
				p.wrap(toks[i+1].start, toks[match[i]-1].end, "[", "]")
			} else {
				p.replace(t, "[")
				p.replace(toks[match[i]], "]")
			}
		case p.is(t, tOp, "{") && match[i] > i+1 && p.setDisplay(toks, i, match[i]):
			p.replace(t, "set([")
			p.replace(toks[match[i]], "])")
		case t.kind == tNumber && strings.Contains(p.text(t), "_"):
			p.replace(t, strings.ReplaceAll(p.text(t), "_", ""))
		case t.kind == tString && i+1 < len(toks) && toks[i+1].kind == tString && (i == 0 || toks[i-1].kind != tString):
			// "a" "b": adjacent literals are one string, made by +.
			j := i
			for j+1 < len(toks) && toks[j+1].kind == tString {
				p.edits = append(p.edits, edit{start: toks[j].end, end: toks[j].end, text: " +"})
				j++
			}
			p.wrap(t.start, toks[j].end, "(", ")")
		}
	}
	p.chains(toks)
	return nil
}

// starFirst rewrites a call's arguments f(*args, k=v) as f(k=v, *args):
// Python takes keyword arguments after *args, Starlark's parser does not.
// Arguments over several lines are left alone.
func (p *pass) starFirst(args []token, depth int) {
	if len(args) == 0 || strings.Contains(p.src[args[0].start:args[len(args)-1].end], "\n") {
		return
	}
	items := splitAt(p, args, ",", depth)
	star := -1
	for k, it := range items {
		switch {
		case p.is(it[0], tOp, "*") && star < 0:
			star = k
		case star >= 0 && len(it) > 1 && it[0].kind == tName && p.is(it[1], tOp, "="):
			// A keyword after *args: move *args after the keywords,
			// before a **kwargs.
			var order []string
			var stars, kw2 []string
			for m, x := range items {
				text := p.src[x[0].start:x[len(x)-1].end]
				switch {
				case p.is(x[0], tOp, "*") && m >= star:
					stars = append(stars, text)
				case p.is(x[0], tOp, "**"):
					kw2 = append(kw2, text)
				default:
					order = append(order, text)
				}
			}
			order = append(append(order, stars...), kw2...)
			p.edits = append(p.edits, edit{start: args[0].start, end: args[len(args)-1].end, text: strings.Join(order, ", ")})
			return
		}
	}
}

// comparisons are the operators that chain: a < b < c.
var comparisons = map[string]bool{"<": true, ">": true, "<=": true, ">=": true, "==": true, "!=": true}

// chainStops end the operands of a comparison chain.
var chainStops = map[string]bool{"and": true, "or": true, "not": true, "if": true, "else": true, "for": true,
	"lambda": true, "in": true, "is": true, ",": true, ";": true, ":": true, "=": true, "(": true, ")": true,
	"[": true, "]": true, "{": true, "}": true, "return": true, "assert": true, "while": true, "elif": true}

// chains rewrites comparison chains, a < b < c, as (a < b and b < c):
// Starlark's comparisons do not chain. The middle operands are read twice.
func (p *pass) chains(toks []token) {
	byDepth := map[int][]int{} // the comparison operators since the last stop, by depth
	start := map[int]int{}     // where the current operand run started, by depth
	flush := func(d, end int) {
		ops := byDepth[d]
		delete(byDepth, d)
		if len(ops) < 2 || start[d] >= ops[0] || end <= ops[len(ops)-1]+1 {
			return
		}
		for k := 1; k < len(ops); k++ {
			if ops[k]-ops[k-1] < 2 {
				return // an operand missing: the parser says so
			}
			if mid := p.src[toks[ops[k-1]+1].start:toks[ops[k]-1].end]; strings.ContainsAny(mid, "\n#") {
				return // copied, it would move the lines below: the parser says so
			}
		}
		for k := 1; k < len(ops); k++ {
			mid := p.src[toks[ops[k-1]+1].start:toks[ops[k]-1].end]
			p.edits = append(p.edits, edit{start: toks[ops[k]].start, end: toks[ops[k]].start, text: "and " + mid + " "})
		}
		p.wrap(toks[start[d]].start, toks[end-1].end, "(", ")")
	}
	for i, t := range toks {
		d := t.depth
		if t.kind == tOp && (p.text(t) == ")" || p.text(t) == "]" || p.text(t) == "}") {
			flush(d, i)
		}
		s := p.text(t)
		if t.kind != tString && t.kind != tNumber && (chainStops[s] || keywords[s] && t.kind == tName) {
			flush(d, i)
			start[d] = i + 1
			continue
		}
		if _, ok := start[d]; !ok {
			start[d] = i
		}
		if t.kind == tOp && comparisons[s] {
			byDepth[d] = append(byDepth[d], i)
		}
	}
	for d := range byDepth {
		flush(d, len(toks))
	}
}

// matchBrackets maps each bracket's index to its partner's (-1 if none).
func matchBrackets(p *pass, toks []token) []int {
	match := make([]int, len(toks))
	var stack []int
	for i, t := range toks {
		match[i] = -1
		if t.kind != tOp {
			continue
		}
		switch p.text(t) {
		case "(", "[", "{":
			stack = append(stack, i)
		case ")", "]", "}":
			if n := len(stack); n > 0 {
				match[i], match[stack[n-1]] = stack[n-1], i
				stack = stack[:n-1]
			}
		}
	}
	return match
}

// endsOperand reports whether t can end an operand (so that a following
// ( is a call and ** is binary).
func (p *pass) endsOperand(t token) bool {
	switch t.kind {
	case tName:
		return !keywords[p.text(t)]
	case tNumber, tString:
		return true
	}
	s := p.text(t)
	return s == ")" || s == "]" || s == "}"
}

// operandStart returns where the primary expression ending at toks[j]
// starts: an atom and its trailers (.name, (args), [index]).
func (p *pass) operandStart(toks []token, j int, match []int) int {
	for {
		t := toks[j]
		if s := p.text(t); t.kind == tOp && (s == ")" || s == "]" || s == "}") {
			if match[j] < 0 {
				return j
			}
			j = match[j]
			if s != "}" && j > 0 && p.endsOperand(toks[j-1]) {
				j--
				continue
			}
			return j
		}
		if j >= 2 && p.is(toks[j-1], tOp, ".") {
			j -= 2
			continue
		}
		return j
	}
}

// powerEnd returns the end (exclusive) of the right operand of ** that
// starts at toks[j]: unary operators, a primary, and a further ** (right
// associative).
func (p *pass) powerEnd(toks []token, j int, match []int) int {
	for j < len(toks) && (p.is(toks[j], tOp, "-") || p.is(toks[j], tOp, "+") || p.is(toks[j], tOp, "~")) {
		j++
	}
	if j >= len(toks) {
		return j
	}
	if s := p.text(toks[j]); toks[j].kind == tOp && (s == "(" || s == "[" || s == "{") {
		if match[j] < 0 {
			return j
		}
		j = match[j] + 1
	} else if toks[j].kind == tOp {
		return j
	} else {
		j++
	}
	for j < len(toks) {
		switch {
		case p.is(toks[j], tOp, ".") && j+1 < len(toks):
			j += 2
		case (p.is(toks[j], tOp, "(") || p.is(toks[j], tOp, "[")) && match[j] > j:
			j = match[j] + 1
		case p.is(toks[j], tOp, "**"):
			return p.powerEnd(toks, j+1, match)
		default:
			return j
		}
	}
	return j
}

// operandStops are the tokens that end the right operand of a comparison.
var operandStops = map[string]bool{"and": true, "or": true, "if": true, "else": true, "for": true, "in": true,
	"not": true, "is": true, "lambda": true, ",": true, ")": true, "]": true, "}": true, ":": true, "=": true,
	"==": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true, ";": true}

// operandEnd returns the end (exclusive) of the comparison operand that
// starts at toks[j], at bracket depth depth.
func (p *pass) operandEnd(toks []token, j, depth int) int {
	for ; j < len(toks); j++ {
		if t := toks[j]; t.depth == depth && t.kind != tString && t.kind != tNumber && operandStops[p.text(t)] {
			return j
		}
	}
	return j
}

// genexp reports whether the parentheses at open and close hold a
// generator expression: a for at their depth before any comma.
func (p *pass) genexp(toks []token, open, close int) bool {
	d := toks[open].depth + 1
	for _, t := range toks[open+1 : close] {
		if t.depth != d {
			continue
		}
		if p.is(t, tOp, ",") {
			return false
		}
		if p.is(t, tName, "for") {
			return true
		}
	}
	return false
}

// setDisplay reports whether the braces at open and close hold a set
// display {a, b} or a set comprehension {x for x in l}: no colon at their
// depth (a dict), no ** (a dict's unpacking).
func (p *pass) setDisplay(toks []token, open, close int) bool {
	d := toks[open].depth + 1
	for _, t := range toks[open+1 : close] {
		if t.depth == d && (p.is(t, tOp, ":") || p.is(t, tOp, "**")) {
			return false
		}
	}
	return true
}
