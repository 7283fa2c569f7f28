package golden

import (
	"path/filepath"
	"strconv"
	"testing"
)

// noConnection are flags under which any connection would fail: a URI
// naming a node file that does not exist, which no --allow-uri pattern
// allows. `vertscript check` must connect to nothing, so they change
// nothing of its output.
var noConnection = []string{"-c", "test:///no/such/dir/node.xml", "--allow-uri", "test:///refused-by-policy"}

// checkCases are `vertscript check` runs: each example script and each
// script of tests/golden/check (syntax errors, names several classes
// share, dynamic access), found by glob; then several scripts at once,
// --json, and usage errors. Their outputs are testdata/cli-check-NAME.*.
func checkCases(t *testing.T) []cliCase {
	t.Helper()
	var cs []cliCase
	for _, pattern := range []string{"scripts/examples/*", "tests/golden/check/*"} {
		files, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			ext := filepath.Ext(f)
			if ext != ".star" && ext != ".lua" {
				continue
			}
			rel, _ := filepath.Rel(root, f)
			cs = append(cs, cliCase{name: "check-" + filepath.Base(f), args: append(append([]string{}, noConnection...), "check", rel)})
		}
	}
	return append(cs,
		cliCase{name: "check-several", args: []string{"check", "scripts/examples/ex6.star", "tests/golden/check/syntax_error.lua", "scripts/examples/inventory.lua"}},
		cliCase{name: "check-json", args: append(append([]string{}, noConnection...), "check", "--json", "scripts/examples/ex6.lua", "tests/golden/check/unresolved.star")},
		cliCase{name: "check-no-script", args: []string{"check"}},
		cliCase{name: "check-unknown-language", args: []string{"check", "scripts/examples/create_domain.xml", "scripts/examples/ex6.star"}},
		cliCase{name: "check-missing-script", args: []string{"check", "scripts/examples/no-such-script.lua"}},
	)
}

// TestCheck runs vertscript check and compares its outputs with the
// recorded ones.
func TestCheck(t *testing.T) {
	for _, c := range checkCases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := execute(t, c.args)
			base := filepath.Join("testdata", "cli-"+c.name)
			compare(t, base+".stdout", stdout)
			compare(t, base+".exit", strconv.Itoa(code)+"\n")
			compare(t, base+".stderr", stderr)
		})
	}
}
