package lua

import (
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/xmltree"
)

// elementClass is the type of XML elements as Lua values, as in Python's
// xml.etree.ElementTree.
const elementClass = "Element"

// openXML sets the global table xml, an ElementTree-like reader of
// libvirt's XML:
//
//	xml.fromstring(text)        the root Element of the XML document text
//	xml.tostring(el [, encoding [, short_empty_elements]])
//	                            el and its subtree as XML; encoding is "unicode"
//	                            (UTF-8, the default), "utf-8" or "us-ascii"
//
// An Element is immutable:
//
//	el.tag, el.text, el.tail    strings; text and tail are nil when absent
//	el.attrib                   a new table of the attributes
//	el:get(key [, default])     an attribute
//	el:find(path [, namespaces]), el:findall(path [, namespaces]),
//	el:iterfind(...), el:findtext(path [, default [, namespaces]])
//	                            ElementTree's path subset (see xmltree.Path)
//	el:iter([tag]), el:itertext(), el:items(), el:keys(), el:children()
//	#el, tostring(el), el1 == el2
//
// Lists are 1-based tables; items() is a list of {name, value} pairs.
func (in *interp) openXML(L *lua.LState) {
	m := L.NewTable()
	m.RawSetString("fromstring", L.NewFunction(in.fromString))
	m.RawSetString("tostring", L.NewFunction(in.toString))
	L.SetGlobal("xml", m)

	methods := map[string]lua.LGFunction{
		"get":      elementGet,
		"find":     in.elementFind,
		"findall":  in.elementFindAll,
		"iterfind": in.elementFindAll,
		"findtext": in.elementFindText,
		"iter":     in.elementIter,
		"itertext": in.elementIterText,
		"items":    in.elementItems,
		"keys":     in.elementKeys,
		"children": in.elementChildren,
	}
	fns := map[string]*lua.LFunction{}
	for name, f := range methods {
		fns[name] = L.NewFunction(f)
	}
	mt := L.NewTypeMetatable(elementClass)
	mt.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		e := checkElement(L, "Element.__index")
		key := L.ToStringMeta(L.Get(2)).String()
		switch key {
		case "tag":
			L.Push(lua.LString(e.Tag()))
		case "text":
			L.Push(optString(e.Text()))
		case "tail":
			L.Push(optString(e.Tail()))
		case "attrib":
			in.alloc(L, host.SatMul(uint64(e.NumAttrs()), 64), "Element.attrib", "a table")
			t := L.CreateTable(0, e.NumAttrs())
			for _, a := range e.Attrs() {
				t.RawSetString(a.Name, lua.LString(a.Value))
			}
			L.Push(t)
		default:
			f, ok := fns[key]
			if !ok {
				L.RaiseError("%s has no field or method '%s'", elementClass, key)
			}
			L.Push(f)
		}
		return 1
	}))
	mt.RawSetString("__newindex", L.NewFunction(func(L *lua.LState) int {
		L.RaiseError("cannot set field '%s' of an %s: elements are immutable", L.ToStringMeta(L.Get(2)).String(), elementClass)
		return 0
	}))
	mt.RawSetString("__len", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LNumber(checkElement(L, "Element.__len").Len()))
		return 1
	}))
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString(fmt.Sprintf("<Element '%s'>", checkElement(L, "tostring").Tag())))
		return 1
	}))
	mt.RawSetString("__eq", L.NewFunction(func(L *lua.LState) int {
		a, _ := elementOf(L.Get(1))
		b, _ := elementOf(L.Get(2))
		L.Push(lua.LBool(a != nil && a == b))
		return 1
	}))
	mt.RawSetString("__metatable", lockedMetatable)
}

// elementOf returns the element v holds, if v is one.
func elementOf(v lua.LValue) (*xmltree.Element, bool) {
	if ud, ok := v.(*lua.LUserData); ok {
		e, ok := ud.Value.(*xmltree.Element)
		return e, ok
	}
	return nil, false
}

