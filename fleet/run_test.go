package fleet

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func hostsN(n int) []Host {
	hs := make([]Host, n)
	for i := range hs {
		hs[i] = Host{URI: fmt.Sprintf("test+tcp://127.0.0.1:%d/default", 1000+i), Name: fmt.Sprint("h", i)}
	}
	return hs
}

// TestRunParallelBound runs 20 hosts at most 3 at once and watches how
// many run together: never more than 3, and 3 at some point.
func TestRunParallelBound(t *testing.T) {
	for _, parallel := range []int{1, 3, 8} {
		t.Run(fmt.Sprint(parallel), func(t *testing.T) {
			var now, most atomic.Int32
			var order []string
			progress := []int{}
			results := Run(context.Background(), hostsN(20), Options{
				Parallel: parallel,
				OnResult: func(r Result) { order = append(order, r.Host.Name) },
				Progress: func(done, total int) {
					if total != 20 {
						t.Errorf("total %d", total)
					}
					progress = append(progress, done)
				},
			}, func(ctx context.Context, h Host, stdout, stderr io.Writer) error {
				n := now.Add(1)
				defer now.Add(-1)
				for {
					m := most.Load()
					if n <= m || most.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(5 * time.Millisecond)
				return nil
			})
			if got := most.Load(); got != int32(parallel) {
				t.Errorf("at most %d at once, want %d", got, parallel)
			}
			if len(results) != 20 || len(order) != 20 {
				t.Fatalf("%d results, %d OnResult calls", len(results), len(order))
			}
			for i, r := range results {
				if r.Host.Name != fmt.Sprint("h", i) || r.Status != StatusOK || r.Err != nil || r.Duration < 5*time.Millisecond {
					t.Errorf("result %d: %+v", i, r)
				}
			}
			if len(progress) != 21 || progress[0] != 0 || progress[20] != 20 {
				t.Errorf("progress %v", progress)
			}
		})
	}
}

// TestRunInterrupted cancels the context while the first hosts run: they
// see their context cancelled and are interrupted, the rest are skipped,
// and every host has its result.
func TestRunInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	stop := errors.New("interrupted by the test")
	started := make(chan struct{}, 10)
	var calls atomic.Int32
	var onResult atomic.Int32
	begin := time.Now()
	results := Run(ctx, hostsN(10), Options{Parallel: 4, OnResult: func(Result) { onResult.Add(1) }},
		func(ctx context.Context, h Host, stdout, stderr io.Writer) error {
			calls.Add(1)
			if h.Name == "h0" {
				return nil // done before the cancel
			}
			started <- struct{}{}
			if h.Name == "h1" {
				// Three of four slots are busy: cancel now.
				for len(started) < 3 {
					time.Sleep(time.Millisecond)
				}
				cancel(stop)
			}
			<-ctx.Done()
			return context.Cause(ctx)
		})
	if time.Since(begin) > 5*time.Second {
		t.Fatal("Run took too long")
	}
	counts := Counts(results)
	if counts[StatusOK] != 1 || counts[StatusInterrupted] != int(calls.Load())-1 || counts[StatusSkipped] != 10-int(calls.Load()) {
		t.Errorf("counts %v after %d calls", counts, calls.Load())
	}
	if calls.Load() > 5 {
		t.Errorf("%d hosts started after the cancel", calls.Load())
	}
	if onResult.Load() != 10 {
		t.Errorf("%d OnResult calls, want 10", onResult.Load())
	}
	for _, r := range results {
		if r.Status != StatusOK && !errors.Is(r.Err, stop) {
			t.Errorf("%s: %s, error %v, want the cancel's cause", r.Host.Name, r.Status, r.Err)
		}
	}
}

// TestRunAlreadyCancelled skips every host.
func TestRunAlreadyCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	results := Run(ctx, hostsN(3), Options{}, func(context.Context, Host, io.Writer, io.Writer) error {
		t.Error("a host ran")
		return nil
	})
	for _, r := range results {
		if r.Status != StatusSkipped || !errors.Is(r.Err, context.Canceled) {
			t.Errorf("%+v", r)
		}
	}
}

