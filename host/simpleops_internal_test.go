package host

import "testing"

// TestSimpleOpsExist: every name in simpleOps is an operation of the table,
// marked simple; a misspelled entry would silently lose the reuse.
func TestSimpleOpsExist(t *testing.T) {
	for name := range simpleOps {
		found := false
		for _, op := range tableOps[1:] {
			if op.QualName() == name {
				found = op.simple
			}
		}
		if !found {
			t.Errorf("simpleOps names %s, which is no operation of the table", name)
		}
	}
}
