package pybuiltin

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
)

func typeError(format string, args ...any) error  { return pyerr.New("TypeError", format, args...) }
func valueError(format string, args ...any) error { return pyerr.New("ValueError", format, args...) }

// intConv is int(x=0, base=10), as Python's: a string of digits in base
// (white space, a sign, underscores between digits and, with base 0 or
// its own base, a 0x, 0o or 0b prefix allowed), a number truncated
// toward zero.
func intConv(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value = starlark.MakeInt(0)
	var baseV starlark.Value
	if err := starlark.UnpackArgs("int", args, kwargs, "x?", &x, "base?", &baseV); err != nil {
		return nil, typeError("%v", err)
	}
	if baseV != nil {
		base, err := starlark.AsInt32(baseV)
		if err != nil || base != 0 && (base < 2 || base > 36) {
			return nil, valueError("int() base must be >= 2 and <= 36, or 0")
		}
		var s string
		switch v := x.(type) {
		case starlark.String:
			s = string(v)
		case starlark.Bytes:
			s = string(v)
		default:
			return nil, typeError("int() can't convert non-string with explicit base")
		}
		return parseInt(thread, s, base)
	}
	switch v := x.(type) {
	case starlark.Int:
		return v, nil
	case starlark.Bool:
		return boolInt(v), nil
	case starlark.Float:
		f := float64(v)
		if math.IsInf(f, 0) {
			return nil, pyerr.New("OverflowError", "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return nil, valueError("cannot convert float NaN to integer")
		}
		return starlark.NumberToInt(v)
	case starlark.String:
		return parseInt(thread, string(v), 10)
	case starlark.Bytes:
		return parseInt(thread, string(v), 10)
	}
	return nil, typeError("int() argument must be a string, a bytes-like object or a real number, not '%s'", typeName(x))
}

func boolInt(b starlark.Bool) starlark.Int {
	if b {
		return starlark.MakeInt(1)
	}
	return starlark.MakeInt(0)
}

// parseInt reads s as Python's int(s, base) does.
func parseInt(thread *starlark.Thread, s string, base int) (starlark.Value, error) {
	bad := func() error {
		r, _ := text(thread, starlark.String(s), true, Python, "int()")
		return valueError("invalid literal for int() with base %d: %s", base, r)
	}
	if len(s) > 4300 {
		return nil, valueError("Exceeds the limit (4300 digits) for integer string conversion: value has %d digits", len(s))
	}
	t := strings.TrimSpace(s)
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg, t = t[0] == '-', t[1:]
	}
	lower := strings.ToLower(t)
	prefixed := false
	for _, p := range []struct {
		prefix string
		base   int
	}{{"0x", 16}, {"0o", 8}, {"0b", 2}} {
		if strings.HasPrefix(lower, p.prefix) && (base == 0 || base == p.base) {
			t, base, prefixed = t[2:], p.base, true
			if strings.HasPrefix(t, "_") {
				t = t[1:]
			}
		}
	}
	if base == 0 {
		base = 10
		if len(t) > 1 && t[0] == '0' && strings.Trim(t, "0_") != "" {
			return nil, bad() // int("010", 0): no octal without 0o
		}
	}
	_ = prefixed
	if t == "" || t[0] == '_' || t[len(t)-1] == '_' || strings.Contains(t, "__") {
		return nil, bad()
	}
	n, ok := new(big.Int).SetString(strings.ReplaceAll(t, "_", ""), base)
	if !ok {
		return nil, bad()
	}
	if neg {
		n.Neg(n)
	}
	return starlark.MakeBigInt(n), nil
}

