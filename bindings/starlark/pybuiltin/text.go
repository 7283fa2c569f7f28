package pybuiltin

import (
	"fmt"
	"reflect"
	"strconv"
	"unsafe"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/host"
)

// Style is how the formatters write the values they format.
type Style uint8

const (
	// Starlark writes values as Starlark does (strings inside containers
	// in double quotes, sets as set([...])), floats aside: they show as
	// Python's repr shows them.
	Starlark Style = iota
	// Python writes values as Python's str and repr do.
	Python
	// exact writes values as Starlark's str and repr do, floats too: print
	// and exit in Starlark scripts, which show values as str() does.
	exact
)

// Repr is Python's repr(v), charged to thread's budget: strings in
// Python's quotes, floats as Python prints them, containers with the repr
// of their elements, other values by their String.
func Repr(thread *starlark.Thread, v starlark.Value) (string, error) {
	return text(thread, v, true, Python, "repr()")
}

// Str is Python's str(v): a string itself, any other value as Repr.
func Str(thread *starlark.Thread, v starlark.Value) (string, error) {
	if s, ok := v.(starlark.String); ok {
		return string(s), nil
	}
	return text(thread, v, false, Python, "str()")
}

// StarlarkStr and StarlarkRepr are str and repr for Starlark scripts:
// Starlark's own text, floats aside, which show as Python's repr shows
// them (85203360000.0, not 8.520336e+10), as print, % and format do.
func StarlarkStr(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	if s, ok := v.(starlark.String); ok {
		return s, nil
	}
	s, err := text(thread, v, false, exact, "str()")
	return starlark.String(s), err
}

// StarlarkRepr is repr for Starlark scripts (see StarlarkStr).
func StarlarkRepr(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	s, err := text(thread, v, true, Starlark, "repr()")
	return starlark.String(s), err
}

// text is v's text in style (quote: its repr), made by what: checked
// against the run's memory limit before it is built.
func text(thread *starlark.Thread, v starlark.Value, quote bool, style Style, what string) (string, error) {
	if err := charge(thread, v, quote, style, what); err != nil {
		return "", err
	}
	var buf [64]byte
	p := printer{style: style, thread: thread, what: what, buf: buf[:0]}
	var err error
	if quote {
		err = p.write(v, true)
	} else {
		err = p.writeStr(v)
	}
	if err != nil {
		return "", err
	}
	return string(p.buf), nil
}

// writeStr appends str(v).
func (p *printer) writeStr(v starlark.Value) error {
	switch x := v.(type) {
	case starlark.String:
		p.buf = append(p.buf, x...)
		return nil
	case starlark.Bytes:
		if p.style == exact {
			p.buf = append(p.buf, x...) // as print always did in Starlark scripts
			return nil
		}
	}
	if p.style == exact {
		// Starlark's own text, floats aside: they show as Python's
		// repr, in containers too (Starlark writes 1e7 as 1e+07).
		p.style = Starlark
		defer func() { p.style = exact }()
	}
	return p.write(v, false)
}

// bigInt charges the work of writing v when it is a big integer:
// formatting in decimal takes time in the square of its size.
func (p *printer) bigInt(v starlark.Value) error {
	if i, ok := v.(starlark.Int); ok {
		if w := words(i); w >= bigWords {
			return budget.Of(p.thread).Steps(p.thread, w*w)
		}
	}
	return nil
}

// charge checks the text of v, made by what in style, against the run's
// memory limit, and its nesting: Starlark's own String, which the exact
// style calls, recurses without bound.
func charge(thread *starlark.Thread, v starlark.Value, quote bool, style Style, what string) error {
	if small(v) {
		return nil
	}
	b := budget.Of(thread)
	limit := b.Limits().MaxMemory
	if limit == 0 && style != exact {
		return nil // the printer bounds the nesting itself
	}
	if limit == 0 {
		limit = host.MaxEstimate
	}
	m := Measure{Limit: limit}
	n := m.Size(v, quote)
	if m.deep {
		return host.NestingError(what, "a value")
	}
	if n > limit {
		n = host.MaxEstimate
	}
	return b.Alloc(n, what, "a string")
}

