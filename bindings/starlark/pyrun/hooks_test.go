package pyrun

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/pysyntax"
)

func call(t *testing.T, name string, args ...starlark.Value) (starlark.Value, error) {
	t.Helper()
	h := Hooks(Options{})[name]
	return starlark.Call(&starlark.Thread{}, h, args, nil)
}

func TestHooksComplete(t *testing.T) {
	h := Hooks(Options{})
	for _, name := range pysyntax.Hooks {
		if _, ok := h[name]; !ok {
			t.Errorf("no hook %s", name)
		}
	}
}

func TestGetItem(t *testing.T) {
	d := starlark.NewDict(1)
	_ = d.SetKey(starlark.String("a"), starlark.MakeInt(1))
	l := starlark.NewList([]starlark.Value{starlark.MakeInt(1), starlark.MakeInt(2)})
	tests := []struct {
		x, k    starlark.Value
		want    string
		wantErr string
	}{
		{d, starlark.String("a"), "1", ""},
		{d, starlark.String("b"), "", "KeyError: 'b'"},
		{l, starlark.MakeInt(-1), "2", ""},
		{l, starlark.MakeInt(2), "", "IndexError: list index out of range"},
		{starlark.Tuple{}, starlark.MakeInt(0), "", "IndexError: tuple index out of range"},
		{starlark.String("ab"), starlark.MakeInt(5), "", "IndexError: string index out of range"},
		{l, starlark.String("x"), "", "TypeError: list indices must be integers, not string"},
		{starlark.MakeInt(3), starlark.MakeInt(0), "", "TypeError: 'int' object is not subscriptable"},
	}
	for _, tc := range tests {
		v, err := call(t, pysyntax.HookGetItem, tc.x, tc.k)
		switch {
		case tc.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s[%s]: got %v, %v; want error %q", tc.x, tc.k, v, err, tc.wantErr)
			}
		case err != nil || v.String() != tc.want:
			t.Errorf("%s[%s] = %v, %v; want %s", tc.x, tc.k, v, err, tc.want)
		}
	}
}

func TestPow(t *testing.T) {
	tests := []struct {
		x, y    starlark.Value
		want    string
		wantErr string
	}{
		{starlark.MakeInt(2), starlark.MakeInt(10), "1024", ""},
		{starlark.MakeInt(2), starlark.MakeInt(-1), "0.5", ""},
		{starlark.Float(4), starlark.Float(0.5), "2.0", ""},
		{starlark.True, starlark.MakeInt(3), "1", ""},
		{starlark.MakeInt(0), starlark.MakeInt(-1), "", "ZeroDivisionError"},
		{starlark.MakeInt(10), starlark.MakeInt(1 << 40), "", "OverflowError"},
		{starlark.String("x"), starlark.MakeInt(2), "", "TypeError"},
	}
	for _, tc := range tests {
		v, err := call(t, pysyntax.HookPow, tc.x, tc.y)
		switch {
		case tc.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s ** %s: got %v, %v; want error %q", tc.x, tc.y, v, err, tc.wantErr)
			}
		case err != nil || v.String() != tc.want:
			t.Errorf("%s ** %s = %v, %v; want %s", tc.x, tc.y, v, err, tc.want)
		}
	}
}

func TestSame(t *testing.T) {
	l := starlark.NewList(nil)
	tests := []struct {
		x, y starlark.Value
		want bool
	}{
		{starlark.None, starlark.None, true},
		{starlark.True, starlark.True, true},
		{starlark.True, starlark.MakeInt(1), false},
		{l, l, true},
		{l, starlark.NewList(nil), false},
		{starlark.String("a"), starlark.String("a"), true},
		{starlark.MakeInt(1), starlark.Float(1), false},
	}
	for _, tc := range tests {
		if got := Same(tc.x, tc.y); got != tc.want {
			t.Errorf("%v is %v = %v, want %v", tc.x, tc.y, got, tc.want)
		}
	}
}

func TestMatchAndRaise(t *testing.T) {
	exc, _ := NewClass("KeyError").CallInternal(nil, starlark.Tuple{starlark.String("k")}, nil)
	if v, err := call(t, pysyntax.HookMatch, exc, NewClass("LookupError")); err != nil || v != starlark.True {
		t.Errorf("LookupError does not take a KeyError: %v, %v", v, err)
	}
	if v, err := call(t, pysyntax.HookMatch, exc, starlark.Tuple{NewClass("ValueError"), NewClass("KeyError")}); err != nil || v != starlark.True {
		t.Errorf("(ValueError, KeyError) does not take a KeyError: %v, %v", v, err)
	}
	if _, err := call(t, pysyntax.HookMatch, exc, starlark.String("KeyError")); err == nil || !strings.Contains(err.Error(), "TypeError") {
		t.Errorf("matching a string: %v", err)
	}
	if _, err := call(t, pysyntax.HookRaise, exc); err == nil || !strings.Contains(err.Error(), "KeyError: k") {
		t.Errorf("raise: %v", err)
	}
	if _, err := call(t, pysyntax.HookRaise, starlark.MakeInt(1)); err == nil || !strings.Contains(err.Error(), "must derive from BaseException") {
		t.Errorf("raise 1: %v", err)
	}
	if _, err := call(t, pysyntax.HookRaise); err == nil || !strings.Contains(err.Error(), "No active exception") {
		t.Errorf("bare raise: %v", err)
	}
}

// walker is a value that Python iterates and Starlark does not: its
// iteration is made when a loop starts, and may fail.
type walker struct {
	starlark.Value
	items starlark.Value
	err   error
}

func (w walker) PyIter(*starlark.Thread) (starlark.Value, error) { return w.items, w.err }

func TestIterable(t *testing.T) {
	items := starlark.Tuple{starlark.MakeInt(1), starlark.MakeInt(2)}
	v, err := call(t, pysyntax.HookIter, walker{Value: starlark.None, items: items})
	if err != nil || v.String() != "(1, 2)" {
		t.Errorf("$iter of an Iterable: %v, %v", v, err)
	}
	_, err = call(t, pysyntax.HookIter, walker{Value: starlark.None, err: errorString("refused")})
	if err == nil || !strings.Contains(err.Error(), "refused") {
		t.Errorf("$iter of an Iterable that fails: %v", err)
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
