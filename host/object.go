package host

import (
	"sync/atomic"

	"github.com/vertscript/vertscript/host/driver"
)

// Object is a libvirt object a script holds: a connection or an object
// reached through one. The session owns it; scripts never free it. A
// repeated lookup of the same libvirt object returns the same *Object.
type Object struct {
	class string
	label string  // what scripts see in <virDomain label>
	h     *handle // the backend's object: Conn, Domain, ...; nil when planned
	conn  *Object // the connection it came from; nil for a connection
	key   objKey
	freed bool
	// planned names the operation that made this object in a dry run;
	// such an object exists only in the plan and has no backend object.
	planned string
	// plannedXML is the XML a planned object was made from, and
	// plannedIn the object it was made in (a volume's pool).
	plannedXML string
	plannedIn  *Object
	// plannedActive and plannedPersistent are a planned object's state
	// as the plan leaves it: created (active, transient), defined
	// (inactive, persistent), then started, stopped or undefined.
	plannedActive     bool
	plannedPersistent bool
	// stuck counts the calls abandoned on a deadline that are still inside
	// libvirt on this connection; closePending is set when the session
	// closed it meanwhile, so the last of them closes it.
	stuck        int
	closePending bool
	// lastErr is a connection's last libvirt error (virConnGetLastError).
	lastErr *Error
	// abort ends a connection's call in flight, when its backend can
	// (driver.Aborter); nil otherwise.
	abort func()
	// adapted is the language adapter's value for o (see Adapted).
	adapted atomic.Pointer[adapted]
	// listHint is how many domains a connection's listDomainsID listed
	// last (see listSized).
	listHint atomic.Int32
	// lastStr is the string a call on o returned last, as a Value (see
	// strOf).
	lastStr atomic.Value
}

// strOf returns s, a string a call on o returned, as a Value: the Value
// made for the call before when it returned the same string (its name,
// read in a loop), so that the loop does not allocate one per call.
func (o *Object) strOf(s string) Value {
	if len(s) > KeptString {
		return s
	}
	if v, ok := o.lastStr.Load().(string); ok && v == s {
		return o.lastStr.Load()
	}
	var v Value = s
	o.lastStr.Store(v)
	return v
}

// KeptString is the longest string result the core and the adapters keep
// to give again (see Object.strOf): names and UUIDs, not documents, so that
// what they keep beyond the script's own values stays small.
const KeptString = 256

// adapted is what an adapter keeps on an object.
type adapted struct{ v any }

// Adapted returns the value a language adapter kept on o with SetAdapted,
// or nil: its script value for the object, made once for as long as the
// object lives, so that converting the object again costs nothing.
func (o *Object) Adapted() any {
	if a := o.adapted.Load(); a != nil {
		return a.v
	}
	return nil
}

// SetAdapted keeps v, a language adapter's value for o (see Adapted).
func (o *Object) SetAdapted(v any) { o.adapted.Store(&adapted{v}) }

// objKey identifies a libvirt object within a session: its class, its
// connection and its identity there: a domain's raw UUID; a snapshot's or
// a checkpoint's domain's raw UUID and its name; another object's UUID
// string, key or name.
type objKey struct {
	conn  *Object
	class string
	uuid  [16]byte
	id    string
}

// Class returns libvirt-python's class name: "virConnect", "virDomain", ...
func (o *Object) Class() string { return o.class }

// String formats the object as scripts print it, e.g. <virDomain test>;
// a name that is not printable text is quoted (see QuoteName).
func (o *Object) String() string { return "<" + o.class + " " + QuoteName(o.label) + ">" }

// Conn returns the connection o belongs to (o itself for a connection).
func (o *Object) Conn() *Object {
	if o.conn == nil {
		return o
	}
	return o.conn
}

// Live reports whether o can still be used: it has not been freed and its
// connection is open.
func (o *Object) Live() bool { return !o.freed && !o.Conn().freed }

// handle is a backend object and the count of the calls using it. The
// session replaces an object's handle when a lookup or an event returns a
// fresher pointer, and lets go of it when the object's connection closes;
// the backend object is freed only once no call uses it any more, so a wait
// whose callbacks look up its own domain keeps a valid pointer.
type handle struct {
	ref  any
	uses int  // calls in flight that read ref
	gone bool // the session let go: the last use frees ref
}

// release frees the backend object, or closes it for a connection,
// returning virConnectClose's remaining reference count.
func (h *handle) release() (int, error) {
	if c, ok := h.ref.(Conn); ok {
		return c.Close()
	}
	return 0, h.ref.(freer).Free()
}

// abortOf returns what ends a call in flight on c, when its backend can
// (driver.Aborter), or nil.
func abortOf(c Conn) func() {
	if a, ok := c.(driver.Aborter); ok {
		return a.Abort
	}
	return nil
}