// small reports whether v's text is short whatever it holds.
func small(v starlark.Value) bool {
	switch v := v.(type) {
	case starlark.NoneType, starlark.Bool, starlark.Float:
		return true
	case starlark.Int:
		_, ok := v.Int64()
		return ok
	case starlark.String:
		return len(v) < 1<<10
	}
	return false
}

// printer writes values into buf.
type printer struct {
	style  Style
	thread *starlark.Thread
	what   string // for errors: "repr()", "print()", "%"
	buf    []byte
	path   []starlark.Value // the containers being written, for cycles
}

// write appends v's text: its repr when quote, else its str.
func (p *printer) write(v starlark.Value, quote bool) error {
	switch v := v.(type) {
	case starlark.NoneType:
		p.buf = append(p.buf, "None"...)
	case starlark.Bool:
		if v {
			p.buf = append(p.buf, "True"...)
		} else {
			p.buf = append(p.buf, "False"...)
		}
	case starlark.Int:
		if i, ok := v.Int64(); ok {
			p.buf = strconv.AppendInt(p.buf, i, 10)
			break
		}
		if err := p.bigInt(v); err != nil {
			return err
		}
		p.buf = v.BigInt().Append(p.buf, 10)
	case starlark.Float:
		if p.style == exact {
			p.buf = append(p.buf, v.String()...)
			break
		}
		p.buf = appendFloat(p.buf, float64(v))
	case starlark.String:
		switch {
		case !quote:
			p.buf = append(p.buf, v...)
		case p.style == Python:
			p.buf = appendQuoted(p.buf, string(v), false)
		default:
			p.buf = append(p.buf, syntax.Quote(string(v), false)...)
		}
	case starlark.Bytes:
		if p.style == Python {
			p.buf = appendQuotedBytes(p.buf, string(v))
		} else {
			p.buf = append(p.buf, v.String()...)
		}
	case *starlark.List:
		return p.sequence(v, "[", "]", v.Len(), v.Index)
	case starlark.Tuple:
		close := ")"
		if len(v) == 1 {
			close = ",)"
		}
		return p.sequence(nil, "(", close, len(v), func(i int) starlark.Value { return v[i] })
	case *starlark.Dict:
		return p.dict(v)
	case *starlark.Set:
		return p.set(v)
	case *starlark.Function:
		if p.style != Python {
			p.buf = append(p.buf, v.String()...)
			break
		}
		name := v.Name()
		if name == "lambda" {
			name = "<lambda>"
		}
		p.buf = fmt.Appendf(p.buf, "<function %s at %#x>", name, reflect.ValueOf(v).Pointer())
	case *starlark.Builtin:
		if p.style != Python {
			p.buf = append(p.buf, v.String()...)
		} else if r := v.Receiver(); r != nil {
			p.buf = fmt.Appendf(p.buf, "<built-in method %s of %s object>", v.Name(), typeName(r))
		} else {
			p.buf = fmt.Appendf(p.buf, "<built-in function %s>", v.Name())
		}
	case interface {
		starlark.Value
		PyRepr() string
	}:
		// A module's value (a datetime, a match, a namespace) that
		// knows its Python repr.
		if quote && p.style == Python {
			p.buf = append(p.buf, v.PyRepr()...)
		} else {
			p.buf = append(p.buf, v.String()...)
		}
	default:
		p.buf = append(p.buf, v.String()...)
	}
	return nil
}

// enter enters container c: false when it is being written already (a
// cycle), an error when the containers nest too deep.
func (p *printer) enter(c starlark.Value) (bool, error) {
	if c != nil {
		for _, x := range p.path {
			if x == c {
				return false, nil
			}
		}
	}
	if len(p.path) >= host.MaxNesting {
		return false, host.NestingError(p.what, "a value")
	}
	p.path = append(p.path, c)
	return true, nil
}

func (p *printer) leave() { p.path = p.path[:len(p.path)-1] }

