package lua

import (
	"context"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// heldAfter runs src, which calls held() once, and returns what the walk
// measured then.
func heldAfter(t *testing.T, src string) uint64 {
	t.Helper()
	in := &interp{modules: map[string]lua.LValue{}, cancels: map[*lua.LState]context.CancelFunc{}}
	L := lua.NewState()
	defer L.Close()
	in.main = L
	var got uint64
	called := false
	L.SetGlobal("held", L.NewFunction(func(L *lua.LState) int {
		in.running = L
		got, called = in.measure(), true
		return 0
	}))
	if err := L.DoString(src); err != nil {
		t.Fatal(err)
	}
	if !called {
		t.Fatal("held() was not called")
	}
	return got
}

// TestHeldCountsSharedValuesOnce: the walk counts what the script holds,
// from the globals, every frame's locals (coroutines' included) and
// closures' upvalues; a value reached many times counts once.
func TestHeldCountsSharedValuesOnce(t *testing.T) {
	const mib = 1 << 20
	base := heldAfter(t, "held()") // the standard library
	tests := []struct {
		name     string
		src      string
		min, max uint64
	}{
		{"a string shared by tables", "local s = string.rep(\"x\", 1048576)\nlocal t = {}\nfor i = 1, 1000 do t[i] = s end\nlocal u = {t, t, t, k = t}\nG = u\nheld()", mib, mib + 100<<10},
		{"a table that holds itself", "local a = {string.rep(\"y\", 1048576)}\na.self = a\nsetmetatable(a, a)\nheld()", mib, mib + 10<<10},
		{"a function's locals", "local function f()\n  local big = string.rep(\"y\", 4 * 1048576)\n  held()\n  return #big\nend\nf()", 4 * mib, 4*mib + 10<<10},
		{"a suspended coroutine's locals", "local co = coroutine.create(function()\n  local big = string.rep(\"c\", 3 * 1048576)\n  coroutine.yield()\n  return #big\nend)\ncoroutine.resume(co)\nheld()", 3 * mib, 3*mib + 200<<10},
		{"the running coroutine and its resumer", "local big = string.rep(\"m\", 2 * 1048576)\nlocal co = coroutine.wrap(function()\n  local mine = string.rep(\"n\", 1048576)\n  held()\n  return #mine\nend)\nco()\nreturn #big", 3 * mib, 3*mib + 200<<10},
		{"a closure's upvalues", "local function mk()\n  local acc = {}\n  return function(x) acc[#acc + 1] = x end\nend\nlocal add = mk()\nfor i = 1, 1000 do add(string.rep(\"z\", 1000) .. i) end\nheld()", 1000 * 1000, 1100*1000 + 100<<10},
		{"suspended coroutines, each with its stacks", "local cos = {}\nfor i = 1, 100 do\n  cos[i] = coroutine.create(function() coroutine.yield() end)\n  coroutine.resume(cos[i])\nend\nheld()", uint64(100 * lua.RegistrySize * slotBytes), uint64(100*(lua.RegistrySize*slotBytes+300*80) + 100<<10)},
		{"an array of numbers", "local t = {}\nfor i = 1, 100000 do t[i] = i end\nheld()", 100000 * slotBytes, 100000*(slotBytes+8)*2 + 10<<10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := heldAfter(t, tt.src) - base
			if got < tt.min || got > tt.max {
				t.Errorf("held %d bytes, want %d to %d", got, tt.min, tt.max)
			}
		})
	}
}

// BenchmarkHeld measures the walk of a table of 100,000 strings and as
// many small tables (ns/op is per walk).
func BenchmarkHeld(b *testing.B) {
	in := &interp{modules: map[string]lua.LValue{}, cancels: map[*lua.LState]context.CancelFunc{}}
	L := lua.NewState()
	defer L.Close()
	in.main = L
	if err := L.DoString("big = {}\nfor i = 1, 100000 do big[2*i-1] = 'piece' .. (i % 26); big[2*i] = {i} end"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		in.measure()
	}
}
