package pybuiltin

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/host"
)

// Format is format.format(*args, **kwargs), str.format with Python's
// format specifications ("{0:>10}", "{:.2f}", "{name:,}", "{!r:^8}"):
// Starlark's own format has replacement fields but no specifications, and
// libvirt scripts in the wild print their tables with them. Fields are
// "{}", "{0}", "{name}", with .attr and [key] lookups, a !s, !r or !a
// conversion, and a specification that may hold nested fields
// ("{:{width}}"). Values show in style. The run's budget is charged for
// the text of each value, and for the widths of the fields once they add
// up to more than a small allocation.
func Format(thread *starlark.Thread, format string, args starlark.Tuple, kwargs []starlark.Tuple, style Style) (starlark.Value, error) {
	f := formatter{thread: thread, style: style, args: args}
	if len(kwargs) > 0 {
		f.kwargs = make(map[string]starlark.Value, len(kwargs))
		for _, kv := range kwargs {
			f.kwargs[string(kv[0].(starlark.String))] = kv[1]
		}
	}
	return f.run(format)
}

// FormatMap is format.format_map(mapping): the fields name its keys.
func FormatMap(thread *starlark.Thread, format string, mapping starlark.Mapping, style Style) (starlark.Value, error) {
	f := formatter{thread: thread, style: style, mapping: mapping}
	return f.run(format)
}

func (f *formatter) run(format string) (starlark.Value, error) {
	s, err := f.format(format, 2)
	if le := (*host.LimitError)(nil); errors.As(err, &le) {
		return nil, err
	}
	if e, ok := err.(*pyerr.Error); ok {
		return nil, e
	}
	if err != nil && f.style == Python {
		class := "ValueError"
		if strings.Contains(err.Error(), "out of range") {
			class = "IndexError"
		}
		return nil, pyerr.New(class, "%v", err)
	}
	if err != nil {
		return nil, fmt.Errorf("format: %v", err)
	}
	return starlark.String(s), nil
}

type formatter struct {
	thread  *starlark.Thread
	style   Style
	args    starlark.Tuple
	kwargs  map[string]starlark.Value
	mapping starlark.Mapping // format_map's
	auto    int              // the next automatic field number
	manual  bool             // a field was numbered
	padded  uint64           // the widths and precisions of the fields so far
}

func (f *formatter) alloc(n uint64) error {
	return budget.Of(f.thread).Alloc(n, "format", "a string")
}

// format expands the fields of s; depth bounds nested specifications.
func (f *formatter) format(s string, depth int) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '}':
			if i+1 < len(s) && s[i+1] == '}' {
				b.WriteByte('}')
				i++
				continue
			}
			return "", fmt.Errorf("single '}' encountered in format string")
		case '{':
			if i+1 < len(s) && s[i+1] == '{' {
				b.WriteByte('{')
				i++
				continue
			}
			// Find the matching brace, counting nested ones.
			level, j := 1, i+1
			for ; j < len(s) && level > 0; j++ {
				switch s[j] {
				case '{':
					level++
				case '}':
					level--
				}
			}
			if level > 0 {
				return "", fmt.Errorf("expected '}' before end of string")
			}
			out, err := f.field(s[i+1:j-1], depth)
			if err != nil {
				return "", err
			}
			b.WriteString(out)
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// field expands one replacement field, the text between its braces.
func (f *formatter) field(field string, depth int) (string, error) {
	name, spec, _ := strings.Cut(field, ":")
	name, conv, hasConv := strings.Cut(name, "!")
	v, err := f.lookup(name)
	if err != nil {
		return "", err
	}
	if strings.Contains(spec, "{") {
		if depth == 0 {
			return "", fmt.Errorf("max string recursion exceeded")
		}
		if spec, err = f.format(spec, depth-1); err != nil {
			return "", err
		}
	}
	if sp, err := parseSpec(spec); err == nil {
		f.padded += uint64(max(sp.width, sp.precision, 0))
		if f.padded > 1<<20 {
			if err := f.alloc(f.padded); err != nil {
				return "", err
			}
		}
	}
	if hasConv {
		if conv != "s" && conv != "r" && conv != "a" {
			return "", fmt.Errorf("unknown conversion specifier %s", conv)
		}
		s, err := convert(f.thread, v, conv[0], f.style, "format")
		if err != nil {
			return "", err
		}
		v = starlark.String(s)
	}
	return formatValue(f.thread, v, spec, f.style)
}

