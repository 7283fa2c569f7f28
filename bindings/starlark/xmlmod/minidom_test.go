package xmlmod_test

import (
	"testing"

	"github.com/vertscript/vertscript/bindings/starlark/xmlmod"
)

// domainDoc is a small domain description for the minidom tests.
const domainDoc = `doc = minidom.parseString("""<domain type='kvm'>
  <name>vm</name>
  <devices>
    <disk device='disk'><target dev='vda'/></disk>
    <disk device='cdrom'><target dev='hdc'/><readonly/></disk>
  </devices>
</domain>""")
root = doc.documentElement
disk = root.getElementsByTagName("disk")[0]
`

func TestMinidom(t *testing.T) {
	tests := []struct {
		name, src string
		out, err  string
	}{
		{"the names of Python's imports",
			`print(xml.dom.minidom == minidom, xml.dom.Node.ELEMENT_NODE, minidom.Node.DOCUMENT_NODE, type(doc), type(root), type(root.firstChild))`,
			"True 1 9 minidom.Document minidom.Element minidom.Text\n", ""},
		{"values print as Python's, without addresses",
			`print(doc, root, root.firstChild, root.getElementsByTagName("name")[0].firstChild, minidom.parseString("<a>it's \"0123456789</a>").documentElement.firstChild)`,
			"<xml.dom.minidom.Document object> <DOM Element: domain> <DOM Text node \"'\\n  '\"> <DOM Text node \"'vm'\"> <DOM Text node \"'it\\'s \"0123'...\">\n", ""},
		{"nodes: identity, hashing, truth",
			`print(root == doc.firstChild, root != disk, len(set([root, doc.firstChild, disk])), bool(disk), disk in root.getElementsByTagName("disk"), root in root.getElementsByTagName("disk"))`,
			"True True 2 True True False\n", ""},
		{"NodeList: len, item, index, count, slices, +",
			`l = root.getElementsByTagName("disk")
print(len(l), l.length, l.item(1).getAttribute("device"), l.item(2), l.item(-1), l.index(disk), l.count(disk), l.count(root), type(l[1:]), len(l + l), type(l + [1]), len([1] + l), bool(root.getElementsByTagName("x")))`,
			"2 2 cdrom None None 0 1 0 minidom.NodeList 4 list 3 False\n", ""},
		{"NamedNodeMap: names, tuples, item, not iterable",
			`a = minidom.parseString("<a xmlns:q='urn:q' q:x='1' y='2'/>").documentElement.attributes
print(len(a), a["y"].value, a[("urn:q", "x")].value, a[(None, "y")].value, ("urn:q", "x") in a, ("", "y") in a, a.item(-1).name, a.item(3), a.getNamedItemNS("urn:q", "x").name, a.keys(), a.items())
for x in a:
    pass`,
			"3 2 1 2 True False y None q:x [\"xmlns:q\", \"q:x\", \"y\"] [(\"xmlns:q\", \"urn:q\"), (\"q:x\", \"1\"), (\"y\", \"2\")]\n",
			"minidom.NamedNodeMap value is not iterable"},
		{"a missing attribute name is a KeyError", `root.attributes["nope"]`,
			"", "key \"nope\" not in minidom.NamedNodeMap"},
		{"the NS forms: None is no namespace, \"\" matches nothing",
			`print(repr(disk.getAttributeNS(None, "device")), repr(disk.getAttributeNS("", "device")), disk.hasAttributeNS(None, "device"), len(doc.getElementsByTagNameNS(None, "disk")), len(doc.getElementsByTagNameNS("", "disk")), disk.getAttributeNodeNS("", "device"))`,
			"\"disk\" \"\" True 2 0 None\n", ""},
		{"Attr nodes",
			`a = disk.getAttributeNode("device")
print(a.name, a.value, a.nodeType, a.localName, a.prefix, a.namespaceURI, a.ownerElement == disk, a == disk.attributes["device"], disk.getAttributeNode("x"), a)`,
			"device disk 2 device None None True True None <xml.dom.minidom.Attr object>\n", ""},
		{"texts: data, length in characters",
			`t = minidom.parseString("<a>été</a>").documentElement.firstChild
print(t.data, t.nodeValue, t.wholeText, t.length, t.nodeName, t.attributes, t.localName, len(t.childNodes), t.hasChildNodes())`,
			"été été été 3 #text None None 0 False\n", ""},
		{"writexml calls the writer's write",
			`disk.writexml(out, "> ", "", "|\n")
doc.writexml(out, encoding="UTF-8")
print()`,
			"> <disk device=\"disk\">|\n> <target dev=\"vda\"/>|\n> </disk>|\n<?xml version=\"1.0\" encoding=\"UTF-8\"?><domain type=\"kvm\">\n  <name>vm</name>\n  <devices>\n    <disk device=\"disk\"><target dev=\"vda\"/></disk>\n    <disk device=\"cdrom\"><target dev=\"hdc\"/><readonly/></disk>\n  </devices>\n</domain>\n", ""},
		{"toxml with an encoding is bytes",
			`print(type(disk.toxml("utf-8")), minidom.parseString("<a>é</a>").toxml(encoding="ascii") == b'<?xml version="1.0" encoding="ascii"?><a>&#233;</a>', disk.toxml(standalone=True))`,
			"bytes True <disk device=\"disk\"><target dev=\"vda\"/></disk>\n", ""},
		{"parse reads a file object's read()",
			`print(minidom.parse(out).documentElement)`,
			"", "minidom.parse: for parameter file: got struct, want a path or a file"},
		{"bytes parse too", `print(minidom.parseString(b"<a/>").documentElement.tagName)`, "a\n", ""},
		{"an unknown encoding", `disk.toxml("latin-1")`,
			"", "minidom.Element.toxml: unsupported encoding \"latin-1\": want \"utf-8\" or \"us-ascii\""},
		{"a parser is refused", `minidom.parseString("<a/>", parser=1)`,
			"", "minidom.parseString: parser is not supported: leave it None"},
		{"malformed XML", `minidom.parseString("<a>\n<b>\n</a>")`,
			"", "minidom.parseString: line 3, column 1: mismatched tag: <b> closed by </a>"},
		{"not a string", `minidom.parseString(1)`,
			"", "minidom.parseString: for parameter string: got int, want string or bytes"},
		{"a text has no searches", `root.firstChild.getElementsByTagName("disk")`,
			"", "minidom.Text has no .getElementsByTagName field or method"},
		{"the document cannot be changed: methods", `print(hasattr(disk, "setAttribute"), "setAttribute" in dir(disk), "getAttribute" in dir(disk))
disk.setAttribute("device", "cdrom")`,
			"False False True\n", "minidom.Element.setAttribute: minidom documents are read-only in vertscript: write the XML you need as a string"},
		{"the document cannot be changed: new nodes", `doc.createElement("x")`,
			"", "minidom.Document.createElement: minidom documents are read-only in vertscript: write the XML you need as a string"},
		{"the document cannot be changed: children", `root.appendChild(disk)`,
			"", "minidom.Element.appendChild: minidom documents are read-only in vertscript: write the XML you need as a string"},
		{"the document cannot be changed: fields", `root.firstChild.data = "x"`,
			"", "minidom.Text.data: minidom documents are read-only in vertscript: write the XML you need as a string"},
		{"the document cannot be changed: attributes", `root.attributes.removeNamedItem("type")`,
			"", "NamedNodeMap.removeNamedItem: minidom documents are read-only in vertscript: write the XML you need as a string"},
		{"what is not minidom's is a plain missing attribute", `disk.nope`,
			"", "minidom.Element has no .nope field or method"},
		{"unlink and normalize do nothing", `print(doc.unlink(), root.normalize(), root.tagName)`, "None None domain\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := run(t, domainDoc+tt.src, xmlmod.Options{}, nil)
			if out != tt.out || err != tt.err {
				t.Errorf("got output %q, error %q\nwant output %q, error %q", out, err, tt.out, tt.err)
			}
		})
	}
}
