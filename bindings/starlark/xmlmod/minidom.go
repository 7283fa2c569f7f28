package xmlmod

import (
	"fmt"
	"hash/maphash"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/xmltree"
)

// nodeTypes are the DOM's node types, the constants of Python's
// xml.dom.Node and of every node.
var nodeTypes = []struct {
	name string
	val  int
}{
	{"ELEMENT_NODE", 1}, {"ATTRIBUTE_NODE", 2}, {"TEXT_NODE", 3}, {"CDATA_SECTION_NODE", 4},
	{"ENTITY_REFERENCE_NODE", 5}, {"ENTITY_NODE", 6}, {"PROCESSING_INSTRUCTION_NODE", 7},
	{"COMMENT_NODE", 8}, {"DOCUMENT_NODE", 9}, {"DOCUMENT_TYPE_NODE", 10},
	{"DOCUMENT_FRAGMENT_NODE", 11}, {"NOTATION_NODE", 12},
}

// nodeConstant returns the node type named name.
func nodeConstant(name string) (starlark.Value, bool) {
	for _, t := range nodeTypes {
		if t.name == name {
			return starlark.MakeInt(t.val), true
		}
	}
	return nil, false
}

// parseDOMString is minidom.parseString(string, parser=None).
func parseDOMString(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var text, parser starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "string", &text, "parser?", &parser); err != nil {
		return nil, err
	}
	src, ok := stringOrBytes(text)
	if !ok {
		return nil, fmt.Errorf("%s: for parameter string: got %s, want string or bytes", b.Name(), text.Type())
	}
	return parseDOM(thread, b, src, parser)
}

// source is the text of the file argument of b: a path, read through
// opts.ReadFile, or a file object, read with its read().
func (opts Options) source(thread *starlark.Thread, b *starlark.Builtin, file starlark.Value) (string, error) {
	if path, ok := file.(starlark.String); ok {
		if opts.ReadFile == nil {
			return "", fmt.Errorf("%s: reading files is not allowed here: parse the text with fromstring or parseString", b.Name())
		}
		content, err := opts.ReadFile(thread, b.Name(), string(path))
		if err != nil {
			return "", err
		}
		return string(content), nil
	}
	read, err := getMethod(file, "read")
	if err != nil {
		return "", fmt.Errorf("%s: for parameter file: got %s, want a path or a file", b.Name(), file.Type())
	}
	v, err := starlark.Call(thread, read, nil, nil)
	if err != nil {
		return "", err
	}
	s, ok := stringOrBytes(v)
	if !ok {
		return "", fmt.Errorf("%s: read() returned %s, want string or bytes", b.Name(), v.Type())
	}
	return s, nil
}

// stringOrBytes is the text of a string or bytes.
func stringOrBytes(v starlark.Value) (string, bool) {
	switch v := v.(type) {
	case starlark.String:
		return string(v), true
	case starlark.Bytes:
		return string(v), true
	}
	return "", false
}

// parseDOMFile is minidom.parse(file, parser=None, bufsize=None): file is
// a path, read through opts, or a file object (what open returns).
func (opts Options) parseDOMFile(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var file, parser, bufsize starlark.Value = nil, starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "file", &file, "parser?", &parser, "bufsize?", &bufsize); err != nil {
		return nil, err
	}
	src, err := opts.source(thread, b, file)
	if err != nil {
		return nil, err
	}
	return parseDOM(thread, b, src, parser)
}

// getMethod returns v's callable attribute name.
func getMethod(v starlark.Value, name string) (starlark.Callable, error) {
	if h, ok := v.(starlark.HasAttrs); ok {
		if m, err := h.Attr(name); err == nil {
			if c, ok := m.(starlark.Callable); ok {
				return c, nil
			}
		}
	}
	return nil, fmt.Errorf("%s has no %s method", v.Type(), name)
}

// parseDOM parses src for b, under the run's limits, as xml.fromstring
// does.
func parseDOM(thread *starlark.Thread, b *starlark.Builtin, src string, parser starlark.Value) (starlark.Value, error) {
	if parser != starlark.None {
		return nil, fmt.Errorf("%s: parser is not supported: leave it None", b.Name())
	}
	l := budget.Of(thread)
	if err := l.Steps(thread, uint64(strings.Count(src, "<"))); err != nil {
		return nil, err
	}
	doc, err := xmltree.ParseDocument(src, func(n uint64) error { return l.Alloc(n, b.Name(), "a document") })
	if err != nil {
		return nil, l.Limits().XMLError(err, b.Name())
	}
	return &domNode{doc.Node(), l}, nil
}

