package host

import (
	"regexp"
	"strings"
)

// A dry run follows the objects it plans. An operation that would make an
// object (its Result a class: defineXML, storagePoolDefineXML, a pool's
// createXML, snapshotCreateXML, ...) returns, in a dry run, the object its
// XML names: an existing one (a redefinition), else a planned object
// (planObject). A planned object answers what the plan knows (its name,
// connection, container and XML: inPlan), has the calls made on it
// recorded against it, makes planned objects in turn (a volume created in
// a planned pool), and is found by lookups by its name on the same
// container (findPlanned).

// planObject returns the dry-run result of the call c, which would make
// an object of class identified by id (a name, a UUID, a port device,
// from the XML in argument 0) in its receiver, with label as scripts see
// it ("" for id): an object the plan made before under that id, else the
// existing object lookup finds (nil lookup: none), else a new planned
// object. The receiver being planned, nothing is looked up.
func (c *Call) planObject(class, id, label string, lookup func() (Value, error)) (Value, error) {
	if label == "" {
		label = id
	}
	key := planKey{conn: c.recv, class: class, name: id}
	c.s.mu.Lock()
	o := c.s.plannedObjects[key]
	c.s.mu.Unlock()
	if o != nil {
		c.s.mu.Lock()
		o.plannedXML = c.keptXML() // a redefinition in the plan
		c.s.registerUUIDLocked(c, o)
		c.s.mu.Unlock()
		return o, nil
	}
	if lookup != nil && c.recv.planned == "" {
		if v, err := lookup(); err == nil {
			return v, nil
		}
	}
	o = c.plannedObject(class, label)
	o.plannedIn = c.recv
	o.plannedActive, o.plannedPersistent = plannedStateOf(c.op.Name)
	o.plannedXML = c.keptXML()
	c.s.mu.Lock()
	if c.s.plannedObjects == nil {
		c.s.plannedObjects = map[planKey]*Object{}
	}
	c.s.plannedObjects[key] = o
	c.s.registerUUIDLocked(c, o)
	c.s.mu.Unlock()
	return o, nil
}

// registerUUIDLocked registers o, which the call c plans, under the UUID
// of c's XML too, when it has one, so that lookups by UUID find it as
// lookups by name do. s.mu is held.
func (s *Session) registerUUIDLocked(c *Call, o *Object) {
	xml, _ := c.args[0].(string)
	if u, err := xmlUUID(xml); err == nil {
		if k, ok := uuidKey(u); ok {
			s.plannedObjects[planKey{conn: c.recv, class: o.class, name: k}] = o
		}
	}
}

// uuidKey returns the key of a planned object's UUID, as libvirt reads a
// UUID (hex digits, dashes anywhere, either case, blanks around), so that
// every spelling of it finds the object; ok is false for a string that is
// not a UUID.
func uuidKey(u string) (key string, ok bool) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(u) {
		switch {
		case r == '-':
		case '0' <= r && r <= '9', 'a' <= r && r <= 'f':
			b.WriteRune(r)
		case 'A' <= r && r <= 'F':
			b.WriteRune(r + ('a' - 'A'))
		default:
			return "", false
		}
	}
	if b.Len() != 32 {
		return "", false
	}
	return "uuid:" + b.String(), true
}

// maxPlannedXML bounds the XML a planned object keeps for XMLDesc, as the
// plan bounds an argument it shows (maxShownValue): the session keeps it
// for the rest of the run, whatever the script's memory limit.
const maxPlannedXML = maxShownValue

// keptXML returns the XML in argument 0 of c, which makes a planned
// object, for XMLDesc to answer; "" when it is too long to keep (XMLDesc
// then cannot be read).
func (c *Call) keptXML() string {
	xml, _ := c.args[0].(string)
	if len(xml) > maxPlannedXML {
		return ""
	}
	return xml
}

// plannedStateOf returns the state of an object that the operation
// named op makes: createXML and its kin make it active and transient,
// defineXML and its kin inactive and persistent.
func plannedStateOf(op string) (active, persistent bool) {
	op = strings.ToLower(op)
	return !strings.Contains(op, "define"), strings.Contains(op, "define")
}

