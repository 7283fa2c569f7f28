package host

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"time"
)

// Limits bound a script's run. A zero field means no limit; DefaultLimits
// are what the CLI uses unless told otherwise.
type Limits struct {
	// Timeout bounds the whole run.
	Timeout time.Duration
	// CallTimeout bounds each libvirt call. A call into the C library
	// cannot be interrupted: when it does not return in time it is
	// abandoned, the script fails, and the OS thread stays in libvirt
	// until libvirt returns (its connection is closed then).
	CallTimeout time.Duration
	// MaxSteps bounds the interpreter's execution steps (Starlark; Lua
	// has no instruction hook and relies on Timeout).
	MaxSteps uint64
	// MaxDepth bounds the depth of nested function calls.
	MaxDepth int
	// MaxMemory caps the Go heap, in bytes: the run is cancelled when a
	// poller sees the heap above it, and builtins that allocate much at
	// once (string repetition, joins, ranges) refuse results that would
	// pass it. The heap is the process's: embedders running several
	// scripts at once share it.
	MaxMemory uint64
}

// DefaultLimits are the CLI's defaults.
var DefaultLimits = Limits{
	Timeout:     30 * time.Minute,
	CallTimeout: 2 * time.Minute,
	MaxSteps:    1_000_000_000,
	MaxDepth:    1000,
	MaxMemory:   512 << 20,
}

// LimitError is a run stopped by one of its limits.
type LimitError struct {
	Limit string // "timeout", "call-timeout", "max-steps", "max-depth", "max-memory"
	Msg   string
}

func (e *LimitError) Error() string { return e.Msg }

// Limits returns the session's limits, for the language adapters.
func (s *Session) Limits() Limits { return s.limits }

// StopGrace is how long Run waits for an interpreter to stop once the run
// is cancelled (timeout, memory limit, interrupt) before it abandons it.
const StopGrace = time.Second

// Run runs script in lang on s under s's limits: the timeout, the call
// timeout and the heap poller apply here, the step and depth limits in the
// adapters. It returns what lang.Run returns; when a limit stopped the
// run, the error wraps its *LimitError.
//
// A call into libvirt cannot be interrupted: when one overruns the call
// timeout, or is still in libvirt when ctx is cancelled, Run abandons the
// script and returns at once, leaving that call's goroutine and OS thread
// in libvirt until it returns. Likewise an interpreter that does not stop
// within StopGrace of the run's cancellation (stuck inside one builtin) is
// abandoned: Run returns, and the goroutine runs on until that builtin
// returns; a program that embeds vertscript should expect that goroutine
// to use a CPU meanwhile. Every later call it makes into the session
// fails once the session is closed.
func (s *Session) Run(ctx context.Context, lang Language, script Script) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	s.mu.Lock()
	s.ctx = ctx
	s.mu.Unlock()
	if t := s.limits.Timeout; t > 0 {
		timer := time.AfterFunc(t, func() {
			cancel(&LimitError{Limit: "timeout", Msg: fmt.Sprintf("timeout: the script ran longer than %s", t)})
		})
		defer timer.Stop()
	}
	stop := make(chan struct{})
	defer close(stop)
	if m := s.limits.MaxMemory; m > 0 {
		go pollHeap(m, stop, cancel)
	}
	abandoned := make(chan error, 1)
	go s.watch(ctx, stop, abandoned)

	done := make(chan error, 1)
	go func() { done <- lang.Run(ctx, s, script) }()
	var err error
	cancelled := ctx.Done()
	var grace <-chan time.Time
wait:
	for {
		select {
		case err = <-done:
			break wait
		case err = <-abandoned:
			cancel(err)
			return &ScriptError{Msg: script.Path + ": " + err.Error(), Err: err}
		case <-cancelled:
			// The interpreter stops at its next step; one stuck in a
			// single long builtin (a Lua pattern that backtracks,
			// say) never looks, and is abandoned after a grace period.
			cancelled = nil
			t := time.NewTimer(StopGrace)
			defer t.Stop()
			grace = t.C
		case <-grace:
			cause := context.Cause(ctx)
			return &ScriptError{Msg: script.Path + ": " + cause.Error(), Err: cause}
		}
	}
	if cause := context.Cause(ctx); err != nil && cause != nil {
		if le, ok := cause.(*LimitError); ok {
			return &ScriptError{Msg: err.Error(), Err: le}
		}
	}
	return err
}

