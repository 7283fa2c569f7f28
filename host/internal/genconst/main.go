// Command genconst generates host/constants.gen.go: the VIR_* constants
// that libvirt-python's libvirt module exposes, read from libvirt's API
// description (libvirt-api.xml, installed by Debian's libvirt-dev).
//
// Usage (normally through go:generate in host/constants.go):
//
//	go run ./internal/genconst -o constants.gen.go /usr/share/libvirt/api/libvirt-api.xml
//
// It follows libvirt-python's generator.py (the code that writes the
// installed libvirt.py):
//
//   - Every <enum> whose file attribute is one of libvirt's public headers
//     (libvirt, libvirt-common, libvirt-domain, ..., virterror) becomes an
//     integer constant. Enum values are resolved here to int64: a value is a
//     C integer constant expression that may name other enum constants
//     (VIR_DOMAIN_MEM_LIVE = VIR_DOMAIN_AFFECT_LIVE), and may be decimal,
//     hex, octal, negative or combine terms with ( ) ~ - + * | & ^ << >>.
//     Names are resolved recursively against all enums of the file, and a
//     reference cycle or an unknown name is an error.
//   - Within each enum type, generator.py sorts the members by (value, name)
//     and drops the last one if its name ends in _LAST: that is the
//     "number of members" sentinel, not part of the Python API. Members
//     named *_LAST that do not sort last are kept, as libvirt-python keeps
//     them (in libvirt 9.0: VIR_DOMAIN_MEMORY_STAT_LAST, an alias that
//     sorts before VIR_DOMAIN_MEMORY_STAT_NR, and the real network update
//     command VIR_NETWORK_UPDATE_COMMAND_ADD_LAST).
//   - Every <macro> with a string attribute (the typed parameter names,
//     e.g. VIR_MIGRATE_PARAM_URI = "migrate_uri") becomes a string
//     constant. Integer macros (VIR_UUID_BUFLEN, ...) are not exposed by
//     libvirt-python and are skipped.
//
// libvirt-qemu-api.xml and libvirt-lxc-api.xml feed the separate
// libvirt_qemu and libvirt_lxc Python modules, not libvirt, so they are not
// read. Only names starting with VIR_ are emitted. The output is sorted by
// name and gofmt'ed; host/constants_test.go checks it against
// host/testdata/python-constants.txt, the list taken from the installed
// python3-libvirt.
package main

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"go/format"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// headerFiles are the file attributes of the enums libvirt-python's
// generator.py takes into the libvirt module (its libvirt_headers list plus
// the error headers).
var headerFiles = map[string]bool{
	"libvirt":                   true,
	"libvirt-common":            true,
	"libvirt-domain":            true,
	"libvirt-domain-checkpoint": true,
	"libvirt-domain-snapshot":   true,
	"libvirt-event":             true,
	"libvirt-host":              true,
	"libvirt-interface":         true,
	"libvirt-network":           true,
	"libvirt-nodedev":           true,
	"libvirt-nwfilter":          true,
	"libvirt-secret":            true,
	"libvirt-storage":           true,
	"libvirt-stream":            true,
	"virerror":                  true,
	"virterror":                 true,
}

// api is the part of libvirt-api.xml that genconst reads.
type api struct {
	Enums  []xmlEnum  `xml:"symbols>enum"`
	Macros []xmlMacro `xml:"symbols>macro"`
}

type xmlEnum struct {
	Name  string `xml:"name,attr"`
	File  string `xml:"file,attr"`
	Type  string `xml:"type,attr"`
	Value string `xml:"value,attr"`
}

type xmlMacro struct {
	Name   string  `xml:"name,attr"`
	String *string `xml:"string,attr"` // nil for non-string macros
	Raw    string  `xml:"raw,attr"`
}

// constant is one generated entry: value is int64 or string.
type constant struct {
	name  string
	value any
}

func main() {
	out := flag.String("o", "constants.gen.go", "output `file`")
	codes := flag.String("codes", "", "also write the Go constants of package driver to `file`")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: genconst [-o file] libvirt-api.xml\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out, *codes); err != nil {
		fmt.Fprintf(os.Stderr, "genconst: %v\n", err)
		os.Exit(1)
	}
}

func run(in, out, codesOut string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var a api
	if err := xml.Unmarshal(data, &a); err != nil {
		return fmt.Errorf("%s: %v", in, err)
	}
	consts, err := collect(&a)
	if err != nil {
		return fmt.Errorf("%s: %v", in, err)
	}
	src, err := render(consts, a.version())
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, src, 0o666); err != nil {
		return err
	}
	if codesOut == "" {
		return nil
	}
	src, err = renderCodes(&a, consts, a.version())
	if err != nil {
		return err
	}
	return os.WriteFile(codesOut, src, 0o666)
}

