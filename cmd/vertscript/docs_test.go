package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
)

// repoRoot is the repository, from cmd/vertscript.
const repoRoot = "../.."

// valueFlags are vertscript's flags that take a value.
var valueFlags = []string{"c", "connect", "allow", "deny", "allow-uri", "allow-read", "plan", "audit", "timeout", "call-timeout", "max-steps", "max-depth", "max-memory"}

// safeFlags make a command line that runs a state-changing example change
// nothing real: a dry run or a read-only run. Otherwise the URI must be
// the test driver's (-c test:///default).
var safeFlags = []string{"dry-run", "read-only"}

// mutatingCalls returns, for each example script in scripts/examples, the
// operations it calls (by method name) that are not reads: a name counts
// when any operation of the table by that name has another effect, so the
// list errs towards "changes state".
func mutatingCalls(t *testing.T) map[string][]string {
	t.Helper()
	changing := map[string]bool{}
	for _, class := range host.Classes() {
		for _, op := range host.Methods(class) {
			if op.Effect != host.Read {
				changing[op.Name] = true
			}
		}
	}
	call := regexp.MustCompile(`[.:]([A-Za-z_][A-Za-z0-9_]*)\s*\(`)
	scripts, _ := filepath.Glob(filepath.Join(repoRoot, "scripts/examples/*.*"))
	out := map[string][]string{}
	for _, path := range scripts {
		if ext := filepath.Ext(path); ext != ".star" && ext != ".lua" {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var ops []string
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			if changing[m[1]] && !slices.Contains(ops, m[1]) {
				ops = append(ops, m[1])
			}
		}
		out[filepath.Base(path)] = ops
	}
	if len(out) == 0 {
		t.Fatal("no example scripts in scripts/examples")
	}
	return out
}

// commandLine matches a vertscript command line in a document, up to the
// end of the line, a backtick or a comment.
var commandLine = regexp.MustCompile("(?:^|[\\s`$(])vertscript((?:\\s+[^\\s`#]+)+)")

// TestDocsRunStateChangingExamplesSafely scans the documents (README.md,
// docs/, the examples' headers, Go comments and the --help text) for
// command lines that run an example script that changes state (it calls a
// mutating, destroying or file operation): each one must name the test
// driver (-c test:///default), a dry run or a read-only run, so that
// pasting it on a host whose default URI is qemu:///system does not
// suspend real guests.
func TestDocsRunStateChangingExamplesSafely(t *testing.T) {
	examples := mutatingCalls(t)
	if len(examples["ex6.lua"]) == 0 || len(examples["inventory.star"]) != 0 {
		t.Fatalf("the scan of the examples is off: ex6.lua calls %q, inventory.star %q", examples["ex6.lua"], examples["inventory.star"])
	}
	var docs []string
	filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, path)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case rel == "Makefile", strings.HasSuffix(rel, ".md"),
			strings.HasPrefix(rel, "scripts/examples/"),
			strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go"),
			strings.HasPrefix(rel, "tools/"):
			docs = append(docs, rel)
		}
		return nil
	})
	checked := 0
	for _, rel := range docs {
		b, err := os.ReadFile(filepath.Join(repoRoot, rel))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, m := range commandLine.FindAllStringSubmatch(line, -1) {
				script, flags, uri := parseCommand(strings.Fields(m[1]))
				ops, ok := examples[filepath.Base(script)]
				if !ok || len(ops) == 0 {
					continue
				}
				checked++
				if !strings.HasPrefix(uri, "test:") && !slices.ContainsFunc(flags, func(f string) bool { return slices.Contains(safeFlags, f) }) {
					t.Errorf("%s:%d: vertscript%s runs %s, which changes state (%s), for real: add -c test:///default (or --dry-run)", rel, i+1, m[1], filepath.Base(script), strings.Join(ops, ", "))
				}
			}
		}
	}
	if checked == 0 {
		t.Error("found no command line running a state-changing example: the scan is off")
	}
}

// parseCommand returns the script of a vertscript command line (its
// arguments after "github.com/vertscript/vertscript"), the names of the flags before it and the
// -c/--connect URI.
func parseCommand(args []string) (script string, flags []string, uri string) {
	for i := 0; i < len(args); i++ {
		name, ok := flagName(args[i])
		if !ok {
			return args[i], flags, uri
		}
		flags = append(flags, name)
		value, hasValue := "", false
		if _, v, ok := strings.Cut(args[i], "="); ok {
			value, hasValue = v, true
		} else if slices.Contains(valueFlags, name) && i+1 < len(args) {
			i++
			value, hasValue = args[i], true
		}
		if hasValue && (name == "c" || name == "connect") {
			uri = strings.Trim(value, `'"`)
		}
	}
	return "", flags, uri
}
