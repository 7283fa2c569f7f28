// Package golden runs every example and error case through the real
// vertscript binary on a private libvirt test-driver node, and compares
// stdout, stderr and the exit status with recorded files in testdata/:
//
//	CASE.stdout, CASE.exit   shared by the Starlark and Lua twins of a case
//	CASE.star.stderr         per language
//	CASE.lua.stderr
//
// `go test ./tests/golden -update` records them anew; review the diff.
// The repository's absolute path is written as $ROOT.
package golden

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "record the expected outputs anew")

var (
	root    string // the repository
	binary  string // the vertscript built for this run
	fixture string // the test-driver node every case runs on
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(run(m))
}

func run(m *testing.M) int {
	var err error
	if root, err = filepath.Abs("../.."); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	dir, err := os.MkdirTemp("", "vertscript-golden")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "vertscript")
	build := exec.Command("go", "build", "-o", binary, "./cmd/vertscript")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		return 1
	}
	fixture = "test://" + filepath.Join(root, "tests/fixtures/node.xml")
	return m.Run()
}

// A goldenCase runs a script (its path from the repository, without the
// extension: each twin that exists runs) with flags before it and args
// after it.
type goldenCase struct {
	name   string
	script string
	flags  []string
	args   []string
	uri    string // the connection URI; default the fixture
}

// exampleCases are the examples' runs beyond the plain one that every
// example in scripts/examples gets (with the arguments in exampleArgs).
var exampleArgs = map[string][]string{
	"create_domain":  {"scripts/examples/create_domain.xml"},
	"stop_by_prefix": {"web-"},
}

// exampleURI overrides the fixture for examples whose output depends on the
// order of several running domains, which libvirt does not define: on
// test:///default (one running domain; private to each vertscript process).
var exampleURI = map[string]string{
	"ex6": "test:///default",
}

var extraCases = []goldenCase{
	{name: "create_domain-dry-run", script: "scripts/examples/create_domain", flags: []string{"--dry-run"}, args: exampleArgs["create_domain"]},
	{name: "create_domain-no-args", script: "scripts/examples/create_domain"},
	{name: "stop_by_prefix-dry-run", script: "scripts/examples/stop_by_prefix", flags: []string{"--dry-run"}, args: exampleArgs["stop_by_prefix"]},
	{name: "stop_by_prefix-no-match", script: "scripts/examples/stop_by_prefix", args: []string{"mail-"}},
	{name: "inventory-read-only", script: "scripts/examples/inventory", flags: []string{"--read-only"}},
	{name: "ex6-read-only", script: "scripts/examples/ex6", flags: []string{"--read-only"}, uri: exampleURI["ex6"]},
	{name: "missing-script", script: "tests/golden/errors/no-such-script"},
}

var languages = []string{".star", ".lua"}

// cases finds every example and error script (by glob) and adds the extra
// runs.
func cases(t *testing.T) []goldenCase {
	t.Helper()
	var cs []goldenCase
	seen := map[string]bool{}
	for _, pattern := range []string{"scripts/examples/*", "tests/golden/errors/*"} {
		files, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			ext := filepath.Ext(f)
			if ext != ".star" && ext != ".lua" {
				continue
			}
			rel, _ := filepath.Rel(root, strings.TrimSuffix(f, ext))
			if seen[rel] {
				continue
			}
			seen[rel] = true
			name := filepath.Base(rel)
			if strings.HasPrefix(rel, "tests/") {
				name = "error-" + name
			}
			cs = append(cs, goldenCase{name: name, script: rel, args: exampleArgs[name], uri: exampleURI[name]})
		}
	}
	return append(cs, extraCases...)
}

func TestGolden(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ran := 0
			for _, ext := range languages {
				script := c.script + ext
				if _, err := os.Stat(filepath.Join(root, script)); err != nil && c.name != "missing-script" {
					continue
				}
				ran++
				t.Run(strings.TrimPrefix(ext, "."), func(t *testing.T) { check(t, c, script, ext) })
			}
			if ran == 0 {
				t.Fatalf("no script %s.star or %s.lua", c.script, c.script)
			}
		})
	}
}

// check runs one twin of c and compares its outputs.
func check(t *testing.T, c goldenCase, script, ext string) {
	uri := c.uri
	if uri == "" {
		uri = fixture
	}
	args := append(append(append([]string{"-c", uri}, c.flags...), script), c.args...)
	cmd := exec.Command(binary, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "LIBVIRT_DEFAULT_URI=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	code := 0
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("running %s: %v", script, err)
		}
		code = exit.ExitCode()
	}
	base := filepath.Join("testdata", c.name)
	compare(t, base+".stdout", scrub(stdout.String()))
	compare(t, base+".exit", strconv.Itoa(code)+"\n")
	compare(t, base+ext+".stderr", scrub(stderr.String()))
}

// scrub replaces what varies between checkouts.
func scrub(s string) string { return strings.ReplaceAll(s, root, "$ROOT") }

// compare checks got against the recorded file, or records it with -update.
// Twins share .stdout and .exit: with -update, the first twin records them
// and the second is compared.
func compare(t *testing.T, file, got string) {
	t.Helper()
	if *update && (strings.HasSuffix(file, ".stderr") || !recorded(file)) {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./tests/golden -update to record it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (-want +got):\n%s", file, diff(string(want), got))
	}
}

// recordedFiles are the shared files written in this -update run.
var (
	mu            sync.Mutex
	recordedFiles = map[string]bool{}
)

// recorded reports whether file was already written in this -update run,
// and marks it written.

func recorded(file string) bool {
	mu.Lock()
	defer mu.Unlock()
	if recordedFiles[file] {
		return true
	}
	recordedFiles[file] = true
	return false
}

// diff is a line diff: lines only in want are marked -, only in got +.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	i, j := 0, 0
	for i < len(w) || j < len(g) {
		switch {
		case i < len(w) && j < len(g) && w[i] == g[j]:
			fmt.Fprintf(&b, "  %s\n", w[i])
			i++
			j++
		case i < len(w) && (j >= len(g) || !contains(g[j:], w[i])):
			fmt.Fprintf(&b, "- %s\n", w[i])
			i++
		default:
			fmt.Fprintf(&b, "+ %s\n", g[j])
			j++
		}
	}
	return b.String()
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}
