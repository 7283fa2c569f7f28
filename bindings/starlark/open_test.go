package starlark_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestOpenReads(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(path, []byte("one\ntwo\nthree"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := runScript(t, context.Background(), `
f = open(argv[1])
print(repr(f.readline()), f.name == argv[1], f.closed)
print(repr(f.read(2)))
print(f.readlines())
print(repr(f.read()))
f.close()
print(f.closed)
print(repr(open(argv[1], "rb").read(3)))
`, path)
	want := "\"one\\n\" True False\n\"tw\"\n[\"o\\n\", \"three\"]\n\"\"\nTrue\nb\"one\"\n"
	if err != "" || out != want {
		t.Errorf("got %q, error %q; want %q", out, err, want)
	}
	_, err = runScript(t, context.Background(), "f = open(argv[1])\nf.close()\nf.read()\n", path)
	if want := "t.star:3:7: read: I/O operation on closed file"; len(err) < len(want) || err[:len(want)] != want {
		t.Errorf("read after close: %q, want it to begin with %q", err, want)
	}
}
