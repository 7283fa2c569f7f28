package pylibxml2

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file evaluates the trees of xpath_parse.go over a document, with
// XPath 1.0's rules of conversion and comparison, as libxml2 does. A value
// is a node set ([]int, in document order, without duplicates), a string,
// a float64 or a bool.

// maxPredicateDepth bounds the nesting of predicates and filters, so that
// the node sets an evaluation holds at once stay a few times the
// document's size.
const maxPredicateDepth = 64

// chargeEvery is how many units of work an evaluation does between two
// charges to the run's budget.
const chargeEvery = 4096

// evaluator evaluates expressions over a document.
type evaluator struct {
	d  *document
	ns map[string]string // the prefixes registered with xpathRegisterNs
	// steps charges n units of work (nodes gone through) to the run;
	// alloc asks before a node set or a string of n bytes is made.
	steps func(n uint64) error
	alloc func(n uint64) error
	work  uint64
}

// evalCtx is the context of an evaluation: a node (none for no node),
// its position and the size of its node set.
type evalCtx struct {
	node, pos, size int
}

// count counts n units of work.
func (ev *evaluator) count(n int) error {
	ev.work += uint64(n)
	if ev.work < chargeEvery {
		return nil
	}
	return ev.flush()
}

// flush charges the work counted so far.
func (ev *evaluator) flush() error {
	w := ev.work
	ev.work = 0
	if w == 0 || ev.steps == nil {
		return nil
	}
	return ev.steps(w)
}

// take asks for the bytes of a node set of n nodes, or of a string of n
// bytes, when they are many.
func (ev *evaluator) take(n int) error {
	if n < 1024 || ev.alloc == nil {
		return nil
	}
	return ev.alloc(uint64(n) * 8)
}

// typeError is an operand of the wrong type: libxml2 fails with "Invalid
// type".
type typeError struct{ msg string }

func (e *typeError) Error() string { return e.msg }

func (ev *evaluator) eval(e expr, c evalCtx) (any, error) {
	switch e := e.(type) {
	case *litExpr:
		return e.s, nil
	case *numExpr:
		return e.f, nil
	case *negExpr:
		v, err := ev.eval(e.x, c)
		if err != nil {
			return nil, err
		}
		return -ev.number(v), nil
	case *binExpr:
		return ev.binary(e, c)
	case *callExpr:
		return ev.call(e, c)
	case *pathExpr:
		return ev.path(e, c)
	}
	return nil, fmt.Errorf("unknown expression %T", e)
}

func (ev *evaluator) binary(e *binExpr, c evalCtx) (any, error) {
	l, err := ev.eval(e.l, c)
	if err != nil {
		return nil, err
	}
	// and, or: the right operand only when it decides.
	switch e.op {
	case tAnd, tOr:
		b := ev.boolean(l)
		if b == (e.op == tOr) {
			return b, nil
		}
		r, err := ev.eval(e.r, c)
		if err != nil {
			return nil, err
		}
		return ev.boolean(r), nil
	}
	r, err := ev.eval(e.r, c)
	if err != nil {
		return nil, err
	}
	switch e.op {
	case tPipe:
		ls, lok := l.([]int)
		rs, rok := r.([]int)
		if !lok || !rok {
			return nil, &typeError{"| between values that are not node sets"}
		}
		if err := ev.take(len(ls) + len(rs)); err != nil {
			return nil, err
		}
		return union(ls, rs), nil
	case tEq, tNeq, tLt, tLe, tGt, tGe:
		return ev.compare(e.op, l, r)
	}
	a, b := ev.number(l), ev.number(r)
	switch e.op {
	case tPlus:
		return a + b, nil
	case tMinus:
		return a - b, nil
	case tMul:
		return a * b, nil
	case tDiv:
		return a / b, nil
	case tMod:
		return math.Mod(a, b), nil
	}
	return nil, fmt.Errorf("unknown operator %d", e.op)
}

