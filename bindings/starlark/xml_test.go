package starlark_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
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
			"", "t.star:10:12: cannot insert into frozen hash table\nTraceback (most recent call last):\n  t.star:10:12: in <toplevel>"},
		{"no mutating methods", `root.set("type", "x")`,
			"", "t.star:10:5: Element has no .set field or method (did you mean .get?)\nTraceback (most recent call last):\n  t.star:10:5: in <toplevel>"},
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
			"", "t.star:10:15: xml.fromstring: line 3, column 1: mismatched tag: <b> closed by </a>\nTraceback (most recent call last):\n  t.star:10:15: in <toplevel>"},
		{"not a string", `xml.fromstring(1)`,
			"", "t.star:10:15: xml.fromstring: for parameter text: got int, want string\nTraceback (most recent call last):\n  t.star:10:15: in <toplevel>"},
		{"a path error", `root.findall("devices/disk[0]")`,
			"", "t.star:10:13: Element.findall: invalid path \"devices/disk[0]\": XPath position >= 1 expected\nTraceback (most recent call last):\n  t.star:10:13: in <toplevel>"},
		{"an unknown prefix", `root.find("a:b", {"c": "urn:c"})`,
			"", "t.star:10:10: Element.find: invalid path \"a:b\": prefix \"a\" not found in prefix map\nTraceback (most recent call last):\n  t.star:10:10: in <toplevel>"},
		{"namespaces of another type", `root.find("a", ["x"])`,
			"", "t.star:10:10: Element.find: for parameter namespaces: got list, want dict or None\nTraceback (most recent call last):\n  t.star:10:10: in <toplevel>"},
		{"tostring of something else", `xml.tostring("<a/>")`,
			"", "t.star:10:13: xml.tostring: for parameter element: got string, want Element\nTraceback (most recent call last):\n  t.star:10:13: in <toplevel>"},
		{"an unknown encoding", `xml.tostring(root, encoding="latin-1")`,
			"", "t.star:10:13: xml.tostring: unsupported encoding \"latin-1\": want \"us-ascii\", \"utf-8\" or \"unicode\"\nTraceback (most recent call last):\n  t.star:10:13: in <toplevel>"},
		{"libvirt.catch does not catch xml errors", `libvirt.catch(xml.fromstring, "<a>")`,
			"", "t.star:10:14: xml.fromstring: line 1, column 4: unexpected end of document: <a> is not closed\nTraceback (most recent call last):\n  t.star:10:14: in <toplevel>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runScript(t, context.Background(), domainXML+tt.src)
			if out != tt.out || err != tt.err {
				t.Errorf("got output %q, error %q\nwant output %q, error %q", out, err, tt.out, tt.err)
			}
		})
	}
}

// TestXMLLimits: a document larger than the memory limit, and a path that
// would go through too many elements, end the script with their limit.
func TestXMLLimits(t *testing.T) {
	small := host.Limits{MaxSteps: 10_000_000, MaxMemory: 64 * mib}
	tests := []struct {
		name   string
		limits host.Limits
		src    string
		limit  string
		want   string
	}{
		{"a huge document", small, `xml.fromstring("<a>" + "<b/>" * 2000000 + "</a>")`,
			// Under -race the heap poller may see the 8 MB string's
			// shadow first and stop the run at the *.
			"max-memory", `^t\.star:1:(15: max-memory: xml\.fromstring would build an element tree of \d+ MiB, more than the 64 MiB allowed|41: max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB)$`},
		{"a path that finds too much", host.Limits{MaxSteps: 1_000_000, MaxMemory: 1 << 30}, "root = xml.fromstring(\"<a>\" * 1000 + \"</a>\" * 1000)\nroot.findall('.//a//a//a')",
			"max-steps", `^t\.star:2:13: max-steps: the script ran more than 1000000 steps$`},
		{"a path that finds too much for the memory", host.Limits{MaxMemory: 128 * mib}, "root = xml.fromstring(\"<a>\" * 1000 + \"</a>\" * 1000)\nroot.findall('.//a//a//a')",
			"max-memory", `^t\.star:2:13: max-memory: Element\.findall would go through more than 2097152 elements$`},
		{"steps are counted", host.Limits{MaxSteps: 50_000}, "root = xml.fromstring(\"<a>\" + \"<b/>\" * 10000 + \"</a>\")\nfor i in range(10):\n    root.iter()\n",
			"max-steps", `^t\.star:3:14: max-steps: the script ran more than 50000 steps$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err, took := runLimited(t, tt.limits, tt.src)
			var le *host.LimitError
			if !errors.As(err, &le) || le.Limit != tt.limit {
				t.Fatalf("got %v, want a %s limit error", err, tt.limit)
			}
			first, _, _ := strings.Cut(err.Error(), "\n")
			if !regexp.MustCompile(tt.want).MatchString(first) {
				t.Errorf("got %q, want %s", first, tt.want)
			}
			if took > within {
				t.Errorf("took %s", took)
			}
		})
	}
}
