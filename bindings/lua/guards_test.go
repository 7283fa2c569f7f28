package lua_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/bindings/lua"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// TestAllocationGuards: string.rep and table.concat refuse, before
// allocating, a string larger than --max-memory; smaller ones work.
func TestAllocationGuards(t *testing.T) {
	tests := []struct{ src, out, err string }{
		{`print(#string.rep("ab", 3), ("x"):rep(2), table.concat({1, "a", 2}, "-"))`, "6\txx\t1-a-2\n", ""},
		{`string.rep("x", 1e10)`, "", "t.lua:1: max-memory: string.rep would build a string of 9536 MiB, more than the 64 MiB allowed"},
		{`local s = "x"; s:rep(2^40)`, "", "t.lua:1: max-memory: string.rep would build a string of 1048576 MiB, more than the 64 MiB allowed"},
		{"local t, y = {}, string.rep(\"y\", 2^23)\nfor i = 1, 10 do t[i] = y end\ntable.concat(t, \",\")", "", "t.lua:3: max-memory: table.concat would build a string of 80 MiB, more than the 64 MiB allowed"},
	}
	for _, tt := range tests {
		s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: host.Limits{MaxMemory: 64 << 20}})
		var out bytes.Buffer
		err := lua.New().Run(context.Background(), s, host.Script{Path: "t.lua", Src: []byte(tt.src), Args: []string{"t.lua"}, Stdout: &out, Stderr: &out})
		s.Close()
		got := ""
		if err != nil {
			got, _, _ = strings.Cut(err.Error(), "\n")
		}
		if out.String() != tt.out || got != tt.err {
			t.Errorf("%s:\ngot output %q, error %q\nwant output %q, error %q", tt.src, out.String(), got, tt.out, tt.err)
		}
	}
}
