package starlark_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFStrings checks f-strings against what python3 printed for the same
// lines; !r and {x=} differ only in quoting strings as Starlark's repr does.
func TestFStrings(t *testing.T) {
	src := `name = "web-1"
mem = 1048576
items = [1, 2, 3]
d = {"k": "v"}
w = 8
print(f"{name}: {mem / 1024:.1f} MiB")
print(f'[{name:>10}] [{name:<8}] [{mem:,}]')
print(f"{name!r} {len(items)} {items[0] + items[1]} {d['k']}")
print(f"{{braces}} {name:{w}}|{3.14159:{w}.{2}f}|")
print(F"upper {name.upper()}" + f" and {'quoted'}")
print(rf"raw \d {name}")
print(f"{mem=} {name = }")
print(f"""triple {name}
second line {mem // 1024}""")
print(f"no fields")
x = f"{mem != 0} {mem if mem > 0 else 0}"
print(x)
# a comment with f"{not a field}" in it
s = "plain {x} string"
print(s, 'elf"s', "if'")
`
	want := `web-1: 1024.0 MiB
[     web-1] [web-1   ] [1,048,576]
"web-1" 3 3 v
{braces} web-1   |    3.14|
upper WEB-1 and quoted
raw \d web-1
mem=1048576 name = "web-1"
triple web-1
second line 1024
no fields
True 1048576
plain {x} string elf"s if'
`
	out, err := runScript(t, context.Background(), src)
	if err != "" || out != want {
		t.Errorf("got %q, error %q;\nwant %q", out, err, want)
	}
	for src, wantErr := range map[string]string{
		"x = 1\nprint(f\"{x\")\n": "t.star:2:1: f-string: expecting '}'",
		"print(f\"{}\")\n":        "t.star:1:1: f-string: empty expression not allowed",
		"print(f\"a } b\")\n":     "t.star:1:1: f-string: single '}' is not allowed",
		"y = \"unterminated\n":    "t.star:1:5: unexpected newline in string",
	} {
		if _, err := runScript(t, context.Background(), src); !strings.HasPrefix(err, wantErr) {
			t.Errorf("%q: got error %q, want one beginning %q", src, err, wantErr)
		}
	}
}

// TestWithStatements checks that with statements read files as Python's
// do, and that names and strings starting with "with" are left alone.
func TestWithStatements(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data.txt")
	if err := os.WriteFile(path, []byte("hello\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	src := `with open(argv[1]) as f:
    data = f.read()
print(len(data))
def read(p):
    with open(p, "r") as fp:
        return fp.read().strip()
print(read(argv[1]))
with open(argv[1]) as a, open(argv[1]) as b: print(a.read() == b.read())
without = 1
withdraw = 2
print(without + withdraw, "with x as y: not a statement")
`
	// python3 prints the same for the same lines.
	want := "6\nhello\nTrue\n3 with x as y: not a statement\n"
	out, err := runScript(t, context.Background(), src, path)
	if err != "" || out != want {
		t.Errorf("got %q, error %q; want %q", out, err, want)
	}
}
