package host

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
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
	// MaxMemory caps the memory a run uses, in bytes.
	//
	// Per run, where the language allows the accounting: the values the
	// script holds, measured by walking them from its interpreter's roots
	// (Starlark: the module's globals, every frame's locals and operand
	// stack, closures' free variables, the predeclared values a script
	// can grow; Lua: the globals, the registry, every frame's locals,
	// temporaries and upvalues, tables, strings, closures, coroutines and
	// their stacks), shared values counted once. The walk runs on the
	// interpreter's goroutine, when the Go heap has grown by a good part
	// of what is left of the limit since the last walk (see Memory); the
	// run stops with "max-memory: the script holds N MiB of values" when
	// they pass MaxMemory. Builtins that allocate
	// much at once (string repetition, joins, ranges) refuse results that
	// would take what the script holds past it, and a libvirt call whose
	// string and bytes arguments would take more than what is left is
	// refused before libvirt sees them (see ArgCopies). What the walk
	// does not see: what a parsed XML tree takes beyond its size when it
	// was made.
	//
	// Per process: libvirt's own memory (defined domains, parsed XML,
	// stream buffers), goroutine stacks, and garbage not yet collected
	// belong to no run. Session.Run's poller, every 10ms, compares the
	// larger of the growths of the Go heap and of the process's resident
	// memory (RSS, from /proc/self/statm on Linux) since Run began with
	// MaxMemory: when the run has been the process's only one since it
	// began (the CLI), it is cancelled ("the script used N MiB"), for the
	// heap once a garbage collection has left only live objects; a run
	// that is the only one left, but was not alone all along, is
	// cancelled for the heap only. While other runs are in flight, the
	// excess only makes each run measure what it holds, and only those
	// over their own limit stop. A hard bound on a run's memory,
	// libvirt's included, is the isolated mode (a child process per run),
	// not this.
	MaxMemory uint64

	// rssBase and heapBase are the process's resident memory and Go heap
	// when Run began: the process poller bounds the growth past them.
	rssBase, heapBase uint64
	// mem is the run's memory account (see Session.Memory).
	mem *Memory
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
	Limit string // "timeout", "call-timeout", "max-steps", "max-depth", "max-memory", "max-nesting"
	Msg   string
}

func (e *LimitError) Error() string { return e.Msg }

// Limits returns the session's limits, for the language adapters.
func (s *Session) Limits() Limits { return s.limits }

// StopGrace is how long Run waits for an interpreter to stop once the run
// is cancelled (timeout, memory limit, interrupt) before it abandons it.
const StopGrace = time.Second

// Run runs script in lang on s under s's limits: the timeout, the call
// timeout and the process memory poller apply here (see MaxMemory); the
// run's memory account (see Memory), the steps and the depth in the
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
	if le := s.limits.CheckSource(len(script.Src), "the script"); le != nil {
		return &ScriptError{Msg: script.Path + ": " + le.Msg, Err: le}
	}
	return s.Supervise(ctx, script.Path, func(ctx context.Context) error { return lang.Run(ctx, s, script) })
}

// ErrAbandoned is in the error of a run that Supervise returned from
// while the interpreter still ran (see Supervise).
var ErrAbandoned = errors.New("the interpreter was abandoned")

