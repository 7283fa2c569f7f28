package xmltree

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Path is a compiled path of ElementTree's XPath subset:
//
//	tag           the children named tag ("{ns}tag", "{*}tag", "{ns}*" and
//	              "{}*" too; "p:tag" with a namespaces map)
//	*             all children
//	.             the element itself
//	..            the parent (never above the element the search starts from)
//	//tag, //*    the descendants, at any depth
//	a/b           steps, left to right
//	[@attr]       the elements that have attr
//	[@attr='v']   ... whose attr is v ([@attr!='v']: is not v)
//	[tag]         ... that have a child tag
//	[tag='text']  ... that have a child tag whose whole text is text
//	              ([tag!='text'], and [.='text'] for the element's own)
//	[n]           ... that are the n-th of their parent's children of
//	              their tag, from 1 ([last()], [last()-1])
//
// It behaves as Python's xml.etree.ElementPath, duplicates included
// (".//a//b" can find an element twice), except that paths Python would
// take as a strange tag or reject with an unrelated error (a stray "]",
// a space between steps, an unclosed "[") are errors here.
type Path struct {
	src   string
	steps []step
}

// step is one selection: it maps the elements found so far to the next
// ones.
type step func(c *evaluation, in []*Element) ([]*Element, error)

// PathError is a path that does not compile.
type PathError struct {
	Path string
	Msg  string
}

func (e *PathError) Error() string { return fmt.Sprintf("invalid path %q: %s", e.Path, e.Msg) }

// token is a token of a path: typ is an operator, a quoted string (with
// its quotes) or "" for a name; val is the name.
type token struct{ typ, val string }

// pathTokens is ElementPath's tokenizer, unchanged.
var pathTokens = regexp.MustCompile(`('[^']*'|"[^"]*"|::|//?|\.\.|\(\)|!=|[/.*:\[\]\(\)@=])|((?:\{[^}]+\})?[^/\[\]\(\)@!=\s]+)|\s+`)

// tokenize splits path into tokens, expanding prefix:name through
// namespaces (whose "" key, if any, is the default namespace of names
// that are not attributes), as ElementPath's xpath_tokenizer does.
func tokenize(path string, namespaces map[string]string) ([]token, error) {
	def := namespaces[""]
	attribute := false
	var out []token
	for _, m := range pathTokens.FindAllStringSubmatch(path, -1) {
		t := token{typ: m[1], val: m[2]}
		if t.val != "" && t.val[0] != '{' {
			if prefix, local, ok := strings.Cut(t.val, ":"); ok {
				uri, ok := namespaces[prefix]
				if !ok {
					return nil, fmt.Errorf("prefix %q not found in prefix map", prefix)
				}
				t.val = "{" + uri + "}" + local
			} else if def != "" && !attribute {
				t.val = "{" + def + "}" + t.val
			}
			attribute = false
		} else {
			attribute = t.typ == "@"
		}
		out = append(out, t)
	}
	return out, nil
}

// Compile compiles path, whose prefixes (p:tag) namespaces maps to
// namespaces, as Element.find(path, namespaces) in Python.
func Compile(path string, namespaces map[string]string) (*Path, error) {
	src := path
	fail := func(msg string) error { return &PathError{Path: src, Msg: msg} }
	if strings.HasSuffix(path, "/") {
		path += "*"
	}
	if strings.HasPrefix(path, "/") {
		return nil, fail("cannot use absolute path on element")
	}
	toks, err := tokenize(path, namespaces)
	if err != nil {
		return nil, fail(err.Error())
	}
	p := &Path{src: src}
	for i := 0; i < len(toks); {
		t := toks[i]
		i++
		var s step
		switch t.typ {
		case "":
			if t.val == "" {
				return nil, fail("unexpected space")
			}
			s = childStep(t.val)
		case "*":
			s = starStep
		case ".":
			s = selfStep
		case "..":
			s = parentStep
		case "//":
			if i == len(toks) {
				return nil, fail("invalid descendant")
			}
			switch next := toks[i]; {
			case next.typ == "*":
				s = descendantStep("*")
			case next.typ == "" && next.val != "":
				s = descendantStep(next.val)
			default:
				return nil, fail("invalid descendant")
			}
			i++
		case "[":
			end := i
			for end < len(toks) && toks[end].typ != "]" {
				end++
			}
			if end == len(toks) {
				return nil, fail("missing ]")
			}
			s, err = predicate(toks[i:end])
			if err != nil {
				return nil, fail(err.Error())
			}
			i = end + 1
		default:
			return nil, fail(fmt.Sprintf("unexpected %q", t.typ))
		}
		p.steps = append(p.steps, s)
		if i < len(toks) && toks[i].typ == "/" {
			i++
			if i == len(toks) {
				return nil, fail("missing step after /")
			}
		}
	}
	return p, nil
}