// checkElement returns the receiver of the method what, which Lua passes
// first when it is called with ':'.
func checkElement(L *lua.LState, what string) *xmltree.Element {
	e, ok := elementOf(L.Get(1))
	if !ok {
		name := what[strings.LastIndex(what, ".")+1:]
		L.RaiseError("%s: called on %s, want an %s (call methods with ':', as in el:%s(...))", what, elementTypeName(L.Get(1)), elementClass, name)
	}
	return e
}

func elementTypeName(v lua.LValue) string {
	if _, ok := elementOf(v); ok {
		return elementClass
	}
	return typeName(v)
}

// pushElement pushes e as a Lua value.
func pushElement(L *lua.LState, e *xmltree.Element) {
	L.Push(elementValue(L, e))
}

func elementValue(L *lua.LState, e *xmltree.Element) lua.LValue {
	ud := L.NewUserData()
	ud.Value = e
	ud.Metatable = L.GetTypeMetatable(elementClass)
	return ud
}

func optString(s string, ok bool) lua.LValue {
	if !ok {
		return lua.LNil
	}
	return lua.LString(s)
}

// fromString is xml.fromstring(text).
func (in *interp) fromString(L *lua.LState) int {
	text := L.CheckString(1)
	root, err := xmltree.Parse(text, in.allocator("xml.fromstring", "an element tree"))
	in.check(L, err, "xml.fromstring")
	pushElement(L, root)
	return 1
}

// toString is xml.tostring(el [, encoding [, short_empty_elements]]).
func (in *interp) toString(L *lua.LState) int {
	e, ok := elementOf(L.Get(1))
	if !ok {
		L.ArgError(1, "Element expected, got "+elementTypeName(L.Get(1)))
	}
	opts := xmltree.WriteOptions{LongEmpty: L.Get(3) == lua.LFalse}
	switch enc := L.OptString(2, "unicode"); strings.ToLower(enc) {
	case "us-ascii":
		opts.ASCII = true
	case "utf-8", "unicode":
	default:
		L.RaiseError("xml.tostring: unsupported encoding %q: want \"unicode\", \"utf-8\" or \"us-ascii\"", enc)
	}
	m := in.meter()
	s, err := xmltree.ToString(e, opts, m, in.allocator("xml.tostring", "a string"))
	in.check(L, err, "xml.tostring")
	L.Push(lua.LString(s))
	return 1
}

// allocator is the allocation check of an xmltree call named what, which
// would build made.
func (in *interp) allocator(what, made string) func(n uint64) error {
	return in.lim.Allocator(what, made)
}

// meter returns a meter for one xmltree call: no more elements than lists
// of them would fit in the memory limit. (Lua has no step limit.)
func (in *interp) meter() *xmltree.Meter { return in.lim.XMLMeter(0) }

// check raises err, the error of the xmltree call named what: a limit
// ends the run, as the other guards do.
func (in *interp) check(L *lua.LState, err error, what string) {
	err = in.lim.XMLError(err, what)
	if le, ok := err.(*host.LimitError); ok {
		in.refuse(L, le)
	}
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
}

func elementGet(L *lua.LState) int {
	e := checkElement(L, "Element.get")
	key := L.CheckString(2)
	if v, ok := e.Get(key); ok {
		L.Push(lua.LString(v))
	} else {
		L.Push(L.Get(3))
	}
	return 1
}

