// Package golden runs every example and error case through the real
// vertscript binary on a private libvirt test-driver node
// (tests/fixtures/node.xml), and compares stdout, stderr and the exit status
// with recorded files in testdata/:
//
//	CASE.stdout, CASE.exit   shared by the Starlark and Lua twins of a case
//	CASE.star.stderr         per language
//	CASE.lua.stderr
//	cli-CASE.stdout, cli-CASE.stderr, cli-CASE.exit
//	                         command lines that run no script
//
// `go test ./tests/golden -update` records them anew (and removes recorded
// files no case produces); review the diff before committing. What varies
// between machines is written as $ROOT (the repository), $HOSTNAME and
// $LIBVIRT_VERSION (see scrub).
//
// To add a case: drop NAME.star (and its NAME.lua twin, when written) into
// scripts/examples, tests/golden/errors or tests/golden/api (one script per
// class or area of the API, exercising it on the fixture); give it arguments in exampleArgs,
// or more runs in extraCases; then run with -update.
package golden

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "record the expected outputs anew")

// runTimeout bounds one run of the binary, so that a hung script fails its
// case instead of the whole test binary.
const runTimeout = 2 * time.Minute

var (
	root   string // the repository
	binary string // the vertscript built for this run
	// pureBinary is the same built with CGO_ENABLED=0: the remote
	// backend only.
	pureBinary string
	fixture    string // the test-driver node every case runs on by default

	scrubbers []scrubber // what scrub replaces, found in TestMain
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "vertscript-golden")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if err := setup(dir); err != nil {
		fmt.Fprintln(os.Stderr, "golden:", err)
		return 1
	}
	return m.Run()
}

// setup builds the binary into dir and learns what scrub must replace.
func setup(dir string) error {
	var err error
	if root, err = filepath.Abs("../.."); err != nil {
		return err
	}
	binary = filepath.Join(dir, "vertscript")
	build := exec.Command("go", "build", "-o", binary, "github.com/vertscript/vertscript/cmd/vertscript")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	// The build without cgo, which has only the remote backend.
	pureBinary = filepath.Join(dir, "vertscript-pure")
	build = exec.Command("go", "build", "-o", pureBinary, "github.com/vertscript/vertscript/cmd/vertscript")
	build.Dir = root
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go build (CGO_ENABLED=0): %v\n%s", err, out)
	}
	fixture = "test://" + filepath.Join(root, "tests/fixtures/node.xml")

	// The host's name and libvirt's version, as scripts see them.
	probe := filepath.Join(dir, "probe.star")
	const src = `conn = libvirt.open("test:///default")
v = conn.getLibVersion()
print(conn.getHostname())
print("%d.%d.%d" % (v // 1000000, v // 1000 % 1000, v % 1000))
`
	if err := os.WriteFile(probe, []byte(src), 0o644); err != nil {
		return err
	}
	out, err := command(context.Background(), probe).Output()
	if err != nil {
		return fmt.Errorf("probing the host: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 {
		return fmt.Errorf("probing the host: unexpected output %q", out)
	}
	scrubbers = []scrubber{
		{regexp.MustCompile(regexp.QuoteMeta(root)), "$ROOT"},
		// Only the inventory's "Host: NAME" line: a short host name such
		// as "test" would otherwise replace domain names.
		{regexp.MustCompile(`(?m)^Host: ` + regexp.QuoteMeta(lines[0]) + `$`), "Host: $HOSTNAME"},
		{regexp.MustCompile(`\blibvirt ` + regexp.QuoteMeta(lines[1]) + `\b`), "libvirt $LIBVIRT_VERSION"},
	}
	return nil
}

// A scrubber replaces what varies between machines in recorded outputs.
type scrubber struct {
	re   *regexp.Regexp
	with string
}

