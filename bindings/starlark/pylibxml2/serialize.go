package pylibxml2

import (
	"fmt"
	"strings"
)

// This file writes nodes as libxml2's serialize(encoding, format=0) does:
// attributes in double quotes, an element without children as <x/>, no
// indentation added. Without an encoding, characters outside ASCII are
// written as character references (&#xE9;): always in texts, and in
// attribute values when the document declared no encoding.

// writeOpts are the escapes a serialization uses.
type writeOpts struct {
	textASCII bool // texts: characters outside ASCII and \r as &#x..;
	attrASCII bool // attribute values: characters outside ASCII as &#x..;
}

// serialize writes node i (and its subtree) to b.
func (d *document) serialize(b *strings.Builder, i int, o writeOpts) {
	m := &d.nodes[i]
	switch m.kind {
	case kText, kAttrText:
		escapeText(b, m.value, o.textASCII)
		return
	case kAttr:
		d.writeAttr(b, i, o)
		return
	}
	// An element or the document, and its descendants.
	var open []int
	closeTo := func(j int) {
		for len(open) > 0 && d.nodes[open[len(open)-1]].end <= j {
			b.WriteString("</" + d.qname(open[len(open)-1]) + ">")
			open = open[:len(open)-1]
		}
	}
	for j := i; j < m.end; j++ {
		closeTo(j)
		n := &d.nodes[j]
		switch n.kind {
		case kText:
			escapeText(b, n.value, o.textASCII)
		case kElem:
			b.WriteString("<" + d.qname(j))
			for _, ns := range n.nsDefs {
				b.WriteString(" " + ns.Name + `="`)
				escapeAttr(b, ns.Value, o.attrASCII)
				b.WriteString(`"`)
			}
			for a := n.attrs; a != none; a = d.nodes[a].next {
				d.writeAttr(b, a, o)
			}
			if n.first == none {
				b.WriteString("/>")
				continue
			}
			b.WriteString(">")
			open = append(open, j)
		}
	}
	closeTo(m.end)
}

// writeAttr writes attribute a as libxml2 does: ` name="value"`.
func (d *document) writeAttr(b *strings.Builder, a int, o writeOpts) {
	b.WriteString(" " + d.qname(a) + `="`)
	escapeAttr(b, d.nodes[a].value, o.attrASCII)
	b.WriteString(`"`)
}

// serializedLen bounds the length of node i's serialization: each
// character may become a reference of up to 10 bytes.
func (d *document) serializedLen(i int) uint64 {
	m := &d.nodes[i]
	n := uint64(0)
	for j := i; j < max(m.end, i+1); j++ {
		x := &d.nodes[j]
		n += 10*uint64(len(x.value)) + 2*uint64(len(x.local)+len(x.prefix)) + 8
		for _, ns := range x.nsDefs {
			n += uint64(len(ns.Name)) + 10*uint64(len(ns.Value)) + 4
		}
	}
	return n
}

// escapeText writes a text as libxml2 does: & < > as entities, \r as a
// character reference, and with ascii the characters outside ASCII.
func escapeText(b *strings.Builder, s string, ascii bool) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r' && ascii:
			b.WriteString("&#xD;")
		case r == '\r':
			b.WriteString("&#13;")
		case r >= 0x80 && ascii:
			fmt.Fprintf(b, "&#x%X;", r)
		default:
			b.WriteRune(r)
		}
	}
}

// escapeAttr writes an attribute value as libxml2 does: & < > " as
// entities, \t \n \r as character references, and with ascii the
// characters outside ASCII.
func escapeAttr(b *strings.Builder, s string, ascii bool) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t':
			b.WriteString("&#9;")
		case r == '\n':
			b.WriteString("&#10;")
		case r == '\r':
			b.WriteString("&#13;")
		case r >= 0x80 && ascii:
			fmt.Fprintf(b, "&#x%X;", r)
		default:
			b.WriteRune(r)
		}
	}
}
