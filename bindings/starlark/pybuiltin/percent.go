package pybuiltin

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/host"
)

// Percent is format % x with Python's printf-style formatting: flags
// (-, +, space, 0, #), width and precision (or *), %(key)s mapping keys,
// and the conversions s r a d i u o x X e E f F g G c and %%. Starlark's own
// % has no flags, widths or precisions, and libvirt scripts in the wild
// print tables with "%-10s". Values show in style. The run's budget is
// charged for the text of each value, and before a width or precision
// larger than a small allocation pads a value.
func Percent(thread *starlark.Thread, format string, x starlark.Value, style Style) (starlark.Value, error) {
	v, err := percent(thread, format, x, style)
	if err != nil && style == Python {
		if _, ok := err.(*pyerr.Error); !ok {
			if le := (*host.LimitError)(nil); !errors.As(err, &le) {
				return nil, pyerr.New("TypeError", "%v", err)
			}
		}
	}
	return v, err
}

func percent(thread *starlark.Thread, format string, x starlark.Value, style Style) (starlark.Value, error) {
	alloc := func(n uint64) error { return budget.Of(thread).Alloc(n, "%", "a string") }
	var args starlark.Tuple
	mapping, isMapping := x.(starlark.Mapping)
	if t, ok := x.(starlark.Tuple); ok {
		args = t
	} else {
		args = starlark.Tuple{x}
	}
	if _, isString := x.(starlark.String); isString {
		isMapping = false
	}
	next, usedMapping := 0, false
	nextArg := func() (starlark.Value, error) {
		if next >= len(args) {
			return nil, fmt.Errorf("not enough arguments for format string")
		}
		next++
		return args[next-1], nil
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return nil, fmt.Errorf("incomplete format")
		}
		var arg starlark.Value
		if format[i] == '(' {
			depth, j := 1, i+1
			for ; j < len(format) && depth > 0; j++ {
				switch format[j] {
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			if depth > 0 {
				return nil, fmt.Errorf("incomplete format key")
			}
			if !isMapping {
				return nil, fmt.Errorf("format requires a mapping")
			}
			key := format[i+1 : j-1]
			v, found, err := mapping.Get(starlark.String(key))
			if err != nil {
				return nil, err
			}
			if !found {
				if style == Python {
					return nil, pyerr.New("KeyError", "'%s'", key)
				}
				return nil, fmt.Errorf("key %q not in mapping", key)
			}
			arg, usedMapping, i = v, true, j
		}
		var spec fmtSpec
		for ; i < len(format) && strings.IndexByte("-+ 0#", format[i]) >= 0; i++ {
			spec.flags += string(format[i])
		}
		var err error
		if spec.width, i, err = number(format, i, nextArg); err != nil {
			return nil, err
		}
		spec.precision = -1
		if i < len(format) && format[i] == '.' {
			if spec.precision, i, err = number(format, i+1, nextArg); err != nil {
				return nil, err
			}
		}
		for i < len(format) && strings.IndexByte("hlL", format[i]) >= 0 {
			i++ // length modifiers: ignored, as Python does
		}
		if i >= len(format) {
			return nil, fmt.Errorf("incomplete format")
		}
		spec.verb = format[i]
		if spec.verb == '%' {
			b.WriteByte('%')
			continue
		}
		if arg == nil {
			if arg, err = nextArg(); err != nil {
				return nil, err
			}
		}
		if n := uint64(max(spec.width, spec.precision, 0)); n > 1<<16 {
			if err := alloc(n); err != nil {
				return nil, err
			}
		}
		s, err := spec.format(thread, arg, style)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	if next < len(args) && !usedMapping && !(isMapping && next == 0) {
		return nil, fmt.Errorf("not all arguments converted during string formatting")
	}
	return starlark.String(b.String()), nil
}

// number reads a width or precision at format[i:]: digits, or * for the
// next argument.
func number(format string, i int, nextArg func() (starlark.Value, error)) (int, int, error) {
	if i < len(format) && format[i] == '*' {
		v, err := nextArg()
		if err != nil {
			return 0, i, err
		}
		n, err := starlark.AsInt32(v)
		if err != nil {
			return 0, i, fmt.Errorf("* wants int")
		}
		return n, i + 1, nil
	}
	j := i
	for j < len(format) && format[j] >= '0' && format[j] <= '9' {
		j++
	}
	if j == i {
		return 0, i, nil
	}
	n, err := strconv.Atoi(format[i:j])
	if err != nil || n > math.MaxInt32 {
		return 0, j, fmt.Errorf("width or precision too big")
	}
	return n, j, nil
}

// fmtSpec is one conversion specifier.
type fmtSpec struct {
	flags            string
	width, precision int
	verb             byte
}

func (s fmtSpec) has(flag byte) bool { return strings.IndexByte(s.flags, flag) >= 0 }

// spec is the format specification (see strformat.go) that s's flags,
// width and precision mean: - aligns left, 0 pads numbers with zeros
// after their sign, + and space are signs, # the alternate form. Printf
// aligns everything right by default.
func (s fmtSpec) spec() spec {
	sp := spec{fill: ' ', align: '>', width: s.width, precision: s.precision, verb: s.verb, alt: s.has('#'), zero: s.has('0')}
	switch {
	case s.has('+'):
		sp.sign = '+'
	case s.has(' '):
		sp.sign = ' '
	}
	if s.has('-') {
		sp.align, sp.zero = '<', false
	} else if sp.zero {
		sp.align = 0 // number() pads with zeros after the sign
	}
	return sp
}

func (s fmtSpec) format(thread *starlark.Thread, v starlark.Value, style Style) (string, error) {
	sp := s.spec()
	switch s.verb {
	case 's', 'r', 'a':
		var str string
		if sv, ok := v.(starlark.String); ok && s.verb != 's' && style == Starlark {
			str = strconv.Quote(string(sv)) // as %r always did in Starlark scripts
		} else {
			var err error
			if str, err = convert(thread, v, s.verb, style, "%"); err != nil {
				return "", err
			}
		}
		if s.precision >= 0 && s.precision < len(str) {
			if style == Python {
				if r := []rune(str); s.precision < len(r) {
					str = string(r[:s.precision])
				}
			} else {
				str = str[:s.precision]
			}
		}
		return s.text(sp, str), nil
	case 'c':
		switch v := v.(type) {
		case starlark.String:
			if len([]rune(string(v))) != 1 {
				return "", fmt.Errorf("%%c requires int or char")
			}
			return s.text(sp, string(v)), nil
		case starlark.Int:
			n, ok := v.Int64()
			if !ok || n < 0 || n > 0x10ffff {
				return "", fmt.Errorf("%%c arg not in range(0x110000)")
			}
			return s.text(sp, string(rune(n))), nil
		}
		return "", fmt.Errorf("%%c requires int or char, not %s", v.Type())
	case 'd', 'i', 'u', 'o', 'x', 'X':
		n, err := intOf(v, s.verb)
		if err != nil {
			return "", err
		}
		base, prefix := 10, ""
		switch s.verb {
		case 'o':
			base, prefix = 8, "0o"
		case 'x':
			base, prefix = 16, "0x"
		case 'X':
			base, prefix = 16, "0X"
		}
		digits := strings.TrimPrefix(n.BigInt().Text(base), "-")
		if s.verb == 'X' {
			digits = strings.ToUpper(digits)
		}
		if s.precision > len(digits) {
			// A precision is a minimum number of digits.
			digits = strings.Repeat("0", s.precision-len(digits)) + digits
		}
		if !sp.alt || base == 10 {
			prefix = ""
		}
		return sp.number(n.Sign() < 0, prefix, digits), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, ok := starlark.AsFloat(v)
		if !ok {
			return "", fmt.Errorf("must be real number, not %s", v.Type())
		}
		return sp.float(f)
	}
	return "", fmt.Errorf("unsupported format character %q", s.verb)
}

// text lays out a string: printf pads strings with spaces, whatever the
// 0 flag.
func (s fmtSpec) text(sp spec, str string) string {
	if sp.align == 0 {
		sp.align = '>'
	}
	return sp.pad("", str)
}

// intOf converts v for an integer conversion: an int, a bool, or a float
// (truncated) for %d, %i and %u, as Python does.
func intOf(v starlark.Value, verb byte) (starlark.Int, error) {
	switch v := v.(type) {
	case starlark.Int:
		return v, nil
	case starlark.Bool:
		if v {
			return starlark.MakeInt(1), nil
		}
		return starlark.MakeInt(0), nil
	case starlark.Float:
		if verb == 'd' || verb == 'i' || verb == 'u' {
			if math.IsInf(float64(v), 0) || math.IsNaN(float64(v)) {
				return starlark.Int{}, fmt.Errorf("cannot convert float %v to integer", float64(v))
			}
			return starlark.NumberToInt(v)
		}
	}
	return starlark.Int{}, fmt.Errorf("%%%c format: an integer is required, not %s", verb, v.Type())
}
