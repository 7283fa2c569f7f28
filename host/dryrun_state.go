package host

// stateChangingOps are the virDomain operations whose dry run plans a
// change of the domain's state (running, paused, shut off): a wait for a
// state of that domain later in the same dry run is answered at once (see
// plannedWait).
var stateChangingOps = []string{
	"create", "createWithFlags", "shutdown", "shutdownFlags", "destroy", "destroyFlags",
	"suspend", "resume", "reboot", "reset", "managedSave", "save", "saveFlags", "saveParams",
	"pMSuspendForDuration", "pMWakeup", "revertToSnapshot",
	// A migration stops the domain on its source.
	"migrate", "migrate2", "migrate3", "migrateToURI", "migrateToURI2", "migrateToURI3",
}

func init() {
	for _, name := range stateChangingOps {
		op := Lookup(ClassDomain, name)
		if op == nil {
			panic("stateChangingOps: no operation virDomain." + name)
		}
		op.changesState = true
	}
}

// planKey identifies an object of a dry run's plan: its class, its
// connection and its name (or the XML's identifier a planned object is
// labelled with).
type planKey struct {
	conn  *Object
	class string
	name  string
}

func keyOf(o *Object) planKey { return planKey{conn: o.Conn(), class: o.class, name: o.label} }

// notePlannedLocked remembers what the call c, just recorded, plans for
// later calls of the dry run: a change of its domain's state. s.mu is
// held.
func (s *Session) notePlannedLocked(c *Call) {
	if c.op.changesState && c.recv != nil {
		if s.stateChanged == nil {
			s.stateChanged = map[planKey]string{}
		}
		s.stateChanged[keyOf(c.recv)] = c.op.QualName()
	}
}

// plannedWait answers a wait for dom's state in a dry run that planned a
// change of that state (or made the domain itself): the wait would
// follow a change that was not made, so it returns at once as though the
// state were reached, and the plan notes it. ok is false when the wait
// must be made.
func (c *Call) plannedWait(dom *Object, state int64) (v Value, ok bool) {
	s := c.s
	if !s.dryRun || dom == nil {
		return nil, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if dom.planned == "" && s.stateChanged[keyOf(dom)] == "" {
		return nil, false
	}
	given := c.givenArgs()
	s.plan = append(s.plan, PlanEntry{Receiver: c.op.moduleName(), Op: c.op.QualName(), Args: clipEach(redactArgs(c.op, given)),
		Note: "planned: reached at once", params: c.op.Params})
	return state, true
}
