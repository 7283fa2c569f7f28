package lua_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
)

// domainXML is a small domain description for the xml module's tests.
const domainXML = `local root = xml.fromstring([[<domain type='kvm'>
  <name>vm</name>
  <devices>
    <disk device='disk'><target dev='vda'/></disk>
    <disk device='cdrom'><target dev='hdc'/><readonly/></disk>
    <interface type='bridge'><mac address='52:54:00:00:00:01'/><source bridge='br0'/></interface>
  </devices>
</domain>]])
`

func TestXML(t *testing.T) {
	var tests []script
	for _, tt := range []script{
		{"fields", `print(root.tag, root.attrib.type, root:get("type"), root:get("nope"), root:get("nope", "x"), root:children()[1].text, root.tail)`,
			"domain\tkvm\tkvm\tnil\tx\tvm\tnil\n", ""},
		{"text is nil when absent, a string when present",
			`print(root:find(".//readonly").text, #root.text, root:findtext(".//readonly") == "", root:findtext("nope"), root:findtext("nope", "d"))`,
			"nil\t3\ttrue\tnil\td\n", ""},
		{"children", `local d = root:find("devices"); local c = d:children()
print(#d, #c, c[1]:get("device"), c[3].tag, c[1] == d:findall("disk")[1], c[1] ~= c[2], d:find(".."))`,
			"3\t3\tdisk\tinterface\ttrue\ttrue\tnil\n", ""},
		{"find, findall, iterfind, iter, itertext, items, keys",
			`local e = xml.fromstring("<a z='1' y='2'>t<b/>u</a>")
print(#root:findall("devices/disk"), #root:iterfind(".//*"), #root:iter(), #root:iter("disk"), root:find("devices/disk[@device='cdrom']/target"):get("dev"),
  table.concat(e:itertext(), ","), e:items()[2][1], e:items()[2][2], table.concat(e:keys(), ","))`,
			"2\t10\t11\t2\thdc\tt,u\ty\t2\tz,y\n", ""},
		{"values", `print(type(root), tostring(root), getmetatable(root))`, "userdata\t<Element 'domain'>\tlocked\n", ""},
		{"attrib is a copy", `local a = root.attrib; a.type = "x"; print(root:get("type"), a.type)`, "kvm\tx\n", ""},
		{"elements are immutable", `root.tag = "x"`, "", "t.lua:9: cannot set field 'tag' of an Element: elements are immutable\nstack traceback:\n\t[G]: in function (anonymous)\n\tt.lua:9: in main chunk"},
		{"unknown fields", `print(root.nope)`, "", "t.lua:9: Element has no field or method 'nope'\nstack traceback:\n\t[G]: in function (anonymous)\n\tt.lua:9: in main chunk"},
		{"namespaces", `local m = xml.fromstring("<m xmlns:a='urn:a'><a:x k='v'>t</a:x></m>")
print(m:children()[1].tag, m:findtext("a:x", nil, {a = "urn:a"}), m:find("{urn:a}x"):get("k"), m:find("{*}x").text)`,
			"{urn:a}x\tt\tv\tt\n", ""},
		{"tostring", `local e = xml.fromstring("<a b='&quot;'>é<c/></a>")
print(xml.tostring(e), xml.tostring(e, "us-ascii"), xml.tostring(e, "utf-8", false))`,
			"<a b=\"&quot;\">é<c /></a>\t<a b=\"&quot;\">&#233;<c /></a>\t<a b=\"&quot;\">é<c></c></a>\n", ""},
		{"pcall catches xml errors", `print(pcall(xml.fromstring, "<a>\n<b>\n</a>"))
print(pcall(root.findall, root, "disk[0]"))`,
			"false\tt.lua:9: xml.fromstring: line 3, column 1: mismatched tag: <b> closed by </a>\nfalse\tt.lua:10: Element.findall: invalid path \"disk[0]\": XPath position >= 1 expected\n", ""},
		{"methods need ':'", `root.find("x")`, "", "t.lua:9: Element.find: called on string, want an Element (call methods with ':', as in el:find(...))\nstack traceback:\n\t[G]: in function 'find'\n\tt.lua:9: in main chunk"},
		{"not a string", `xml.fromstring({})`, "", "t.lua:9: bad argument #1 to fromstring (string expected, got table)\nstack traceback:\n\t[G]: in function 'fromstring'\n\tt.lua:9: in main chunk"},
		{"tostring of something else", `xml.tostring("<a/>")`, "", "t.lua:9: bad argument #1 to tostring (Element expected, got string)\nstack traceback:\n\t[G]: in function 'tostring'\n\tt.lua:9: in main chunk"},
		{"an unknown encoding", `xml.tostring(root, "latin-1")`, "", "t.lua:9: xml.tostring: unsupported encoding \"latin-1\": want \"unicode\", \"utf-8\" or \"us-ascii\"\nstack traceback:\n\t[G]: in function 'tostring'\n\tt.lua:9: in main chunk"},
		{"namespaces of another type", `root:find("a", 1)`, "", "t.lua:9: bad argument #3 to find (table expected, got number)\nstack traceback:\n\t[G]: in function 'find'\n\tt.lua:9: in main chunk"},
	} {
		tt.src = domainXML + tt.src
		tests = append(tests, tt)
	}
	runAll(t, tests)
}

// TestXMLLimits: a document larger than the memory limit, and a path that
// would go through too many elements, end the script with max-memory.
func TestXMLLimits(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"a huge document", `xml.fromstring("<a>" .. string.rep("<b/>", 2000000) .. "</a>")`,
			`^t\.lua:1: max-memory: xml\.fromstring would build an element tree of \d+ MiB, more than the 128 MiB allowed$`},
		{"a path that finds too much", "local root = xml.fromstring(string.rep(\"<a>\", 1000) .. string.rep(\"</a>\", 1000))\nprint(pcall(root.findall, root, './/a//a//a'))",
			`^t\.lua:2: max-memory: Element\.findall would go through more than 2097152 elements$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err, took := runLimited(t, host.Limits{MaxMemory: 128 * mib}, tt.src)
			var le *host.LimitError
			if !errors.As(err, &le) || le.Limit != "max-memory" || out != "" {
				t.Fatalf("got %v (printed %q), want a max-memory limit error that pcall does not catch", err, out)
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