// String is the path as written.
func (p *Path) String() string { return p.src }

// evaluation is the state of one search: the element it starts from
// (ElementPath's context root, above which .. does not go) and its meter.
type evaluation struct {
	root  *Element
	m     *Meter
	stack []frame // the walks' scratch space
}

// FindAll returns the elements that p selects from e, in ElementPath's
// order, as Element.findall(path) in Python.
func (p *Path) FindAll(e *Element, m *Meter) ([]*Element, error) {
	if len(p.steps) == 0 {
		return nil, nil // Python finds nothing with an empty path
	}
	c := &evaluation{root: e, m: m}
	result := []*Element{e}
	for _, s := range p.steps {
		var err error
		if result, err = s(c, result); err != nil {
			return nil, err
		}
		if len(result) == 0 {
			break
		}
	}
	return result, nil
}

// Find returns the first element that p selects from e, or nil.
func (p *Path) Find(e *Element, m *Meter) (*Element, error) {
	all, err := p.FindAll(e, m)
	if err != nil || len(all) == 0 {
		return nil, err
	}
	return all[0], nil
}

// FindText returns the text of the first element that p selects from e
// ("" when it has none), and whether there was one, as
// Element.findtext(path) in Python.
func (p *Path) FindText(e *Element, m *Meter) (string, bool, error) {
	x, err := p.Find(e, m)
	if err != nil || x == nil {
		return "", false, err
	}
	return x.text, true, nil
}

// keep counts n elements gone through, and fails past the meter's limit.
func (c *evaluation) keep(n int) error { return c.m.charge(uint64(n)) }

// tagMatcher returns the test of ElementPath's name step tag: an exact
// name ("{}tag" is "tag"), or a wildcard: "{*}tag" (tag in any namespace
// or none), "{ns}*" (any tag in ns), "{}*" (any tag in no namespace),
// "{*}*" and "*" (any tag).
func tagMatcher(tag string) func(string) bool {
	switch {
	case tag == "*" || tag == "{*}*":
		return func(string) bool { return true }
	case tag == "{}*":
		return func(t string) bool { return !strings.HasPrefix(t, "{") }
	case strings.HasPrefix(tag, "{*}"):
		local, suffix := tag[3:], tag[2:] // "name", "}name"
		return func(t string) bool { return t == local || strings.HasPrefix(t, "{") && strings.HasSuffix(t, suffix) }
	case strings.HasSuffix(tag, "}*"):
		ns := tag[:len(tag)-1] // "{ns}"
		return func(t string) bool { return strings.HasPrefix(t, ns) }
	}
	tag = strings.TrimPrefix(tag, "{}")
	return func(t string) bool { return t == tag }
}

// childStep is "tag": the children with a matching tag.
func childStep(tag string) step {
	match := tagMatcher(tag)
	return func(c *evaluation, in []*Element) ([]*Element, error) {
		var out []*Element
		for _, e := range in {
			if err := c.keep(len(e.children) + 1); err != nil {
				return nil, err
			}
			for _, x := range e.children {
				if match(x.tag) {
					out = append(out, x)
				}
			}
		}
		return out, nil
	}
}

