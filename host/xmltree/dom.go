package xmltree

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// This file is the model of Python's xml.dom.minidom over a parsed tree:
// a Document whose nodes are the document, its elements, and the texts
// between them (an element's Text and each child's Tail become text nodes,
// interleaved with the elements, as minidom's childNodes are). It reads
// the tree through Element's exported accessors (and counts work with
// Meter.charge).
//
// minidom names elements and attributes as they are written ("qemu:arg",
// "xmlns:qemu") where ElementTree resolves them ("{uri}arg"), and keeps
// namespace declarations as attributes: a document that declares
// namespaces is read once more for the names as written.

// NodeType is the type of a DOM node, numbered as in the DOM (minidom's
// Node.ELEMENT_NODE and friends).
type NodeType int

// The node types of a Document, and the attribute's.
const (
	ElementNode   NodeType = 1
	AttributeNode NodeType = 2
	TextNode      NodeType = 3
	DocumentNode  NodeType = 9
)

// XMLNSNamespace is the namespace of namespace declarations (xmlns,
// xmlns:p), as minidom gives them.
const XMLNSNamespace = "http://www.w3.org/2000/xmlns/"

// DOMAttr is an attribute as minidom sees it: its name as written
// ("type", "q:name", "xmlns:q"), its value, and its namespace ("" for
// none).
type DOMAttr struct {
	Name, Value, Space string
}

// Prefix is the part of the name before its colon ("" when none).
func (a DOMAttr) Prefix() string { p, _ := splitQName(a.Name); return p }

// LocalName is the part of the name after its colon, or the whole name.
func (a DOMAttr) LocalName() string { _, l := splitQName(a.Name); return l }

// Document is a parsed document seen through minidom's model. It cannot
// be changed, and may be read from several goroutines.
type Document struct {
	root      *Element
	names     map[*Element]*written // the elements whose names the tree does not hold as written
	links     map[*Element]link     // each element but the root: its parent and position
	namesRead bool                  // whether the document was read for its names
}

// written is an element's name and attributes as minidom has them: the
// name as written, the namespace declarations first, then the
// attributes, as written.
type written struct {
	tag   string
	attrs []DOMAttr
}

// link places an element among its parent's children.
type link struct {
	parent *Element
	pos    int
}

// Bytes a Document adds to its tree, for the allocation checks: an
// element's link (a map entry, with the map's slack).
const linkBytes = 64

// ParseDocument parses src as Parse does (alloc, when not nil, is asked
// for the bytes before they are taken; a malformed document is a
// *SyntaxError) and returns it as a Document.
func ParseDocument(src string, alloc func(n uint64) error) (*Document, error) {
	root, err := Parse(src, alloc)
	if err != nil {
		return nil, err
	}
	if alloc != nil {
		if err := alloc(linkBytes * uint64(root.Size())); err != nil {
			return nil, err
		}
	}
	d := &Document{root: root, links: make(map[*Element]link, root.Size()-1)}
	var stack []*Element
	stack = append(stack, root)
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for i := e.Len() - 1; i >= 0; i-- {
			c := e.Child(i)
			d.links[c] = link{parent: e, pos: i}
			stack = append(stack, c)
		}
	}
	// Names in namespaces come from a declaration (xmlns) or the xml
	// prefix: without either, the tree has every name as written.
	if strings.Contains(src, "xmlns") || strings.Contains(src, "xml:") {
		if alloc != nil {
			if err := alloc(Estimate(src)); err != nil {
				return nil, err
			}
		}
		if err := d.readNames(src); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// readNames reads src again, for the names of its elements and
// attributes as written and its namespace declarations.
func (d *Document) readNames(src string) error {
	d.namesRead = true
	d.names = map[*Element]*written{}
	all, _ := d.root.Iter("", nil)
	dec := xml.NewDecoder(strings.NewReader(src))
	dec.Strict = true
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	i := 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("reading the names: %v", err) // Parse read it: cannot happen
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if i >= len(all) {
			return fmt.Errorf("reading the names: more elements than the tree has")
		}
		e := all[i]
		i++
		w := &written{tag: qname(start.Name)}
		differs := w.tag != e.Tag()
		tree := e.Attrs()
		var plain []DOMAttr
		for _, a := range start.Attr {
			name := qname(a.Name)
			if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
				w.attrs = append(w.attrs, DOMAttr{Name: name, Value: a.Value, Space: XMLNSNamespace})
				differs = true
				continue
			}
			// The other attributes are the tree's, in the same order.
			t := tree[len(plain)]
			space, _ := splitTag(t.Name)
			plain = append(plain, DOMAttr{Name: name, Value: t.Value, Space: space})
			differs = differs || name != t.Name
		}
		if differs {
			w.attrs = append(w.attrs, plain...)
			d.names[e] = w
		}
	}
	if i != len(all) {
		return fmt.Errorf("reading the names: fewer elements than the tree has")
	}
	return nil
}

