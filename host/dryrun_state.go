package host

import "fmt"

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

// Domain states (virDomainState) that planned calls lead to.
const (
	stateUnknown     = -1 // the plan cannot tell (a snapshot's, a migration's)
	stateRunning     = 1  // VIR_DOMAIN_RUNNING
	statePaused      = 3  // VIR_DOMAIN_PAUSED
	stateShutoff     = 5  // VIR_DOMAIN_SHUTOFF
	statePMSuspended = 7  // VIR_DOMAIN_PMSUSPENDED
	startPaused      = 1  // VIR_DOMAIN_START_PAUSED
)

// plannedStateAfter returns the state the recorded call c leaves its
// domain in, stateUnknown when the plan cannot tell.
func plannedStateAfter(c *Call) int64 {
	switch c.op.Name {
	case "create":
		return stateRunning
	case "createWithFlags":
		if c.uint32(0)&startPaused != 0 {
			return statePaused
		}
		return stateRunning
	case "resume", "reboot", "reset", "pMWakeup":
		return stateRunning
	case "suspend":
		return statePaused
	case "shutdown", "shutdownFlags", "destroy", "destroyFlags", "managedSave", "save", "saveFlags", "saveParams":
		return stateShutoff
	case "pMSuspendForDuration":
		return statePMSuspended
	}
	return stateUnknown
}

// plannedChange is a planned change of a domain's state: the operation
// and the state it leads to.
type plannedChange struct {
	op    string
	state int64
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
			s.stateChanged = map[planKey]plannedChange{}
		}
		s.stateChanged[keyOf(c.recv)] = plannedChange{op: c.op.QualName(), state: plannedStateAfter(c)}
	}
}

// plannedWait answers a wait for dom's state in a dry run that planned a
// change of that state (or made the domain itself): the wait would
// follow a change that was not made, so it is not made. When the plan
// leads to the state awaited (or cannot tell which state it leads to: a
// snapshot's, a migration's), the wait returns at once as though the
// state were reached; when it leads to another (a wait for SHUTOFF after
// a planned suspend()), it fails at once as the real wait would, past its
// timeout. The plan notes either. ok is false when the wait must be made.
func (c *Call) plannedWait(dom *Object, state int64) (v Value, ok bool, err error) {
	s := c.s
	if !s.dryRun || dom == nil {
		return nil, false, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	change, changed := s.stateChanged[keyOf(dom)]
	if !changed {
		if dom.planned == "" {
			return nil, false, nil
		}
		change = plannedChange{op: dom.planned, state: stateShutoff}
		if dom.plannedActive {
			change.state = stateRunning
		}
	}
	note := "planned: reached at once"
	if change.state != stateUnknown && change.state != state {
		note = fmt.Sprintf("planned: not reached, %s leaves it %s", change.op, stateName(change.state))
		err = &Error{Code: errOperationTimeout, Domain: fromNone, Level: errLevelError,
			Message: fmt.Sprintf("operation timed out: %s would not reach state %s: the dry run planned %s, which leaves it %s",
				dom, stateName(state), change.op, stateName(change.state))}
	}
	given := c.givenArgs()
	s.plan = append(s.plan, PlanEntry{Receiver: c.op.moduleName(), Op: c.op.QualName(), Args: clipEach(redactArgs(c.op, given)),
		Note: note, params: c.op.Params})
	if err != nil {
		return nil, true, err
	}
	return state, true, nil
}
