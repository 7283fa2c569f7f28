package host

import (
	"fmt"
	"time"

	"github.com/vertscript/vertscript/host/driver"
)

// Call is one invocation of an operation, as its implementation sees it:
// the receiver and the bound arguments, in the order of Op.Params.
type Call struct {
	s    *Session
	op   *Op
	recv *Object
	ref  any // recv's backend object, read once at the start of the call
	// pins are the handles the call uses (recv's, its object arguments'):
	// none is freed before the call ends. pinBuf holds the first ones.
	pins   []*handle
	pinBuf [2]*handle
	args   []Value
	// raw and kwargs are the arguments as the script gave them, for plans
	// and audit records (see givenArgs); bound is set once args are.
	raw    []Value
	kwargs []Kwarg
	bound  bool

	start     time.Time // when the call began, for audit records; zero without one
	abandoned error     // set by Run's watchdog when the call overran
	gone      bool      // the watchdog abandoned the call: never reused
	argBuf    [2]Value  // holds args once bound, for up to two parameters
	// abort, when set, ends the call in flight (its connection's
	// driver.Aborter, or the cancel of an open): the watchdog calls it
	// when it gives up on the call, so that the call returns instead of
	// running on.
	abort      func()
	libvirtErr error // what an abandoned call's libvirt call returned at last
	// probing is set while a dry run checks the call's arguments: its
	// receiver and object arguments are stand-ins (see checkPlanned).
	probing bool
	// swallowed is a libvirt error the operation turned into a result,
	// as libvirt-python does in places (see swallow).
	swallowed *Error
}

// Call invokes op on recv (nil for module functions) with a script's
// arguments. Argument mistakes are *ArgError, refusals *PolicyError, calls
// on objects that exist only in a dry-run plan *PlannedError; libvirt's
// failures are *Error with Op set to op's qualified name. Every call is
// written to the audit log, when there is one.
//
// The zero-cost path. With no audit log, no dry run and no call timeout a
// call pays, besides the operation itself: a Call (the session's spare one
// for the simple operations scripts make in loops, see simpleOps), with
// room for two bound arguments; the policy's answer for op, read from a
// table made when the session was (Session.allowed); one lock to check the
// receiver, pin its handle and enter the call for Run's watchdog; one lock
// to leave. It reads no clock, and builds no name and no error unless the
// call fails. An audit log adds the clock and the record; a call timeout
// adds nothing per call (the watchdog times calls by their sequence
// number, see watch); a dry run adds its plan's checks. BenchmarkCall
// measures each, and TestHotPathAllocations pins what the hot calls
// allocate.
func (s *Session) Call(op *Op, recv *Object, args []Value, kwargs []Kwarg) (Value, error) {
	c := s.newCall(op)
	c.s, c.op, c.recv, c.args = s, op, recv, args
	if s.audit != nil {
		c.start = time.Now()
	}
	v, err := s.call(c, kwargs)
	if uerr := s.unpin(c); uerr != nil && err == nil {
		v, err = nil, uerr
	}
	if err == nil && c.swallowed == nil && s.audit == nil {
		s.recycle(c)
		return v, nil
	}
	return s.finish(c, v, err)
}

// newCall returns a Call for op: the session's spare one when op is
// simple (see simpleOps), else a new one.
func (s *Session) newCall(op *Op) *Call {
	if op.simple {
		if c := s.spare.Swap(nil); c != nil {
			return c
		}
	}
	return new(Call)
}

// recycle keeps c, a call of a simple operation that ended, as the
// session's spare, unless the watchdog abandoned it (it may still be in
// libvirt, and its goroutine holds it).
func (s *Session) recycle(c *Call) {
	if !c.op.simple || c.gone {
		return
	}
	*c = Call{}
	s.spare.Store(c)
}

// finish completes a call that failed, swallowed an error or is audited:
// errors get the operation's name and reach the error handler, and the
// audit log gets its record.
func (s *Session) finish(c *Call, v Value, err error) (Value, error) {
	op, recv := c.op, c.recv
	if err == nil && c.swallowed != nil {
		// Not raised, but libvirt's last error all the same, and the
		// error handler's business.
		c.swallowed.Op = op.QualName()
		if herr := s.noteError(recv, c.swallowed); herr != nil {
			v, err = nil, herr
		}
	}
	if e, ok := AsError(err); ok {
		if e.Op == "" {
			e.Op = op.QualName()
		}
		if herr := s.noteError(recv, e); herr != nil {
			err = herr
		}
	}
	if s.audit != nil {
		s.mu.Lock()
		abandoned := c.abandoned
		s.mu.Unlock()
		if abandoned != nil {
			// Recorded as abandoned already; this is how it ended.
			lv, lerr := v, c.libvirtErr
			if e, ok := AsError(lerr); ok && e.Op == "" {
				e.Op = op.QualName()
			}
			if lerr != nil {
				lv = nil
			}
			s.writeAudit(c, c.start, outcomeLate, lv, lerr)
		} else {
			s.auditCall(c, c.start, v, err)
		}
	}
	return v, err
}