// qname is n as written: prefix:local, or local.
func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// splitTag splits a name of the tree, "{uri}local" or "local".
func splitTag(tag string) (space, local string) {
	if strings.HasPrefix(tag, "{") {
		if i := strings.LastIndex(tag, "}"); i > 0 {
			return tag[1:i], tag[i+1:]
		}
	}
	return "", tag
}

// hasText and hasTail report whether e has a text, a tail.
func hasText(e *Element) bool { _, ok := e.Text(); return ok }

func hasTail(e *Element) bool { _, ok := e.Tail(); return ok }

// splitQName splits a name as written, "prefix:local" or "local".
func splitQName(name string) (prefix, local string) {
	if p, l, ok := strings.Cut(name, ":"); ok {
		return p, l
	}
	return "", name
}

// Root is the document element.
func (d *Document) Root() *Element { return d.root }

// Node is the document as a node.
func (d *Document) Node() Node { return Node{doc: d, typ: DocumentNode} }

// ElementNode is the node of e, an element of d.
func (d *Document) ElementNode(e *Element) Node { return Node{doc: d, el: e, typ: ElementNode} }

// TagName is e's name as written: "disk", "qemu:commandline".
func (d *Document) TagName(e *Element) string {
	if w := d.names[e]; w != nil {
		return w.tag
	}
	return e.Tag()
}

// Attrs returns e's attributes as minidom has them: the namespace
// declarations first, then the attributes, each in document order.
func (d *Document) Attrs(e *Element) []DOMAttr {
	if w := d.names[e]; w != nil {
		return append([]DOMAttr(nil), w.attrs...)
	}
	attrs := e.Attrs()
	out := make([]DOMAttr, len(attrs))
	for i, a := range attrs {
		out[i] = DOMAttr{Name: a.Name, Value: a.Value} // names in no namespace
	}
	return out
}

// NumAttrs is the number of e's attributes, namespace declarations
// included.
func (d *Document) NumAttrs(e *Element) int {
	if w := d.names[e]; w != nil {
		return len(w.attrs)
	}
	return e.NumAttrs()
}

// Attr returns e's attribute named name as written.
func (d *Document) Attr(e *Element, name string) (DOMAttr, bool) {
	if w := d.names[e]; w != nil {
		for _, a := range w.attrs {
			if a.Name == name {
				return a, true
			}
		}
		return DOMAttr{}, false
	}
	v, ok := e.Get(name)
	return DOMAttr{Name: name, Value: v}, ok
}

// AttrNS returns e's attribute in namespace space ("" for none) whose
// local name is local.
func (d *Document) AttrNS(e *Element, space, local string) (DOMAttr, bool) {
	for _, a := range d.Attrs(e) {
		if a.Space == space && a.LocalName() == local {
			return a, true
		}
	}
	return DOMAttr{}, false
}

