package host

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Class names: the receivers of operations, as libvirt-python names them.
// ClassModule is the module itself (libvirt.open, ...).
const (
	ClassModule          = "libvirt"
	ClassConnect         = "virConnect"
	ClassDomain          = "virDomain"
	ClassNetwork         = "virNetwork"
	ClassNetworkPort     = "virNetworkPort"
	ClassStoragePool     = "virStoragePool"
	ClassStorageVol      = "virStorageVol"
	ClassSnapshot        = "virDomainSnapshot"
	ClassCheckpoint      = "virDomainCheckpoint"
	ClassInterface       = "virInterface"
	ClassNodeDevice      = "virNodeDevice"
	ClassSecret          = "virSecret"
	ClassNWFilter        = "virNWFilter"
	ClassNWFilterBinding = "virNWFilterBinding"
	ClassStream          = "virStream"
)

// Effect says what an operation does to the system; the policy layer
// allows or refuses operations by effect.
type Effect int

const (
	Read    Effect = iota // observes state only
	Mutate                // changes state, recoverably (suspend, define, ...)
	Destroy               // stops or removes something (destroy, undefine, ...)
	// File reads or writes a local path as the user running vertscript
	// (save, restore, coreDump, ...): refused unless an --allow rule names
	// it.
	File
	// Privileged observes, but libvirt refuses it on a read-only
	// connection: it runs a program (an emulator probed for its
	// capabilities), reaches other hosts (pool source discovery), or reads
	// what the guest holds (its memory, disks, screen, agent). Not a
	// read: --read-only and --allow read refuse it, and a dry run records
	// it instead of making it.
	Privileged
)

func (e Effect) String() string {
	switch e {
	case Read:
		return "read"
	case Mutate:
		return "mutate"
	case Destroy:
		return "destroy"
	case File:
		return "file"
	case Privileged:
		return "privileged"
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
	TUint64                   // an int from 0 to 2^63-1 (sizes, bandwidths); a bool counts as 0 or 1
	TFloat                    // a float, or an int
	TBytes                    // bytes, or a string (its bytes)
	TList                     // a list or tuple, of any values: the operation checks them
	TListOrNone               // a list, a tuple or None
	TDict                     // a dict with string keys (libvirt's typed parameters)
	TDictOrNone               // a dict or None
	TObject                   // a libvirt object of the class Param.Class
	TObjectOrNone             // such an object or None
	TCallable                 // a script function (an event callback)
	TAny                      // any value, passed back to the script unchanged (an opaque)
	TIntDict                  // a dict with int keys (virConnect.allocPages' pages); an empty dict or list counts
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
	case TUint64:
		return "int from 0 to 9223372036854775807"
	case TFloat:
		return "float"
	case TBytes:
		return "bytes"
	case TList:
		return "list"
	case TListOrNone:
		return "list or None"
	case TDict:
		return "dict"
	case TDictOrNone:
		return "dict or None"
	case TObject:
		return "object"
	case TObjectOrNone:
		return "object or None"
	case TCallable:
		return "function"
	case TAny:
		return "any value"
	case TIntDict:
		return "dict with int keys"
	}
	return fmt.Sprintf("Type(%d)", int(t))
}

// want is what an argument error says a parameter of type t wants; class
// is an object parameter's class.
func (t Type) want(class string) Want {
	switch t {
	case TInt:
		return wantKinds(KindInt)
	case TBool:
		return wantKinds(KindBool)
	case TString:
		return wantKinds(KindString)
	case TStringOrNone:
		return wantKinds(KindString, KindNone)
	case TUint:
		return wantRange(0, 1<<32-1)
	case TUint64:
		return wantRange(0, math.MaxInt64)
	case TFloat:
		return wantKinds(KindFloat)
	case TBytes:
		return wantKinds(KindBytes)
	case TList:
		return wantKinds(KindList)
	case TListOrNone:
		return wantKinds(KindList, KindNone)
	case TDict:
		return wantKinds(KindDict)
	case TDictOrNone:
		return wantKinds(KindDict, KindNone)
	case TObject:
		return Want{Kinds: []Kind{KindObject}, Class: class}
	case TObjectOrNone:
		return Want{Kinds: []Kind{KindObject, KindNone}, Class: class}
	case TCallable:
		return wantKinds(KindFunction)
	case TIntDict:
		return Want{Kinds: []Kind{KindDict}, IntKeys: true}
	}
	return Want{}
}

