package xmlmod_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/xmlmod"
	"github.com/vertscript/vertscript/host"
)

// TestModules: the modules by their dotted names, each the member of its
// parent, and the predeclared names the same modules.
func TestModules(t *testing.T) {
	m := xmlmod.Modules(xmlmod.Options{})
	var names []string
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	if want := []string{"xml", "xml.dom", "xml.dom.minidom", "xml.etree", "xml.etree.ElementTree"}; !slices.Equal(names, want) {
		t.Errorf("Modules: %v, want %v", names, want)
	}
	for name, mod := range m {
		i := strings.LastIndex(name, ".")
		if i < 0 {
			continue
		}
		parent, last := name[:i], name[i+1:]
		v, err := m[parent].(starlark.HasAttrs).Attr(last)
		if err != nil || v != mod {
			t.Errorf("%s.%s is %v (%v), want the module %s", parent, last, v, err, name)
		}
	}
	pre := xmlmod.PredeclaredOf(m)
	if pre["minidom"] != m["xml.dom.minidom"] || pre["ET"] != m["xml.etree.ElementTree"] || pre["xml"] != m["xml"] {
		t.Errorf("PredeclaredOf(m) = %v: not the modules of m", pre)
	}
	out, err := run(t, `print(ET == xml.etree.ElementTree, ElementTree == ET, minidom == xml.dom.minidom, xml.dom.Node.TEXT_NODE, ET.XML("<a/>").tag)`, xmlmod.Options{}, nil)
	if want := "True True True 3 a\n"; out != want || err != "" {
		t.Errorf("got %q, %q; want %q", out, err, want)
	}
}

// TestReadFile: ET.parse and minidom.parse read a path through
// Options.ReadFile, named for the builtin, and nothing else; without a
// ReadFile they refuse, and a file object's read() still works.
func TestReadFile(t *testing.T) {
	var asked []string
	opts := xmlmod.Options{ReadFile: func(_ *starlark.Thread, op, path string) ([]byte, error) {
		asked = append(asked, op+" "+path)
		if path == "secret.xml" {
			return nil, &host.PolicyError{Op: op, Reason: "secret.xml is not readable"}
		}
		return []byte(`<a><b x="1">t</b><b/></a>`), nil
	}}
	tests := []struct {
		name  string
		opts  xmlmod.Options
		src   string
		out   string
		err   string
		asked []string
	}{
		{"ET.parse and the tree's searches", opts,
			`t = ET.parse("d.xml"); print(type(t), t, t.getroot().tag, t.find("b").get("x"), len(t.findall("b")), t.findtext("b"), t.findtext("c", "d"), len(t.iter()), len(t.iterfind("b")))`,
			"ElementTree <xml.etree.ElementTree.ElementTree object> a 1 2 t d 3 2\n", "", []string{"ElementTree.parse d.xml"}},
		{"minidom.parse", opts, `print(minidom.parse("d.xml").documentElement.tagName)`, "a\n", "", []string{"minidom.parse d.xml"}},
		{"the reader's refusal", opts, `ET.parse("secret.xml")`, "", "ElementTree.parse: refused by policy: secret.xml is not readable", []string{"ElementTree.parse secret.xml"}},
		{"no reader, no file", xmlmod.Options{}, `minidom.parse("d.xml")`, "", "minidom.parse: reading files is not allowed here: parse the text with fromstring or parseString", nil},
		{"no reader, ET", xmlmod.Options{}, `ET.parse("d.xml")`, "", "ElementTree.parse: reading files is not allowed here: parse the text with fromstring or parseString", nil},
		{"a parser", opts, `ET.parse("d.xml", parser=1)`, "", "ElementTree.parse: parser is not supported: leave it None", nil},
		{"malformed", xmlmod.Options{ReadFile: func(*starlark.Thread, string, string) ([]byte, error) { return []byte("<a>"), nil }},
			`ET.parse("d.xml")`, "", "ElementTree.parse: line 1, column 4: unexpected end of document: <a> is not closed", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asked = nil
			out, err := run(t, tt.src, tt.opts, nil)
			if out != tt.out || err != tt.err {
				t.Errorf("got %q, %q\nwant %q, %q", out, err, tt.out, tt.err)
			}
			if tt.opts.ReadFile != nil && tt.asked != nil && !slices.Equal(asked, tt.asked) {
				t.Errorf("read %q, want %q", asked, tt.asked)
			}
		})
	}
}

// TestBudget: the builtins charge the run's budget: parsing counts a step
// per tag and asks to allocate the tree; a search counts the elements it
// goes through, and stops at the step limit; the lists they make are
// charged before they are made.
func TestBudget(t *testing.T) {
	deep := `root = xml.fromstring("<a>" * 200 + "</a>" * 200)` + "\n"
	tests := []struct {
		name  string
		b     *testBudget
		src   string
		err   string
		limit string
		alloc string // a builtin that must have charged an allocation
	}{
		{"a search past the steps", &testBudget{lim: host.Limits{MaxSteps: 5000}}, deep + `root.findall(".//a//a")`,
			"max-steps: the script ran more than 5000 steps", "max-steps", ""},
		{"a search within the steps", &testBudget{lim: host.Limits{MaxSteps: 1_000_000}}, deep + `root.findall(".//a//a")`, "", "", "Element.findall"},
		{"a search past the memory", &testBudget{lim: host.Limits{MaxMemory: 64 * 100}}, deep + `root.iter()`,
			"max-memory: Element.iter would go through more than 100 elements", "max-memory", ""},
		{"a document too large", &testBudget{maxAlloc: 1000}, `xml.fromstring("<a>" + "<b/>" * 1000 + "</a>")`,
			"max-memory: xml.fromstring would build an element tree", "max-memory", "xml.fromstring"},
		{"a DOM too large", &testBudget{maxAlloc: 1000}, `minidom.parseString("<a>" + "<b/>" * 1000 + "</a>")`,
			"max-memory: minidom.parseString would build a document", "max-memory", "minidom.parseString"},
		{"parsing counts its tags", &testBudget{lim: host.Limits{MaxSteps: 500}}, `minidom.parseString("<a>" + "<b/>" * 1000 + "</a>")`,
			"max-steps: the script ran more than 500 steps", "max-steps", ""},
		{"childNodes are charged", &testBudget{}, `minidom.parseString("<a><b/></a>").documentElement.childNodes`, "", "", "minidom.Element.childNodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := run(t, tt.src, xmlmod.Options{}, tt.b)
			if err != tt.err {
				t.Errorf("got error %q, want %q", err, tt.err)
			}
			if tt.alloc != "" && !slices.Contains(tt.b.allocs, tt.alloc) {
				t.Errorf("allocations charged by %v, want one by %s", tt.b.allocs, tt.alloc)
			}
		})
	}
}

// TestLimitErrorsReachTheRun: the limit a builtin passes is the
// *host.LimitError itself, so that the adapter reports the limit.
func TestLimitErrorsReachTheRun(t *testing.T) {
	thread := &starlark.Thread{}
	b := &testBudget{lim: host.Limits{MaxSteps: 10}}
	setBudget(thread, b)
	fromstring, _ := xmlmod.Modules(xmlmod.Options{})["xml"].(starlark.HasAttrs).Attr("fromstring")
	_, err := starlark.Call(thread, fromstring, starlark.Tuple{starlark.String("<a>" + strings.Repeat("<b/>", 20) + "</a>")}, nil)
	var le *host.LimitError
	if !errors.As(err, &le) || le.Limit != "max-steps" {
		t.Errorf("got %v, want the max-steps limit error", err)
	}
}