// Node is a node of a Document: the document, an element, or a text. The
// zero Node is no node (minidom's None); nodes compare equal when they are
// the same node.
type Node struct {
	doc  *Document
	el   *Element // the element; for a text, the element whose text or tail it is
	typ  NodeType
	tail bool // a text that is el's tail, not its text
}

// IsZero reports whether n is no node.
func (n Node) IsZero() bool { return n.doc == nil }

// Type is the node's type: ElementNode, TextNode or DocumentNode.
func (n Node) Type() NodeType { return n.typ }

// Document is the document n belongs to.
func (n Node) Document() *Document { return n.doc }

// Element is the node's element, or nil when n is not an element.
func (n Node) Element() *Element {
	if n.typ != ElementNode {
		return nil
	}
	return n.el
}

// Name is minidom's nodeName: an element's name as written, "#text" or
// "#document".
func (n Node) Name() string {
	switch n.typ {
	case ElementNode:
		return n.doc.TagName(n.el)
	case TextNode:
		return "#text"
	}
	return "#document"
}

// Data is a text's characters ("" for another node).
func (n Node) Data() string {
	if n.typ != TextNode {
		return ""
	}
	if n.tail {
		s, _ := n.el.Tail()
		return s
	}
	s, _ := n.el.Text()
	return s
}

// Prefix is an element's namespace prefix as written ("" when none).
func (n Node) Prefix() string {
	if n.typ != ElementNode {
		return ""
	}
	p, _ := splitQName(n.doc.TagName(n.el))
	return p
}

// LocalName is an element's name without its prefix.
func (n Node) LocalName() string {
	if n.typ != ElementNode {
		return ""
	}
	_, l := splitQName(n.doc.TagName(n.el))
	return l
}

// NamespaceURI is an element's namespace ("" when none).
func (n Node) NamespaceURI() string {
	if n.typ != ElementNode {
		return ""
	}
	s, _ := splitTag(n.el.Tag())
	return s
}

func (n Node) element(e *Element) Node { return Node{doc: n.doc, el: e, typ: ElementNode} }
func (n Node) text(e *Element) Node    { return Node{doc: n.doc, el: e, typ: TextNode} }
func (n Node) tailOf(e *Element) Node  { return Node{doc: n.doc, el: e, typ: TextNode, tail: true} }

// Parent is minidom's parentNode: the document for the document element,
// no node for the document.
func (n Node) Parent() Node {
	switch {
	case n.typ == DocumentNode:
		return Node{}
	case n.typ == TextNode && !n.tail:
		return n.element(n.el)
	}
	l, ok := n.doc.links[n.el]
	if !ok {
		return n.doc.Node()
	}
	return n.element(l.parent)
}

// NumChildren is the number of n's childNodes.
func (n Node) NumChildren() int {
	switch n.typ {
	case DocumentNode:
		return 1
	case TextNode:
		return 0
	}
	k := n.el.Len()
	if hasText(n.el) {
		k++
	}
	for i := range n.el.Len() {
		if hasTail(n.el.Child(i)) {
			k++
		}
	}
	return k
}

// Children returns n's childNodes: for an element, its text, then each
// child followed by its tail, those that are present.
func (n Node) Children() []Node {
	switch n.typ {
	case DocumentNode:
		return []Node{n.element(n.doc.root)}
	case TextNode:
		return nil
	}
	out := make([]Node, 0, n.NumChildren())
	if hasText(n.el) {
		out = append(out, n.text(n.el))
	}
	for i := range n.el.Len() {
		c := n.el.Child(i)
		out = append(out, n.element(c))
		if hasTail(c) {
			out = append(out, n.tailOf(c))
		}
	}
	return out
}

// FirstChild is n's first child, or no node.
func (n Node) FirstChild() Node {
	switch {
	case n.typ == DocumentNode:
		return n.element(n.doc.root)
	case n.typ == TextNode:
		return Node{}
	case hasText(n.el):
		return n.text(n.el)
	case n.el.Len() > 0:
		return n.element(n.el.Child(0))
	}
	return Node{}
}

