package host

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
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
	dryRun     bool
	audit      *slog.Logger
	limits     Limits

	mu       sync.Mutex
	conns    []*Object             // open connections, in opening order
	objects  map[objKey]*Object    // live objects by identity
	owned    map[*Object][]*Object // connection -> its live objects, in order
	closed   bool
	plan     []PlanEntry     // the calls a dry run recorded
	cur      *Call           // the libvirt call in flight, for Run's watchdog
	curStart time.Time       // when it started
	pending  int             // connections left open for an abandoned call
	ctx      context.Context // the run's, while Session.Run runs

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
}

// NewSession returns a session on backend. A malformed opts.Policy (see
// Policy.Validate) fails closed: every call is refused with its error.
func NewSession(backend Backend, opts Options) *Session {
	return &Session{
		backend:    backend,
		defaultURI: opts.URI,
		policy:     opts.Policy,
		policyErr:  opts.Policy.Validate(),
		dryRun:     opts.DryRun,
		audit:      opts.Audit,
		limits:     opts.Limits,
		objects:    map[objKey]*Object{},
		owned:      map[*Object][]*Object{},
		events:     newEventQueue(),
	}
}

// ErrSessionClosed is returned by calls made after Close.
var ErrSessionClosed = errors.New("session is closed")

// Close frees every object and closes every connection the session holds,
// in reverse order of acquisition. It is safe to call more than once.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	var errs []error
	for i := len(s.conns) - 1; i >= 0; i-- {
		if _, err := s.closeConnLocked(s.conns[i]); err != nil {
			errs = append(errs, err)
		}
	}
	s.conns = nil
	return errors.Join(errs...)
}

// Live returns the number of objects and connections the session still
// holds: 0 after Close.
func (s *Session) Live() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.objects) + len(s.conns) + s.pending
}

// open opens a connection for op, resolving an empty uri to the session
// default. Under a read-only policy every connection opens read-only.
func (s *Session) open(op *Op, uri string, readOnly bool) (*Object, error) {
	uri = ResolveURI(uri, s.defaultURI)
	if err := s.policy.checkURI(op, uri, s.dryRun); err != nil {
		return nil, err
	}
	c, err := s.backend.ConnectOpen(uri, readOnly || s.policy.ReadOnly)
	if err != nil {
		return nil, err
	}
	label := uri
	if got, err := c.GetURI(); err == nil {
		label = got
	}
	o := &Object{class: ClassConnect, label: label, ref: c}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		_, _ = c.Close()
		return nil, ErrSessionClosed
	}
	s.conns = append(s.conns, o)
	return o, nil
}

// closeConn frees the objects of connection o, then closes it, returning
// virConnectClose's remaining reference count.
func (s *Session) closeConn(o *Object) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, c := range s.conns {
		if c == o {
			s.conns = append(s.conns[:i], s.conns[i+1:]...)
			break
		}
	}
	return s.closeConnLocked(o)
}

func (s *Session) closeConnLocked(o *Object) (int, error) {
	if o.freed {
		return 0, nil
	}
	if o.stuck > 0 {
		// A call abandoned on a deadline is still inside libvirt on
		// this connection: it is closed when that call returns.
		o.freed, o.closePending = true, true
		s.pending++
		return 0, nil
	}
	var errs []error
	s.closeConnEvents(o)
	children := s.owned[o]
	for i := len(children) - 1; i >= 0; i-- {
		if err := s.freeLocked(children[i]); err != nil {
			errs = append(errs, err)
		}
	}
	delete(s.owned, o)
	o.freed = true
	n, err := o.ref.(Conn).Close()
	if err != nil {
		errs = append(errs, err)
	}
	return n, errors.Join(errs...)
}

func (s *Session) freeLocked(o *Object) error {
	if o.freed {
		return nil
	}
	o.freed = true
	delete(s.objects, o.key)
	return o.ref.(freer).Free()
}

// freer is what every backend object but a connection implements.
type freer interface{ Free() error }

// adopt takes ownership of ref, a backend object just returned by conn with
// identity id. If the session already holds that object, the existing
// *Object is kept, its backend pointer replaced by the fresher one and the
// older freed, so each libvirt object is held once however often a script
// looks it up.
func (s *Session) adopt(conn *Object, class, id, label string, ref freer) (*Object, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || conn.freed {
		err := ref.Free()
		return nil, errors.Join(errClosedConn(class), err)
	}
	key := objKey{conn: conn, class: class, id: id}
	if o, ok := s.objects[key]; ok {
		old := o.ref.(freer)
		o.ref, o.label = ref, label
		return o, old.Free()
	}
	o := &Object{class: class, label: label, ref: ref, conn: conn, key: key}
	s.objects[key] = o
	s.owned[conn] = append(s.owned[conn], o)
	return o, nil
}

func errClosedConn(class string) error {
	return &Error{Code: errInvalidConn, Domain: fromNone, Level: errLevelError,
		Message: fmt.Sprintf("invalid connection pointer: the connection of this %s is closed", class)}
}
