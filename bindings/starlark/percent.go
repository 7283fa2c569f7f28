package starlark

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.starlark.net/starlark"
)

// percent is format % x with Python's printf-style formatting: flags
// (-, +, space, 0, #), width and precision (or *), %(key)s mapping keys,
// and the conversions s r a d i u o x X e E f F g G c and %%. Starlark's own
// % has no flags, widths or precisions, and libvirt scripts in the wild
// print tables with "%-10s". alloc is asked before a width or precision
// larger than a small allocation pads a value.
func percent(format string, x starlark.Value, alloc func(n uint64) error) (starlark.Value, error) {
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
		s, err := spec.format(arg)
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

func (s fmtSpec) format(v starlark.Value) (string, error) {
	switch s.verb {
	case 's', 'r', 'a':
		var str string
		if sv, ok := v.(starlark.String); ok && s.verb == 's' {
			str = string(sv)
		} else if s.verb == 's' {
			str = v.String()
		} else {
			str = v.String()
			if sv, ok := v.(starlark.String); ok {
				str = strconv.Quote(string(sv))
			}
		}
		if s.precision >= 0 && s.precision < len(str) {
			str = str[:s.precision]
		}
		return s.pad(str, false), nil
	case 'c':
		switch v := v.(type) {
		case starlark.String:
			if len([]rune(string(v))) != 1 {
				return "", fmt.Errorf("%%c requires int or char")
			}
			return s.pad(string(v), false), nil
		case starlark.Int:
			n, ok := v.Int64()
			if !ok || n < 0 || n > 0x10ffff {
				return "", fmt.Errorf("%%c arg not in range(0x110000)")
			}
			return s.pad(string(rune(n)), false), nil
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
		neg := n.Sign() < 0
		digits := strings.TrimPrefix(n.BigInt().Text(base), "-")
		if s.verb == 'X' {
			digits = strings.ToUpper(digits)
		}
		if s.precision > len(digits) {
			digits = strings.Repeat("0", s.precision-len(digits)) + digits
		}
		if s.has('#') && base != 10 {
			digits = prefix + digits
		}
		return s.number(neg, digits), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, ok := starlark.AsFloat(v)
		if !ok {
			return "", fmt.Errorf("must be real number, not %s", v.Type())
		}
		prec := s.precision
		if prec < 0 {
			prec = 6
		}
		verb := s.verb
		if verb == 'F' {
			verb = 'f'
		}
		var digits string
		switch {
		case math.IsInf(f, 0):
			digits = "inf"
		case math.IsNaN(f):
			digits = "nan"
		case verb == 'g' || verb == 'G':
			if prec == 0 {
				prec = 1
			}
			digits = strconv.FormatFloat(math.Abs(f), 'g', prec, 64)
			if s.has('#') && !strings.Contains(digits, ".") {
				digits += "."
			}
			digits = pythonExponent(digits)
		default:
			digits = pythonExponent(strconv.FormatFloat(math.Abs(f), verb|0x20, prec, 64))
		}
		if s.verb == 'E' || s.verb == 'G' || s.verb == 'F' {
			digits = strings.ToUpper(digits)
		}
		return s.number(math.Signbit(f) && !math.IsNaN(f), digits), nil
	}
	return "", fmt.Errorf("unsupported format character %q", s.verb)
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

// pythonExponent writes an exponent with at least two digits, as Python
// does (1e+06, not Go's 1e+06: the same; 1e-7 becomes 1e-07).
func pythonExponent(s string) string {
	i := strings.IndexAny(s, "eE")
	if i < 0 || i+2 >= len(s) {
		return s
	}
	exp := s[i+2:]
	if len(exp) < 2 {
		exp = "0" + exp
	}
	return s[:i+2] + exp
}

// number pads a number's digits with its sign, as the flags say.
func (s fmtSpec) number(neg bool, digits string) string {
	sign := ""
	switch {
	case neg:
		sign = "-"
	case s.has('+'):
		sign = "+"
	case s.has(' '):
		sign = " "
	}
	if s.has('0') && !s.has('-') && len(sign)+len(digits) < s.width && digits != "inf" && digits != "nan" {
		digits = strings.Repeat("0", s.width-len(sign)-len(digits)) + digits
	}
	return s.pad(sign+digits, true)
}

// pad pads str to the width, on the left, or on the right with the - flag.
func (s fmtSpec) pad(str string, _ bool) string {
	n := s.width - len([]rune(str))
	if n <= 0 {
		return str
	}
	if s.has('-') {
		return str + strings.Repeat(" ", n)
	}
	return strings.Repeat(" ", n) + str
}
