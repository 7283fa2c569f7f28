package pylibxml2

import (
	"fmt"
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyrun"
)

// Node is a node of a document as a script sees it: libxml2's xmlDoc,
// xmlNode (an element or a text) or xmlAttr. Its fields are those of
// libxml2's xmlCore:
//
//	name, content, type, children, next, prev, last, parent, properties, doc
//
// and the get_* methods that read them (getContent too); for ... in node
// goes through walk_depth_first(); its methods:
//
//	prop(name), noNsProp(name), nsProp(name, uri)   an attribute's value, or None
//	hasProp(name), hasNsProp(name, uri)             an attribute, or None
//	serialize(encoding=None, format=0)              the node as XML (str(node) too)
//	xpathEval(expr)                                  XPath with the node as context
//	walk_depth_first(), walk_breadth_first()         the nodes libxml2's iterators give, as a list
//	isText(), isBlankNode()
//	xpathNewContext(), getRootElement(), freeDoc(), free()   (the document)
//
// Two values of the same node are equal.
type Node struct {
	d *document
	i int
}

var (
	_ starlark.HasAttrs   = (*Node)(nil)
	_ starlark.Comparable = (*Node)(nil)
	_ pyrun.Iterable      = (*Node)(nil)
)

// PyIter is what for ... in node goes through, as in libxml2's binding
// (its __iter__ is walk_depth_first): the node, its descendants, then its
// following siblings and theirs. "for child in node.children" goes
// through the children and their descendants so.
func (x *Node) PyIter(thread *starlark.Thread) (starlark.Value, error) {
	return walkMethod(false)(thread, x, x.Type()+".__iter__", nil, nil)
}

// Type is the node's Python class.
func (x *Node) Type() string {
	switch x.d.nodes[x.i].kind {
	case kDoc:
		return "xmlDoc"
	case kAttr:
		return "xmlAttr"
	}
	return "xmlNode"
}

// String is str(node): its serialization, as libxml2's; where that is
// refused, the node's repr.
func (x *Node) String() string {
	s, err := x.serialize("")
	if err != nil {
		return x.repr()
	}
	return s
}

// repr is Python's repr of the node, without an address.
func (x *Node) repr() string {
	name := "None"
	if v := x.name(); v != starlark.None {
		name = string(v.(starlark.String))
	}
	return fmt.Sprintf("<%s (%s) object>", x.Type(), name)
}

func (x *Node) Freeze()              {}
func (x *Node) Truth() starlark.Bool { return starlark.True }

// Hash is the node's: equal nodes hash alike.
func (x *Node) Hash() (uint32, error) { return uint32(x.i)*2654435761 ^ uint32(len(x.d.nodes)), nil }

// CompareSameType makes two values of the same node equal.
func (x *Node) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	o := y.(*Node)
	same := x.d == o.d && x.i == o.i
	switch op {
	case syntax.EQL:
		return same, nil
	case syntax.NEQ:
		return !same, nil
	}
	return false, fmt.Errorf("%s not supported between %s and %s", op, x.Type(), y.Type())
}

// node is the value of node i of x's document, or None.
func (x *Node) node(i int) starlark.Value {
	if i == none {
		return starlark.None
	}
	return &Node{d: x.d, i: i}
}

func (x *Node) m() *mnode { return &x.d.nodes[x.i] }

func (x *Node) name() starlark.Value {
	m := x.m()
	switch m.kind {
	case kDoc:
		if x.d.url == "" {
			return starlark.None
		}
		return starlark.String(x.d.url)
	case kText, kAttrText:
		return starlark.String("text")
	}
	return starlark.String(m.local)
}

// unmodeled refuses a read of field that would see the nodes xmltree
// leaves out, when the document has some where the read looks.
func (x *Node) unmodeled(field string, docLevel bool) error {
	what := x.d.inner
	if docLevel {
		what = x.d.outer
	}
	if what == "" {
		return nil
	}
	return fmt.Errorf("libxml2: %s.%s: this document has %s, which vertscript's libxml2 does not keep as nodes: read it with XPath (elements and attributes), or without them", x.Type(), field, what)
}