// union merges two node sets.
func union(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

// compare is = != < <= > >= with XPath's rules: node sets compare by
// their nodes' string values (numbers, for the relations), each node in
// turn.
func (ev *evaluator) compare(op tokKind, l, r any) (bool, error) {
	ls, lset := l.([]int)
	rs, rset := r.([]int)
	switch {
	case lset && rset:
		rv := make([]string, len(rs))
		for j, n := range rs {
			rv[j] = ev.d.stringValue(n)
		}
		if err := ev.count(len(ls) * len(rs)); err != nil {
			return false, err
		}
		for _, n := range ls {
			a := ev.d.stringValue(n)
			for _, b := range rv {
				if ev.compareAtoms(op, a, b) {
					return true, nil
				}
			}
		}
		return false, nil
	case lset || rset:
		set, other, flip := ls, r, false
		if rset {
			set, other, flip = rs, l, true
		}
		if b, ok := other.(bool); ok && (op == tEq || op == tNeq) {
			return (len(set) > 0 == b) == (op == tEq), nil
		}
		if b, ok := other.(bool); ok {
			other = boolNumber(b)
			return ev.compareAtoms(flipOp(op, flip), boolNumber(len(set) > 0), other), nil
		}
		if err := ev.count(len(set)); err != nil {
			return false, err
		}
		for _, n := range set {
			var a any = ev.d.stringValue(n)
			if _, isNum := other.(float64); isNum || (op != tEq && op != tNeq) {
				a = stringNumber(a.(string))
			}
			if ev.compareAtoms(flipOp(op, flip), a, other) {
				return true, nil
			}
		}
		return false, nil
	}
	return ev.compareAtoms(op, l, r), nil
}

// flipOp is op with its operands swapped, when flip.
func flipOp(op tokKind, flip bool) tokKind {
	if !flip {
		return op
	}
	switch op {
	case tLt:
		return tGt
	case tLe:
		return tGe
	case tGt:
		return tLt
	case tGe:
		return tLe
	}
	return op
}

func boolNumber(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// compareAtoms compares two values that are not node sets.
func (ev *evaluator) compareAtoms(op tokKind, l, r any) bool {
	if op == tEq || op == tNeq {
		var eq bool
		_, lb := l.(bool)
		_, rb := r.(bool)
		_, ln := l.(float64)
		_, rn := r.(float64)
		switch {
		case lb || rb:
			eq = ev.boolean(l) == ev.boolean(r)
		case ln || rn:
			eq = ev.number(l) == ev.number(r)
		default:
			eq = ev.string(l) == ev.string(r)
		}
		if op == tEq {
			return eq
		}
		return !eq
	}
	a, b := ev.number(l), ev.number(r)
	switch op {
	case tLt:
		return a < b
	case tLe:
		return a <= b
	case tGt:
		return a > b
	}
	return a >= b
}

// boolean is XPath's boolean().
func (ev *evaluator) boolean(v any) bool {
	switch v := v.(type) {
	case []int:
		return len(v) > 0
	case string:
		return v != ""
	case float64:
		return v != 0 && !math.IsNaN(v)
	case bool:
		return v
	}
	return false
}

// number is XPath's number().
func (ev *evaluator) number(v any) float64 {
	switch v := v.(type) {
	case []int:
		return stringNumber(ev.string(v))
	case string:
		return stringNumber(v)
	case float64:
		return v
	case bool:
		return boolNumber(v)
	}
	return math.NaN()
}

// string is XPath's string().
func (ev *evaluator) string(v any) string {
	switch v := v.(type) {
	case []int:
		if len(v) == 0 {
			return ""
		}
		return ev.d.stringValue(v[0])
	case string:
		return v
	case float64:
		return formatNumber(v)
	case bool:
		if v {
			return "true"
		}
		return "false"
	}
	return ""
}

// stringValue is a node's string value: its content.
func (d *document) stringValue(i int) string { return d.content(i) }

// isBlank reports whether c is XPath's white space.
func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// stringNumber reads a number as libxml2's xmlXPathStringEvalNumber does:
// white space, an optional minus, digits with an optional fraction, an
// optional exponent, white space; NaN for anything else.
func stringNumber(s string) float64 {
	i := 0
	for i < len(s) && isBlank(s[i]) {
		i++
	}
	start := i
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i, digits = i+1, digits+1
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i, digits = i+1, digits+1
		}
	}
	if digits == 0 {
		return math.NaN()
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j >= len(s) || !isDigit(s[j]) {
			return math.NaN()
		}
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		i = j
	}
	end := i
	for i < len(s) && isBlank(s[i]) {
		i++
	}
	if i != len(s) {
		return math.NaN()
	}
	f, err := strconv.ParseFloat(s[start:end], 64)
	if err != nil && !isRangeError(err) {
		return math.NaN()
	}
	if s[start] == '-' && f == 0 {
		return math.Copysign(0, -1)
	}
	return f
}