// LastChild is n's last child, or no node.
func (n Node) LastChild() Node {
	switch {
	case n.typ == DocumentNode:
		return n.element(n.doc.root)
	case n.typ == TextNode:
		return Node{}
	case n.el.Len() > 0:
		last := n.el.Child(n.el.Len() - 1)
		if hasTail(last) {
			return n.tailOf(last)
		}
		return n.element(last)
	case hasText(n.el):
		return n.text(n.el)
	}
	return Node{}
}

// NextSibling is the node after n among its parent's children, or no
// node.
func (n Node) NextSibling() Node {
	switch {
	case n.typ == DocumentNode:
		return Node{}
	case n.typ == TextNode && !n.tail:
		if n.el.Len() > 0 {
			return n.element(n.el.Child(0))
		}
		return Node{}
	}
	l, ok := n.doc.links[n.el]
	if !ok {
		return Node{} // the document element
	}
	if n.typ == ElementNode && hasTail(n.el) {
		return n.tailOf(n.el)
	}
	if l.pos+1 < l.parent.Len() {
		return n.element(l.parent.Child(l.pos + 1))
	}
	return Node{}
}

// PreviousSibling is the node before n among its parent's children, or
// no node.
func (n Node) PreviousSibling() Node {
	switch {
	case n.typ == DocumentNode, n.typ == TextNode && !n.tail:
		return Node{}
	case n.typ == TextNode:
		return n.element(n.el)
	}
	l, ok := n.doc.links[n.el]
	if !ok {
		return Node{}
	}
	if l.pos == 0 {
		if hasText(l.parent) {
			return n.text(l.parent)
		}
		return Node{}
	}
	prev := l.parent.Child(l.pos - 1)
	if hasTail(prev) {
		return n.tailOf(prev)
	}
	return n.element(prev)
}

// scope is the element whose descendants a search from n goes through,
// and whether it is itself left out: the document's searches include the
// document element.
func (n Node) scope() (*Element, bool) {
	switch n.typ {
	case DocumentNode:
		return n.doc.root, false
	case ElementNode:
		return n.el, true
	}
	return nil, false
}

// ElementsByTagName returns the elements below n (the document element
// included for the document) whose name as written is name, all of them
// for "*", in document order, as minidom's getElementsByTagName. It
// counts the elements it goes through against m.
func (n Node) ElementsByTagName(name string, m *Meter) ([]Node, error) {
	top, skipTop := n.scope()
	if top == nil || name == "" {
		return nil, nil
	}
	var found []*Element
	var err error
	if n.doc.namesRead && name != "*" {
		found, err = top.Iter("", m)
		if err != nil {
			return nil, err
		}
		kept := found[:0]
		for _, e := range found {
			if n.doc.TagName(e) == name {
				kept = append(kept, e)
			}
		}
		found = kept
	} else if found, err = top.Iter(name, m); err != nil {
		return nil, err
	}
	return n.nodes(found, top, skipTop), nil
}

// ElementsByTagNameNS returns the elements below n in namespace space
// ("" for none, "*" for any) whose local name is local ("*" for any), in
// document order, as minidom's getElementsByTagNameNS.
func (n Node) ElementsByTagNameNS(space, local string, m *Meter) ([]Node, error) {
	top, skipTop := n.scope()
	if top == nil {
		return nil, nil
	}
	all, err := top.Iter("", m)
	if err != nil {
		return nil, err
	}
	kept := all[:0]
	for _, e := range all {
		s, _ := splitTag(e.Tag())
		_, l := splitQName(n.doc.TagName(e))
		if (space == "*" || s == space) && (local == "*" || l == local) {
			kept = append(kept, e)
		}
	}
	return n.nodes(kept, top, skipTop), nil
}

