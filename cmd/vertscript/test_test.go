package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The guide's runbooks still print what their records say (docs/runbooks,
// recorded with `vertscript test --update docs/runbooks`).
func TestDocsRunbooks(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"test", "../../docs/runbooks"}, &out, &errOut); code != exitOK {
		t.Fatalf("vertscript test docs/runbooks: exit %d\n%s%s", code, out.String(), errOut.String())
	}
}

func vtest(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), append([]string{"test"}, args...), &out, &errOut)
	return code, out.String() + errOut.String()
}

func TestTestCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("list.star", "# Lists the domains.\n# test:\n# test: web\nconn = libvirt.open()\nfor d in conn.listAllDomains():\n    if len(argv) < 2 or d.name().startswith(argv[1]):\n        print(d.name())\n")
	write("when.star", "print(time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(time.time())))\ntime.sleep(90)\nprint(int(time.time()))\n")
	write("when.lua", "print(os.date('!%Y-%m-%d %H:%M:%S', os.time()))\nsleep(90)\nprint(os.time())\n")
	write("fails.lua", "-- test: --read-only\nlibvirt.open():lookupByName('test'):destroy()\n")

	// No records yet: every run is new, and the command fails.
	code, out := vtest(t, dir)
	if code != exitFailed || strings.Count(out, "run with --update") != 5 {
		t.Fatalf("without records: exit %d\n%s", code, out)
	}
	if code, out := vtest(t, "--update", dir); code != exitOK || strings.Count(out, "recorded") != 5 {
		t.Fatalf("--update: exit %d\n%s", code, out)
	}
	code, out = vtest(t, dir)
	if code != exitOK || !strings.Contains(out, "ok: 5 runs") {
		t.Fatalf("after --update: exit %d\n%s", code, out)
	}
	// The clock is fixed, and sleeps advance it: the same in both
	// languages, and the same from one run to the next.
	for _, rec := range []string{"when.star.golden", "when.lua.golden"} {
		b, err := os.ReadFile(filepath.Join(dir, "testdata", rec))
		if err != nil || !strings.Contains(string(b), "2026-01-01 00:00:00\n1767225690\n") {
			t.Errorf("%s: the fake clock does not show: %q, %v", rec, b, err)
		}
	}
	// A refused call is recorded with its exit status and error.
	if b, _ := os.ReadFile(filepath.Join(dir, "testdata", "fails.lua.golden")); !strings.Contains(string(b), "exit: 1\n") || !strings.Contains(string(b), "refused by policy: read-only") {
		t.Errorf("fails.lua's record: %s", b)
	}
	// A change in output fails with a diff.
	write("list.star", "# Lists the domains.\n# test:\n# test: web\nconn = libvirt.open()\nfor d in conn.listAllDomains():\n    if len(argv) < 2 or d.name().startswith(argv[1]):\n        print('domain', d.name())\n")
	code, out = vtest(t, dir)
	if code != exitFailed || !strings.Contains(out, "FAIL list.star.1.golden") || !strings.Contains(out, "-test\n+domain test\n") {
		t.Errorf("a changed output: exit %d\n%s", code, out)
	}
	// A record no run makes any more fails, and --update removes it.
	write("list.star", "# Lists the domains.\nconn = libvirt.open()\nfor d in conn.listAllDomains():\n    print(d.name())\n")
	code, out = vtest(t, dir)
	if code != exitFailed || !strings.Contains(out, "FAIL list.star.1.golden: no run makes it any more") {
		t.Errorf("a stale record: exit %d\n%s", code, out)
	}
	if code, out := vtest(t, "--update", dir); code != exitOK || !strings.Contains(out, "removed list.star.2.golden") {
		t.Errorf("--update with stale records: exit %d\n%s", code, out)
	}
	// A test line cannot point the run elsewhere.
	write("elsewhere.star", "# test: -c qemu:///system\nprint(1)\n")
	if code, out := vtest(t, dir); code != exitUsage || !strings.Contains(out, "-c is not for a test run") {
		t.Errorf("-c in a test line: exit %d\n%s", code, out)
	}
	os.Remove(filepath.Join(dir, "elsewhere.star"))
	// -run picks runs by record name.
	if code, out := vtest(t, "-run", "when", dir); code != exitOK || !strings.Contains(out, "ok: 2 runs") {
		t.Errorf("-run when: exit %d\n%s", code, out)
	}
	// Records do not depend on where the directory is.
	moved := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	if code, out := vtest(t, "-run", "when|fails", moved); code != exitOK {
		t.Errorf("moved: exit %d\n%s", code, out)
	}
	if code, _ := vtest(t, "--clock", "yesterday", moved); code != exitUsage {
		t.Errorf("a bad --clock: exit %d, want %d", code, exitUsage)
	}
}

