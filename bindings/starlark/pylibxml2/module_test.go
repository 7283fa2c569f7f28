package pylibxml2

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/host"
)

// call calls the module's function or a value's method name.
func call(thread *starlark.Thread, x starlark.Value, name string, args ...starlark.Value) (starlark.Value, error) {
	m, err := x.(starlark.HasAttrs).Attr(name)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, fmt.Errorf("%s has no %s", x.Type(), name)
	}
	return starlark.Call(thread, m, starlark.Tuple(args), nil)
}

// parsed parses src with parseDoc.
func parsed(t *testing.T, thread *starlark.Thread, src string) starlark.Value {
	t.Helper()
	doc, err := call(thread, Module(Options{}), "parseDoc", starlark.String(src))
	if err != nil {
		t.Fatalf("parseDoc: %v", err)
	}
	return doc
}

// wantErr checks that err is an exception of class whose message has msg,
// or (class "") a plain error whose message has msg.
func wantErr(t *testing.T, what string, err error, class, msg string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error, want %s %q", what, class, msg)
		return
	}
	e, isPy := pyerr.As(err)
	switch {
	case class == "" && isPy:
		t.Errorf("%s: %v is a Python exception, want the run's own error", what, err)
	case class != "" && (!isPy || e.Class != class):
		t.Errorf("%s: %v, want a %s", what, err, class)
	case !strings.Contains(err.Error(), msg):
		t.Errorf("%s: %v, want it to say %q", what, err, msg)
	}
}