// Changes of a planned object's state, by the name of the operation, as
// plannedActive and plannedPersistent follow them.
var (
	plannedStarts = map[string]bool{"create": true, "createWithFlags": true}
	plannedStops  = map[string]bool{"destroy": true, "destroyFlags": true, "shutdown": true, "shutdownFlags": true}
	plannedGone   = map[string]bool{"undefine": true, "undefineFlags": true, "delete": true}
)

// followPlannedLocked follows in the plan the call c, just recorded, on
// a planned object: started, stopped, or gone (undefined while inactive,
// stopped while transient, deleted), when lookups no longer find it.
// s.mu is held.
func (s *Session) followPlannedLocked(c *Call) {
	o := c.recv
	if o == nil || o.planned == "" {
		return
	}
	name := c.op.Name
	switch {
	case plannedStarts[name]:
		o.plannedActive = true
	case plannedStops[name]:
		o.plannedActive = false
	case plannedGone[name]:
		o.plannedPersistent = false
	default:
		return
	}
	gone := c.op.Name == "delete" || !o.plannedActive && !o.plannedPersistent
	if !gone {
		return
	}
	for k, p := range s.plannedObjects {
		if p == o {
			delete(s.plannedObjects, k)
		}
	}
}

// planLookup matches the C functions of the lookups that find an object
// by the identifier a planned object is known by.
var planLookup = regexp.MustCompile(`LookupBy(Name|UUIDString|PortDev)$`)

// findPlanned returns the planned object that op, a lookup, finds in a
// dry run: the object of op's result class that the plan made in recv
// under the identifier in args[0]; nil when there is none.
func (s *Session) findPlanned(op *Op, recv *Object, args []Value) *Object {
	if op.Effect != Read || recv == nil || len(args) == 0 || !planLookup.MatchString(op.CName) {
		return nil
	}
	id, ok := args[0].(string)
	if !ok {
		return nil
	}
	if strings.HasSuffix(op.CName, "UUIDString") {
		k, ok := uuidKey(id)
		if !ok {
			return nil
		}
		id = k
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.plannedObjects[planKey{conn: recv, class: op.Result, name: id}]
}

// planXML answers XMLDesc for a planned object: the XML it was planned
// with, nil when it has none (a migrated domain).
func planXML(o *Object) Value {
	if o.plannedXML == "" {
		return nil
	}
	return o.plannedXML
}

// planUUID answers UUIDString for a planned object: the <uuid> of its
// XML, nil when it has none (libvirt would make one up).
func planUUID(o *Object) Value {
	if u, err := xmlUUID(o.plannedXML); err == nil && u != "" {
		return u
	}
	return nil
}

// planActive answers isActive and isPersistent for a planned object.
func planActive(o *Object) Value     { return boolInt(o.plannedActive) }
func planPersistent(o *Object) Value { return boolInt(o.plannedPersistent) }

func boolInt(b bool) Value {
	if b {
		return int64(1)
	}
	return int64(0)
}

// planContainer answers the operations that return the object a planned
// object was made in: a volume's pool, a snapshot's domain, a port's
// network.
func planContainer(o *Object) Value {
	if o.plannedIn == nil || o.plannedIn == o.Conn() {
		return nil
	}
	return o.plannedIn
}

// init gives the operations that a planned object can answer from the
// plan their answer, where the table gives none: its XML, its name, its
// connection and its container.
func init() {
	for _, class := range Classes() {
		for _, op := range Methods(class) {
			if op.inPlan != nil || op.Effect != Read {
				continue
			}
			switch op.Name {
			case "XMLDesc", "getXMLDesc":
				op.inPlan = planXML
			case "name":
				op.inPlan = planLabel
			case "connect", "getConnect":
				op.inPlan = planConn
			case "domain", "getDomain", "network", "storagePoolLookupByVolume":
				op.inPlan = planContainer
			case "UUIDString":
				op.inPlan = planUUID
			case "isActive":
				op.inPlan = planActive
			case "isPersistent":
				op.inPlan = planPersistent
			}
		}
	}
}
