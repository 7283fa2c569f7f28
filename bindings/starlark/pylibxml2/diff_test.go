package pylibxml2

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
)

// The differential test evaluates XPath expressions over libvirt's XML
// (a domain, the capabilities, a network, a pool, from the test driver,
// and a domain with namespaces) with python3's libxml2 and with this
// package, and compares what each prints of the results: every node's
// type, name, content, serialization, neighbours, properties and
// attribute reads.

// diffCase is an expression to evaluate over a file, from each node that
// ctx selects ("" for a new context).
type diffCase struct {
	File string     `json:"file"`
	Ctx  string     `json:"ctx"`
	Expr string     `json:"expr"`
	NS   [][]string `json:"ns,omitempty"`
}

// everywhere are the expressions evaluated over every file.
var everywhere = []string{
	"/", "/*", "/*/*", "//*", "//@*", "//text()", "//node()", "/*/node()", "/*/text()[2]",
	"count(//*)", "count(//@*)", "count(//text())", "string(/*)", "name(/*)", "local-name(/*/*[1])",
	"string(/*/@type)", "/*/*[1]", "/*/*[last()]", "/*/*[position() > 2]", "/*/*[last() - 1]",
	"/*/name", "string(/*/name)", "/*/uuid/text()", "normalize-space(/*)", "string-length(/*/name)",
	"//*[@type]", "//*[not(@type)]", "//*[@type and @id]", "//*[@type or @unit]", "//@unit",
	"//*[@unit='KiB']", "//*[@unit!='KiB']", "//*[*]", "//*[not(*)]", "//*[text()]",
	"//*[name='default']", "//*[name]", "//*[1]", "(//*)[1]", "(//*)[last()]", "(//@*)[3]",
	"//*[count(*) = 2]", "//*[count(*) > 1]/@*", "sum(//@size)", "sum(//memory)", "//*[. = '0']",
	"//*[starts-with(name(), 'c')]", "//*[contains(., 'i')]", "//*[string-length(name()) = 4]",
	"concat(name(/*), '-', count(//*), '-', string(/*/name))", "translate(string(/*/uuid), 'abcdef', 'ABCDEF')",
	"substring(string(/*/uuid), 3, 5)", "substring-before(string(/*/uuid), '-')", "substring-after(string(/*/uuid), '-')",
	"//*/..", "//*/.", "/*/*/..", "//*[..]", "//@*/..", "//*[@*]/@*[1]", "//*/@*[last()]",
	"//*/parent::*", "//*/ancestor::*", "//*/ancestor-or-self::*[2]", "/*/*[2]/following-sibling::*",
	"/*/*[3]/preceding-sibling::*", "/*/*[3]/preceding-sibling::*[1]", "/*/*[2]/following::*[2]",
	"(//*)[5]/preceding::*", "//*[last()]/preceding::*[1]", "descendant::*", "child::*", "self::node()",
	"//*/descendant::*[1]", "/descendant-or-self::node()[3]", "//*/attribute::*[1]",
	"//*[@* = '0']", "//*[@* > 1]", "//@*[. < 10]", "//*[@id = 0]", "//*[@id = '0']", "//*[@id != 1]",
	"count(//*) > 3", "count(//*) = count(//*)", "//* = 'default'", "//* != 'x'", "//@* = //@*",
	"boolean(//nothing)", "not(//nothing)", "true()", "false()", "true() = 1", "'a' = 'a'", "1 < 2",
	"2 <= 1", "3 mod 2", "-3 mod 2", "7 div 2", "1 div 0", "-1 div 0", "0 div 0", "-(2 + 3) * 4",
	"number('12')", "number(' 12.5 ')", "number('x')", "number('1e3')", "number(true())", "number(//nothing)",
	"floor(2.5)", "ceiling(2.5)", "round(2.5)", "round(-2.5)", "round(-0.4)", "floor(-0)",
	"string(1 div 3)", "string(2 div 3 * 1000000)", "string(1e10)", "string(0.1)", "string(1 div 0)",
	"string(0 div 0)", "string(123456789012)", "string(0.000001)", "string(12345.678)", "string(2147483647)",
	"string(-2147483648)", "string(1500000000)", "string(-1.5e-7)", "string(true())", "string(1 = 2)",
	"string(sum(//@id))", "string(-0.5)", "string(100)", "string(99999999.5)",
	"lang", "/*/lang", "//nothing", "string(//nothing)", "name(//nothing)", "count(//nothing)",
	"/*[", "/*/", "//", "1 +", "foo()", "//@", "(//*)[", "'unterminated", "//* | 1", "count(1)",
	"/*/*[1] | /*/*[2] | /*/*[1]", "(/*/*[2] | /*/*[1])[1]", "//*[@type][1]", "//*[1][@type]",
	"//*[position() = last()]", "//*[position() mod 2 = 0]", "/*/*[position() < 3][last()]",
	"//*[@type='file' or @type='network']/@type", "//*[not(@type='file')][@type]",
	"normalize-space('  a   b  ')", "translate('abc', 'ab', 'A')", "string-length('héllo')",
	"starts-with('abc', '')", "contains('', '')", "substring('12345', 1.5, 2.6)", "substring('12345', 0, 3)",
	"substring('12345', 0 div 0, 3)", "substring('12345', -42, 1 div 0)", "substring('12345', 2)",
	"concat('a', 1, true())", "1 = '1'", "'a' < 'b'", "1.5", ".5", "5.", "1e-3", "2 * 3", "4 - -2",
	"* * *", "*", "div", "mod", "and", "or", "/*/* div 0", "//*[1] = //*[2]",
	"//.", "//..", "//*[. = 'x']", "//*/text()", "//*[1]/text()", "/comment()", "//comment()", "//processing-instruction()",
	"/node()", "count(/node())", "//*/node()[1]", "string(//*[2])",
}