func (s *Session) call(c *Call, kwargs []Kwarg) (Value, error) {
	op, recv := c.op, c.recv
	c.raw, c.kwargs = c.args, kwargs
	bound, err := op.bindInto(c.argBuf[:], c.args, kwargs)
	if err != nil {
		return nil, err
	}
	c.args, c.bound = bound, true
	// The checks that need no lock are made first; their errors are
	// reported in the order below all the same.
	classOK := op.module() || (recv != nil && recv.class == op.Class)
	refusal := s.refusal(c)
	// direct is a call that goes straight to libvirt: it enters under
	// the lock that pins its receiver.
	direct := classOK && refusal == nil && !s.dryRun && !op.waits && (recv == nil || recv.planned == "")
	s.mu.Lock()
	closed := s.closed
	if recv != nil {
		if !recv.Live() {
			s.mu.Unlock()
			return nil, c.deadReceiver()
		}
		c.ref = c.pinLocked(recv)
	}
	entered := direct && !closed
	if entered {
		s.enterLocked(c)
	}
	s.mu.Unlock()
	if entered {
		return s.invokeEntered(c)
	}
	if closed {
		return nil, ErrSessionClosed
	}
	if !classOK {
		return nil, receiverError(op, recv)
	}
	if refusal != nil {
		return nil, refusal
	}
	if s.dryRun && op.Effect != Read {
		if err := s.checkPlanned(c); err != nil {
			return nil, err
		}
		return s.record(c)
	}
	if s.dryRun {
		if o := s.findPlanned(op, recv, c.args); o != nil {
			return o, nil
		}
	}
	if recv != nil && recv.planned != "" {
		if op.inPlan != nil {
			if v := op.inPlan(recv); v != nil {
				return v, nil
			}
		}
		return nil, &PlannedError{Op: op.QualName(), Object: recv.String(), PlannedBy: recv.planned}
	}
	return s.invoke(c)
}

// refusal is the policy's or the limits' refusal of the call, nil when it
// may be made: the session's malformed policy, the policy's answer for
// the operation, for its path arguments, the memory its arguments need.
func (s *Session) refusal(c *Call) error {
	op := c.op
	if !s.allowed(op) {
		if s.policyErr != nil {
			return s.policyErr
		}
		if err := s.policy.check(op); err != nil {
			return err
		}
		if err := s.policy.checkPathArgs(op, c.args); err != nil {
			return err
		}
	}
	return s.checkArgMemory(c)
}

// allowed reports whether the session's policy allows op whatever its
// arguments: the answer NewSession read for each operation of the table
// (see allowedOps). A Go function of a Module is not in the table: its
// checks are made on each call.
func (s *Session) allowed(op *Op) bool {
	return op.index > 0 && op.index < len(s.allowedOps) && tableOps[op.index] == op && s.allowedOps[op.index]
}

// allowedOps is the policy's answer for each operation of the table, by
// index: true for one it allows, whatever its arguments (one with no path
// parameter).
func allowedOps(p *Policy, policyErr error) []bool {
	ok := make([]bool, len(tableOps))
	if policyErr != nil {
		return ok
	}
	for i, op := range tableOps[1:] {
		ok[i+1] = !op.hasPath && p.check(op) == nil
	}
	return ok
}

// invoke makes a call that was not entered when its receiver was pinned
// (a dry run's read, a wait helper), visible to Run's watchdog while it
// lasts.
func (s *Session) invoke(c *Call) (v Value, err error) {
	if c.op.waits {
		// A wait helper is no libvirt call: it tracks the calls it
		// makes itself, and runs script callbacks that make theirs.
		defer c.recoverInto(&v, &err)
		return c.op.fn(c)
	}
	s.mu.Lock()
	s.enterLocked(c)
	s.mu.Unlock()
	return s.invokeEntered(c)
}

// invokeEntered makes the call c, entered for Run's watchdog (see
// enterLocked), and leaves. A cgo call cannot be interrupted, so one that
// overruns the call timeout (or outlives the run's cancellation) is
// abandoned by the watchdog: Run returns at once, and when libvirt finally
// returns, the call fails and its connection is closed if the session was
// closed meanwhile. A backend that can end a call (driver.Aborter) is
// asked to, and the call returns the watchdog's error.
func (s *Session) invokeEntered(c *Call) (v Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, c.internalError(r)
		}
		if aerr := s.leave(c, err); aerr != nil {
			v, err = nil, aerr
		}
	}()
	return c.op.fn(c)
}

