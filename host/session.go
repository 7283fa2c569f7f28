package host

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/vertscript/vertscript/host/driver"
)

// Session is one script run's hold on libvirt: it resolves the default URI,
// opens connections, and owns every object the script obtains. Close frees
// all of them, whatever the script did; a script cannot leak a handle.
//
// A Session serves one script at a time; its methods may be called from
// another goroutine (Close on cancellation, say).
type Session struct {
	backend    Backend
	defaultURI string
	policy     Policy
	policyErr  error // a malformed policy refuses everything
	// allowedOps is the policy's answer for the table's operations (see
	// Session.allowed), read once.
	allowedOps []bool
	dryRun     bool
	audit      *slog.Logger
	limits     Limits
	clock      Clock
	modules    []Module
	given      *Object // Options.Conn's connection

	mu      sync.Mutex
	conns   []*Object             // open connections, in opening order
	objects map[objKey]*Object    // live objects by identity
	owned   map[*Object][]*Object // connection -> its live objects, in order
	closed  bool
	plan    []PlanEntry // the calls a dry run recorded
	// stateChanged holds the domains whose state a dry run's planned
	// call changes, with that call's operation (see plannedWait).
	stateChanged map[planKey]plannedChange
	// plannedObjects holds the objects a dry run planned, by the object
	// they were made in, their class and their identifier (see
	// planObject).
	plannedObjects map[planKey]*Object
	cur            *Call  // the libvirt call in flight, for Run's watchdog
	curSeq         uint64 // counts the calls entered, for the watchdog's timing
	// spare is a Call of a simple operation that ended, for the next
	// (see Session.newCall).
	spare   atomic.Pointer[Call]
	pending int // connections left open for an abandoned call
	// unreleased counts the handles let go of and not yet freed: used by
	// a call in flight, or being freed outside the lock.
	unreleased int
	ctx        context.Context // the run's, while Session.Run runs

	events *eventQueue // callbacks and the events waiting for them

	lastErr    *Error   // the last libvirt error (virGetLastError)
	errHandler Callable // registerErrorHandler's function, or nil
	errCtx     Value    // and its ctx
	// inErrHandler is set while the handler runs.
	inErrHandler bool
}

// Options configure a session.
type Options struct {
	// URI is the connection URI that an empty URI in a script means:
	// the -c flag. When empty, LIBVIRT_DEFAULT_URI applies, then
	// libvirt's own default.
	URI string
	// Policy says what scripts may do; the zero Policy allows everything.
	Policy Policy
	// DryRun makes reads for real but records mutating and destroying
	// calls instead of making them (see Session.Plan); each returns what
	// a successful call would, as far as that is known: 0, or the object
	// acted on. Objects that exist only in the plan cannot be read.
	DryRun bool
	// Audit, when set, receives one record per call: time, URI,
	// receiver, operation, arguments (secrets redacted), effect, duration,
	// and result or error.
	Audit *slog.Logger
	// Limits bound the run; the zero Limits bound nothing.
	Limits Limits
	// Clock is the time scripts see (time.time, time.sleep, os.time,
	// ...); nil means the system's.
	Clock Clock
	// Modules are Go functions given to scripts, as globals (see Module).
	Modules []Module
	// Conn, when set, is a connection the program opened, given to
	// scripts as the global conn: the session frees the objects scripts
	// obtain through it and closes it (a borrowed reference, see
	// cgobackend.Borrow) with the rest.
	Conn Conn
}

// Validate reports what in opts would make every call fail: a malformed
// policy rule or URI pattern (see Policy.Validate), a module scripts could
// not use.
func (opts *Options) Validate() error {
	if err := validateModules(opts.Modules); err != nil {
		return err
	}
	return opts.Policy.validate(opts.Modules)
}

// NewSession returns a session on backend. A malformed opts.Policy (see
// Policy.Validate) fails closed: every call is refused with its error.
func NewSession(backend Backend, opts Options) *Session {
	if opts.Clock == nil {
		opts.Clock = SystemClock{}
	}
	s := &Session{
		backend:    backend,
		defaultURI: opts.URI,
		policy:     opts.Policy,
		policyErr:  opts.Validate(),
		dryRun:     opts.DryRun,
		audit:      opts.Audit,
		limits:     opts.Limits,
		clock:      opts.Clock,
		modules:    opts.Modules,
		objects:    map[objKey]*Object{},
		owned:      map[*Object][]*Object{},
		events:     newEventQueue(),
	}
	s.allowedOps = allowedOps(&s.policy, s.policyErr)
	if opts.Conn != nil {
		label := "(the program's connection)"
		if got, err := opts.Conn.GetURI(); err == nil {
			label = got
		}
		s.given = &Object{class: ClassConnect, label: label, h: &handle{ref: opts.Conn}, abort: abortOf(opts.Conn)}
		s.conns = append(s.conns, s.given)
	}
	return s
}

// Conn returns the connection Options.Conn gave, as scripts see it, or
// nil.
func (s *Session) Conn() *Object { return s.given }

// ErrSessionClosed is returned by calls made after Close.
var ErrSessionClosed = errors.New("session is closed")

// Close frees every object and closes every connection the session holds,
// in reverse order of acquisition. It is safe to call more than once.
//
// Closing calls libvirt (event deregistrations, virConnectClose), and a
// call into libvirt can block: under a call timeout (Limits.CallTimeout),
// Close returns a call-timeout *LimitError when one of these calls does not
// return within it, and the close finishes when libvirt returns (Live
// counts what is left until then). Objects still used by a call in flight
// are freed when that call returns.
func (s *Session) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	var steps []step
	for i := len(s.conns) - 1; i >= 0; i-- {
		steps = append(steps, s.detachConnLocked(s.conns[i], nil)...)
	}
	s.conns = nil
	s.mu.Unlock()
	return s.runBounded("closing the session", steps)
}

