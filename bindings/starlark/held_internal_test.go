package starlark

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/pyrun"
	"github.com/vertscript/vertscript/bindings/starlark/pysyntax"
)

// heldAfter runs src, which calls held() once, and returns what the walk
// measured then.
func heldAfter(t *testing.T, src string) uint64 {
	t.Helper()
	thread := &starlark.Thread{}
	var got uint64
	called := false
	predeclared := starlark.StringDict{
		"argv": starlark.NewList(nil),
	}
	predeclared["held"] = starlark.NewBuiltin("held", func(thread *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		got, called = measure(thread, predeclared), true
		return starlark.None, nil
	})
	opts := *fileOptions
	if _, err := starlark.ExecFileOptions(&opts, thread, "t.star", src, predeclared); err != nil {
		t.Fatal(err)
	}
	if !called {
		t.Fatal("held() was not called")
	}
	return got
}

// TestHeldCountsSharedValuesOnce: the walk counts what the script holds,
// from the globals, the frames' locals, closures' cells and the
// predeclared values; a value reached many times counts once.
func TestHeldCountsSharedValuesOnce(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		name     string
		src      string
		min, max uint64
	}{
		{"a string shared by lists", "s = \"x\" * (1 << 20)\nl = [s] * 1000\nm = [l, l, l]\nd = {\"a\": l, \"b\": m}\nt = (l, m)\nheld()", mib, mib + 100<<10},
		{"a list that holds itself", "a = [\"y\" * (1 << 20)]\na.append(a)\nb = {\"a\": a}\nb[\"b\"] = b\nheld()", mib, mib + 10<<10},
		{"a frame's locals", "def f():\n    big = \"y\" * (4 << 20)\n    held()\n    return len(big)\nf()", 4 * mib, 4*mib + 10<<10},
		{"a closure's cell", "def mk():\n    acc = []\n    def add(x):\n        acc.append(x)\n    return add\nadd = mk()\nfor i in range(1000):\n    add(\"z\" * 1000 + str(i))\nheld()", 1000 * 1000, 1100*1000 + 100<<10},
		{"a cell before its closure runs", "def f():\n    big = \"c\" * (2 << 20)\n    def g():\n        return big\n    held()\n    return g\nf()", 2 * mib, 2*mib + 10<<10},
		{"a comprehension's list before it is assigned", "x = [\"c\" * 1000 + str(i) if i < 999 else held() for i in range(1000)]", 999 * 1000, 1100*1000 + 100<<10},
		{"a comprehension in a function", "def f():\n    return [\"c\" * 1000 + str(i) if i < 999 else held() for i in range(1000)]\nf()", 999 * 1000, 1100*1000 + 100<<10},
		{"a predeclared list grown", "argv.append(\"q\" * (2 << 20))\nheld()", 2 * mib, 2*mib + 10<<10},
		{"a dict's keys and values", "d = {}\nfor i in range(1000):\n    d[\"k\" * 1000 + str(i)] = \"v\" * 1000 + str(i)\nheld()", 2000 * 1000, 2100*1000 + 100<<10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := heldAfter(t, tt.src)
			if got < tt.min || got > tt.max {
				t.Errorf("held %d bytes, want %d to %d", got, tt.min, tt.max)
			}
		})
	}
}

// BenchmarkHeld measures the walk of a list of 100,000 strings and as many
// small lists (ns/op is per walk).
func BenchmarkHeld(b *testing.B) {
	thread := &starlark.Thread{}
	predeclared := starlark.StringDict{}
	var elems []starlark.Value
	for i := range 100_000 {
		elems = append(elems, starlark.String("piece"+string(rune('a'+i%26))), starlark.NewList([]starlark.Value{starlark.MakeInt(i)}))
	}
	predeclared["big"] = starlark.NewList(elems)
	b.ResetTimer()
	for b.Loop() {
		measure(thread, predeclared)
	}
}

// TestHeldCountsPythonValues checks that the walk goes into the values of
// the Python dialect's own types: the globals that functions rebind
// (global x) and an exception's arguments.
func TestHeldCountsPythonValues(t *testing.T) {
	big := starlark.String(strings.Repeat("x", 1<<20))
	hooks := pyrun.Hooks(pyrun.Options{})
	g := hooks[pysyntax.HookGlobals].(starlark.HasSetField)
	if err := g.SetField("acc", starlark.NewList([]starlark.Value{big})); err != nil {
		t.Fatal(err)
	}
	exc, err := pyrun.NewClass("ValueError").CallInternal(nil, starlark.Tuple{big + "y"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	thread := &starlark.Thread{}
	for name, v := range map[string]starlark.Value{"$G": g, "e": exc} {
		if n := measure(thread, starlark.StringDict{name: v}); n < 1<<20 {
			t.Errorf("%s holds a 1 MiB string, the walk counted %d bytes", name, n)
		}
	}
}