// Supervise runs fn, a script's run or one statement of a REPL (see
// Interactive), under the session's limits, as Run does: it cancels fn's
// context at the timeout (each call has its own) and when the memory limit
// is passed, and abandons a libvirt call that overruns the call timeout.
// name begins the message of an error that ends fn from outside. When
// Supervise returns before fn does (fn did not stop within StopGrace of
// its cancellation, or a libvirt call was abandoned), fn may still run:
// its interpreter must not be used again.
func (s *Session) Supervise(ctx context.Context, name string, fn func(ctx context.Context) error) error {
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
	alone, counted := startRun()
	defer counted()
	stop := make(chan struct{})
	defer close(stop)
	s.mu.Lock()
	if s.limits.mem == nil {
		s.limits.mem = newMemory(s.limits.MaxMemory)
	}
	s.limits.rssBase, s.limits.heapBase = 0, 0
	if s.limits.MaxMemory > 0 {
		s.limits.rssBase, s.limits.heapBase = residentBytes(), heapBytes()
	}
	lim := s.limits
	s.mu.Unlock()
	if lim.MaxMemory > 0 {
		go pollMemory(lim, alone, stop, cancel)
	}
	abandoned := make(chan error, 1)
	go s.watch(ctx, stop, abandoned)

	done := make(chan error, 1)
	go func() { done <- fn(ctx) }()
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
			return &ScriptError{Msg: name + ": " + err.Error(), Err: errors.Join(err, ErrAbandoned)}
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
			return &ScriptError{Msg: name + ": " + cause.Error(), Err: errors.Join(cause, ErrAbandoned)}
		}
	}
	if cause := context.Cause(ctx); err != nil && cause != nil {
		if le, ok := cause.(*LimitError); ok {
			se := &ScriptError{Msg: err.Error(), Err: le}
			if prev, ok := err.(*ScriptError); ok {
				se.Pos = prev.Pos
			}
			return se
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
// reports it on abandoned. A call whose backend can end it (driver.Aborter)
// is ended instead, and returns the error to the script, unless it does
// not return within abortGrace.
func (s *Session) watch(ctx context.Context, stop <-chan struct{}, abandoned chan<- error) {
	period := time.Second
	if t := s.limits.CallTimeout; t > 0 {
		period = min(max(t/20, time.Millisecond), time.Second)
	}
	tick := time.NewTicker(period)
	defer tick.Stop()
	done, cancelled := ctx.Done(), false
	// A call does not read the clock (see Session.Call): the watchdog
	// times the call in flight from the first look that saw it, by its
	// sequence number. It is seen within a period of its start, so a
	// call is abandoned between its timeout and its timeout plus two
	// periods (a tenth of it) after it began, never before.
	var seenSeq uint64
	var seenAt time.Time
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
		if s.cur != nil && s.curSeq != seenSeq {
			seenSeq, seenAt = s.curSeq, time.Now()
		}
		switch c := s.cur; {
		case c == nil:
		case cancelled && time.Since(seenAt) >= cancelGrace:
			err = context.Cause(ctx)
		case s.limits.CallTimeout > 0 && time.Since(seenAt) > s.limits.CallTimeout:
			fate := "the call was abandoned"
			if c.abort != nil {
				fate = "the call was ended, and its connection closed"
			}
			err = &LimitError{Limit: "call-timeout", Msg: fmt.Sprintf("call-timeout: %s (%s) did not return within %s; %s", c.op.QualName(), c.op.CName, s.limits.CallTimeout, fate)}
		}
		var ended *Call
		if err != nil {
			if s.cur.abort != nil {
				ended = s.cur
			}
			s.abandonLocked(err)
		}
		s.mu.Unlock()
		if ended != nil && s.returns(ended, abortGrace) {
			// The backend ended the call: it returns err to the
			// script, which stops there, with its position.
			return
		}
		if err != nil {
			abandoned <- err
			return
		}
	}
}

// abortGrace is how long a call its backend ended (driver.Aborter) may
// take to return before it is abandoned all the same.
const abortGrace = time.Second

// returns reports whether call c, in flight, returns within d.
func (s *Session) returns(c *Call, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for {
		s.mu.Lock()
		back := s.cur != c
		s.mu.Unlock()
		if back {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(time.Millisecond)
	}
}

// heapInterval is how often the memory poller looks.
const heapInterval = 10 * time.Millisecond

// pollMemory watches the process's memory (see used) for a run under
// lim. When it passes lim.MaxMemory while other runs are in flight, it
// asks the run to measure what it holds (see Memory), which stops it if
// that is over its limit: the process's memory is not one run's. When the
// run is the only one in flight, it cancels it: at once when the
// process's resident memory grew past the limit and the run has been
// alone since it began (libvirt's memory and the stacks are then its
// own); when the Go heap is over, after a garbage collection, if its live
// objects still are.
func pollMemory(lim Limits, alone func() (now, always bool), stop <-chan struct{}, cancel context.CancelCauseFunc) {
	tick := time.NewTicker(heapInterval)
	defer tick.Stop()
	var collected time.Time
	stopRun := func(used uint64) {
		cancel(&LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: the script used %d MiB, more than its %d MiB", used>>20, lim.MaxMemory>>20)})
	}
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			if lim.used() <= lim.MaxMemory {
				continue
			}
			now, always := alone()
			if grown := lim.grown(); always && grown > lim.MaxMemory {
				stopRun(grown)
				return
			}
			if !now || lim.heapGrown() <= lim.MaxMemory {
				lim.mem.wanted.Store(true)
				continue
			}
			// Only live objects count: garbage, this run's or that
			// of runs before it, is collected first (at most every
			// collectEvery).
			if time.Since(collected) < collectEvery {
				continue
			}
			runtime.GC()
			collected = time.Now()
			if heap := lim.heapGrown(); heap > lim.MaxMemory {
				stopRun(heap)
				return
			}
		}
	}
}

// collectEvery is how often at most the poller collects garbage before it
// decides that a run alone in its process passed its limit.
const collectEvery = 50 * time.Millisecond

// Memory returns the memory account of the session's run (Session.Run
// makes one for each run; a Language run directly gets one on its first
// call). The language adapter sets its measure and calls its Check.
func (s *Session) Memory() *Memory {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.limits.mem == nil {
		s.limits.mem = newMemory(s.limits.MaxMemory)
	}
	return s.limits.mem
}

// used is the process's memory, as far as one run can be charged with it:
// the larger of the growths of the Go heap and of the process's resident
// memory since Run began (libvirt's memory, and the stacks, are in the
// second only).
func (l Limits) used() uint64 {
	return max(l.heapGrown(), l.grown())
}

// heapGrown is the growth of the Go heap since Run began (the heap itself
// outside a run).
func (l Limits) heapGrown() uint64 {
	if h := heapBytes(); h > l.heapBase {
		return h - l.heapBase
	}
	return 0
}

// grown is the growth of the process's resident memory since Run began
// (0 outside a run).
func (l Limits) grown() uint64 {
	if l.rssBase == 0 {
		return 0
	}
	if rss := residentBytes(); rss > l.rssBase {
		return rss - l.rssBase
	}
	return 0
}

// pageSize is the size of the pages /proc/self/statm counts.
var pageSize = uint64(os.Getpagesize())

// residentBytes is the process's resident memory (RSS), read from
// /proc/self/statm; 0 where there is no such file.
func residentBytes() uint64 { return residentOf("self") }

// ResidentBytes is the resident memory (RSS) of process pid, read from
// /proc/PID/statm; 0 where it cannot be read (the process is gone, or the
// system has no /proc). Isolated runs bound their children with it.
func ResidentBytes(pid int) uint64 { return residentOf(strconv.Itoa(pid)) }

// residentOf reads the resident memory of /proc/PROC/statm.
func residentOf(proc string) uint64 {
	b, err := os.ReadFile("/proc/" + proc + "/statm")
	if err != nil {
		return 0
	}
	// size resident shared text lib data dt, in pages
	fields := bytes.Fields(b)
	if len(fields) < 2 {
		return 0
	}
	n, err := strconv.ParseUint(string(fields[1]), 10, 64)
	if err != nil {
		return 0
	}
	return n * pageSize
}

// heapBytes is the size of the Go heap's live and not yet swept objects.
func heapBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// SmallAlloc is the size up to which an allocation passes CheckAlloc
// without a look: smaller ones cannot pass the limit at once, and growth
// made of many of them is the walk's business (see Memory).
const SmallAlloc = 1 << 20

// MaxEstimate saturates the adapters' size estimates, so that sums cannot
// overflow; an estimate of MaxEstimate means "too large to count".
const MaxEstimate = 1 << 62

// CheckAlloc refuses an operation, named what, that would build made (such
// as "a string") of n bytes at once, when that would take what the run
// holds (see Memory) past MaxMemory (0: no limit). The language adapters
// call it from the builtins and operators that can allocate much in one
// step, on the interpreter's goroutine.
func (l Limits) CheckAlloc(n uint64, what, made string) *LimitError {
	max := l.MaxMemory
	if max == 0 || n <= SmallAlloc {
		return nil
	}
	if n >= MaxEstimate {
		return &LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s would build %s larger than the %d MiB allowed", what, made, max>>20)}
	}
	if n > max {
		return &LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s would build %s of %d MiB, more than the %d MiB allowed", what, made, n>>20, max>>20)}
	}
	used := l.usedBy(n)
	if used+n <= max {
		return nil
	}
	return &LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s would build %s of %d MiB, and the script already holds %d MiB of the %d MiB allowed", what, made, n>>20, used>>20, max>>20)}
}

// usedBy is what the run holds (see Memory.used), measured closely enough
// to tell whether n more bytes pass MaxMemory. Limits outside a session's
// run have no account: the Go heap, after a collection, stands for it.
func (l Limits) usedBy(n uint64) uint64 {
	if l.mem != nil {
		return l.mem.used(n)
	}
	used := heapBytes()
	if used+n > l.MaxMemory {
		debug.FreeOSMemory()
		used = heapBytes()
	}
	return used
}

// ArgCopies is how many times their size the string and bytes arguments of
// a libvirt call are counted against what is left of MaxMemory before the
// call: libvirt copies them and parses XML into trees (defineXML of a
// 40 MiB description was measured to take 4 to 4.5 times its size on the
// test driver), and the memory it takes is libvirt's, which no run's
// account sees. Arguments smaller than bigArgs in all pass without a
// look; many small ones are the process poller's business (see
// MaxMemory).
const ArgCopies = 4

// bigArgs is the size from which the arguments of a call are checked
// against what is left of MaxMemory.
const bigArgs = 64 << 10

// checkArgMemory refuses c, before the backend sees it, when its string
// and bytes arguments, those nested in lists and dicts included, would
// take ArgCopies times their size of memory, more than what is left of
// MaxMemory once what the run holds (see Memory) is counted.
func (s *Session) checkArgMemory(c *Call) error {
	lim := s.limits
	if lim.MaxMemory == 0 {
		return nil
	}
	var total, biggest uint64
	name := ""
	for i, a := range c.args {
		n := valueBytes(a, 0)
		total = min(total+n, MaxEstimate)
		if n > biggest && i < len(c.op.Params) {
			biggest, name = n, c.op.Params[i].Name
		}
	}
	if total < bigArgs {
		return nil
	}
	need := min(total, MaxEstimate/ArgCopies) * ArgCopies
	var used uint64
	if need <= lim.MaxMemory {
		if used = lim.usedBy(need); used+need <= lim.MaxMemory {
			return nil
		}
	}
	left := lim.MaxMemory - min(used, lim.MaxMemory)
	what := fmt.Sprintf("argument %s is %s", name, mib(total))
	if biggest < total {
		what = fmt.Sprintf("arguments are %s", mib(total))
	}
	return &LimitError{Limit: "max-memory", Msg: fmt.Sprintf("%s: max-memory: %s, which libvirt takes about %d times over, more than the %s left of %s",
		c.op.QualName(), what, ArgCopies, mib(left), mib(lim.MaxMemory))}
}

// mib formats n bytes in MiB, rounded up.
func mib(n uint64) string {
	return fmt.Sprintf("%d MiB", (n+(1<<20)-1)>>20)
}

// valueBytes is the size of the strings and bytes in v, nested ones
// included (at most MaxNesting levels down), saturated at MaxEstimate.
func valueBytes(v Value, depth int) uint64 {
	if depth > MaxNesting {
		return 0
	}
	var n uint64
	addv := func(x Value) { n = min(n+valueBytes(x, depth+1), MaxEstimate) }
	switch v := v.(type) {
	case string:
		return uint64(len(v))
	case Bytes:
		return uint64(len(v))
	case []Value:
		for _, x := range v {
			addv(x)
		}
	case Ints:
		for _, x := range v {
			addv(x)
		}
	case Tuple:
		for _, x := range v {
			addv(x)
		}
	case *Map:
		for _, k := range v.Keys() {
			x, _ := v.Get(k)
			n = min(n+uint64(len(k)), MaxEstimate)
			addv(x)
		}
	case *IntMap:
		for _, k := range v.Keys() {
			x, _ := v.Get(k)
			addv(x)
		}
	}
	return n
}

// SourceFactor is how many times its size a script's source may take once
// parsed: syntax trees take tens of bytes a token, and gopher-lua's parser
// up to 270 times the source on deeply nested table constructors.
const SourceFactor = 512

// CheckSource refuses a source of n bytes, named what (a script, a chunk
// given to load), whose syntax tree could take more than MaxMemory: one of
// more than MaxMemory/SourceFactor bytes.
func (l Limits) CheckSource(n int, what string) *LimitError {
	if l.MaxMemory == 0 || uint64(n) <= l.MaxMemory/SourceFactor {
		return nil
	}
	return &LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s is larger than the %d KiB of source that %d MiB allow (a syntax tree takes up to %d times its source)",
		what, l.MaxMemory/SourceFactor>>10, l.MaxMemory>>20, SourceFactor)}
}