// Bytes per element of what the DOM's calls make: a node in a NodeList
// (an xmltree.Node) and a node made when it is read (its box), an
// attribute.
const (
	domNodeBytes = 48
	domAttrBytes = 96
)

// domNode is a node of a document as a Starlark value: the Document, an
// Element or a Text; and the limits of the run, for its fields.
type domNode struct {
	n xmltree.Node
	l budget.Budget
}

var (
	_ starlark.HasAttrs    = (*domNode)(nil)
	_ starlark.HasSetField = (*domNode)(nil)
	_ starlark.Comparable  = (*domNode)(nil)
)

// node makes the value of n, or None for no node.
func node(l budget.Budget, n xmltree.Node) starlark.Value {
	if n.IsZero() {
		return starlark.None
	}
	return &domNode{n, l}
}

func (x *domNode) Type() string {
	switch x.n.Type() {
	case xmltree.ElementNode:
		return "minidom.Element"
	case xmltree.TextNode:
		return "minidom.Text"
	}
	return "minidom.Document"
}

// String is the node as Python writes it, without the address.
func (x *domNode) String() string {
	switch x.n.Type() {
	case xmltree.ElementNode:
		return "<DOM Element: " + x.n.Name() + ">"
	case xmltree.TextNode:
		data, more := x.n.Data(), ""
		if utf8.RuneCountInString(data) > 10 {
			data, more = string([]rune(data)[:10]), "..."
		}
		return `<DOM Text node "` + pyRepr(data) + more + `">`
	}
	return "<xml.dom.minidom.Document object>"
}

func (x *domNode) Freeze()               {} // immutable
func (x *domNode) Truth() starlark.Bool  { return starlark.True }
func (x *domNode) Hash() (uint32, error) { return uint32(maphash.Comparable(hashSeed, x.n)), nil }

// CompareSameType makes two values of the same node equal.
func (x *domNode) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	same := x.n == y.(*domNode).n
	switch op {
	case syntax.EQL:
		return same, nil
	case syntax.NEQ:
		return !same, nil
	}
	return false, fmt.Errorf("%s not supported between nodes", op)
}

// The kinds of nodes a field or method belongs to.
const (
	onDocument = 1 << iota
	onElement
	onText
	onAll = onDocument | onElement | onText
)

func (x *domNode) kind() int {
	switch x.n.Type() {
	case xmltree.ElementNode:
		return onElement
	case xmltree.TextNode:
		return onText
	}
	return onDocument
}

type domField struct {
	on  int
	get func(x *domNode) (starlark.Value, error)
}

func noneField(on int) domField {
	return domField{on, func(*domNode) (starlark.Value, error) { return starlark.None, nil }}
}

// orNone is s, or None when s is "".
func orNone(s string) starlark.Value {
	if s == "" {
		return starlark.None
	}
	return starlark.String(s)
}

// domFields are the fields of the nodes, with the kinds that have them.
var domFields = map[string]domField{
	"nodeType": {onAll, func(x *domNode) (starlark.Value, error) { return starlark.MakeInt(int(x.n.Type())), nil }},
	"nodeName": {onAll, func(x *domNode) (starlark.Value, error) { return starlark.String(x.n.Name()), nil }},
	"nodeValue": {onAll, func(x *domNode) (starlark.Value, error) {
		if x.n.Type() != xmltree.TextNode {
			return starlark.None, nil
		}
		return starlark.String(x.n.Data()), nil
	}},
	"parentNode":      {onAll, func(x *domNode) (starlark.Value, error) { return node(x.l, x.n.Parent()), nil }},
	"firstChild":      {onAll, func(x *domNode) (starlark.Value, error) { return node(x.l, x.n.FirstChild()), nil }},
	"lastChild":       {onAll, func(x *domNode) (starlark.Value, error) { return node(x.l, x.n.LastChild()), nil }},
	"previousSibling": {onAll, func(x *domNode) (starlark.Value, error) { return node(x.l, x.n.PreviousSibling()), nil }},
	"nextSibling":     {onAll, func(x *domNode) (starlark.Value, error) { return node(x.l, x.n.NextSibling()), nil }},
	"childNodes": {onAll, func(x *domNode) (starlark.Value, error) {
		n := uint64(x.n.NumChildren())
		if err := x.l.Alloc(host.SatMul(n, domNodeBytes), x.Type()+".childNodes", "a NodeList"); err != nil {
			return nil, err
		}
		return &nodeList{x.n.Children(), x.l}, nil
	}},
	"ownerDocument": {onAll, func(x *domNode) (starlark.Value, error) {
		if x.n.Type() == xmltree.DocumentNode {
			return starlark.None, nil
		}
		return node(x.l, x.n.Document().Node()), nil
	}},
	"attributes": {onAll, func(x *domNode) (starlark.Value, error) {
		e := x.n.Element()
		if e == nil {
			return starlark.None, nil
		}
		doc := x.n.Document()
		if err := x.l.Alloc(host.SatMul(uint64(doc.NumAttrs(e)), domAttrBytes), "minidom.Element.attributes", "a NamedNodeMap"); err != nil {
			return nil, err
		}
		return &namedNodeMap{x.n, doc.Attrs(e), x.l}, nil
	}},
	"localName": {onAll, func(x *domNode) (starlark.Value, error) { return orNone(x.n.LocalName()), nil }},
	"prefix":    {onAll, func(x *domNode) (starlark.Value, error) { return orNone(x.n.Prefix()), nil }},
	"namespaceURI": {onAll, func(x *domNode) (starlark.Value, error) {
		return orNone(x.n.NamespaceURI()), nil
	}},
	"tagName": {onElement, func(x *domNode) (starlark.Value, error) { return starlark.String(x.n.Name()), nil }},
	"data":    {onText, func(x *domNode) (starlark.Value, error) { return starlark.String(x.n.Data()), nil }},
	// The texts are never next to each other: the whole text is the text.
	"wholeText": {onText, func(x *domNode) (starlark.Value, error) { return starlark.String(x.n.Data()), nil }},
	"length": {onText, func(x *domNode) (starlark.Value, error) {
		return starlark.MakeInt(utf8.RuneCountInString(x.n.Data())), nil // Python's len: characters
	}},
	"documentElement": {onDocument, func(x *domNode) (starlark.Value, error) {
		return node(x.l, x.n.Document().ElementNode(x.n.Document().Root())), nil
	}},
	"doctype": noneField(onDocument),
}