// recoverInto turns a panic of the call's operation into its error: a bug
// in an operation must not take the host down with the script; it fails
// the call, as libvirt's internal errors do. It is deferred.
func (c *Call) recoverInto(v *Value, err *error) {
	if r := recover(); r != nil {
		*v, *err = nil, c.internalError(r)
	}
}

// internalError is the error of the call's operation when it panicked
// with r.
func (c *Call) internalError(r any) error {
	return &Error{Op: c.op.QualName(), Code: errInternal, Domain: fromNone, Level: errLevelError,
		Message: fmt.Sprintf("internal error: %s (%s) failed in vertscript: %v", c.op.QualName(), c.op.CName, r)}
}

// enterLocked makes c the call in flight, for Run's watchdog: a new
// sequence number, which the watchdog times (see watch), and what ends the
// call, when its backend can. s.mu is held.
func (s *Session) enterLocked(c *Call) {
	s.cur = c
	s.curSeq++
	if c.recv != nil && c.abort == nil {
		c.abort = c.recv.Conn().abort
	}
}

// leave ends the call in flight, c, which returned err, and the call's use
// of the handles it pinned: it returns the watchdog's error instead of err
// when the watchdog abandoned the call meanwhile (see unpin).
func (s *Session) leave(c *Call, err error) error {
	s.mu.Lock()
	s.cur = nil
	abandoned := c.abandoned
	var last []*handle
	if abandoned == nil {
		last = c.unpinAllLocked()
	}
	s.mu.Unlock()
	if abandoned != nil {
		return s.returnedLate(c, err, abandoned)
	}
	return s.freeLast(c, last)
}

// returnedLate is the end of a call c that the watchdog abandoned with
// abandoned, and that returned err from libvirt at last: its error, and
// the close of its connection if the session closed it meanwhile.
func (s *Session) returnedLate(c *Call, err, abandoned error) error {
	c.gone = true
	c.libvirtErr = err
	s.release(c)
	return abandoned
}

// inLibvirt runs f, a call into libvirt on behalf of c, visible to Run's
// watchdog while it lasts.
func (s *Session) inLibvirt(c *Call, f func() error) error {
	s.mu.Lock()
	s.enterLocked(c)
	s.mu.Unlock()
	err := func() error {
		defer func() { // also when f panics
			s.mu.Lock()
			s.cur = nil
			s.mu.Unlock()
		}()
		return f()
	}()
	s.mu.Lock()
	abandoned := c.abandoned
	s.mu.Unlock()
	if abandoned != nil {
		return s.returnedLate(c, err, abandoned)
	}
	return err
}

// abandonLocked marks the call in flight as abandoned with err, and its
// connection as stuck until it returns, and writes its audit record: it
// may still take effect, and the process may end before it returns. s.mu
// is held.
func (s *Session) abandonLocked(err error) {
	c := s.cur
	c.abandoned = err
	if c.abort != nil {
		// The backend can end the call: it returns at once, with its
		// connection closed.
		c.abort()
	}
	s.auditAbandoned(c, err)
	if c.recv != nil {
		c.recv.Conn().stuck++
	}
}

// release is called when an abandoned call returns: the last one closes
// its connection if the session closed it meanwhile.
func (s *Session) release(c *Call) {
	if c.recv == nil {
		return
	}
	s.mu.Lock()
	conn := c.recv.Conn()
	conn.stuck--
	var steps []step
	if conn.stuck == 0 && conn.closePending {
		conn.freed, conn.closePending = false, false
		s.pending--
		steps = s.detachConnLocked(conn, nil)
	}
	s.mu.Unlock()
	_ = runSteps(steps, nil)
}

// deadReceiver is libvirt's error for a call on a closed connection or a
// freed object.
func (c *Call) deadReceiver() error {
	code, what := classError(c.recv.class)
	msg := fmt.Sprintf("invalid %s pointer in %s", what, c.op.CName)
	if c.recv.conn != nil && c.recv.conn.freed {
		msg += ": its connection was closed"
	}
	return &Error{Op: c.op.QualName(), Code: code, Domain: fromNone, Level: errLevelError, Message: msg}
}

