package starlark_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// runIn writes files (name -> content) into a fresh directory, runs
// main.star from it with that directory as the only readable one, and
// returns the directory, the output and the error ("" on success).
func runIn(t *testing.T, files map[string]string) (dir, out, msg string) {
	t.Helper()
	root := t.TempDir()
	dir = filepath.Join(root, "scripts")
	for name, content := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	main := filepath.Join(dir, "main.star")
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Policy: host.Policy{AllowRead: []string{dir}}})
	defer s.Close()
	var buf bytes.Buffer
	err := starlark.New().Run(context.Background(), s, host.Script{
		Path: main, Src: []byte(files["scripts/main.star"]), Args: []string{main}, Stdout: &buf, Stderr: &buf,
	})
	if err != nil {
		msg = strings.ReplaceAll(err.Error(), root, "$ROOT")
	}
	return dir, buf.String(), msg
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		out, err string
	}{
		{"a helper's functions and values, once per run",
			map[string]string{
				"scripts/main.star": "load(\"helpers.star\", \"greet\", \"N\")\nload(\"lib/more.star\", \"twice\")\nprint(greet(\"x\"), N, twice(N))\n",
				"scripts/helpers.star": "print(\"helpers runs\", __name__, __file__.endswith(\"scripts/helpers.star\"))\n" +
					"def greet(who):\n    return \"hello \" + who\nN = len(libvirt.open().listDomainsID())\n" +
					"if __name__ == \"__main__\":\n    fail(\"not main\")\n",
				"scripts/lib/more.star": "load(\"../helpers.star\", \"greet\")\ndef twice(n):\n    return 2 * n\n",
			},
			"helpers runs helpers True\nhello x 1 2\n", ""},
		{"a name the module does not define",
			map[string]string{"scripts/main.star": "load(\"h.star\", \"nope\")\n", "scripts/h.star": "x = 1\n"},
			"", "$ROOT/scripts/main.star:1:1: load: name nope not found in module h.star"},
		{"a cycle, named",
			map[string]string{
				"scripts/main.star": "load(\"a.star\", \"x\")\n",
				"scripts/a.star":    "load(\"b.star\", \"y\")\nx = 1\n",
				"scripts/b.star":    "load(\"a.star\", \"x\")\ny = 2\n",
			},
			"", "$ROOT/scripts/main.star:1:1: cannot load a.star: $ROOT/scripts/a.star:1:1: cannot load b.star: $ROOT/scripts/b.star:1:1: cannot load a.star: load: cycle: $ROOT/scripts/a.star loads $ROOT/scripts/b.star loads $ROOT/scripts/a.star"},
		{"an error inside the module is shown where it happened",
			map[string]string{"scripts/main.star": "load(\"h.star\", \"x\")\n", "scripts/h.star": "x = 1\ny = x // 0\n"},
			"", "$ROOT/scripts/main.star:1:1: cannot load h.star: $ROOT/scripts/h.star:2:7: floored division by zero"},
		{"outside the readable directories: refused as read_file is",
			map[string]string{"scripts/main.star": "load(\"../outside.star\", \"x\")\n", "outside.star": "print(\"ran\")\nx = 1\n"},
			"", "$ROOT/scripts/main.star:1:1: cannot load ../outside.star: load: refused by policy: $ROOT/outside.star is outside the readable directories"},
		{"only .star files",
			map[string]string{"scripts/main.star": "load(\"/etc/passwd\", \"root\")\n"},
			"", "$ROOT/scripts/main.star:1:1: cannot load /etc/passwd: load: want the path of a .star file, got \"/etc/passwd\""},
		{"a missing module",
			map[string]string{"scripts/main.star": "load(\"nosuch.star\", \"x\")\n"},
			"", "$ROOT/scripts/main.star:1:1: cannot load nosuch.star: load: open $ROOT/scripts/nosuch.star: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, out, msg := runIn(t, tt.files)
			if i := strings.IndexByte(msg, '\n'); i >= 0 {
				msg = msg[:i]
			}
			if out != tt.out || msg != tt.err {
				t.Errorf("got output %q, error\n%s\nwant output %q, error\n%s", out, msg, tt.out, tt.err)
			}
		})
	}
}