// codeTypes are the enums whose members the code itself names, with the
// comment of their block in package driver.
var codeTypes = []struct{ typ, doc string }{
	{"virErrorNumber", "Error numbers (virErrorNumber)."},
	{"virErrorDomain", "Error domains, where an error comes from (virErrorDomain)."},
	{"virErrorLevel", "Error levels (virErrorLevel)."},
	{"virDomainEventID", "Domain event IDs (virDomainEventID)."},
	{"virNetworkEventID", "Network event IDs (virNetworkEventID)."},
	{"virStoragePoolEventID", "Storage pool event IDs (virStoragePoolEventID)."},
	{"virNodeDeviceEventID", "Node device event IDs (virNodeDeviceEventID)."},
	{"virSecretEventID", "Secret event IDs (virSecretEventID)."},
}

// initialisms are the words Go writes in capitals.
var initialisms = map[string]bool{"ID": true, "UUID": true, "URI": true, "XML": true, "CPU": true, "RPC": true,
	"TLS": true, "SSH": true, "IO": true, "NUMA": true, "MAC": true, "VCPU": true, "IP": true, "SEV": true, "OK": true}

// goName is a VIR_ name in Go: VIR_ERR_NO_SUPPORT is ErrNoSupport,
// VIR_DOMAIN_EVENT_ID_LIFECYCLE DomainEventIDLifecycle.
func goName(name string) string {
	var b strings.Builder
	for _, w := range strings.Split(strings.TrimPrefix(name, "VIR_"), "_") {
		if w == "" {
			continue
		}
		if initialisms[w] {
			b.WriteString(w)
			continue
		}
		b.WriteString(w[:1])
		b.WriteString(strings.ToLower(w[1:]))
	}
	return b.String()
}