// Param is one parameter of an operation.
type Param struct {
	Name     string
	Type     Type
	Optional bool
	Default  Value  // the value used when an optional argument is omitted
	Secret   bool   // never written to the audit log or the plan
	Class    string // the class a TObject or TObjectOrNone parameter wants
	// Flags names the flags family of an int parameter that takes a
	// bitwise OR of VIR_* constants: the prefix its constants' names
	// share, e.g. "VIR_DOMAIN_UNDEFINE_". Plans and audit records spell
	// the argument by name with it (FlagNames).
	Flags string
	// Path marks a parameter that names a local program or file libvirt
	// runs or reads when it is given (an emulator to probe): the call
	// then needs what the file effect needs (see Policy.checkPathArgs).
	Path bool
}

// path marks p as naming a local program or file that libvirt runs or reads.
func path(p Param) Param { p.Path = true; return p }

// req declares a required parameter, opt an optional one with its default.
func req(name string, t Type) Param { return Param{Name: name, Type: t} }
func opt(name string, t Type, def Value) Param {
	return Param{Name: name, Type: t, Optional: true, Default: def}
}

// obj declares a required parameter that is a libvirt object of class.
func obj(name, class string) Param { return Param{Name: name, Type: TObject, Class: class} }

// flags is the optional flags=0 parameter most operations end with.
func flags() Param { return opt("flags", TUint, int64(0)) }

// Op is one entry of the operation table: a function of the libvirt module or
// a method of a libvirt class, as scripts call it. The table drives both
// language adapters, `vertscript doc` and the policy checks.
type Op struct {
	Class string // ClassModule, ClassConnect, ClassDomain, ...
	Name  string // libvirt-python's name, e.g. "lookupByName"
	// CName is the libvirt C function it calls, e.g.
	// "virDomainLookupByName"; or, for an operation that libvirt has no
	// function for and that libvirt-python answers itself (virNWFilter's
	// connect), its qualified name, "virNWFilter.connect".
	CName  string
	Params []Param // in libvirt-python's order
	Result string  // the result's shape, for the docs: "int", "list of int", "virDomain"
	Effect Effect
	Doc    string // one line
	// Extension marks vertscript's own additions (libvirt.run_events, ...),
	// which libvirt-python does not have.
	Extension bool
	// goFunc marks a Go function of a Module.
	goFunc bool
	// waits marks the wait helpers, which run script callbacks: they are
	// not one call into libvirt for the call timeout.
	waits bool

	fn func(c *Call) (Value, error)
	// planned is the result of a dry run of the operation when it is not
	// 0: the object the call would have returned.
	planned func(c *Call) (Value, error)
	// inPlan answers the operation for an object that exists only in a
	// dry run's plan, when the plan knows the answer (its name, say).
	inPlan func(o *Object) Value
	// changesState marks the virDomain operations that change the
	// domain's state (stateChangingOps).
	changesState bool
	// secretResult marks a result that is a secret (virSecret.value):
	// never written to the audit log.
	secretResult bool

	// Set when the table is made (see table): the operation's index in
	// it, from 1 (0 for a Module's Go function), its qualified name, and
	// whether a parameter is a Path.
	index   int
	qual    string
	hasPath bool
	// simple marks an operation whose implementation keeps nothing of
	// its Call once it returns (see simpleOps): the session reuses the
	// Call.
	simple bool
}

// module reports whether op is a module function (libvirt.open, or a Go
// function a program gave scripts), which has no receiver.
func (op *Op) module() bool { return op.Class == ClassModule || op.goFunc }

// moduleName is the receiver that plans and audit records show for a
// call with none: the module's name.
func (op *Op) moduleName() string {
	if op.goFunc {
		return op.Class
	}
	return ClassModule
}

