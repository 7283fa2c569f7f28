package host

import (
	"fmt"

	"github.com/vertscript/vertscript/host/driver"
)

// domainOps are the methods of virDomain.
var domainOps = inClass(ClassDomain, []*Op{
	{Name: "name", CName: "virDomainGetName", Result: "str",
		Doc:    "Returns the domain's name.",
		fn:     func(c *Call) (Value, error) { return c.recvStr(c.domain().GetName()) },
		inPlan: func(o *Object) Value { return o.label }},
	{Name: "ID", CName: "virDomainGetID", Result: "int",
		Doc: "Returns the domain's ID, -1 when it is not running.",
		fn:  func(c *Call) (Value, error) { return num(c.domain().GetID()) }},
	{Name: "UUIDString", CName: "virDomainGetUUIDString", Result: "str",
		Doc: "Returns the domain's UUID.",
		fn:  func(c *Call) (Value, error) { return str(c.domain().GetUUIDString()) }},
	{Name: "info", CName: "virDomainGetInfo", Result: "list: [state, maxMem KiB, memory KiB, nrVirtCpu, cpuTime ns]",
		Doc: "Returns the domain's state and resources.",
		fn: func(c *Call) (Value, error) {
			i, err := c.domain().GetInfo()
			if err != nil {
				return nil, err
			}
			return ints(uint64(i.State), i.MaxMem, i.Memory, uint64(i.NrVirtCPU), i.CPUTime), nil
		}},
	{Name: "state", CName: "virDomainGetState", Params: []Param{opt("flags", TUint, int64(0))}, Result: "list: [state, reason]",
		Doc: "Returns the domain's state (VIR_DOMAIN_*) and the reason for it.",
		fn: func(c *Call) (Value, error) {
			s, r, err := c.domain().GetState(c.uint32(0))
			if err != nil {
				return nil, err
			}
			return ints(s, r), nil
		}},
	{Name: "isActive", CName: "virDomainIsActive", Result: "int (0 or 1)",
		Doc: "Returns 1 if the domain is running (or paused).",
		fn:  func(c *Call) (Value, error) { return flag(c.domain().IsActive()) }},
	{Name: "isPersistent", CName: "virDomainIsPersistent", Result: "int (0 or 1)",
		Doc: "Returns 1 if the domain has a persistent definition.",
		fn:  func(c *Call) (Value, error) { return flag(c.domain().IsPersistent()) }},
	{Name: "maxMemory", CName: "virDomainGetMaxMemory", Result: "int (KiB)",
		Doc: "Returns the domain's maximum memory in KiB.",
		fn:  func(c *Call) (Value, error) { return num(c.domain().GetMaxMemory()) }},
	{Name: "XMLDesc", CName: "virDomainGetXMLDesc", Params: []Param{flagsOf("VIR_DOMAIN_XML_")}, Result: "str (XML)",
		Doc: "Returns the domain's XML description (VIR_DOMAIN_XML_* flags).",
		fn:  func(c *Call) (Value, error) { return str(c.domain().GetXMLDesc(c.uint32(0))) }},
	{Name: "create", CName: "virDomainCreate", Result: "int (0)", Effect: Mutate,
		Doc: "Starts a defined domain.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().Create()) }},
	{Name: "suspend", CName: "virDomainSuspend", Result: "int (0)", Effect: Mutate,
		Doc: "Pauses the domain's CPUs.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().Suspend()) }},
	{Name: "resume", CName: "virDomainResume", Result: "int (0)", Effect: Mutate,
		Doc: "Resumes a paused domain.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().Resume()) }},
	{Name: "shutdown", CName: "virDomainShutdown", Result: "int (0)", Effect: Destroy,
		Doc: "Asks the guest to shut down gracefully.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().Shutdown()) }},
	{Name: "reboot", CName: "virDomainReboot", Params: []Param{flagsOf("VIR_DOMAIN_REBOOT_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Asks the guest to reboot (VIR_DOMAIN_REBOOT_* flags).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().Reboot(c.uint32(0))) }},
	{Name: "destroy", CName: "virDomainDestroy", Result: "int (0)", Effect: Destroy,
		Doc: "Stops the domain at once, like pulling the power cord.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().Destroy()) }},
	{Name: "undefine", CName: "virDomainUndefine", Result: "int (0)", Effect: Destroy,
		Doc: "Removes the domain's persistent definition.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().Undefine()) }},
	{Name: "autostart", CName: "virDomainGetAutostart", Result: "int (0 or 1)",
		Doc: "Returns 1 if the domain starts when the host boots.",
		fn:  func(c *Call) (Value, error) { return flag(c.domain().GetAutostart()) }},
	{Name: "setAutostart", CName: "virDomainSetAutostart", Params: []Param{req("autostart", TBool)}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets whether the domain starts when the host boots.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().SetAutostart(c.bool(0))) }},
})

// domainResult adopts the domain a connection's method returned.
func (c *Call) domainResult(d Domain, err error) (Value, error) {
	return adoptOne(d, err, c.adoptDomain)
}

// adoptDomain gives d to the session, identified by its raw UUID and
// labelled with its name (see domainKey). On failure d is freed.
func (c *Call) adoptDomain(d Domain) (*Object, error) {
	key, name, err := domainKey(c.recv.Conn(), d)
	if err != nil {
		return nil, err
	}
	return c.adoptKey(key, name, d)
}

// domainKey returns the identity of d, a domain conn just returned, and
// its name, as the backend read them with the call that returned d
// (driver.Identifier), else as GetUUID and GetName read them. On failure d
// is freed.
func domainKey(conn *Object, d Domain) (objKey, string, error) {
	uuid, name, err := domainIdentity(d)
	if err != nil {
		_ = d.Free()
		return objKey{}, "", err
	}
	return objKey{conn: conn, class: ClassDomain, uuid: uuid}, name, nil
}

// domainIdentity returns d's raw UUID and its name.
func domainIdentity(d Domain) (uuid [16]byte, name string, err error) {
	if id, ok := d.(driver.Identifier); ok {
		if uuid, name, ok := id.Identity(); ok {
			return uuid, name, nil
		}
	}
	raw, err := d.GetUUID()
	if err != nil {
		return uuid, "", err
	}
	if len(raw) != len(uuid) {
		return uuid, "", &Error{Code: errInternal, Domain: fromNone, Level: errLevelError,
			Message: fmt.Sprintf("internal error: the backend returned a UUID of %d bytes", len(raw))}
	}
	copy(uuid[:], raw)
	name, err = d.GetName()
	return uuid, name, err
}