// starStep is "*": all children.
func starStep(c *evaluation, in []*Element) ([]*Element, error) {
	var out []*Element
	for _, e := range in {
		if err := c.keep(len(e.children) + 1); err != nil {
			return nil, err
		}
		out = append(out, e.children...)
	}
	return out, nil
}

// selfStep is ".".
func selfStep(c *evaluation, in []*Element) ([]*Element, error) { return in, nil }

// parentStep is "..": the parents, once each, of the elements other than
// the root of the search.
func parentStep(c *evaluation, in []*Element) ([]*Element, error) {
	if err := c.keep(len(in)); err != nil {
		return nil, err
	}
	var out []*Element
	seen := map[*Element]bool{}
	for _, e := range in {
		if e == c.root || e.parent == nil || seen[e.parent] {
			continue
		}
		seen[e.parent] = true
		out = append(out, e.parent)
	}
	return out, nil
}

// descendantStep is "//tag": for each element, its descendants with a
// matching tag, in document order. Overlapping subtrees give their common
// descendants more than once, as in Python.
func descendantStep(tag string) step {
	match := tagMatcher(tag)
	return func(c *evaluation, in []*Element) ([]*Element, error) {
		var out []*Element
		for _, e := range in {
			if err := c.keep(e.size); err != nil {
				return nil, err
			}
			c.stack = e.visitWith(c.stack, func(x *Element) {
				if x != e && match(x.tag) {
					out = append(out, x)
				}
			}, nil)
		}
		return out, nil
	}
}

// digits is what ElementPath takes for a position rather than a tag.
var digits = regexp.MustCompile(`^-?[0-9]+$`)

// predicate compiles the tokens between "[" and "]", as ElementPath's
// prepare_predicate: by their signature, one character per token (the
// operator, "-" for a name, "'" for a quoted string).
func predicate(toks []token) (step, error) {
	var sig strings.Builder
	var vals []string
	for _, t := range toks {
		if t.typ == "" && t.val == "" {
			continue // a space
		}
		if t.typ != "" && (t.typ[0] == '\'' || t.typ[0] == '"') {
			t = token{typ: "'", val: t.typ[1 : len(t.typ)-1]}
		}
		if t.typ == "" {
			sig.WriteString("-")
		} else {
			sig.WriteString(t.typ)
		}
		vals = append(vals, t.val)
	}
	switch s := sig.String(); {
	case s == "@-":
		return attrStep(vals[1], nil), nil
	case s == "@-='" || s == "@-!='":
		v := vals[len(vals)-1]
		return attrStep(vals[1], &compare{value: v, negated: s == "@-!='"}), nil
	case s == "-" && !digits.MatchString(vals[0]):
		return hasChildStep(vals[0]), nil
	case s == ".='" || s == ".!='" || (s == "-='" || s == "-!='") && !digits.MatchString(vals[0]):
		return textStep(vals[0], compare{value: vals[len(vals)-1], negated: strings.Contains(s, "!=")}), nil
	case s == "-" || s == "-()" || s == "-()-":
		return positionStep(s, vals)
	case strings.HasSuffix(s, "=-"):
		return nil, errors.New("invalid predicate (quote the value: [@attr='value'], [tag='text'])")
	}
	return nil, errors.New("invalid predicate")
}

// compare is the test of [...='value'] or [...!='value'].
type compare struct {
	value   string
	negated bool
}

// attrStep is [@key] (cmp nil), [@key='v'] or [@key!='v'].
func attrStep(key string, cmp *compare) step {
	return func(c *evaluation, in []*Element) ([]*Element, error) {
		if err := c.keep(len(in)); err != nil {
			return nil, err
		}
		var out []*Element
		for _, e := range in {
			v, ok := e.Get(key)
			if ok && (cmp == nil || (v == cmp.value) != cmp.negated) {
				out = append(out, e)
			}
		}
		return out, nil
	}
}