// classError returns libvirt's VIR_ERR_INVALID_* code for an invalid
// object of class, and the word its messages use for it.
func classError(class string) (code int, what string) {
	switch class {
	case ClassConnect:
		return errInvalidConn, "connection"
	case ClassDomain:
		return errInvalidDomain, "domain"
	case ClassNetwork:
		return driver.ErrInvalidNetwork, "network"
	case ClassNetworkPort:
		return driver.ErrInvalidNetworkPort, "network port"
	case ClassStoragePool:
		return driver.ErrInvalidStoragePool, "storage pool"
	case ClassStorageVol:
		return driver.ErrInvalidStorageVol, "storage volume"
	case ClassSnapshot:
		return driver.ErrInvalidDomainSnapshot, "domain snapshot"
	case ClassCheckpoint:
		return driver.ErrInvalidDomainCheckpoint, "domain checkpoint"
	case ClassInterface:
		return driver.ErrInvalidInterface, "interface"
	case ClassNodeDevice:
		return driver.ErrInvalidNodeDevice, "node device"
	case ClassSecret:
		return driver.ErrInvalidSecret, "secret"
	case ClassNWFilter:
		return driver.ErrInvalidNwfilter, "network filter"
	case ClassNWFilterBinding:
		return driver.ErrInvalidNwfilterBinding, "network filter binding"
	case ClassStream:
		return driver.ErrInvalidStream, "stream"
	}
	return errInvalidArg, class
}

// givenArgs are the arguments as the script gave them, in parameter order
// with defaults filled in once they bound, as passed before that: what
// plans and audit records show.
func (c *Call) givenArgs() []Value {
	if !c.bound {
		return views(c.args)
	}
	return c.op.given(c.raw, c.kwargs)
}

func (c *Call) int(i int) int64     { return c.args[i].(int64) }
func (c *Call) uint64(i int) uint64 { return uint64(c.args[i].(int64)) }
func (c *Call) float(i int) float64 { return c.args[i].(float64) }
func (c *Call) bytes(i int) []byte  { return []byte(c.args[i].(Bytes)) }
func (c *Call) list(i int) []Value  { l, _ := c.args[i].([]Value); return l }
func (c *Call) dict(i int) *Map     { m, _ := c.args[i].(*Map); return m }

// intDict returns a TIntDict argument.
func (c *Call) intDict(i int) *IntMap { m, _ := c.args[i].(*IntMap); return m }

// object returns a TObject argument, nil for None. The session checked
// its class; the caller checks it is live with ref.
func (c *Call) object(i int) *Object { o, _ := c.args[i].(*Object); return o }
func (c *Call) uint32(i int) uint32  { return uint32(c.args[i].(int64)) }
func (c *Call) bool(i int) bool      { return c.args[i].(bool) }
func (c *Call) str(i int) string     { return c.args[i].(string) }

// optStr returns a TStringOrNone argument, "" for None.
func (c *Call) optStr(i int) string {
	s, _ := c.args[i].(string)
	return s
}

// swallow returns v, libvirt-python's result for a failure it does not
// raise (None, -1), when err is a libvirt error: the error is still the
// last error (virGetLastError) and reaches the error handler, as libvirt
// reports it before libvirt-python looks at the result. Other errors are
// returned.
func (c *Call) swallow(v Value, err error) (Value, error) {
	e, ok := err.(*Error)
	if !ok {
		return nil, err
	}
	c.swallowed = e
	return v, nil
}

func (c *Call) conn() Conn     { return c.ref.(Conn) }
func (c *Call) domain() Domain { return c.ref.(Domain) }

// The result helpers turn a backend's (value, error) into (Value, error).

func str(s string, err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	return s, nil
}

// recvStr is str for a string read from the receiver, which keeps the
// Value it returns (see Object.strOf).
func (c *Call) recvStr(s string, err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	return c.recv.strOf(s), nil
}

func num[T int | int64 | uint | uint32 | uint64](n T, err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	return int64(n), nil
}

// flag returns libvirt-python's int for a C boolean: 1 or 0.
func flag(b bool, err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	if b {
		return int64(1), nil
	}
	return int64(0), nil
}

// done is the result of a call that returns 0 on success in C, as
// libvirt-python returns it.
func done(err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	return int64(0), nil
}

func strList(ss []string, err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	out := make([]Value, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out, nil
}

func ints[T int | int64 | uint | uint32 | uint64](ns ...T) []Value {
	out := make([]Value, len(ns))
	for i, n := range ns {
		out[i] = int64(n)
	}
	return out
}

// receiverError is the error of op called on recv, which is not of its
// class.
func receiverError(op *Op, recv *Object) error {
	k, name := KindOf(recv)
	return &ArgError{Op: op.QualName(), Problem: ArgReceiver, Got: k, GotName: name, Want: TObject.want(op.Class)}
}
