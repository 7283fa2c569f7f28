package host

import (
	"fmt"
	"slices"
	"strings"
)

// Policy says what scripts may do. The zero Policy allows everything but
// the operations that read or write local files (effect File).
// The CLI fills it from --read-only, --allow, --deny and --allow-uri;
// programs that embed vertscript set it directly.
type Policy struct {
	// ReadOnly opens every connection read-only, those a script opens
	// itself included, and refuses every operation whose effect is not
	// Read before libvirt is called.
	ReadOnly bool
	// Allow, when not empty, lists what may run; anything it does not
	// match is refused. Deny lists what is refused, and wins over Allow.
	// A rule is an operation ("virDomain.destroy"), every operation of a
	// class ("virDomain.*"), or an effect ("read", "mutate", "destroy",
	// "file", "privileged"). Operations with the file effect (virDomain.save, ...) read
	// or write local paths: they are refused unless an Allow rule matches
	// them, even when Allow is empty.
	Allow, Deny []string
	// AllowURI, when not nil, lists the patterns that a connection's
	// URI must match, after default-URI resolution (an empty non-nil list
	// allows no URI). A pattern matches the
	// URI's canonical form (URI.String: lower-case scheme and host,
	// parameter names in lower case, escapes decoded and re-made the same
	// way). Every byte of a pattern stands for itself but '*', which stands
	// for any run of bytes without '/', '?', '&' or '=': "qemu:///*"
	// admits qemu:///system but not qemu:///system?name=..., nor
	// qemu:///a/b. Whatever AllowURI says, a URI is refused when it
	// cannot be read exactly as libvirt reads it, and its transport and
	// its parameters must be known to be harmless (unix, tcp, tls, ssh,
	// libssh, libssh2; auth, mode, no_tty, proxy, sshauth) unless the
	// matching pattern spells them out: "test+ext:///default?command=*"
	// allows the ext transport and its command parameter.
	AllowURI []string
	// AllowRead, when not nil, lists the directories whose files scripts
	// may read: with read_file, and through libvirt when a URI names a
	// local file (test:///PATH, ?socket=PATH, ...). Paths are resolved,
	// symlinks included, before the check. nil allows every file; an
	// empty non-nil list allows none.
	AllowRead []string
	// BaseDir, when set, is the directory that the script's relative
	// paths name: read_file("x"), open, require and load read BaseDir/x,
	// and relative AllowRead entries are taken inside it. libvirt takes
	// the paths it is given in the process's working directory, which a
	// program serving several runs shares: so under a BaseDir a relative
	// path for libvirt (a URI's test:REL, a saved image) is refused.
	// Empty: the process's working directory, for both.
	BaseDir string
	// ReadHint, when set, ends the refusal of a path outside AllowRead:
	// the CLI names the readable directories there and the flag that adds
	// one. Empty, the refusal names neither, as a service that runs
	// others' scripts wants.
	ReadHint string
}

// PolicyError is an operation or a URI the policy refuses. It is not a
// libvirt error: libvirt.catch and pcall handlers for libvirt errors do not
// catch it, so a refusal ends the script.
type PolicyError struct {
	Op     string // the qualified operation, e.g. "virDomain.destroy"
	Reason string // which rule refused it
}

func (e *PolicyError) Error() string { return e.Op + ": refused by policy: " + e.Reason }

// Validate reports a malformed rule or URI pattern.
func (p *Policy) Validate() error { return p.validate(nil) }

// validate is Validate where the functions of mods are operations too.
func (p *Policy) validate(mods []Module) error {
	for _, r := range append(append([]string{}, p.Allow...), p.Deny...) {
		if !validRule(r, mods) {
			return fmt.Errorf("policy: bad rule %q: want an operation (virDomain.destroy), a class (virDomain.*) or an effect (read, mutate, destroy, file, privileged)", r)
		}
	}
	for _, g := range p.AllowURI {
		if err := validURIPattern(g); err != nil {
			return fmt.Errorf("policy: bad URI pattern %q: %v", g, err)
		}
	}
	return nil
}

func validRule(r string, mods []Module) bool {
	switch r {
	case Read.String(), Mutate.String(), Destroy.String(), File.String(), Privileged.String():
		return true
	}
	class, name, ok := strings.Cut(r, ".")
	if !ok {
		return false
	}
	for _, m := range mods {
		if m.Name == class {
			return name == "*" || slices.ContainsFunc(m.Funcs, func(op *Op) bool { return op.Name == name })
		}
	}
	if table[class] == nil {
		return false
	}
	return name == "*" || table[class][name] != nil
}

// check refuses op when the policy does not allow it.
func (p *Policy) check(op *Op) error {
	if p.ReadOnly && op.Effect != Read {
		return &PolicyError{Op: op.QualName(), Reason: fmt.Sprintf("read-only (the operation's effect is %s)", op.Effect)}
	}
	for _, r := range p.Deny {
		if matchRule(r, op) {
			return &PolicyError{Op: op.QualName(), Reason: "denied by the rule " + r}
		}
	}
	for _, r := range p.Allow {
		if matchRule(r, op) {
			return nil
		}
	}
	if op.Effect == File {
		return &PolicyError{Op: op.QualName(), Reason: "the operation reads or writes local files (effect file): an allow rule for file or for " + op.QualName() + " permits it"}
	}
	if len(p.Allow) == 0 {
		return nil
	}
	return &PolicyError{Op: op.QualName(), Reason: "not allowed by any allow rule (" + strings.Join(p.Allow, ", ") + ")"}
}

func matchRule(r string, op *Op) bool {
	switch r {
	case op.Effect.String(), op.QualName(), op.Class + ".*":
		return true
	}
	return false
}

// checkPathArgs refuses a call that names, in a parameter marked Path, a
// local program or file for libvirt to run or read, unless the policy
// allows op the file effect: an --allow rule naming file or op.
func (p *Policy) checkPathArgs(op *Op, args []Value) error {
	for i, prm := range op.Params {
		if !prm.Path || i >= len(args) {
			continue
		}
		if v, ok := args[i].(string); !ok || v == "" {
			continue
		}
		if err := p.check(&Op{Class: op.Class, Name: op.Name, Effect: File}); err != nil {
			pe := err.(*PolicyError)
			pe.Reason = fmt.Sprintf("its parameter %s names a local program for libvirt to run, which needs the file effect: %s", prm.Name, pe.Reason)
			return pe
		}
	}
	return nil
}