// lookup finds the value a field names: an argument by position (or the
// next one), or by keyword, then its .attr and [key] parts.
func (f *formatter) lookup(name string) (starlark.Value, error) {
	first := name
	if i := strings.IndexAny(name, ".["); i >= 0 {
		first = name[:i]
	}
	rest := name[len(first):]
	var v starlark.Value
	switch n, err := strconv.Atoi(first); {
	case first == "":
		if f.manual {
			return nil, fmt.Errorf("cannot switch from manual field specification to automatic field numbering")
		}
		if f.auto >= len(f.args) {
			return nil, fmt.Errorf("replacement index %d out of range for positional args tuple", f.auto)
		}
		v = f.args[f.auto]
		f.auto++
	case err == nil:
		if f.auto > 0 {
			return nil, fmt.Errorf("cannot switch from automatic field numbering to manual field specification")
		}
		f.manual = true
		if n < 0 || n >= len(f.args) {
			return nil, fmt.Errorf("replacement index %d out of range for positional args tuple", n)
		}
		v = f.args[n]
	case f.mapping != nil:
		x, found, err := f.mapping.Get(starlark.String(first))
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, pyerr.New("KeyError", "'%s'", first)
		}
		v = x
	default:
		var ok bool
		if v, ok = f.kwargs[first]; !ok {
			if f.style == Python {
				return nil, pyerr.New("KeyError", "'%s'", first)
			}
			return nil, fmt.Errorf("keyword %q not given", first)
		}
	}
	for rest != "" {
		switch rest[0] {
		case '.':
			attr := rest[1:]
			if i := strings.IndexAny(attr, ".["); i >= 0 {
				attr = attr[:i]
			}
			rest = rest[1+len(attr):]
			x, ok := v.(starlark.HasAttrs)
			if !ok {
				return nil, fmt.Errorf("%s has no attribute %q", v.Type(), attr)
			}
			a, err := x.Attr(attr)
			if err != nil || a == nil {
				return nil, fmt.Errorf("%s has no attribute %q", v.Type(), attr)
			}
			v = a
		case '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, fmt.Errorf("missing ']' in format string")
			}
			key := rest[1:end]
			rest = rest[end+1:]
			var k starlark.Value = starlark.String(key)
			if n, err := strconv.Atoi(key); err == nil {
				k = starlark.MakeInt(n)
			}
			switch x := v.(type) {
			case starlark.Mapping:
				e, found, err := x.Get(k)
				if err != nil || !found {
					return nil, fmt.Errorf("key %s not found", k)
				}
				v = e
			case starlark.Indexable:
				n, ok := k.(starlark.Int)
				i, _ := n.Int64()
				if !ok || i < 0 || int(i) >= x.Len() {
					return nil, fmt.Errorf("index %s out of range", k)
				}
				v = x.Index(int(i))
			default:
				return nil, fmt.Errorf("%s is not subscriptable", v.Type())
			}
		default:
			return nil, fmt.Errorf("only '.' or '[' may follow ']' in format field specifier")
		}
	}
	return v, nil
}

// convert is the !s, !r or !a conversion (conv) of v, or %s, %r, %a.
func convert(thread *starlark.Thread, v starlark.Value, conv byte, style Style, what string) (string, error) {
	switch {
	case conv == 's':
		if s, ok := v.(starlark.String); ok {
			return string(s), nil
		}
		return text(thread, v, false, style, what)
	case style == Python:
		s, err := text(thread, v, true, Python, what)
		if conv == 'a' {
			s = asciiOf(s)
		}
		return s, err
	}
	return text(thread, v, true, Starlark, what)
}

// spec is a parsed format specification:
// [[fill]align][sign][#][0][width][grouping][.precision][type].
type spec struct {
	fill        rune
	align, sign byte
	alt, zero   bool
	width       int
	grouping    byte
	precision   int // -1: none
	verb        byte
}

