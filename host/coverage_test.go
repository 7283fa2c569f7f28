package host

import (
	"strings"
	"testing"
)

// TestLeftOutIsReal checks that every reason given for a method left out
// names a method libvirt-python has and the table does not.
func TestLeftOutIsReal(t *testing.T) {
	python := map[string]bool{}
	names := map[string]bool{}
	for _, line := range strings.Split(pythonMethods, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		qual, _, _ := strings.Cut(line, "(")
		python[qual] = true
		_, name, _ := strings.Cut(qual, ".")
		names[name] = true
	}
	for key := range leftOut {
		class, name, qualified := strings.Cut(key, ".")
		switch {
		case qualified && !python[key]:
			t.Errorf("leftOut names %s, which libvirt-python does not have", key)
		case qualified && Lookup(class, name) != nil:
			t.Errorf("leftOut names %s, which the operation table has", key)
		case !qualified && !names[key]:
			t.Errorf("leftOut names method %s, which no libvirt-python class has", key)
		}
	}
}

// TestCoverageCountsTheTable checks the report against the table: every
// method counted as present is an operation, and the counts add up.
func TestCoverageCountsTheTable(t *testing.T) {
	for _, c := range Coverage() {
		for _, name := range c.Have {
			if Lookup(c.Class, name) == nil {
				t.Errorf("%s.%s is counted but not in the table", c.Class, name)
			}
		}
		if len(c.Have)+len(c.Missing) != c.Python {
			t.Errorf("%s: %d present + %d missing != %d in libvirt-python", c.Class, len(c.Have), len(c.Missing), c.Python)
		}
	}
}

// TestMainClassesCovered holds the coverage of the main classes at 90% of
// libvirt-python's methods or more.
func TestMainClassesCovered(t *testing.T) {
	byClass := map[string]ClassCoverage{}
	for _, c := range Coverage() {
		byClass[c.Class] = c
	}
	for _, class := range MainClasses {
		c, ok := byClass[class]
		if !ok {
			t.Errorf("%s: not in libvirt-python's method list", class)
			continue
		}
		if c.Percent() < 90 {
			t.Errorf("%s: %d of %d methods (%.1f%%), want 90%% or more", class, len(c.Have), c.Python, c.Percent())
		}
	}
}