// siblingLevel reports whether the node's siblings are at the document's
// level.
func (x *Node) siblingLevel() bool { p := x.m().parent; return p != none && x.d.nodes[p].kind == kDoc }

// fields are the node's fields (xmlCore's properties).
var fields = map[string]func(x *Node) (starlark.Value, error){
	"name":    func(x *Node) (starlark.Value, error) { return x.name(), nil },
	"type":    func(x *Node) (starlark.Value, error) { return starlark.String(typeNames[x.m().kind]), nil },
	"content": func(x *Node) (starlark.Value, error) { return x.content() },
	"parent":  func(x *Node) (starlark.Value, error) { return x.node(x.m().parent), nil },
	"doc":     func(x *Node) (starlark.Value, error) { return x.node(0), nil },
	"children": func(x *Node) (starlark.Value, error) {
		if k := x.m().kind; k == kDoc || k == kElem {
			if err := x.unmodeled("children", k == kDoc); err != nil {
				return nil, err
			}
		}
		return x.node(x.m().first), nil
	},
	"last": func(x *Node) (starlark.Value, error) {
		if k := x.m().kind; k == kDoc || k == kElem {
			if err := x.unmodeled("last", k == kDoc); err != nil {
				return nil, err
			}
		}
		return x.node(x.m().last), nil
	},
	"next": func(x *Node) (starlark.Value, error) {
		if k := x.m().kind; k == kElem || k == kText {
			if err := x.unmodeled("next", x.siblingLevel()); err != nil {
				return nil, err
			}
		}
		return x.node(x.m().next), nil
	},
	"prev": func(x *Node) (starlark.Value, error) {
		if k := x.m().kind; k == kElem || k == kText {
			if err := x.unmodeled("prev", x.siblingLevel()); err != nil {
				return nil, err
			}
		}
		return x.node(x.m().prev), nil
	},
	"properties": func(x *Node) (starlark.Value, error) {
		if x.m().kind != kElem {
			return starlark.None, nil
		}
		return x.node(x.m().attrs), nil
	},
}

// getters are the get_* methods, each reading a field.
var getters = map[string]string{
	"get_name": "name", "get_type": "type", "get_content": "content", "getContent": "content",
	"get_parent": "parent", "get_doc": "doc", "get_children": "children", "get_last": "last",
	"get_next": "next", "get_prev": "prev", "get_properties": "properties",
}

// method is a method of a node.
type method func(thread *starlark.Thread, x *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

// methods are the nodes' methods; docMethods the document's only.
var methods = map[string]method{
	"prop":               propMethod(false, false),
	"noNsProp":           propMethod(true, false),
	"nsProp":             propMethod(true, true),
	"hasProp":            hasPropMethod(false),
	"hasNsProp":          hasPropMethod(true),
	"serialize":          serializeMethod,
	"xpathEval":          nodeXPathEval,
	"xpathEval2":         nodeXPathEval,
	"walk_depth_first":   walkMethod(false),
	"walk_breadth_first": walkMethod(true),
	"isText": func(_ *starlark.Thread, x *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 0); err != nil {
			return nil, err
		}
		return starlark.MakeInt(boolInt(x.m().kind == kText || x.m().kind == kAttrText)), nil
	},
	"isBlankNode": func(_ *starlark.Thread, x *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 0); err != nil {
			return nil, err
		}
		m := x.m()
		blank := (m.kind == kText || m.kind == kAttrText) && strings.Trim(m.value, " \t\r\n") == ""
		return starlark.MakeInt(boolInt(blank)), nil
	},
}

