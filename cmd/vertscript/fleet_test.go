package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vertscript/vertscript/fleet"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// TestFleetUsageErrors: fleet flags that do not go together are usage
// errors, named.
func TestFleetUsageErrors(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "x.star")
	os.WriteFile(script, []byte("print(1)\n"), 0o644)
	inv := filepath.Join(dir, "inv")
	os.WriteFile(inv, []byte("test:///default name=a\n# ok\nweb1 tags=x\n"), 0o644)
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--limit", "web", script}, "--limit needs --hosts or --inventory"},
		{[]string{"--json", script}, "--json needs --hosts or --inventory"},
		{[]string{"--hosts", "test:///default", "-c", "test:///default", script}, "--connect and a fleet"},
		{[]string{"--hosts", "test:///default", "--inventory", inv, script}, "give one of them"},
		{[]string{"--hosts", "test:///default", "--parallel", "0", script}, "--parallel 0: want 1 or more"},
		{[]string{"--hosts", "test:///default,", script}, "--hosts: hosts \"test:///default,\": an empty URI"},
		{[]string{"--inventory", inv, script}, "--inventory " + inv + ": inventory line 3: \"web1\" is not a libvirt URI"},
		{[]string{"--inventory", filepath.Join(dir, "none"), script}, "--inventory: open"},
		{[]string{"--hosts", "test:///default", "--limit", "db", script}, "--limit db: none of the 1 hosts"},
		{[]string{"--hosts", "test:///default", "--output-dir", filepath.Join(dir, "none"), script}, "not a directory"},
		{[]string{"--hosts", "test:///default", "repl"}, "repl runs on one host"},
		{[]string{"--hosts", "test:///default", "check", script}, "check runs on none"},
		{[]string{"--json", "check", script}, "the fleet's flags run a script; check runs on none"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), tt.args, &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), tt.msg) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr.String(), exitUsage, tt.msg)
		}
	}
}

