package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/vertscript/vertscript/host"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "--version")
	if code != exitOK || !regexp.MustCompile(`^vertscript \S+ \(libvirt \d+\.\d+\.\d+\)\n$`).MatchString(out) {
		t.Errorf("--version: exit %d, output %q", code, out)
	}
}

func TestHelp(t *testing.T) {
	for _, flag := range []string{"-h", "--help"} {
		code, out, _ := runCLI(t, flag)
		if code != exitOK || !strings.HasPrefix(out, "usage: vertscript") {
			t.Errorf("%s: exit %d, output %q", flag, code, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "vertscript: no script given\n"},
		{[]string{"--nope"}, "vertscript: flag provided but not defined: -nope\n"},
		{[]string{"-c"}, "vertscript: flag needs an argument: -c\n"},
		{[]string{"missing.star"}, "vertscript: open missing.star: no such file or directory\n"},
		{[]string{"script.rb"}, "vertscript: script.rb: unknown script language (want "},
		{[]string{"--timeout", "-1s", "x.star"}, "vertscript: --timeout -1s: want a positive duration, or 0 for none\n"},
		{[]string{"--call-timeout=-5m", "x.star"}, "vertscript: --call-timeout -5m0s: want a positive duration, or 0 for none\n"},
		{[]string{"--max-depth", "-3", "x.star"}, "vertscript: --max-depth -3: want a positive number, or 0 for none\n"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, tt.args...)
		if code != exitUsage || !strings.HasPrefix(errOut, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d, stderr beginning %q", tt.args, code, errOut, exitUsage, tt.want)
		}
	}
}

// TestDocListsEveryOperation checks that `vertscript doc` is generated from
// the operation table: every operation appears with its signature.
func TestDocListsEveryOperation(t *testing.T) {
	code, out, _ := runCLI(t, "doc")
	if code != exitOK {
		t.Fatalf("doc: exit %d", code)
	}
	for _, class := range host.Classes() {
		for _, op := range host.Methods(class) {
			if !strings.Contains(out, "  "+op.Signature()+" ") {
				t.Errorf("doc lacks %s.%s", class, op.Signature())
			}
		}
	}
	for _, l := range languages {
		if !strings.Contains(out, indent(l.Builtins())) {
			t.Errorf("doc lacks %s's builtins", l.Name())
		}
	}
}

// topLevelEntries splits a line of a language's builtins at the ", "
// outside parentheses: "f(a, b), g" is "f(a, b)" and "g".
func topLevelEntries(line string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',':
			if depth == 0 && strings.HasPrefix(line[i:], ", ") {
				out = append(out, line[start:i])
				start = i + 2
			}
		}
	}
	return append(out, line[start:])
}

// TestBuiltinsAreDocumented checks that every name a language documents
// for `vertscript doc` is in README.md too.
func TestBuiltinsAreDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range languages {
		for _, line := range strings.Split(l.Builtins(), "\n") {
			if strings.HasPrefix(line, " ") {
				continue // a description
			}
			for _, entry := range topLevelEntries(line) {
				name, _, _ := strings.Cut(entry, "(")
				if !strings.Contains(string(readme), name) {
					t.Errorf("%s's %q is not in README.md", l.Name(), name)
				}
			}
		}
	}
}

// TestSignalsCancelTheScript runs a script that never ends and stops it with
// SIGINT, SIGTERM and SIGHUP (a closed terminal or ssh session): the
// script is cancelled, connections are closed and
// the exit status is 130.
func TestSignalsCancelTheScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "github.com/vertscript/vertscript")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	script := filepath.Join(dir, "loop.star")
	src := "conn = libvirt.open()\nprint(conn.getURI())\nwhile True:\n    conn.listDomainsID()\n"
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "-c", "test:///default", script)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait until the script runs, then signal it.
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if line != "test:///default\n" {
				t.Fatalf("first line %q (%v), want the URI", line, err)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			_ = cmd.Wait()
			if got := cmd.ProcessState.ExitCode(); got != exitInterrupt {
				t.Errorf("exit %d, want %d; stderr %q", got, exitInterrupt, stderr.String())
			}
			if want := "vertscript: " + script + ": interrupted\n"; stderr.String() != want {
				t.Errorf("stderr %q, want %q", stderr.String(), want)
			}
		})
	}
}

