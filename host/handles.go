package host

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// The session never calls the backend while it holds its lock: a call
// into libvirt can block (a frozen libvirtd, a dead peer), and a blocked
// call under the lock would block Run's watchdog, Close and every other
// caller with it. What must change under the lock (an object marked
// freed, a handle let go) is decided there, and the backend calls that
// follow are steps run after the lock is released.

// step is one backend call the session makes outside its lock: a free, a
// close, a deregistration.
type step struct {
	name string // libvirt's function, for a timeout's error
	fn   func() error
}

// runSteps runs steps in order, telling at which one starts, and returns
// their errors joined.
func runSteps(steps []step, at func(string)) error {
	var errs []error
	for _, st := range steps {
		if at != nil {
			at(st.name)
		}
		if err := st.fn(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// runBounded runs steps under the call timeout, as Run's watchdog bounds a
// script's calls: when one of them does not return within it, runBounded
// returns a call-timeout *LimitError naming it, and leaves the rest to a
// goroutine that finishes them when libvirt returns.
func (s *Session) runBounded(what string, steps []step) error {
	limit := s.limits.CallTimeout
	if limit <= 0 || len(steps) == 0 {
		return runSteps(steps, nil)
	}
	var mu sync.Mutex
	name, start := "", time.Now()
	done := make(chan error, 1)
	go func() {
		done <- runSteps(steps, func(n string) {
			mu.Lock()
			name, start = n, time.Now()
			mu.Unlock()
		})
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	for {
		select {
		case err := <-done:
			return err
		case <-timer.C:
		}
		mu.Lock()
		n, left := name, limit-time.Since(start)
		mu.Unlock()
		if left <= 0 {
			return &LimitError{Limit: "call-timeout", Msg: fmt.Sprintf("call-timeout: %s: %s did not return within %s; it was abandoned", what, n, limit)}
		}
		timer.Reset(left)
	}
}

// pinLocked returns o's backend object for the call c, counting c as its
// user until the call ends (see unpin): an adoption or a close meanwhile
// lets the handle go, but does not free it under the call. s.mu is held.
func (c *Call) pinLocked(o *Object) any {
	if o.h == nil {
		return nil // planned in a dry run
	}
	o.h.uses++
	if c.pins == nil {
		c.pins = c.pinBuf[:0]
	}
	c.pins = append(c.pins, o.h)
	return o.h.ref
}

// unpin ends the call's use of the handles it pinned, and frees those the
// session let go of meanwhile: freeing can call libvirt (the last
// reference to a closed remote connection closes it), so Run's watchdog
// bounds it as part of the call, whose error it returns when it abandons
// it.
func (s *Session) unpin(c *Call) error {
	if len(c.pins) == 0 {
		return nil
	}
	s.mu.Lock()
	last := c.unpinAllLocked()
	abandoned := c.abandoned
	s.mu.Unlock()
	if abandoned != nil {
		c.gone = true
		s.freeHandles(last) // the goroutine is abandoned already
		return nil
	}
	return s.freeLast(c, last)
}

// unpinAllLocked ends the call's use of the handles it pinned, and
// returns those the session let go of meanwhile, which the caller frees
// (see freeLast). s.mu is held.
func (c *Call) unpinAllLocked() []*handle {
	var last []*handle
	for _, h := range c.pins {
		h.uses--
		if h.uses == 0 && h.gone {
			last = append(last, h)
		}
	}
	c.pins = nil
	return last
}

// freeLast frees the handles the call c was the last user of, as part of
// the call (see unpin).
func (s *Session) freeLast(c *Call, last []*handle) error {
	if len(last) == 0 {
		return nil
	}
	return s.inLibvirt(c, func() error { s.freeHandles(last); return nil })
}

// freeHandles frees handles let go of.
func (s *Session) freeHandles(hs []*handle) {
	for _, h := range hs {
		_, _ = h.release()
		s.released()
	}
}

// unpinLocked ends the call's use of o's handle before the call ends: the
// call itself frees it (virConnect.close). s.mu is held.
func (c *Call) unpinLocked(o *Object) {
	for i, h := range c.pins {
		if h == o.h {
			h.uses--
			c.pins = append(c.pins[:i], c.pins[i+1:]...)
			return
		}
	}
}

// letGoLocked gives up the session's hold on h, a handle of an object of
// class: it returns the step that frees it, or nothing when a call still
// uses it (the call frees it when it ends). s.mu is held.
func (s *Session) letGoLocked(h *handle, class string, closed *int) []step {
	if h == nil || h.gone {
		return nil
	}
	h.gone = true
	s.unreleased++
	if h.uses > 0 {
		return nil
	}
	name := class + "Free"
	if class == ClassConnect {
		name = "virConnectClose"
	}
	return []step{{name: name, fn: func() error {
		n, err := h.release()
		if closed != nil {
			*closed = n
		}
		s.released()
		return err
	}}}
}

// released counts a handle let go as freed.
func (s *Session) released() {
	s.mu.Lock()
	s.unreleased--
	s.mu.Unlock()
}
