package host

import (
	"fmt"
	"sort"
	"strings"
)

// Class names: the receivers of operations, as libvirt-python names them.
// ClassModule is the module itself (libvirt.open, ...).
const (
	ClassModule  = "libvirt"
	ClassConnect = "virConnect"
	ClassDomain  = "virDomain"
)

// Effect says what an operation does to the system; the policy layer
// allows or refuses operations by effect.
type Effect int

const (
	Read    Effect = iota // observes state only
	Mutate                // changes state, recoverably (suspend, define, ...)
	Destroy               // stops or removes something (destroy, undefine, ...)
)

func (e Effect) String() string {
	switch e {
	case Read:
		return "read"
	case Mutate:
		return "mutate"
	case Destroy:
		return "destroy"
	}
	return fmt.Sprintf("Effect(%d)", int(e))
}

// Type is the type of a parameter.
type Type int

const (
	TInt          Type = iota // an int; a bool counts as 0 or 1, as in Python
	TBool                     // a bool, or an int (nonzero is true)
	TString                   // a string
	TStringOrNone             // a string or None
	TUint                     // an int from 0 to 2^32-1 (flags); a bool counts as 0 or 1
)

func (t Type) String() string {
	switch t {
	case TInt:
		return "int"
	case TBool:
		return "bool"
	case TString:
		return "string"
	case TStringOrNone:
		return "string or None"
	case TUint:
		return "int from 0 to 4294967295"
	}
	return fmt.Sprintf("Type(%d)", int(t))
}

// Param is one parameter of an operation.
type Param struct {
	Name     string
	Type     Type
	Optional bool
	Default  Value // the value used when an optional argument is omitted
	Secret   bool  // never written to the audit log or the plan
}

// req declares a required parameter, opt an optional one with its default.
func req(name string, t Type) Param { return Param{Name: name, Type: t} }
func opt(name string, t Type, def Value) Param {
	return Param{Name: name, Type: t, Optional: true, Default: def}
}

// Op is one entry of the operation table: a function of the libvirt module or
// a method of a libvirt class, as scripts call it. The table drives both
// language adapters, `vertscript doc` and the policy checks.
type Op struct {
	Class  string  // ClassModule, ClassConnect, ClassDomain, ...
	Name   string  // libvirt-python's name, e.g. "lookupByName"
	CName  string  // the libvirt C function it calls, e.g. "virDomainLookupByName"
	Params []Param // in libvirt-python's order
	Result string  // the result's shape, for the docs: "int", "list of int", "virDomain"
	Effect Effect
	Doc    string // one line

	fn func(c *Call) (Value, error)
	// planned is the result of a dry run of the operation when it is not
	// 0: the object the call would have returned.
	planned func(c *Call) (Value, error)
	// inPlan answers the operation for an object that exists only in a
	// dry run's plan, when the plan knows the answer (its name, say).
	inPlan func(o *Object) Value
}

// QualName is the operation's qualified name, e.g. "virDomain.suspend" or
// "libvirt.open": the prefix of its error messages.
func (op *Op) QualName() string { return op.Class + "." + op.Name }

// Signature formats the operation as in the docs: open(name=None).
func (op *Op) Signature() string {
	var b strings.Builder
	b.WriteString(op.Name)
	b.WriteByte('(')
	for i, p := range op.Params {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p.Name)
		if p.Optional {
			b.WriteByte('=')
			b.WriteString(Repr(p.Default))
		}
	}
	b.WriteByte(')')
	return b.String()
}

// Kwarg is a keyword argument.
type Kwarg struct {
	Name  string
	Value Value
}

// bind matches positional and keyword arguments to op's parameters, checks
// their types and fills in defaults.
func (op *Op) bind(args []Value, kwargs []Kwarg) ([]Value, error) {
	if len(args) > len(op.Params) {
		return nil, argErrorf(op.QualName(), "got %d arguments, want at most %d", len(args), len(op.Params))
	}
	out := make([]Value, len(op.Params))
	set := make([]bool, len(op.Params))
	for i, a := range args {
		out[i], set[i] = a, true
	}
	for _, kw := range kwargs {
		i := op.param(kw.Name)
		if i < 0 {
			return nil, argErrorf(op.QualName(), "unexpected keyword argument %q", kw.Name)
		}
		if set[i] {
			return nil, argErrorf(op.QualName(), "got multiple values for parameter %s", kw.Name)
		}
		out[i], set[i] = kw.Value, true
	}
	for i, p := range op.Params {
		if !set[i] {
			if !p.Optional {
				return nil, argErrorf(op.QualName(), "missing argument for %s", p.Name)
			}
			out[i] = p.Default
			continue
		}
		v, ok := convert(out[i], p.Type)
		if !ok {
			return nil, argErrorf(op.QualName(), "for parameter %s: got %s, want %s", p.Name, TypeName(out[i]), p.Type)
		}
		out[i] = v
	}
	return out, nil
}

func (op *Op) param(name string) int {
	for i, p := range op.Params {
		if p.Name == name {
			return i
		}
	}
	return -1
}

// convert checks v against t and normalises it (bool to int for TInt, int
// to bool for TBool).
func convert(v Value, t Type) (Value, bool) {
	switch t {
	case TUint:
		n, ok := convert(v, TInt)
		if ok && n.(int64) >= 0 && n.(int64) <= 1<<32-1 {
			return n, true
		}
	case TInt:
		switch v := v.(type) {
		case int64:
			return v, true
		case bool:
			if v {
				return int64(1), true
			}
			return int64(0), true
		}
	case TBool:
		switch v := v.(type) {
		case bool:
			return v, true
		case int64:
			return v != 0, true
		}
	case TString:
		if s, ok := v.(string); ok {
			return s, true
		}
	case TStringOrNone:
		switch v.(type) {
		case string, nil:
			return v, true
		}
	}
	return nil, false
}

// inClass sets the class of ops, declared without it.
func inClass(class string, ops []*Op) []*Op {
	for _, op := range ops {
		op.Class = class
	}
	return ops
}

// The operation table, indexed by class and name.
var table = func() map[string]map[string]*Op {
	t := map[string]map[string]*Op{}
	for _, group := range [][]*Op{moduleOps, connectOps, domainOps} {
		for _, op := range group {
			if t[op.Class] == nil {
				t[op.Class] = map[string]*Op{}
			}
			if t[op.Class][op.Name] != nil {
				panic("duplicate operation " + op.QualName())
			}
			t[op.Class][op.Name] = op
		}
	}
	return t
}()

// Lookup returns the operation name of class, or nil.
func Lookup(class, name string) *Op { return table[class][name] }

// Methods returns the operations of class, sorted by name.
func Methods(class string) []*Op {
	ops := make([]*Op, 0, len(table[class]))
	for _, op := range table[class] {
		ops = append(ops, op)
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].Name < ops[j].Name })
	return ops
}

// Classes returns the classes of the table, the module first, then the
// libvirt classes sorted by name.
func Classes() []string {
	var cs []string
	for c := range table {
		if c != ClassModule {
			cs = append(cs, c)
		}
	}
	sort.Strings(cs)
	return append([]string{ClassModule}, cs...)
}