func TestPolicyFlags(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		stderrHd string // the first line of stderr
	}{
		{[]string{"--read-only"}, exitFailed, "../../scripts/examples/ex6.star:7:16: virDomain.suspend: refused by policy: read-only (the operation's effect is mutate)"},
		{[]string{"--allow", "read", "--allow", "virDomain.suspend"}, exitFailed, "../../scripts/examples/ex6.star:9:15: virDomain.resume: refused by policy: not allowed by any allow rule (read, virDomain.suspend)"},
		{[]string{"--allow-uri", "qemu:///*"}, exitFailed, `../../scripts/examples/ex6.star:3:20: libvirt.open: refused by policy: URI "test:///default" matches no allow-uri pattern (qemu:///*)`},
		{[]string{"--deny", "virDomain.destory"}, exitUsage, `vertscript: policy: bad rule "virDomain.destory": want an operation (virDomain.destroy), a class (virDomain.*) or an effect (read, mutate, destroy, file, privileged)`},
	}
	for _, tt := range tests {
		args := append(append([]string{"-c", "test:///default"}, tt.args...), "../../scripts/examples/ex6.star")
		code, _, errOut := runCLI(t, args...)
		first, _, _ := strings.Cut(errOut, "\n")
		if code != tt.code || first != tt.stderrHd {
			t.Errorf("%q: exit %d, stderr %q\nwant exit %d, stderr beginning %q", tt.args, code, errOut, tt.code, tt.stderrHd)
		}
	}
}

// TestAuditOfEx6 runs ex6 with --audit: one JSON line per call, with the
// suspend, resume and destroy and their durations.
func TestAuditOfEx6(t *testing.T) {
	audit := filepath.Join(t.TempDir(), "audit.jsonl")
	node, err := filepath.Abs("../../host/testdata/node.xml")
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "--audit", audit, "--allow-read", filepath.Dir(node), "-c", "test://"+node, "../../scripts/examples/ex6.star")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(audit)
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		var r struct {
			Op       string
			Duration *int64
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("not JSON: %v: %s", err, line)
		}
		if r.Duration == nil {
			t.Errorf("no duration: %s", line)
		}
		ops = append(ops, r.Op)
	}
	// Two running domains in the fixture, alpha and beta: name and info
	// are read three times each.
	perDomain := "virConnect.lookupByID virDomain.name virDomain.info virDomain.suspend virDomain.name virDomain.info virDomain.resume virDomain.name virDomain.info virDomain.destroy"
	want := "libvirt.open virConnect.listDomainsID " + perDomain + " " + perDomain
	if got := strings.Join(ops, " "); got != want {
		t.Errorf("audited calls:\n%s\nwant:\n%s", got, want)
	}
}

// TestDryRunOfEx6 prints the plan and changes nothing: a read afterwards,
// in the same process, sees every domain still running.
func TestDryRunOfEx6(t *testing.T) {
	plan := filepath.Join(t.TempDir(), "plan.json")
	// test:///default is one node per process, so the check below reads
	// the very node the dry run ran on.
	code, out, errOut := runCLI(t, "--dry-run", "--plan", plan, "-c", "test:///default", "../../scripts/examples/ex6.star")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := "Dom test  State 1\nDom test  State 1 (after suspend)\nDom test  State 1 (after resume)\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	if want := "dry run: 3 calls planned, none made\n  <virDomain test>.suspend()\n  <virDomain test>.resume()\n  <virDomain test>.destroy()\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	var entries []struct{ Receiver, Op string }
	b, _ := os.ReadFile(plan)
	if err := json.Unmarshal(b, &entries); err != nil || len(entries) != 3 || entries[2].Op != "virDomain.destroy" {
		t.Errorf("plan file: %v %s", err, b)
	}
	dir := t.TempDir()
	check := filepath.Join(dir, "check.star")
	os.WriteFile(check, []byte(`print(libvirt.open().lookupByName("test").state()[0])`), 0o644)
	if code, out, errOut := runCLI(t, "-c", "test:///default", check); code != exitOK || out != "1\n" {
		t.Errorf("after the dry run: exit %d, state %q %s; want 1 (running)", code, out, errOut)
	}
}