// perFile are expressions for one file.
var perFile = map[string][]string{
	"domain.xml": {
		"/domain/devices/*", "/domain/devices/disk/target/@dev", "/domain/os/type", "/domain/os/kernel",
		"string(/domain/memory)", "/domain/devices/disk[target/@dev='vda']/source/@file",
		"count(/domain/devices/interface)", "/domain/devices/interface/mac/@address",
		"/domain/devices/*[@type='pci']", "//address[@bus='0x00']/@slot",
	},
	"rich.xml": {
		"/domain/metadata/*", "/domain/metadata/instance", "/domain/metadata/*[2]/*", "//@*[local-name()='level']",
		"name(/domain/metadata/*[1])", "namespace-uri(/domain/metadata/*[1])", "local-name(/domain/metadata/*[1])",
		"name(/domain/metadata/*[1]/@*[1])", "namespace-uri(/domain/metadata/*[1]/@*[1])",
		"/domain/qemu:commandline", "/domain/*[local-name()='commandline']/*", "string(/domain/description)",
		"string(/domain/numatune/memory/@nodeset)", "/domain/numatune/memnode", "/domain/cpu/numa/cell[@id='1']/@memory",
		"/domain/devices/disk[@device='cdrom']/readonly", "/domain/devices/interface[not(target)]",
		"/domain/memtune/*", "/domain/memtune/hard_limit/text()", "//disk[source/@dev]/target/@dev",
		"/domain/os/boot[2]/@dev", "//*[@app1:level]", "string(/domain/name)", "string-length(/domain/name)",
		"translate(/domain/name, 'é', 'e')", "//*[namespace-uri() != '']",
	},
	"capabilities.xml": {
		"/capabilities/host/cpu/arch", "count(/capabilities/host/topology/cells/cell)",
		"/capabilities/host/topology/cells/cell[@id='1']/cpus/cpu/@id", "/capabilities/guest/arch/@name",
		"/capabilities/guest[os_type='hvm']/arch/domain/@type", "sum(/capabilities/host/topology/cells/cell/memory)",
		"/capabilities/host/topology/cells/cell[last()]/memory", "//cpu[@id > 5]/@core_id",
	},
}

// relative are expressions evaluated from each node a context selects.
var relative = []struct {
	file, ctx string
	exprs     []string
}{
	{"domain.xml", "/domain/devices/*", []string{"@type", "source/@file", "target/@dev", "mac/@address", "source/@bridge", ".", "..", "name()", "string()", "count(*)", "*[1]", "following-sibling::*[1]", "preceding-sibling::*", "/domain/name", "ancestor::*", "address/@*", "string(@type)", "@*"}},
	{"rich.xml", "/domain/numatune/memnode", []string{"@cellid", "@nodeset", "/domain/cpu/numa/cell[@id=current()]", "string(@mode)", "/domain/cpu/numa/cell[@id='0']/@memory"}},
	{"rich.xml", "//@*", []string{".", "..", "name()", "string()", "following::*[1]", "preceding::*[1]", "ancestor::*[1]", "self::node()", "node()", "text()", "following-sibling::*", "parent::*"}},
	{"rich.xml", "//text()", []string{".", "..", "name()", "following-sibling::*[1]", "preceding-sibling::node()[1]", "following::text()[1]"}},
	{"network.xml", "/", []string{"network", "network/ip/@address", "*", "node()", ".", "..", "name()", "string(network/name)"}},
	{"saved.xml", "/domain/devices/disk/*", []string{"@*", "..", "name()", "following-sibling::*", "preceding::*[1]", "text()", "node()"}},
	{"inner.xml", "//*", []string{"@*", "..", ".", "name()", "string()", "*", "text()", "following-sibling::*[1]", "preceding-sibling::*[1]"}},
	{"pool.xml", "/pool/*", []string{"@unit", "text()", "*", "string(.) = '0'", ". > 0", "number(.) + 1"}},
}

