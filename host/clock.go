package host

import (
	"context"
	"sync"
	"time"
)

// Clock is the time a script sees: what its time functions return and how
// its sleeps pass. The zero Options use the system's (SystemClock); a
// FakeClock makes outputs that print times repeatable, for runbook tests.
// The session's own deadlines (timeouts, wait_for_state, call timeouts)
// always run on the system's time.
type Clock interface {
	// Now returns the current time.
	Now() time.Time
	// Sleep returns after d, or with ctx's cause once ctx is done.
	Sleep(ctx context.Context, d time.Duration) error
}

// SystemClock is the system's time.
type SystemClock struct{}

// Now returns time.Now().
func (SystemClock) Now() time.Time { return time.Now() }

// Sleep waits for d or for ctx.
func (SystemClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// FakeClock is a clock that stands still but for sleeps: each Sleep
// advances it by its duration at once. It is safe for concurrent use.
type FakeClock struct {
	mu  sync.Mutex
	now time.Time
	loc *time.Location // nil: time.Local
}

// NewFakeClock returns a clock that reads start, whose local time zone
// is the process's (time.Local).
func NewFakeClock(start time.Time) *FakeClock { return &FakeClock{now: start} }

// NewFakeClockIn returns a clock that reads start, whose local time zone
// is loc: what scripts print as local time then does not depend on the
// machine's TZ.
func NewFakeClockIn(start time.Time, loc *time.Location) *FakeClock {
	return &FakeClock{now: start, loc: loc}
}

// Location returns the clock's local time zone.
func (c *FakeClock) Location() *time.Location {
	if c.loc == nil {
		return time.Local
	}
	return c.loc
}

// Zone returns the local time zone of c, the one scripts' local times
// (time.localtime, os.date) are in: its Location() when it has that
// method, as a FakeClock does, else time.Local.
func Zone(c Clock) *time.Location {
	if z, ok := c.(interface{ Location() *time.Location }); ok {
		if loc := z.Location(); loc != nil {
			return loc
		}
	}
	return time.Local
}

// Now returns the clock's time.
func (c *FakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Sleep advances the clock by d and returns at once (with ctx's cause
// when ctx is done already).
func (c *FakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := context.Cause(ctx); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return nil
}

// Clock returns the clock the session's scripts see.
func (s *Session) Clock() Clock { return s.clock }