// TestMistypedFlagAfterScript: a flag mistyped after the script (an extra
// dash, a dash from a word processor, a missing hyphen, another case) is a
// usage error too, naming the flag it looks like.
func TestMistypedFlagAfterScript(t *testing.T) {
	dir := t.TempDir()
	star := filepath.Join(dir, "args.star")
	os.WriteFile(star, []byte(`print(" ".join(argv[1:]))`), 0o644)
	for form, flag := range map[string]string{
		"---dry-run": "dry-run", "\u2014dry-run": "dry-run", "\u2013read-only": "read-only",
		"--dryrun": "dry-run", "--Read_Only": "read-only", "--dry-run ": "dry-run", "---allow-uri=x": "allow-uri",
	} {
		code, out, errOut := runCLI(t, "-c", "test:///default", star, form)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "looks like the vertscript flag --"+flag+", mistyped") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want a usage error naming --%s", form, code, out, errOut, flag)
		}
	}
}

// TestFlagAfterScript checks that each of vertscript's flags, in each
// form, after the script is a usage error and the script does not run
// (`cleanup.star --dry-run` must not run for real); after "--" it is the
// script's argument.
func TestFlagAfterScript(t *testing.T) {
	dir := t.TempDir()
	star := filepath.Join(dir, "args.star")
	lua := filepath.Join(dir, "args.lua")
	os.WriteFile(star, []byte(`print(" ".join(argv[1:]))`), 0o644)
	os.WriteFile(lua, []byte(`print(table.concat(arg, " "))`), 0o644)
	// Every flag the help names.
	var names []string
	for _, m := range regexp.MustCompile(`(?m)^  (?:-(\w), )?--([\w-]+)`).FindAllStringSubmatch(usage, -1) {
		if m[1] != "" {
			names = append(names, m[1])
		}
		names = append(names, m[2])
	}
	if len(names) < 18 {
		t.Fatalf("found only %d flags in the help: %q", len(names), names)
	}
	for _, name := range names {
		for _, form := range []string{"-" + name, "--" + name, "-" + name + "=x", "--" + name + "=x"} {
			for _, script := range []string{star, lua} {
				code, out, errOut := runCLI(t, "-c", "test:///default", script, "a", form, "b")
				want := "vertscript: " + form + " after the script is a vertscript flag, not an argument of the script: put vertscript's flags before the script, or pass it to the script after -- (vertscript " + script + " -- " + form + ")\n"
				if code != exitUsage || out != "" || errOut != want {
					t.Errorf("%s %s: exit %d, stdout %q, stderr %q\nwant exit %d, no output, stderr %q", script, form, code, out, errOut, exitUsage, want)
				}
			}
		}
	}
	for _, script := range []string{star, lua} {
		for _, tt := range []struct{ args, want string }{
			{"-- --dry-run", "--dry-run"},
			{"a -- -c test:///default --", "a -c test:///default --"},
			{"--x -x - a", "--x -x - a"}, // not vertscript's: the script's
			{"-- ---dry-run", "---dry-run"},
		} {
			args := append([]string{"-c", "test:///default", script}, strings.Fields(tt.args)...)
			code, out, errOut := runCLI(t, args...)
			if code != exitOK || out != tt.want+"\n" {
				t.Errorf("%s %s: exit %d, stdout %q, stderr %q; want argv %q", script, tt.args, code, out, errOut, tt.want)
			}
		}
	}
}

