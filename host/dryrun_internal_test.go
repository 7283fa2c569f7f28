package host

import "testing"

// TestEveryMakerIsPlanned: every operation that would make an object (its
// Result a class) and is not a read has a dry-run result, so that a dry
// run follows the object it plans instead of returning 0.
func TestEveryMakerIsPlanned(t *testing.T) {
	classes := map[string]bool{}
	for _, c := range Classes() {
		classes[c] = true
	}
	for _, class := range Classes() {
		for _, op := range Methods(class) {
			if classes[op.Result] && op.Effect != Read && op.planned == nil {
				t.Errorf("%s returns a %s but has no dry-run result", op.QualName(), op.Result)
			}
		}
	}
}