var docMethods = map[string]method{
	"xpathNewContext": func(_ *starlark.Thread, x *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 0); err != nil {
			return nil, err
		}
		return &Context{d: x.d, node: none}, nil
	},
	"getRootElement": func(_ *starlark.Thread, x *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 0); err != nil {
			return nil, err
		}
		return x.node(1), nil
	},
	"freeDoc": noop,
	"free":    noop,
}

// noop is a method that frees what vertscript frees itself.
func noop(_ *starlark.Thread, _ *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.None, starlark.UnpackPositionalArgs(fn, args, kwargs, 0)
}

// mutators are libxml2's methods that change a document.
var mutators = []string{
	"addChild", "addContent", "addNextSibling", "addPrevSibling", "addSibling", "newChild", "newProp",
	"newNsProp", "newTextChild", "removeProp", "replaceNode", "setContent", "setName", "setProp",
	"setNsProp", "setTreeDoc", "unlinkNode", "unsetProp", "freeNode", "setRootElement",
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Attr returns a field or a method.
func (x *Node) Attr(name string) (starlark.Value, error) {
	if f, ok := fields[name]; ok {
		return f(x)
	}
	if f, ok := getters[name]; ok {
		return starlark.NewBuiltin(x.Type()+"."+name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
				return nil, err
			}
			return fields[f](x)
		}), nil
	}
	m, ok := methods[name]
	if !ok && x.m().kind == kDoc {
		m, ok = docMethods[name]
	}
	if ok {
		return starlark.NewBuiltin(x.Type()+"."+name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return m(thread, x, b.Name(), args, kwargs)
		}), nil
	}
	for _, mut := range mutators {
		if name == mut {
			return starlark.NewBuiltin(x.Type()+"."+name, func(_ *starlark.Thread, b *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
				return nil, fmt.Errorf("%s: vertscript's libxml2 documents cannot be changed", b.Name())
			}), nil
		}
	}
	return nil, nil
}

