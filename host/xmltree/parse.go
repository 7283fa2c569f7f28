package xmltree

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// SyntaxError is a document that is not well-formed XML: what is wrong,
// and where (Line and Column are 1-based).
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// xmlNamespace is the namespace of the prefix xml, bound in every document.
const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// Bytes the tree takes besides its strings, for the allocation checks:
// an element (its struct, its slot in the parent's children, with the
// slack of growing slices) and an attribute.
const (
	elementBytes = 192
	attrBytes    = 64
)

// Estimate is what the tree of src is expected to take, in bytes: the
// first amount Parse asks for. It counts an element for every '<' and an
// attribute for every '=', and the text twice.
func Estimate(src string) uint64 {
	return 2*uint64(len(src)) + elementBytes*uint64(strings.Count(src, "<")) + attrBytes*uint64(strings.Count(src, "="))
}

// Parse reads the document src (text: an encoding declaration is
// ignored, as Python does for a str) and returns its root element.
//
// alloc, when not nil, is asked for the bytes the tree will take before
// they are taken: Estimate(src) first, then more whenever the tree outgrows
// what was granted (names in namespaces can make a tree larger than its
// text). An error from alloc stops the parse and is returned as is.
//
// A malformed document is a *SyntaxError. There is no DTD processing: a
// DOCTYPE is skipped, and only XML's five predefined entities and
// character references are known, so nothing outside src is ever read.
// Comments and processing instructions are dropped, as ElementTree's
// default parser does.
func Parse(src string, alloc func(n uint64) error) (*Element, error) {
	p := &parser{
		d:     xml.NewDecoder(strings.NewReader(src)),
		alloc: alloc,
		names: map[xml.Name]string{},
		ns:    map[string][]string{},
	}
	p.d.Strict = true
	p.d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := p.grant(Estimate(src)); err != nil {
		return nil, err
	}
	return p.parse()
}

// parser is the state of one Parse.
type parser struct {
	d     *xml.Decoder
	alloc func(n uint64) error

	names  map[xml.Name]string // resolved names, each made once
	ns     map[string][]string // prefix -> the namespaces bound to it, innermost last
	used   uint64              // bytes the tree takes so far
	budget uint64              // bytes granted by alloc

	root    *Element
	stack   []*Element // the open elements, innermost last
	raw     []xml.Name // their names as written, to match end tags
	decls   [][]string // the prefixes each open element declared
	pending []byte     // text not yet given to an element
	line    int        // where the current token began
	col     int
}

// grant asks alloc for n bytes more.
func (p *parser) grant(n uint64) error {
	if p.alloc != nil {
		if err := p.alloc(n); err != nil {
			return err
		}
	}
	p.budget += n
	return nil
}

// take counts n bytes of the tree, asking for more when the grant is spent.
func (p *parser) take(n uint64) error {
	p.used += n
	if p.used <= p.budget {
		return nil
	}
	return p.grant(max(p.used-p.budget, p.budget))
}

