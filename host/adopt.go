package host

import "fmt"

// adopt gives ref, a backend object that the call's libvirt function just
// returned, to the session: id is its identity on its connection (a UUID,
// a volume key, a snapshot's domain UUID and name), label what scripts see
// in <virNetwork label>. On failure ref is freed.
func (c *Call) adopt(class, id, label string, ref freer) (*Object, error) {
	o, err := c.s.adopt(c.recv.Conn(), class, id, label, ref)
	if err != nil {
		return nil, fmt.Errorf("adopting %s %s: %w", class, label, err)
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
func (c *Call) argRef(o *Object) (any, error) {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	if !o.Live() {
		code, what := classError(o.class)
		return nil, &Error{Code: code, Domain: fromNone, Level: errLevelError,
			Message: fmt.Sprintf("invalid %s pointer in %s", what, c.op.CName)}
	}
	if o.planned != "" {
		return nil, &PlannedError{Op: c.op.QualName(), Object: o.String(), PlannedBy: o.planned}
	}
	return o.ref, nil
}