// formatNumber writes a number as libxml2's xmlXPathFormatNumber does:
// integers of int's range as such, numbers past 1e9 or below 1e-5 in
// scientific notation, the others with 15 significant digits, without
// trailing zeros.
func formatNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	case f > math.MinInt32 && f < math.MaxInt32 && f == math.Trunc(f):
		return fmt.Sprintf("%d", int32(f))
	}
	abs := math.Abs(f)
	var work string
	if abs > 1e9 || abs < 1e-5 {
		work = fmt.Sprintf("%.14e", f)
	} else {
		place := int(math.Log10(abs))
		frac := 15 - place
		if place > 0 {
			frac--
		}
		work = fmt.Sprintf("%.*f", frac, f)
	}
	// Remove the fraction's trailing zeros (and its point).
	mant, exp := work, ""
	if i := strings.IndexByte(work, 'e'); i >= 0 {
		mant, exp = work[:i], work[i:]
	}
	if strings.IndexByte(mant, '.') >= 0 {
		mant = strings.TrimRight(mant, "0")
		mant = strings.TrimSuffix(mant, ".")
	}
	return mant + exp
}

// path evaluates a location path or a filter expression.
func (ev *evaluator) path(e *pathExpr, c evalCtx) (any, error) {
	var cur []int
	switch {
	case e.filter != nil:
		v, err := ev.eval(e.filter, c)
		if err != nil {
			return nil, err
		}
		if len(e.preds) == 0 && len(e.steps) == 0 {
			return v, nil
		}
		set, ok := v.([]int)
		if !ok {
			return nil, &typeError{"a predicate or a step after a value that is not a node set"}
		}
		cur, err = ev.filter(set, e.preds)
		if err != nil {
			return nil, err
		}
	case e.abs:
		cur = []int{0}
	case c.node != none:
		cur = []int{c.node}
	default:
		cur = []int{}
	}
	// loose is whether cur came from //: in a document with nodes that
	// xmltree leaves out, it lacks them, and a . or .. after it would tell.
	loose := false
	for _, s := range e.steps {
		if loose && s.implicit && s.axis != axDescendantOrSelf {
			if what := ev.d.unmodeled(); what != "" {
				return nil, &unsupportedError{"// followed by . or .. in a document with " + what}
			}
		}
		loose = s.implicit && s.axis == axDescendantOrSelf
		next, err := ev.step(cur, s)
		if err != nil {
			return nil, err
		}
		cur = next
	}
	return cur, nil
}

// step evaluates a step from each node of cur.
func (ev *evaluator) step(cur []int, s step) ([]int, error) {
	var out []int
	sorted := true
	for _, n := range cur {
		found, err := ev.axis(n, s)
		if err != nil {
			return nil, err
		}
		found, err = ev.filter(found, s.preds)
		if err != nil {
			return nil, err
		}
		if s.axis.reverse() {
			slices.Reverse(found)
		}
		if len(out) > 0 && len(found) > 0 && found[0] <= out[len(out)-1] {
			sorted = false
		}
		out = append(out, found...)
		if err := ev.take(len(out)); err != nil {
			return nil, err
		}
	}
	if !sorted {
		if err := ev.count(len(out)); err != nil {
			return nil, err
		}
		slices.Sort(out)
		out = slices.Compact(out)
	}
	if out == nil {
		out = []int{}
	}
	return out, nil
}

// filter keeps the nodes of set (in the order of their axis) that pass
// each predicate in turn.
func (ev *evaluator) filter(set []int, preds []expr) ([]int, error) {
	if len(preds) == 0 {
		return set, nil
	}
	for _, pred := range preds {
		kept := make([]int, 0, len(set))
		for k, n := range set {
			v, err := ev.eval(pred, evalCtx{node: n, pos: k + 1, size: len(set)})
			if err != nil {
				return nil, err
			}
			var ok bool
			if f, isNum := v.(float64); isNum {
				ok = f == float64(k+1)
			} else {
				ok = ev.boolean(v)
			}
			if ok {
				kept = append(kept, n)
			}
		}
		set = kept
	}
	return set, nil
}

