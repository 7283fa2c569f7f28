// Package hostile runs hostile scripts through the real vertscript binary:
// scripts that try to escape the sandbox, to widen the policy they run under,
// to run forever, to exhaust memory or to crash the host. Each one must end
// with its expected error and exit status, within its time bound, without a
// panic, and without the process growing past its memory bound.
//
// Every file in cases/ (NAME.star or NAME.lua) is a case. Its expectations
// are in its leading comment block (# in Starlark, -- in Lua), one per line:
//
//	flags: --read-only                 flags before the script (split on spaces)
//	args: a b                          the script's arguments (split on spaces)
//	args-repeat: 2000 WORD             append WORD 2000 times to the arguments
//	connect: test:///default           the -c URI (default: $NODE)
//	env: NAME=VALUE                    set in the binary's environment (repeatable)
//	want-exit: 1                       the exit status (required)
//	want-stdout: LINE                  stdout, line by line (repeatable; without
//	                                   it stdout must be empty; \t is a tab)
//	want-stderr: LINE                  stderr, line by line, exactly (repeatable)
//	want-stderr-first: LINE            or: only stderr's first line, exactly
//	want-stderr-match: REGEXP          or: stderr's first line matches REGEXP
//	                                   (for numbers that vary from run to run)
//	within: 10s                        the run's time bound (default 10s)
//	max-rss: 512MiB                    the process's resident-memory bound
//	                                   (default 512MiB); a watchdog kills it
//	                                   when it grows past the bound
//	symlink: NAME -> TARGET            make $TMP/NAME a symbolic link to TARGET
//	tripwire: NAME                     make $TMP/outside/NAME, a program that
//	                                   creates $TMP/outside/NAME.ran; the case
//	                                   fails if it ran
//	file: NAME: CONTENT                write CONTENT to $TMP/NAME
//	run-in: tmp                        copy the script into $TMP/run and run it
//	                                   from there (its directory is readable,
//	                                   $TMP/outside is not)
//	cwd: DIR                           run the binary with the current
//	                                   directory DIR (the script's path is
//	                                   then absolute: $ROOT/tests/hostile/...)
//	want-file-contains: NAME: TEXT     after the run, $TMP/NAME holds TEXT
//	                                   (repeatable; TEXT as written, $ROOT
//	                                   and $TMP expanded)
//	want-file-not-contains: NAME: TEXT after the run, $TMP/NAME exists and
//	                                   does not hold TEXT (repeatable;
//	                                   e.g. a password in an --audit file)
//	needs: TEXT                        what must land in the product for the
//	                                   case to pass (printed when it fails)
//
// In all of them (and in the outputs, before comparing), $ROOT is the
// repository, $TMP a temporary directory private to the case, $NODE the
// fixture's URI (test://$ROOT/tests/hostile/node.xml: a private libvirt
// test-driver node per connection, two running domains, alpha and beta, and
// a shut-off one, gamma). Scripts run with the current directory
// tests/hostile, as cases/NAME.EXT (or $TMP/run/NAME.EXT with run-in: tmp).
//
// Adding a case means adding a file. TestMain builds the binary once;
// VERTSCRIPT_BINARY=PATH runs the cases on an already built one instead.
// TestHostileRemote runs every case again on the remote backend (see
// remote_test.go): the binary built with CGO_ENABLED=0 (or
// VERTSCRIPT_PURE_BINARY=PATH), its test:/// URIs served by loopback
// libvirtds.
package hostile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

var (
	root   string // the repository
	binary string // the vertscript built for this run
	node   string // the fixture's URI
	// buildDir is the temporary directory TestMain builds binaries in.
	buildDir string
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "vertscript-hostile")
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	buildDir = dir
	if root, err = filepath.Abs("../.."); err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		return 1
	}
	if binary = os.Getenv("VERTSCRIPT_BINARY"); binary == "" {
		binary = filepath.Join(dir, "github.com/vertscript/vertscript")
		build := exec.Command("go", "build", "-o", binary, "github.com/vertscript/vertscript/cmd/vertscript")
		build.Dir = root
		if out, err := build.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "hostile: go build: %v\n%s", err, out)
			return 1
		}
	}
	node = "test://" + filepath.Join(root, "tests/hostile/node.xml")
	return m.Run()
}

