package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
)

// TestCheckConnectsToNothing runs check under flags that make every
// connection fail (a node file that does not exist, refused by
// --allow-uri too): the run of the same script fails, the check lists
// what the script may call and succeeds.
func TestCheckConnectsToNothing(t *testing.T) {
	flags := []string{"-c", "test:///no/such/dir/node.xml", "--allow-uri", "test:///refused"}
	for _, script := range []string{"ex6.star", "ex6.lua"} {
		path := filepath.Join(repoRoot, "scripts/examples", script)
		code, _, errOut := runCLI(t, append(flags, path)...)
		if code != exitFailed {
			t.Fatalf("run %s: exit %d, want %d (the URI must fail): %s", script, code, exitFailed, errOut)
		}
		code, out, errOut := runCLI(t, append(flags, "check", path)...)
		if code != exitOK || errOut != "" || !strings.Contains(out, "may call virDomain.suspend (mutate) at "+path+":7:9\n") {
			t.Errorf("check %s: exit %d, stdout %q, stderr %q", script, code, out, errOut)
		}
	}
}

// TestCheckErrorPositions checks that both languages give a script that
// does not compile as a *host.CheckError whose errors carry their
// position as fields.
func TestCheckErrorPositions(t *testing.T) {
	tests := []struct {
		path, src string
		want      []host.Position
	}{
		{"bad.star", "x = 1\nif x\n  print(x)\n", []host.Position{{File: "bad.star", Line: 3, Col: 1}}},
		{"names.star", "print(a)\nprint(b)\n", []host.Position{{File: "names.star", Line: 1, Col: 7}, {File: "names.star", Line: 2, Col: 7}}},
		{"bad.lua", "local x = 1\nif x then\n  print(x\nend\n", []host.Position{{File: "bad.lua", Line: 4, Col: 3}}},
		{"goto.lua", "goto nowhere\n", []host.Position{{File: "goto.lua", Line: 2}}},
	}
	for _, tt := range tests {
		checker := languageFor(tt.path).(host.Checker)
		_, err := checker.Check(host.Script{Path: tt.path, Src: []byte(tt.src)})
		var ce *host.CheckError
		if !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a *host.CheckError", tt.path, err)
			continue
		}
		var got []host.Position
		for _, se := range ce.Errors {
			got = append(got, se.Pos)
			if !strings.HasPrefix(se.Msg, se.Pos.String()+":") {
				t.Errorf("%s: message %q does not begin with its position %s", tt.path, se.Msg, se.Pos)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: positions %v, want %v", tt.path, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: position %d is %v, want %v", tt.path, i, got[i], tt.want[i])
			}
		}
	}
}

// TestCheckJSON checks that --json writes, per script, its errors and
// findings with their positions as fields.
func TestCheckJSON(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.lua")
	bad := filepath.Join(dir, "bad.star")
	os.WriteFile(good, []byte("local d = libvirt.open():lookupByName('x')\nd:undefine()\nd[k]()\n"), 0o644)
	os.WriteFile(bad, []byte("print(nope)\n"), 0o644)
	code, out, _ := runCLI(t, "check", "--json", good, bad)
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	var res []checkResult
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) != 2 {
		t.Fatalf("output %q: %v", out, err)
	}
	if !res[0].OK || len(res[1].Errors) != 1 || res[1].OK {
		t.Fatalf("results %+v", res)
	}
	if e := res[1].Errors[0]; e.File != bad || e.Line != 1 || e.Col != 7 {
		t.Errorf("error %+v, want %s:1:7", e, bad)
	}
	var undefine, dynamic int
	for _, f := range res[0].Findings {
		switch {
		case f.Dynamic && f.Line == 3 && f.Col == 2:
			dynamic++
		case strings.HasSuffix(f.Op, ".undefine") && f.Effect == "destroy" && f.Line == 2 && f.Col == 3 && f.Candidates > 1:
			undefine++
		}
	}
	if dynamic != 1 || undefine < 2 {
		t.Errorf("findings %+v: want a dynamic access at 3:2 and every undefine at 2:3", res[0].Findings)
	}
}

func TestDocName(t *testing.T) {
	tests := []struct {
		name string
		code int
		want []string // substrings of stdout, or of stderr for an error
	}{
		{"virDomain", exitOK, []string{"virDomain\n", "  suspend() -> int (0) [mutate]", "  XMLDesc(flags=0)"}},
		{"virDomain.suspend", exitOK, []string{"virDomain\n  suspend() -> int (0) [mutate]\n      Pauses the domain"}},
		{"undefine", exitOK, []string{"virDomain\n  undefine()", "virNetwork\n  undefine()", "virStoragePool\n  undefine()"}},
		{"libvirt.open", exitOK, []string{"libvirt\n  open(name=None) -> virConnect [read]"}},
		{"libvirt", exitOK, []string{"  openReadOnly(name=None)", "VIR_* -> int or str"}},
		{"VIR_DOMAIN_RUNNING", exitOK, []string{"libvirt.VIR_DOMAIN_RUNNING = 1\n"}},
		{"VIR_DOMAIN_", exitOK, []string{"libvirt.VIR_DOMAIN_RUNNING = 1\n", "libvirt.VIR_DOMAIN_PAUSED = 3\n"}},
		{"virDomian", exitUsage, []string{`no class, method, function or constant named "virDomian"; did you mean virDomain`}},
		{"virDomain.suspnd", exitUsage, []string{"did you mean virDomain.suspend"}},
		{"VIR_DOMAIN_RUNING", exitUsage, []string{"did you mean VIR_DOMAIN_RUNNING"}},
		{"zzzzzzzzzz", exitUsage, []string{`no class, method, function or constant named "zzzzzzzzzz"` + "\n"}},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, "doc", tt.name)
		text := out
		if tt.code != exitOK {
			text = errOut
		}
		if code != tt.code {
			t.Errorf("doc %s: exit %d, want %d (stderr %q)", tt.name, code, tt.code, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("doc %s: output lacks %q:\n%s", tt.name, w, text)
			}
		}
	}
	if code, _, _ := runCLI(t, "doc", "virDomain", "suspend"); code != exitUsage {
		t.Errorf("doc with two names: exit %d, want %d", code, exitUsage)
	}
}

// TestAPIMarkdownUpToDate fails when docs/api.md is not what
// `vertscript doc --markdown` prints now.
func TestAPIMarkdownUpToDate(t *testing.T) {
	code, out, errOut := runCLI(t, "doc", "--markdown")
	if code != exitOK {
		t.Fatalf("doc --markdown: exit %d: %s", code, errOut)
	}
	want, err := os.ReadFile(filepath.Join(repoRoot, "docs/api.md"))
	if err != nil {
		t.Errorf("%v: generate it with\n\tgo run ./cmd/vertscript doc --markdown > docs/api.md", err)
	} else if string(want) != out {
		t.Errorf("docs/api.md is not what doc --markdown prints now: regenerate it with\n\tgo run ./cmd/vertscript doc --markdown > docs/api.md")
	}
	for _, class := range host.Classes() {
		for _, op := range host.Methods(class) {
			if !strings.Contains(out, "`"+class+"."+op.Signature()+"`") {
				t.Errorf("doc --markdown lacks %s.%s", class, op.Signature())
			}
		}
	}
}