// namespaced are expressions with registered prefixes.
var namespaced = []string{
	"/domain/q:commandline/q:arg/@value", "//q:*", "//a:foo/@a:level", "//a:foo/@level", "//n:instance/n:name",
	"name(//n:instance)", "//q:arg | //q:env", "count(//n:*)", "//x:nothing", "//q:commandline/*[@name]",
}

// diffCases lists every case.
func diffCases() []diffCase {
	var cases []diffCase
	files := []string{"domain.xml", "capabilities.xml", "network.xml", "pool.xml", "rich.xml", "saved.xml", "inner.xml", "odd.xml"}
	for _, f := range files {
		for _, e := range append(append([]string{}, everywhere...), perFile[f]...) {
			cases = append(cases, diffCase{File: f, Expr: e})
		}
	}
	for _, r := range relative {
		for _, e := range r.exprs {
			cases = append(cases, diffCase{File: r.file, Ctx: r.ctx, Expr: e})
		}
	}
	ns := [][]string{{"q", "http://libvirt.org/schemas/domain/qemu/1.0"}, {"a", "http://app1.org/app1/"}, {"n", "http://openstack.org/xmlns/libvirt/nova/1.0"}}
	for _, e := range namespaced {
		cases = append(cases, diffCase{File: "rich.xml", Expr: e, NS: ns})
	}
	return cases
}

// pyHarness prints, for each case, what libxml2 evaluates.
const pyHarness = `
import json, sys, libxml2
libxml2.registerErrorHandler(lambda c, s: None, None)
def esc(s):
    if s is None: return "None"
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
def num(f):
    if f != f: return "nan"
    if f in (float("inf"), float("-inf")): return "inf" if f > 0 else "-inf"
    return "%.17g" % f
def short(n):
    if n is None: return "None"
    return "%s:%s" % (n.type, esc(n.name))
PROPS = ["type", "dev", "name", "unit", "id", "file", "nope", "level", "plain", "value"]
def node(n):
    parts = [n.type, esc(n.name), esc(n.content), esc(n.get_content()), esc(n.serialize()), esc(str(n)),
             esc(n.serialize("UTF-8")), short(n.parent), short(n.children), short(n.next), short(n.prev),
             short(n.last), short(n.properties), short(n.doc), short(n.get_parent())]
    parts += [esc(n.prop(p)) for p in PROPS]
    parts += [esc(n.noNsProp("level")), esc(n.nsProp("level", "http://app1.org/app1/")), short(n.hasProp("level")),
              short(n.hasNsProp("level", None)), str(n.isText()), str(n.isBlankNode())]
    parts.append(",".join(short(w) for w in n.walk_depth_first()))
    parts.append(",".join(short(w) for w in n.walk_breadth_first()))
    return "{" + "|".join(parts) + "}"
def show(r):
    if isinstance(r, list): return "list[" + ",".join(node(x) for x in r) + "]"
    if isinstance(r, str): return "str:" + esc(r)
    if isinstance(r, float): return "float:" + num(r)
    if isinstance(r, int): return "int:%d" % r
    return "other:" + type(r).__name__
docs = {}
for c in json.load(open(sys.argv[1])):
    f = c["file"]
    if f not in docs:
        with open(f) as fp: docs[f] = libxml2.parseDoc(fp.read())
    ctx = docs[f].xpathNewContext()
    for p, u in c.get("ns") or []: ctx.xpathRegisterNs(p, u)
    nodes = [None]
    if c["ctx"]: nodes = ctx.xpathEval(c["ctx"])
    for n in nodes:
        if n is not None: ctx.setContextNode(n)
        try: out = show(ctx.xpathEval(c["expr"]))
        except libxml2.libxmlError as e: out = "EXC %s %s" % (type(e).__name__, e)
        print("%s [%s] %s => %s" % (f, c["ctx"], c["expr"], out))
`

// python returns /usr/bin/python3 when it has libxml2, or skips t.
func python(t *testing.T) string {
	t.Helper()
	const py = "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		t.Skip("no /usr/bin/python3")
	}
	if err := exec.Command(py, "-c", "import libxml2").Run(); err != nil {
		t.Skip("python3's libxml2 is not installed (apt-get install python3-libxml2)")
	}
	return py
}

