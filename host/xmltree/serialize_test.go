package xmltree

import "testing"

func TestToStringAsPython(t *testing.T) {
	root := mustParse(t, doc)
	find := func(e *Element, path string) *Element {
		p, err := Compile(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		x, _ := p.Find(e, nil)
		return x
	}
	esc := mustParse(t, "<a x='&quot;&lt;&#10;&#9;&#13;é' y=\"'\">é&amp;&lt;&gt;<b/>tail&#13;<c></c></a>")
	nsd := mustParse(t, "<a xmlns='urn:d' xmlns:x='http://www.w3.org/2001/XMLSchema-instance' x:t='1' xml:lang='en'><b xmlns:y='urn:y' y:z='2'/></a>")
	// Recorded with Python 3.11: ET.tostring(e), or with encoding=...,
	// short_empty_elements=False.
	for _, c := range []struct {
		e    *Element
		opts WriteOptions
		want string
	}{
		{find(root, "devices/a"), WriteOptions{ASCII: true}, "<a><a><a><b>x</b></a><b>y<c />z</b></a></a>\n  "},
		{find(root, "{*}commandline"), WriteOptions{ASCII: true}, `<ns0:commandline xmlns:ns0="http://libvirt.org/schemas/domain/qemu/1.0"><ns0:arg value="-s" /></ns0:commandline>` + "\n  "},
		{find(root, "metadata"), WriteOptions{}, `<metadata xmlns:ns0="urn:app"><ns0:app><ns0:v>1</ns0:v></ns0:app></metadata>` + "\n"},
		{esc, WriteOptions{ASCII: true}, `<a x="&quot;&lt;&#10;&#09;&#13;&#233;" y="'">&#233;&amp;&lt;&gt;<b />tail` + "\r<c /></a>"},
		{esc, WriteOptions{}, `<a x="&quot;&lt;&#10;&#09;&#13;é" y="'">é&amp;&lt;&gt;<b />tail` + "\r<c /></a>"},
		{esc, WriteOptions{ASCII: true, LongEmpty: true}, `<a x="&quot;&lt;&#10;&#09;&#13;&#233;" y="'">&#233;&amp;&lt;&gt;<b></b>tail` + "\r<c></c></a>"},
		{esc.Child(0), WriteOptions{ASCII: true}, "<b />tail\r"},
		{nsd, WriteOptions{ASCII: true}, `<ns0:a xmlns:ns0="urn:d" xmlns:ns2="urn:y" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:t="1" xml:lang="en"><ns0:b ns2:z="2" /></ns0:a>`},
	} {
		var asked uint64
		got, err := ToString(c.e, c.opts, nil, func(n uint64) error { asked = n; return nil })
		if err != nil || got != c.want {
			t.Errorf("ToString(<%s>, %+v) = %q, %v\nwant %q", c.e.Tag(), c.opts, got, err, c.want)
		}
		if asked != uint64(len(got)) {
			t.Errorf("asked for %d bytes, made %d", asked, len(got))
		}
	}
}
