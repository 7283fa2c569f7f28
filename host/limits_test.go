package host_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// stopOnFirstWrite freezes the daemon when the script first prints.
type stopOnFirstWrite struct {
	once sync.Once
	d    *libvirtdtest.Daemon
}

func (w *stopOnFirstWrite) Write(p []byte) (int, error) {
	w.once.Do(func() { _ = w.d.Stop() })
	return len(p), nil
}

// TestCallTimeoutAbandonsABlockedCall freezes a real libvirtd with SIGSTOP
// while a script calls it: the call blocks in libvirt, and the call
// timeout abandons it and the script.
func TestCallTimeoutAbandonsABlockedCall(t *testing.T) {
	t.Parallel()
	d := libvirtdtest.Start(t)
	s := host.NewSession(cgobackend.New(), host.Options{URI: d.URI(), Limits: host.Limits{CallTimeout: 300 * time.Millisecond}})
	src := "c = libvirt.open()\nprint(c.listDomainsID())\nwhile True:\n    c.listDomainsID()\n"
	start := time.Now()
	err := s.Run(context.Background(), starlark.New(), host.Script{Path: "t.star", Src: []byte(src), Args: []string{"t.star"}, Stdout: &stopOnFirstWrite{d: d}, Stderr: io.Discard})
	elapsed := time.Since(start)
	var le *host.LimitError
	want := "t.star: call-timeout: virConnect.listDomainsID (virConnectListDomains) did not return within 300ms; the call was abandoned"
	if !errors.As(err, &le) || le.Limit != "call-timeout" || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if elapsed > 5*time.Second {
		t.Errorf("the run returned after %s", elapsed)
	}
	// Closing does not wait for libvirt; the connection is closed once the
	// abandoned call returns.
	start = time.Now()
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Close took %s", d)
	}
	if n := s.Live(); n != 1 {
		t.Errorf("Live() = %d while the call is stuck, want 1 (the connection)", n)
	}
	if err := d.Continue(); err != nil {
		t.Fatal(err)
	}
	waitLive(t, s)
}

// TestRunLimits stops scripts that run too long or use too much memory.
func TestRunLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		limits host.Limits
		src    string
		want   string // the LimitError's Limit
	}{
		{"timeout", host.Limits{Timeout: 200 * time.Millisecond}, "while True:\n    pass\n", "timeout"},
		{"max-memory", host.Limits{MaxMemory: 64 << 20}, "x = []\nwhile True:\n    x.append(\"abcdefgh\" * 1000)\n", "max-memory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: tt.limits})
			defer s.Close()
			err := s.Run(context.Background(), starlark.New(), host.Script{Path: "t.star", Src: []byte(tt.src), Args: []string{"t.star"}, Stdout: io.Discard, Stderr: io.Discard})
			var le *host.LimitError
			if !errors.As(err, &le) || le.Limit != tt.want {
				t.Errorf("got %v, want a %s limit error", err, tt.want)
			}
		})
	}
}

// TestRunRefusesAHugeSource: a script whose syntax tree could take more
// than MaxMemory is refused before it is parsed, in either language.
func TestRunRefusesAHugeSource(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: host.Limits{MaxMemory: 64 << 20}})
	defer s.Close()
	src := []byte(strings.Repeat("x = 1\n", 50000)) // 300 KB, over 64 MiB / 512
	err := s.Run(context.Background(), starlark.New(), host.Script{Path: "big.star", Src: src, Stdout: io.Discard, Stderr: io.Discard})
	var le *host.LimitError
	if !errors.As(err, &le) || le.Limit != "max-memory" || !strings.Contains(err.Error(), "big.star: max-memory: the script is larger than the 128 KiB of source") {
		t.Errorf("Run: %v, want the max-memory refusal of the source", err)
	}
}

// TestCallTimeoutWindow: a call reads no clock, and the watchdog times it
// from when it first sees it: a call is abandoned after its timeout, never
// before, and within a tenth more (plus the scheduler's slack). The calls
// are a Go function's, which the call timeout bounds as it bounds
// libvirt's.
func TestCallTimeoutWindow(t *testing.T) {
	t.Parallel()
	const limit = 400 * time.Millisecond
	slow := host.Module{Name: "slow", Funcs: []*host.Op{host.Func("slow", "wait", host.Read,
		[]host.Param{host.Required("ms", host.TInt)}, "Sleeps ms milliseconds.",
		func(ctx context.Context, args []host.Value) (host.Value, error) {
			select {
			case <-time.After(time.Duration(args[0].(int64)) * time.Millisecond):
			case <-ctx.Done():
			}
			return nil, nil
		})}}
	run := func(src string) (time.Duration, error) {
		s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Modules: []host.Module{slow},
			Limits: host.Limits{CallTimeout: limit}})
		defer s.Close()
		start := time.Now()
		err := s.Run(context.Background(), starlark.New(), host.Script{Path: "t.star", Src: []byte(src), Args: []string{"t.star"}, Stdout: io.Discard, Stderr: io.Discard})
		return time.Since(start), err
	}
	// Calls just under the limit, one after the other, each its own.
	if _, err := run("for i in range(4):\n    slow.wait(300)\n"); err != nil {
		t.Errorf("calls of 300ms under a 400ms call timeout: %v", err)
	}
	took, err := run("slow.wait(5000)\n")
	var le *host.LimitError
	if !errors.As(err, &le) || le.Limit != "call-timeout" {
		t.Fatalf("a call of 5s under a 400ms call timeout: %v, want call-timeout", err)
	}
	if took < limit || took > limit+limit/10+300*time.Millisecond {
		t.Errorf("the call was abandoned after %s, want between %s and %s (and the scheduler's slack)", took, limit, limit+limit/10)
	}
}
