package host

import (
	"strings"
)

// PlanEntry is a call that a dry run recorded instead of making.
type PlanEntry struct {
	Receiver string  // the object it would act on, e.g. "<virDomain web-1>", or "libvirt"
	Op       string  // the qualified operation, e.g. "virDomain.shutdown"
	Args     []Value // the arguments as the script gave them, defaults filled in, secrets redacted, long values cut (see clip)
	// Flags holds, per argument, a flags argument spelt by name
	// ("VIR_DOMAIN_UNDEFINE_MANAGED_SAVE|VIR_DOMAIN_UNDEFINE_NVRAM", see
	// FlagNames), "" for the other arguments; nil when the call has none.
	Flags []string
	// Note says what the dry run assumed for a call it answered without
	// making or recording it as a change (a wait for a planned state
	// change: "planned: reached at once"); "" for a recorded call.
	Note string

	params []Param // the operation's
}

// FlagArgs maps the name of each flags parameter of the call to its
// argument spelt by name (see Flags): for JSON, beside Args, which keep
// the numbers. It is nil when the call has no flags argument.
func (e PlanEntry) FlagArgs() map[string]string { return FlagsByParam(e.params, e.Flags) }

// String formats e as one line: <virDomain web-1>.shutdown(), long
// arguments shortened.
func (e PlanEntry) String() string {
	var b strings.Builder
	b.WriteString(e.Receiver)
	b.WriteByte('.')
	_, name, _ := strings.Cut(e.Op, ".")
	b.WriteString(name)
	b.WriteByte('(')
	for i, a := range e.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		if i < len(e.Flags) && e.Flags[i] != "" {
			b.WriteString(e.Flags[i])
			continue
		}
		b.WriteString(shorten(Repr(a), 60))
	}
	b.WriteByte(')')
	if e.Note != "" {
		b.WriteString(" # ")
		b.WriteString(e.Note)
	}
	return b.String()
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// PlannedError is a call that needs an object which exists only in a dry
// run's plan: a domain that defineXML would have defined, say.
type PlannedError struct {
	Op        string // the qualified operation attempted
	Object    string // the planned object, e.g. "<virDomain web-3>"
	PlannedBy string // the operation that planned it

	libvirt *Error // what Unwrap returns
}

func (e *PlannedError) Error() string {
	return e.Op + ": " + e.message()
}

func (e *PlannedError) message() string {
	return e.Object + " exists only in the dry-run plan (made by " + e.PlannedBy + "); it cannot be read"
}

// Unwrap returns the error as libvirt raises it for an operation that
// the object's state does not allow (VIR_ERR_OPERATION_INVALID), with the
// same text: scripts catch it as a libvirt error (libvirt.catch, pcall),
// so that a runbook handles a read the dry run cannot answer as it
// handles a failed one.
func (e *PlannedError) Unwrap() error {
	if e.libvirt == nil {
		e.libvirt = &Error{Op: e.Op, Code: errOperationInvalid, Domain: fromNone, Level: errLevelError, Message: e.message()}
	}
	return e.libvirt
}

// Plan returns the calls a dry run recorded, in order.
func (s *Session) Plan() []PlanEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]PlanEntry(nil), s.plan...)
}

// record plans c instead of making it, and returns what a successful call
// would return, as far as that can be known without making it: the object
// acted on for operations that return one, else 0.
func (s *Session) record(c *Call) (Value, error) {
	recv := c.op.moduleName()
	if c.recv != nil {
		recv = c.recv.String()
	}
	s.mu.Lock()
	given := c.givenArgs()
	args := clipEach(redactArgs(c.op, given))
	s.plan = append(s.plan, PlanEntry{Receiver: recv, Op: c.op.QualName(), Args: args, Flags: flagNamesOf(c.op, given), params: c.op.Params})
	s.notePlannedLocked(c)
	s.followPlannedLocked(c)
	s.mu.Unlock()
	if c.op.planned != nil {
		return c.op.planned(c)
	}
	return int64(0), nil
}

// planDomain is the dry-run result of defining or creating a domain from
// the XML in argument 0: the existing domain of that name, if there is one
// (a redefinition), else a planned domain.
func planDomain(c *Call) (Value, error) {
	name, err := xmlName(c.str(0))
	if err != nil {
		return nil, c.unreadableXML(err)
	}
	if name == "" {
		name = "(unnamed)"
	}
	return c.planObject(ClassDomain, name, "", func() (Value, error) {
		return c.domainResult(c.conn().DomainLookupByName(name))
	})
}

// JSONArgs converts plan arguments for encoding/json: objects as their
// printed form.
func JSONArgs(args []Value) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = jsonValue(a)
	}
	return out
}