// QualName is the operation's qualified name, e.g. "virDomain.suspend" or
// "libvirt.open": the prefix of its error messages.
func (op *Op) QualName() string {
	if op.qual != "" {
		return op.qual
	}
	return op.Class + "." + op.Name
}

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
	return op.bindInto(nil, args, kwargs)
}

// bindInto is bind into buf when it is large enough.
func (op *Op) bindInto(buf []Value, args []Value, kwargs []Kwarg) ([]Value, error) {
	if len(args) > len(op.Params) {
		return nil, &ArgError{Op: op.QualName(), Problem: ArgCount, Count: len(args), Max: len(op.Params)}
	}
	var out []Value
	if len(op.Params) <= len(buf) {
		out = buf[:len(op.Params)]
	} else if len(op.Params) > 0 {
		out = make([]Value, len(op.Params))
	}
	var set uint64 // bit i: parameter i has a value (see maxParams)
	for i, a := range args {
		out[i] = a
		set |= 1 << i
	}
	for _, kw := range kwargs {
		i := op.param(kw.Name)
		if i < 0 {
			return nil, &ArgError{Op: op.QualName(), Problem: ArgKeyword, Name: kw.Name}
		}
		if set&(1<<i) != 0 {
			return nil, &ArgError{Op: op.QualName(), Problem: ArgDuplicate, Name: kw.Name}
		}
		out[i] = kw.Value
		set |= 1 << i
	}
	for i, p := range op.Params {
		if set&(1<<i) == 0 {
			if !p.Optional {
				return nil, &ArgError{Op: op.QualName(), Problem: ArgMissing, Name: p.Name}
			}
			out[i] = p.Default
			continue
		}
		if p.Type != TAny {
			out[i] = view(out[i])
		}
		v, ok := convert(out[i], p.Type)
		if !ok || (p.Type == TObject || p.Type == TObjectOrNone) && v != nil && v.(*Object).class != p.Class {
			return nil, wrongType(op.QualName(), forParam(p.Name), out[i], p.Type.want(p.Class))
		}
		if where, ok := nulAt(v); ok {
			// C would see only the part before the NUL byte.
			return nil, invalidArg(op.QualName(), forParam(joinWhere(p.Name, where)), "embedded null character (a NUL byte) in the string")
		}
		out[i] = v
	}
	return out, nil
}

// maxParams is the most parameters an operation may have: bind marks
// those given in a 64-bit word.
const maxParams = 64

// given matches positional and keyword arguments to op's parameters as
// bind does, without converting them: the arguments as the script gave
// them, defaults filled in, for plans and audit records (setAutostart(1)
// stays 1, not True). The arguments are known to bind.
func (op *Op) given(args []Value, kwargs []Kwarg) []Value {
	out := make([]Value, len(op.Params))
	set := make([]bool, len(op.Params))
	for i, a := range args {
		out[i], set[i] = view(a), true
	}
	for _, kw := range kwargs {
		if i := op.param(kw.Name); i >= 0 {
			out[i], set[i] = view(kw.Value), true
		}
	}
	for i, p := range op.Params {
		if !set[i] {
			out[i] = p.Default
		}
	}
	return out
}

// nulAt returns where v, or a string inside v's lists, tuples and dicts
// (typed parameters), holds a NUL byte, which C would take for the
// string's end: "" for v itself, `key "dname"`, `element 2`, a dict key
// itself by the key; ok is false when there is none. Bytes may hold NUL
// bytes: they cross to C with their length.
func nulAt(v Value) (at string, ok bool) {
	switch v := v.(type) {
	case nil, bool, int64, float64, Bytes, *Object:
		return "", false
	case string:
		return "", strings.IndexByte(v, 0) >= 0
	}
	var found []pathStep
	errNUL := fmt.Errorf("NUL")
	w := walker{
		leaf: func(path []pathStep, v Value) (Value, error) {
			if s, isStr := v.(string); isStr && strings.IndexByte(s, 0) >= 0 {
				found = append([]pathStep(nil), path...)
				return nil, errNUL
			}
			return v, nil
		},
		key: func(path []pathStep, k string) error {
			if strings.IndexByte(k, 0) >= 0 {
				found = append([]pathStep(nil), path...)
				return errNUL
			}
			return nil
		},
	}
	if _, err := w.walk(nil, v); err == nil {
		return "", false
	}
	return where(found), true
}