// AttrNames lists the fields and methods.
func (x *Node) AttrNames() []string {
	var names []string
	for n := range fields {
		names = append(names, n)
	}
	for n := range getters {
		names = append(names, n)
	}
	for n := range methods {
		names = append(names, n)
	}
	if x.m().kind == kDoc {
		for n := range docMethods {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// content is xmlNodeGetContent.
func (x *Node) content() (starlark.Value, error) {
	return starlark.String(x.d.content(x.i)), nil
}

// propMethod is prop(name) (any namespace), noNsProp(name) (none) or
// nsProp(name, uri).
func propMethod(exact, withNS bool) method {
	return func(_ *starlark.Thread, x *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		a, err := findAttr(x, fn, args, kwargs, exact, withNS)
		if err != nil || a == none {
			return starlark.None, err
		}
		return starlark.String(x.d.nodes[a].value), nil
	}
}

// hasPropMethod is hasProp(name) (any namespace) or hasNsProp(name, uri).
func hasPropMethod(withNS bool) method {
	return func(_ *starlark.Thread, x *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		a, err := findAttr(x, fn, args, kwargs, withNS, withNS)
		if err != nil {
			return nil, err
		}
		return x.node(a), nil
	}
}

// findAttr finds the attribute the arguments name: by name in any
// namespace, or (exact) in the namespace given (withNS) or in none.
func findAttr(x *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple, exact, withNS bool) (int, error) {
	var name string
	var uri starlark.Value = starlark.None
	var err error
	if withNS {
		err = starlark.UnpackPositionalArgs(fn, args, kwargs, 2, &name, &uri)
	} else {
		err = starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &name)
	}
	if err != nil {
		return none, err
	}
	space := ""
	if s, ok := uri.(starlark.String); ok {
		space = string(s)
	} else if uri != starlark.None {
		return none, fmt.Errorf("%s: for parameter 2: got %s, want str or None", fn, uri.Type())
	}
	m := x.m()
	if m.kind != kElem {
		return none, nil
	}
	for a := m.attrs; a != none; a = x.d.nodes[a].next {
		am := &x.d.nodes[a]
		if am.local == name && (!exact || am.space == space) {
			return a, nil
		}
	}
	return none, nil
}

// serializeMethod is serialize(encoding=None, format=0).
func serializeMethod(thread *starlark.Thread, x *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var enc starlark.Value = starlark.None
	format := 0
	if err := starlark.UnpackArgs(fn, args, kwargs, "encoding?", &enc, "format?", &format); err != nil {
		return nil, err
	}
	if format != 0 {
		return nil, fmt.Errorf("%s: format=%d is not supported: vertscript's libxml2 writes documents as they are (format=0)", fn, format)
	}
	encoding := ""
	switch e := enc.(type) {
	case starlark.String:
		if l := strings.ToLower(string(e)); l != "utf-8" && l != "utf8" {
			return nil, fmt.Errorf("%s: the encoding %s is not supported: use UTF-8 or None", fn, e)
		}
		encoding = string(e)
	case starlark.NoneType:
	default:
		return nil, fmt.Errorf("%s: for parameter encoding: got %s, want str or None", fn, enc.Type())
	}
	bud := budget.Of(thread)
	if err := bud.Steps(thread, uint64(x.m().end-x.i)); err != nil {
		return nil, err
	}
	if err := bud.Alloc(x.d.serializedLen(x.i), fn, "a string"); err != nil {
		return nil, err
	}
	s, err := x.serialize(encoding)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

// serialize writes the node as libxml2's serialize(encoding) does.
func (x *Node) serialize(encoding string) (string, error) {
	m := x.m()
	if err := x.unmodeled("serialize", false); err != nil {
		return "", err
	}
	if m.kind == kDoc {
		if err := x.unmodeled("serialize", true); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	if m.kind == kDoc {
		o := writeOpts{textASCII: x.d.encoding == "", attrASCII: x.d.encoding == ""}
		declared := x.d.encoding
		if encoding != "" {
			o, declared = writeOpts{}, encoding
		}
		b.WriteString(x.d.declaration(declared) + "\n")
		x.d.serialize(&b, 1, o)
		b.WriteString("\n")
		return b.String(), nil
	}
	o := writeOpts{textASCII: encoding == "", attrASCII: x.d.encoding == ""}
	x.d.serialize(&b, x.i, o)
	return b.String(), nil
}

// nodeXPathEval is node.xpathEval(expr): expr with the node as context.
func nodeXPathEval(thread *starlark.Thread, x *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var expr string
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &expr); err != nil {
		return nil, err
	}
	return xpathEval(thread, x.d, x.i, nil, expr)
}

// walkMethod is walk_depth_first() or walk_breadth_first(): the nodes
// libxml2's iterators give from the node (its descendants, then its
// following siblings' and theirs), as a list.
func walkMethod(breadth bool) method {
	return func(thread *starlark.Thread, x *Node, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 0); err != nil {
			return nil, err
		}
		var out []starlark.Value
		var parents []*Node
		cur := starlark.Value(x)
		step := func(n *Node, field string) (starlark.Value, error) { return fields[field](n) }
		first, second := "children", "next"
		if breadth {
			first, second = "next", "children"
		}
		bud := budget.Of(thread)
		for {
			if n, ok := cur.(*Node); ok {
				if err := bud.Steps(thread, 1); err != nil {
					return nil, err
				}
				if err := bud.Alloc(uint64(len(out)+1)*16, fn, "a list"); err != nil {
					return nil, err
				}
				out = append(out, n)
				parents = append(parents, n)
				next, err := step(n, first)
				if err != nil {
					return nil, err
				}
				cur = next
				continue
			}
			if len(parents) == 0 {
				return starlark.NewList(out), nil
			}
			p := parents[len(parents)-1]
			parents = parents[:len(parents)-1]
			next, err := step(p, second)
			if err != nil {
				return nil, err
			}
			cur = next
		}
	}
}
