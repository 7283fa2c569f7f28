// Package xmltree reads XML documents (libvirt's domain, network, pool and
// capabilities descriptions) into immutable trees of elements, finds
// elements in them with the path language of Python's
// xml.etree.ElementTree (its XPath subset), and writes them back as
// ElementTree does. It is the core of the scripts' xml module and knows
// nothing of the script languages: the adapters wrap its Element.
//
// Work that grows with the document (parsing, walking, finding, writing) is
// metered: Parse asks before it allocates, the others count the elements
// they go through against a Meter, so that a script's limits hold inside
// one call.
package xmltree

// Element is an element of a parsed document. It cannot be changed: its
// accessors return copies or immutable strings.
type Element struct {
	tag      string // "{namespace}local" or "local", as ElementTree writes it
	text     string // the text before the first child
	tail     string // the text after the element, up to the next sibling
	hasText  bool
	hasTail  bool
	attrs    []Attr
	children []*Element
	parent   *Element
	size     int // elements in the subtree, this one included
}

// Attr is an attribute: its name ("{namespace}local" for a namespaced
// one) and value. The namespace declarations (xmlns, xmlns:p) are not
// attributes, as in ElementTree.
type Attr struct {
	Name, Value string
}

// Tag is the element's name: "local", or "{namespace}local" for an element
// in a namespace.
func (e *Element) Tag() string { return e.tag }

// Text is the text between the start tag and the first child (or the end
// tag); ok is false when there is none, where ElementTree has None.
func (e *Element) Text() (text string, ok bool) { return e.text, e.hasText }

// Tail is the text after the end tag, up to the next sibling's start tag or
// the parent's end tag; ok is false when there is none.
func (e *Element) Tail() (tail string, ok bool) { return e.tail, e.hasTail }

// Attrs returns a copy of the attributes, in document order.
func (e *Element) Attrs() []Attr { return append([]Attr(nil), e.attrs...) }

// NumAttrs is the number of attributes.
func (e *Element) NumAttrs() int { return len(e.attrs) }

// Get returns the value of the attribute named key.
func (e *Element) Get(key string) (string, bool) {
	for _, a := range e.attrs {
		if a.Name == key {
			return a.Value, true
		}
	}
	return "", false
}

// Len is the number of children.
func (e *Element) Len() int { return len(e.children) }

// Child returns the i-th child, 0 <= i < Len().
func (e *Element) Child(i int) *Element { return e.children[i] }

// Children returns a copy of the children.
func (e *Element) Children() []*Element { return append([]*Element(nil), e.children...) }

// Size is the number of elements in the subtree of e, e included: what
// Iter goes through.
func (e *Element) Size() int { return e.size }

// Iter returns e and its descendants in document order, those whose tag
// is tag; all of them when tag is "" or "*", as Element.iter(tag) in
// Python.
func (e *Element) Iter(tag string, m *Meter) ([]*Element, error) {
	if err := m.charge(uint64(e.size)); err != nil {
		return nil, err
	}
	var out []*Element
	if tag == "" || tag == "*" {
		out = make([]*Element, 0, e.size)
	}
	e.walk(func(x *Element) {
		if tag == "" || tag == "*" || x.tag == tag {
			out = append(out, x)
		}
	})
	return out, nil
}

// IterText returns the texts of e and its descendants in document order
// (each element's text, then its children's, then each child's tail), the
// empty ones left out, as Element.itertext() in Python.
func (e *Element) IterText(m *Meter) ([]string, error) {
	if err := m.charge(uint64(e.size)); err != nil {
		return nil, err
	}
	return e.texts(), nil
}

// texts is IterText, unmetered.
func (e *Element) texts() []string {
	var out []string
	e.visit(func(x *Element) {
		if x.text != "" {
			out = append(out, x.text)
		}
	}, func(x *Element) {
		if x != e && x.tail != "" {
			out = append(out, x.tail)
		}
	})
	return out
}

// textLen is the length of the concatenation of e's texts.
func (e *Element) textLen() int {
	n := 0
	for _, t := range e.texts() {
		n += len(t)
	}
	return n
}

// walk calls f on e and its descendants, in document order.
func (e *Element) walk(f func(*Element)) { e.visit(f, nil) }

// visit walks the subtree of e in document order without recursion (a
// document may nest deeper than the Go stack should): enter is called on
// an element before its children, leave (if not nil) after them.
func (e *Element) visit(enter, leave func(*Element)) { e.visitWith(nil, enter, leave) }

// frame is an element being visited, and the next of its children to
// visit.
type frame struct {
	el   *Element
	next int
}

// visitWith is visit with stack as its scratch space; it returns the
// stack, to be used again.
func (e *Element) visitWith(stack []frame, enter, leave func(*Element)) []frame {
	stack = append(stack[:0], frame{el: e})
	enter(e)
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next < len(top.el.children) {
			c := top.el.children[top.next]
			top.next++
			enter(c)
			stack = append(stack, frame{el: c})
			continue
		}
		if leave != nil {
			leave(top.el)
		}
		stack = stack[:len(stack)-1]
	}
	return stack
}