func (p *printer) sequence(c starlark.Value, open, close string, n int, elem func(int) starlark.Value) error {
	p.buf = append(p.buf, open...)
	ok, err := p.enter(c)
	if err != nil {
		return err
	}
	if !ok {
		p.buf = append(p.buf, "..."...)
	} else {
		for i := 0; i < n; i++ {
			if i > 0 {
				p.buf = append(p.buf, ", "...)
			}
			if err := p.write(elem(i), true); err != nil {
				return err
			}
		}
		p.leave()
	}
	p.buf = append(p.buf, close...)
	return nil
}

func (p *printer) dict(d *starlark.Dict) error {
	p.buf = append(p.buf, '{')
	ok, err := p.enter(d)
	if err != nil {
		return err
	}
	if !ok {
		p.buf = append(p.buf, "..."...)
	} else {
		for i, kv := range d.Items() {
			if i > 0 {
				p.buf = append(p.buf, ", "...)
			}
			if err := p.write(kv[0], true); err != nil {
				return err
			}
			p.buf = append(p.buf, ": "...)
			if err := p.write(kv[1], true); err != nil {
				return err
			}
		}
		p.leave()
	}
	p.buf = append(p.buf, '}')
	return nil
}

func (p *printer) set(s *starlark.Set) error {
	open, close := "{", "}"
	if p.style != Python {
		open, close = "set([", "])"
	} else if s.Len() == 0 {
		p.buf = append(p.buf, "set()"...)
		return nil
	}
	p.buf = append(p.buf, open...)
	if _, err := p.enter(nil); err != nil {
		return err
	}
	it := s.Iterate()
	defer it.Done()
	var x starlark.Value
	for i := 0; it.Next(&x); i++ {
		if i > 0 {
			p.buf = append(p.buf, ", "...)
		}
		if err := p.write(x, true); err != nil {
			return err
		}
	}
	p.leave()
	p.buf = append(p.buf, close...)
	return nil
}

// typeName is the name Python gives v's type.
func typeName(v starlark.Value) string {
	switch v.(type) {
	case starlark.String:
		return "str"
	case *starlark.Builtin:
		return "builtin_function_or_method"
	case *Type:
		return "type"
	}
	return v.Type()
}

// The estimates of measure are upper bounds of the length of a text,
// cheap to compute, and saturated at host.MaxEstimate.

func add(a, b uint64) uint64 { return host.SatAdd(a, b) }

func mul(a, b uint64) uint64 { return host.SatMul(a, b) }

// bigWords is the size, in 64-bit words, from which formatting an integer
// counts as more than a step.
const bigWords = 32

// words is the size of i in 64-bit words.
func words(i starlark.Int) uint64 { return uint64(i.BigInt().BitLen()+63) / 64 }

// key identifies a container: a tuple by its first element and length.
type key struct {
	p unsafe.Pointer
	n int
}

// Measure estimates the length of texts: str(v) and repr(v). Containers
// reached several times (a list repeated in a list) count each time, as
// they print each time, but are measured once; the walk stops when the
// estimate passes Limit.
type Measure struct {
	Limit uint64
	seen  map[key]uint64 // container -> its text's length; 0: being measured
	depth int
	deep  bool   // a container nests more than host.MaxNesting deep
	work  uint64 // steps of work to print the big integers met
}

// NewMeasure returns a measure that stops past limit (0: no limit).
func NewMeasure(limit uint64) *Measure {
	if limit == 0 {
		limit = host.MaxEstimate
	}
	return &Measure{Limit: limit}
}

// Deep reports whether a value measured nests deeper than host.MaxNesting
// (printing it would recurse too deep).
func (m *Measure) Deep() bool { return m.deep }

// Work is the steps of work that printing the big integers measured
// takes: formatting one in decimal takes time in the square of its size.
func (m *Measure) Work() uint64 { return m.work }

