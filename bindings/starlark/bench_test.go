package starlark_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// benchScripts are pure-Starlark workloads: what the limits cost where
// no libvirt call hides it.
var benchScripts = []struct{ name, src string }{
	{"loop", `
n = 0
for i in range(int(argv[1])):
    n += i % 7 * 3
`},
	{"calls", `
def f(x):
    return x + 1
n = 0
for i in range(int(argv[1])):
    n = f(n)
`},
	{"strings", `
parts = []
for i in range(int(argv[1])):
    parts.append("%d:%s" % (i, "x" * 3))
s = ",".join(parts)
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
				script := host.Script{Path: "b.star", Src: []byte(sc.src), Args: []string{"b.star", fmt.Sprint(b.N)}, Stdout: io.Discard, Stderr: io.Discard}
				b.ResetTimer()
				if err := starlark.New().Run(context.Background(), s, script); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
}