type domMethod struct {
	on int
	fn builtinFunc
}

// domMethods are the methods of the nodes; the receiver is the builtin's.
var domMethods = map[string]domMethod{
	"hasChildNodes":          {onAll, domHasChildNodes},
	"toxml":                  {onAll, domToXML},
	"toprettyxml":            {onAll, domToPrettyXML},
	"writexml":               {onAll, domWriteXML},
	"isSameNode":             {onAll, domIsSameNode},
	"normalize":              {onAll, domNothing},
	"unlink":                 {onAll, domNothing},
	"getElementsByTagName":   {onDocument | onElement, domGetElementsByTagName},
	"getElementsByTagNameNS": {onDocument | onElement, domGetElementsByTagNameNS},
	"getAttribute":           {onElement, domGetAttribute},
	"getAttributeNS":         {onElement, domGetAttributeNS},
	"getAttributeNode":       {onElement, domGetAttributeNode},
	"getAttributeNodeNS":     {onElement, domGetAttributeNodeNS},
	"hasAttribute":           {onElement, domHasAttribute},
	"hasAttributeNS":         {onElement, domHasAttributeNS},
	"hasAttributes":          {onElement, domHasAttributes},
}

// domMutators are minidom's methods that change a document, with the
// kinds that have them: calling them is an error that says why.
var domMutators = map[string]int{
	"appendChild": onAll, "insertBefore": onAll, "removeChild": onAll, "replaceChild": onAll,
	"cloneNode": onAll, "setUserData": onAll,
	"setAttribute": onElement, "setAttributeNS": onElement, "setAttributeNode": onElement,
	"setAttributeNodeNS": onElement, "removeAttribute": onElement, "removeAttributeNS": onElement,
	"removeAttributeNode": onElement, "removeAttributeNodeNS": onElement, "setIdAttribute": onElement,
	"setIdAttributeNS": onElement, "setIdAttributeNode": onElement,
	"createElement": onDocument, "createElementNS": onDocument, "createTextNode": onDocument,
	"createComment": onDocument, "createCDATASection": onDocument, "createProcessingInstruction": onDocument,
	"createAttribute": onDocument, "createAttributeNS": onDocument, "createDocumentFragment": onDocument,
	"importNode": onDocument, "renameNode": onDocument,
	"appendData": onText, "insertData": onText, "deleteData": onText, "replaceData": onText,
	"splitText": onText, "replaceWholeText": onText,
}

// readOnly is the error of a change to a node of type typ: what, in
// Python, changes the document.
func readOnly(typ, what string) error {
	return fmt.Errorf("%s.%s: minidom documents are read-only in vertscript: write the XML you need as a string", typ, what)
}

