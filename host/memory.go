package host

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Memory is one run's memory account: what the values its interpreter
// holds take, measured by the language adapter's walk of them (see
// SetMeasure), against Limits.MaxMemory.
//
// The walk runs on the interpreter's own goroutine only: from Check, which
// the adapter calls every few thousand steps, and from the checks of large
// allocations (Limits.CheckAlloc) and of libvirt call arguments, which the
// interpreter makes itself. It runs when the process's Go heap has grown,
// since the last walk, by half of what is left of the limit (or by a
// thirty-second of the limit, whichever is more): the values a run holds
// cannot grow by more than the heap does, so the run cannot pass its
// limit between two walks by more than that. Its cost is proportional to
// what it walks, and walks grow further apart as the run holds more. A
// language that sets no measure is charged the growth of the Go heap
// since the run began instead.
type Memory struct {
	limit   uint64
	measure func() uint64 // the adapter's walk; nil until set

	held     uint64        // what the last walk found
	heapBase uint64        // the lowest Go heap seen since the last walk
	lastLook time.Time     // when Check last read the heap
	lastWalk time.Time     // when the last walk ended
	walkTook time.Duration // how long it took
	checks   uint64        // calls of Check

	// wanted is set by Session.Run's poller when the process's memory
	// passes the limit while other runs are in flight: the run walks at
	// its next Check, unless it walked very recently.
	wanted atomic.Bool
}

func newMemory(limit uint64) *Memory {
	return &Memory{limit: limit, heapBase: heapBytes(), lastLook: time.Now()}
}

// SetMeasure sets the function that measures, in bytes, the values the
// run holds: the language adapter's walk from its interpreter's roots,
// shared values counted once. It is called on the interpreter's goroutine
// only, while the interpreter is stopped in a step check or a builtin.
func (m *Memory) SetMeasure(measure func() uint64) {
	m.measure = measure
}

// Limit is the run's MaxMemory (0: none).
func (m *Memory) Limit() uint64 { return m.limit }

// Held is what the last walk found the run to hold.
func (m *Memory) Held() uint64 { return m.held }

// Check walks the run's values when due (see Memory) and returns the
// max-memory *LimitError when they take more than the limit. The language
// adapter calls it from the interpreter's goroutine every thousand steps
// or so; between two walks it costs a count, and every lookEvery calls a
// clock read.
func (m *Memory) Check() *LimitError {
	if m == nil || m.limit == 0 || m.measure == nil {
		return nil
	}
	// A clock read can cost a system call: most checks only count.
	m.checks++
	if m.checks%lookEvery != 0 && !m.wanted.Load() {
		return nil
	}
	now := time.Now()
	if m.wanted.Load() && now.Sub(m.lastWalk) >= m.pause() {
		return m.walk()
	}
	if now.Sub(m.lastLook) < heapInterval {
		return nil
	}
	m.lastLook = now
	h := heapBytes()
	if h < m.heapBase {
		m.heapBase = h
	}
	// Garbage made and collected over and over moves the heap too: a
	// growth past the trigger waits for the pause after the last walk,
	// unless it is twice the trigger.
	grown, trigger := h-m.heapBase, m.trigger()
	if grown < trigger || grown < 2*trigger && now.Sub(m.lastWalk) < m.pause() {
		return nil
	}
	return m.walk()
}

// lookEvery is how many calls of Check make one look at the clock and,
// every heapInterval, at the Go heap.
const lookEvery = 8

// pause is how long after a walk the next one waits, unless the heap
// grew by much: ten times what the walk took, so that walks asked for by
// a process over its limit, or by garbage, take a tenth of the run's time
// at most.
func (m *Memory) pause() time.Duration {
	return max(10*m.walkTook, heapInterval)
}

// trigger is how much the Go heap grows before the next walk.
func (m *Memory) trigger() uint64 {
	left := m.limit - min(m.held, m.limit)
	return max(left/2, m.limit/32)
}

// walk measures what the run holds.
func (m *Memory) walk() *LimitError {
	start := time.Now()
	m.wanted.Store(false)
	m.held = m.measure()
	m.heapBase = heapBytes()
	m.lastWalk = time.Now()
	m.lastLook = m.lastWalk
	m.walkTook = m.lastWalk.Sub(start)
	if m.held > m.limit {
		return heldError(m.held, m.limit)
	}
	return nil
}

func heldError(held, limit uint64) *LimitError {
	return &LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: the script holds %d MiB of values, more than its %d MiB", held>>20, limit>>20)}
}

// used is what the run holds, measured closely enough to tell whether n
// more bytes pass the limit: the last walk plus the growth of the Go heap
// since, which bounds the growth of the run's values; when that does not
// leave room for n bytes, a fresh walk.
func (m *Memory) used(n uint64) uint64 {
	h := heapBytes()
	if h < m.heapBase {
		m.heapBase = h
	}
	bound := m.held + (h - m.heapBase)
	if bound+n <= m.limit || m.measure == nil {
		return bound
	}
	m.walk()
	return m.held
}

// runs counts the runs in flight in the process (Session.Run), and the
// runs ever started.
var runs struct {
	sync.Mutex
	inFlight int
	started  uint64
}

// startRun counts a run in. It returns the function that tells whether
// the run is now the only one in flight, and whether it has been all
// along (it was the only one when it started, and none started since),
// and the function that counts it out.
func startRun() (alone func() (now, always bool), done func()) {
	runs.Lock()
	runs.inFlight++
	runs.started++
	id, first := runs.started, runs.inFlight == 1
	runs.Unlock()
	alone = func() (bool, bool) {
		runs.Lock()
		defer runs.Unlock()
		now := runs.inFlight == 1
		return now, now && first && runs.started == id
	}
	done = func() {
		runs.Lock()
		runs.inFlight--
		runs.Unlock()
	}
	return alone, done
}
