package host

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// flagsOf is the optional flags=0 parameter of an operation whose flags
// are the VIR_* constants named with prefix (see Param.Flags).
func flagsOf(prefix string) Param {
	p := flags()
	p.Flags = prefix
	return p
}

// flagFamilies caches, per prefix, the family's nonzero integer constants,
// largest value first.
var flagFamilies sync.Map // string -> []Constant

func flagFamily(prefix string) []Constant {
	if f, ok := flagFamilies.Load(prefix); ok {
		return f.([]Constant)
	}
	var f []Constant
	for _, c := range Constants {
		if v, ok := c.Value.(int64); ok && v > 0 && strings.HasPrefix(c.Name, prefix) {
			f = append(f, c)
		}
	}
	sort.SliceStable(f, func(i, j int) bool { return f[i].Value.(int64) > f[j].Value.(int64) })
	flagFamilies.Store(prefix, f)
	return f
}

// FlagNames spells v, a value of the flags family whose constants are
// named with prefix, by name: "VIR_DOMAIN_UNDEFINE_MANAGED_SAVE|
// VIR_DOMAIN_UNDEFINE_NVRAM", the bits no constant names in hex
// ("VIR_DOMAIN_UNDEFINE_NVRAM|0x100"), 0 as "0". Constants that cover
// more bits are preferred to those covering fewer; the names are listed
// by increasing value.
func FlagNames(prefix string, v int64) string {
	if v == 0 {
		return "0"
	}
	if v < 0 {
		return fmt.Sprint(v)
	}
	rest := v
	var names []Constant
	for _, c := range flagFamily(prefix) {
		cv := c.Value.(int64)
		if cv&rest == cv {
			names = append(names, c)
			rest &^= cv
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return names[i].Value.(int64) < names[j].Value.(int64) })
	parts := make([]string, 0, len(names)+1)
	for _, c := range names {
		parts = append(parts, c.Name)
	}
	if rest != 0 {
		parts = append(parts, fmt.Sprintf("%#x", rest))
	}
	return strings.Join(parts, "|")
}

// flagNamesOf returns, for each of args (an operation's arguments in
// parameter order), the flags argument spelt by name (FlagNames) where
// its parameter names a flags family and it is an int, else "". It is nil
// when op has no flags argument to spell.
func flagNamesOf(op *Op, args []Value) []string {
	var out []string
	for i, a := range args {
		if i >= len(op.Params) || op.Params[i].Flags == "" {
			continue
		}
		v, ok := a.(int64)
		if !ok {
			continue
		}
		if out == nil {
			out = make([]string, len(args))
		}
		out[i] = FlagNames(op.Params[i].Flags, v)
	}
	return out
}

// FlagsByParam maps each flags argument's parameter name to the argument
// spelt by name, from names as in PlanEntry.Flags: for JSON, beside the
// arguments' numbers.
func FlagsByParam(params []Param, names []string) map[string]string {
	var m map[string]string
	for i, n := range names {
		if n == "" || i >= len(params) {
			continue
		}
		if m == nil {
			m = map[string]string{}
		}
		m[params[i].Name] = n
	}
	return m
}