// compilePath compiles the path at stack index 2 with the namespaces
// table at index ns (nil for none).
func compilePath(L *lua.LState, what string, ns int) *xmltree.Path {
	path := L.CheckString(2)
	var namespaces map[string]string
	switch t := L.Get(ns).(type) {
	case *lua.LNilType:
	case *lua.LTable:
		namespaces = map[string]string{}
		t.ForEach(func(k, v lua.LValue) {
			ks, ok1 := k.(lua.LString)
			vs, ok2 := v.(lua.LString)
			if !ok1 || !ok2 {
				L.RaiseError("%s: namespaces must map strings to strings, not %s to %s", what, typeName(k), typeName(v))
			}
			namespaces[string(ks)] = string(vs)
		})
	default:
		L.ArgError(ns, "table expected, got "+elementTypeName(t))
	}
	p, err := xmltree.Compile(path, namespaces)
	if err != nil {
		L.RaiseError("%s: %v", what, err)
	}
	return p
}

// findAll runs the method what: the path at index 2 from the receiver.
func (in *interp) findAll(L *lua.LState, what string, ns int) []*xmltree.Element {
	e := checkElement(L, what)
	p := compilePath(L, what, ns)
	m := in.meter()
	found, err := p.FindAll(e, m)
	in.check(L, err, what)
	return found
}

func (in *interp) elementFind(L *lua.LState) int {
	found := in.findAll(L, "Element.find", 3)
	if len(found) == 0 {
		L.Push(lua.LNil)
		return 1
	}
	pushElement(L, found[0])
	return 1
}

func (in *interp) elementFindAll(L *lua.LState) int {
	in.pushElements(L, in.findAll(L, "Element.findall", 3), "Element.findall")
	return 1
}

func (in *interp) elementFindText(L *lua.LState) int {
	found := in.findAll(L, "Element.findtext", 4)
	if len(found) == 0 {
		L.Push(L.Get(3))
		return 1
	}
	text, _ := found[0].Text()
	L.Push(lua.LString(text))
	return 1
}

func (in *interp) elementIter(L *lua.LState) int {
	e := checkElement(L, "Element.iter")
	m := in.meter()
	found, err := e.Iter(L.OptString(2, ""), m)
	in.check(L, err, "Element.iter")
	in.pushElements(L, found, "Element.iter")
	return 1
}

func (in *interp) elementIterText(L *lua.LState) int {
	e := checkElement(L, "Element.itertext")
	m := in.meter()
	texts, err := e.IterText(m)
	in.check(L, err, "Element.itertext")
	t := L.CreateTable(len(texts), 0)
	for i, s := range texts {
		t.RawSetInt(i+1, lua.LString(s))
	}
	L.Push(t)
	return 1
}

func (in *interp) elementItems(L *lua.LState) int {
	e := checkElement(L, "Element.items")
	in.alloc(L, host.SatMul(uint64(e.NumAttrs()), 128), "Element.items", "a table")
	attrs := e.Attrs()
	t := L.CreateTable(len(attrs), 0)
	for i, a := range attrs {
		pair := L.CreateTable(2, 0)
		pair.RawSetInt(1, lua.LString(a.Name))
		pair.RawSetInt(2, lua.LString(a.Value))
		t.RawSetInt(i+1, pair)
	}
	L.Push(t)
	return 1
}

func (in *interp) elementKeys(L *lua.LState) int {
	e := checkElement(L, "Element.keys")
	in.alloc(L, host.SatMul(uint64(e.NumAttrs()), 64), "Element.keys", "a table")
	attrs := e.Attrs()
	t := L.CreateTable(len(attrs), 0)
	for i, a := range attrs {
		t.RawSetInt(i+1, lua.LString(a.Name))
	}
	L.Push(t)
	return 1
}

func (in *interp) elementChildren(L *lua.LState) int {
	e := checkElement(L, "Element.children")
	in.pushElements(L, e.Children(), "Element.children")
	return 1
}

// pushElements pushes found as a table, checked against the memory limit.
func (in *interp) pushElements(L *lua.LState, found []*xmltree.Element, what string) {
	in.alloc(L, host.SatMul(uint64(len(found)), 64), what, "a table")
	t := L.CreateTable(len(found), 0)
	for i, e := range found {
		t.RawSetInt(i+1, elementValue(L, e))
	}
	L.Push(t)
}