// Attr returns a field, a method or a node type constant, or nil. The
// methods that would change the document are an error.
func (x *domNode) Attr(name string) (starlark.Value, error) {
	k := x.kind()
	if f, ok := domFields[name]; ok && f.on&k != 0 {
		return f.get(x)
	}
	if m, ok := domMethods[name]; ok && m.on&k != 0 {
		return starlark.NewBuiltin(x.Type()+"."+name, m.fn).BindReceiver(x), nil
	}
	if v, ok := nodeConstant(name); ok {
		return v, nil
	}
	if on, ok := domMutators[name]; ok && on&k != 0 {
		return nil, readOnly(x.Type(), name)
	}
	return nil, nil
}

// SetField refuses every assignment: nodes are read-only.
func (x *domNode) SetField(name string, _ starlark.Value) error {
	return readOnly(x.Type(), name)
}

// AttrNames lists the fields, methods and constants of the node's kind.
func (x *domNode) AttrNames() []string { return domAttrNames()[x.kind()] }

var domAttrNames = sync.OnceValue(func() map[int][]string {
	out := map[int][]string{}
	for _, k := range []int{onDocument, onElement, onText} {
		var names []string
		for n, f := range domFields {
			if f.on&k != 0 {
				names = append(names, n)
			}
		}
		for n, m := range domMethods {
			if m.on&k != 0 {
				names = append(names, n)
			}
		}
		for _, t := range nodeTypes {
			names = append(names, t.name)
		}
		sort.Strings(names)
		out[k] = names
	}
	return out
})

// domReceiver is the node of the method b.
func domReceiver(b *starlark.Builtin) *domNode { return b.Receiver().(*domNode) }

func domHasChildNodes(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.Bool(domReceiver(b).n.NumChildren() > 0), nil
}

func domIsSameNode(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var other starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &other); err != nil {
		return nil, err
	}
	o, ok := other.(*domNode)
	return starlark.Bool(ok && o.n == domReceiver(b).n), nil
}

// domNothing is normalize() and unlink(): a read-only document's texts are
// normal already, and the run frees it.
func domNothing(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.None, nil
}

// writeOptions reads toxml's encoding and standalone arguments into opts.
func writeOptions(b *starlark.Builtin, opts *xmltree.DOMWriteOptions, encoding, standalone starlark.Value) error {
	if standalone != starlark.None {
		opts.Standalone = "no"
		if standalone.Truth() {
			opts.Standalone = "yes"
		}
	}
	if encoding == starlark.None {
		return nil
	}
	s, ok := encoding.(starlark.String)
	if !ok {
		return fmt.Errorf("%s: for parameter encoding: got %s, want string or None", b.Name(), encoding.Type())
	}
	switch strings.ToLower(string(s)) {
	case "utf-8", "utf8":
	case "us-ascii", "ascii":
		opts.ASCII = true
	default:
		return fmt.Errorf("%s: unsupported encoding %q: want \"utf-8\" or \"us-ascii\"", b.Name(), string(s))
	}
	opts.Encoding = string(s)
	return nil
}

// writeNode writes the receiver of b with opts, under the run's limits:
// bytes when an encoding is named, else a string.
func writeNode(thread *starlark.Thread, b *starlark.Builtin, opts xmltree.DOMWriteOptions) (starlark.Value, error) {
	x := domReceiver(b)
	if x.n.Type() != xmltree.DocumentNode {
		opts.Standalone = "" // only a document has a declaration
	}
	s, err := x.write(thread, b, opts)
	if err != nil {
		return nil, err
	}
	if opts.Encoding != "" {
		return starlark.Bytes(s), nil
	}
	return starlark.String(s), nil
}

// write writes x as XML for b, checked against the limits.
func (x *domNode) write(thread *starlark.Thread, b *starlark.Builtin, opts xmltree.DOMWriteOptions) (string, error) {
	m := meter(thread, x.l)
	s, err := x.n.WriteXML(opts, m, func(n uint64) error { return x.l.Alloc(n, b.Name(), "a string") })
	if err := metered(thread, x.l, m, err, b.Name()); err != nil {
		return "", err
	}
	return s, nil
}

func domToXML(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var encoding, standalone starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "encoding?", &encoding, "standalone?", &standalone); err != nil {
		return nil, err
	}
	var opts xmltree.DOMWriteOptions
	if err := writeOptions(b, &opts, encoding, standalone); err != nil {
		return nil, err
	}
	return writeNode(thread, b, opts)
}

func domToPrettyXML(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	indent, newl := "\t", "\n"
	var encoding, standalone starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "indent?", &indent, "newl?", &newl, "encoding?", &encoding, "standalone?", &standalone); err != nil {
		return nil, err
	}
	opts := xmltree.DOMWriteOptions{AddIndent: indent, Newl: newl}
	if err := writeOptions(b, &opts, encoding, standalone); err != nil {
		return nil, err
	}
	return writeNode(thread, b, opts)
}

