package xmltree

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteOptions are ElementTree.tostring's options that ToString supports.
type WriteOptions struct {
	// ASCII writes every character outside ASCII as a character
	// reference (&#233;), as the encoding "us-ascii" (tostring's
	// default) does; otherwise the text is UTF-8 ("utf-8", "unicode").
	ASCII bool
	// LongEmpty writes an element with no text and no children as
	// <tag></tag> rather than <tag /> (short_empty_elements=False).
	LongEmpty bool
}

// knownPrefixes are the prefixes ElementTree gives well-known namespaces
// (its _namespace_map); other namespaces get ns0, ns1, ...
var knownPrefixes = map[string]string{
	"http://www.w3.org/XML/1998/namespace":        "xml",
	"http://www.w3.org/1999/xhtml":                "html",
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
	"http://schemas.xmlsoap.org/wsdl/":            "wsdl",
	"http://www.w3.org/2001/XMLSchema":            "xs",
	"http://www.w3.org/2001/XMLSchema-instance":   "xsi",
	"http://purl.org/dc/elements/1.1/":            "dc",
}

// ToString writes e, its subtree and its tail as ElementTree.tostring
// does: attributes in document order, namespaces as ns0:, ns1:, ...
// declared on e, "<tag />" for empty elements.
//
// alloc, when not nil, is asked for the length of the result before it is
// built; an error from it is returned as is.
func ToString(e *Element, opts WriteOptions, m *Meter, alloc func(n uint64) error) (string, error) {
	if err := m.charge(uint64(e.size)); err != nil {
		return "", err
	}
	w := writer{opts: opts}
	w.names(e)
	var count counter
	w.write(e, &count)
	if alloc != nil {
		if err := alloc(uint64(count)); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	b.Grow(int(count))
	w.write(e, &b)
	return b.String(), nil
}

// counter counts what is written to it.
type counter int

func (c *counter) WriteString(s string) (int, error) { *c += counter(len(s)); return len(s), nil }

type stringWriter interface {
	WriteString(s string) (int, error)
}

// writer holds the names of one ToString: each tag and attribute name as
// written (prefix:local), and the namespaces declared on the top element.
type writer struct {
	opts       WriteOptions
	qnames     map[string]string
	namespaces map[string]string // namespace -> prefix
}

// names gives every name in the subtree of e its written form, as
// ElementTree's _namespaces does.
func (w *writer) names(e *Element) {
	w.qnames = map[string]string{}
	w.namespaces = map[string]string{}
	add := func(name string) {
		if _, ok := w.qnames[name]; ok {
			return
		}
		if !strings.HasPrefix(name, "{") {
			w.qnames[name] = name
			return
		}
		i := strings.LastIndex(name, "}")
		uri, local := name[1:i], name[i+1:]
		prefix, ok := w.namespaces[uri]
		if !ok {
			prefix, ok = knownPrefixes[uri]
			if !ok {
				prefix = fmt.Sprintf("ns%d", len(w.namespaces))
			}
			if prefix != "xml" {
				w.namespaces[uri] = prefix
			}
		}
		w.qnames[name] = prefix + ":" + local
	}
	e.walk(func(x *Element) {
		add(x.tag)
		for _, a := range x.attrs {
			add(a.Name)
		}
	})
}

// write writes the subtree of e, without recursion.
func (w *writer) write(e *Element, out stringWriter) {
	top := true
	e.visit(func(x *Element) {
		tag := w.qnames[x.tag]
		w.raw(out, "<"+tag)
		if top {
			top = false
			uris := make([]string, 0, len(w.namespaces))
			for uri := range w.namespaces {
				uris = append(uris, uri)
			}
			sort.Slice(uris, func(i, j int) bool { return w.namespaces[uris[i]] < w.namespaces[uris[j]] })
			for _, uri := range uris {
				w.raw(out, " xmlns:"+w.namespaces[uri]+`="`)
				w.escaped(out, uri, true)
				w.raw(out, `"`)
			}
		}
		for _, a := range x.attrs {
			w.raw(out, " "+w.qnames[a.Name]+`="`)
			w.escaped(out, a.Value, true)
			w.raw(out, `"`)
		}
		if x.text != "" || len(x.children) > 0 || w.opts.LongEmpty {
			w.raw(out, ">")
			w.escaped(out, x.text, false)
		}
	}, func(x *Element) {
		if x.text != "" || len(x.children) > 0 || w.opts.LongEmpty {
			w.raw(out, "</"+w.qnames[x.tag]+">")
		} else {
			w.raw(out, " />")
		}
		w.escaped(out, x.tail, false)
	})
}

// raw writes markup: as is, or with the characters outside ASCII that
// names may hold as references.
func (w *writer) raw(out stringWriter, s string) {
	if !w.opts.ASCII {
		_, _ = out.WriteString(s)
		return
	}
	start := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		_, _ = out.WriteString(s[start:i])
		_, _ = out.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		i += size
		start = i
	}
	_, _ = out.WriteString(s[start:])
}

// escaped writes s escaped as text, or as an attribute value: & < > as
// entities, and in attributes " and the characters \r \n \t that a
// parser would change, as ElementTree's _escape_cdata and _escape_attrib
// do; characters outside ASCII as references with ASCII.
func (w *writer) escaped(out stringWriter, s string, attr bool) {
	start := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case attr && r == '"':
			esc = "&quot;"
		case attr && r == '\r':
			esc = "&#13;"
		case attr && r == '\n':
			esc = "&#10;"
		case attr && r == '\t':
			esc = "&#09;"
		case w.opts.ASCII && r >= utf8.RuneSelf:
			esc = "&#" + strconv.Itoa(int(r)) + ";"
		}
		if esc != "" {
			_, _ = out.WriteString(s[start:i])
			_, _ = out.WriteString(esc)
			start = i + size
		}
		i += size
	}
	_, _ = out.WriteString(s[start:])
}
