package host

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Events reach a script only inside the wait helpers (libvirt.run_events,
// libvirt.wait_for_state, libvirt.virEventRunDefaultImpl): libvirt delivers
// them on its event-loop goroutine, the session queues them, and the
// helpers run the script's callbacks on the script's own goroutine, in the
// order libvirt delivered them. So an interpreter never runs on two
// goroutines, and a script's output does not depend on when events arrive
// between two of its calls.

// maxQueued bounds the events waiting for a wait helper; past it, events
// are counted as dropped and the next wait helper reports it.
const maxQueued = 100000

// eventReg is a callback a script registered.
type eventReg struct {
	conn    *Object
	kind    *eventKind // nil for a close callback
	id      int        // libvirt's callback ID; -1 for a close callback
	cb      Callable
	opaque  Value
	legacy  bool // registered with domainEventRegister(cb, opaque)
	removed bool
}

// The callbacks of domainEventRegister share one libvirt registration per
// connection, as in libvirt-python: its events are queued for the group,
// and each runs every callback registered at the time of dispatch.
var legacyEvents = &eventKind{
	deregister:     func(c Conn, _ int) error { return c.DomainEventDeregisterLegacy() },
	deregisterName: "virConnectDomainEventDeregister",
	adopt:          domainEvents.adopt,
}

// queuedEvent is an event waiting for a wait helper.
type queuedEvent struct {
	reg  *eventReg
	obj  freer   // the event's own reference to its object; nil for a close event
	args []Value // between the object and opaque
}

// eventKind is a class whose objects have events.
type eventKind struct {
	register   func(c Conn, obj any, eventID int, deliver func(ObjectEvent)) (int, error)
	deregister func(c Conn, id int) error
	// deregisterName is the C function of deregister.
	deregisterName string
	adopt          func(c *Call, ref freer) (*Object, error)
}

// The classes with events: their registration functions, and how an
// event's object is adopted by the session, so the callback sees the
// object the script holds.
var (
	domainEvents      = eventsOf("virConnectDomainEventDeregisterAny", Conn.DomainEventRegisterAny, Conn.DomainEventDeregisterAny, (*Call).adoptDomain)
	networkEvents     = eventsOf("virConnectNetworkEventDeregisterAny", Conn.NetworkEventRegisterAny, Conn.NetworkEventDeregisterAny, (*Call).adoptNetwork)
	storagePoolEvents = eventsOf("virConnectStoragePoolEventDeregisterAny", Conn.StoragePoolEventRegisterAny, Conn.StoragePoolEventDeregisterAny, (*Call).adoptStoragePool)
	secretEvents      = eventsOf("virConnectSecretEventDeregisterAny", Conn.SecretEventRegisterAny, Conn.SecretEventDeregisterAny, (*Call).adoptSecret)
	nodeDeviceEvents  = eventsOf("virConnectNodeDeviceEventDeregisterAny", Conn.NodeDeviceEventRegisterAny, Conn.NodeDeviceEventDeregisterAny, (*Call).adoptNodeDevice)
)

// eventsOf makes the eventKind of a class whose backend objects are T.
func eventsOf[T freer](deregisterName string, register func(Conn, T, int, func(ObjectEvent)) (int, error),
	deregister func(Conn, int) error, adopt func(*Call, T) (*Object, error)) *eventKind {
	return &eventKind{
		register: func(c Conn, obj any, id int, deliver func(ObjectEvent)) (int, error) {
			t, _ := obj.(T) // nil: every object of the class
			return register(c, t, id, deliver)
		},
		deregister:     deregister,
		deregisterName: deregisterName,
		adopt:          func(c *Call, ref freer) (*Object, error) { return adopt(c, ref.(T)) },
	}
}

// eventQueue is the session's side of event delivery. Its lock is not
// the session's: libvirt's loop goroutine takes only this one, so a call
// into libvirt made under the session's lock cannot deadlock with it.
type eventQueue struct {
	mu      sync.Mutex
	regs    []*eventReg
	queue   []queuedEvent
	dropped int
	notify  chan struct{} // has a value when events were queued
}

func newEventQueue() *eventQueue {
	return &eventQueue{notify: make(chan struct{}, 1)}
}

// push queues an event; it runs on libvirt's event-loop goroutine.
func (q *eventQueue) push(ev queuedEvent) {
	q.mu.Lock()
	if ev.reg.removed || len(q.queue) >= maxQueued {
		if !ev.reg.removed {
			q.dropped++
		}
		q.mu.Unlock()
		if ev.obj != nil {
			_ = ev.obj.Free()
		}
		return
	}
	q.queue = append(q.queue, ev)
	q.mu.Unlock()
	select {
	case q.notify <- struct{}{}:
	default:
	}
}

// pop takes the next event, if any.
func (q *eventQueue) pop() (queuedEvent, int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	dropped := q.dropped
	q.dropped = 0
	if len(q.queue) == 0 {
		return queuedEvent{}, dropped, false
	}
	ev := q.queue[0]
	q.queue[0] = queuedEvent{}
	q.queue = q.queue[1:]
	return ev, dropped, true
}

// add records a registration.
func (q *eventQueue) add(r *eventReg) {
	q.mu.Lock()
	q.regs = append(q.regs, r)
	q.mu.Unlock()
}

// legacyOf returns the callbacks of conn registered with
// domainEventRegister, in order.
func (q *eventQueue) legacyOf(conn *Object) []*eventReg {
	q.mu.Lock()
	defer q.mu.Unlock()
	var out []*eventReg
	for _, r := range q.regs {
		if r.conn == conn && r.legacy {
			out = append(out, r)
		}
	}
	return out
}

// remove unrecords the registrations of conn that match, and returns
// them; queued events of removed registrations are dropped by dispatch.
func (q *eventQueue) remove(conn *Object, match func(*eventReg) bool) []*eventReg {
	q.mu.Lock()
	defer q.mu.Unlock()
	var gone []*eventReg
	kept := q.regs[:0]
	for _, r := range q.regs {
		if r.conn == conn && match(r) {
			r.removed = true
			gone = append(gone, r)
		} else {
			kept = append(kept, r)
		}
	}
	clear(q.regs[len(kept):])
	q.regs = kept
	return gone
}

// closeConnEventsLocked unrecords conn's callbacks before it closes and
// takes the events queued for them, returning the steps that deregister
// the callbacks and free the events' objects. s.mu is held.
func (s *Session) closeConnEventsLocked(conn *Object) []step {
	c := conn.h.ref.(Conn)
	var steps []step
	for _, r := range s.events.remove(conn, func(*eventReg) bool { return true }) {
		switch {
		case r.legacy:
			// the group's registration is removed with the group
		case r.kind != nil:
			kind, id := r.kind, r.id
			steps = append(steps, step{name: kind.deregisterName, fn: func() error { return kind.deregister(c, id) }})
		default:
			steps = append(steps, step{name: "virConnectUnregisterCloseCallback", fn: c.UnregisterCloseCallback})
		}
	}
	s.events.mu.Lock()
	kept := s.events.queue[:0]
	var drop []queuedEvent
	for _, ev := range s.events.queue {
		if ev.reg.conn == conn {
			drop = append(drop, ev)
		} else {
			kept = append(kept, ev)
		}
	}
	clear(s.events.queue[len(kept):])
	s.events.queue = kept
	s.events.mu.Unlock()
	for _, ev := range drop {
		if ev.obj != nil {
			steps = append(steps, step{name: "the free of a queued event's object", fn: ev.obj.Free})
		}
	}
	return steps
}

// runContext is the context of the run in progress, or Background for a
// session used without Session.Run.
func (s *Session) runContext() context.Context {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ctx == nil {
		return context.Background()
	}
	return s.ctx
}

// dispatch runs the callbacks of the events queued now, in order, and
// returns how many ran. A callback's error ends the dispatch with that
// error, as does an overflow of the queue.
func (s *Session) dispatch() (int, error) {
	n := 0
	ctx := s.runContext()
	for {
		if ctx.Err() != nil {
			// Callbacks that make the events that call them would
			// keep this loop going: the run's end stops it.
			return n, context.Cause(ctx)
		}
		ev, dropped, ok := s.events.pop()
		if dropped > 0 {
			if ok && ev.obj != nil {
				_ = ev.obj.Free()
			}
			return n, &Error{Code: errInternal, Domain: fromNone, Level: errLevelError,
				Message: fmt.Sprintf("internal error: %d events were dropped: more than %d waited for a wait helper (call libvirt.run_events more often)", dropped, maxQueued)}
		}
		if !ok {
			return n, nil
		}
		if ev.reg.removed {
			if ev.obj != nil {
				_ = ev.obj.Free()
			}
			continue
		}
		args := []Value{ev.reg.conn}
		if ev.obj != nil {
			o, err := ev.reg.kind.adopt(&Call{s: s, recv: ev.reg.conn}, ev.obj)
			if err != nil {
				return n, err
			}
			args = append(args, o)
		}
		args = append(args, ev.args...)
		regs := []*eventReg{ev.reg}
		if ev.reg.kind == legacyEvents {
			regs = s.events.legacyOf(ev.reg.conn)
		}
		for _, r := range regs {
			if _, err := r.cb.Call(append(args[:len(args):len(args)], r.opaque)); err != nil {
				return n, err
			}
			n++
		}
	}
}

// waitEvents waits until an event is queued, deadline passes (zero: no
// deadline) or the run ends; it reports the run's end as an error.
func (s *Session) waitEvents(deadline time.Time) error {
	return s.waitEventsOr(deadline, nil)
}

// waitEventsOr is waitEvents that also returns when turn is closed (nil:
// never).
func (s *Session) waitEventsOr(deadline time.Time, turn <-chan struct{}) error {
	ctx := s.runContext()
	var timeout <-chan time.Time
	if !deadline.IsZero() {
		d := time.Until(deadline)
		if d <= 0 {
			return nil
		}
		t := time.NewTimer(d)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-s.events.notify:
	case <-turn:
	case <-timeout:
	case <-ctx.Done():
		return context.Cause(ctx)
	}
	return nil
}

// runEvents runs callbacks for timeout: those of the events queued now,
// then of those that arrive until timeout has passed. It returns how many
// ran.
func (s *Session) runEvents(timeout time.Duration) (int, error) {
	deadline := time.Now().Add(timeout)
	total := 0
	for {
		n, err := s.dispatch()
		total += n
		if err != nil {
			return total, err
		}
		if !time.Now().Before(deadline) {
			return total, nil
		}
		if err := s.waitEvents(deadline); err != nil {
			return total, err
		}
	}
}

// domainStates names the VIR_DOMAIN_* states, for wait_for_state's errors.
var domainStates = []string{"VIR_DOMAIN_NOSTATE", "VIR_DOMAIN_RUNNING", "VIR_DOMAIN_BLOCKED",
	"VIR_DOMAIN_PAUSED", "VIR_DOMAIN_SHUTDOWN", "VIR_DOMAIN_SHUTOFF", "VIR_DOMAIN_CRASHED", "VIR_DOMAIN_PMSUSPENDED"}

func stateName(st int64) string {
	if st >= 0 && int(st) < len(domainStates) {
		return fmt.Sprintf("%s (%d)", domainStates[st], st)
	}
	return fmt.Sprint(st)
}

// waitForState waits until dom's state is state, running event callbacks
// meanwhile, and fails with VIR_ERR_OPERATION_TIMEOUT after timeout.
func (c *Call) waitForState(dom *Object, state int64, timeout time.Duration) (Value, error) {
	ref, err := c.argRef(dom)
	if err != nil {
		return nil, err
	}
	d := ref.(Domain)
	deadline := time.Now().Add(timeout)
	poll := 10 * time.Millisecond
	for {
		if _, err := c.s.dispatch(); err != nil {
			return nil, err
		}
		if err := c.usable(dom); err != nil {
			return nil, err // a callback closed its connection
		}
		var st int
		err := c.s.inLibvirt(c, func() (err error) {
			st, _, err = d.GetState(0)
			return err
		})
		if err != nil {
			return nil, err
		}
		if int64(st) == state {
			return int64(st), nil
		}
		if !time.Now().Before(deadline) {
			return nil, &Error{Code: errOperationTimeout, Domain: fromNone, Level: errLevelError,
				Message: fmt.Sprintf("operation timed out: %s did not reach state %s within %s; it is %s",
					dom, stateName(state), timeout, stateName(int64(st)))}
		}
		// Between two looks at the state, events may come: they are
		// dispatched at once.
		if err := c.s.waitEvents(minTime(time.Now().Add(poll), deadline)); err != nil {
			return nil, err
		}
		poll = min(poll*2, 250*time.Millisecond)
	}
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// seconds converts a timeout in seconds, refusing what is negative or not
// a number.
func seconds(op string, f float64) (time.Duration, error) {
	if !(f >= 0) || f > 1e9 {
		return 0, invalidArg(op, forParam("timeout"), "%v is not a number of seconds from 0 to 1e9", f)
	}
	return time.Duration(f * float64(time.Second)), nil
}