// axis returns the nodes of s's axis from n that pass its node test, in
// the axis's order: document order, or its reverse for a reverse axis.
func (ev *evaluator) axis(n int, s step) ([]int, error) {
	d := ev.d
	if err := ev.checkTest(s); err != nil {
		return nil, err
	}
	space, err := ev.space(s)
	if err != nil {
		return nil, err
	}
	m := &d.nodes[n]
	var out []int
	visited := 0
	try := func(j int) {
		visited++
		if ev.match(j, s, space) {
			out = append(out, j)
		}
	}
	isAttr := m.kind == kAttr
	switch s.axis {
	case axChild:
		if !isAttr {
			for j := m.first; j != none; j = d.nodes[j].next {
				try(j)
			}
		}
	case axAttribute:
		if m.kind == kElem {
			for j := m.attrs; j != none; j = d.nodes[j].next {
				try(j)
			}
		}
	case axSelf:
		try(n)
	case axParent:
		if m.parent != none {
			try(m.parent)
		}
	case axDescendant, axDescendantOrSelf:
		if s.axis == axDescendantOrSelf {
			try(n)
		}
		if !isAttr {
			for j := n + 1; j < m.end; j++ {
				if k := d.nodes[j].kind; k == kElem || k == kText {
					try(j)
				}
			}
		}
	case axAncestor, axAncestorOrSelf:
		if s.axis == axAncestorOrSelf {
			try(n)
		}
		for j := m.parent; j != none; j = d.nodes[j].parent {
			try(j)
		}
	case axFollowingSibling:
		if !isAttr {
			for j := m.next; j != none; j = d.nodes[j].next {
				try(j)
			}
		}
	case axPrecedingSibling:
		if !isAttr {
			for j := m.prev; j != none; j = d.nodes[j].prev {
				try(j)
			}
		}
	case axFollowing:
		// From an attribute, libxml2 (2.9) starts after its element's
		// subtree, not at the element's children.
		from := m.end
		if isAttr {
			from = d.nodes[m.parent].end
		}
		for j := from; j < len(d.nodes); j++ {
			if k := d.nodes[j].kind; k == kElem || k == kText {
				try(j)
			}
		}
	case axPreceding:
		start := n
		if isAttr {
			start = m.parent
		}
		anc := map[int]bool{}
		for j := d.nodes[start].parent; j != none; j = d.nodes[j].parent {
			anc[j] = true
		}
		for j := start - 1; j >= 1; j-- {
			if k := d.nodes[j].kind; (k == kElem || k == kText) && !anc[j] {
				try(j)
			}
		}
	}
	if err := ev.count(visited); err != nil {
		return nil, err
	}
	return out, ev.take(len(out))
}

// checkTest refuses the node tests whose answer would count the nodes
// that xmltree leaves out (comments, processing instructions, CDATA
// sections), in a document that has some: node(), comment(),
// processing-instruction() written out, and text() where those are
// inside the document element (a CDATA section or a comment splits a
// text, where xmltree has one).
func (ev *evaluator) checkTest(s step) error {
	if s.implicit {
		return nil
	}
	what := ev.d.unmodeled()
	switch s.test {
	case testText:
		what = ev.d.inner
	case testNode, testComment, testPI:
	default:
		return nil
	}
	if what == "" {
		return nil
	}
	return &unsupportedError{"text(), node(), comment() and processing-instruction() in a document with " + what}
}

// space is the namespace of s's prefix.
func (ev *evaluator) space(s step) (string, error) {
	if s.prefix == "" {
		return "", nil
	}
	if s.prefix == "xml" {
		return "http://www.w3.org/XML/1998/namespace", nil
	}
	uri, ok := ev.ns[s.prefix]
	if !ok {
		return "", &syntaxError{0, "undefined namespace prefix " + s.prefix}
	}
	return uri, nil
}

// match reports whether node j passes s's node test.
func (ev *evaluator) match(j int, s step, space string) bool {
	m := &ev.d.nodes[j]
	principal := kElem
	if s.axis == axAttribute {
		principal = kAttr
	}
	switch s.test {
	case testName:
		return m.kind == principal && m.local == s.local && m.space == space
	case testAny:
		return m.kind == principal
	case testNsAny:
		return m.kind == principal && m.space == space
	case testNode:
		return true
	case testText:
		return m.kind == kText
	}
	return false
}

