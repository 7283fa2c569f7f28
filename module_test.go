package vertscript_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A program outside the repository imports the package by its module path
// and runs a script: what `go get github.com/vertscript/vertscript` gives a
// user (here through a replace, offline, from the module cache).
func TestImportedByAnotherModule(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	goMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goVersion := "1.26"
	for _, l := range strings.Split(string(goMod), "\n") {
		if v, ok := strings.CutPrefix(l, "go "); ok {
			goVersion = strings.TrimSpace(v)
		}
	}
	files := map[string]string{
		"go.mod": "module example.com/user\n\ngo " + goVersion + "\n\nrequire github.com/vertscript/vertscript v0.0.0\n\nreplace github.com/vertscript/vertscript => " + root + "\n",
		"go.sum": string(sum),
		"main.go": `package main

import (
	"context"
	"fmt"
	"os"

	"github.com/vertscript/vertscript"
)

func main() {
	in, err := vertscript.New(vertscript.Options{URI: "test:///default", Stdout: os.Stdout})
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	if _, err := in.Run(context.Background(), "hello.lua", []byte("print(libvirt.open():lookupByName('test'):name())")); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
}
`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goCmd, "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil || string(out) != "test\n" {
		t.Fatalf("go run in a module of its own: %v\n%s", err, out)
	}
}

// The embedding guide quotes code that the tests compile and run: each of
// its Go blocks must appear, word for word, in the file it comes from.
func TestGuideQuotesTestedCode(t *testing.T) {
	guide, err := os.ReadFile("docs/embedding.md")
	if err != nil {
		t.Fatal(err)
	}
	var sources strings.Builder
	for _, f := range []string{"example_test.go", "examples/embed/main.go", "examples/embed/handler.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources.Write(b)
	}
	blocks := strings.Split(string(guide), "```go\n")[1:]
	if len(blocks) == 0 {
		t.Fatal("the guide has no Go block")
	}
	for _, b := range blocks {
		code, _, _ := strings.Cut(b, "```")
		if !strings.Contains(sources.String(), code) {
			t.Errorf("the guide quotes code that no tested file has:\n%s", code)
		}
	}
}
