package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/vertscript/vertscript/host"
)

// `vertscript test [flags] [DIR]` runs each runbook of DIR (*.star, *.py, *.lua;
// not its subdirectories) on its fixture, a libvirt test-driver node, and
// compares what it prints and its exit status with the record kept in
// DIR/testdata:
//
//   - The fixture is NAME.xml beside the runbook, else DIR/node.xml, else
//     test:///default.
//   - Each line "# test: ARGS" (Lua: "-- test: ARGS") among the runbook's
//     leading comments is one run: vertscript flags (--dry-run,
//     --read-only, ...) first, then the script's arguments, split at
//     spaces. Without such a line the runbook runs once with none.
//   - The record of a run is testdata/NAME.golden, or NAME.N.golden for
//     the Nth of several: the command, the exit status, stdout and stderr,
//     the directory written as $DIR and the host's name as $HOSTNAME.
//     --update writes them, and removes records no run makes any more.
//   - A test line may not set -c, --plan or --audit; a run that sets no
//     --timeout stops after a minute.
//   - Scripts see a fixed clock in UTC (--clock, 2026-01-01T00:00:00Z by default;
//     sleeps advance it at once), so printed times are repeatable.
//
// Exit status: 0 when every run matches its record, 1 when one differs or
// has none, 2 on a usage error.

const testUsage = `usage: vertscript test [--update] [-run REGEXP] [-v] [--clock TIME|real] [DIR]`

// defaultClock is the time runbooks see under test.
const defaultClock = "2026-01-01T00:00:00Z"

// testHeader matches a runbook's "# test: ARGS" or "-- test: ARGS" line.
var testHeader = regexp.MustCompile(`^(?:#|--)\s*test:(.*)$`)

// testRun is one run of a runbook.
type testRun struct {
	script string   // the runbook's file name, in dir
	flags  []string // vertscript flags
	args   []string // the script's arguments
	record string   // the record's file name, in dir/testdata
}

func runTest(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	update := fs.Bool("update", false, "")
	filter := fs.String("run", "", "")
	verbose := fs.Bool("v", false, "")
	clockFlag := fs.String("clock", defaultClock, "")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "vertscript: test: %v\n%s\n", err, testUsage)
		return exitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "vertscript: test: one directory at most\n%s\n", testUsage)
		return exitUsage
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	var re *regexp.Regexp
	if *filter != "" {
		var err error
		if re, err = regexp.Compile(*filter); err != nil {
			fmt.Fprintf(stderr, "vertscript: test: -run: %v\n", err)
			return exitUsage
		}
	}
	var start time.Time
	if *clockFlag != "real" {
		var err error
		if start, err = time.Parse(time.RFC3339, *clockFlag); err != nil {
			fmt.Fprintf(stderr, "vertscript: test: --clock: want an RFC 3339 time or real: %v\n", err)
			return exitUsage
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		fmt.Fprintf(stderr, "vertscript: test: %v\n", err)
		return exitUsage
	}
	runs, err := testRuns(abs)
	if err != nil {
		fmt.Fprintf(stderr, "vertscript: test: %v\n", err)
		return exitUsage
	}
	if len(runs) == 0 {
		fmt.Fprintf(stderr, "vertscript: test: no runbook (*.star, *.py, *.lua) in %s\n", dir)
		return exitUsage
	}
	failed, ran := 0, 0
	for _, r := range runs {
		if re != nil && !re.MatchString(r.record) {
			continue
		}
		if err := ctx.Err(); err != nil {
			break
		}
		ran++
		var clock host.Clock
		if !start.IsZero() {
			clock = host.NewFakeClockIn(start, time.UTC)
		}
		began := time.Now()
		got := r.run(ctx, abs, clock)
		took := time.Since(began).Round(time.Millisecond)
		if *update {
			if err := writeRecord(abs, r.record, got); err != nil {
				fmt.Fprintf(stderr, "vertscript: test: %v\n", err)
				return exitFailed
			}
			fmt.Fprintf(stdout, "recorded %s (%s)\n", r.record, took)
			continue
		}
		want, err := readRecord(abs, r.record)
		switch {
		case errors.Is(err, os.ErrNotExist):
			failed++
			fmt.Fprintf(stdout, "new  %s (%s): no record; run with --update to record it\n", r.record, took)
		case err != nil:
			failed++
			fmt.Fprintf(stdout, "FAIL %s: %v\n", r.record, err)
		case string(want) != got:
			failed++
			fmt.Fprintf(stdout, "FAIL %s (%s)\n", r.record, took)
			fmt.Fprint(stdout, unifiedDiff("testdata/"+r.record, "now", string(want), got))
		default:
			fmt.Fprintf(stdout, "ok   %s (%s)\n", r.record, took)
		}
		if *verbose {
			fmt.Fprint(stdout, indentLines(got))
		}
	}
	if re == nil {
		// A record no run makes any more: its runbook or test line went.
		made := map[string]bool{}
		for _, r := range runs {
			made[r.record] = true
		}
		records, _ := filepath.Glob(filepath.Join(abs, "testdata", "*.golden"))
		for _, rec := range records {
			if name := filepath.Base(rec); !made[name] {
				if *update {
					os.Remove(rec)
					fmt.Fprintf(stdout, "removed %s: no run makes it\n", name)
					continue
				}
				failed++
				fmt.Fprintf(stdout, "FAIL %s: no run makes it any more; run with --update to remove it\n", name)
			}
		}
	}
	switch {
	case *update:
		return exitOK
	case failed > 0:
		fmt.Fprintf(stdout, "FAIL: %d of %d runs differ from their records\n", failed, ran)
		return exitFailed
	}
	fmt.Fprintf(stdout, "ok: %d runs\n", ran)
	return exitOK
}