// A runbook directory whose path a URI would read differently (a space,
// '%', '?', '#') still runs on its own node, not on another file or a
// refusal.
func TestTestCommandOddDirectories(t *testing.T) {
	node, err := os.ReadFile("../../docs/runbooks/node.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"my dir", "p%41", "q?x=1", "h#a"} {
		dir := filepath.Join(t.TempDir(), name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "node.xml"), node, 0o644)
		os.WriteFile(filepath.Join(dir, "a.star"), []byte("print(libvirt.open().lookupByName('web-1').name())\n"), 0o644)
		if code, out := vtest(t, "--update", dir); code != exitOK {
			t.Fatalf("%q: --update: exit %d\n%s", name, code, out)
		}
		b, _ := os.ReadFile(filepath.Join(dir, "testdata", "a.star.golden"))
		if !strings.Contains(string(b), "exit: 0\n--- stdout\nweb-1\n") || !strings.Contains(string(b), "test://$DIR/node.xml") {
			t.Errorf("%q: record:\n%s", name, b)
		}
	}
}

// A record that is a symlink out of the runbook directory (a hostile
// repository's testdata/a.star.golden -> a secret) is neither read into a
// diff nor written through by --update; nor is a testdata symlink.
func TestTestCommandRecordSymlinks(t *testing.T) {
	base := t.TempDir()
	secret := filepath.Join(base, "secret")
	os.WriteFile(secret, []byte("SECRET\n"), 0o600)
	dir := filepath.Join(base, "rb")
	os.MkdirAll(filepath.Join(dir, "testdata"), 0o755)
	os.WriteFile(filepath.Join(dir, "a.star"), []byte("print(1)\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "testdata", "a.star.golden")); err != nil {
		t.Skip(err)
	}
	if code, out := vtest(t, dir); code != exitFailed || strings.Contains(out, "SECRET") || !strings.Contains(out, "path escapes") {
		t.Errorf("reading through the symlink: exit %d\n%s", code, out)
	}
	if code, out := vtest(t, "--update", dir); code != exitFailed || !strings.Contains(out, "path escapes") {
		t.Errorf("writing through the symlink: exit %d\n%s", code, out)
	}
	os.RemoveAll(filepath.Join(dir, "testdata"))
	os.Symlink(base, filepath.Join(dir, "testdata"))
	if code, out := vtest(t, "--update", dir); code != exitFailed || !strings.Contains(out, "path escapes") {
		t.Errorf("a testdata symlink: exit %d\n%s", code, out)
	}
	if b, _ := os.ReadFile(secret); string(b) != "SECRET\n" {
		t.Errorf("the secret was overwritten: %q", b)
	}
	if _, err := os.Stat(filepath.Join(base, "a.star.golden")); err == nil {
		t.Error("a record was written outside the runbook directory")
	}
}

var updateTestOutput = flag.Bool("update-test-output", false, "record testdata/runbooks.out anew")

// `vertscript test` on sample runbooks in both languages, one passing
// with two runs, one refused by the policy, one printing times under the
// fixed clock, one whose record differs (a diff) and one without a record,
// prints what testdata/runbooks.out recorded (durations aside); `go test
// ./cmd/vertscript -run TestTestOutput -update-test-output` records it.
func TestTestOutput(t *testing.T) {
	code, out := vtest(t, "testdata/runbooks")
	got := fmt.Sprintf("exit %d\n%s", code, regexp.MustCompile(`\((\d+(\.\d+)?(ms|µs|s)|0s)\)`).ReplaceAllString(out, "(TIME)"))
	if *updateTestOutput {
		if err := os.WriteFile("testdata/runbooks.out", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile("testdata/runbooks.out")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("vertscript test testdata/runbooks:\n%s", unifiedDiff("testdata/runbooks.out", "now", string(want), got))
	}
}
