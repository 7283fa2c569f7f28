package pylibxml2

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/vertscript/vertscript/host/xmltree"
)

// This file is libxml2's tree over a document parsed by host/xmltree: the
// document, its elements, their attributes (each with the text node that
// holds its value, as libxml2 has it) and the texts between elements,
// numbered in document order, so that a node is an index, document order
// is the order of indexes, and an element's descendants are the indexes
// up to its end.

// kind is a node's type.
type kind uint8

const (
	kDoc      kind = iota // the document
	kElem                 // an element
	kAttr                 // an attribute
	kText                 // a text between elements
	kAttrText             // the text that holds an attribute's value
)

// typeNames are the names libxml2 gives the kinds (node.type).
var typeNames = [...]string{kDoc: "document_xml", kElem: "element", kAttr: "attribute", kText: "text", kAttrText: "text"}

// none is no node.
const none = -1

// mnode is a node of a document.
type mnode struct {
	kind   kind
	local  string // an element's or an attribute's name without its prefix
	prefix string // its prefix as written ("" when none)
	space  string // its namespace ("" when none)
	value  string // a text's or an attribute's value
	// The links between nodes, none where there is no node: an
	// attribute's siblings are the element's other attributes, its child
	// the text of its value.
	parent, first, last, next, prev int
	attrs                           int // an element's first attribute
	end                             int // the index after the node's subtree (attributes included)
	// nsDefs are an element's namespace declarations, as written
	// (xmlns="u", xmlns:p="u"), in document order.
	nsDefs []xmltree.DOMAttr
}

// document is a parsed document.
type document struct {
	nodes []mnode
	// outer and inner name what the source has outside the document
	// element (outer: comments, processing instructions, a DOCTYPE) and
	// inside it (comments, processing instructions, CDATA sections) that
	// libxml2 keeps as nodes and xmltree leaves out: the reads that would
	// see them are refused.
	outer, inner string
	// version, encoding and standalone are the XML declaration's
	// (version "1.0" when there is none).
	version, encoding, standalone string
	// url is the name parseFile gave the document ("" for parseDoc's:
	// its name is None).
	url string
}

// nodeBytes is what a node takes, for the allocation checks: its struct
// and its strings' headers.
const nodeBytes = 160

// countNodes is the number of nodes newDocument makes for d.
func countNodes(d *xmltree.Document) int {
	n := 1
	all, _ := d.Root().Iter("", nil)
	for _, e := range all {
		n += 1 + 2*d.NumAttrs(e) + d.ElementNode(e).NumChildren() - e.Len()
	}
	return n
}

