package host

import "fmt"

// adopt gives ref, a backend object that the call's libvirt function just
// returned, to the session: id is its identity on its connection (a UUID,
// a volume key, a snapshot's domain UUID and name), label what scripts see
// in <virNetwork label>. On failure ref is freed.
func (c *Call) adopt(class, id, label string, ref freer) (*Object, error) {
	return c.adoptKey(objKey{conn: c.recv.Conn(), class: class, id: id}, label, ref)
}

// adoptKey is adopt with the object's whole identity, key.
func (c *Call) adoptKey(key objKey, label string, ref freer) (*Object, error) {
	o, err := c.s.adopt(key, label, ref)
	if err != nil {
		return nil, fmt.Errorf("adopting %s %s: %w", key.class, label, err)
	}
	return o, nil
}

// adoptAll adopts every object of a list a backend returned, in order,
// with adopt (which frees its argument on failure). On a failure the
// objects not yet adopted are freed too, and the error returned.
func adoptAll[T freer](refs []T, err error, adopt func(T) (*Object, error)) (Value, error) {
	if err != nil {
		return nil, err
	}
	out := make([]Value, 0, len(refs))
	for i, r := range refs {
		o, err := adopt(r)
		if err != nil {
			for _, rest := range refs[i+1:] {
				_ = rest.Free()
			}
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// adoptOne adopts the single object a backend returned, with adopt.
func adoptOne[T freer](ref T, err error, adopt func(T) (*Object, error)) (Value, error) {
	if err != nil {
		return nil, err
	}
	o, err := adopt(ref)
	if err != nil {
		return nil, err
	}
	return o, nil
}

// argRef returns the backend object of o, an object argument of the call, or
// libvirt's invalid-object error when o was freed or its connection closed.
// The call holds the object until it ends (see pinLocked).
func (c *Call) argRef(o *Object) (any, error) {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	if err := c.usableLocked(o); err != nil {
		return nil, err
	}
	if c.probing {
		// A dry run's check of the arguments: see checkPlanned.
		if p := probeFor(o.class); p != nil {
			return p, nil
		}
	}
	return c.pinLocked(o), nil
}

// usable checks that o, an object the call uses, is still usable: a script
// callback run inside the call (an event's, a stream handler) may have
// closed its connection meanwhile.
func (c *Call) usable(o *Object) error {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	return c.usableLocked(o)
}

func (c *Call) usableLocked(o *Object) error {
	if !o.Live() {
		code, what := classError(o.class)
		msg := fmt.Sprintf("invalid %s pointer in %s", what, c.op.CName)
		if o.conn != nil && o.conn.freed {
			msg += ": its connection was closed"
		}
		return &Error{Code: code, Domain: fromNone, Level: errLevelError, Message: msg}
	}
	if o.planned != "" {
		return &PlannedError{Op: c.op.QualName(), Object: o.String(), PlannedBy: o.planned}
	}
	return nil
}