func parseSpec(s string) (spec, error) {
	sp := spec{fill: ' ', precision: -1}
	isAlign := func(c byte) bool { return c == '<' || c == '>' || c == '^' || c == '=' }
	if r, n := utf8.DecodeRuneInString(s); n > 0 && n < len(s) && isAlign(s[n]) {
		sp.fill, sp.align, s = r, s[n], s[n+1:]
	} else if len(s) > 0 && isAlign(s[0]) {
		sp.align, s = s[0], s[1:]
	}
	if len(s) > 0 && (s[0] == '+' || s[0] == '-' || s[0] == ' ') {
		sp.sign, s = s[0], s[1:]
	}
	if len(s) > 0 && s[0] == '#' {
		sp.alt, s = true, s[1:]
	}
	if len(s) > 0 && s[0] == '0' {
		sp.zero, s = true, s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		w, err := strconv.Atoi(s[:i])
		if err != nil || w > 1<<24 {
			return sp, fmt.Errorf("too many decimal digits in format string")
		}
		sp.width, s = w, s[i:]
	}
	if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
		sp.grouping, s = s[0], s[1:]
	}
	if len(s) > 0 && s[0] == '.' {
		i := 1
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 1 {
			return sp, fmt.Errorf("format specifier missing precision")
		}
		p, err := strconv.Atoi(s[1:i])
		if err != nil || p > 1<<24 {
			return sp, fmt.Errorf("too many decimal digits in format string")
		}
		sp.precision, s = p, s[i:]
	}
	if len(s) > 1 {
		return sp, fmt.Errorf("invalid format specifier")
	}
	if len(s) == 1 {
		sp.verb = s[0]
	}
	return sp, nil
}

// FormatValue is Python's format(v, spec): v formatted by the format
// specification spec (">10", ".2f", ","), showing in style.
func FormatValue(thread *starlark.Thread, v starlark.Value, spec string, style Style) (string, error) {
	s, err := formatValue(thread, v, spec, style)
	if err != nil {
		if _, ok := err.(*pyerr.Error); !ok {
			if le := (*host.LimitError)(nil); !errors.As(err, &le) {
				return "", pyerr.New("ValueError", "%v", err)
			}
		}
	}
	return s, err
}

// formatValue formats v by the specification s, as Python's format(v, s).
func formatValue(thread *starlark.Thread, v starlark.Value, s string, style Style) (string, error) {
	sp, err := parseSpec(s)
	if err != nil {
		return "", err
	}
	if b, ok := v.(starlark.Bool); ok && sp.verb == 0 && s == "" {
		return b.String(), nil
	}
	switch x := v.(type) {
	case starlark.Int, starlark.Bool:
		n, _ := starlark.NumberToInt(x)
		if b, ok := x.(starlark.Bool); ok {
			n = starlark.MakeInt(0)
			if b {
				n = starlark.MakeInt(1)
			}
		}
		switch sp.verb {
		case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
			return sp.integer(n)
		case 'e', 'E', 'f', 'F', 'g', 'G', '%':
			f, _ := starlark.AsFloat(n)
			return sp.float(f)
		}
		return "", fmt.Errorf("unknown format code '%c' for object of type 'int'", sp.verb)
	case starlark.Float:
		switch sp.verb {
		case 0, 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n':
			return sp.float(float64(x))
		}
		return "", fmt.Errorf("unknown format code '%c' for object of type 'float'", sp.verb)
	}
	if sp.verb != 0 && sp.verb != 's' {
		return "", fmt.Errorf("unknown format code '%c' for object of type '%s'", sp.verb, v.Type())
	}
	if sp.sign != 0 || sp.alt || sp.grouping != 0 {
		return "", fmt.Errorf("sign, '#' and grouping not allowed in string format specifier")
	}
	text, err := convert(thread, v, 's', style, "format")
	if err != nil {
		return "", err
	}
	if sp.precision >= 0 && sp.precision < utf8.RuneCountInString(text) {
		text = string([]rune(text)[:sp.precision])
	}
	if sp.align == 0 {
		sp.align = '<'
	}
	return sp.pad("", text), nil
}

func (sp spec) integer(n starlark.Int) (string, error) {
	if sp.precision >= 0 {
		return "", fmt.Errorf("precision not allowed in integer format specifier")
	}
	i := n.BigInt()
	neg := i.Sign() < 0
	if neg {
		i.Neg(i)
	}
	var digits, prefix string
	switch sp.verb {
	case 'b':
		digits, prefix = i.Text(2), "0b"
	case 'o':
		digits, prefix = i.Text(8), "0o"
	case 'x':
		digits, prefix = i.Text(16), "0x"
	case 'X':
		digits, prefix = strings.ToUpper(i.Text(16)), "0X"
	case 'c':
		if !i.IsInt64() || i.Int64() > 0x10ffff || neg {
			return "", fmt.Errorf("%%c arg not in range(0x110000)")
		}
		if sp.align == 0 {
			sp.align = '<'
		}
		return sp.pad("", string(rune(i.Int64()))), nil
	default:
		digits = i.Text(10)
	}
	digits = sp.group(digits)
	if !sp.alt {
		prefix = ""
	}
	return sp.number(neg, prefix, digits), nil
}