// domWriteXML is writexml(writer, indent="", addindent="", newl=""), and a
// document's encoding=None, standalone=None (named in its declaration
// only): it calls writer.write with the XML.
func domWriteXML(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x := domReceiver(b)
	var writer starlark.Value
	var opts xmltree.DOMWriteOptions
	var encoding, standalone starlark.Value = starlark.None, starlark.None
	params := []any{"writer", &writer, "indent?", &opts.Indent, "addindent?", &opts.AddIndent, "newl?", &opts.Newl}
	if x.n.Type() == xmltree.DocumentNode {
		params = append(params, "encoding?", &encoding, "standalone?", &standalone)
	}
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, params...); err != nil {
		return nil, err
	}
	if encoding != starlark.None {
		s, ok := encoding.(starlark.String)
		if !ok {
			return nil, fmt.Errorf("%s: for parameter encoding: got %s, want string or None", b.Name(), encoding.Type())
		}
		opts.Encoding = string(s) // the writer encodes, not writexml
	}
	if standalone != starlark.None {
		opts.Standalone = map[bool]string{true: "yes", false: "no"}[bool(standalone.Truth())]
	}
	write, err := getMethod(writer, "write")
	if err != nil {
		return nil, fmt.Errorf("%s: for parameter writer: got %s, want a file with write()", b.Name(), writer.Type())
	}
	s, err := x.write(thread, b, opts)
	if err != nil {
		return nil, err
	}
	if _, err := starlark.Call(thread, write, starlark.Tuple{starlark.String(s)}, nil); err != nil {
		return nil, err
	}
	return starlark.None, nil
}

// nodes makes a NodeList of found for b, checked against the memory limit.
func nodes(l budget.Budget, b *starlark.Builtin, found []xmltree.Node) (starlark.Value, error) {
	if err := l.Alloc(host.SatMul(uint64(len(found)), domNodeBytes), b.Name(), "a NodeList"); err != nil {
		return nil, err
	}
	return &nodeList{found, l}, nil
}

func domGetElementsByTagName(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &name); err != nil {
		return nil, err
	}
	x := domReceiver(b)
	m := meter(thread, x.l)
	found, err := x.n.ElementsByTagName(name, m)
	if err := metered(thread, x.l, m, err, b.Name()); err != nil {
		return nil, err
	}
	return nodes(x.l, b, found)
}

// namespaceArg reads a namespaceURI argument: a string, or None for no
// namespace. never is true for "", which no node has (minidom's is None).
func namespaceArg(b *starlark.Builtin, v starlark.Value) (space string, never bool, err error) {
	switch v := v.(type) {
	case starlark.NoneType:
		return "", false, nil
	case starlark.String:
		return string(v), v == "", nil
	}
	return "", false, fmt.Errorf("%s: for parameter namespaceURI: got %s, want string or None", b.Name(), v.Type())
}

func domGetElementsByTagNameNS(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var ns starlark.Value
	var local string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &ns, &local); err != nil {
		return nil, err
	}
	space, never, err := namespaceArg(b, ns)
	if err != nil {
		return nil, err
	}
	x := domReceiver(b)
	if never {
		return &nodeList{nil, x.l}, nil
	}
	m := meter(thread, x.l)
	found, err := x.n.ElementsByTagNameNS(space, local, m)
	if err := metered(thread, x.l, m, err, b.Name()); err != nil {
		return nil, err
	}
	return nodes(x.l, b, found)
}

// attrArg reads the name argument of an attribute method of b, and
// returns the attribute (ok false when absent).
func attrArg(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (*domNode, xmltree.DOMAttr, bool, error) {
	var name string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &name); err != nil {
		return nil, xmltree.DOMAttr{}, false, err
	}
	x := domReceiver(b)
	a, ok := x.n.Document().Attr(x.n.Element(), name)
	return x, a, ok, nil
}

// attrNSArg is attrArg for the ...NS methods: namespaceURI, localName.
func attrNSArg(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (*domNode, xmltree.DOMAttr, bool, error) {
	var ns starlark.Value
	var local string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &ns, &local); err != nil {
		return nil, xmltree.DOMAttr{}, false, err
	}
	space, never, err := namespaceArg(b, ns)
	if err != nil {
		return nil, xmltree.DOMAttr{}, false, err
	}
	x := domReceiver(b)
	if never {
		return x, xmltree.DOMAttr{}, false, nil
	}
	a, ok := x.n.Document().AttrNS(x.n.Element(), space, local)
	return x, a, ok, nil
}