// Size is an upper bound of the length of repr(v) (quote) or str(v).
func (m *Measure) Size(v starlark.Value, quote bool) uint64 {
	switch v := v.(type) {
	case starlark.String:
		if !quote {
			return uint64(len(v))
		}
		if len(v) < 1<<12 {
			return quotedLen(string(v))
		}
		// A long string met many times is measured once.
		return m.once(key{unsafe.Pointer(unsafe.StringData(string(v))), len(v)}, func() uint64 { return quotedLen(string(v)) })
	case starlark.Bytes:
		return add(mul(4, uint64(len(v))), 3) // b'\xff...'
	case starlark.Int:
		if _, ok := v.Int64(); ok {
			return 20
		}
		if w := words(v); w >= bigWords {
			m.work = add(m.work, mul(w, w))
		}
		return uint64(v.BigInt().BitLen())/3 + 2
	case starlark.Float:
		return 32
	case starlark.NoneType, starlark.Bool:
		return 5
	case *starlark.List:
		return m.container(key{unsafe.Pointer(v), 0}, v.Len(), v.Index)
	case starlark.Tuple:
		if len(v) == 0 {
			return 2
		}
		return m.container(key{unsafe.Pointer(&v[0]), len(v)}, len(v), func(i int) starlark.Value { return v[i] })
	case *starlark.Dict:
		return m.iterable(key{unsafe.Pointer(v), 0}, v, func(k starlark.Value) uint64 {
			x, _, _ := v.Get(k)
			return add(m.Size(k, true), add(m.Size(x, true), 4)) // k: v,
		})
	case *starlark.Set:
		return m.iterable(key{unsafe.Pointer(v), 0}, v, func(x starlark.Value) uint64 {
			return add(m.Size(x, true), 2)
		})
	case *starlark.Function, *starlark.Builtin:
		return uint64(len(v.String())) + 64
	}
	if r, ok := v.(interface{ PyRepr() string }); ok {
		return uint64(max(len(r.PyRepr()), len(v.String())))
	}
	// Libvirt objects, ranges: short.
	return uint64(len(v.String()))
}

// once measures the value id names with f, once.
func (m *Measure) once(id key, f func() uint64) uint64 {
	if n, ok := m.seen[id]; ok {
		return n
	}
	if m.seen == nil {
		m.seen = map[key]uint64{}
	}
	n := f()
	m.seen[id] = n
	return n
}

// enter enters a container, unless it nests too deep (then deep is set).
func (m *Measure) enter() bool {
	if m.depth >= host.MaxNesting {
		m.deep = true
		return false
	}
	m.depth++
	return true
}

// container measures a container of n elements, element(i) being the
// i-th, once: [a, b] is 2 + len(a) + 2 + len(b).
func (m *Measure) container(id key, n int, element func(int) starlark.Value) uint64 {
	if size, ok := m.seen[id]; ok {
		if size == 0 {
			return 5 // a cycle: [...]
		}
		return size
	}
	if !m.enter() {
		return host.MaxEstimate
	}
	defer func() { m.depth-- }()
	if m.seen == nil {
		m.seen = map[key]uint64{}
	}
	m.seen[id] = 0
	size := uint64(3)
	for i := 0; i < n && size <= m.Limit; i++ {
		size = add(size, add(m.Size(element(i), true), 2))
	}
	if size > m.Limit {
		size = host.MaxEstimate // measured no further
	}
	m.seen[id] = size
	return size
}

// iterable measures a dict or set once: each element x adds entry(x).
func (m *Measure) iterable(id key, v starlark.Iterable, entry func(starlark.Value) uint64) uint64 {
	if size, ok := m.seen[id]; ok {
		if size == 0 {
			return 5
		}
		return size
	}
	if !m.enter() {
		return host.MaxEstimate
	}
	defer func() { m.depth-- }()
	if m.seen == nil {
		m.seen = map[key]uint64{}
	}
	m.seen[id] = 0
	size := uint64(7) // set([]), {}
	it := v.Iterate()
	defer it.Done()
	var x starlark.Value
	for size <= m.Limit && it.Next(&x) {
		size = add(size, entry(x))
	}
	if size > m.Limit {
		size = host.MaxEstimate // measured no further
	}
	m.seen[id] = size
	return size
}
