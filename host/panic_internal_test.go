package host

import (
	"strings"
	"testing"
)

// TestPanickingOperationFailsTheCall checks that a bug in an operation
// fails its call with an internal error and leaves the session usable.
func TestPanickingOperationFailsTheCall(t *testing.T) {
	s := NewSession(nil, Options{})
	defer s.Close()
	op := &Op{Class: ClassModule, Name: "broken", CName: "virBroken", fn: func(*Call) (Value, error) {
		var m map[string]int
		m["x"]++ // a nil map write: a runtime panic
		return nil, nil
	}}
	_, err := s.Call(op, nil, nil, nil)
	e, ok := AsError(err)
	if !ok || e.Code != errInternal || !strings.Contains(e.Message, "internal error: libvirt.broken (virBroken) failed in vertscript: assignment to entry in nil map") {
		t.Fatalf("got %v, want an internal error naming the operation", err)
	}
	s.mu.Lock()
	cur := s.cur
	s.mu.Unlock()
	if cur != nil {
		t.Error("the call is still registered as in flight")
	}
	ok2 := &Op{Class: ClassModule, Name: "fine", CName: "virFine", fn: func(*Call) (Value, error) { return int64(1), nil }}
	if v, err := s.Call(ok2, nil, nil, nil); err != nil || v != int64(1) {
		t.Errorf("the next call: %v, %v", v, err)
	}
}
