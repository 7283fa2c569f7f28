package host_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
)

// pythonSignatures reads testdata/python-methods.txt (see python-methods.sh):
// libvirt-python's functions and methods with their parameters.
func pythonSignatures(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open("testdata/python-methods.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sigs := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		name, _, _ := strings.Cut(line, "(")
		sigs[name] = line
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return sigs
}

// TestTableMatchesLibvirtPython checks every operation against
// libvirt-python: same class, name, parameter names, order and defaults,
// so that scripts port unchanged, keyword arguments included.
func TestTableMatchesLibvirtPython(t *testing.T) {
	py := pythonSignatures(t)
	n := 0
	for _, class := range host.Classes() {
		for _, op := range host.Methods(class) {
			n++
			if op.Extension {
				if _, ok := py[op.QualName()]; ok {
					t.Errorf("%s is marked as vertscript's own, but libvirt-python has it", op.QualName())
				}
				continue
			}
			got := op.Class + "." + op.Signature()
			want, ok := py[op.QualName()]
			if !ok {
				t.Errorf("%s is not in libvirt-python", op.QualName())
				continue
			}
			if got != want {
				t.Errorf("signature %s, libvirt-python has %s", got, want)
			}
			if op.CName == "" || op.Doc == "" || op.Result == "" {
				t.Errorf("%s: CName, Doc and Result must be set", op.QualName())
			}
		}
	}
	if n == 0 {
		t.Fatal("the operation table is empty")
	}
}