func TestDifferential(t *testing.T) {
	py := python(t)
	cases := diffCases()
	dir := t.TempDir()
	casesFile := filepath.Join(dir, "cases.json")
	data, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(casesFile, data, 0o600); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "harness.py")
	if err := os.WriteFile(script, []byte(pyHarness), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, script, casesFile)
	cmd.Dir = "testdata"
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	got := goResults(t, cases)
	compared, refused, refusedReads := 0, 0, 0
	for i := 0; i < len(want) || i < len(got); i++ {
		w, g := "", ""
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		// A construct vertscript refuses is an xpathError that names it:
		// never a different answer.
		if strings.Contains(g, "in vertscript's XPath") {
			refused++
			t.Logf("refused: %s\n  libxml2: %.200s", g, w)
			continue
		}
		compared++
		if strings.Contains(g, refusedMark) {
			// A read refused by name stands for whatever libxml2 read.
			pattern := strings.ReplaceAll(regexp.QuoteMeta(g), refusedMark, ".*?")
			if regexp.MustCompile("^" + pattern + "$").MatchString(w) {
				refusedReads++
				continue
			}
		}
		if w != g {
			t.Errorf("differs:\n  libxml2:    %.2000s\n  vertscript: %.2000s", w, g)
		}
	}
	t.Logf("%d results compared (%d of them with node reads refused by name), %d expressions refused by name", compared, refusedReads, refused)
}

// goResults prints what this package evaluates, as pyHarness does.
func goResults(t *testing.T, cases []diffCase) []string {
	t.Helper()
	thread := &starlark.Thread{Name: "test"}
	mod := Module(Options{}).(starlark.HasAttrs)
	parseDoc, _ := mod.Attr("parseDoc")
	docs := map[string]starlark.Value{}
	var lines []string
	for _, c := range cases {
		doc, ok := docs[c.File]
		if !ok {
			src, err := os.ReadFile(filepath.Join("testdata", c.File))
			if err != nil {
				t.Fatal(err)
			}
			doc = mustCall(t, thread, parseDoc, starlark.String(src))
			docs[c.File] = doc
		}
		ctx := callMethod(t, thread, doc, "xpathNewContext")
		for _, ns := range c.NS {
			callMethod(t, thread, ctx, "xpathRegisterNs", starlark.String(ns[0]), starlark.String(ns[1]))
		}
		nodes := []starlark.Value{nil}
		if c.Ctx != "" {
			list := callMethod(t, thread, ctx, "xpathEval", starlark.String(c.Ctx)).(*starlark.List)
			nodes = nil
			for v := range list.Elements() {
				nodes = append(nodes, v)
			}
		}
		for _, n := range nodes {
			if n != nil {
				callMethod(t, thread, ctx, "setContextNode", n)
			}
			eval, _ := ctx.(starlark.HasAttrs).Attr("xpathEval")
			var out string
			v, err := starlark.Call(thread, eval, starlark.Tuple{starlark.String(c.Expr)}, nil)
			if err != nil {
				e, ok := pyerr.As(err)
				if !ok {
					t.Fatalf("%s: %s: %v", c.File, c.Expr, err)
				}
				out = fmt.Sprintf("EXC %s %s", e.Class, e.Msg)
			} else {
				out = show(t, thread, v)
			}
			lines = append(lines, fmt.Sprintf("%s [%s] %s => %s", c.File, c.Ctx, c.Expr, out))
		}
	}
	return lines
}

func mustCall(t *testing.T, thread *starlark.Thread, f starlark.Value, args ...starlark.Value) starlark.Value {
	t.Helper()
	v, err := starlark.Call(thread, f, starlark.Tuple(args), nil)
	if err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return v
}

func callMethod(t *testing.T, thread *starlark.Thread, x starlark.Value, name string, args ...starlark.Value) starlark.Value {
	t.Helper()
	m, err := x.(starlark.HasAttrs).Attr(name)
	if err != nil || m == nil {
		t.Fatalf("%s has no %s: %v", x.Type(), name, err)
	}
	return mustCall(t, thread, m, args...)
}

// refusedMark stands for a read that vertscript refuses by name.
const refusedMark = "@@REFUSED@@"

