package pysyntax

import (
	"strings"
	"testing"

	"go.starlark.net/syntax"
)

var seeds = []string{
	"import libvirt\nconn = libvirt.open()\n",
	"from xml.dom import (minidom,\n    Node)\nx = 1\n",
	"try:\n    f()\nexcept (A, B) as e:\n    raise\nelse:\n    pass\nfinally:\n    g()\n",
	"for x in l:\n    pass\nelse:\n    print(x is not None)\n",
	"def f(a: int, b: str = 'x', *args: int, **kw: dict) -> str:\n    return a ** -b ** 2\n",
	"x: int = y = z = 0\nprint(sum(i for i in range(3)), {1, 2})\n",
	"s = u'x' + \"\"\"a\nb\"\"\"\nassert s, 'msg'\ndel d[k], e\nglobal q\n",
	"if a is (b is c): pass\n",
	"x = f(lambda y: y ** 2, [(a for a in b)])\n",
	"print(f'{x!r:>{w}}')\n",
	"while x: x -= 1\nelse: pass\n",
	"\\\nx = 1 \\\n  + 2\n",
}

// FuzzTranslate checks the source pass on any input: it never panics and
// keeps every line where it was, so that errors cite the script's lines.
func FuzzTranslate(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, err := translate(src)
		if err != nil {
			return
		}
		if got, want := strings.Count(out, "\n"), strings.Count(src, "\n"); got != want {
			t.Errorf("%q became %q: %d lines, want %d", src, out, got, want)
		}
		// Parsing and lowering what came out never panics either.
		_, _ = Parse("f.py", []byte(src), Options{File: &syntax.FileOptions{Set: true, While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true}})
	})
}

// TestTranslate checks what the source pass writes for each construct.
func TestTranslate(t *testing.T) {
	tests := []struct{ src, want string }{
		{"import a.b as c, d\n", `c = __vs_import__("a.b", "a.b"); d = __vs_import__("d", "d")` + "\n"},
		{"import os.path\n", `os = __vs_import__("os.path", "os")` + "\n"},
		{"from m import (a,\n  b as c)\n", `a = __vs_from__("m", "a"); c = __vs_from__("m", "b")` + "\n\n"},
		{"try:\n    f()\nexcept E as e:\n    pass\nfinally:\n    pass\n",
			"if __vs_try__:\n    f()\nelif __vs_except__( E , e):\n    pass\nelif __vs_finally__:\n    pass\n"},
		{"x = a is not None\n", "x = a not in __vs_is__(None)\n"},
		{"y = -a.b[1] ** 2\n", "y = -__vs_pow__(a.b[1] , 2)\n"},
		{"def f(a: int = 1) -> str:\n    pass\n", "def f(a      = 1)       :\n    pass\n"},
		{"a = b = f()\n", "__vs_chain__ = f(); a = __vs_chain__; b = __vs_chain__\n"},
		{"n: int\n", "pass      \n"},
		{"print(sum(x for x in l))\n", "print(sum([x for x in l]))\n"},
		{"s = {1, 2}\n", "s = set([1, 2])\n"},
		{"raise E('x') from err\n", "__vs_raise__( E('x') , err)\n"},
		{"s = u'x'\n", "s =  'x'\n"},
	}
	for _, tc := range tests {
		got, err := translate(tc.src)
		if err != nil || got != tc.want {
			t.Errorf("translate(%q) = %q, %v;\nwant %q", tc.src, got, err, tc.want)
		}
	}
}

func TestTranslateMore(t *testing.T) {
	tests := []struct{ src, want string }{
		{"print(*names, sep=', ')\n", "print(sep=', ', *names)\n"},
		{"f(a, *b, c=1, **d)\n", "f(a, c=1, *b, **d)\n"},
		{"if 0 < x <= 10:\n", "if (0 < x and x <= 10):\n"},
		{"y = not a < b < c\n", "y = not (a < b and b < c)\n"},
		{"m = ('a %s '\n     'b' % x)\n", "m = (('a %s ' +\n     'b') % x)\n"},
		{"n = 1_000_000\n", "n = 1000000\n"},
		{"x[i] **= 2\n", "x[i] = __vs_pow__(x[i], 2)\n"},
		{"def f(d: libvirt.virDomain, n: int) -> None:\n", "def f(d                   , n     )        :\n"},
		{"s = {\n  x\n  for x in l\n}\n", "s = set([\n  x\n  for x in l\n])\n"},
		{"d = {k: v for k, v in l}\n", "d = {k: v for k, v in l}\n"},
		{"z = f(a < b, c)\n", "z = f(a < b, c)\n"},
	}
	for _, tc := range tests {
		got, err := translate(tc.src)
		if err != nil || got != tc.want {
			t.Errorf("translate(%q) = %q, %v;\nwant %q", tc.src, got, err, tc.want)
		}
	}
}
