package host

import (
	"encoding/xml"
	"slices"
)

// objectOps are the methods of virDomainSnapshot, virDomainCheckpoint,
// virSecret, virNWFilter and virNWFilterBinding, and the virConnect and
// virDomain methods that reach them.
var objectOps = slices.Concat(snapshotOps, checkpointOps, secretOps, nwfilterOps)

// connectOp is the connect() (and getConnect()) of the objects below a
// connection: the connection the object came from, as libvirt-python
// returns it, without calling libvirt.
func connectOp(name, cname, class string) *Op {
	return &Op{Name: name, CName: cname, Result: "virConnect",
		Doc:    "Returns the connection the " + class + " belongs to.",
		fn:     func(c *Call) (Value, error) { return c.recv.Conn(), nil },
		inPlan: func(o *Object) Value { return o.Conn() }}
}

// orNone returns s, or None when the call failed: libvirt-python's getters
// that do not check for errors (virSecret.usageID, virNWFilter.name, ...).
func (c *Call) orNone(s string, err error) (Value, error) {
	if err != nil {
		return c.swallow(nil, err)
	}
	return s, nil
}

// strOrNone returns s, or None for the empty string: a string libvirt
// left NULL.
func strOrNone(s string) Value {
	if s == "" {
		return nil
	}
	return s
}

// xmlField decodes the XML document doc into a T and returns what field
// reads from it, or "" when doc does not parse: the names dry runs give
// planned objects.
func xmlField[T any](doc string, field func(*T) string) string {
	var v T
	if err := xml.Unmarshal([]byte(doc), &v); err != nil {
		return ""
	}
	return field(&v)
}

// xmlName reads the <name> of an XML document's root element, as
// xmlField does.
func xmlName(doc string) string {
	type root struct {
		Name string `xml:"name"`
	}
	return xmlField(doc, func(v *root) string { return v.Name })
}

// xmlNameAttr reads the name attribute of an XML document's root element
// (<interface name=...>, <filter name=...>), as xmlField does.
func xmlNameAttr(doc string) string {
	type root struct {
		Name string `xml:"name,attr"`
	}
	return xmlField(doc, func(v *root) string { return v.Name })
}

// xmlUUID reads the <uuid> of an XML document's root element, as xmlField
// does.
func xmlUUID(doc string) string {
	type root struct {
		UUID string `xml:"uuid"`
	}
	return xmlField(doc, func(v *root) string { return v.UUID })
}

// plannedObject returns an object that exists only in the dry run's plan: what
// the call would have made.
func (c *Call) plannedObject(class, label string) *Object {
	return &Object{class: class, label: label, conn: c.recv.Conn(), planned: c.op.QualName()}
}

// labelOf returns o's label, which a later adoption of the same object may
// change.
func (s *Session) labelOf(o *Object) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return o.label
}