// read is the value of a field or of a method's call on x, and whether
// vertscript refused it (only its own errors that say so may be).
func read(t *testing.T, thread *starlark.Thread, x starlark.Value, name string, args ...starlark.Value) (starlark.Value, bool) {
	t.Helper()
	v, err := x.(starlark.HasAttrs).Attr(name)
	if err == nil && v != nil && (len(args) > 0 || strings.HasPrefix(name, "get") || isMethod(name)) {
		v, err = starlark.Call(thread, v, starlark.Tuple(args), nil)
	}
	if err != nil {
		if strings.Contains(err.Error(), "does not keep as nodes") {
			return nil, true
		}
		t.Fatalf("%s.%s: %v", x.Type(), name, err)
	}
	if v == nil {
		t.Fatalf("%s has no %s", x.Type(), name)
	}
	return v, false
}

func isMethod(name string) bool {
	switch name {
	case "serialize", "isText", "isBlankNode", "walk_depth_first", "walk_breadth_first":
		return true
	}
	return false
}

// field formats a read with f, or marks it refused.
func field(t *testing.T, thread *starlark.Thread, x starlark.Value, f func(starlark.Value) string, name string, args ...starlark.Value) string {
	t.Helper()
	v, refused := read(t, thread, x, name, args...)
	if refused {
		return refusedMark
	}
	return f(v)
}

func attr(t *testing.T, x starlark.Value, name string) starlark.Value {
	t.Helper()
	v, refused := read(t, &starlark.Thread{}, x, name)
	if refused {
		t.Fatalf("%s.%s refused", x.Type(), name)
	}
	return v
}

func esc(v starlark.Value) string {
	s, ok := v.(starlark.String)
	if !ok {
		return "None"
	}
	r := strings.NewReplacer("\\", "\\\\", "\n", "\\n", "\r", "\\r", "\t", "\\t")
	return r.Replace(string(s))
}

func short(t *testing.T, v starlark.Value) string {
	t.Helper()
	if v == starlark.None {
		return "None"
	}
	return esc(attr(t, v, "type")) + ":" + esc(attr(t, v, "name"))
}

func num(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	return fmt.Sprintf("%.17g", f)
}

func node(t *testing.T, thread *starlark.Thread, n starlark.Value) string {
	t.Helper()
	sh := func(v starlark.Value) string { return short(t, v) }
	str := func(v starlark.Value) string { return v.String() }
	walk := func(v starlark.Value) string {
		var ws []string
		for w := range v.(*starlark.List).Elements() {
			ws = append(ws, short(t, w))
		}
		return strings.Join(ws, ",")
	}
	utf8 := starlark.String("UTF-8")
	strOf := esc(starlark.String(n.String()))
	if _, refused := read(t, thread, n, "serialize"); refused {
		strOf = refusedMark
	}
	parts := []string{
		field(t, thread, n, esc, "type"), field(t, thread, n, esc, "name"), field(t, thread, n, esc, "content"),
		field(t, thread, n, esc, "get_content"), field(t, thread, n, esc, "serialize"), strOf,
		field(t, thread, n, esc, "serialize", utf8),
		field(t, thread, n, sh, "parent"), field(t, thread, n, sh, "children"), field(t, thread, n, sh, "next"),
		field(t, thread, n, sh, "prev"), field(t, thread, n, sh, "last"), field(t, thread, n, sh, "properties"),
		field(t, thread, n, sh, "doc"), field(t, thread, n, sh, "get_parent"),
	}
	for _, p := range []string{"type", "dev", "name", "unit", "id", "file", "nope", "level", "plain", "value"} {
		parts = append(parts, field(t, thread, n, esc, "prop", starlark.String(p)))
	}
	parts = append(parts,
		field(t, thread, n, esc, "noNsProp", starlark.String("level")),
		field(t, thread, n, esc, "nsProp", starlark.String("level"), starlark.String("http://app1.org/app1/")),
		field(t, thread, n, sh, "hasProp", starlark.String("level")),
		field(t, thread, n, sh, "hasNsProp", starlark.String("level"), starlark.None),
		field(t, thread, n, str, "isText"), field(t, thread, n, str, "isBlankNode"),
		field(t, thread, n, walk, "walk_depth_first"), field(t, thread, n, walk, "walk_breadth_first"))
	return "{" + strings.Join(parts, "|") + "}"
}

func show(t *testing.T, thread *starlark.Thread, v starlark.Value) string {
	t.Helper()
	switch v := v.(type) {
	case *starlark.List:
		var ns []string
		for x := range v.Elements() {
			ns = append(ns, node(t, thread, x))
		}
		return "list[" + strings.Join(ns, ",") + "]"
	case starlark.String:
		return "str:" + esc(v)
	case starlark.Float:
		return "float:" + num(float64(v))
	case starlark.Int:
		return "int:" + v.String()
	}
	return "other:" + v.Type()
}