// TestFleetCLI runs the built binary on two loopback libvirtds and a port
// where nothing listens: prefixed output, the JSON summary on stdout after
// it, the table on stderr, per-host files, audit records and plans naming
// their host, the exit status, and SIGINT, which still prints the summary.
func TestFleetCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary, starts libvirtds")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "vertscript")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	a, b := libvirtdtest.Start(t), libvirtdtest.Start(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gone := fmt.Sprintf("test+tcp://127.0.0.1:%d/default", l.Addr().(*net.TCPAddr).Port)
	l.Close()
	nameA, nameB := fmt.Sprint("127.0.0.1:", a.Port), fmt.Sprint("127.0.0.1:", b.Port)
	script := filepath.Join(dir, "list.star")
	src := "conn = libvirt.open()\nprint(conn.getURI())\nfor id in conn.listDomainsID():\n    print(conn.lookupByID(id).name())\n"
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	vs := func(args ...string) (stdout, stderr string, code int) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Fatal(err)
		}
		return o.String(), e.String(), cmd.ProcessState.ExitCode()
	}

	t.Run("json", func(t *testing.T) {
		stdout, stderr, code := vs("--read-only", "--json", "--hosts", a.URI()+","+b.URI(), script)
		if code != 0 || stderr != "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		for _, line := range []string{"[" + nameA + "] " + a.URI() + "\n", "[" + nameA + "] test\n", "[" + nameB + "] " + b.URI() + "\n", "[" + nameB + "] test\n"} {
			if !strings.Contains(stdout, line) {
				t.Errorf("stdout lacks %q:\n%s", line, stdout)
			}
		}
		i := strings.Index(stdout, "{")
		var sum fleet.JSONSummary
		if err := json.Unmarshal([]byte(stdout[i:]), &sum); err != nil || strings.Contains(stdout[i:], "] test") {
			t.Fatalf("summary %q: %v", stdout[i:], err)
		}
		if len(sum.Hosts) != 2 || sum.Hosts[0].Name != nameA || sum.Hosts[0].Status != "ok" || sum.Hosts[1].URI != b.URI() || sum.Counts["ok"] != 2 {
			t.Errorf("summary %+v", sum)
		}
	})

	t.Run("failed host", func(t *testing.T) {
		stdout, stderr, code := vs("--hosts", a.URI()+","+gone, script)
		if code != exitFailed {
			t.Errorf("exit %d, want 1", code)
		}
		if !strings.Contains(stdout, "["+nameA+"] test\n") {
			t.Errorf("stdout %q", stdout)
		}
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		n := len(lines)
		if n < 4 || !strings.HasPrefix(lines[n-4], "HOST") || !strings.HasPrefix(lines[n-3], nameA+" ") ||
			!strings.Contains(lines[n-2], " failed ") || !strings.HasSuffix(lines[n-2], "libvirt.open: unable to connect to server at '"+strings.TrimPrefix(gone[:strings.LastIndex(gone, "/")], "test+tcp://")+"': Connection refused") ||
			lines[n-1] != "2 hosts: 1 ok, 1 failed" {
			t.Errorf("stderr:\n%s", stderr)
		}
	})

	t.Run("inventory, output dir, audit, plan", func(t *testing.T) {
		out := t.TempDir()
		inv := filepath.Join(out, "inventory")
		body := fmt.Sprintf("# two web servers and a database\n%s name=web1 tags=web\n%s name=web2 tags=web,eu\n%s name=db1 tags=db\n", a.URI(), b.URI(), gone)
		os.WriteFile(inv, []byte(body), 0o644)
		audit, plan := filepath.Join(out, "audit.json"), filepath.Join(out, "plan.json")
		stdout, stderr, code := vs("--inventory", inv, "--limit", "web", "--output-dir", out, "--dry-run", "--plan", plan, "--audit", audit, "../../scripts/examples/ex6.star")
		if code != 0 || stdout != "" {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
		for _, name := range []string{"web1", "web2"} {
			got, err := os.ReadFile(filepath.Join(out, name+".out"))
			want := "Dom test  State 1\nDom test  State 1 (after suspend)\nDom test  State 1 (after resume)\ndry run: 3 calls planned, none made\n"
			if err != nil || !strings.HasPrefix(string(got), want) {
				t.Errorf("%s.out: %q, %v, want it to begin %q", name, got, err, want)
			}
		}
		if _, err := os.Stat(filepath.Join(out, "db1.out")); err == nil {
			t.Error("--limit web ran db1")
		}
		var plans map[string][]planEntry
		b, _ := os.ReadFile(plan)
		if err := json.Unmarshal(b, &plans); err != nil || len(plans) != 2 || len(plans["web1"]) != 3 || plans["web2"][0].Op != "virDomain.suspend" {
			t.Errorf("plan %s: %v", b, err)
		}
		b, _ = os.ReadFile(audit)
		hosts := map[string]int{}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var rec struct{ Host string }
			json.Unmarshal([]byte(line), &rec)
			hosts[rec.Host]++
		}
		if len(hosts) != 2 || hosts["web1"] == 0 || hosts["web2"] == 0 {
			t.Errorf("audit records per host %v", hosts)
		}
	})

	t.Run("SIGINT", func(t *testing.T) {
		loop := filepath.Join(dir, "loop.star")
		os.WriteFile(loop, []byte("conn = libvirt.open()\nprint(conn.getURI())\nwhile True:\n    conn.listDomainsID()\n"), 0o644)
		cmd := exec.Command(bin, "--parallel", "1", "--hosts", a.URI()+","+b.URI(), loop)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if line != "["+nameA+"] "+a.URI()+"\n" {
			t.Fatalf("first line %q (%v)", line, err)
		}
		start := time.Now()
		cmd.Process.Signal(syscall.SIGINT)
		cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != exitInterrupt || time.Since(start) > 4*time.Second {
			t.Errorf("exit %d after %s, want %d at once", code, time.Since(start), exitInterrupt)
		}
		if !strings.Contains(stderr.String(), nameA+"  interrupted ") || !strings.Contains(stderr.String(), nameB+"  skipped ") ||
			!strings.HasSuffix(stderr.String(), "2 hosts: 0 ok, 1 interrupted, 1 skipped\n") {
			t.Errorf("stderr:\n%s", stderr.String())
		}
	})
}
