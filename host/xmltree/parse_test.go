package xmltree

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestParseNamespacesAsPython(t *testing.T) {
	// Python: e.tag '{urn:d}a', e.attrib {'{http://www.w3.org/2001/XMLSchema-instance}t': '1',
	// '{http://www.w3.org/XML/1998/namespace}lang': 'en'}; declarations are no attributes.
	root := mustParse(t, `<a xmlns='urn:d' xmlns:x='http://www.w3.org/2001/XMLSchema-instance' x:t='1' xml:lang='en'><b xmlns:y='urn:y' y:z='2'/><c xmlns=''/></a>`)
	if root.Tag() != "{urn:d}a" {
		t.Errorf("tag %q", root.Tag())
	}
	want := []Attr{{"{http://www.w3.org/2001/XMLSchema-instance}t", "1"}, {"{http://www.w3.org/XML/1998/namespace}lang", "en"}}
	if got := root.Attrs(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("attrs %v, want %v", got, want)
	}
	b := root.Child(0)
	if b.Tag() != "{urn:d}b" || fmt.Sprint(b.Attrs()) != "[{{urn:y}z 2}]" {
		t.Errorf("b: %q %v", b.Tag(), b.Attrs())
	}
	if c := root.Child(1); c.Tag() != "c" {
		t.Errorf("c undeclares the default namespace: tag %q", c.Tag())
	}
}

func TestParseText(t *testing.T) {
	root := mustParse(t, "<?xml version='1.0' encoding='latin-1'?>\n<!DOCTYPE a>\n<a>x<!-- c -->y<?pi z?><b/>&lt;t&#233;<![CDATA[<c>]]><c></c></a>\n")
	if text, _ := root.Text(); text != "xy" {
		t.Errorf("text %q: a comment or instruction does not split the text", text)
	}
	if tail, _ := root.Child(0).Tail(); tail != "<té<c>" {
		t.Errorf("tail %q", tail)
	}
	if _, ok := root.Child(1).Text(); ok {
		t.Errorf("<c></c> has a text")
	}
	if _, ok := root.Tail(); ok {
		t.Errorf("the root has a tail")
	}
	if got := mustParse(t, "<a>a\r\nb</a>"); got.text != "a\nb" {
		t.Errorf("line ends: %q", got.text)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ src, err string }{
		{"", "line 1, column 1: no element found"},
		{"  \n ", "line 2, column 2: no element found"},
		{"<a>", "line 1, column 4: unexpected end of document: <a> is not closed"},
		{"<domain>\n  <devices>\n  </domain>", "line 3, column 3: mismatched tag: <devices> closed by </domain>"},
		{"<a/><b/>", "line 1, column 5: junk after document element"},
		{"<a/>junk", "line 1, column 5: junk after document element"},
		{"junk<a/>", "line 1, column 1: text before the document element"},
		{"<a/></a>", "line 1, column 5: unexpected end tag </a>"},
		{"<a>&foo;</a>", "line 1, column 9: invalid character entity &foo;"},
		{"<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", "line 1, column 37: invalid character entity &x;"},
		{"<x:a/>", "line 1, column 1: unbound prefix x in <x:a>"},
		{"<a y:b='1'/>", "line 1, column 1: unbound prefix y in <y:b>"},
		{"<a>\n\n<b x='1' x='2'/></a>", "line 3, column 1: duplicate attribute x"},
		{"<a xmlns:p='urn:p' xmlns:q='urn:p' p:x='1' q:x='2'/>", "line 1, column 1: duplicate attribute {urn:p}x"},
		{"<a x=1/>", "line 1, column 7: unquoted or missing attribute value in element"},
		{"<a>\x00</a>", "line 1, column 5: illegal character code U+0000"},
		{"<?xml version='1.1'?><a/>", `line 1, column 22: unsupported version "1.1"; only version 1.0 is supported`},
		{"<a xmlns:xmlns='urn:x'/>", "line 1, column 1: reserved prefix (xmlns) must not be declared or undeclared"},
	} {
		_, err := Parse(c.src, nil)
		var se *SyntaxError
		if !errors.As(err, &se) || err.Error() != c.err {
			t.Errorf("Parse(%q): %v, want %s", c.src, err, c.err)
		}
	}
}

func TestParseAsksBeforeAllocating(t *testing.T) {
	var asked []uint64
	alloc := func(n uint64) error { asked = append(asked, n); return nil }
	mustParseWith := func(src string) {
		t.Helper()
		if _, err := Parse(src, alloc); err != nil {
			t.Fatal(err)
		}
	}
	mustParseWith(doc)
	if len(asked) != 1 || asked[0] != Estimate(doc) {
		t.Errorf("asked %v, want once the estimate %d", asked, Estimate(doc))
	}
	// A long namespace makes every name long: the tree outgrows the
	// estimate, and the parser asks again.
	asked = nil
	var b strings.Builder
	b.WriteString("<r xmlns='urn:" + strings.Repeat("n", 10000) + "'>")
	for i := range 1000 {
		fmt.Fprintf(&b, "<e%d/>", i)
	}
	b.WriteString("</r>")
	mustParseWith(b.String())
	total := uint64(0)
	for _, n := range asked {
		total += n
	}
	if len(asked) < 2 || total < 1000*10000 {
		t.Errorf("asked %v (%d bytes), want more than the estimate and the names' 10 MB", asked, total)
	}
	// A refusal stops the parse, and is returned as is.
	refused := errors.New("no")
	if _, err := Parse(doc, func(uint64) error { return refused }); err != refused {
		t.Errorf("refused: %v", err)
	}
}

func TestDeepDocument(t *testing.T) {
	// Deeper than any recursion should go: everything is iterative.
	const depth = 100_000
	root := mustParse(t, strings.Repeat("<a>", depth)+"x"+strings.Repeat("</a>", depth))
	if root.Size() != depth {
		t.Errorf("size %d", root.Size())
	}
	texts, _ := root.IterText(nil)
	s, err := ToString(root, WriteOptions{}, nil, nil)
	if len(texts) != 1 || err != nil || len(s) != depth*7+1 {
		t.Errorf("texts %d, tostring %d bytes, %v", len(texts), len(s), err)
	}
}