// cancelGrace is how long a libvirt call in flight when the run is
// cancelled may still take before it is abandoned: most return at once, and
// the script then stops at its next step, where its error has a position.
const cancelGrace = 100 * time.Millisecond

// watch abandons the call in flight when it overruns the call timeout, or
// when ctx is done while it is in libvirt for longer than cancelGrace, and
// reports it on abandoned.
func (s *Session) watch(ctx context.Context, stop <-chan struct{}, abandoned chan<- error) {
	period := time.Second
	if t := s.limits.CallTimeout; t > 0 {
		period = min(max(t/10, time.Millisecond), time.Second)
	}
	tick := time.NewTicker(period)
	defer tick.Stop()
	done, cancelled := ctx.Done(), false
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		case <-done:
			cancelled, done = true, nil
			tick.Reset(cancelGrace)
		}
		s.mu.Lock()
		var err error
		switch c := s.cur; {
		case c == nil:
		case cancelled && time.Since(s.curStart) >= cancelGrace:
			err = context.Cause(ctx)
		case s.limits.CallTimeout > 0 && time.Since(s.curStart) > s.limits.CallTimeout:
			err = &LimitError{Limit: "call-timeout", Msg: fmt.Sprintf("call-timeout: %s (%s) did not return within %s; the call was abandoned", c.op.QualName(), c.op.CName, s.limits.CallTimeout)}
		}
		if err != nil {
			s.abandonLocked(err)
		}
		s.mu.Unlock()
		if err != nil {
			abandoned <- err
			return
		}
	}
}

// heapInterval is how often the heap poller looks.
const heapInterval = 10 * time.Millisecond

// pollHeap cancels the run when the Go heap passes max.
func pollHeap(max uint64, stop <-chan struct{}, cancel context.CancelCauseFunc) {
	tick := time.NewTicker(heapInterval)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			if used := heapBytes(); used > max {
				cancel(&LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: the script used %d MiB, more than its %d MiB", used>>20, max>>20)})
				return
			}
		}
	}
}

// heapBytes is the size of the Go heap's live and not yet swept objects.
func heapBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// SmallAlloc is the size up to which an allocation passes CheckAlloc
// without a look at the heap: smaller ones cannot pass the limit at once,
// and growth made of many of them is the heap poller's business.
const SmallAlloc = 1 << 20

// MaxEstimate saturates the adapters' size estimates, so that sums cannot
// overflow; an estimate of MaxEstimate means "too large to count".
const MaxEstimate = 1 << 62

// CheckAlloc refuses an operation, named what, that would build made (such
// as "a string") of n bytes at once, when that would take the heap past
// MaxMemory (0: no limit). Before it refuses for the memory already in use,
// it collects garbage once, so that only live memory counts. The language
// adapters call it from the builtins and operators that can allocate much
// in one step.
func (l Limits) CheckAlloc(n uint64, what, made string) *LimitError {
	max := l.MaxMemory
	if max == 0 || n <= SmallAlloc {
		return nil
	}
	if n >= MaxEstimate {
		return &LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s would build %s larger than the %d MiB allowed (--max-memory)", what, made, max>>20)}
	}
	if n > max {
		return &LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s would build %s of %d MiB, more than the %d MiB allowed (--max-memory)", what, made, n>>20, max>>20)}
	}
	used := heapBytes()
	if used+n > max {
		runtime.GC()
		used = heapBytes()
	}
	if used+n <= max {
		return nil
	}
	return &LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s would build %s of %d MiB, and the script already uses %d MiB of the %d MiB allowed (--max-memory)", what, made, n>>20, used>>20, max>>20)}
}
