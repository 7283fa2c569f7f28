package jsonv_test

import (
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/jsonv"
)

// TestEncodeInts: host.Ints encodes as the list of its ints.
func TestEncodeInts(t *testing.T) {
	a, errA := jsonv.Encode(host.Ints{1, 2, 300}, "", nil)
	b, errB := jsonv.Encode([]host.Value{int64(1), int64(2), int64(300)}, "", nil)
	if a != b || errA != nil || errB != nil {
		t.Errorf("Ints encodes as %q (%v), the list as %q (%v)", a, errA, b, errB)
	}
}
