package host

import (
	"fmt"
	"strconv"
	"strings"
)

// maxCPUList bounds the CPU numbers a script's CPU list may name, so that
// "0-999999999" cannot make the core allocate a billion entries; libvirt's
// own bounds are far lower (4096 vCPUs for QEMU).
const maxCPUList = 1 << 16

// cpumapArg converts a script's CPU map, libvirt-python's tuple of bools
// (a list is accepted too, and ints count as bools), for parameter what.
func cpumapArg(op *Op, what string, l []Value) ([]bool, error) {
	out := make([]bool, len(l))
	for i, v := range l {
		b, ok := convert(v, TBool)
		if !ok {
			return nil, wrongItem(op.QualName(), forParam(what), i, v, wantKinds(KindBool))
		}
		out[i] = b.(bool)
	}
	return out, nil
}

// boolTuple is a CPU map as libvirt-python returns it: a tuple of bools.
func boolTuple(m []bool) Tuple {
	out := make(Tuple, len(m))
	for i, b := range m {
		out[i] = b
	}
	return out
}

// boolList is a CPU map as a list of bools (virDomain.ioThreadInfo).
func boolList(m []bool) []Value {
	return []Value(boolTuple(m))
}

// parseCPUList parses libvirt's CPU list syntax, as virBitmapParse does:
// comma-separated CPU numbers ("3"), ranges ("0-3") and exclusions ("^2"),
// applied in order, with spaces allowed around each item. The result has
// an entry up to the highest CPU named.
func parseCPUList(s string) ([]bool, error) {
	bad := func(why string) error { return fmt.Errorf("invalid CPU list %q: %s", s, why) }
	var set []bool
	mark := func(from, to int, v bool) {
		if to >= len(set) {
			set = append(set, make([]bool, to+1-len(set))...)
		}
		for i := from; i <= to; i++ {
			set[i] = v
		}
	}
	cur := skipSpaces(s)
	if cur == "" {
		return nil, bad("it names no CPU")
	}
	for {
		neg := false
		if cur[0] == '^' {
			neg, cur = true, cur[1:]
		}
		start, rest, err := cpuNumber(cur)
		if err != nil {
			return nil, bad(err.Error())
		}
		cur = skipSpaces(rest)
		switch {
		case cur == "" || cur[0] == ',':
			mark(start, start, !neg)
		case cur[0] == '-':
			if neg {
				return nil, bad("an exclusion (^) cannot be a range")
			}
			last, rest, err := cpuNumber(skipSpaces(cur[1:]))
			if err != nil {
				return nil, bad(err.Error())
			}
			if last < start {
				return nil, bad(fmt.Sprintf("range %d-%d ends before it starts", start, last))
			}
			mark(start, last, true)
			cur = skipSpaces(rest)
		default:
			return nil, bad(fmt.Sprintf("unexpected %q", cur[0]))
		}
		switch {
		case cur == "":
			return set, nil
		case cur[0] == ',':
			if cur = skipSpaces(cur[1:]); cur == "" {
				return set, nil // a trailing comma, as virBitmapParse allows
			}
		default:
			return nil, bad(fmt.Sprintf("unexpected %q", cur[0]))
		}
	}
}

// cpuNumber reads the CPU number s starts with.
func cpuNumber(s string) (int, string, error) {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, s, fmt.Errorf("want a CPU number")
	}
	v, err := strconv.Atoi(s[:n])
	if err != nil || v >= maxCPUList {
		return 0, s, fmt.Errorf("CPU %s is past the %d CPUs a list may name", s[:n], maxCPUList)
	}
	return v, s[n:], nil
}

func skipSpaces(s string) string { return strings.TrimLeft(s, " \t\n\v\f\r") }

// formatCPUList formats a CPU map as libvirt's virBitmapFormat does: runs
// of two or more CPUs as ranges ("0-3,5"), "" for none.
func formatCPUList(m []bool) string {
	var parts []string
	for i := 0; i < len(m); i++ {
		if !m[i] {
			continue
		}
		j := i
		for j+1 < len(m) && m[j+1] {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", i, j))
		} else {
			parts = append(parts, strconv.Itoa(i))
		}
		i = j
	}
	return strings.Join(parts, ",")
}

// ParseCPUList reads a CPU list ("0-3,^2") as virBitmapParse does, for a
// backend whose library takes the list as a map; the core has checked the
// lists it passes.
func ParseCPUList(s string) ([]bool, error) { return parseCPUList(s) }

// FormatCPUList writes the CPUs set in m as virBitmapFormat does ("0-3,5"),
// for a backend whose library returns a list as a map.
func FormatCPUList(m []bool) string { return formatCPUList(m) }
