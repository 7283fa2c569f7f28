package vertscript_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vertscript/vertscript"
)

func TestMain(m *testing.M) {
	vertscript.Child()
	os.Exit(m.Run())
}

// hungry builds a list past any limit, in the language of name.
func hungry(name string) string {
	if strings.HasSuffix(name, ".lua") {
		return "local t = {}\nlocal i = 0\nwhile true do\n  i = i + 1\n  t[i] = string.rep('x', 64) .. i\nend"
	}
	return "def f():\n    l = []\n    for i in range(1 << 40):\n        l.append('x' * 64 + str(i))\nf()"
}

// One run exhausting its memory in isolated mode does not stop seven
// others, in both languages, in the same program.
func TestIsolatedMemoryBound(t *testing.T) {
	for _, hungryName := range []string{"hungry.star", "hungry.lua"} {
		t.Run(hungryName, func(t *testing.T) {
			var wg sync.WaitGroup
			errs := make([]error, 8)
			outs := make([]string, 8)
			for i := range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					var out bytes.Buffer
					opts := vertscript.Options{URI: "test:///default", Stdout: &out}
					name, src := "ok.star", "c = libvirt.open()\nfor i in range(20):\n    c.lookupByName('test').info()\nprint(c.lookupByName('test').name())"
					if i%2 == 1 {
						name, src = "ok.lua", "local c = libvirt.open()\nfor i = 1, 20 do c:lookupByName('test'):info() end\nprint(c:lookupByName('test'):name())"
					}
					if i == 0 {
						opts.Isolated = true
						opts.Limits = vertscript.Limits{MaxMemory: 64 << 20, Timeout: time.Minute}
						name, src = hungryName, hungry(hungryName)
					}
					in, err := vertscript.New(opts)
					if err != nil {
						errs[i] = err
						return
					}
					_, errs[i] = in.Run(context.Background(), name, []byte(src))
					outs[i] = out.String()
				}()
			}
			wg.Wait()
			var le *vertscript.LimitError
			if !errors.As(errs[0], &le) || le.Limit != "max-memory" {
				t.Errorf("the hungry isolated run: got %v, want a max-memory *LimitError", errs[0])
			} else {
				t.Logf("the hungry isolated run: %v", errs[0])
			}
			for i := 1; i < 8; i++ {
				if errs[i] != nil || outs[i] != "test\n" {
					t.Errorf("run %d: %q, %v", i, outs[i], errs[i])
				}
			}
		})
	}
}

// An isolated run's errors are those of an in-process run.
func TestIsolatedErrorsAlike(t *testing.T) {
	cases := []struct{ name, src string }{
		{"refused.star", "c = libvirt.open()\nc.lookupByName('test').destroy()"},
		{"refused.lua", "local c = libvirt.open()\nc:lookupByName('test'):destroy()"},
		{"missing.star", "c = libvirt.open()\nc.lookupByName('nope')"},
		{"syntax.lua", "x = = 1"},
		{"exit.star", "exit(3)"},
		{"print.star", "print('out')"},
	}
	for _, c := range cases {
		var errs [2]error
		var outs [2]string
		for i, isolated := range []bool{false, true} {
			var out bytes.Buffer
			in, err := vertscript.New(vertscript.Options{URI: "test:///default", Isolated: isolated, Stdout: &out})
			if err != nil {
				t.Fatal(err)
			}
			_, errs[i] = in.Run(context.Background(), c.name, []byte(c.src))
			outs[i] = out.String()
		}
		if outs[0] != outs[1] || errString(errs[0]) != errString(errs[1]) {
			t.Errorf("%s: in process %q %v; isolated %q %v", c.name, outs[0], errs[0], outs[1], errs[1])
		}
		var se [2]*vertscript.Error
		var pe [2]*vertscript.PolicyError
		var le [2]*vertscript.LibvirtError
		var ee [2]*vertscript.ExitError
		for i := range 2 {
			errors.As(errs[i], &se[i])
			errors.As(errs[i], &pe[i])
			errors.As(errs[i], &le[i])
			errors.As(errs[i], &ee[i])
		}
		if (se[0] == nil) != (se[1] == nil) || se[0] != nil && se[0].Pos != se[1].Pos ||
			(pe[0] == nil) != (pe[1] == nil) || (le[0] == nil) != (le[1] == nil) || le[0] != nil && le[0].Code != le[1].Code ||
			(ee[0] == nil) != (ee[1] == nil) || ee[0] != nil && ee[0].Code != ee[1].Code {
			t.Errorf("%s: the errors differ in kind or fields: %#v / %#v", c.name, errs[0], errs[1])
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// The parent kills a child stuck in a loop at its timeout, and on
// cancellation; no child is left behind.
func TestIsolatedKills(t *testing.T) {
	in, err := vertscript.New(vertscript.Options{Isolated: true, Limits: vertscript.Limits{Timeout: 300 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = in.Run(context.Background(), "loop.lua", []byte("while true do end"))
	var le *vertscript.LimitError
	if !errors.As(err, &le) || le.Limit != "timeout" || time.Since(start) > 10*time.Second {
		t.Errorf("timeout: got %v after %s", err, time.Since(start))
	}
	in, _ = vertscript.New(vertscript.Options{Isolated: true})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	_, err = in.Run(ctx, "loop.star", []byte("def f():\n    while True:\n        pass\nf()"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v, want context.Canceled", err)
	}
	if kids := children(t); len(kids) > 0 {
		t.Errorf("children left behind: %v", kids)
	}
}

// children lists the processes whose parent is this one.
func children(t *testing.T) []string {
	t.Helper()
	time.Sleep(50 * time.Millisecond)
	me := strconv.Itoa(os.Getpid())
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var kids []string
	for _, st := range stats {
		b, err := os.ReadFile(st)
		if err != nil {
			continue
		}
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) > 1 && f[1] == me && f[0] != "Z" {
			kids = append(kids, st)
		}
	}
	return kids
}

func TestIsolatedRefusesWhatCannotCross(t *testing.T) {
	noop := vertscript.Func("app", "noop", vertscript.Read, nil, "", func(context.Context, []vertscript.Value) (vertscript.Value, error) { return nil, nil })
	for _, o := range []vertscript.Options{
		{Isolated: true, Modules: []vertscript.Module{{Name: "app", Funcs: []*vertscript.Op{noop}}}},
		{Isolated: true, Clock: vertscript.NewFakeClock(time.Unix(0, 0))},
	} {
		if _, err := vertscript.New(o); err == nil || !strings.Contains(err.Error(), "Isolated") {
			t.Errorf("got %v, want a refusal naming Isolated", err)
		}
	}
}