// TestRunFailures: an error, a panic, an output that cannot open, and a
// duplicate name each fail their host only.
func TestRunFailures(t *testing.T) {
	hosts := append(hostsN(4), Host{URI: "x:///", Name: "h1"})
	var buf bytes.Buffer
	var mu sync.Mutex
	results := Run(context.Background(), hosts, Options{
		Output: func(h Host) (io.Writer, io.Writer, func() error, error) {
			if h.Name == "h3" {
				return nil, nil, nil, errors.New("disk full")
			}
			w := NewPrefixWriter(&buf, &mu, h.Name)
			return w, w, w.Flush, nil
		},
	}, func(ctx context.Context, h Host, stdout, stderr io.Writer) error {
		fmt.Fprint(stdout, "hello from ", h.Name)
		switch h.Name {
		case "h1":
			return errors.New("boom\nsecond line")
		case "h2":
			panic("bug")
		}
		return nil
	})
	want := []struct {
		status Status
		err    string
	}{{StatusOK, ""}, {StatusFailed, "boom\nsecond line"}, {StatusFailed, "panic: bug"}, {StatusFailed, "output: disk full"}, {StatusFailed, `host name "h1" is used twice in the fleet`}}
	for i, r := range results {
		msg := ""
		if r.Err != nil {
			msg = r.Err.Error()
		}
		if r.Status != want[i].status || msg != want[i].err {
			t.Errorf("%s: %s %q, want %s %q", r.Host.Name, r.Status, msg, want[i].status, want[i].err)
		}
	}
	for _, line := range []string{"[h0] hello from h0\n", "[h1] hello from h1\n"} {
		if !strings.Contains(buf.String(), line) {
			t.Errorf("output %q lacks %q", buf.String(), line)
		}
	}

	var table bytes.Buffer
	WriteTable(&table, results)
	lines := strings.Split(table.String(), "\n")
	if len(lines) != 8 || !strings.HasPrefix(lines[0], "HOST  STATUS  DURATION  ERROR") ||
		!strings.Contains(lines[2], "failed  ") || !strings.HasSuffix(lines[2], "failed  0s        boom") ||
		lines[6] != "5 hosts: 1 ok, 4 failed" {
		t.Errorf("table:\n%s", table.String())
	}
	// The columns line up: STATUS starts at the same offset on every line.
	col := strings.Index(lines[0], "STATUS")
	for _, l := range lines[1:6] {
		if l[col-2:col] != "  " || l[col] == ' ' {
			t.Errorf("misaligned %q", l)
		}
	}

	var js bytes.Buffer
	if err := WriteJSON(&js, results); err != nil {
		t.Fatal(err)
	}
	var got JSONSummary
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Hosts) != 5 || got.Hosts[1].Error != "boom\nsecond line" || got.Hosts[0].Status != StatusOK ||
		got.Hosts[0].Tags == nil || got.Counts[StatusFailed] != 4 || got.Counts[StatusSkipped] != 0 {
		t.Errorf("json: %s", js.String())
	}
	for _, key := range []string{`"name"`, `"uri"`, `"tags"`, `"status"`, `"duration_ms"`, `"error"`, `"counts"`, `"interrupted"`} {
		if !strings.Contains(js.String(), key) {
			t.Errorf("json lacks %s", key)
		}
	}
}

func TestDirOutput(t *testing.T) {
	dir := t.TempDir()
	results := Run(context.Background(), hostsN(2), Options{Output: DirOutput(dir)},
		func(ctx context.Context, h Host, stdout, stderr io.Writer) error {
			fmt.Fprintln(stdout, "out", h.Name)
			fmt.Fprintln(stderr, "err", h.Name)
			return nil
		})
	for _, r := range results {
		b, err := os.ReadFile(filepath.Join(dir, r.Host.Name+".out"))
		if want := "out " + r.Host.Name + "\nerr " + r.Host.Name + "\n"; err != nil || string(b) != want {
			t.Errorf("%s: %q, %v, want %q", r.Host.Name, b, err, want)
		}
	}
}

func TestConsoleNotATerminal(t *testing.T) {
	var out, errs bytes.Buffer
	c := NewConsole(&out, &errs)
	c.Progress(1, 2)
	o, e, closeOut, _ := c.Output(Host{Name: "a"})
	fmt.Fprint(o, "x\ny")
	fmt.Fprint(e, "z\n")
	closeOut()
	c.Close()
	if out.String() != "[a] x\n[a] y\n" || errs.String() != "[a] z\n" {
		t.Errorf("stdout %q, stderr %q", out.String(), errs.String())
	}
}

// TestConsoleProgressLine: on a terminal, the progress line is erased
// before each line of output and redrawn after it, and Close erases it.
func TestConsoleProgressLine(t *testing.T) {
	var out, errs bytes.Buffer
	c := &Console{stdout: &out, stderr: &errs, bar: &progressBar{w: &errs}}
	c.Progress(0, 4)
	o, _, closeOut, _ := c.Output(Host{Name: "a"})
	fmt.Fprint(o, "hello\n")
	c.Progress(1, 4)
	closeOut()
	c.Close()
	bar := func(n int) string {
		return "\r\x1b[K[" + strings.Repeat("#", n) + strings.Repeat(".", barWidth-n) + "]"
	}
	want := bar(0) + " 0/4 hosts" + "\r\x1b[K" + bar(0) + " 0/4 hosts" + bar(7) + " 1/4 hosts" + "\r\x1b[K"
	if errs.String() != want || out.String() != "[a] hello\n" {
		t.Errorf("stderr %q\nwant   %q\nstdout %q", errs.String(), want, out.String())
	}
}
