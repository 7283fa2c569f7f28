package host

import (
	"strings"
	"testing"
	"unsafe"
)

// TestStrOfKeepsOnlyShortStrings: a string result equal to the last is the
// same Value, so a loop reading a name allocates nothing; one longer than
// KeptString (a document) is never kept beyond the script's own values.
func TestStrOfKeepsOnlyShortStrings(t *testing.T) {
	o := &Object{}
	same := func(a, b Value) bool {
		return unsafe.StringData(a.(string)) == unsafe.StringData(b.(string))
	}
	name := o.strOf("alpha")
	if again := o.strOf(strings.Clone("alpha")); !same(again, name) || again != name {
		t.Errorf("the same name read again is a new Value")
	}
	if other := o.strOf("beta"); other != "beta" {
		t.Errorf("another name reads %v", other)
	}
	long := strings.Repeat("x", KeptString+1)
	if got := o.strOf(long); got != long {
		t.Errorf("a long string reads back wrong")
	}
	if kept, _ := o.lastStr.Load().(string); kept != "beta" {
		t.Errorf("after a long string the object keeps %d bytes, want the last short string", len(kept))
	}
}
