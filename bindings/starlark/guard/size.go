package guard

import (
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pybuiltin"
	"github.com/vertscript/vertscript/host"
)

// The estimates here are upper bounds of the bytes an operation allocates,
// cheap to compute, and saturated at host.MaxEstimate so that sums cannot
// overflow. A measure that stops once past its limit says host.MaxEstimate.
// Bytes per element of the values an operation makes: a list or tuple
// slot (an interface), and what an element made on the fly (a string
// piece, a tuple, a hash table entry) adds to it.
const (
	slotBytes  = budget.SlotBytes
	boxBytes   = budget.BoxBytes
	tupleBytes = budget.TupleBytes
	entryBytes = budget.EntryBytes
)

// add and mul are host's saturating arithmetic, under the short names the
// adapter's many estimates use.
func add(a, b uint64) uint64 { return host.SatAdd(a, b) }

func mul(a, b uint64) uint64 { return host.SatMul(a, b) }

// interpolationSize bounds the length of format % x.
func interpolationSize(format string, x starlark.Value, t *pybuiltin.Measure) uint64 {
	limit := t.Limit
	size := uint64(len(format))
	args, _ := x.(starlark.Tuple)
	if _, ok := x.(starlark.Tuple); !ok {
		args = starlark.Tuple{x}
	}
	next := 0
	for size <= limit {
		i := strings.IndexByte(format, '%')
		if i < 0 || i+1 >= len(format) {
			break
		}
		format = format[i+1:]
		var arg starlark.Value
		if format[0] == '(' {
			j := strings.IndexByte(format, ')')
			if j < 0 {
				break
			}
			if m, ok := x.(starlark.Mapping); ok {
				arg, _, _ = m.Get(starlark.String(format[1:j]))
			}
			format = format[j+1:]
		} else if format[0] != '%' && next < len(args) {
			arg = args[next]
			next++
		}
		if format == "" {
			break
		}
		conv := format[0]
		format = format[1:]
		if arg == nil {
			continue
		}
		switch conv {
		case 's':
			size = add(size, t.Size(arg, false))
		case 'r':
			size = add(size, t.Size(arg, true))
		case 'd', 'i', 'o', 'x', 'X':
			size = add(size, mul(t.Size(arg, false), 4)) // octal, hex: more digits than decimal
		default: // e f g E F G: %f of 1e308 has 316 characters; c
			size = add(size, 320)
		}
	}
	if size > limit {
		return host.MaxEstimate // measured no further
	}
	return size
}

// formatSize bounds the length of format.format(*args, **kwargs): each
// replacement field {name!conv} prints one argument.
func formatSize(format string, args starlark.Tuple, kwargs []starlark.Tuple, t *pybuiltin.Measure) uint64 {
	limit := t.Limit
	size := uint64(len(format))
	auto := 0
	for size <= limit {
		i := strings.IndexByte(format, '{')
		if i < 0 {
			break
		}
		format = format[i+1:]
		if strings.HasPrefix(format, "{") {
			format = format[1:]
			continue
		}
		j := strings.IndexByte(format, '}')
		if j < 0 {
			break
		}
		field := format[:j]
		format = format[j+1:]
		name, conv, _ := strings.Cut(field, "!")
		var arg starlark.Value
		switch {
		case name == "":
			if auto < len(args) {
				arg = args[auto]
			}
			auto++
		case name[0] >= '0' && name[0] <= '9':
			if k := atoi(name); k >= 0 && k < len(args) {
				arg = args[k]
			}
		default:
			for _, kv := range kwargs {
				if string(kv[0].(starlark.String)) == name {
					arg = kv[1]
				}
			}
		}
		if arg != nil {
			size = add(size, t.Size(arg, conv == "r"))
		}
	}
	if size > limit {
		return host.MaxEstimate // measured no further
	}
	return size
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > 1<<20 {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// replaceSize is the length of s.replace(old, new, count).
func replaceSize(s, old, new string, count int) uint64 {
	n := strings.Count(s, old)
	if old == "" {
		n = utf8.RuneCountInString(s) + 1
	}
	if count >= 0 {
		n = min(n, count)
	}
	if len(new) <= len(old) {
		return uint64(len(s))
	}
	return add(uint64(len(s)), mul(uint64(n), uint64(len(new)-len(old))))
}

// splitPieces bounds the number of pieces s.split(sep, maxsplit) makes (sep
// "" for None: runs of white space).
func splitPieces(s, sep string, maxsplit int) uint64 {
	var n int
	if sep == "" {
		n = len(s)/2 + 1
	} else {
		n = strings.Count(s, sep) + 1
	}
	if maxsplit >= 0 {
		n = min(n, maxsplit+1)
	}
	return uint64(n)
}