// call evaluates a call of a core function.
func (ev *evaluator) call(e *callExpr, c evalCtx) (any, error) {
	args := make([]any, len(e.args))
	for i, a := range e.args {
		v, err := ev.eval(a, c)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	// The functions whose argument defaults to the context node.
	self := func() any {
		if c.node == none {
			return []int{}
		}
		return []int{c.node}
	}
	arg0 := func() any {
		if len(args) == 0 {
			return self()
		}
		return args[0]
	}
	nodeArg := func() (int, error) {
		set, ok := arg0().([]int)
		if !ok {
			return none, &typeError{e.name + "() of a value that is not a node set"}
		}
		if len(set) == 0 {
			return none, nil
		}
		return set[0], nil
	}
	str := func(i int) string { return ev.string(args[i]) }
	switch e.name {
	case "last":
		return float64(c.size), nil
	case "position":
		return float64(c.pos), nil
	case "count", "sum":
		set, ok := args[0].([]int)
		if !ok {
			return nil, &typeError{e.name + "() of a value that is not a node set"}
		}
		if e.name == "count" {
			return float64(len(set)), nil
		}
		if err := ev.count(len(set)); err != nil {
			return nil, err
		}
		sum := 0.0
		for _, n := range set {
			sum += stringNumber(ev.d.stringValue(n))
		}
		return sum, nil
	case "local-name", "namespace-uri", "name":
		n, err := nodeArg()
		if err != nil || n == none {
			return "", err
		}
		m := &ev.d.nodes[n]
		if m.kind != kElem && m.kind != kAttr {
			return "", nil
		}
		switch e.name {
		case "local-name":
			return m.local, nil
		case "namespace-uri":
			return m.space, nil
		}
		return ev.d.qname(n), nil
	case "string":
		return ev.stringOf(arg0())
	case "concat":
		var b strings.Builder
		for i := range args {
			s := str(i)
			if err := ev.take(b.Len() + len(s)); err != nil {
				return nil, err
			}
			b.WriteString(s)
		}
		return b.String(), nil
	case "starts-with":
		return strings.HasPrefix(str(0), str(1)), nil
	case "contains":
		return strings.Contains(str(0), str(1)), nil
	case "substring-before":
		before, _, found := strings.Cut(str(0), str(1))
		if !found {
			return "", nil
		}
		return before, nil
	case "substring-after":
		_, after, found := strings.Cut(str(0), str(1))
		if !found {
			return "", nil
		}
		return after, nil
	case "substring":
		return substring(str(0), ev.number(args[1]), args, ev), nil
	case "string-length":
		s, err := ev.stringOf(arg0())
		if err != nil {
			return nil, err
		}
		return float64(utf8.RuneCountInString(s.(string))), nil
	case "normalize-space":
		s, err := ev.stringOf(arg0())
		if err != nil {
			return nil, err
		}
		return strings.Join(strings.FieldsFunc(s.(string), func(r rune) bool { return r < 0x80 && isBlank(byte(r)) }), " "), nil
	case "translate":
		return translate(str(0), str(1), str(2)), nil
	case "boolean":
		return ev.boolean(args[0]), nil
	case "not":
		return !ev.boolean(args[0]), nil
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "number":
		return ev.number(arg0()), nil
	case "floor":
		return math.Floor(ev.number(args[0])), nil
	case "ceiling":
		return math.Ceil(ev.number(args[0])), nil
	case "round":
		return xpathRound(ev.number(args[0])), nil
	}
	return nil, &unsupportedError{"the function " + e.name + "()"}
}

// stringOf is string(v), counting the nodes it goes through.
func (ev *evaluator) stringOf(v any) (any, error) {
	if set, ok := v.([]int); ok && len(set) > 0 {
		n, work := ev.d.contentLen(set[0])
		if err := ev.count(work); err != nil {
			return nil, err
		}
		if err := ev.take(n / 8); err != nil {
			return nil, err
		}
	}
	return ev.string(v), nil
}

// xpathRound is XPath's round(): the closest integer, halves up.
func xpathRound(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return f
	}
	if f >= -0.5 && f < 0 {
		return math.Copysign(0, -1)
	}
	return math.Floor(f + 0.5)
}

// substring is XPath's substring(s, start, length?), over characters.
func substring(s string, start float64, args []any, ev *evaluator) string {
	from := xpathRound(start)
	to := math.Inf(1)
	if len(args) == 3 {
		to = from + xpathRound(ev.number(args[2]))
	}
	var b strings.Builder
	pos := 0
	for _, r := range s {
		pos++
		if p := float64(pos); p >= from && p < to {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// translate is XPath's translate(): each character of s found in from
// becomes the one at the same place in to, or goes when to is shorter.
func translate(s, from, to string) string {
	fr, tr := []rune(from), []rune(to)
	var b strings.Builder
	for _, r := range s {
		i := slices.Index(fr, r)
		switch {
		case i < 0:
			b.WriteRune(r)
		case i < len(tr):
			b.WriteRune(tr[i])
		}
	}
	return b.String()
}