func (p *parser) errorf(format string, args ...any) error {
	return &SyntaxError{Line: p.line, Column: p.col, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) parse() (*Element, error) {
	for {
		p.line, p.col = p.d.InputPos()
		tok, err := p.d.RawToken()
		if err == io.EOF {
			return p.end()
		}
		if err != nil {
			msg := err.Error()
			if se := (*xml.SyntaxError)(nil); errors.As(err, &se) {
				msg = se.Msg
			}
			line, col := p.d.InputPos()
			return nil, &SyntaxError{Line: line, Column: col, Msg: strings.TrimPrefix(msg, "xml: ")}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = p.start(t)
		case xml.EndElement:
			err = p.endElement(t)
		case xml.CharData:
			err = p.chars(t)
		}
		// Comments, processing instructions and directives (a DOCTYPE)
		// are dropped; a comment does not split a text.
		if err != nil {
			return nil, err
		}
	}
}

// end checks the document at its end.
func (p *parser) end() (*Element, error) {
	if len(p.stack) > 0 {
		return nil, p.errorf("unexpected end of document: <%s> is not closed", rawName(p.raw[len(p.raw)-1]))
	}
	if p.root == nil {
		return nil, p.errorf("no element found")
	}
	return p.root, nil
}

func (p *parser) chars(t xml.CharData) error {
	if len(p.stack) == 0 {
		if strings.TrimLeft(string(t), " \t\r\n") != "" {
			if p.root != nil {
				return p.errorf("junk after document element")
			}
			return p.errorf("text before the document element")
		}
		return nil
	}
	p.pending = append(p.pending, t...)
	return nil
}

// flush gives the pending text to the open element: its text when it has
// no children yet, else its last child's tail.
func (p *parser) flush() error {
	if len(p.pending) == 0 {
		return nil
	}
	s := string(p.pending)
	p.pending = p.pending[:0]
	if err := p.take(uint64(len(s))); err != nil {
		return err
	}
	cur := p.stack[len(p.stack)-1]
	if n := len(cur.children); n > 0 {
		last := cur.children[n-1]
		last.tail, last.hasTail = s, true
	} else {
		cur.text, cur.hasText = s, true
	}
	return nil
}

func (p *parser) start(t xml.StartElement) error {
	if p.root != nil && len(p.stack) == 0 {
		return p.errorf("junk after document element")
	}
	if len(p.stack) > 0 {
		if err := p.flush(); err != nil {
			return err
		}
	}
	// Namespace declarations first: they apply to the element's own name
	// and attributes.
	var declared []string
	attrs := make([]xml.Attr, 0, len(t.Attr))
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			declared = append(declared, "")
			p.ns[""] = append(p.ns[""], a.Value)
		case a.Name.Space == "xmlns":
			if a.Name.Local == "xml" || a.Name.Local == "xmlns" {
				return p.errorf("reserved prefix (%s) must not be declared or undeclared", a.Name.Local)
			}
			declared = append(declared, a.Name.Local)
			p.ns[a.Name.Local] = append(p.ns[a.Name.Local], a.Value)
		default:
			attrs = append(attrs, a)
		}
	}
	tag, err := p.resolve(t.Name, true)
	if err != nil {
		return err
	}
	e := &Element{tag: tag, size: 1}
	if len(attrs) > 0 {
		e.attrs = make([]Attr, len(attrs))
		for i, a := range attrs {
			name, err := p.resolve(a.Name, false)
			if err != nil {
				return err
			}
			e.attrs[i] = Attr{Name: name, Value: a.Value}
			if err := p.take(attrBytes + uint64(len(a.Value))); err != nil {
				return err
			}
		}
		if dup := duplicate(e.attrs); dup != "" {
			return p.errorf("duplicate attribute %s", dup)
		}
	}
	if err := p.take(elementBytes); err != nil {
		return err
	}
	if len(p.stack) == 0 {
		p.root = e
	} else {
		parent := p.stack[len(p.stack)-1]
		e.parent = parent
		parent.children = append(parent.children, e)
	}
	p.stack = append(p.stack, e)
	p.raw = append(p.raw, t.Name)
	p.decls = append(p.decls, declared)
	return nil
}

func (p *parser) endElement(t xml.EndElement) error {
	if len(p.stack) == 0 {
		return p.errorf("unexpected end tag </%s>", rawName(t.Name))
	}
	n := len(p.stack) - 1
	if open := p.raw[n]; open != t.Name {
		return p.errorf("mismatched tag: <%s> closed by </%s>", rawName(open), rawName(t.Name))
	}
	if err := p.flush(); err != nil {
		return err
	}
	e := p.stack[n]
	for _, prefix := range p.decls[n] {
		p.ns[prefix] = p.ns[prefix][:len(p.ns[prefix])-1]
	}
	p.stack, p.raw, p.decls = p.stack[:n], p.raw[:n], p.decls[:n]
	if n > 0 {
		p.stack[n-1].size += e.size
	}
	return nil
}

// resolve returns the name ElementTree gives n, as written in the
// document: "local", or "{namespace}local". An element without a prefix
// is in the default namespace, an attribute in none.
func (p *parser) resolve(n xml.Name, element bool) (string, error) {
	var uri string
	switch prefix := n.Space; {
	case prefix == "xml":
		uri = xmlNamespace
	case prefix == "" && !element:
	case prefix == "":
		if bound := p.ns[""]; len(bound) > 0 {
			uri = bound[len(bound)-1]
		}
	default:
		bound := p.ns[prefix]
		if len(bound) == 0 || bound[len(bound)-1] == "" {
			return "", p.errorf("unbound prefix %s in <%s>", prefix, rawName(n))
		}
		uri = bound[len(bound)-1]
	}
	key := xml.Name{Space: uri, Local: n.Local}
	if s, ok := p.names[key]; ok {
		return s, nil
	}
	s := n.Local
	if uri != "" {
		s = "{" + uri + "}" + n.Local
	}
	if err := p.take(uint64(len(s)) + 64); err != nil { // the string and its map entry
		return "", err
	}
	p.names[key] = s
	return s, nil
}

// duplicate returns the name of an attribute that appears twice in attrs,
// or "".
func duplicate(attrs []Attr) string {
	if len(attrs) <= 8 {
		for i := range attrs {
			for j := range i {
				if attrs[i].Name == attrs[j].Name {
					return attrs[i].Name
				}
			}
		}
		return ""
	}
	seen := make(map[string]bool, len(attrs))
	for _, a := range attrs {
		if seen[a.Name] {
			return a.Name
		}
		seen[a.Name] = true
	}
	return ""
}

// rawName is n as written: prefix:local.
func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