// A hostileCase is one script and what its run must give.
type hostileCase struct {
	name   string // the file name
	path   string // cases/NAME.EXT
	flags  []string
	args   []string
	uri    string
	env    []string
	exit   int
	stdout []string
	stderr []string       // the whole stderr, when set
	first  string         // or its first line
	match  *regexp.Regexp // or a pattern for the first line
	within time.Duration
	maxRSS uint64
	links  [][2]string // name, target
	wires  []string
	files  [][2]string // name, content
	inTmp  bool
	cwd    string
	// fileHas and fileHasNot are the texts files in $TMP must and must not
	// hold after the run: name, text.
	fileHas, fileHasNot [][2]string
	needs               string

	hasExit, hasFirst bool
}

// TestHostile runs every case in cases/, in parallel.
func TestHostile(t *testing.T) {
	eachCase(t, func(t *testing.T, c *hostileCase) { c.run(t, inProcess) })
}

// eachCase runs each for every case in cases/, each in a parallel subtest
// named for the case's file.
func eachCase(t *testing.T, each func(t *testing.T, c *hostileCase)) {
	files, err := filepath.Glob("cases/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".star" && ext != ".lua" && ext != ".py" {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			c, err := parseCase(f)
			if err != nil {
				t.Fatal(err)
			}
			each(t, c)
		})
	}
	if n == 0 {
		t.Fatal("no cases in cases/")
	}
}

// header matches one expectation in a script's leading comment block.
var header = regexp.MustCompile(`^(?:#|--)\s*([a-z-]+):\s?(.*)$`)

// parseCase reads the expectations of the script at path.
func parseCase(path string) (*hostileCase, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c := &hostileCase{
		name:   filepath.Base(path),
		path:   filepath.ToSlash(path),
		uri:    "$NODE",
		within: 10 * time.Second,
		maxRSS: 512 << 20,
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "--") {
			break // the end of the leading comment block
		}
		m := header.FindStringSubmatch(line)
		if m == nil {
			continue // prose
		}
		if err := c.set(m[1], m[2]); err != nil {
			return nil, fmt.Errorf("%s: %s: %v", path, m[1], err)
		}
	}
	switch {
	case !c.hasExit:
		return nil, fmt.Errorf("%s: no want-exit", path)
	case (c.stderr != nil) == (c.hasFirst || c.match != nil), c.hasFirst && c.match != nil:
		return nil, fmt.Errorf("%s: want exactly one of want-stderr, want-stderr-first, want-stderr-match", path)
	}
	return c, nil
}

// set records the expectation key: value.
func (c *hostileCase) set(key, value string) error {
	var err error
	switch key {
	case "flags":
		c.flags = append(c.flags, strings.Fields(value)...)
	case "args":
		c.args = append(c.args, strings.Fields(value)...)
	case "args-repeat":
		n, word, ok := strings.Cut(value, " ")
		count, err := strconv.Atoi(n)
		if !ok || err != nil {
			return errors.New("want COUNT WORD")
		}
		for range count {
			c.args = append(c.args, word)
		}
	case "connect":
		c.uri = value
	case "env":
		c.env = append(c.env, value)
	case "want-exit":
		c.exit, err = strconv.Atoi(value)
		c.hasExit = true
	case "want-stdout":
		c.stdout = append(c.stdout, unescape(value))
	case "want-stderr":
		c.stderr = append(c.stderr, unescape(value))
	case "want-stderr-first":
		c.first, c.hasFirst = unescape(value), true
	case "want-stderr-match":
		c.match, err = regexp.Compile(value)
	case "within":
		c.within, err = time.ParseDuration(value)
	case "max-rss":
		c.maxRSS, err = parseSize(value)
	case "symlink":
		name, target, ok := strings.Cut(value, " -> ")
		if !ok {
			return errors.New("want NAME -> TARGET")
		}
		c.links = append(c.links, [2]string{name, target})
	case "tripwire":
		c.wires = append(c.wires, value)
	case "file":
		name, content, ok := strings.Cut(value, ": ")
		if !ok {
			return errors.New("want NAME: CONTENT")
		}
		c.files = append(c.files, [2]string{name, content})
	case "want-file-contains", "want-file-not-contains":
		name, text, ok := strings.Cut(value, ": ")
		if !ok || text == "" {
			return errors.New("want NAME: TEXT")
		}
		if key == "want-file-contains" {
			c.fileHas = append(c.fileHas, [2]string{name, text})
		} else {
			c.fileHasNot = append(c.fileHasNot, [2]string{name, text})
		}
	case "run-in":
		if value != "tmp" {
			return errors.New("want tmp")
		}
		c.inTmp = true
	case "cwd":
		c.cwd = value
	case "needs":
		c.needs = value
	default:
		return errors.New("unknown expectation")
	}
	return err
}