func TestXPathErrors(t *testing.T) {
	thread := &starlark.Thread{}
	src, err := os.ReadFile("testdata/rich.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc := parsed(t, thread, string(src))
	inner, err := os.ReadFile("testdata/inner.xml")
	if err != nil {
		t.Fatal(err)
	}
	innerDoc := parsed(t, thread, string(inner))
	deep := strings.Repeat("(", host.MaxNesting+1) + "1" + strings.Repeat(")", host.MaxNesting+1)
	deepPreds := "/*" + strings.Repeat("[*", maxPredicateDepth+1) + strings.Repeat("]", maxPredicateDepth+1)
	for _, tc := range []struct {
		doc        starlark.Value
		expr, want string
	}{
		// What libxml2 refuses too: its own message.
		{doc, "/domain[", "xmlXPathEval() failed"},
		{doc, "//* | 1", "xmlXPathEval() failed"},
		{doc, "nosuch()", "xmlXPathEval() failed"},
		{doc, "/domain/qemu:commandline", "xmlXPathEval() failed"},
		{doc, deep, "xmlXPathEval() failed"},
		// What vertscript does not evaluate: named.
		{doc, "$x", "a variable ($name) is not supported"},
		{doc, "id('x')", "the function id() is not supported"},
		{doc, "lang('en')", "the function lang() is not supported"},
		{doc, "/domain/namespace::*", "the namespace axis is not supported"},
		{doc, "ext:f()", "the function ext:f() is not supported"},
		{doc, deepPreds, "predicates nested more than 64 levels deep"},
		{innerDoc, "//node()", "in a document with CDATA sections"},
		{innerDoc, "//text()", "in a document with CDATA sections"},
		{innerDoc, "//.", "// followed by . or .. in a document with CDATA sections"},
		{innerDoc, "/domain/devices/comment()", "comment()"},
	} {
		ctx, err := call(thread, tc.doc, "xpathNewContext")
		if err != nil {
			t.Fatal(err)
		}
		_, err = call(thread, ctx, "xpathEval", starlark.String(tc.expr))
		wantErr(t, fmt.Sprintf("%.40s", tc.expr), err, "xpathError", tc.want)
	}
}

func TestParse(t *testing.T) {
	thread := &starlark.Thread{}
	mod := Module(Options{})
	for _, tc := range []struct {
		src, class, want string
	}{
		{"<a>", "parserError", "xmlParseDoc() failed"},
		{"", "parserError", "xmlParseDoc() failed"},
		{"<a></b>", "parserError", "xmlParseDoc() failed"},
		{"<a/><b/>", "parserError", "xmlParseDoc() failed"},
		{"<a>&nosuch;</a>", "parserError", "xmlParseDoc() failed"},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>`, "", "only UTF-8 is supported"},
		{"<a x=\"1\n2&#10;\"/>", "", "tabs or newlines in attribute values"},
		{"<a x=\"1&#10;2\"/>", "", "tabs or newlines in attribute values"}, // refused, though libxml2 keeps the newline
	} {
		_, err := call(thread, mod, "parseDoc", starlark.String(tc.src))
		wantErr(t, tc.src, err, tc.class, tc.want)
	}
	// What libxml2 accepts and vertscript reads as it does.
	for _, src := range []string{
		`<?xml version="1.0" encoding="ISO-8859-1"?><a>ascii</a>`,
		"<a x=\"1\n2\"/>", "<a x=\"1\">&#10;</a>",
	} {
		if _, err := call(thread, mod, "parseDoc", starlark.String(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
	doc, err := call(thread, mod, "parseMemory", starlark.String("<a/>junk"), starlark.MakeInt(4))
	if err != nil {
		t.Fatal(err)
	}
	if s := doc.String(); s != "<?xml version=\"1.0\"?>\n<a/>\n" {
		t.Errorf("parseMemory: %q", s)
	}
}

func TestParseFile(t *testing.T) {
	thread := &starlark.Thread{}
	read := func(_ *starlark.Thread, op, path string) ([]byte, error) {
		switch path {
		case "/missing":
			return nil, pyerr.New("FileNotFoundError", "%s: no such file", op)
		case "/gone":
			return nil, fmt.Errorf("%s: %w", op, &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist})
		case "/refused":
			return nil, errors.New(op + ": the file policy does not allow reading /refused")
		}
		return []byte("<domain><name>x</name></domain>"), nil
	}
	_, err := call(thread, Module(Options{}), "parseFile", starlark.String("/etc/passwd"))
	wantErr(t, "no ReadFile", err, "", "reading files is not allowed")
	mod := Module(Options{ReadFile: read})
	_, err = call(thread, mod, "parseFile", starlark.String("/missing"))
	wantErr(t, "missing", err, "parserError", "xmlParseFile() failed")
	_, err = call(thread, mod, "parseFile", starlark.String("/gone"))
	wantErr(t, "gone", err, "parserError", "xmlParseFile() failed")
	_, err = call(thread, mod, "parseFile", starlark.String("/refused"))
	wantErr(t, "refused", err, "", "libxml2.parseFile: the file policy does not allow")
	doc, err := call(thread, mod, "parseFile", starlark.String("/d.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if name := attr(t, doc, "name"); name != starlark.String("/d.xml") {
		t.Errorf("doc.name = %v, want the path", name)
	}
}

func TestRefusedReads(t *testing.T) {
	thread := &starlark.Thread{}
	for _, tc := range []struct {
		file, expr, field string
		refused           bool
	}{
		{"inner.xml", "/domain", "children", true},
		{"inner.xml", "/domain/name", "last", true},
		{"inner.xml", "/domain/devices/disk", "next", true},
		{"inner.xml", "/domain", "serialize", true},
		{"inner.xml", "/domain/@type", "children", false},
		{"inner.xml", "/domain", "content", false},
		{"saved.xml", "/", "children", true},
		{"saved.xml", "/domain", "next", true},
		{"saved.xml", "/", "serialize", true},
		{"saved.xml", "/domain", "children", false},
		{"saved.xml", "/domain", "serialize", false},
		{"saved.xml", "/domain/name", "next", false},
	} {
		src, err := os.ReadFile("testdata/" + tc.file)
		if err != nil {
			t.Fatal(err)
		}
		ctx, _ := call(thread, parsed(t, thread, string(src)), "xpathNewContext")
		nodes, err := call(thread, ctx, "xpathEval", starlark.String(tc.expr))
		if err != nil {
			t.Fatal(err)
		}
		n := nodes.(*starlark.List).Index(0)
		if tc.field == "serialize" {
			_, err = call(thread, n, "serialize")
		} else {
			_, err = n.(starlark.HasAttrs).Attr(tc.field)
		}
		what := tc.file + " " + tc.expr + "." + tc.field
		switch {
		case tc.refused:
			wantErr(t, what, err, "", "does not keep as nodes")
		case err != nil:
			t.Errorf("%s: %v", what, err)
		}
	}
}

// limited is a budget with limits, that counts what it is charged.
type limited struct {
	steps, maxSteps, maxAlloc uint64
}

func (b *limited) Steps(_ *starlark.Thread, n uint64) error {
	b.steps += n
	if b.maxSteps > 0 && b.steps > b.maxSteps {
		return &host.LimitError{Limit: "max-steps", Msg: "too many steps"}
	}
	return nil
}

func (b *limited) Alloc(n uint64, what, made string) error {
	if b.maxAlloc > 0 && n > b.maxAlloc {
		return &host.LimitError{Limit: "max-memory", Msg: fmt.Sprintf("%s: %s of %d bytes", what, made, n)}
	}
	return nil
}

func (b *limited) Limits() host.Limits { return host.Limits{} }

func TestLimits(t *testing.T) {
	big := "<r>" + strings.Repeat("<e a='1'>t</e>", 2000) + "</r>"
	// Parsing counts the document, and asks for its memory.
	thread := &starlark.Thread{}
	b := &limited{}
	budget.Set(thread, b)
	doc := parsed(t, thread, big)
	if b.steps < 4000 {
		t.Errorf("parsing 2000 elements charged %d steps", b.steps)
	}
	budget.Set(thread, &limited{maxAlloc: 100000})
	_, err := call(thread, Module(Options{}), "parseDoc", starlark.String(big))
	var le *host.LimitError
	if !errors.As(err, &le) {
		t.Errorf("parse past the memory limit: %v", err)
	}
	// An evaluation counts the nodes it goes through: a quadratic one is
	// stopped by the step limit, within the call.
	b = &limited{maxSteps: 1000000}
	budget.Set(thread, b)
	ctx, _ := call(thread, doc, "xpathNewContext")
	_, err = call(thread, ctx, "xpathEval", starlark.String("//*[count(//*) > 0]"))
	if !errors.As(err, &le) {
		t.Errorf("quadratic evaluation: %v, want the step limit", err)
	}
	if b.steps > 1100000 {
		t.Errorf("the evaluation went on to %d steps", b.steps)
	}
	// A linear one is charged its nodes.
	b = &limited{}
	budget.Set(thread, b)
	if _, err := call(thread, ctx, "xpathEval", starlark.String("count(//e[@a='1'])")); err != nil {
		t.Fatal(err)
	}
	if b.steps < 4000 {
		t.Errorf("going through 2000 elements and their attributes charged %d steps", b.steps)
	}
}

func TestNodes(t *testing.T) {
	thread := &starlark.Thread{}
	doc := parsed(t, thread, "<a x='1'><b/>t</a>")
	other := parsed(t, thread, "<a/>")
	root, _ := call(thread, doc, "getRootElement")
	again, _ := call(thread, doc, "getRootElement")
	if eq, _ := starlark.Equal(root, again); !eq {
		t.Error("two values of the root are not equal")
	}
	h1, _ := root.Hash()
	h2, _ := again.Hash()
	if h1 != h2 {
		t.Error("two values of the root hash differently")
	}
	if root.Type() != "xmlNode" || doc.Type() != "xmlDoc" {
		t.Errorf("types %s, %s", root.Type(), doc.Type())
	}
	_, err := call(thread, root, "setProp", starlark.String("x"), starlark.String("2"))
	wantErr(t, "setProp", err, "", "cannot be changed")
	ctx, _ := call(thread, doc, "xpathNewContext")
	_, err = call(thread, ctx, "contextNode")
	wantErr(t, "contextNode", err, "xpathError", "xmlXPathGetContextNode() failed")
	otherRoot, _ := call(thread, other, "getRootElement")
	_, err = call(thread, ctx, "setContextNode", otherRoot)
	wantErr(t, "setContextNode", err, "", "another document")
	_, err = call(thread, root, "serialize", starlark.None, starlark.MakeInt(1))
	wantErr(t, "format=1", err, "", "format=1 is not supported")
	_, err = call(thread, root, "serialize", starlark.String("ISO-8859-1"))
	wantErr(t, "encoding", err, "", "is not supported")
	for _, m := range []string{"freeDoc", "free"} {
		if v, err := call(thread, doc, m); err != nil || v != starlark.None {
			t.Errorf("%s: %v, %v", m, v, err)
		}
	}
	if v, err := call(thread, ctx, "xpathFreeContext"); err != nil || v != starlark.None {
		t.Errorf("xpathFreeContext: %v, %v", v, err)
	}
}