func domGetAttribute(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	_, a, _, err := attrArg(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.String(a.Value), nil // "" when absent, as minidom
}

func domGetAttributeNS(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	_, a, _, err := attrNSArg(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.String(a.Value), nil
}

func domHasAttribute(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	_, _, ok, err := attrArg(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.Bool(ok), nil
}

func domHasAttributeNS(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	_, _, ok, err := attrNSArg(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.Bool(ok), nil
}

func domGetAttributeNode(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, a, ok, err := attrArg(b, args, kwargs)
	if err != nil || !ok {
		return starlark.None, err
	}
	return &domAttr{x.n, a, x.l}, nil
}

func domGetAttributeNodeNS(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, a, ok, err := attrNSArg(b, args, kwargs)
	if err != nil || !ok {
		return starlark.None, err
	}
	return &domAttr{x.n, a, x.l}, nil
}

func domHasAttributes(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	x := domReceiver(b)
	return starlark.Bool(x.n.Document().NumAttrs(x.n.Element()) > 0), nil
}

// nodeList is minidom's NodeList: the list childNodes and the searches
// return, with length and item(i). It cannot be changed.
type nodeList struct {
	nodes []xmltree.Node
	l     budget.Budget
}

var (
	_ starlark.Indexable = (*nodeList)(nil)
	_ starlark.Sliceable = (*nodeList)(nil)
	_ starlark.Sequence  = (*nodeList)(nil)
	_ starlark.Container = (*nodeList)(nil)
	_ starlark.HasAttrs  = (*nodeList)(nil)
	_ starlark.HasBinary = (*nodeList)(nil)
)

func (x *nodeList) String() string {
	parts := make([]string, len(x.nodes))
	for i, n := range x.nodes {
		parts[i] = (&domNode{n, x.l}).String()
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
func (x *nodeList) Type() string          { return "minidom.NodeList" }
func (x *nodeList) Freeze()               {} // immutable
func (x *nodeList) Truth() starlark.Bool  { return len(x.nodes) > 0 }
func (x *nodeList) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: %s", x.Type()) }
func (x *nodeList) Len() int              { return len(x.nodes) }
func (x *nodeList) Index(i int) starlark.Value {
	return &domNode{x.nodes[i], x.l}
}

// Slice is a NodeList too.
func (x *nodeList) Slice(start, end, step int) starlark.Value {
	var out []xmltree.Node
	for i := start; (step > 0 && i < end) || (step < 0 && i > end); i += step {
		out = append(out, x.nodes[i])
	}
	return &nodeList{out, x.l}
}

func (x *nodeList) Iterate() starlark.Iterator { return &nodeIterator{x: x} }

// Has is the in operator.
func (x *nodeList) Has(y starlark.Value) (bool, error) {
	n, ok := y.(*domNode)
	if !ok {
		return false, nil
	}
	for _, m := range x.nodes {
		if m == n.n {
			return true, nil
		}
	}
	return false, nil
}

// Binary is +: with a NodeList or a list, a list, as in Python.
func (x *nodeList) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if op != syntax.PLUS {
		return nil, nil
	}
	var other []starlark.Value
	switch y := y.(type) {
	case *nodeList:
		other = make([]starlark.Value, 0, y.Len())
		for i := range y.Len() {
			other = append(other, y.Index(i))
		}
	case *starlark.List:
		other = make([]starlark.Value, 0, y.Len())
		for i := range y.Len() {
			other = append(other, y.Index(i))
		}
	default:
		return nil, nil
	}
	if err := x.l.Alloc(host.SatMul(uint64(len(x.nodes)+len(other)), budget.SlotBytes+domNodeBytes), "NodeList +", "a list"); err != nil {
		return nil, err
	}
	mine := make([]starlark.Value, len(x.nodes))
	for i := range x.nodes {
		mine[i] = x.Index(i)
	}
	if side == starlark.Left {
		return starlark.NewList(append(mine, other...)), nil
	}
	return starlark.NewList(append(other, mine...)), nil
}

func (x *nodeList) Attr(name string) (starlark.Value, error) {
	switch name {
	case "length":
		return starlark.MakeInt(len(x.nodes)), nil
	case "item", "index", "count":
		return starlark.NewBuiltin("NodeList."+name, nodeListMethods[name]).BindReceiver(x), nil
	}
	return nil, nil
}

func (x *nodeList) AttrNames() []string { return []string{"count", "index", "item", "length"} }

var nodeListMethods = map[string]builtinFunc{
	"item":  nodeListItem,
	"index": nodeListIndex,
	"count": nodeListCount,
}

// nodeListItem is item(i): the i-th node, or None past the ends.
func nodeListItem(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var i int
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &i); err != nil {
		return nil, err
	}
	x := b.Receiver().(*nodeList)
	if i < 0 || i >= len(x.nodes) {
		return starlark.None, nil
	}
	return x.Index(i), nil
}

func nodeListIndex(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	x := b.Receiver().(*nodeList)
	if n, ok := v.(*domNode); ok {
		for i, m := range x.nodes {
			if m == n.n {
				return starlark.MakeInt(i), nil
			}
		}
	}
	return nil, fmt.Errorf("%s: %s not in NodeList", b.Name(), v)
}

func nodeListCount(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	found, _ := b.Receiver().(*nodeList).Has(v)
	if found {
		return starlark.MakeInt(1), nil // a node is once in a list
	}
	return starlark.MakeInt(0), nil
}

type nodeIterator struct {
	x *nodeList
	i int
}

func (it *nodeIterator) Next(p *starlark.Value) bool {
	if it.i >= len(it.x.nodes) {
		return false
	}
	*p = it.x.Index(it.i)
	it.i++
	return true
}

func (it *nodeIterator) Done() {}

// namedNodeMap is an element's attributes, as minidom's NamedNodeMap: a
// mapping from names to Attr nodes, in document order (the namespace
// declarations first), that is not iterable, as in Python.
type namedNodeMap struct {
	owner xmltree.Node
	attrs []xmltree.DOMAttr
	l     budget.Budget
}

var (
	_ starlark.Mapping   = (*namedNodeMap)(nil)
	_ starlark.Indexable = (*namedNodeMap)(nil)
	_ starlark.HasAttrs  = (*namedNodeMap)(nil)
)

func (x *namedNodeMap) String() string        { return "<xml.dom.minidom.NamedNodeMap object>" }
func (x *namedNodeMap) Type() string          { return "minidom.NamedNodeMap" }
func (x *namedNodeMap) Freeze()               {}
func (x *namedNodeMap) Truth() starlark.Bool  { return len(x.attrs) > 0 }
func (x *namedNodeMap) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: %s", x.Type()) }
func (x *namedNodeMap) Len() int              { return len(x.attrs) }

// Index is item(i); the [] operator takes names (Get).
func (x *namedNodeMap) Index(i int) starlark.Value { return &domAttr{x.owner, x.attrs[i], x.l} }

// Get is attributes[name], and attributes[(namespaceURI, localName)].
func (x *namedNodeMap) Get(k starlark.Value) (starlark.Value, bool, error) {
	switch k := k.(type) {
	case starlark.String:
		for _, a := range x.attrs {
			if a.Name == string(k) {
				return &domAttr{x.owner, a, x.l}, true, nil
			}
		}
	case starlark.Tuple:
		if len(k) != 2 {
			break
		}
		space, never := "", false
		switch s := k[0].(type) {
		case starlark.String:
			space, never = string(s), s == ""
		case starlark.NoneType:
		default:
			return nil, false, nil
		}
		local, ok := k[1].(starlark.String)
		if !ok || never {
			break
		}
		for _, a := range x.attrs {
			if a.Space == space && a.LocalName() == string(local) {
				return &domAttr{x.owner, a, x.l}, true, nil
			}
		}
	}
	return nil, false, nil
}

func (x *namedNodeMap) Attr(name string) (starlark.Value, error) {
	if name == "length" {
		return starlark.MakeInt(len(x.attrs)), nil
	}
	if m := namedNodeMapMethods[name]; m != nil {
		return starlark.NewBuiltin("NamedNodeMap."+name, m).BindReceiver(x), nil
	}
	switch name {
	case "setNamedItem", "setNamedItemNS", "removeNamedItem", "removeNamedItemNS":
		return nil, readOnly("NamedNodeMap", name)
	}
	return nil, nil
}

func (x *namedNodeMap) AttrNames() []string {
	return []string{"get", "getNamedItem", "getNamedItemNS", "item", "items", "keys", "length", "values"}
}

var namedNodeMapMethods = map[string]builtinFunc{
	"get":            namedNodeMapGet,
	"getNamedItem":   namedNodeMapGetNamedItem,
	"getNamedItemNS": namedNodeMapGetNamedItemNS,
	"item":           namedNodeMapItem,
	"items":          namedNodeMapList,
	"keys":           namedNodeMapList,
	"values":         namedNodeMapList,
}

func namedNodeMapOf(b *starlark.Builtin) *namedNodeMap { return b.Receiver().(*namedNodeMap) }

func namedNodeMapGet(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var def starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &name, &def); err != nil {
		return nil, err
	}
	if v, ok, _ := namedNodeMapOf(b).Get(starlark.String(name)); ok {
		return v, nil
	}
	return def, nil
}

func namedNodeMapGetNamedItem(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &name); err != nil {
		return nil, err
	}
	if v, ok, _ := namedNodeMapOf(b).Get(starlark.String(name)); ok {
		return v, nil
	}
	return starlark.None, nil
}

func namedNodeMapGetNamedItemNS(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var ns starlark.Value
	var local string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &ns, &local); err != nil {
		return nil, err
	}
	if _, _, err := namespaceArg(b, ns); err != nil {
		return nil, err
	}
	if v, ok, _ := namedNodeMapOf(b).Get(starlark.Tuple{ns, starlark.String(local)}); ok {
		return v, nil
	}
	return starlark.None, nil
}

// namedNodeMapItem is item(i): the i-th Attr, or None past the end.
func namedNodeMapItem(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var i int
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &i); err != nil {
		return nil, err
	}
	x := namedNodeMapOf(b)
	if i < 0 {
		i += len(x.attrs) // Python indexes the list of names
	}
	if i < 0 || i >= len(x.attrs) {
		return starlark.None, nil
	}
	return x.Index(i), nil
}