// hasChildStep is [tag]: the elements with a child tag.
func hasChildStep(tag string) step { return withChildStep(tag, nil) }

// withChildStep is the elements that have a child with a matching tag that
// passes test (nil: any such child), each once.
func withChildStep(tag string, test func(c *evaluation, x *Element) (bool, error)) step {
	match := tagMatcher(tag)
	return func(c *evaluation, in []*Element) ([]*Element, error) {
		var out []*Element
		for _, e := range in {
			if err := c.keep(len(e.children) + 1); err != nil {
				return nil, err
			}
			for _, x := range e.children {
				if !match(x.tag) {
					continue
				}
				if test != nil {
					ok, err := test(c, x)
					if err != nil {
						return nil, err
					}
					if !ok {
						continue
					}
				}
				out = append(out, e)
				break
			}
		}
		return out, nil
	}
}

// textStep is [tag='text'], [tag!='text'] (some child tag has, or has
// not, the whole text text), or the same of the element itself when tag
// is "" ([.='text']).
func textStep(tag string, cmp compare) step {
	test := func(c *evaluation, x *Element) (bool, error) {
		if err := c.keep(x.size); err != nil {
			return false, err
		}
		return (x.textLen() == len(cmp.value) && strings.Join(x.texts(), "") == cmp.value) != cmp.negated, nil
	}
	if tag != "" {
		return withChildStep(tag, test)
	}
	return func(c *evaluation, in []*Element) ([]*Element, error) {
		var out []*Element
		for _, e := range in {
			ok, err := test(c, e)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, e)
			}
		}
		return out, nil
	}
}

// positionStep is [n] (sig "-"), [last()] ("-()") or [last()-n] ("-()-"):
// the elements at that position among their parent's children of their
// own tag. The root of the search has no parent there.
func positionStep(sig string, vals []string) (step, error) {
	var index int // from 0, or from the end when negative
	huge := false // beyond any list: selects nothing
	if sig == "-" {
		n, err := strconv.Atoi(vals[0])
		switch {
		case err != nil:
			huge = true // digits, too many of them
			if strings.HasPrefix(vals[0], "-") {
				return nil, errors.New("XPath position >= 1 expected")
			}
		case n < 1:
			return nil, errors.New("XPath position >= 1 expected")
		default:
			index = n - 1
		}
	} else {
		if vals[0] != "last" {
			return nil, errors.New("unsupported function")
		}
		index = -1
		if sig == "-()-" {
			n, err := strconv.Atoi(vals[2])
			var ne *strconv.NumError
			switch {
			case errors.As(err, &ne) && ne.Err == strconv.ErrRange:
				if !strings.HasPrefix(vals[2], "-") {
					return nil, errors.New("XPath offset from last() must be negative")
				}
				huge = true
			case err != nil:
				return nil, errors.New("unsupported expression")
			case n-1 > -2:
				return nil, errors.New("XPath offset from last() must be negative")
			default:
				index = n - 1
			}
		}
	}
	return func(c *evaluation, in []*Element) ([]*Element, error) {
		if huge {
			return nil, c.keep(len(in))
		}
		// The siblings of each tag, per parent, found once.
		type key struct {
			parent *Element
			tag    string
		}
		siblings := map[key][]*Element{}
		var out []*Element
		for _, e := range in {
			if err := c.keep(1); err != nil {
				return nil, err
			}
			if e == c.root || e.parent == nil {
				continue
			}
			k := key{e.parent, e.tag}
			same, ok := siblings[k]
			if !ok {
				if err := c.keep(len(e.parent.children)); err != nil {
					return nil, err
				}
				for _, x := range e.parent.children {
					if x.tag == e.tag {
						same = append(same, x)
					}
				}
				siblings[k] = same
			}
			i := index
			if i < 0 {
				i += len(same)
			}
			if i >= 0 && i < len(same) && same[i] == e {
				out = append(out, e)
			}
		}
		return out, nil
	}, nil
}
