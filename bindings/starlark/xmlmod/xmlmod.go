// Package xmlmod is Python's xml package for Starlark scripts: the
// readers of libvirt's XML that libvirt-python scripts use,
// xml.etree.ElementTree and a read-only xml.dom.minidom, on host/xmltree.
//
// A run gets the modules from Modules, by the dotted names Python imports
// ("xml.etree.ElementTree"), or from Predeclared, by the names scripts use
// without an import (ET, minidom). Every builtin charges the run's budget
// (package budget) for the work it does and the values it makes; reading a
// file (minidom.parse(path), ElementTree.parse(path)) goes through
// Options.ReadFile, the session's policy, and fails without it.
package xmlmod

import (
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// Options are what the modules need from the run.
type Options struct {
	// ReadFile reads the file at path for the builtin named op, as the
	// session's policy allows (host.Session.ReadAs). Nil: the modules
	// read no file, and parse(path) fails.
	ReadFile func(thread *starlark.Thread, op, path string) ([]byte, error)
}

// The dotted names of the modules, as Python imports them.
const (
	XML         = "xml"
	Etree       = "xml.etree"
	ElementTree = "xml.etree.ElementTree"
	DOM         = "xml.dom"
	Minidom     = "xml.dom.minidom"
)

// Modules returns the modules by their dotted names: xml, xml.etree,
// xml.etree.ElementTree, xml.dom and xml.dom.minidom; a module's members
// include its submodules (xml.etree.ElementTree is reached from xml). The
// modules are frozen.
//
// xml.etree.ElementTree:
//
//	fromstring(text), XML(text)  the root Element of the XML document text
//	parse(source)      an ElementTree of the file source: a path, read
//	                   through Options.ReadFile, or an object with read()
//	tostring(element, encoding="us-ascii", short_empty_elements=True)
//	                   element and its subtree as XML: bytes, or a string
//	                   with encoding="unicode"
//
// An ElementTree has getroot(), and find, findall, findtext, iterfind and
// iter, which search from the root. An Element is immutable (frozen):
//
//	el.tag, el.text, el.tail     strings; text and tail are None when absent
//	el.attrib                    the attributes, a frozen dict in document order
//	el.get(key, default=None)    an attribute
//	el.find(path, namespaces=None), el.findall(path, namespaces=None),
//	el.iterfind(...), el.findtext(path, default=None, namespaces=None)
//	                             ElementTree's path subset (see xmltree.Path)
//	el.iter(tag=None), el.itertext(), el.items(), el.keys()
//	len(el), el[i], el[i:j], for child in el
//
// findall, iterfind, iter, itertext, items and keys return lists. An
// Element is always true (Python's truth of an Element, by its number of
// children, is deprecated): test el != None. The xml module has
// fromstring and tostring too.
//
// xml.dom.minidom, read-only:
//
//	parseString(string, parser=None)  the Document of the XML text (a string or bytes)
//	parse(file, parser=None)          the Document of a file: a path, read
//	                                  through Options.ReadFile, or an object with read()
//	Node                              the node types: Node.ELEMENT_NODE (1), ...
//
// Nodes are those of minidom's model: the Document (nodeType 9), Elements
// (1) and Texts (3), the texts between elements (white space included)
// being nodes in childNodes. Every node has nodeType, nodeName, nodeValue,
// parentNode, childNodes, firstChild, lastChild, previousSibling,
// nextSibling, ownerDocument, attributes, localName, prefix,
// namespaceURI, the *_NODE constants, and hasChildNodes(),
// toxml(encoding=None, standalone=None), toprettyxml(indent="\t",
// newl="\n", encoding=None, standalone=None), writexml(writer, ...),
// isSameNode(other), normalize() and unlink() (both no-ops: the texts are
// already normal, and there is nothing to free).
//
//	Document   documentElement, doctype (None), getElementsByTagName(name),
//	           getElementsByTagNameNS(namespaceURI, localName)
//	Element    tagName, getAttribute(name) ("" when absent), hasAttribute(name),
//	           getAttributeNode(name), the ...NS forms, hasAttributes(),
//	           getElementsByTagName(name) (the descendants, in document order;
//	           "*" for all), getElementsByTagNameNS(namespaceURI, localName)
//	Text       data, nodeValue, wholeText, length
//
// childNodes and the searches return a NodeList (len(), [i], slices,
// iteration, in, +, length, item(i)); attributes is a NamedNodeMap
// (len(), ["name"], in, length, item(i), items(), keys(), values(),
// get(name), getNamedItem(name), getNamedItemNS(uri, localName)) of Attr
// nodes (name, value, localName, prefix, namespaceURI, ownerElement).
//
// Nodes cannot be changed: the DOM's methods that change a document
// (appendChild, setAttribute, createElement, ...) fail with an error that
// says so, and so does assigning a field.
func Modules(opts Options) map[string]starlark.Value {
	node := nodeClass()
	et := module(ElementTree, starlark.StringDict{
		"fromstring": starlark.NewBuiltin("xml.fromstring", fromString),
		"XML":        starlark.NewBuiltin("xml.fromstring", fromString),
		"parse":      starlark.NewBuiltin("ElementTree.parse", opts.parseTree),
		"tostring":   starlark.NewBuiltin("xml.tostring", toString),
	})
	minidom := module(Minidom, starlark.StringDict{
		"parseString": starlark.NewBuiltin("minidom.parseString", parseDOMString),
		"parse":       starlark.NewBuiltin("minidom.parse", opts.parseDOMFile),
		"Node":        node,
	})
	etree := module(Etree, starlark.StringDict{"ElementTree": et})
	dom := module(DOM, starlark.StringDict{"minidom": minidom, "Node": node})
	xml := module(XML, starlark.StringDict{
		"fromstring": et.Members["fromstring"],
		"tostring":   et.Members["tostring"],
		"etree":      etree,
		"dom":        dom,
	})
	return map[string]starlark.Value{XML: xml, Etree: etree, ElementTree: et, DOM: dom, Minidom: minidom}
}

// Predeclared returns the names a Starlark script has without an import:
// xml, ET and ElementTree (import xml.etree.ElementTree as ET; from
// xml.etree import ElementTree) and minidom (from xml.dom import minidom).
func Predeclared(opts Options) starlark.StringDict { return PredeclaredOf(Modules(opts)) }

// PredeclaredOf is Predeclared for modules Modules returned: a run that
// also imports them by name passes the same map, so that the predeclared
// minidom is the module import xml.dom.minidom gives.
func PredeclaredOf(m map[string]starlark.Value) starlark.StringDict {
	return starlark.StringDict{
		"xml":         m[XML],
		"ET":          m[ElementTree],
		"ElementTree": m[ElementTree],
		"minidom":     m[Minidom],
	}
}

// module is a frozen module named name.
func module(name string, members starlark.StringDict) *starlarkstruct.Module {
	m := &starlarkstruct.Module{Name: name, Members: members}
	m.Freeze()
	return m
}

// nodeClass is xml.dom.Node: the node types.
func nodeClass() *starlarkstruct.Module {
	members := starlark.StringDict{}
	for _, t := range nodeTypes {
		members[t.name] = starlark.MakeInt(t.val)
	}
	return module("Node", members)
}
