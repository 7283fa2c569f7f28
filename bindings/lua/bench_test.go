package lua_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/vertscript/vertscript/bindings/lua"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// benchScripts are pure-Lua workloads: what the limits cost where no
// libvirt call hides it (the memory account's hook runs before every
// instruction).
var benchScripts = []struct{ name, src string }{
	{"loop", `
local n = 0
for i = 1, tonumber(arg[1]) do
  n = n + i % 7 * 3
end
`},
	{"calls", `
local function f(x) return x + 1 end
local n = 0
for i = 1, tonumber(arg[1]) do
  n = f(n)
end
`},
	{"strings", `
local parts = {}
for i = 1, tonumber(arg[1]) do
  parts[#parts + 1] = string.format("%d:%s", i, "xxx")
end
local s = table.concat(parts, ",")
`},
}

// BenchmarkScript runs each workload b.N iterations under the CLI's
// default limits and with no limits.
func BenchmarkScript(b *testing.B) {
	for _, sc := range benchScripts {
		for _, lim := range []struct {
			name string
			l    host.Limits
		}{{"default", host.DefaultLimits}, {"none", host.Limits{}}} {
			b.Run(sc.name+"/"+lim.name, func(b *testing.B) {
				s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: lim.l})
				defer s.Close()
				script := host.Script{Path: "b.lua", Src: []byte(sc.src), Args: []string{"b.lua", fmt.Sprint(b.N)}, Stdout: io.Discard, Stderr: io.Discard}
				b.ResetTimer()
				if err := lua.New().Run(context.Background(), s, script); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
}
