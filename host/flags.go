package host

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// constantValues maps each integer VIR_* constant to its value.
var constantValues = sync.OnceValue(func() map[string]int64 {
	m := make(map[string]int64, len(Constants))
	for _, c := range Constants {
		if v, ok := c.Value.(int64); ok {
			m[c.Name] = v
		}
	}
	return m
})

// FlagNames spells v, the flags argument of the libvirt function cname,
// with the names of its flags, as a script would write it:
// "VIR_DOMAIN_UNDEFINE_MANAGED_SAVE|VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA".
// Bits no name covers are added in hex; 0, and a function whose flags
// libvirt does not document, give the number.
func FlagNames(cname string, v int64) string {
	family := flagFamilies[cname]
	if v <= 0 || len(family) == 0 {
		return fmt.Sprint(v)
	}
	values := constantValues()
	// The largest names first, so that a name for several bits wins over
	// its parts.
	names := append([]string{}, family...)
	sort.SliceStable(names, func(i, j int) bool { return values[names[i]] > values[names[j]] })
	var parts []string
	rest := v
	for _, n := range names {
		if f := values[n]; f > 0 && rest&f == f {
			parts = append(parts, n)
			rest &^= f
		}
	}
	sort.SliceStable(parts, func(i, j int) bool { return values[parts[i]] < values[parts[j]] })
	if rest != 0 {
		parts = append(parts, fmt.Sprintf("%#x", rest))
	}
	return strings.Join(parts, "|")
}

// planArg formats the argument i of a call to op for a plan: its flags by
// name, anything else as Repr does, shortened.
func planArg(op *Op, i int, v Value) string {
	if op != nil && i < len(op.Params) && op.Params[i].Name == "flags" {
		if n, ok := v.(int64); ok {
			return FlagNames(op.CName, n)
		}
	}
	return shorten(Repr(v), 60)
}
