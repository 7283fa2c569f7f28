package host_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/lua"
	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// innocent scripts: some work, a libvirt call, an output to compare. They
// run long enough to be in flight while the hungry one grows past its
// limit (checked below).
var innocent = map[string]struct {
	lang host.Language
	src  string
	want string
}{
	"star": {starlark.New(), `
conn = libvirt.open()
n = 0
for i in range(ROUNDS):
    s = "piece %d" % i
    n += len(s)
print(conn.lookupByName("test").name(), n)
`, "test %d\n"},
	"lua": {lua.New(), `
local conn = libvirt.open()
local n = 0
for i = 0, ROUNDS - 1 do
  local s = string.format("piece %d", i)
  n = n + #s
end
print(conn:lookupByName("test"):name(), n)
`, "test\t%d\n"},
}

// hungry scripts hold more and more values, past any limit.
var hungry = map[string]struct {
	lang host.Language
	src  string
}{
	"star": {starlark.New(), "x = []\nwhile True:\n    x.append(\"abcdefgh\" * 1000)\n"},
	"lua":  {lua.New(), "local t, i = {}, 0\nwhile true do\n  i = i + 1\n  t[i] = string.rep(\"abcdefgh\", 1000) .. i\nend\n"},
	// The list is on the interpreter's operand stack until assigned.
	"star-comprehension": {starlark.New(), "x = [\"abcdefgh\" * 1000 + str(i) for i in range(1000000000)]\n"},
}

// TestConcurrentRunsMemoryIsPerRun runs 8 scripts at once in the process,
// Starlark and Lua, one of which holds more than its --max-memory: that
// one stops with a max-memory error naming what it holds; the others,
// which hold little, end normally with their output, although the
// process's memory passed their limit too while they ran.
func TestConcurrentRunsMemoryIsPerRun(t *testing.T) {
	const rounds = 300_000
	total := 0
	for i := range rounds {
		total += len(fmt.Sprintf("piece %d", i))
	}
	for _, hungryLang := range []string{"star", "lua", "star-comprehension"} {
		t.Run(hungryLang, func(t *testing.T) {
			lim := host.Limits{Timeout: 5 * time.Minute, MaxSteps: host.DefaultLimits.MaxSteps, MaxDepth: 1000, MaxMemory: 64 << 20}
			var wg sync.WaitGroup
			var hungryEnd time.Time
			var hungryErr error
			ends := make([]time.Time, 7)
			errs := make([]error, 7)
			outs := make([]bytes.Buffer, 7)
			// The innocent runs end with gate.wait(), which returns
			// once the hungry run has ended: they are all in flight,
			// holding their values, for as long as it grows.
			hungryDone := make(chan struct{})
			gate := host.Module{Name: "gate", Funcs: []*host.Op{host.Func("gate", "wait", host.Read, nil, "Waits for the hungry run to end.",
				func(ctx context.Context, _ []host.Value) (host.Value, error) {
					select {
					case <-hungryDone:
						return nil, nil
					case <-ctx.Done():
						return nil, context.Cause(ctx)
					}
				})}}
			run := func(lang host.Language, name, src string, out io.Writer) error {
				s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: lim, Modules: []host.Module{gate}})
				defer s.Close()
				return s.Run(context.Background(), lang, host.Script{Path: name, Src: []byte(src), Args: []string{name}, Stdout: out, Stderr: io.Discard})
			}
			for i := range 7 {
				kind := []string{"star", "lua"}[i%2]
				in := innocent[kind]
				src := regexp.MustCompile(`ROUNDS`).ReplaceAllString(in.src, fmt.Sprint(rounds))
				src += "\ngate.wait()\n"
				wg.Go(func() {
					errs[i] = run(in.lang, fmt.Sprintf("innocent%d.%s", i, kind), src, &outs[i])
					ends[i] = time.Now()
				})
			}
			h := hungry[hungryLang]
			wg.Go(func() {
				hungryErr = run(h.lang, "hungry."+h.lang.Extensions()[0], h.src, io.Discard)
				hungryEnd = time.Now()
				close(hungryDone)
			})
			wg.Wait()

			var le *host.LimitError
			if !errors.As(hungryErr, &le) || le.Limit != "max-memory" {
				t.Fatalf("the hungry run: %v, want a max-memory limit error", hungryErr)
			}
			if !regexp.MustCompile(`max-memory: the script holds \d+ MiB of values, more than its 64 MiB`).MatchString(hungryErr.Error()) {
				t.Errorf("the hungry run: %v, want the values it holds", hungryErr)
			}
			for i := range 7 {
				kind := []string{"star", "lua"}[i%2]
				if errs[i] != nil {
					t.Errorf("innocent run %d (%s): %v", i, kind, errs[i])
					continue
				}
				if got, want := outs[i].String(), fmt.Sprintf(innocent[kind].want, total); got != want {
					t.Errorf("innocent run %d (%s) printed %q, want %q", i, kind, got, want)
				}
				if !ends[i].After(hungryEnd) {
					t.Errorf("innocent run %d (%s) ended before the hungry one: they did not overlap", i, kind)
				}
			}
		})
	}
}

