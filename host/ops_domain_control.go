package host

import (
	"slices"
	"strings"
)

// domainControlOps are virDomain's lifecycle, devices, save and restore,
// migration, block jobs, guest agent and other control methods, and
// virConnect's saved-image methods.
var domainControlOps = slices.Concat(
	domainLifecycleFlagOps,
	domainGuestOps,
	domainDeviceOps,
	domainBlockOps,
	domainSaveOps,
	connectSaveOps,
	domainMigrateOps,
)

// domainLifecycleFlagOps start, stop, rename and size a domain.
var domainLifecycleFlagOps = inClass(ClassDomain, []*Op{
	{Name: "connect", CName: "virDomainGetConnect", Result: "virConnect",
		Doc:    "Returns the connection the domain belongs to.",
		fn:     func(c *Call) (Value, error) { return c.recv.Conn(), nil },
		inPlan: func(o *Object) Value { return o.Conn() }},
	{Name: "createWithFlags", CName: "virDomainCreateWithFlags", Params: []Param{flagsOf("VIR_DOMAIN_START_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Starts a defined domain (VIR_DOMAIN_START_* flags: paused, autodestroy, ...).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().CreateWithFlags(c.uint32(0))) }},
	{Name: "destroyFlags", CName: "virDomainDestroyFlags", Params: []Param{flagsOf("VIR_DOMAIN_DESTROY_")}, Result: "int (0)", Effect: Destroy,
		Doc: "Stops the domain at once (VIR_DOMAIN_DESTROY_GRACEFUL: only if it stops without SIGKILL).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().DestroyFlags(c.uint32(0))) }},
	{Name: "shutdownFlags", CName: "virDomainShutdownFlags", Params: []Param{flagsOf("VIR_DOMAIN_SHUTDOWN_")}, Result: "int (0)", Effect: Destroy,
		Doc: "Asks the guest to shut down, by the VIR_DOMAIN_SHUTDOWN_* methods given.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().ShutdownFlags(c.uint32(0))) }},
	{Name: "undefineFlags", CName: "virDomainUndefineFlags", Params: []Param{flagsOf("VIR_DOMAIN_UNDEFINE_")}, Result: "int (0)", Effect: Destroy,
		Doc: "Removes the domain's persistent definition (VIR_DOMAIN_UNDEFINE_*: managed save, snapshots, nvram, ...).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().UndefineFlags(c.uint32(0))) }},
	{Name: "reset", CName: "virDomainReset", Params: []Param{flags()}, Result: "int (0)", Effect: Destroy,
		Doc: "Resets the domain at once, like its reset button: the guest loses what it had not written.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().Reset(c.uint32(0))) }},
	{Name: "rename", CName: "virDomainRename", Params: []Param{req("new_name", TString), flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Renames an inactive domain.",
		fn: func(c *Call) (Value, error) {
			name := c.str(0)
			if err := c.domain().Rename(name, c.uint32(1)); err != nil {
				return nil, err
			}
			c.s.mu.Lock()
			c.recv.label = name
			c.s.mu.Unlock()
			return int64(0), nil
		}},
	{Name: "setMaxMemory", CName: "virDomainSetMaxMemory", Params: []Param{req("memory", TUint64)}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets the domain's maximum memory, in KiB.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().SetMaxMemory(c.uint64(0))) }},
	{Name: "setMemory", CName: "virDomainSetMemory", Params: []Param{req("memory", TUint64)}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets the domain's current memory (the balloon target), in KiB.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().SetMemory(c.uint64(0))) }},
	{Name: "setMemoryFlags", CName: "virDomainSetMemoryFlags", Params: []Param{req("memory", TUint64), flagsOf("VIR_DOMAIN_MEM_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets the domain's current or (VIR_DOMAIN_MEM_MAXIMUM) maximum memory in KiB, live or in its config (VIR_DOMAIN_AFFECT_*).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().SetMemoryFlags(c.uint64(0), c.uint32(1))) }},
	{Name: "setLifecycleAction", CName: "virDomainSetLifecycleAction", Params: []Param{req("type", TUint), req("action", TUint), flagsOf("VIR_DOMAIN_AFFECT_")},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets what happens on a lifecycle event (VIR_DOMAIN_LIFECYCLE_*): a VIR_DOMAIN_LIFECYCLE_ACTION_*.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().SetLifecycleAction(c.uint32(0), c.uint32(1), c.uint32(2)))
		}},
	{Name: "abortJob", CName: "virDomainAbortJob", Result: "int (0)", Effect: Mutate,
		Doc: "Aborts the domain's current background job (a migration, a save, a dump).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().AbortJob()) }},
	{Name: "abortJobFlags", CName: "virDomainAbortJobFlags", Params: []Param{flagsOf("VIR_DOMAIN_ABORT_JOB_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Aborts the domain's current background job (VIR_DOMAIN_ABORT_JOB_POSTCOPY: a post-copy migration too).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().AbortJobFlags(c.uint32(0))) }},
	{Name: "startDirtyRateCalc", CName: "virDomainStartDirtyRateCalc", Params: []Param{req("seconds", TInt), flagsOf("VIR_DOMAIN_DIRTYRATE_MODE_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Starts measuring the domain's memory dirty rate over so many seconds (read it in the domain's stats).",
		fn: func(c *Call) (Value, error) {
			secs, err := c.cInt(0)
			if err != nil {
				return nil, err
			}
			return done(c.domain().StartDirtyRateCalc(secs, c.uint32(1)))
		}},
})

// domainGuestOps act on the guest: its agent, file systems, power
// management, keyboard and processes.
var domainGuestOps = inClass(ClassDomain, []*Op{
	{Name: "agentSetResponseTimeout", CName: "virDomainAgentSetResponseTimeout", Params: []Param{req("timeout", TInt), flags()},
		Result: "int (0)", Effect: Mutate,
		Doc: "Sets how long guest agent commands wait, in seconds (VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_*: block, default, nowait).",
		fn: func(c *Call) (Value, error) {
			t, err := c.cInt(0)
			if err != nil {
				return nil, err
			}
			return done(c.domain().AgentSetResponseTimeout(t, c.uint32(1)))
		}},
	{Name: "authorizedSSHKeysGet", CName: "virDomainAuthorizedSSHKeysGet", Effect: Privileged, Params: []Param{req("user", TString), flags()},
		Result: "list of str",
		Doc:    "Returns the SSH keys authorized for a guest user, through the guest agent.",
		fn:     func(c *Call) (Value, error) { return strList(c.domain().AuthorizedSSHKeysGet(c.str(0), c.uint32(1))) }},
	{Name: "authorizedSSHKeysSet", CName: "virDomainAuthorizedSSHKeysSet",
		Params: []Param{req("user", TString), opt("keys", TListOrNone, nil), flagsOf("VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Adds (or with VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_REMOVE removes) SSH keys authorized for a guest user.",
		fn: func(c *Call) (Value, error) {
			keys, err := c.stringList(1)
			if err != nil {
				return nil, err
			}
			return done(c.domain().AuthorizedSSHKeysSet(c.str(0), keys, c.uint32(2)))
		}},
	{Name: "setUserPassword", CName: "virDomainSetUserPassword",
		Params: []Param{req("user", TString), {Name: "password", Type: TString, Secret: true}, flagsOf("VIR_DOMAIN_PASSWORD_")}, Result: "int (0)", Effect: Mutate,
		Doc: "Sets a guest user's password, through the guest agent (VIR_DOMAIN_PASSWORD_ENCRYPTED: already encrypted).",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().SetUserPassword(c.str(0), c.str(1), c.uint32(2)))
		}},
	{Name: "fsFreeze", CName: "virDomainFSFreeze", Params: []Param{opt("mountpoints", TListOrNone, nil), flags()},
		Result: "int (file systems frozen)", Effect: Mutate,
		Doc: "Freezes the guest's file systems (all, or those mounted at mountpoints); returns how many.",
		fn: func(c *Call) (Value, error) {
			mps, err := c.stringList(0)
			if err != nil {
				return nil, err
			}
			return num(c.domain().FSFreeze(mps, c.uint32(1)))
		}},
	{Name: "fsThaw", CName: "virDomainFSThaw", Params: []Param{opt("mountpoints", TListOrNone, nil), flags()},
		Result: "int (file systems thawed)", Effect: Mutate,
		Doc: "Thaws the guest's frozen file systems (all, or those mounted at mountpoints); returns how many.",
		fn: func(c *Call) (Value, error) {
			mps, err := c.stringList(0)
			if err != nil {
				return nil, err
			}
			return num(c.domain().FSThaw(mps, c.uint32(1)))
		}},
	{Name: "fSTrim", CName: "virDomainFSTrim", Params: []Param{req("mountPoint", TStringOrNone), req("minimum", TUint64), flags()},
		Result: "int (0)", Effect: Mutate,
		Doc: "Discards the unused blocks of a guest file system (None: all), in extents of at least minimum bytes.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().FSTrim(c.optStr(0), c.uint64(1), c.uint32(2)))
		}},
	{Name: "injectNMI", CName: "virDomainInjectNMI", Params: []Param{flags()}, Result: "int (0)", Effect: Destroy,
		Doc: "Sends a non-maskable interrupt to the guest, which commonly makes it panic (and dump its kernel).",
		fn:  func(c *Call) (Value, error) { return done(c.domain().InjectNMI(c.uint32(0))) }},
	{Name: "pMSuspendForDuration", CName: "virDomainPMSuspendForDuration",
		Params: []Param{req("target", TUint), req("duration", TUint64), flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Suspends the guest to memory, disk or both (VIR_NODE_SUSPEND_TARGET_*), for duration seconds (0: until woken).",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().PMSuspendForDuration(c.uint32(0), c.uint64(1), c.uint32(2)))
		}},
	{Name: "pMWakeup", CName: "virDomainPMWakeup", Params: []Param{flags()}, Result: "int (0)", Effect: Mutate,
		Doc: "Wakes a guest suspended to memory.",
		fn:  func(c *Call) (Value, error) { return done(c.domain().PMWakeup(c.uint32(0))) }},
	{Name: "sendKey", CName: "virDomainSendKey",
		Params: []Param{req("codeset", TInt), req("holdtime", TInt), req("keycodes", TList), req("nkeycodes", TUint), flags()},
		Result: "int (0)", Effect: Mutate,
		Doc: "Presses keys on the guest's keyboard: keycodes (at most 16) in a VIR_KEYCODE_SET_*, held holdtime ms.",
		fn:  sendKey},
	{Name: "sendProcessSignal", CName: "virDomainSendProcessSignal",
		Params: []Param{req("pid_value", TInt), req("signum", TUint), flags()}, Result: "int (0)", Effect: Destroy,
		Doc: "Sends a signal (VIR_DOMAIN_PROCESS_SIGNAL_*) to a process (or, negative, a process group) in the guest.",
		fn: func(c *Call) (Value, error) {
			return done(c.domain().SendProcessSignal(c.int(0), c.uint32(1), c.uint32(2)))
		}},
})

// sendKeyMax is VIR_DOMAIN_SEND_KEY_MAX_KEYS.
const sendKeyMax = 16

// sendKey checks the key codes as libvirt-python does before it calls
// virDomainSendKey: nkeycodes must be their number, at most 16.
func sendKey(c *Call) (Value, error) {
	codeset, err := c.cInt(0)
	if err != nil {
		return nil, err
	}
	holdtime, err := c.cInt(1)
	if err != nil {
		return nil, err
	}
	list, n := c.list(2), c.uint32(3)
	if int(n) != len(list) || n > sendKeyMax {
		return nil, invalidArgf("nkeycodes is %d, want the number of keycodes (%d), at most %d", n, len(list), sendKeyMax)
	}
	keys := make([]uint32, len(list))
	for i, v := range list {
		k, ok := convert(v, TUint)
		if !ok {
			return nil, wrongItem(c.op.QualName(), forParam("keycodes"), i, v, TUint.want(""))
		}
		keys[i] = uint32(k.(int64))
	}
	// libvirt-python passes the C ints to unsigned parameters as they are.
	return done(c.domain().SendKey(uint32(codeset), uint32(holdtime), keys, c.uint32(4)))
}

// stringList returns a TList or TListOrNone argument of strings; None is nil.
func (c *Call) stringList(i int) ([]string, error) {
	list := c.list(i)
	if list == nil {
		return nil, nil
	}
	out := make([]string, len(list))
	for j, v := range list {
		s, ok := v.(string)
		if !ok {
			return nil, wrongItem(c.op.QualName(), forParam(c.op.Params[i].Name), j, v, wantKinds(KindString))
		}
		if strings.IndexByte(s, 0) >= 0 {
			return nil, &ArgError{Op: c.op.QualName(), Problem: ArgInvalid, Where: forParam(c.op.Params[i].Name), Item: j + 1, Msg: "embedded null character (a NUL byte) in the string"}
		}
		out[j] = s
	}
	return out, nil
}