// newDocument makes the tree of d, without recursion.
//
// libxml2 normalizes the white space written in attribute values (a tab,
// a newline) to spaces, where xmltree keeps it: the source's white space
// in attribute values is taken to be written (see whitespaceRefs).
func newDocument(d *xmltree.Document, size int) *document {
	doc := &document{nodes: make([]mnode, 0, size)}
	add := func(m mnode) int {
		m.first, m.last, m.next, m.prev, m.attrs = none, none, none, none, none
		doc.nodes = append(doc.nodes, m)
		return len(doc.nodes) - 1
	}
	link := func(parent, child int) {
		p, c := &doc.nodes[parent], &doc.nodes[child]
		c.parent = parent
		if p.last == none {
			p.first = child
		} else {
			doc.nodes[p.last].next = child
			c.prev = p.last
		}
		p.last = child
	}
	add(mnode{kind: kDoc, parent: none})
	type item struct {
		n      xmltree.Node
		parent int
	}
	stack := []item{{d.ElementNode(d.Root()), 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.n.Type() == xmltree.TextNode {
			link(it.parent, add(mnode{kind: kText, value: it.n.Data()}))
			continue
		}
		e := it.n.Element()
		i := add(mnode{kind: kElem, local: it.n.LocalName(), prefix: it.n.Prefix(), space: it.n.NamespaceURI()})
		link(it.parent, i)
		prev := none
		for _, a := range d.Attrs(e) {
			if a.Space == xmltree.XMLNSNamespace {
				doc.nodes[i].nsDefs = append(doc.nodes[i].nsDefs, a)
				continue
			}
			if strings.ContainsAny(a.Value, "\t\n\r") {
				a.Value = strings.Map(func(r rune) rune {
					if r == '\t' || r == '\n' || r == '\r' {
						return ' '
					}
					return r
				}, a.Value)
			}
			j := add(mnode{kind: kAttr, local: a.LocalName(), prefix: a.Prefix(), space: a.Space, value: a.Value, parent: i})
			if prev == none {
				doc.nodes[i].attrs = j
			} else {
				doc.nodes[prev].next = j
				doc.nodes[j].prev = prev
			}
			prev = j
			link(j, add(mnode{kind: kAttrText, value: a.Value}))
		}
		kids := it.n.Children()
		for k := len(kids) - 1; k >= 0; k-- {
			stack = append(stack, item{kids[k], i})
		}
	}
	// A node's subtree ends where its last descendant's does.
	for i := len(doc.nodes) - 1; i >= 0; i-- {
		m := &doc.nodes[i]
		m.end = max(m.end, i+1)
		if m.parent != none {
			p := &doc.nodes[m.parent]
			p.end = max(p.end, m.end)
		}
	}
	return doc
}

// unmodeled names what the document has that xmltree leaves out, or "".
func (d *document) unmodeled() string {
	if d.inner != "" {
		return d.inner
	}
	return d.outer
}

// content is libxml2's xmlNodeGetContent: a text's or an attribute's
// value, the texts of an element's or the document's descendants.
func (d *document) content(i int) string {
	m := &d.nodes[i]
	switch m.kind {
	case kText, kAttr, kAttrText:
		return m.value
	}
	var b strings.Builder
	for j := i + 1; j < m.end; j++ {
		if d.nodes[j].kind == kText {
			b.WriteString(d.nodes[j].value)
		}
	}
	return b.String()
}

// contentLen is the length of content(i), and the nodes it goes through.
func (d *document) contentLen(i int) (n, work int) {
	m := &d.nodes[i]
	switch m.kind {
	case kText, kAttr, kAttrText:
		return len(m.value), 1
	}
	for j := i + 1; j < m.end; j++ {
		if d.nodes[j].kind == kText {
			n += len(d.nodes[j].value)
		}
	}
	return n, m.end - i
}

// qname is an element's or an attribute's name as written.
func (d *document) qname(i int) string {
	m := &d.nodes[i]
	if m.prefix != "" {
		return m.prefix + ":" + m.local
	}
	return m.local
}

// findMisc looks through src for what libxml2 keeps as nodes and xmltree
// does not, and notes it in d.outer and d.inner; it reads the XML
// declaration into d.decl. Only called on a document that parsed.
func (d *document) findMisc(src string) {
	d.version = "1.0"
	if strings.Contains(src, "<![CDATA[") {
		d.inner = "CDATA sections"
	}
	if !strings.Contains(src, "<!") && !strings.Contains(src, "<?") {
		return
	}
	dec := xml.NewDecoder(strings.NewReader(src))
	dec.Strict = true
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	depth, first := 0, true
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return
		}
		what := ""
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.Comment:
			what = "comments"
		case xml.Directive:
			what = "a DOCTYPE"
		case xml.ProcInst:
			if first && t.Target == "xml" {
				inst := string(t.Inst)
				d.version = pseudoAttr(inst, "version", "1.0")
				d.encoding = pseudoAttr(inst, "encoding", "")
				d.standalone = pseudoAttr(inst, "standalone", "")
				break
			}
			what = "processing instructions"
		}
		first = false
		switch {
		case what == "":
		case depth == 0 && d.outer == "":
			d.outer = what
		case depth > 0 && d.inner == "":
			d.inner = what
		}
	}
}

// declaration is the XML declaration libxml2 writes for the document,
// with encoding ("" for none).
func (d *document) declaration(encoding string) string {
	out := `<?xml version="` + d.version + `"`
	if encoding != "" {
		out += ` encoding="` + encoding + `"`
	}
	if d.standalone != "" {
		out += ` standalone="` + d.standalone + `"`
	}
	return out + "?>"
}

// pseudoAttr is the value of name="..." (or '...') in an XML declaration.
func pseudoAttr(inst, name, def string) string {
	i := strings.Index(inst, name)
	if i < 0 {
		return def
	}
	rest := strings.TrimLeft(inst[i+len(name):], " \t\r\n")
	if !strings.HasPrefix(rest, "=") {
		return def
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return def
	}
	if j := strings.IndexByte(rest[1:], rest[0]); j >= 0 {
		return rest[1 : 1+j]
	}
	return def
}

// whitespaceRefs reports whether src has a character reference to a tab,
// a newline or a carriage return (&#9; &#xA; ...): in an attribute value,
// xmltree cannot tell it from the character written as is, which libxml2
// normalizes to a space.
func whitespaceRefs(src string) bool {
	for i := strings.Index(src, "&#"); i >= 0; i = strings.Index(src, "&#") {
		src = src[i+2:]
		end := strings.IndexByte(src, ';')
		if end < 0 {
			return false
		}
		ref := src[:end]
		var v int64
		var err error
		if strings.HasPrefix(ref, "x") {
			v, err = strconv.ParseInt(ref[1:], 16, 32)
		} else {
			v, err = strconv.ParseInt(ref, 10, 32)
		}
		if err == nil && (v == 9 || v == 10 || v == 13) {
			return true
		}
	}
	return false
}

// attrWhitespace reports whether an attribute value of d has a tab, a
// newline or a carriage return.
func attrWhitespace(d *xmltree.Document) bool {
	all, _ := d.Root().Iter("", nil)
	for _, e := range all {
		for _, a := range d.Attrs(e) {
			if strings.ContainsAny(a.Value, "\t\n\r") {
				return true
			}
		}
	}
	return false
}