// scrub writes the machine-dependent parts of s as variables.
func scrub(s string) string {
	for _, r := range scrubbers {
		s = r.re.ReplaceAllLiteralString(s, r.with)
	}
	return s
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

// exampleArgs are the arguments of the plain run that every script in
// scripts/examples gets.
var exampleArgs = map[string][]string{
	"create_domain":  {"scripts/examples/create_domain.xml"},
	"stop_by_prefix": {"web-"},
	"retire_domain":  {"web-1"},
	// The ports of libvirt-python's examples.
	"dominfo":    {"web-1"},
	"domstart":   {"scripts/examples/create_domain.xml"},
	"domsave":    {"$TMP"},
	"domrestore": {"tests/fixtures/saved/saved-vm.img"},
	"domipaddrs": {"test"},
	"event_test": {"test:///default"},
	// The API cases that need a directory of their own.
	"api-domain_files": {"$TMP"},
}

// exampleFlags are the flags of the plain run of an example.
var exampleFlags = map[string][]string{
	"domsave":          {"--allow", "read", "--allow", "file"},
	"domrestore":       {"--allow", "read", "--allow", "file"},
	"api-domain_files": {"--allow", "read", "--allow", "mutate", "--allow", "destroy", "--allow", "file", "--allow-read", ".", "--allow-read", "$TMP"},
}

// exampleURI overrides the fixture for examples whose output depends on the
// order of several running domains, which libvirt does not define: on
// test:///default (one running domain; private to each vertscript process).
// "fixture:NAME.xml" names another node in tests/fixtures.
var exampleURI = map[string]string{
	"ex6":                         "test:///default",
	"domipaddrs":                  "test:///default",
	"topology":                    "test:///default",
	"domsave":                     "test:///default",
	"domrestore":                  "test:///default",
	"api-storage_pool":            "fixture:storage.xml",
	"api-storage_vol":             "fixture:storage.xml",
	"api-snapshot":                "fixture:objects.xml",
	"api-checkpoint":              "fixture:objects.xml",
	"api-host":                    "fixture:host.xml",
	"api-interface":               "fixture:host.xml",
	"api-nodedev":                 "fixture:host.xml",
	"api-domain_stats":            "fixture:domstats.xml",
	"api-domain_stats_bad_params": "fixture:domstats.xml",
	"api-domain_stats_tunables":   "fixture:domstats.xml",
}

// extraCases are more runs of the examples: other arguments and flags.
var extraCases = []goldenCase{
	{name: "api-domain_files-refused", script: "tests/golden/api/domain_files", args: []string{"$TMP"}},
	{name: "autostart_audit-fix", script: "scripts/examples/autostart_audit", args: []string{"--fix"}},
	{name: "autostart_audit-fix-dry-run", script: "scripts/examples/autostart_audit", flags: []string{"--dry-run"}, args: []string{"--fix"}},
	{name: "create_domain-dry-run", script: "scripts/examples/create_domain", flags: []string{"--dry-run"}, args: exampleArgs["create_domain"]},
	{name: "create_domain-no-args", script: "scripts/examples/create_domain"},
	{name: "ex6-read-only", script: "scripts/examples/ex6", flags: []string{"--read-only"}, uri: exampleURI["ex6"]},
	{name: "inventory-read-only", script: "scripts/examples/inventory", flags: []string{"--read-only"}},
	{name: "retire_domain-dry-run", script: "scripts/examples/retire_domain", flags: []string{"--dry-run"}, args: exampleArgs["retire_domain"]},
	{name: "scratch_volume-dry-run", script: "scripts/examples/scratch_volume", flags: []string{"--dry-run"}},
	{name: "stop_by_prefix-dry-run", script: "scripts/examples/stop_by_prefix", flags: []string{"--dry-run"}, args: exampleArgs["stop_by_prefix"]},
	{name: "stop_by_prefix-no-args", script: "scripts/examples/stop_by_prefix"},
	{name: "stop_by_prefix-no-match", script: "scripts/examples/stop_by_prefix", args: []string{"mail-"}},
}

// A cliCase is a command line that runs no script: its outputs are
// testdata/cli-NAME.{stdout,stderr,exit}.
type cliCase struct {
	name string
	args []string
}

var cliCases = []cliCase{
	{name: "doc-coverage", args: []string{"doc", "--coverage"}},
	{name: "doc-coverage-remote", args: []string{"doc", "--coverage", "--backend", "remote"}},
	{name: "version-remote", args: []string{"--backend", "remote", "--version"}},
	{name: "unknown-backend", args: []string{"--backend", "xen", "scripts/examples/ex6.star"}},
	{name: "missing-script", args: []string{"-c", "test:///default", "scripts/examples/no-such-script.star"}},
	{name: "no-script", args: nil},
	{name: "unknown-flag", args: []string{"--no-such-flag", "scripts/examples/ex6.star"}},
	{name: "unknown-language", args: []string{"scripts/examples/create_domain.xml"}},
}

var languages = []string{".star", ".lua"}

// cases finds every example and error script (by glob) and adds the extra
// runs.
func cases(t *testing.T) []goldenCase {
	t.Helper()
	var cs []goldenCase
	seen := map[string]bool{}
	for _, pattern := range []string{"scripts/examples/*", "tests/golden/errors/*", "tests/golden/api/*"} {
		files, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			ext := filepath.Ext(f)
			if !slices.Contains(languages, ext) {
				continue
			}
			rel, err := filepath.Rel(root, strings.TrimSuffix(f, ext))
			if err != nil {
				t.Fatal(err)
			}
			if seen[rel] {
				continue
			}
			seen[rel] = true
			name := filepath.Base(rel)
			switch filepath.Dir(rel) {
			case "tests/golden/errors":
				name = "error-" + name
			case "tests/golden/api":
				name = "api-" + name
			}
			cs = append(cs, goldenCase{name: name, script: rel, flags: exampleFlags[name], args: exampleArgs[name], uri: exampleURI[name]})
		}
	}
	return append(cs, extraCases...)
}