func (sp spec) float(f float64) (string, error) {
	neg := math.Signbit(f) && !math.IsNaN(f)
	f = math.Abs(f)
	prec := sp.precision
	var digits string
	switch {
	case math.IsInf(f, 0):
		digits = "inf"
	case math.IsNaN(f):
		digits = "nan"
	default:
		switch sp.verb {
		case 'e', 'E':
			if prec < 0 {
				prec = 6
			}
			digits = pythonExponent(strconv.FormatFloat(f, 'e', prec, 64))
		case 'f', 'F':
			if prec < 0 {
				prec = 6
			}
			digits = strconv.FormatFloat(f, 'f', prec, 64)
		case '%':
			if prec < 0 {
				prec = 6
			}
			digits = strconv.FormatFloat(f*100, 'f', prec, 64) + "%"
		case 'g', 'G', 'n':
			if prec < 0 {
				prec = 6
			}
			digits = pyGeneral(f, max(prec, 1), sp.alt)
		default: // no type: repr, or 'g' with at least one digit after the point
			if prec < 0 {
				digits = FloatRepr(f)
			} else {
				digits = pyGeneral(f, max(prec, 1), sp.alt)
				if !strings.ContainsAny(digits, ".e") {
					digits += ".0"
				}
			}
		}
	}
	if sp.verb == 'E' || sp.verb == 'G' || sp.verb == 'F' {
		digits = strings.ToUpper(digits)
	}
	if sp.grouping != 0 {
		intPart, rest := digits, ""
		if i := strings.IndexAny(digits, ".e%"); i >= 0 {
			intPart, rest = digits[:i], digits[i:]
		}
		digits = sp.group(intPart) + rest
	}
	return sp.number(neg, "", digits), nil
}

// pyGeneral is Python's 'g' format: precision significant digits, trailing
// zeros removed (kept with #), exponent from -4 on.
func pyGeneral(f float64, prec int, alt bool) string {
	if f == 0 {
		if alt {
			return "0." + strings.Repeat("0", prec-1)
		}
		return "0"
	}
	exp := int(math.Floor(math.Log10(f)))
	// Rounding may carry into the next power of ten.
	if e := strconv.FormatFloat(f, 'e', prec-1, 64); e != "" {
		if i := strings.IndexByte(e, 'e'); i >= 0 {
			exp, _ = strconv.Atoi(e[i+1:])
		}
	}
	var s string
	if exp < -4 || exp >= prec {
		s = strconv.FormatFloat(f, 'e', prec-1, 64)
		mant, e, _ := strings.Cut(s, "e")
		if !alt && strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		s = pythonExponent(mant + "e" + e)
	} else {
		s = strconv.FormatFloat(f, 'f', max(prec-1-exp, 0), 64)
		if !alt && strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
	}
	return s
}

// group inserts the grouping character every three digits.
func (sp spec) group(digits string) string {
	if sp.grouping == 0 || len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(sp.grouping)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// number lays out a number: sign, prefix, digits, aligned (right by
// default; '=' or 0 pads between the sign and the digits).
func (sp spec) number(neg bool, prefix, digits string) string {
	sign := ""
	switch {
	case neg:
		sign = "-"
	case sp.sign == '+':
		sign = "+"
	case sp.sign == ' ':
		sign = " "
	}
	if sp.zero && sp.align == 0 {
		sp.fill, sp.align = '0', '='
	}
	if sp.align == 0 {
		sp.align = '>'
	}
	return sp.pad(sign+prefix, digits)
}

// pad fills head+body to the width as the alignment says.
func (sp spec) pad(head, body string) string {
	n := sp.width - utf8.RuneCountInString(head) - utf8.RuneCountInString(body)
	if n <= 0 {
		return head + body
	}
	fill := func(k int) string { return strings.Repeat(string(sp.fill), k) }
	switch sp.align {
	case '<':
		return head + body + fill(n)
	case '^':
		return fill(n/2) + head + body + fill(n-n/2)
	case '=':
		return head + fill(n) + body
	}
	return fill(n) + head + body
}
