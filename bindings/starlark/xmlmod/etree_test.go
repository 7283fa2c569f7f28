package xmlmod_test

import (
	"testing"

	"github.com/vertscript/vertscript/bindings/starlark/xmlmod"
)

// domainXML is a small domain description for the xml module's tests.
const domainXML = `dom = """<domain type='kvm'>
  <name>vm</name>
  <devices>
    <disk device='disk'><target dev='vda'/></disk>
    <disk device='cdrom'><target dev='hdc'/><readonly/></disk>
    <interface type='bridge'><mac address='52:54:00:00:00:01'/><source bridge='br0'/></interface>
  </devices>
</domain>"""
root = xml.fromstring(dom)
`

func TestXML(t *testing.T) {
	tests := []struct {
		name, src string
		out, err  string
	}{
		{"fields", `print(root.tag, root.attrib, root.get("type"), root.get("nope"), root.get("nope", "x"), root[0].text, repr(root.find("devices").tail), root.tail)`,
			"domain {\"type\": \"kvm\"} kvm None x vm \"\\n\" None\n", ""},
		{"text is None when absent, a string when present",
			`print(root.find(".//readonly").text, repr(root.text), repr(root.findtext(".//readonly")), root.findtext("nope"), root.findtext("nope", "d"))`,
			"None \"\\n  \" \"\" None d\n", ""},
		{"children: len, index, slices, iteration",
			`d = root.find("devices")
print(len(d), d[0].get("device"), d[-1].tag, [c.tag for c in d[1:]], [c.tag for c in d], [c.tag for c in d[::-1]])`,
			"3 disk interface [\"disk\", \"interface\"] [\"disk\", \"disk\", \"interface\"] [\"interface\", \"disk\", \"disk\"]\n", ""},
		{"find, findall, iterfind, iter, itertext",
			`print([d.get("device") for d in root.findall("devices/disk")], root.find("devices/disk[@device='cdrom']/target").get("dev"),
      len(root.iterfind(".//*")), len(root.iter()), len(root.iter("disk")), root.find("devices").find("..") , root.find("name").itertext())`,
			"[\"disk\", \"cdrom\"] hdc 10 11 2 None [\"vm\"]\n", ""},
		{"items and keys in document order",
			`e = xml.fromstring("<a z='1' y='2' x='3'/>"); print(e.items(), e.keys(), e.attrib)`,
			"[(\"z\", \"1\"), (\"y\", \"2\"), (\"x\", \"3\")] [\"z\", \"y\", \"x\"] {\"z\": \"1\", \"y\": \"2\", \"x\": \"3\"}\n", ""},
		{"values: type, str, truth, identity, hashing",
			`e = root.find(".//readonly")
print(type(root), str(root), bool(e), len(e), root.find("name") == root[0], root[0] != root[1], len(set([root[0], root.find("name")])), "find" in dir(root))`,
			"Element <Element 'domain'> True 0 True True 1 True\n", ""},
		{"elements are immutable", `root.attrib["type"] = "x"`,
			"", "cannot insert into frozen hash table"},
		{"no mutating methods", `root.set("type", "x")`,
			"", "Element has no .set field or method (did you mean .get?)"},
		{"namespaces", `m = xml.fromstring("<m xmlns:a='urn:a'><a:x k='v'>t</a:x></m>")
print(m[0].tag, m.findtext("a:x", namespaces={"a": "urn:a"}), m.find("{urn:a}x").get("k"), m.find("{*}x").text)`,
			"{urn:a}x t v t\n", ""},
		{"tostring: bytes by default, as Python",
			`e = xml.fromstring("<a b='&quot;'>é<c/></a>")
print(type(xml.tostring(e)), xml.tostring(e, encoding="unicode"), xml.tostring(e, "US-ASCII") == b"<a b=\"&quot;\">&#233;<c /></a>", xml.tostring(e, encoding="utf-8", short_empty_elements=False))`,
			"bytes <a b=\"&quot;\">é<c /></a> True <a b=\"&quot;\">é<c></c></a>\n", ""},
		{"the names of Python's imports", `print(ET.fromstring("<a/>").tag, xml.etree.ElementTree.fromstring("<b/>").tag, ET.tostring == xml.tostring)`,
			"a b True\n", ""},
		{"malformed XML", `xml.fromstring("<a>\n<b>\n</a>")`,
			"", "xml.fromstring: line 3, column 1: mismatched tag: <b> closed by </a>"},
		{"not a string", `xml.fromstring(1)`,
			"", "xml.fromstring: for parameter text: got int, want string"},
		{"a path error", `root.findall("devices/disk[0]")`,
			"", "Element.findall: invalid path \"devices/disk[0]\": XPath position >= 1 expected"},
		{"an unknown prefix", `root.find("a:b", {"c": "urn:c"})`,
			"", "Element.find: invalid path \"a:b\": prefix \"a\" not found in prefix map"},
		{"namespaces of another type", `root.find("a", ["x"])`,
			"", "Element.find: for parameter namespaces: got list, want dict or None"},
		{"tostring of something else", `xml.tostring("<a/>")`,
			"", "xml.tostring: for parameter element: got string, want Element"},
		{"an unknown encoding", `xml.tostring(root, encoding="latin-1")`,
			"", "xml.tostring: unsupported encoding \"latin-1\": want \"us-ascii\", \"utf-8\" or \"unicode\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := run(t, domainXML+tt.src, xmlmod.Options{}, nil)
			if out != tt.out || err != tt.err {
				t.Errorf("got output %q, error %q\nwant output %q, error %q", out, err, tt.out, tt.err)
			}
		})
	}
}
