package guard

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
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

// text estimates the length of str(v) (quote false) or repr(v) (quote
// true). Containers reached several times (a list repeated in a list)
// count each time, as they print each time, but are measured once; the
// walk stops when the estimate passes limit.
// key identifies a container: a tuple by its first element and length.
type key struct {
	p unsafe.Pointer
	n int
}

type text struct {
	limit uint64
	work  uint64         // steps of work to print the big integers met
	seen  map[key]uint64 // container -> its repr's length; 0: being measured
	// depth counts the containers being measured; deep is set when one
	// nests more than host.MaxNesting levels deep: the measure, and
	// Starlark's own printing, recurse.
	depth int
	deep  bool
}

// enter enters a container, unless it nests too deep (then deep is set).
func (t *text) enter() bool {
	if t.depth >= host.MaxNesting {
		t.deep = true
		return false
	}
	t.depth++
	return true
}

func (t *text) size(v starlark.Value, quote bool) uint64 {
	switch v := v.(type) {
	case starlark.String:
		if !quote {
			return uint64(len(v))
		}
		if len(v) < 1<<12 {
			return quotedLen(string(v))
		}
		// A long string met many times is measured once.
		id := key{unsafe.Pointer(unsafe.StringData(string(v))), len(v)}
		if n, ok := t.seen[id]; ok {
			return n
		}
		if t.seen == nil {
			t.seen = map[key]uint64{}
		}
		n := quotedLen(string(v))
		t.seen[id] = n
		return n
	case starlark.Bytes:
		return add(mul(4, uint64(len(v))), 3) // b"\xff..."
	case starlark.Int:
		if _, ok := v.Int64(); ok {
			return 20
		}
		// Formatting a big integer in decimal takes time in the square
		// of its size (Python refuses past 4300 digits).
		if w := words(v); w >= bigWords {
			t.work = add(t.work, mul(w, w))
		}
		return uint64(v.BigInt().BitLen())/3 + 2
	case starlark.Float:
		return 32
	case starlark.NoneType, starlark.Bool:
		return 5
	case *starlark.List:
		return t.container(key{unsafe.Pointer(v), 0}, v.Len(), v.Index)
	case starlark.Tuple:
		if len(v) == 0 {
			return 2
		}
		return t.container(key{unsafe.Pointer(&v[0]), len(v)}, len(v), func(i int) starlark.Value { return v[i] })
	case *starlark.Dict:
		return t.iterable(key{unsafe.Pointer(v), 0}, v, func(k starlark.Value) uint64 {
			x, _, _ := v.Get(k)
			return add(t.size(k, true), add(t.size(x, true), 4)) // k: v,
		})
	case *starlark.Set:
		return t.iterable(key{unsafe.Pointer(v), 0}, v, func(x starlark.Value) uint64 {
			return add(t.size(x, true), 2)
		})
	}
	// Functions, builtins, libvirt objects, ranges: short.
	return uint64(len(v.String()))
}

// container measures a container of n elements, element(i) being the
// i-th, once: [a, b] is 2 + len(a) + 2 + len(b).
func (t *text) container(id key, n int, element func(int) starlark.Value) uint64 {
	if size, ok := t.seen[id]; ok {
		if size == 0 {
			return 5 // a cycle: [...]
		}
		return size
	}
	if !t.enter() {
		return host.MaxEstimate
	}
	defer func() { t.depth-- }()
	if t.seen == nil {
		t.seen = map[key]uint64{}
	}
	t.seen[id] = 0
	size := uint64(2)
	for i := 0; i < n && size <= t.limit; i++ {
		size = add(size, add(t.size(element(i), true), 2))
	}
	if size > t.limit {
		size = host.MaxEstimate // measured no further
	}
	t.seen[id] = size
	return size
}

// quotedLen bounds the length of s quoted as Starlark's repr quotes it:
// printable ASCII stays, other bytes take up to four characters.
func quotedLen(s string) uint64 {
	n := uint64(2)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r':
			n += 2
		case c >= 0x20 && c < 0x7f:
			n++
		default:
			n += 4
		}
	}
	return n
}

// iterable measures a dict or set once: each element x adds entry(x).
func (t *text) iterable(id key, v starlark.Iterable, entry func(starlark.Value) uint64) uint64 {
	if size, ok := t.seen[id]; ok {
		if size == 0 {
			return 5
		}
		return size
	}
	if !t.enter() {
		return host.MaxEstimate
	}
	defer func() { t.depth-- }()
	if t.seen == nil {
		t.seen = map[key]uint64{}
	}
	t.seen[id] = 0
	size := uint64(7) // set([]), {}
	it := v.Iterate()
	defer it.Done()
	var x starlark.Value
	for size <= t.limit && it.Next(&x) {
		size = add(size, entry(x))
	}
	if size > t.limit {
		size = host.MaxEstimate // measured no further
	}
	t.seen[id] = size
	return size
}

// interpolationSize bounds the length of format % x.
func interpolationSize(format string, x starlark.Value, t *text) uint64 {
	limit := t.limit
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
			size = add(size, t.size(arg, false))
		case 'r':
			size = add(size, t.size(arg, true))
		case 'd', 'i', 'o', 'x', 'X':
			size = add(size, mul(t.size(arg, false), 4)) // octal, hex: more digits than decimal
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
func formatSize(format string, args starlark.Tuple, kwargs []starlark.Tuple, t *text) uint64 {
	limit := t.limit
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
			size = add(size, t.size(arg, conv == "r"))
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
