package host

import (
	"strings"
	"testing"
)

// TestClipBoundsRecords: a value that is cheap to hold but huge to print
// (a long string shared by many elements, a tree whose halves are one
// value) is cut to what a record shows, whatever its kind.
func TestClipBoundsRecords(t *testing.T) {
	long := strings.Repeat("a", 1<<20)
	shared := make([]Value, 2000)
	for i := range shared {
		shared[i] = long
	}
	var tree Value = long
	for range 40 {
		tree = []Value{tree, Tuple{tree}}
	}
	m := NewMap()
	m.Set(long, shared)
	im := NewIntMap()
	im.Set(1, Bytes(long))
	for _, tt := range []struct {
		name string
		v    Value
	}{
		{"a long string", long},
		{"a list of one long string", shared},
		{"a shared tree", tree},
		{"a dict with a long key", m},
		{"an int-keyed dict of bytes", im},
		{"a script value", ScriptValue{View: shared}},
	} {
		got := Repr(clip(tt.v))
		if len(got) > maxShownValue+maxShownString+4096 {
			t.Errorf("%s: clipped repr is %d bytes", tt.name, len(got))
		}
		if !strings.Contains(got, "...(") && !strings.Contains(got, "bytes>") {
			t.Errorf("%s: the cut is not said: %.200s", tt.name, got)
		}
	}
	// Short values are shown whole.
	small := []Value{"web-1", int64(3), Tuple{true, nil}}
	if got, want := Repr(clip(small)), Repr(small); got != want {
		t.Errorf("clip(%s) = %s", want, got)
	}
	e := PlanEntry{Receiver: "<virDomain a>", Op: "virDomain.setMetadata", Args: clipEach([]Value{shared, tree})}
	if n := len(e.String()); n > 200 {
		t.Errorf("a plan line is %d bytes", n)
	}
}
