package xmltree

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// describeDOM prints doc as the Python function that recorded the
// expectations below does: every node in document order with its
// neighbours, the searches for tags, then the document written by toxml
// and toprettyxml.
func describeDOM(t *testing.T, doc *Document, tags []string) string {
	t.Helper()
	var b strings.Builder
	print := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	name := func(n Node) string {
		switch {
		case n.IsZero():
			return "-"
		case n.Type() == TextNode:
			return "#text(" + strings.ReplaceAll(n.Data(), "\n", `\n`) + ")"
		}
		return n.Name()
	}
	var walk func(n Node)
	walk = func(n Node) {
		kids := n.Children()
		if len(kids) != n.NumChildren() {
			t.Errorf("%s: %d children, NumChildren %d", name(n), len(kids), n.NumChildren())
		}
		line := fmt.Sprintf("%d %s parent=%s prev=%s next=%s first=%s last=%s n=%d", n.Type(), name(n), name(n.Parent()),
			name(n.PreviousSibling()), name(n.NextSibling()), name(n.FirstChild()), name(n.LastChild()), len(kids))
		if e := n.Element(); e != nil {
			var attrs []string
			for _, a := range doc.Attrs(e) {
				attrs = append(attrs, fmt.Sprintf("%s=%s{%s}", a.Name, a.Value, a.Space))
			}
			line += fmt.Sprintf(" local=%s prefix=%s ns=%s attrs=[%s]", n.LocalName(), n.Prefix(), n.NamespaceURI(), strings.Join(attrs, " "))
		}
		print("%s", line)
		for _, c := range kids {
			walk(c)
		}
	}
	walk(doc.Node())
	root := doc.ElementNode(doc.Root())
	for _, tag := range tags {
		found, err := doc.Node().ElementsByTagName(tag, nil)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range found {
			names = append(names, name(e)+"@"+name(e.Parent()))
		}
		print("%s: %s", tag, strings.Join(names, " "))
		below, _ := root.ElementsByTagName(tag, nil)
		print("%s below root: %d", tag, len(below))
	}
	write := func(n Node, opts DOMWriteOptions) string {
		s, err := n.WriteXML(opts, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	print("%s", write(doc.Node(), DOMWriteOptions{}))
	print("%s", write(root, DOMWriteOptions{}))
	print("%s", write(doc.Node(), DOMWriteOptions{AddIndent: "  ", Newl: "\n"}))
	print("%s", write(root.FirstChild(), DOMWriteOptions{}))
	return b.String()
}

func TestDocumentAsMinidom(t *testing.T) {
	for _, c := range []struct {
		src, want string
		tags      []string
	}{
		{dom1Src, dom1Want, []string{"disk", "*", "qemu:arg", "arg", "v", "app:app", "nope"}},
		{dom2Src, dom2Want, []string{"b", "*", "c", "a"}},
	} {
		doc, err := ParseDocument(c.src, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := describeDOM(t, doc, c.tags); got != c.want {
			t.Errorf("got\n%s\nwant\n%s", got, c.want)
		}
	}
}

func TestDocumentNamesAndAttrs(t *testing.T) {
	doc, err := ParseDocument(dom1Src, nil)
	if err != nil {
		t.Fatal(err)
	}
	app, _ := doc.Node().ElementsByTagName("app:app", nil)
	e := app[0].Element()
	// As Python: getAttribute("app:k"), getAttributeNS("urn:app", "k"),
	// getAttributeNS(XMLNS, "app"), getAttribute("k") "".
	for _, c := range []struct {
		a    DOMAttr
		ok   bool
		want string
	}{
		{first(doc.Attr(e, "app:k")), true, "1"},
		{first(doc.AttrNS(e, "urn:app", "k")), true, "1"},
		{first(doc.AttrNS(e, XMLNSNamespace, "app")), true, "urn:app"},
		{first(doc.AttrNS(e, XMLNSNamespace, "xmlns")), true, "urn:d"},
		{first(doc.AttrNS(e, "http://www.w3.org/XML/1998/namespace", "lang")), true, "en"},
	} {
		if c.a.Value != c.want {
			t.Errorf("got %+v, want %q", c.a, c.want)
		}
	}
	if _, ok := doc.Attr(e, "k"); ok {
		t.Errorf("Attr(k) found")
	}
	if a, _ := doc.Attr(e, "xmlns:app"); a.Prefix() != "xmlns" || a.LocalName() != "app" {
		t.Errorf("xmlns:app: prefix %q, local name %q", a.Prefix(), a.LocalName())
	}
	if a, _ := doc.Attr(e, "xmlns"); a.Prefix() != "" || a.LocalName() != "xmlns" {
		t.Errorf("xmlns: prefix %q, local name %q", a.Prefix(), a.LocalName())
	}
	if n := doc.NumAttrs(e); n != 4 {
		t.Errorf("NumAttrs = %d", n)
	}
	// getElementsByTagNameNS, as Python.
	for _, c := range []struct {
		space, local, want string
	}{
		{"http://libvirt.org/schemas/domain/qemu/1.0", "*", "qemu:commandline qemu:arg"},
		{"*", "arg", "qemu:arg"},
		{"urn:d", "v", "v"},
		{"", "disk", "disk disk"},
		{"*", "app", "app:app"},
	} {
		found, err := doc.Node().ElementsByTagNameNS(c.space, c.local, nil)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, n := range found {
			names = append(names, n.Name())
		}
		if got := strings.Join(names, " "); got != c.want {
			t.Errorf("ElementsByTagNameNS(%q, %q) = %s, want %s", c.space, c.local, got, c.want)
		}
	}
}

func first(a DOMAttr, _ bool) DOMAttr { return a }

func TestDocumentWriteOptions(t *testing.T) {
	doc, err := ParseDocument("<a k='é&quot;'>é<b/></a>", nil)
	if err != nil {
		t.Fatal(err)
	}
	// As Python: toxml(encoding="us-ascii"), toxml("utf-8",
	// standalone=True), firstChild.toxml().
	for _, c := range []struct {
		n    Node
		opts DOMWriteOptions
		want string
	}{
		{doc.Node(), DOMWriteOptions{Encoding: "us-ascii", ASCII: true}, `<?xml version="1.0" encoding="us-ascii"?><a k="&#233;&quot;">&#233;<b/></a>`},
		{doc.Node(), DOMWriteOptions{Encoding: "utf-8", Standalone: "yes"}, `<?xml version="1.0" encoding="utf-8" standalone="yes"?><a k="é&quot;">é<b/></a>`},
		{doc.Node().FirstChild().FirstChild(), DOMWriteOptions{}, "é"},
		{doc.Node().FirstChild().LastChild(), DOMWriteOptions{Indent: "<", Newl: "\n"}, "<<b/>\n"},
		{doc.Node().FirstChild().FirstChild(), DOMWriteOptions{Indent: "<", Newl: "\n"}, "&lt;é\n"},
	} {
		var asked uint64
		got, err := c.n.WriteXML(c.opts, nil, func(n uint64) error { asked = n; return nil })
		if err != nil || got != c.want {
			t.Errorf("WriteXML(%s, %+v) = %q, %v; want %q", c.n.Name(), c.opts, got, err, c.want)
		}
		if asked != uint64(len(got)) {
			t.Errorf("asked for %d bytes, made %d", asked, len(got))
		}
	}
}

func TestDocumentLimits(t *testing.T) {
	src := "<r>" + strings.Repeat("<x><y/></x>", 1000) + "</r>"
	refused := errors.New("refused")
	var asked []uint64
	_, err := ParseDocument(src, func(n uint64) error {
		asked = append(asked, n)
		if len(asked) == 2 {
			return refused // the links, after the tree
		}
		return nil
	})
	if err != refused || asked[1] != linkBytes*2001 {
		t.Errorf("ParseDocument: %v, asked %v", err, asked)
	}
	doc, err := ParseDocument(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := &Meter{Limit: 1000}
	var we *WorkError
	if _, err := doc.Node().ElementsByTagName("y", m); !errors.As(err, &we) {
		t.Errorf("ElementsByTagName past the limit: %v", err)
	}
	if _, err := doc.Node().WriteXML(DOMWriteOptions{}, &Meter{Limit: 2000}, nil); !errors.As(err, &we) {
		t.Errorf("WriteXML past the limit: %v", err)
	}
	m = &Meter{}
	found, err := doc.Node().ElementsByTagName("y", m)
	if err != nil || len(found) != 1000 || m.Used != 2001 {
		t.Errorf("ElementsByTagName: %d found, %v, used %d", len(found), err, m.Used)
	}
	// A deep document is walked and written without recursion.
	deep, err := ParseDocument(strings.Repeat("<a>", 100000)+strings.Repeat("</a>", 100000), nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := deep.Node().WriteXML(DOMWriteOptions{}, nil, nil)
	if err != nil || len(s) != len(`<?xml version="1.0" ?>`)+99999*7+4 {
		t.Errorf("deep: %d bytes, %v", len(s), err)
	}
	// Its indentation grows with the square of its depth: counted, not
	// written, and refused.
	var wanted uint64
	_, err = deep.Node().WriteXML(DOMWriteOptions{AddIndent: strings.Repeat(" ", 1000)}, nil, func(n uint64) error { wanted = n; return refused })
	if want := uint64(1000 * 99999 * 99999); err != refused || wanted < want {
		t.Errorf("deep, indented: asked for %d bytes (want more than %d), %v", wanted, want, err)
	}
	// Counts past what a length can hold stop there.
	var c domCounter
	c.add(1<<40, 1<<10)
	c.add(1<<40, 1<<30)
	if c != domCountMax {
		t.Errorf("count %d, want %d", c, domCountMax)
	}
	c.add(1, 1)
	if c != domCountMax {
		t.Errorf("count %d, want %d", c, domCountMax)
	}
}

// Recorded with Python 3.11's xml.dom.minidom (the describe function,
// written in Python, printed the same lines).
const dom1Src = `<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
  <name>web&amp;1 "é"</name>
  <devices>
    <disk device='disk'><source file='/a&lt;b'/>t1<target dev='vda'/>t2</disk>
    <disk/>
  </devices>
  <qemu:commandline><qemu:arg value='-s'/></qemu:commandline>
  <metadata><app:app xmlns:app='urn:app' xmlns='urn:d' app:k='1' xml:lang='en'><v>x</v></app:app></metadata>
</domain>
`

const dom1Want = `9 #document parent=- prev=- next=- first=domain last=domain n=1
1 domain parent=#document prev=- next=- first=#text(\n  ) last=#text(\n) n=9 local=domain prefix= ns= attrs=[xmlns:qemu=http://libvirt.org/schemas/domain/qemu/1.0{http://www.w3.org/2000/xmlns/} type=kvm{}]
3 #text(\n  ) parent=domain prev=- next=name first=- last=- n=0
1 name parent=domain prev=#text(\n  ) next=#text(\n  ) first=#text(web&1 "é") last=#text(web&1 "é") n=1 local=name prefix= ns= attrs=[]
3 #text(web&1 "é") parent=name prev=- next=- first=- last=- n=0
3 #text(\n  ) parent=domain prev=name next=devices first=- last=- n=0
1 devices parent=domain prev=#text(\n  ) next=#text(\n  ) first=#text(\n    ) last=#text(\n  ) n=5 local=devices prefix= ns= attrs=[]
3 #text(\n    ) parent=devices prev=- next=disk first=- last=- n=0
1 disk parent=devices prev=#text(\n    ) next=#text(\n    ) first=source last=#text(t2) n=4 local=disk prefix= ns= attrs=[device=disk{}]
1 source parent=disk prev=- next=#text(t1) first=- last=- n=0 local=source prefix= ns= attrs=[file=/a<b{}]
3 #text(t1) parent=disk prev=source next=target first=- last=- n=0
1 target parent=disk prev=#text(t1) next=#text(t2) first=- last=- n=0 local=target prefix= ns= attrs=[dev=vda{}]
3 #text(t2) parent=disk prev=target next=- first=- last=- n=0
3 #text(\n    ) parent=devices prev=disk next=disk first=- last=- n=0
1 disk parent=devices prev=#text(\n    ) next=#text(\n  ) first=- last=- n=0 local=disk prefix= ns= attrs=[]
3 #text(\n  ) parent=devices prev=disk next=- first=- last=- n=0
3 #text(\n  ) parent=domain prev=devices next=qemu:commandline first=- last=- n=0
1 qemu:commandline parent=domain prev=#text(\n  ) next=#text(\n  ) first=qemu:arg last=qemu:arg n=1 local=commandline prefix=qemu ns=http://libvirt.org/schemas/domain/qemu/1.0 attrs=[]
1 qemu:arg parent=qemu:commandline prev=- next=- first=- last=- n=0 local=arg prefix=qemu ns=http://libvirt.org/schemas/domain/qemu/1.0 attrs=[value=-s{}]
3 #text(\n  ) parent=domain prev=qemu:commandline next=metadata first=- last=- n=0
1 metadata parent=domain prev=#text(\n  ) next=#text(\n) first=app:app last=app:app n=1 local=metadata prefix= ns= attrs=[]
1 app:app parent=metadata prev=- next=- first=v last=v n=1 local=app prefix=app ns=urn:app attrs=[xmlns:app=urn:app{http://www.w3.org/2000/xmlns/} xmlns=urn:d{http://www.w3.org/2000/xmlns/} app:k=1{urn:app} xml:lang=en{http://www.w3.org/XML/1998/namespace}]
1 v parent=app:app prev=- next=- first=#text(x) last=#text(x) n=1 local=v prefix= ns=urn:d attrs=[]
3 #text(x) parent=v prev=- next=- first=- last=- n=0
3 #text(\n) parent=domain prev=metadata next=- first=- last=- n=0
disk: disk@devices disk@devices
disk below root: 2
*: domain@#document name@domain devices@domain disk@devices source@disk target@disk disk@devices qemu:commandline@domain qemu:arg@qemu:commandline metadata@domain app:app@metadata v@app:app
* below root: 11
qemu:arg: qemu:arg@qemu:commandline
qemu:arg below root: 1
arg: 
arg below root: 0
v: v@app:app
v below root: 1
app:app: app:app@metadata
app:app below root: 1
nope: 
nope below root: 0
<?xml version="1.0" ?><domain xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0" type="kvm">
  <name>web&amp;1 &quot;é&quot;</name>
  <devices>
    <disk device="disk"><source file="/a&lt;b"/>t1<target dev="vda"/>t2</disk>
    <disk/>
  </devices>
  <qemu:commandline><qemu:arg value="-s"/></qemu:commandline>
  <metadata><app:app xmlns:app="urn:app" xmlns="urn:d" app:k="1" xml:lang="en"><v>x</v></app:app></metadata>
</domain>
<domain xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0" type="kvm">
  <name>web&amp;1 &quot;é&quot;</name>
  <devices>
    <disk device="disk"><source file="/a&lt;b"/>t1<target dev="vda"/>t2</disk>
    <disk/>
  </devices>
  <qemu:commandline><qemu:arg value="-s"/></qemu:commandline>
  <metadata><app:app xmlns:app="urn:app" xmlns="urn:d" app:k="1" xml:lang="en"><v>x</v></app:app></metadata>
</domain>
<?xml version="1.0" ?>
<domain xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0" type="kvm">
  
  
  <name>web&amp;1 &quot;é&quot;</name>
  
  
  <devices>
    
    
    <disk device="disk">
      <source file="/a&lt;b"/>
      t1
      <target dev="vda"/>
      t2
    </disk>
    
    
    <disk/>
    
  
  </devices>
  
  
  <qemu:commandline>
    <qemu:arg value="-s"/>
  </qemu:commandline>
  
  
  <metadata>
    <app:app xmlns:app="urn:app" xmlns="urn:d" app:k="1" xml:lang="en">
      <v>x</v>
    </app:app>
  </metadata>
  

</domain>


  
`

const dom2Src = `<a>x<b k="1">y<b/></b>z<c/><b/></a>`

const dom2Want = `9 #document parent=- prev=- next=- first=a last=a n=1
1 a parent=#document prev=- next=- first=#text(x) last=b n=5 local=a prefix= ns= attrs=[]
3 #text(x) parent=a prev=- next=b first=- last=- n=0
1 b parent=a prev=#text(x) next=#text(z) first=#text(y) last=b n=2 local=b prefix= ns= attrs=[k=1{}]
3 #text(y) parent=b prev=- next=b first=- last=- n=0
1 b parent=b prev=#text(y) next=- first=- last=- n=0 local=b prefix= ns= attrs=[]
3 #text(z) parent=a prev=b next=c first=- last=- n=0
1 c parent=a prev=#text(z) next=b first=- last=- n=0 local=c prefix= ns= attrs=[]
1 b parent=a prev=c next=- first=- last=- n=0 local=b prefix= ns= attrs=[]
b: b@a b@b b@a
b below root: 3
*: a@#document b@a b@b c@a b@a
* below root: 4
c: c@a
c below root: 1
a: a@#document
a below root: 0
<?xml version="1.0" ?><a>x<b k="1">y<b/></b>z<c/><b/></a>
<a>x<b k="1">y<b/></b>z<c/><b/></a>
<?xml version="1.0" ?>
<a>
  x
  <b k="1">
    y
    <b/>
  </b>
  z
  <c/>
  <b/>
</a>

x
`