// testRuns lists the runs of the runbooks in dir, in name order.
func testRuns(dir string) ([]testRun, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var runs []testRun
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || languageFor(name) == nil {
			continue
		}
		src, err := readFile(filepath.Join(dir, name), host.DefaultLimits)
		if err != nil {
			return nil, err
		}
		var lines [][]string
		for _, l := range strings.Split(string(src), "\n") {
			l = strings.TrimSpace(l)
			if !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "--") {
				break // the leading comments are over
			}
			if m := testHeader.FindStringSubmatch(l); m != nil {
				lines = append(lines, strings.Fields(m[1]))
			}
		}
		if len(lines) == 0 {
			lines = [][]string{nil}
		}
		for i, fields := range lines {
			r := testRun{script: name, record: name + ".golden"}
			if len(lines) > 1 {
				r.record = name + "." + strconv.Itoa(i+1) + ".golden"
			}
			for len(fields) > 0 && strings.HasPrefix(fields[0], "-") {
				f := fields[0]
				if name, _, _ := strings.Cut(strings.TrimLeft(f, "-"), "="); name == "c" || name == "connect" || name == "plan" || name == "audit" {
					return nil, fmt.Errorf("%s: test line %d: %s is not for a test run (the fixture is the node; plans and audits are not recorded)", e.Name(), i+1, f)
				}
				r.flags = append(r.flags, f)
				fields = fields[1:]
			}
			r.args = fields
			runs = append(runs, r)
		}
	}
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].script < runs[j].script })
	return runs, nil
}

// fixture returns the URI of the node r runs on.
func (r testRun) fixture(dir string) string {
	base := strings.TrimSuffix(r.script, filepath.Ext(r.script))
	for _, f := range []string{base + ".xml", "node.xml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			return "test://" + uriPath(filepath.Join(dir, f))
		}
	}
	return "test:///default"
}