// Live returns the number of objects and connections the session still
// holds: 0 after Close, once libvirt has returned from every call.
func (s *Session) Live() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.objects) + len(s.conns) + s.pending + s.unreleased
}

// open opens a connection for op, resolving an empty uri to the session
// default. Under a read-only policy every connection opens read-only.
func (s *Session) open(call *Call, uri string, readOnly bool) (*Object, error) {
	uri = ResolveURI(uri, s.defaultURI)
	if err := s.policy.checkURI(call.op, uri, s.dryRun); err != nil {
		return nil, err
	}
	readOnly = readOnly || s.policy.ReadOnly
	var c Conn
	var err error
	if co, ok := s.backend.(driver.ContextOpener); ok {
		// An open the watchdog can end, as it ends calls on a
		// connection.
		ctx, cancel := context.WithCancel(context.Background())
		s.mu.Lock()
		call.abort = cancel
		s.mu.Unlock()
		c, err = co.ConnectOpenContext(ctx, uri, readOnly)
		cancel()
	} else {
		c, err = s.backend.ConnectOpen(uri, readOnly)
	}
	if err != nil {
		return nil, err
	}
	label := uri
	if got, err := c.GetURI(); err == nil {
		label = got
	}
	o := &Object{class: ClassConnect, label: label, h: &handle{ref: c}, abort: abortOf(c)}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_, _ = c.Close()
		return nil, ErrSessionClosed
	}
	s.conns = append(s.conns, o)
	s.mu.Unlock()
	return o, nil
}

// closeConn frees the objects of the call's receiver, a connection, then
// closes it, returning virConnectClose's remaining reference count. It
// runs as the call virConnect.close, which Run's watchdog bounds by the
// call timeout.
func (c *Call) closeConn() (int, error) {
	s, o := c.s, c.recv
	s.mu.Lock()
	for i, conn := range s.conns {
		if conn == o {
			s.conns = append(s.conns[:i], s.conns[i+1:]...)
			break
		}
	}
	c.unpinLocked(o) // closed here, not when the call ends
	n := 0
	steps := s.detachConnLocked(o, &n)
	s.mu.Unlock()
	err := runSteps(steps, nil)
	return n, err
}

// detachConnLocked marks connection o and its objects freed and returns
// the backend calls that free them, to be run once s.mu is released: the
// deregistration of its callbacks, the frees of its objects in reverse
// order, its close, whose remaining reference count goes to *closed when
// closed is not nil. s.mu is held.
func (s *Session) detachConnLocked(o *Object, closed *int) []step {
	if o.freed {
		return nil
	}
	if o.stuck > 0 {
		// A call abandoned on a deadline is still inside libvirt on
		// this connection: it is closed when that call returns.
		o.freed, o.closePending = true, true
		s.pending++
		return nil
	}
	steps := s.closeConnEventsLocked(o)
	children := s.owned[o]
	for i := len(children) - 1; i >= 0; i-- {
		steps = append(steps, s.freeLocked(children[i])...)
	}
	delete(s.owned, o)
	o.freed = true
	return append(steps, s.letGoLocked(o.h, ClassConnect, closed)...)
}

// freeLocked marks o freed and returns the step that frees its backend
// object. s.mu is held.
func (s *Session) freeLocked(o *Object) []step {
	if o.freed {
		return nil
	}
	o.freed = true
	delete(s.objects, o.key)
	return s.letGoLocked(o.h, o.class, nil)
}

// freer is what every backend object but a connection implements.
type freer interface{ Free() error }

// adopt takes ownership of ref, a backend object just returned by
// key.conn, with identity key. If the session already holds that object, the existing
// *Object is kept and its backend pointer replaced by the fresher one (its
// ID, its name are current), so each libvirt object is held once however
// often a script looks it up; the older pointer is freed once no call uses
// it (a wait on the object whose callbacks receive it, say).
func (s *Session) adopt(key objKey, label string, ref freer) (*Object, error) {
	conn, class := key.conn, key.class
	s.mu.Lock()
	if s.closed || conn.freed {
		s.mu.Unlock()
		err := ref.Free()
		return nil, errors.Join(errClosedConn(class), err)
	}
	if o, ok := s.objects[key]; ok {
		if h := o.h; h != nil && h.uses == 0 && !h.gone {
			// No call uses the older pointer: the handle takes the
			// fresher one, and the older is freed.
			old := h.ref.(freer)
			h.ref, o.label = ref, label
			s.unreleased++
			s.mu.Unlock()
			err := old.Free()
			s.released()
			return o, err
		}
		steps := s.letGoLocked(o.h, class, nil)
		o.h, o.label = &handle{ref: ref}, label
		s.mu.Unlock()
		return o, runSteps(steps, nil)
	}
	o := &Object{class: class, label: label, h: &handle{ref: ref}, conn: conn, key: key}
	s.objects[key] = o
	s.owned[conn] = append(s.owned[conn], o)
	s.mu.Unlock()
	return o, nil
}

func errClosedConn(class string) error {
	return &Error{Code: errInvalidConn, Domain: fromNone, Level: errLevelError,
		Message: fmt.Sprintf("invalid connection pointer: the connection of this %s is closed", class)}
}
