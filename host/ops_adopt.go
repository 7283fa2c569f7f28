package host

// The adoption of the objects the operations return (see adopt.go).

// adopted returns a function that adopts, with adopt, the object a backend
// returned: adopted(conn.NetworkLookupByName(name))(c.adoptNetwork).
func adopted[T freer](ref T, err error) func(adopt func(T) (*Object, error)) (Value, error) {
	return func(adopt func(T) (*Object, error)) (Value, error) { return adoptOne(ref, err, adopt) }
}

// identify returns the identity and the label of ref, a backend object
// just returned: what id reads from it (a UUID, a key, a name) and what
// label reads (nil: the label is the identity). On failure ref is freed.
func identify(ref freer, id, label func() (string, error)) (string, string, error) {
	ident, err := id()
	if err != nil {
		_ = ref.Free()
		return "", "", err
	}
	if label == nil {
		return ident, ident, nil
	}
	name, err := label()
	if err != nil {
		_ = ref.Free()
		return "", "", err
	}
	return ident, name, nil
}

// adoptAs gives ref to the session as an object of class, identified and
// labelled as identify reads them with id and label: the adoptX functions
// are c.adoptAs(ClassNetwork, n, n.GetUUIDString, n.GetName) and the like.
// On failure ref is freed.
func (c *Call) adoptAs(class string, ref freer, id, label func() (string, error)) (*Object, error) {
	ident, name, err := identify(ref, id, label)
	if err != nil {
		return nil, err
	}
	return c.adopt(class, ident, name, ref)
}