// namedNodeMapList is items() ((name, value) tuples), keys() (the names)
// and values() (the Attr nodes), as lists.
func namedNodeMapList(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	x := namedNodeMapOf(b)
	if err := x.l.Alloc(host.SatMul(uint64(len(x.attrs)), budget.TupleBytes+domAttrBytes), b.Name(), "a list"); err != nil {
		return nil, err
	}
	if err := x.l.Steps(thread, uint64(len(x.attrs))); err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(x.attrs))
	for i, a := range x.attrs {
		switch b.Name() {
		case "NamedNodeMap.items":
			out[i] = starlark.Tuple{starlark.String(a.Name), starlark.String(a.Value)}
		case "NamedNodeMap.keys":
			out[i] = starlark.String(a.Name)
		default:
			out[i] = x.Index(i)
		}
	}
	return starlark.NewList(out), nil
}

// domAttr is an attribute node, minidom's Attr.
type domAttr struct {
	owner xmltree.Node
	a     xmltree.DOMAttr
	l     budget.Budget
}

var (
	_ starlark.HasAttrs    = (*domAttr)(nil)
	_ starlark.HasSetField = (*domAttr)(nil)
	_ starlark.Comparable  = (*domAttr)(nil)
)

func (x *domAttr) String() string       { return "<xml.dom.minidom.Attr object>" }
func (x *domAttr) Type() string         { return "minidom.Attr" }
func (x *domAttr) Freeze()              {}
func (x *domAttr) Truth() starlark.Bool { return starlark.True }
func (x *domAttr) Hash() (uint32, error) {
	return uint32(maphash.Comparable(hashSeed, struct {
		n    xmltree.Node
		name string
	}{x.owner, x.a.Name})), nil
}

