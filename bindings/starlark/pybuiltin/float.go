package pybuiltin

import (
	"math"
	"strconv"
	"strings"
)

// FloatRepr is Python's repr of a float: the shortest digits that read
// back as f, in fixed notation for 1e-4 <= |f| < 1e16 (with ".0" when it
// is integral), otherwise in exponent form with at least two exponent
// digits (1e+16, 1.5e-05); inf, -inf, nan, -0.0.
func FloatRepr(f float64) string {
	var buf [32]byte
	return string(appendFloat(buf[:0], f))
}

// appendFloat appends FloatRepr(f) to b.
func appendFloat(b []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "nan"...)
	case math.IsInf(f, 1):
		return append(b, "inf"...)
	case math.IsInf(f, -1):
		return append(b, "-inf"...)
	}
	a := math.Abs(f)
	if a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.AppendFloat(b, f, 'e', -1, 64) // Go writes 1e+16, 1.5e-05
	}
	start := len(b)
	b = strconv.AppendFloat(b, f, 'f', -1, 64)
	for _, c := range b[start:] {
		if c == '.' {
			return b
		}
	}
	return append(b, ".0"...)
}

// pythonExponent writes an exponent with at least two digits, as Python
// does (1e-7 becomes 1e-07).
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
