package pystdlib

import (
	"math/big"
	"strconv"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
)

// Namespace is argparse.Namespace: what parse_args returns, its
// attributes the parsed arguments, in the order they were set.
type Namespace struct {
	dict         *starlark.Dict
	unrecognized []string // a subcommand's unknown arguments
	values       bool     // optparse's Values, which prints as its dict
}

var (
	_ starlark.HasSetField = (*Namespace)(nil)
	_ starlark.HasBinary   = (*Namespace)(nil)
	_ starlark.Comparable  = (*Namespace)(nil)
	_ budget.Holder        = (*Namespace)(nil)
)

// NewNamespace returns an empty Namespace.
func NewNamespace() *Namespace { return &Namespace{dict: starlark.NewDict(8)} }

// Vars is vars(ns): the namespace's own dictionary, which changes with it.
func (ns *Namespace) Vars() *starlark.Dict { return ns.dict }

func (ns *Namespace) has(k string) bool { _, ok := ns.get(k); return ok }

func (ns *Namespace) get(k string) (starlark.Value, bool) {
	v, found, _ := ns.dict.Get(starlark.String(k))
	return v, found
}

func (ns *Namespace) set(k string, v starlark.Value) { ns.dict.SetKey(starlark.String(k), v) }

// String is Python's repr: Namespace(a=1, b='x').
func (ns *Namespace) String() string {
	if ns.values {
		return Repr(ns.dict)
	}
	var b strings.Builder
	b.WriteString("Namespace(")
	var star []string
	first := true
	for _, kv := range ns.dict.Items() {
		k := string(kv[0].(starlark.String))
		if !isIdentifier(k) {
			star = append(star, ReprString(k)+": "+Repr(kv[1]))
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		b.WriteString(k + "=" + Repr(kv[1]))
	}
	if len(star) > 0 {
		if !first {
			b.WriteString(", ")
		}
		b.WriteString("**{" + strings.Join(star, ", ") + "}")
	}
	b.WriteString(")")
	return b.String()
}

// PyRepr is the same as String.
func (ns *Namespace) PyRepr() string { return ns.String() }

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || isLetterRune(r) || (i > 0 && isWordRune(r))) {
			return false
		}
	}
	return true
}

func (ns *Namespace) Type() string {
	if ns.values {
		return "Values"
	}
	return "Namespace"
}
func (ns *Namespace) Freeze()               { ns.dict.Freeze() }
func (ns *Namespace) Truth() starlark.Bool  { return true }
func (ns *Namespace) Hash() (uint32, error) { return 0, typeError("unhashable type: 'Namespace'") }

// Attr returns the argument named name; nil when there is none, which the
// interpreter reports as a missing attribute.
func (ns *Namespace) Attr(name string) (starlark.Value, error) {
	v, _ := ns.get(name)
	return v, nil
}

// AttrNames lists the arguments.
func (ns *Namespace) AttrNames() []string {
	var out []string
	for _, k := range ns.dict.Keys() {
		out = append(out, string(k.(starlark.String)))
	}
	return out
}

// SetField sets an argument, as args.x = v does.
func (ns *Namespace) SetField(name string, v starlark.Value) error {
	return ns.dict.SetKey(starlark.String(name), v)
}

// Binary gives "name" in ns.
func (ns *Namespace) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if op == syntax.IN && side == starlark.Right {
		_, found, err := ns.dict.Get(y)
		return starlark.Bool(found), err
	}
	return nil, nil
}

// CompareSameType compares two namespaces by their arguments.
func (ns *Namespace) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	o := y.(*Namespace)
	switch op {
	case syntax.EQL, syntax.NEQ:
		eq, err := starlark.EqualDepth(ns.dict, o.dict, depth)
		return eq == (op == syntax.EQL), err
	}
	return false, typeError("'%s' not supported between instances of 'Namespace' and 'Namespace'", op)
}

// EachHeld visits the arguments' values, for the run's memory account.
func (ns *Namespace) EachHeld(visit func(starlark.Value)) { visit(ns.dict) }

// newKeyError is Python's KeyError for a key shown as shown.
func newKeyError(shown string) error { return pyerr.New("KeyError", "%s", shown) }

// pySpace reports the whitespace Python's int() and float() trim.
func pySpace(r rune) bool { return isSpaceRune(r) }

// parseInt is Python's int(s): base 10, blanks around it, a sign, digits
// that underscores may separate.
func parseInt(s string) (starlark.Value, error) {
	t := strings.TrimFunc(s, pySpace)
	digits := strings.TrimLeft(t, "+-")
	if len(t)-len(digits) > 1 || digits == "" || digits[0] == '_' || digits[len(digits)-1] == '_' || strings.Contains(digits, "__") {
		return nil, valueError("invalid literal for int() with base 10: %s", ReprString(s))
	}
	clean := strings.ReplaceAll(digits, "_", "")
	for _, c := range clean {
		if c < '0' || c > '9' {
			return nil, valueError("invalid literal for int() with base 10: %s", ReprString(s))
		}
	}
	if len(clean) > 4300 {
		return nil, valueError("Exceeds the limit (4300 digits) for integer string conversion: value has %d digits", len(clean))
	}
	n, ok := new(big.Int).SetString(clean, 10)
	if !ok {
		return nil, valueError("invalid literal for int() with base 10: %s", ReprString(s))
	}
	if strings.HasPrefix(t, "-") {
		n.Neg(n)
	}
	return starlark.MakeBigInt(n), nil
}

// parseFloat is Python's float(s).
func parseFloat(s string) (starlark.Value, error) {
	t := strings.TrimFunc(s, pySpace)
	low := strings.ToLower(strings.TrimLeft(t, "+-"))
	bad := t == "" || strings.HasPrefix(low, "0x") || strings.Contains(t, "__") || strings.HasPrefix(low, "_") || strings.HasSuffix(low, "_")
	switch low {
	case "inf", "infinity", "nan":
	default:
		if strings.ContainsAny(low, "in") {
			bad = true
		}
	}
	if !bad {
		if f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64); err == nil || isRangeErr(err) {
			return starlark.Float(f), nil
		}
	}
	return nil, valueError("could not convert string to float: %s", ReprString(s))
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}