// uriPath is path as a URI's path: bytes other than letters, digits and
// / . _ ~ - escaped (%20 for a space, %25 for '%'), so that libvirt reads
// the file named, not another (p%41 would be pA).
func uriPath(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("/._~-", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// run runs r in dir, as the CLI runs a script, with the script named
// relative to dir, and returns its record.
func (r testRun) run(ctx context.Context, dir string, clock host.Clock) string {
	args := []string{"-c", r.fixture(dir)}
	if !slices.ContainsFunc(r.flags, func(f string) bool { return strings.HasPrefix(strings.TrimLeft(f, "-"), "timeout") }) {
		// A runbook stuck in a loop fails its run, not the suite.
		args = append(args, "--timeout=1m")
	}
	args = append(args, r.flags...)
	args = append(args, "--allow-read", dir, filepath.Join(dir, r.script))
	args = append(args, r.args...)
	var out, errOut bytes.Buffer
	code := runWith(ctx, args, &out, &errOut, clock)
	// What varies with the machine and the checkout: the directory (a
	// URI naming it keeps it as $DIR, a path in it is shown relative)
	// and the host's name, which the test driver reports.
	host, _ := os.Hostname()
	var hostWord *regexp.Regexp
	if host != "" {
		// The name as a whole: not inside another name (db in db-1).
		hostWord = regexp.MustCompile(`(^|[^A-Za-z0-9_.-])` + regexp.QuoteMeta(host) + `($|[^A-Za-z0-9_.-])`)
	}
	scrub := func(s string) string {
		s = strings.ReplaceAll(s, "test://"+uriPath(dir)+"/", "test://$DIR/")
		s = strings.ReplaceAll(s, dir+"/", "")
		if hostWord != nil {
			s = hostWord.ReplaceAllString(s, "${1}$$HOSTNAME${2}")
		}
		return s
	}
	shown := append([]string{"vertscript", "-c", scrub(r.fixture(dir))}, r.flags...)
	shown = append(append(shown, r.script), r.args...)
	var b strings.Builder
	fmt.Fprintf(&b, "# vertscript test record: regenerate with vertscript test --update\n")
	fmt.Fprintf(&b, "command: %s\n", strings.Join(shown, " "))
	fmt.Fprintf(&b, "exit: %d\n", code)
	fmt.Fprintf(&b, "--- stdout\n%s", scrub(out.String()))
	fmt.Fprintf(&b, "--- stderr\n%s", scrub(errOut.String()))
	return strings.ReplaceAll(b.String(), dir, "$DIR")
}

// indentLines indents text by four spaces, for -v.
func indentLines(text string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(text, "\n") {
		if l != "" {
			b.WriteString("    " + l)
		}
	}
	if !strings.HasSuffix(text, "\n") {
		b.WriteByte('\n')
	}
	return b.String()
}

// unifiedDiff returns a unified diff of a and b, by lines, with three
// lines of context, or "" when they are equal.
func unifiedDiff(nameA, nameB, a, b string) string {
	x, y := splitLines(a), splitLines(b)
	// The longest common subsequence, by dynamic programming: records
	// are small.
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type line struct {
		op   byte
		text string
		i, j int // line numbers in x and y, 0-based
	}
	var lines []line
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			lines = append(lines, line{' ', x[i], i, j})
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] > lcs[i+1][j]):
			lines = append(lines, line{'+', y[j], i, j})
			j++
		default:
			lines = append(lines, line{'-', x[i], i, j})
			i++
		}
	}
	var out strings.Builder
	const context = 3
	for k := 0; k < len(lines); {
		if lines[k].op == ' ' {
			k++
			continue
		}
		// A hunk: from context lines before this change to context lines
		// after the last change within reach.
		start := max(k-context, 0)
		end := k
		for end < len(lines) {
			if lines[end].op != ' ' {
				end++
				continue
			}
			next := end
			for next < len(lines) && lines[next].op == ' ' {
				next++
			}
			if next == len(lines) || next-end > 2*context {
				end = min(end+context, len(lines))
				break
			}
			end = next
		}
		if out.Len() == 0 {
			fmt.Fprintf(&out, "--- %s\n+++ %s\n", nameA, nameB)
		}
		na, nb := 0, 0
		for _, l := range lines[start:end] {
			if l.op != '+' {
				na++
			}
			if l.op != '-' {
				nb++
			}
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", lines[start].i+1, na, lines[start].j+1, nb)
		for _, l := range lines[start:end] {
			out.WriteByte(l.op)
			out.WriteString(l.text)
			if !strings.HasSuffix(l.text, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
		k = end
	}
	return out.String()
}

// splitLines splits text after each newline, with no empty last line.
func splitLines(text string) []string {
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// readRecord reads the record name in dir/testdata through an os.Root on
// dir, as writeRecord writes it: a record that is a symlink leading out of
// dir (testdata/x.golden -> ~/.aws/credentials) is refused, not read into
// a diff on a CI log.
func readRecord(dir, name string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.ReadFile(filepath.Join("testdata", name))
}

// writeRecord writes the record name in dir/testdata through an os.Root on
// dir: a testdata directory or a record that is a symlink leading out of
// dir (a hostile repository's testdata/x.golden -> ~/.bashrc) is refused,
// not written through.
func writeRecord(dir, name, content string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	if err := root.Mkdir("testdata", 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	f, err := root.OpenFile(filepath.Join("testdata", name), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