// twins returns the scripts of c that exist, with their extensions: the
// Starlark and Lua twins, and for an example ported from libvirt-python
// its Python form, scripts/examples/python/NAME.py, which runs as it is.
func twins(c goldenCase) (scripts, exts []string) {
	for _, ext := range languages {
		if _, err := os.Stat(filepath.Join(root, c.script+ext)); err == nil {
			scripts, exts = append(scripts, c.script+ext), append(exts, ext)
		}
	}
	if filepath.Dir(c.script) == "scripts/examples" {
		py := filepath.Join("scripts/examples/python", filepath.Base(c.script)+".py")
		if _, err := os.Stat(filepath.Join(root, py)); err == nil {
			scripts, exts = append(scripts, py), append(exts, ".py")
		}
	}
	return scripts, exts
}

func TestGolden(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			scripts, exts := twins(c)
			if len(scripts) == 0 {
				t.Fatalf("no script %s.star or %s.lua", c.script, c.script)
			}
			// The twins run one after the other: with -update the first
			// records the shared .stdout and .exit, the second is compared.
			for i, script := range scripts {
				t.Run(strings.TrimPrefix(exts[i], "."), func(t *testing.T) {
					runCase(t, c, script, exts[i], binary, nil)
				})
			}
		})
	}
}

// caseURI is the URI c runs on: its own, a fixture, or the default fixture.
func caseURI(c goldenCase) string {
	if name, ok := strings.CutPrefix(c.uri, "fixture:"); ok {
		return "test://" + filepath.Join(root, "tests/fixtures", name)
	} else if c.uri != "" {
		return c.uri
	}
	return fixture
}

// runCase runs one twin of c with bin and compares its outputs with the
// recorded files. remote, when not nil, rewrites the run's URIs for the
// remote backend and gives the scrubber of the outputs (see remoteRun).
func runCase(t *testing.T, c goldenCase, script, ext, bin string, remote *remoteRun) {
	uri := caseURI(c)
	// $TMP in a flag or an argument is a fresh directory of the run's.
	tmp := t.TempDir()
	withTmp := func(list []string) []string {
		out := make([]string, len(list))
		for i, a := range list {
			out[i] = strings.ReplaceAll(a, "$TMP", tmp)
			if remote != nil {
				out[i] = remote.uri(out[i])
			}
		}
		return out
	}
	if remote != nil {
		uri = remote.uri(uri)
	}
	args := append(append(append([]string{"-c", uri}, withTmp(c.flags)...), script), withTmp(c.args)...)
	stdout, stderr, code := executeWith(t, bin, args)
	if remote != nil {
		stdout, stderr = remote.scrub(stdout), remote.scrub(stderr)
	}
	base := filepath.Join("testdata", c.name)
	compare(t, base+".stdout", stdout)
	compare(t, base+".exit", strconv.Itoa(code)+"\n")
	compare(t, base+ext+".stderr", stderr)
}

