package host

import (
	"errors"
	"slices"
	"strings"

	"github.com/vertscript/vertscript/host/xmltree"
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

// xmlRootField reads from the XML document doc what libvirt reads there
// (libxml2, then XPath from the root element): following path, the first
// child element of each name, without a namespace, then its attribute attr,
// or with attr "", its text. "" when absent. A document that vertscript
// cannot read exactly as libvirt does (one that does not parse, or that
// declares a DTD, whose entities libxml2 would expand) is an error: a dry
// run then cannot tell which object a call names.
func xmlRootField(doc string, attr string, path ...string) (string, error) {
	if declaresDTD(doc) {
		return "", errors.New("the XML declares a DTD")
	}
	el, err := xmltree.Parse(doc, nil)
	if err != nil {
		return "", err
	}
next:
	for _, name := range path {
		for _, ch := range el.Children() {
			if ch.Tag() == name {
				el = ch
				continue next
			}
		}
		return "", nil
	}
	if attr != "" {
		v, _ := el.Get(attr)
		return v, nil
	}
	texts, err := el.IterText(nil)
	return strings.Join(texts, ""), err
}

// xmlName reads the <name> of an XML document's root element.
func xmlName(doc string) (string, error) { return xmlRootField(doc, "", "name") }

// xmlNameAttr reads the name attribute of an XML document's root element
// (<interface name=...>, <filter name=...>).
func xmlNameAttr(doc string) (string, error) { return xmlRootField(doc, "name") }

// xmlUUID reads the <uuid> of an XML document's root element.
func xmlUUID(doc string) (string, error) { return xmlRootField(doc, "", "uuid") }

// unreadableXML is a dry run's refusal of a call whose XML it cannot read
// as libvirt would.
func (c *Call) unreadableXML(err error) error {
	return argErrorf(c.op.QualName(), "a dry run cannot tell which object this XML names (%v): the plan would not say what the real run does", err)
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