// CompareSameType makes two values of the same attribute equal.
func (x *domAttr) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	o := y.(*domAttr)
	same := x.owner == o.owner && x.a.Name == o.a.Name
	switch op {
	case syntax.EQL:
		return same, nil
	case syntax.NEQ:
		return !same, nil
	}
	return false, fmt.Errorf("%s not supported between Attrs", op)
}

func (x *domAttr) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name", "nodeName":
		return starlark.String(x.a.Name), nil
	case "value", "nodeValue":
		return starlark.String(x.a.Value), nil
	case "nodeType":
		return starlark.MakeInt(int(xmltree.AttributeNode)), nil
	case "localName":
		return starlark.String(x.a.LocalName()), nil
	case "prefix":
		return orNone(x.a.Prefix()), nil
	case "namespaceURI":
		return orNone(x.a.Space), nil
	case "ownerElement":
		return node(x.l, x.owner), nil
	case "ownerDocument":
		return node(x.l, x.owner.Document().Node()), nil
	case "parentNode":
		return starlark.None, nil
	}
	if v, ok := nodeConstant(name); ok {
		return v, nil
	}
	return nil, nil
}

// SetField refuses every assignment: attributes are read-only.
func (x *domAttr) SetField(name string, _ starlark.Value) error { return readOnly(x.Type(), name) }

func (x *domAttr) AttrNames() []string { return domAttrFieldNames() }

var domAttrFieldNames = sync.OnceValue(func() []string {
	names := []string{"localName", "name", "namespaceURI", "nodeName", "nodeType", "nodeValue",
		"ownerDocument", "ownerElement", "parentNode", "prefix", "value"}
	for _, t := range nodeTypes {
		names = append(names, t.name)
	}
	sort.Strings(names)
	return names
})

// pyRepr quotes s as Python's repr of a str does: in single quotes unless
// s holds a single quote and no double one.
func pyRepr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x80 || unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}