// unescape turns \t in an expected line into the tab that Lua's
// tracebacks begin their lines with.
func unescape(s string) string { return strings.ReplaceAll(s, `\t`, "\t") }

// parseSize reads 512MiB, 1GiB or a number of bytes.
func parseSize(s string) (uint64, error) {
	mult := uint64(1)
	for suffix, m := range map[string]uint64{"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			s, mult = n, m
			break
		}
	}
	n, err := strconv.ParseUint(s, 10, 64)
	return n * mult, err
}

// tripwireProgram is what a tripwire runs: it only records that it ran.
const tripwireProgram = "#!/bin/sh\necho \"ran as $(id -un)\" > \"$0.ran\"\n"

// A transport is how a run reaches its nodes: the binary it runs, how the
// URIs in its command line and environment are rewritten, and how its
// outputs are written back in the in-process URIs before they are compared.
type transport struct {
	binary string
	uri    func(string) string // nil: unchanged
	scrub  func(string) string // nil: unchanged
}

// inProcess is the default binary reaching the fixture in-process.
var inProcess = transport{}

// run runs the case with tr and checks its outcome.
func (c *hostileCase) run(t *testing.T, tr transport) {
	bin, mapURI, scrubURI := tr.binary, tr.uri, tr.scrub
	if bin == "" {
		bin = binary
	}
	if mapURI == nil {
		mapURI = func(s string) string { return s }
	}
	if scrubURI == nil {
		scrubURI = func(s string) string { return s }
	}
	if c.needs != "" {
		defer func() {
			if t.Failed() {
				t.Logf("this case needs: %s", c.needs)
			}
		}()
	}
	tmp := t.TempDir()
	realTmp, err := filepath.EvalSymlinks(tmp)
	if err != nil {
		t.Fatal(err)
	}
	expand := strings.NewReplacer("$ROOT", root, "$TMP", tmp, "$NODE", node).Replace

	if err := os.Mkdir(filepath.Join(tmp, "outside"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, w := range c.wires {
		if err := os.WriteFile(filepath.Join(tmp, "outside", w), []byte(tripwireProgram), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range c.files {
		p := filepath.Join(tmp, f[0])
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(expand(f[1])+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range c.links {
		p := filepath.Join(tmp, l[0])
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(expand(l[1]), p); err != nil {
			t.Fatal(err)
		}
	}
	script := c.path
	if c.inTmp {
		src, err := os.ReadFile(c.path)
		if err != nil {
			t.Fatal(err)
		}
		script = filepath.Join(tmp, "run", c.name)
		if err := os.MkdirAll(filepath.Dir(script), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(script, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if c.cwd != "" && !filepath.IsAbs(script) {
		script = filepath.Join(root, "tests/hostile", script)
	}
	argv := []string{"-c", mapURI(expand(c.uri))}
	for _, f := range c.flags {
		argv = append(argv, mapURI(expand(f)))
	}
	argv = append(argv, script)
	for _, a := range c.args {
		argv = append(argv, mapURI(expand(a)))
	}
	env := os.Environ()
	for _, e := range c.env {
		env = append(env, mapURI(expand(e)))
	}
	res := runBinary(t, bin, expand(c.cwd), argv, env, c.within, c.maxRSS)

	paths := strings.NewReplacer(root, "$ROOT", tmp, "$TMP", realTmp, "$TMP").Replace
	scrub := func(s string) string { return paths(scrubURI(s)) }
	stdout, stderr := scrub(res.stdout), scrub(res.stderr)
	if res.timedOut {
		t.Errorf("still running after %s (killed); stderr so far:\n%s", c.within, clip(stderr))
	}
	if res.rssExceeded {
		t.Errorf("resident memory passed %d MiB (killed); stderr so far:\n%s", c.maxRSS>>20, clip(stderr))
	}
	if res.timedOut || res.rssExceeded {
		return
	}
	if res.maxRSS > c.maxRSS {
		t.Errorf("resident memory peaked at %d MiB, more than %d MiB", res.maxRSS>>20, c.maxRSS>>20)
	}
	if crashed(stderr) {
		t.Errorf("the binary crashed (exit %d):\n%s", res.exit, clip(stderr))
	}
	if res.exit != c.exit {
		t.Errorf("exit status %d, want %d", res.exit, c.exit)
	}
	if want := joinLines(c.stdout); stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", clip(stdout), want)
	}
	first, _, _ := strings.Cut(stderr, "\n")
	switch {
	case c.stderr != nil:
		if want := joinLines(c.stderr); stderr != want {
			t.Errorf("stderr:\n%s\nwant:\n%s", clip(stderr), want)
		}
	case c.hasFirst:
		if first != c.first {
			t.Errorf("stderr's first line:\n%s\nwant:\n%s", first, c.first)
		}
	case c.match != nil:
		if !c.match.MatchString(first) {
			t.Errorf("stderr's first line:\n%s\nwant a match for:\n%s", first, c.match)
		}
	}
	for _, f := range c.fileHas {
		b, err := os.ReadFile(filepath.Join(tmp, f[0]))
		if err != nil {
			t.Errorf("want-file-contains: %v", err)
		} else if !strings.Contains(scrub(string(b)), expand(f[1])) {
			t.Errorf("$TMP/%s does not hold %q:\n%s", f[0], f[1], clip(scrub(string(b))))
		}
	}
	for _, f := range c.fileHasNot {
		b, err := os.ReadFile(filepath.Join(tmp, f[0]))
		if err != nil {
			t.Errorf("want-file-not-contains: %v", err)
		} else if strings.Contains(string(b), expand(f[1])) {
			t.Errorf("$TMP/%s holds %q:\n%s", f[0], f[1], clip(scrub(string(b))))
		}
	}
	for _, w := range c.wires {
		if b, err := os.ReadFile(filepath.Join(tmp, "outside", w+".ran")); err == nil {
			t.Errorf("SANDBOX ESCAPE: libvirt ran %s, a program outside the readable directories (%s)",
				filepath.Join("$TMP/outside", w), strings.TrimSpace(string(b)))
		}
	}
}

// joinLines is what a file of lines holds: each line ended by a newline.
func joinLines(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// crashed tells whether stderr shows a Go panic or a runtime fatal error.
func crashed(stderr string) bool {
	for _, s := range []string{"panic: ", "fatal error: ", "goroutine "} {
		if strings.HasPrefix(stderr, s) || strings.Contains(stderr, "\n"+s) {
			return true
		}
	}
	return false
}

// clip shortens a long output for a failure message.
func clip(s string) string {
	const max = 4000
	if len(s) <= max {
		return s
	}
	return s[:max/2] + fmt.Sprintf("\n... %d bytes elided ...\n", len(s)-max) + s[len(s)-max/2:]
}

// A result is what one run of the binary gave.
type result struct {
	stdout, stderr string
	exit           int
	maxRSS         uint64 // the peak resident set, in bytes
	timedOut       bool   // killed after the time bound
	rssExceeded    bool   // killed by the memory watchdog
}

// runBinary runs bin with argv in dir ("": tests/hostile), kills it (and its
// process group) when it outlives within or its resident set passes maxRSS,
// and returns what it gave.
func runBinary(t *testing.T, bin, dir string, argv, env []string, within time.Duration, maxRSS uint64) result {
	t.Helper()
	cmd := exec.Command(bin, argv...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &limitedWriter{w: &stderr, n: 1 << 20}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	var res result
	kill := func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	deadline := time.NewTimer(within)
	defer deadline.Stop()
	poll := time.NewTicker(5 * time.Millisecond)
	defer poll.Stop()
	var err error
	var polled uint64 // the largest resident set the polls saw
wait:
	for {
		select {
		case err = <-done:
			break wait
		case <-deadline.C:
			res.timedOut = true
			kill()
		case <-poll.C:
			rss, ok := residentSet(cmd.Process.Pid)
			polled = max(polled, rss)
			if ok && rss > maxRSS && !res.rssExceeded {
				res.rssExceeded = true
				kill()
			}
		}
	}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		res.exit = exitErr.ExitCode()
	default:
		t.Fatalf("running %s: %v", bin, err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && runtime.GOOS == "linux" {
		res.maxRSS = uint64(ru.Maxrss) << 10 // KiB on Linux
		// Linux starts a child's peak at its parent's when the child
		// execs from a vfork (as os/exec does): a peak no higher than
		// this test process's own may be the test's, not the child's,
		// so the polls' figure stands then.
		if own, ok := ownPeak(); ok && res.maxRSS <= own {
			res.maxRSS = polled
		}
	}
	t.Logf("ran in %s, peak RSS %d MiB: vertscript %s", time.Since(start).Round(time.Millisecond), res.maxRSS>>20, strings.Join(argv, " "))
	res.stdout, res.stderr = stdout.String(), stderr.String()
	return res
}

// ownPeak reads this process's peak resident set (VmHWM), in bytes.
func ownPeak() (uint64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// residentSet reads the resident set of process pid, in bytes, from /proc.
func residentSet(pid int) (uint64, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/statm", pid))
	if err != nil {
		return 0, false
	}
	fields := strings.Fields(string(b))
	if len(fields) < 2 {
		return 0, false
	}
	pages, err := strconv.ParseUint(fields[1], 10, 64)
	if err != nil {
		return 0, false
	}
	return pages * uint64(os.Getpagesize()), true
}

// limitedWriter keeps the first n bytes written to it and drops the rest,
// so that a runaway traceback cannot exhaust the test's memory.
type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		l.n -= k
		_, _ = l.w.Write(p[:k])
	}
	return len(p), nil
}

// TestCaseFiles checks that every file in cases/ is a case, so that a
// misnamed script is not silently skipped.
func TestCaseFiles(t *testing.T) {
	entries, err := os.ReadDir("cases")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); e.IsDir() || (ext != ".star" && ext != ".lua" && ext != ".py") {
			t.Errorf("cases/%s: not a .star, .py or .lua script", e.Name())
		}
	}
}

// TestFixture checks that the fixture is the node the cases assume.
func TestFixture(t *testing.T) {
	script := filepath.Join(t.TempDir(), "fixture.star")
	const src = `conn = libvirt.open()
for d in conn.listAllDomains():
    print("%s %d" % (d.name(), d.info()[0]))
`
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runBinary(t, binary, "", []string{"-c", node, "--allow-read", filepath.Join(root, "tests/hostile"), script}, os.Environ(), time.Minute, 1<<30)
	got := strings.Split(strings.TrimSpace(res.stdout), "\n")
	want := []string{"alpha 1", "beta 1", "gamma 5"}
	if res.exit != 0 || strings.Join(slices.Sorted(slices.Values(got)), ",") != strings.Join(want, ",") {
		t.Fatalf("fixture: exit %d, domains %q, want %q\n%s", res.exit, got, want, res.stderr)
	}
}
