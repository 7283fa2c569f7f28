package pystdlib_test

import (
	"strings"
	"testing"
)

func TestReDiff(t *testing.T) {
	cases := []diffCase{
		{name: "match-groups", src: `
m = re.match(r"(?P<name>[\w-]+)\s+(\d+)\s+(\w+)", "web-1   42  running")
print(m.group(0), m.group(1), m.group("name"), pyrepr(m.group(2, 3)), pyrepr(m.groups()), pyrepr(m.groupdict()))
print(m.start(2), m.end(2), pyrepr(m.span()), m[3], m.lastindex, m.lastgroup)
print(pyrepr(m))
print(re.match("x", "abc"), re.search("c", "abc").start())
if re.match("a", "abc"):
    print("truthy")
`},
		{name: "fullmatch-search", src: `
print(pyrepr(re.fullmatch(r"a|ab", "ab").group()), re.fullmatch("a", "ab"))
print(re.search(r"^\d+$", "12\n34", re.M).group(), re.search(r"^\d+$", "12\n34"))
print(pyrepr(re.match(r"^(\w+)=(.*)$", "key=value\n").groups()))
print(pyrepr(re.search(r"(\d+)$", "abc 12\n").group(0)))
print(re.search(r"(?i)RUNNING", "state: running").group())
print(pyrepr(re.search("running", "STATE: RUNNING", re.IGNORECASE).span()))
print(re.search(r"a.c", "a\nc"), re.search(r"a.c", "a\nc", re.S).group() == "a\nc")
`},
		{name: "findall-finditer", src: `
text = "vda: 10 GiB, vdb: 20 GiB, sda: 5 GiB"
print(pyrepr(re.findall(r"\d+", text)))
print(pyrepr(re.findall(r"(\w+): (\d+)", text)))
print(pyrepr(re.findall(r"(v)d(\w)", text)))
for m in re.finditer(r"(\w+): (\d+)", text):
    print(m.group(1), int(m.group(2)) * 2, pyrepr(m.span()))
print(pyrepr(re.findall("é(.)", "éa éb")))
print(pyrepr(re.search("b", "ééb").span()))
`},
		{name: "sub", src: `
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host and root@hv1"))
print(re.sub(r"(?P<k>\w+)=(?P<v>\w+)", r"\g<v>=\g<k>", "a=1 b=2"))
print(re.sub(r"\s+", " ", "  many   spaces\there "))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
print(pyrepr(re.subn("a", "b", "aaa", count=2)))
print(re.sub("x", r"\n", "axb") == "a\nb", re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.compile(r"[.\-]").sub("_", "a.b-c"))
`},
		{name: "split-escape", src: `
print(pyrepr(re.split(r"[,;]\s*", "a, b;c,  d")))
print(pyrepr(re.split(r"(,)", "a,b,c")))
print(pyrepr(re.split(r",", "a,b,c", maxsplit=1)))
print(pyrepr(re.split(r"(a)|b", "xaybz")))
print(re.escape("a.b-c d_é#&~*"))
`},
		{name: "verbose", src: `
pat = re.compile(r"""
    (?P<dom>[a-z0-9-]+)   # the domain
    \s* : \s*             # a colon
    (?P<state>\w+)        # its state
""", re.VERBOSE)
m = pat.match("vm-1 : running")
print(m.group("dom"), m.group("state"), pat.groups, pyrepr(dict(pat.groupindex)))
print(pyrepr(pat.flags & re.VERBOSE != 0))
`},
		{name: "pattern-object", src: `
p = re.compile(r"(\d+)-(\d+)")
print(p.pattern, p.groups, p.search("x 1-2 y").group(2), pyrepr(p.findall("1-2 3-4")))
print(pyrepr(p), pyrepr(re.compile("a", re.I | re.M)))
print(p.match("x1-2"), p.match("x1-2", 1).group())
print(re.match(p, "5-6").group(1))
`},
		{name: "unicode-classes", src: `
print(pyrepr(re.findall(r"\w+", "naïve café 123")))
print(pyrepr(re.findall(r"\w+", "naïve café", re.A)))
print(pyrepr(re.findall(r"[^\W\d]+", "ab12cd")))
print(pyrepr(re.findall(r"\d{2,}", "1 22 333")), pyrepr(re.findall(r"x{,2}y", "xxxy")))
`},
		{name: "error-bad-pattern", src: `re.compile("(a")`},
		{name: "error-bad-escape", src: `re.compile(r"\q")`},
		{name: "error-bad-group", src: `re.sub("(a)", r"\2", "a")`},
	}
	diff(t, cases)
}

// TestReRefusals checks that what RE2 cannot do is refused with re.error
// naming the construct.
func TestReRefusals(t *testing.T) {
	for _, c := range []struct{ pat, want string }{
		{`(a)\1`, `backreferences (\1)`},
		{`(?P<x>a)(?P=x)`, `backreferences ((?P=name))`},
		{`a(?=b)`, `lookahead assertions`},
		{`a(?!b)`, `lookahead assertions`},
		{`(?<=a)b`, `lookbehind assertions`},
		{`(?<!a)b`, `lookbehind assertions`},
		{`a*+`, `possessive quantifiers`},
		{`a{2}+`, `possessive quantifiers`},
		{`(?>ab)`, `atomic groups`},
		{`(a)?(?(1)b|c)`, `conditional groups`},
		{`a(?i)b`, `global flags not at the start`},
	} {
		t.Run(c.pat, func(t *testing.T) {
			out, _, err := runStarlark(t, diffCase{src: "re.compile(" + quote(c.pat) + ")"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(out, "error error ") || !strings.Contains(out, c.want) {
				t.Errorf("re.compile(%q): got %q, want re.error naming %q", c.pat, out, c.want)
			}
		})
	}
}

func quote(s string) string { return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"` }
