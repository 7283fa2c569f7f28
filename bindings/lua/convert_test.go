package lua

import (
	"testing"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
)

func TestToHost(t *testing.T) {
	L := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer L.Close()
	tests := []struct {
		src  string // a Lua expression
		want string // host.Repr of its conversion, then its host.TypeName
	}{
		{"nil", "None None"},
		{"true", "True bool"},
		{"42", "42 int"},
		{"-3", "-3 int"},
		{"2^53", "9007199254740992 int"},
		{"1.5", "1.5 float"},
		{"2^63", "9.223372036854776e+18 float"},
		{"1/0", "+Inf float"},
		{`"x"`, `"x" string`},
		{"{}", "[] list"},
		{`{1, "a", {2}}`, `[1, "a", [2]] list`},
		{`{a = 1}`, `{"a": 1} dict`},
		{`{1, a = 1}`, "{table with mixed keys} table with mixed keys"},
		{`{[2048] = 8}`, "{2048: 8} dict"},
		{`{[0] = "a"}`, `{0: "a"} dict`},
		{`{[1.5] = 1}`, "{table with mixed keys} table with mixed keys"},
		{"print", "<function builtin function> function"},
		{"(function() local t = {}; t[1] = t; return t end)()", "[{table (cyclic)}] list"},
	}
	L.SetGlobal("print", L.NewFunction(func(*lua.LState) int { return 0 }))
	for _, tt := range tests {
		if err := L.DoString("return " + tt.src); err != nil {
			t.Fatalf("%s: %v", tt.src, err)
		}
		v := (&interp{}).toHost(L, L.Get(-1))
		L.Pop(1)
		if got := host.Repr(v) + " " + host.TypeName(v); got != tt.want {
			t.Errorf("toHost(%s) = %s, want %s", tt.src, got, tt.want)
		}
	}
}

func TestFromHost(t *testing.T) {
	L := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer L.Close()
	lua.OpenBase(L) // type and tostring
	in := &interp{objects: map[*host.Object]*lua.LUserData{}, pruneAt: minPrune}
	m := host.NewMap()
	m.Set("b", int64(2))
	m.Set("a", []host.Value{"x", nil, 1.5})
	L.SetGlobal("v", in.fromHost(L, m))
	if err := L.DoString(`r = type(v) .. " " .. v.b .. " " .. v.a[1] .. " " .. tostring(v.a[2]) .. " " .. v.a[3]`); err != nil {
		t.Fatal(err)
	}
	if got, want := L.GetGlobal("r").String(), "table 2 x nil 1.5"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	im := host.NewIntMap()
	im.Set(0, int64(7))
	im.Set(2048, "x")
	L.SetGlobal("w", in.fromHost(L, im))
	if err := L.DoString(`r = type(w) .. " " .. w[0] .. " " .. w[2048]`); err != nil {
		t.Fatal(err)
	}
	if got, want := L.GetGlobal("r").String(), "table 7 x"; got != want {
		t.Errorf("int-keyed map: got %q, want %q", got, want)
	}
}