// nodes makes the nodes of found, without top when skipTop.
func (n Node) nodes(found []*Element, top *Element, skipTop bool) []Node {
	if skipTop && len(found) > 0 && found[0] == top {
		found = found[1:]
	}
	out := make([]Node, len(found))
	for i, e := range found {
		out[i] = n.element(e)
	}
	return out
}

// DOMWriteOptions are the arguments of minidom's toxml, toprettyxml and
// writexml.
type DOMWriteOptions struct {
	// Indent starts every line; AddIndent is added for each level; Newl
	// ends each element and text (writexml's indent, addindent, newl:
	// toprettyxml's indent is AddIndent).
	Indent, AddIndent, Newl string
	// Encoding and Standalone ("yes", "no") go into a document's XML
	// declaration when not "".
	Encoding, Standalone string
	// ASCII writes every character outside ASCII as a character
	// reference (&#233;), as Python's encoders with xmlcharrefreplace do
	// for "us-ascii".
	ASCII bool
}

// Size is the number of elements WriteXML goes through for n.
func (n Node) Size() int {
	switch n.typ {
	case DocumentNode:
		return n.doc.root.Size()
	case ElementNode:
		return n.el.Size()
	}
	return 0
}

// WriteXML writes n as minidom's writexml does (Python 3.11): attributes
// with their namespace declarations first, "<tag/>" for an element
// without children, text and attribute values with & < " > escaped, a
// document with its XML declaration. It counts n's elements against m.
//
// alloc, when not nil, is asked for the length of the result before it is
// built; an error from it is returned as is.
func (n Node) WriteXML(opts DOMWriteOptions, m *Meter, alloc func(n uint64) error) (string, error) {
	if err := m.charge(uint64(n.Size())); err != nil {
		return "", err
	}
	var count domCounter
	n.write(opts, &count)
	if alloc != nil {
		if err := alloc(uint64(count)); err != nil {
			return "", err
		}
	}
	if count >= domCountMax || uint64(count) > uint64(maxInt) {
		return "", fmt.Errorf("the XML would be longer than %d bytes", min(uint64(domCountMax), uint64(maxInt)))
	}
	var b strings.Builder
	b.Grow(int(count))
	n.write(opts, &b)
	return b.String(), nil
}

// domCounter counts what is written to it, up to domCountMax: an
// indentation repeated at every level of a deep document can make more
// than a uint64 holds.
type domCounter uint64

const domCountMax = 1 << 62

func (c *domCounter) WriteString(s string) (int, error) { c.add(uint64(len(s)), 1); return len(s), nil }

// add counts n bytes times times, saturating.
func (c *domCounter) add(n, times uint64) {
	if times != 0 && n > (domCountMax-uint64(*c))/times {
		*c = domCountMax
		return
	}
	*c += domCounter(n * times)
}

const maxInt = int(^uint(0) >> 1)

// domWriter writes a node as minidom does.
type domWriter struct {
	opts DOMWriteOptions
	doc  *Document
	out  io.StringWriter
	// The lengths of Indent and AddIndent as markup, then escaped as a
	// text.
	indents [4]uint64
}

// domFrame is an element being written: its depth, and the next of its
// children to write (0: its text; 2i+1: child i; 2i+2: child i's tail).
type domFrame struct {
	el    *Element
	depth int
	next  int
}

func (n Node) write(opts DOMWriteOptions, out io.StringWriter) {
	w := &domWriter{opts: opts, doc: n.doc}
	// The lengths of the indentations as written: as markup, and escaped
	// as a text.
	for i, s := range []string{opts.Indent, opts.AddIndent} {
		var raw, esc domCounter
		w.out = &raw
		w.raw(s)
		w.out = &esc
		w.escaped(s)
		w.indents[i], w.indents[i+2] = uint64(raw), uint64(esc)
	}
	w.out = out
	switch n.typ {
	case DocumentNode:
		var decls []string
		if opts.Encoding != "" {
			decls = append(decls, `encoding="`+opts.Encoding+`"`)
		}
		if opts.Standalone != "" {
			decls = append(decls, `standalone="`+opts.Standalone+`"`)
		}
		w.raw(`<?xml version="1.0" ` + strings.Join(decls, " ") + "?>" + opts.Newl)
		w.element(n.doc.root)
	case ElementNode:
		w.element(n.el)
	case TextNode:
		w.text(n.Data(), 0)
	}
}

