package fleet

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
)

// Status is how a host's run ended.
type Status string

// The statuses of a Result.
const (
	// StatusOK: the run returned nil.
	StatusOK Status = "ok"
	// StatusFailed: the run returned an error, or could not start.
	StatusFailed Status = "failed"
	// StatusInterrupted: the context was cancelled while the run was in
	// progress, and it did not succeed.
	StatusInterrupted Status = "interrupted"
	// StatusSkipped: the context was cancelled before the run started.
	StatusSkipped Status = "skipped"
)

// Result is how one host's run ended.
type Result struct {
	Host     Host
	Status   Status
	Duration time.Duration // 0 for a skipped host
	Err      error         // nil when Status is StatusOK
}

// RunFunc is the job run on one host: it prints to stdout and stderr, and
// must return soon after ctx is done.
type RunFunc func(ctx context.Context, h Host, stdout, stderr io.Writer) error

// OutputFunc opens where host h's run prints. Its close function is called
// once the run returned (nil: nothing to close).
type OutputFunc func(h Host) (stdout, stderr io.Writer, close func() error, err error)

// DefaultParallel is Options.Parallel's value when it is not positive.
const DefaultParallel = 8

// Options configure Run.
type Options struct {
	// Parallel is how many hosts run at once; DefaultParallel when not
	// positive.
	Parallel int
	// Output opens each host's output; nil discards it.
	Output OutputFunc
	// OnResult, when set, is called with each host's Result as it
	// finishes (and with each skipped host's), one call at a time.
	OnResult func(Result)
	// Progress, when set, is called with the number of hosts finished
	// and the total, before the first host starts and after each
	// OnResult, one call at a time.
	Progress func(done, total int)
}

// Run runs run on every host, at most opts.Parallel at once, and returns
// one Result per host, in the order of hosts. When ctx is cancelled, the
// runs in progress see their context cancelled, and the hosts not started
// yet are skipped. Run returns once every run it started has returned.
//
// A host whose name another host before it has is not run: it fails, as
// two hosts of one name could not be told apart in output or files. A
// run that panics fails with the panic's value.
func Run(ctx context.Context, hosts []Host, opts Options, run RunFunc) []Result {
	parallel := opts.Parallel
	if parallel <= 0 {
		parallel = DefaultParallel
	}
	results := make([]Result, len(hosts))
	var mu sync.Mutex // serializes the callbacks
	done := 0
	finish := func(i int, r Result) {
		mu.Lock()
		defer mu.Unlock()
		results[i] = r
		done++
		if opts.OnResult != nil {
			opts.OnResult(r)
		}
		if opts.Progress != nil {
			opts.Progress(done, len(hosts))
		}
	}
	if opts.Progress != nil {
		opts.Progress(0, len(hosts))
	}
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	names := map[string]bool{}
	for i, h := range hosts {
		if names[h.Name] {
			finish(i, Result{Host: h, Status: StatusFailed, Err: fmt.Errorf("host name %q is used twice in the fleet", h.Name)})
			continue
		}
		names[h.Name] = true
		took := false
		select {
		case sem <- struct{}{}:
			took = true
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			if took {
				<-sem
			}
			finish(i, Result{Host: h, Status: StatusSkipped, Err: context.Cause(ctx)})
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			finish(i, runOne(ctx, h, opts.Output, run))
		}()
	}
	wg.Wait()
	return results
}

// runOne runs run on h and says how it ended.
func runOne(ctx context.Context, h Host, output OutputFunc, run RunFunc) (r Result) {
	start := time.Now()
	r = Result{Host: h}
	defer func() {
		r.Duration = time.Since(start)
		switch {
		case r.Err == nil:
			r.Status = StatusOK
		case ctx.Err() != nil:
			r.Status = StatusInterrupted
		default:
			r.Status = StatusFailed
		}
	}()
	stdout, stderr, closeOut := io.Discard, io.Discard, func() error { return nil }
	if output != nil {
		o, e, c, err := output(h)
		if err != nil {
			r.Err = fmt.Errorf("output: %w", err)
			return r
		}
		stdout, stderr = o, e
		if c != nil {
			closeOut = c
		}
	}
	hctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r.Err = safeRun(hctx, h, stdout, stderr, run)
	if err := closeOut(); err != nil && r.Err == nil {
		r.Err = fmt.Errorf("output: %w", err)
	}
	return r
}

// errPanic is in the error of a run that panicked.
var errPanic = errors.New("panic")

// safeRun calls run, turning a panic into an error.
func safeRun(ctx context.Context, h Host, stdout, stderr io.Writer, run RunFunc) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", errPanic, p)
		}
	}()
	return run(ctx, h, stdout, stderr)
}