func joinWhere(outer, inner string) string {
	if inner == "" {
		return outer
	}
	return outer + ": " + inner
}

// PassesThrough reports whether an argument, the i-th positional one or
// the keyword argument name (when name is not ""), is an opaque: the core
// passes it back to the script untouched, and the adapter gives it as a
// ScriptValue holding the script's own value.
func (op *Op) PassesThrough(i int, name string) bool {
	if name != "" {
		i = op.param(name)
	}
	return i >= 0 && i < len(op.Params) && op.Params[i].Type == TAny
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
	case TUint64:
		n, ok := convert(v, TInt)
		if ok && n.(int64) >= 0 {
			return n, true
		}
	case TFloat:
		switch v := v.(type) {
		case float64:
			return v, true
		case int64:
			return float64(v), true
		}
	case TBytes:
		switch v := v.(type) {
		case Bytes:
			return v, true
		case string:
			return Bytes(v), true
		}
	case TList:
		switch v := v.(type) {
		case []Value:
			return v, true
		case Tuple:
			return []Value(v), true
		case Ints:
			return v.Values(), true
		}
	case TListOrNone:
		if v == nil {
			return nil, true
		}
		return convert(v, TList)
	case TDict:
		if m, ok := v.(*Map); ok {
			return m, true
		}
		if l, ok := v.([]Value); ok && len(l) == 0 {
			return NewMap(), true // Lua's {}: an empty table arrives as a list
		}
	case TDictOrNone:
		if v == nil {
			return nil, true
		}
		return convert(v, TDict)
	case TObject:
		if o, ok := v.(*Object); ok {
			return o, true
		}
	case TObjectOrNone:
		if v == nil {
			return nil, true
		}
		return convert(v, TObject)
	case TCallable:
		if f, ok := v.(Callable); ok {
			return f, true
		}
	case TAny:
		return v, true
	case TIntDict:
		switch v := v.(type) {
		case *IntMap:
			return v, true
		case *Map:
			if v.Len() == 0 {
				return NewIntMap(), true
			}
		case []Value:
			if len(v) == 0 {
				return NewIntMap(), true
			}
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

// simpleOps are the operations a script makes in its loops, the hot path,
// whose implementations keep nothing of their Call once they return: no
// callback, no closure over it, no slice of its arguments. The session
// reuses their Call (see Session.Call). An operation belongs here only
// when that was checked.
var simpleOps = map[string]bool{
	"virConnect.lookupByID": true, "virConnect.lookupByName": true, "virConnect.lookupByUUIDString": true,
	"virConnect.listDomainsID": true, "virConnect.numOfDomains": true, "virConnect.numOfDefinedDomains": true,
	"virConnect.listDefinedDomains": true,
	"virDomain.name":                true, "virDomain.ID": true, "virDomain.UUIDString": true, "virDomain.info": true,
	"virDomain.state": true, "virDomain.isActive": true, "virDomain.isPersistent": true, "virDomain.maxMemory": true,
}

// The operation table, indexed by class and name; tableOps holds the same
// operations by index (see Op.index), from 1.
var table, tableOps = func() (map[string]map[string]*Op, []*Op) {
	t := map[string]map[string]*Op{}
	all := []*Op{nil}
	for _, group := range [][]*Op{moduleOps, connectOps, domainOps,
		domainStatsOps, domainControlOps, hostOps, networkStorageOps, objectOps, streamOps, eventOps, errorOps} {
		for _, op := range group {
			if t[op.Class] == nil {
				t[op.Class] = map[string]*Op{}
			}
			if t[op.Class][op.Name] != nil {
				panic("duplicate operation " + op.QualName())
			}
			t[op.Class][op.Name] = op
			if len(op.Params) > maxParams {
				panic("too many parameters: " + op.QualName())
			}
			op.index, op.qual = len(all), op.Class+"."+op.Name
			op.simple = simpleOps[op.qual]
			for _, p := range op.Params {
				op.hasPath = op.hasPath || p.Path
			}
			all = append(all, op)
		}
	}
	return t, all
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