// renderCodes returns the gofmt'ed source of package driver's constants:
// the members of codeTypes and the typed parameter names, named by goName.
func renderCodes(a *api, consts []constant, version string) ([]byte, error) {
	values := map[string]any{}
	for _, c := range consts {
		values[c.name] = c.value
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ./internal/genconst; DO NOT EDIT.\n\n")
	b.WriteString("// To regenerate, run `go generate ./host` (see host/internal/genconst);\n")
	fmt.Fprintf(&b, "// the input is libvirt-api.xml (libvirt %s). A VIR_ name is written in Go\n", version)
	b.WriteString("// without VIR_, each word capitalised (ErrNoSupport for VIR_ERR_NO_SUPPORT),\n")
	b.WriteString("// except the initialisms genconst lists, kept in capitals\n")
	b.WriteString("// (DomainSchedulerCPUShares for VIR_DOMAIN_SCHEDULER_CPU_SHARES).\n\npackage driver\n")
	seen := map[string]string{}
	emit := func(c string) error {
		g := goName(c)
		if prev, dup := seen[g]; dup {
			return fmt.Errorf("%s and %s are both %s in Go", prev, c, g)
		}
		seen[g] = c
		switch v := values[c].(type) {
		case int64:
			fmt.Fprintf(&b, "\t%s = %d // %s\n", g, v, c)
		case string:
			fmt.Fprintf(&b, "\t%s = %s // %s\n", g, strconv.Quote(v), c)
		}
		return nil
	}
	for _, ct := range codeTypes {
		var names []string
		for _, e := range a.Enums {
			if e.Type == ct.typ && headerFiles[e.File] {
				if _, ok := values[e.Name]; ok {
					names = append(names, e.Name)
				}
			}
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("no members of %s", ct.typ)
		}
		sort.Slice(names, func(i, j int) bool {
			vi, vj := values[names[i]].(int64), values[names[j]].(int64)
			return vi < vj || vi == vj && names[i] < names[j]
		})
		fmt.Fprintf(&b, "\n// %s\nconst (\n", ct.doc)
		for _, n := range names {
			if err := emit(n); err != nil {
				return nil, err
			}
		}
		b.WriteString(")\n")
	}
	b.WriteString("\n// Typed parameter names (the string macros of libvirt's headers).\nconst (\n")
	for _, c := range consts {
		if _, ok := c.value.(string); ok {
			if err := emit(c.name); err != nil {
				return nil, err
			}
		}
	}
	b.WriteString(")\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("gofmt: %v", err)
	}
	return src, nil
}

// version is libvirt's version (e.g. "9.0.0") from the LIBVIR_VERSION_NUMBER
// macro, or "" if it is absent.
func (a *api) version() string {
	for _, m := range a.Macros {
		if m.Name == "LIBVIR_VERSION_NUMBER" {
			if n, err := strconv.Atoi(strings.TrimSpace(m.Raw)); err == nil {
				return fmt.Sprintf("%d.%d.%d", n/1000000, n/1000%1000, n%1000)
			}
		}
	}
	return ""
}

// collect returns the constants libvirt-python exposes, sorted by name.
func collect(a *api) ([]constant, error) {
	// Unresolved values by name, over all enums (as generator.py resolves
	// references against every enum it read), and members by type.
	exprs := map[string]string{}
	byType := map[string][]string{}
	for _, e := range a.Enums {
		if !headerFiles[e.File] {
			continue
		}
		if _, dup := exprs[e.Name]; dup {
			return nil, fmt.Errorf("enum %s defined twice", e.Name)
		}
		exprs[e.Name] = e.Value
		byType[e.Type] = append(byType[e.Type], e.Name)
	}
	r := &resolver{exprs: exprs, values: map[string]int64{}, busy: map[string]bool{}}

	var consts []constant
	seen := map[string]bool{}
	add := func(c constant) error {
		if seen[c.name] {
			return fmt.Errorf("%s defined twice", c.name)
		}
		seen[c.name] = true
		if strings.HasPrefix(c.name, "VIR_") {
			consts = append(consts, c)
		}
		return nil
	}

	for _, names := range byType {
		members := make([]constant, 0, len(names))
		for _, n := range names {
			v, err := r.resolve(n)
			if err != nil {
				return nil, err
			}
			members = append(members, constant{n, v})
		}
		// generator.py: sort by (value, name), drop a trailing *_LAST.
		sort.Slice(members, func(i, j int) bool {
			vi, vj := members[i].value.(int64), members[j].value.(int64)
			if vi != vj {
				return vi < vj
			}
			return members[i].name < members[j].name
		})
		if last := members[len(members)-1]; strings.HasSuffix(last.name, "_LAST") {
			members = members[:len(members)-1]
		}
		for _, c := range members {
			if err := add(c); err != nil {
				return nil, err
			}
		}
	}

	for _, m := range a.Macros {
		if m.String == nil {
			continue
		}
		// generator.py writes NAME = "value" into Python source, so a
		// quote or backslash would be reinterpreted by Python; none
		// occur, and rather than imitate Python's escapes we refuse.
		if strings.ContainsAny(*m.String, "\"\\\n") {
			return nil, fmt.Errorf("macro %s: string %q needs Python escape handling", m.Name, *m.String)
		}
		if err := add(constant{m.Name, *m.String}); err != nil {
			return nil, err
		}
	}

	sort.Slice(consts, func(i, j int) bool { return consts[i].name < consts[j].name })
	return consts, nil
}

// render returns the gofmt'ed source of constants.gen.go.
func render(consts []constant, version string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ./internal/genconst; DO NOT EDIT.\n\n")
	b.WriteString("// To regenerate, run `go generate ./host` (see internal/genconst);\n")
	b.WriteString("// the input is libvirt-api.xml from Debian's libvirt-dev")
	if version != "" {
		fmt.Fprintf(&b, " (libvirt %s)", version)
	}
	b.WriteString(".\n\npackage host\n\n")
	fmt.Fprintf(&b, "// Constants are the %d VIR_* constants of libvirt-python's libvirt\n", len(consts))
	b.WriteString("// module, sorted by name: int64 for enums, string for typed parameter names.\n")
	b.WriteString("var Constants = []Constant{\n")
	for _, c := range consts {
		switch v := c.value.(type) {
		case int64:
			fmt.Fprintf(&b, "\t{%q, int64(%d)},\n", c.name, v)
		case string:
			fmt.Fprintf(&b, "\t{%q, %s},\n", c.name, strconv.Quote(v))
		default:
			return nil, fmt.Errorf("%s: unexpected value %T", c.name, v)
		}
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("gofmt: %v", err)
	}
	return src, nil
}

// resolver evaluates enum values, memoising results and detecting cycles.
type resolver struct {
	exprs  map[string]string // name -> value as written in the XML
	values map[string]int64  // resolved so far
	busy   map[string]bool   // names being resolved (cycle detection)
}

func (r *resolver) resolve(name string) (int64, error) {
	if v, ok := r.values[name]; ok {
		return v, nil
	}
	expr, ok := r.exprs[name]
	if !ok {
		return 0, fmt.Errorf("unknown enum constant %s", name)
	}
	if r.busy[name] {
		return 0, fmt.Errorf("enum %s refers to itself", name)
	}
	r.busy[name] = true
	defer delete(r.busy, name)
	p := &parser{src: expr, r: r}
	v, err := p.parse()
	if err != nil {
		return 0, fmt.Errorf("enum %s = %q: %v", name, expr, err)
	}
	r.values[name] = v
	return v, nil
}

// parser is a recursive-descent evaluator for the C integer constant
// expressions that appear as enum values. Precedence, lowest first:
// | ^ & (<< >>) (+ -) * and unary (- + ~), as in C.
type parser struct {
	src string
	pos int
	r   *resolver
}

func (p *parser) parse() (int64, error) {
	v, err := p.binary(0)
	if err != nil {
		return 0, err
	}
	if p.skipSpace(); p.pos != len(p.src) {
		return 0, fmt.Errorf("unexpected %q", p.src[p.pos:])
	}
	return v, nil
}

// levels are the binary operators by increasing precedence.
var levels = [][]string{{"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*"}}

func (p *parser) binary(level int) (int64, error) {
	if level == len(levels) {
		return p.unary()
	}
	x, err := p.binary(level + 1)
	if err != nil {
		return 0, err
	}
	for {
		op := p.operator(levels[level])
		if op == "" {
			return x, nil
		}
		y, err := p.binary(level + 1)
		if err != nil {
			return 0, err
		}
		switch op {
		case "|":
			x |= y
		case "^":
			x ^= y
		case "&":
			x &= y
		case "<<":
			if y < 0 || y > 63 {
				return 0, fmt.Errorf("shift count %d", y)
			}
			x <<= uint(y)
		case ">>":
			if y < 0 || y > 63 {
				return 0, fmt.Errorf("shift count %d", y)
			}
			x >>= uint(y)
		case "+":
			x += y
		case "-":
			x -= y
		case "*":
			x *= y
		}
	}
}

// operator consumes and returns the first of ops found at the current
// position, or "" if none is there. "<" alone, "||" and "&&" are not
// operators here, so a longer operator is never cut short.
func (p *parser) operator(ops []string) string {
	p.skipSpace()
	for _, op := range ops {
		if strings.HasPrefix(p.src[p.pos:], op) {
			rest := p.src[p.pos+len(op):]
			if (op == "|" || op == "&") && strings.HasPrefix(rest, op) {
				continue
			}
			p.pos += len(op)
			return op
		}
	}
	return ""
}

func (p *parser) unary() (int64, error) {
	p.skipSpace()
	if p.pos == len(p.src) {
		return 0, fmt.Errorf("missing operand")
	}
	switch c := p.src[p.pos]; {
	case c == '-' || c == '+' || c == '~':
		p.pos++
		v, err := p.unary()
		if err != nil {
			return 0, err
		}
		switch c {
		case '-':
			return -v, nil
		case '~':
			return ^v, nil
		}
		return v, nil
	case c == '(':
		p.pos++
		v, err := p.binary(0)
		if err != nil {
			return 0, err
		}
		if p.skipSpace(); p.pos == len(p.src) || p.src[p.pos] != ')' {
			return 0, fmt.Errorf("missing )")
		}
		p.pos++
		return v, nil
	case c >= '0' && c <= '9':
		start := p.pos
		for p.pos < len(p.src) && isIdent(p.src[p.pos]) {
			p.pos++
		}
		// Drop C integer suffixes (U, L, UL, LL, ULL in any case).
		lit := strings.TrimRight(p.src[start:p.pos], "uUlL")
		if len(lit) > 1 && lit[0] == '0' && lit[1] != 'x' && lit[1] != 'X' {
			lit = "0o" + lit[1:] // C octal
		}
		// A value beyond int64 (which Python would show as a large
		// positive int) is an error rather than a silent wrap.
		v, err := strconv.ParseInt(lit, 0, 64)
		if err != nil {
			return 0, fmt.Errorf("bad or out-of-range number %q", p.src[start:p.pos])
		}
		return v, nil
	case isIdent(c):
		start := p.pos
		for p.pos < len(p.src) && isIdent(p.src[p.pos]) {
			p.pos++
		}
		return p.r.resolve(p.src[start:p.pos])
	default:
		return 0, fmt.Errorf("unexpected %q", p.src[p.pos:])
	}
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) && unicode.IsSpace(rune(p.src[p.pos])) {
		p.pos++
	}
}

func isIdent(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