// floatConv is float(x=0.0), as Python's: "3.5", " 1e3 ", "inf", "nan".
func floatConv(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value = starlark.Float(0)
	if err := starlark.UnpackArgs("float", args, kwargs, "x?", &x); err != nil {
		return nil, typeError("%v", err)
	}
	switch v := x.(type) {
	case starlark.Float:
		return v, nil
	case starlark.Int:
		f, ok := starlark.AsFloat(v)
		if !ok || math.IsInf(f, 0) {
			return nil, pyerr.New("OverflowError", "int too large to convert to float")
		}
		return starlark.Float(f), nil
	case starlark.Bool:
		if v {
			return starlark.Float(1), nil
		}
		return starlark.Float(0), nil
	case starlark.String, starlark.Bytes:
		s, _ := starlark.AsString(v)
		if b, ok := v.(starlark.Bytes); ok {
			s = string(b)
		}
		if f, ok := parseFloat(s); ok {
			return starlark.Float(f), nil
		}
		r, _ := text(thread, v, true, Python, "float()")
		return nil, valueError("could not convert string to float: %s", r)
	}
	return nil, typeError("float() argument must be a string or a real number, not '%s'", typeName(x))
}

// parseFloat reads s as Python's float(s) does.
func parseFloat(s string) (float64, bool) {
	t := strings.TrimSpace(s)
	body := strings.TrimLeft(t, "+-")
	if len(t)-len(body) > 1 || body == "" {
		return 0, false
	}
	switch strings.ToLower(body) {
	case "inf", "infinity", "nan":
	default:
		for i := 0; i < len(body); i++ {
			c := body[i]
			if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' || c == '_') {
				return 0, false // no hexadecimal, no Go-only forms
			}
			if c == '_' && (i == 0 || i == len(body)-1 || !isDigit(body[i-1]) || !isDigit(body[i+1])) {
				return 0, false
			}
		}
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true // Python reads 1e999 as inf
		}
		return 0, false
	}
	return f, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// strConv is str(object="") or str(bytes, encoding="utf-8", errors="strict").
func strConv(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value = starlark.String("")
	var encoding, errors starlark.Value
	if err := starlark.UnpackArgs("str", args, kwargs, "object?", &x, "encoding?", &encoding, "errors?", &errors); err != nil {
		return nil, typeError("%v", err)
	}
	if encoding != nil || errors != nil {
		b, ok := x.(starlark.Bytes)
		if !ok {
			return nil, typeError("decoding to str: need a bytes-like object, %s found", typeName(x))
		}
		return decode(string(b), encoding, errors)
	}
	s, err := Str(thread, x)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

// decode is bytes.decode(encoding="utf-8", errors="strict").
func decode(b string, encoding, errors starlark.Value) (starlark.Value, error) {
	enc, mode := "utf-8", "strict"
	if s, ok := encoding.(starlark.String); ok {
		enc = string(s)
	}
	if s, ok := errors.(starlark.String); ok {
		mode = string(s)
	}
	switch normEncoding(enc) {
	case "utf8":
		if utf8.ValidString(b) {
			return starlark.String(b), nil
		}
		switch mode {
		case "replace":
			return starlark.String(strings.ToValidUTF8(b, "\uFFFD")), nil
		case "ignore":
			return starlark.String(strings.ToValidUTF8(b, "")), nil
		}
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRuneInString(b[i:])
			if r == utf8.RuneError && n == 1 {
				return nil, pyerr.New("UnicodeDecodeError", "'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b[i], i)
			}
			i += n
		}
	case "ascii":
		var sb strings.Builder
		for i := 0; i < len(b); i++ {
			if b[i] >= 0x80 {
				switch mode {
				case "replace":
					sb.WriteRune('\uFFFD')
					continue
				case "ignore":
					continue
				}
				return nil, pyerr.New("UnicodeDecodeError", "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", b[i], i)
			}
			sb.WriteByte(b[i])
		}
		return starlark.String(sb.String()), nil
	case "latin1":
		var sb strings.Builder
		for i := 0; i < len(b); i++ {
			sb.WriteRune(rune(b[i]))
		}
		return starlark.String(sb.String()), nil
	}
	return nil, pyerr.New("LookupError", "unknown encoding: %s", enc)
}

// encode is str.encode(encoding="utf-8", errors="strict").
func encode(s string, encoding, errors starlark.Value) (starlark.Value, error) {
	enc, mode := "utf-8", "strict"
	if e, ok := encoding.(starlark.String); ok {
		enc = string(e)
	}
	if e, ok := errors.(starlark.String); ok {
		mode = string(e)
	}
	limit := rune(0)
	switch normEncoding(enc) {
	case "utf8":
		return starlark.Bytes(s), nil
	case "ascii":
		limit = 0x80
	case "latin1":
		limit = 0x100
	default:
		return nil, pyerr.New("LookupError", "unknown encoding: %s", enc)
	}
	var b []byte
	pos := 0
	for _, r := range s {
		if r >= limit {
			switch mode {
			case "replace":
				b = append(b, '?')
			case "ignore":
			default:
				return nil, pyerr.New("UnicodeEncodeError", "'%s' codec can't encode character '\\u%04x' in position %d: ordinal not in range(%d)", map[rune]string{0x80: "ascii", 0x100: "latin-1"}[limit], r, pos, limit)
			}
		} else {
			b = append(b, byte(r))
		}
		pos++
	}
	return starlark.Bytes(b), nil
}

func normEncoding(enc string) string {
	e := strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(enc))
	switch e {
	case "utf8", "u8", "utf":
		return "utf8"
	case "ascii", "usascii":
		return "ascii"
	case "latin1", "iso88591", "l1":
		return "latin1"
	}
	return e
}