// TestAllocationChecksCountTheRunsOwnValues: the checks of large
// allocations and of libvirt call arguments compare with what the run
// holds, not with the process's heap: with 96 MiB held by the program that
// embeds vertscript, and another run in flight, a script under a 64 MiB
// limit still builds an 8 MiB string and defines a domain with a 2 MiB
// description (8 MiB, counted four times over).
func TestAllocationChecksCountTheRunsOwnValues(t *testing.T) {
	ballast := make([]byte, 96<<20)
	for i := range ballast {
		ballast[i] = byte(i)
	}
	lim := host.Limits{Timeout: 5 * time.Minute, MaxSteps: host.DefaultLimits.MaxSteps, MaxDepth: 1000, MaxMemory: 64 << 20}
	run := func(lang host.Language, name, src string, out io.Writer) error {
		s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: lim})
		defer s.Close()
		return s.Run(context.Background(), lang, host.Script{Path: name, Src: []byte(src), Args: []string{name}, Stdout: out, Stderr: io.Discard})
	}
	tests := []struct {
		lang host.Language
		src  string
		want string
	}{
		{starlark.New(), `
half = "d" * (1 << 20)
conn = libvirt.open()
dom = conn.defineXML("<domain type='test'><name>big</name><description>" + half + half + "</description><memory>1024</memory><os><type>hvm</type></os></domain>")
s = "x" * (8 << 20)
print(len(s), dom.name())
`, "8388608 big\n"},
		{lua.New(), `
local conn = libvirt.open()
local dom = conn:defineXML("<domain type='test'><name>big</name><description>" .. string.rep("d", 2 * 1048576) .. "</description><memory>1024</memory><os><type>hvm</type></os></domain>")
local s = string.rep("x", 8 * 1048576)
print(#s, dom:name())
`, "8388608\tbig\n"},
	}
	for _, tt := range tests {
		t.Run(tt.lang.Name(), func(t *testing.T) {
			var wg sync.WaitGroup
			var other error
			var otherEnd, end time.Time
			// Another run in flight, so that the process's memory is
			// no one run's.
			wg.Go(func() {
				other = run(lua.New(), "other.lua", "local n = 0\nfor i = 1, 3000000 do n = n + i % 7 end\nprint(n)", io.Discard)
				otherEnd = time.Now()
			})
			var out bytes.Buffer
			err := run(tt.lang, "t"+tt.lang.Extensions()[0], tt.src, &out)
			end = time.Now()
			wg.Wait()
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if out.String() != tt.want {
				t.Errorf("printed %q, want %q", out.String(), tt.want)
			}
			if other != nil {
				t.Errorf("the other run: %v", other)
			}
			if !otherEnd.After(end) {
				t.Errorf("the other run ended first: they did not overlap")
			}
		})
	}
	runtime.KeepAlive(ballast)
}
