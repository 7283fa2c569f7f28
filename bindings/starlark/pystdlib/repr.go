package pystdlib

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// Repr is Python's repr of the common values: strings in single quotes,
// True, False and None, floats as Python prints them, and lists, tuples
// and dicts of those. Other values show as Starlark shows them.
func Repr(v starlark.Value) string {
	var b strings.Builder
	writeRepr(&b, v, 0)
	return b.String()
}

// maxReprDepth bounds the nesting Repr follows (a list holding itself).
const maxReprDepth = 100

func writeRepr(b *strings.Builder, v starlark.Value, depth int) {
	if depth > maxReprDepth {
		b.WriteString("...")
		return
	}
	switch v := v.(type) {
	case starlark.NoneType:
		b.WriteString("None")
	case starlark.Bool:
		if v {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case starlark.String:
		b.WriteString(ReprString(string(v)))
	case starlark.Bytes:
		b.WriteString("b" + ReprString(string(v)))
	case starlark.Float:
		b.WriteString(FloatRepr(float64(v)))
	case *starlark.List:
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, v.Index(i), depth+1)
		}
		b.WriteByte(']')
	case starlark.Tuple:
		b.WriteByte('(')
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, x, depth+1)
		}
		if len(v) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *starlark.Dict:
		b.WriteByte('{')
		for i, kv := range v.Items() {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, kv[0], depth+1)
			b.WriteString(": ")
			writeRepr(b, kv[1], depth+1)
		}
		b.WriteByte('}')
	case *starlark.Set:
		if v.Len() == 0 {
			b.WriteString("set()")
			return
		}
		b.WriteByte('{')
		iter := v.Iterate()
		defer iter.Done()
		var x starlark.Value
		for i := 0; iter.Next(&x); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, x, depth+1)
		}
		b.WriteByte('}')
	case interface{ PyRepr() string }:
		b.WriteString(v.PyRepr())
	default:
		b.WriteString(v.String())
	}
}

// ReprString quotes s as Python's repr of a str does: in single quotes
// unless s holds a single quote and no double quote, with Python's escapes.
func ReprString(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&b, `\x%02x`, s[i])
			i++
			continue
		}
		i += n
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == rune(q):
			b.WriteByte('\\')
			b.WriteByte(q)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x80 || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// FloatRepr formats f as Python's repr of a float: the shortest text that
// reads back as f, in positional notation for exponents from -4 to 15
// ("0.0001", "1e+16", "1.5", "2.0"), and inf, -inf, nan.
func FloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	i := strings.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[i+1:])
	if exp >= -4 && exp < 16 {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.ContainsAny(s, ".") {
			s += ".0"
		}
		return s
	}
	mant := e[:i]
	sign := "+"
	if exp < 0 {
		sign, exp = "-", -exp
	}
	return fmt.Sprintf("%se%s%02d", mant, sign, exp)
}
