package host

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// pythonConstants reads testdata/python-constants.txt (written by
// testdata/python-constants.sh from python3-libvirt): NAME<TAB>VALUE lines,
// VALUE a decimal int or a double-quoted string, '#' lines are comments.
func pythonConstants(t *testing.T) map[string]Value {
	t.Helper()
	f, err := os.Open("testdata/python-constants.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]Value{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		name, raw, ok := strings.Cut(text, "\t")
		if !ok {
			t.Fatalf("python-constants.txt:%d: no tab in %q", line, text)
		}
		var v Value
		if strings.HasPrefix(raw, `"`) {
			s, err := strconv.Unquote(raw)
			if err != nil {
				t.Fatalf("python-constants.txt:%d: %s: %v", line, name, err)
			}
			v = s
		} else {
			n, err := strconv.ParseInt(raw, 10, 64)
			if err != nil {
				t.Fatalf("python-constants.txt:%d: %s: %v", line, name, err)
			}
			v = n
		}
		if _, dup := want[name]; dup {
			t.Fatalf("python-constants.txt:%d: %s listed twice", line, name)
		}
		want[name] = v
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("python-constants.txt lists no constants")
	}
	return want
}

// constantRepr shows a constant's value with its Go type, so that
// int64(1) and "1" differ.
func constantRepr(v Value) string {
	switch v := v.(type) {
	case int64:
		return strconv.FormatInt(v, 10)
	case string:
		return strconv.Quote(v)
	}
	return fmt.Sprintf("%T(%v)", v, v)
}

// TestConstantsMatchLibvirtPython checks that Constants (generated from
// libvirt-api.xml) has exactly the names and values of libvirt-python's
// VIR_* constants.
func TestConstantsMatchLibvirtPython(t *testing.T) {
	want := pythonConstants(t)
	got := map[string]Value{}
	for _, c := range Constants {
		got[c.Name] = c.Value
	}
	var missing, extra, differ []string
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			missing = append(missing, name+" = "+constantRepr(w))
		case constantRepr(g) != constantRepr(w):
			differ = append(differ, fmt.Sprintf("%s = %s, python has %s", name, constantRepr(g), constantRepr(w)))
		}
	}
	for name, g := range got {
		if _, ok := want[name]; !ok {
			extra = append(extra, name+" = "+constantRepr(g))
		}
	}
	report := func(what string, list []string) {
		if len(list) == 0 {
			return
		}
		sort.Strings(list)
		t.Errorf("%d %s:\n\t%s", len(list), what, strings.Join(list, "\n\t"))
	}
	report("constants of libvirt-python missing from Constants", missing)
	report("constants in Constants that libvirt-python lacks", extra)
	report("constants whose value differs from libvirt-python", differ)
}

// keptLast are the names ending in _LAST that libvirt-python exposes, and
// so Constants must too. libvirt-python drops a *_LAST member only when it
// sorts last (by value, then name) within its enum type, i.e. when it is
// the member-count sentinel.
var keptLast = map[string]string{
	// Deprecated alias of the sentinel VIR_DOMAIN_MEMORY_STAT_NR; it has
	// the same value and sorts before it, so python keeps it.
	"VIR_DOMAIN_MEMORY_STAT_LAST": "alias of VIR_DOMAIN_MEMORY_STAT_NR",
	// A real virNetworkUpdateCommand (add at the end), not a sentinel.
	"VIR_NETWORK_UPDATE_COMMAND_ADD_LAST": "network update command",
}

// TestConstantsWellFormed checks that Constants is sorted, has no duplicate
// names, only VIR_* names, int64 or string values, and no *_LAST sentinel.
func TestConstantsWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for i, c := range Constants {
		if seen[c.Name] {
			t.Errorf("%s listed twice", c.Name)
		}
		seen[c.Name] = true
		if i > 0 && Constants[i-1].Name >= c.Name {
			t.Errorf("not sorted by name: %s before %s", Constants[i-1].Name, c.Name)
		}
		if !strings.HasPrefix(c.Name, "VIR_") {
			t.Errorf("%s: name does not start with VIR_", c.Name)
		}
		switch c.Value.(type) {
		case int64, string:
		default:
			t.Errorf("%s: value %T, want int64 or string", c.Name, c.Value)
		}
		if strings.HasSuffix(c.Name, "_LAST") && keptLast[c.Name] == "" {
			t.Errorf("%s: *_LAST sentinel should not be a constant", c.Name)
		}
	}
	for name := range keptLast {
		if !seen[name] {
			t.Errorf("%s: libvirt-python exposes it but Constants lacks it", name)
		}
	}
}

// TestDriverConstantsAreGenerated checks that host/driver/constants.gen.go
// is what genconst writes from libvirt-api.xml.
func TestDriverConstantsAreGenerated(t *testing.T) {
	const api = "/usr/share/libvirt/api/libvirt-api.xml"
	if _, err := os.Stat(api); err != nil {
		t.Fatalf("%s: %v (make test installs libvirt-dev)", api, err)
	}
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "./internal/genconst", "-o", filepath.Join(dir, "c.go"), "-codes", filepath.Join(dir, "d.go"), api)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("genconst: %v\n%s", err, out)
	}
	got, err := os.ReadFile(filepath.Join(dir, "d.go"))
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("driver/constants.gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(have) {
		t.Error("host/driver/constants.gen.go is stale: run go generate ./host")
	}
}