// TestReadableDirectoriesFromRoot: run from the current directory /, a
// script cannot read /etc/passwd by default, and a warning says why; an
// explicit --allow-read / is the operator's choice.
func TestReadableDirectoriesFromRoot(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "passwd.star")
	os.WriteFile(script, []byte(`print(read_file("etc/passwd").split(":")[0])`), 0o644)
	t.Chdir("/")
	code, out, errOut := runCLI(t, "-c", "test:///default", script)
	want := "vertscript: warning: / is a system or home directory, not readable by default (--allow-read / makes it readable)\n" +
		script + ":1:16: read_file: refused by policy: etc/passwd (/etc/passwd) is outside the readable directories (" + dir + "; --allow-read adds one)\n"
	if code != exitFailed || out != "" || !strings.HasPrefix(errOut, want) {
		t.Errorf("from /: exit %d, stdout %q, stderr %q\nwant exit %d, stderr beginning %q", code, out, errOut, exitFailed, want)
	}
	code, out, errOut = runCLI(t, "-c", "test:///default", "--allow-read", "/", script)
	if code != exitOK || out != "root\n" || errOut != "" {
		t.Errorf("--allow-read /: exit %d, stdout %q, stderr %q; want root", code, out, errOut)
	}
}

// TestDryRunFlagInScripts: libvirt.dry_run is a boolean in both languages,
// true under --dry-run only.
func TestDryRunFlagInScripts(t *testing.T) {
	dir := t.TempDir()
	star := filepath.Join(dir, "d.star")
	lua := filepath.Join(dir, "d.lua")
	os.WriteFile(star, []byte(`print(type(libvirt.dry_run), libvirt.dry_run)`), 0o644)
	os.WriteFile(lua, []byte(`print(type(libvirt.dry_run), libvirt.dry_run)`), 0o644)
	for _, tc := range []struct {
		script string
		flags  []string
		want   string
	}{
		{star, nil, "bool False\n"},
		{star, []string{"--dry-run"}, "bool True\n"},
		{lua, nil, "boolean\tfalse\n"},
		{lua, []string{"--dry-run"}, "boolean\ttrue\n"},
	} {
		args := append(append([]string{"-c", "test:///default"}, tc.flags...), tc.script)
		if code, out, errOut := runCLI(t, args...); code != exitOK || out != tc.want {
			t.Errorf("%v: exit %d, stdout %q %s; want %q", args, code, out, errOut, tc.want)
		}
	}
}

// TestPlanFileSpellsFlags: the JSON plan keeps a flags argument's number
// in args and adds its names under flags; a wait answered from the plan
// carries its note.
func TestPlanFileSpellsFlags(t *testing.T) {
	plan := filepath.Join(t.TempDir(), "plan.json")
	code, _, errOut := runCLI(t, "--dry-run", "--plan", plan, "-c", "test:///default", "../../scripts/examples/retire_domain.lua", "test")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, _ := os.ReadFile(plan)
	var entries []struct {
		Op    string
		Args  []any
		Flags map[string]string
		Note  string
	}
	if err := json.Unmarshal(b, &entries); err != nil || len(entries) != 3 {
		t.Fatalf("plan file: %v %s", err, b)
	}
	if e := entries[1]; e.Op != "libvirt.wait_for_state" || e.Note != "planned: reached at once" {
		t.Errorf("wait entry %+v", e)
	}
	e := entries[2]
	if e.Op != "virDomain.undefineFlags" || len(e.Args) != 1 || e.Args[0] != float64(3) ||
		e.Flags["flags"] != "VIR_DOMAIN_UNDEFINE_MANAGED_SAVE|VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA" {
		t.Errorf("undefineFlags entry %+v", e)
	}
}

// endless is a stream that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '#'
	}
	return len(p), nil
}

// A script that does not end (stdin, /dev/zero behind a name) is refused
// once it passes the size a source may have, not read forever.
func TestEndlessScripts(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := runIO(context.Background(), []string{"--max-memory", "64MiB", "-"}, endless{}, &out, &errOut, nil); code != exitUsage || !strings.Contains(errOut.String(), "the script on stdin is larger than the 128 KiB") {
		t.Errorf("stdin: exit %d, %s", code, errOut.String())
	}
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.star")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip(err)
	}
	for _, args := range [][]string{{zero}, {"check", zero}, {"test", dir}} {
		out.Reset()
		errOut.Reset()
		if code := run(context.Background(), args, &out, &errOut); code != exitUsage || !strings.Contains(errOut.String(), "zero.star is larger than") {
			t.Errorf("%v: exit %d, %s", args, code, errOut.String())
		}
	}
}