// element writes the subtree of e, without recursion.
func (w *domWriter) element(e *Element) {
	var stack []domFrame
	if w.start(e, 0) {
		stack = append(stack, domFrame{el: e})
	}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		el, depth := top.el, top.depth
		k := top.next
		top.next++
		switch {
		case k == 0:
			if text, ok := el.Text(); ok {
				w.text(text, depth+1)
			}
		case k <= 2*el.Len():
			c := el.Child((k - 1) / 2)
			if k%2 == 1 {
				if w.start(c, depth+1) {
					stack = append(stack, domFrame{el: c, depth: depth + 1})
				}
			} else if tail, ok := c.Tail(); ok {
				w.text(tail, depth+1)
			}
		default:
			w.indent(depth, false)
			w.raw("</" + w.doc.TagName(el) + ">" + w.opts.Newl)
			stack = stack[:len(stack)-1]
		}
	}
}

// start writes e's start tag, and returns whether its children are to be
// written: an element with no children, or only a text, is written whole.
func (w *domWriter) start(e *Element, depth int) bool {
	w.indent(depth, false)
	tag := w.doc.TagName(e)
	w.raw("<" + tag)
	for _, a := range w.doc.Attrs(e) {
		w.raw(" " + a.Name + `="`)
		w.escaped(a.Value)
		w.raw(`"`)
	}
	text, hasText := e.Text()
	switch {
	case !hasText && e.Len() == 0:
		w.raw("/>" + w.opts.Newl)
		return false
	case hasText && e.Len() == 0:
		w.raw(">")
		w.escaped(text)
		w.raw("</" + tag + ">" + w.opts.Newl)
		return false
	}
	w.raw(">" + w.opts.Newl)
	return true
}

// text writes a text node at depth: indent, data and newline, escaped as
// a whole, as minidom's Text.writexml does.
func (w *domWriter) text(data string, depth int) {
	w.indent(depth, true)
	w.escaped(data)
	w.escaped(w.opts.Newl)
}

// indent writes Indent and depth times AddIndent, escaped as a text's
// or as markup. The count is made at once, so that counting a deep
// document's indentation takes no time.
func (w *domWriter) indent(depth int, escape bool) {
	write, lens := w.raw, w.indents[:2]
	if escape {
		write, lens = w.escaped, w.indents[2:]
	}
	if c, ok := w.out.(*domCounter); ok {
		c.add(lens[0], 1)
		c.add(lens[1], uint64(depth))
		return
	}
	write(w.opts.Indent)
	if w.opts.AddIndent == "" {
		return
	}
	for range depth {
		write(w.opts.AddIndent)
	}
}

// raw writes s as is, but for the characters outside ASCII with ASCII.
func (w *domWriter) raw(s string) {
	if !w.opts.ASCII {
		_, _ = w.out.WriteString(s)
		return
	}
	start := 0
	for i, r := range s {
		if r < 0x80 {
			continue
		}
		_, _ = w.out.WriteString(s[start:i])
		_, _ = w.out.WriteString(fmt.Sprintf("&#%d;", r))
		start = i + len(string(r))
	}
	_, _ = w.out.WriteString(s[start:])
}

// escaped writes s with & < " > as entities, as minidom's _write_data
// does in Python 3.11 (in texts and attribute values alike).
func (w *domWriter) escaped(s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '"':
			esc = "&quot;"
		case '>':
			esc = "&gt;"
		default:
			continue
		}
		w.raw(s[start:i])
		w.raw(esc)
		start = i + 1
	}
	w.raw(s[start:])
}