// bytesConv is bytes(source=b"", encoding=None, errors=None), as Python's:
// bytes(str, encoding), bytes(n) of n zero bytes, bytes(iterable of
// ints).
func bytesConv(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value = starlark.Bytes("")
	var encoding, errors starlark.Value
	if err := starlark.UnpackArgs("bytes", args, kwargs, "source?", &x, "encoding?", &encoding, "errors?", &errors); err != nil {
		return nil, typeError("%v", err)
	}
	switch v := x.(type) {
	case starlark.String:
		if encoding == nil {
			return nil, typeError("string argument without an encoding")
		}
		return encode(string(v), encoding, errors)
	case starlark.Bytes:
		return v, nil
	case starlark.Int:
		n, ok := v.Int64()
		if !ok || n < 0 {
			return nil, valueError("negative count")
		}
		if err := budget.Of(thread).Alloc(uint64(n), "bytes()", "bytes"); err != nil {
			return nil, err
		}
		return starlark.Bytes(make([]byte, n)), nil
	}
	if encoding != nil {
		return nil, typeError("encoding without a string argument")
	}
	if err := chargeElements(thread, "bytes()", 1, x); err != nil {
		return nil, err
	}
	b, err := starlark.Universe["bytes"].(*starlark.Builtin).CallInternal(thread, starlark.Tuple{x}, nil)
	if err != nil {
		return nil, valueError("%v", err)
	}
	return b, nil
}

// chargeElements charges the run for going through the elements of the
// iterables among args, making per bytes for each.
func chargeElements(thread *starlark.Thread, what string, per uint64, args ...starlark.Value) error {
	var n uint64
	for _, a := range args {
		if k := starlark.Len(a); k > 0 {
			n = add(n, uint64(k))
		}
	}
	if n == 0 {
		return nil
	}
	b := budget.Of(thread)
	if err := b.Alloc(mul(n, per+boxBytes), fmt.Sprintf("%s of %d elements", what, n), "a list"); err != nil {
		return err
	}
	return b.Steps(thread, n)
}

// collect returns list, tuple, set or dict as Python's: a string's
// characters and bytes' ints are their elements.
func collect(name string, per uint64) func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	b := starlark.Universe[name].(*starlark.Builtin)
	return func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		args, err := pyArgs(thread, args)
		if err != nil {
			return nil, err
		}
		if err := chargeElements(thread, name+"()", per, args...); err != nil {
			return nil, err
		}
		v, err := b.CallInternal(thread, args, kwargs)
		if err != nil {
			return nil, typeError("%v", err)
		}
		return v, nil
	}
}

// pyArgs is args with strings and bytes replaced by what Python iterates
// in them.
func pyArgs(thread *starlark.Thread, args starlark.Tuple) (starlark.Tuple, error) {
	var out starlark.Tuple
	for i, a := range args {
		switch a.(type) {
		case starlark.String, starlark.Bytes:
			if out == nil {
				out = append(starlark.Tuple(nil), args...)
			}
			it, err := Iterable(thread, a)
			if err != nil {
				return nil, err
			}
			out[i] = it
		}
	}
	if out == nil {
		return args, nil
	}
	return out, nil
}