func TestCLI(t *testing.T) {
	for _, c := range cliCases {
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

// TestNoStaleFiles fails on recorded files that no case produces (a renamed
// or removed case); with -update it removes them.
func TestNoStaleFiles(t *testing.T) {
	want := map[string]bool{}
	for _, c := range cases(t) {
		want[c.name+".stdout"], want[c.name+".exit"] = true, true
		_, exts := twins(c)
		for _, ext := range exts {
			want[c.name+ext+".stderr"] = true
		}
	}
	for _, c := range append(cliCases, checkCases(t)...) {
		for _, suffix := range []string{".stdout", ".stderr", ".exit"} {
			want["cli-"+c.name+suffix] = true
		}
	}
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if want[e.Name()] {
			continue
		}
		file := filepath.Join("testdata", e.Name())
		if *update {
			if err := os.Remove(file); err != nil {
				t.Error(err)
			}
			continue
		}
		t.Errorf("%s: no case produces it (run go test ./tests/golden -update to remove it)", file)
	}
}

// command returns the binary with args, run from the repository root with a
// neutral environment: no default URI, untranslated libvirt messages.
func command(ctx context.Context, args ...string) *exec.Cmd {
	return commandWith(ctx, binary, args...)
}

// commandWith is command with another build of the binary.
func commandWith(ctx context.Context, bin string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "LIBVIRT_DEFAULT_URI=", "LC_ALL=C", "LANG=C")
	return cmd
}

// execute runs the binary with args and returns its scrubbed outputs and
// exit status.
func execute(t *testing.T, args []string) (stdout, stderr string, code int) {
	t.Helper()
	return executeWith(t, binary, args)
}

// executeWith is execute with another build of the binary.
func executeWith(t *testing.T, bin string, args []string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := commandWith(ctx, bin, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) || ctx.Err() != nil {
			t.Fatalf("vertscript %s: %v (ctx: %v)\nstderr:\n%s", strings.Join(args, " "), err, ctx.Err(), errOut.String())
		}
		code = exit.ExitCode()
	}
	return scrub(out.String()), scrub(errOut.String()), code
}

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

// diff is a line diff from a longest common subsequence: lines only in want
// are marked -, only in got +, common lines are indented. A missing final
// newline shows as a last line "\ no newline at end".
func diff(want, got string) string {
	w, g := lines(want), lines(got)
	// lcs[i][j]: the length of the longest common subsequence of w[i:], g[j:].
	lcs := make([][]int, len(w)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(g)+1)
	}
	for i := len(w) - 1; i >= 0; i-- {
		for j := len(g) - 1; j >= 0; j-- {
			if w[i] == g[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b strings.Builder
	i, j := 0, 0
	for i < len(w) || j < len(g) {
		switch {
		case i < len(w) && j < len(g) && w[i] == g[j]:
			fmt.Fprintf(&b, "  %s\n", w[i])
			i++
			j++
		case j == len(g) || (i < len(w) && lcs[i+1][j] >= lcs[i][j+1]):
			fmt.Fprintf(&b, "- %s\n", w[i])
			i++
		default:
			fmt.Fprintf(&b, "+ %s\n", g[j])
			j++
		}
	}
	return b.String()
}

// lines splits s into lines, marking a missing final newline.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	ls := strings.Split(s, "\n")
	if ls[len(ls)-1] == "" {
		return ls[:len(ls)-1]
	}
	return append(ls, `\ no newline at end`)
}

// TestPortsArePythonTwins checks that each ported libvirt-python example's
// Starlark script is its Python form (scripts/examples/python/NAME.py)
// without the import lines: what `make compat` runs against python3-libvirt
// is what the golden tests run.
func TestPortsArePythonTwins(t *testing.T) {
	ports, err := filepath.Glob(filepath.Join(root, "scripts/examples/python/*.py"))
	if err != nil || len(ports) == 0 {
		t.Fatalf("no ports found: %v", err)
	}
	for _, py := range ports {
		src, err := os.ReadFile(py)
		if err != nil {
			t.Fatal(err)
		}
		var want strings.Builder
		for _, line := range strings.SplitAfter(string(src), "\n") {
			if !strings.HasPrefix(line, "import ") && !strings.HasPrefix(line, "from ") {
				want.WriteString(line)
			}
		}
		star := filepath.Join(root, "scripts/examples", strings.TrimSuffix(filepath.Base(py), ".py")+".star")
		got, err := os.ReadFile(star)
		if err != nil {
			t.Errorf("%s has no Starlark twin: %v", py, err)
			continue
		}
		if string(got) != want.String() {
			t.Errorf("%s is not %s without its import lines", star, py)
		}
	}
}
