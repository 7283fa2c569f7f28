package pybuiltin

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
)

// method is a Python method of a value, called with its receiver.
type method func(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

// The Python methods that Starlark's values lack, or have with another
// error (Python's class matters to an except clause), by receiver type.
var (
	strMethods = map[string]method{
		"ljust": pad('<'), "rjust": pad('>'), "center": pad('^'), "zfill": zfill,
		"expandtabs": expandtabs, "swapcase": swapcase, "casefold": casefold, "encode": strEncode,
		"isdecimal": isDecimal, "isnumeric": isNumeric, "isascii": isASCII, "isidentifier": isIdentifier,
		"isprintable": isPrintable, "format_map": formatMap, "index": strIndex, "rindex": strIndex,
	}
	listMethods = map[string]method{
		"sort": listSort, "copy": listCopy, "count": count, "reverse": listReverse, "index": listIndex,
		"remove": listRemove, "pop": listPop,
	}
	dictMethods  = map[string]method{"copy": dictCopy, "pop": dictPop}
	bytesMethods = map[string]method{
		"decode": bytesDecode, "hex": bytesHex, "startswith": viaString, "endswith": viaString, "find": viaString,
		"rfind": viaString, "count": viaString, "index": viaString, "strip": viaString, "lstrip": viaString,
		"rstrip": viaString, "upper": viaString, "lower": viaString, "isdigit": viaString, "isalpha": viaString,
		"isspace": viaString, "isascii": viaString, "isalnum": viaString,
	}
	intMethods   = map[string]method{"bit_length": bitLength}
	floatMethods = map[string]method{"is_integer": isInteger}
	attrNames    = func() map[string]bool {
		names := map[string]bool{}
		for _, t := range []map[string]method{strMethods, listMethods, dictMethods, bytesMethods, intMethods, floatMethods} {
			for n := range t {
				names[n] = true
			}
		}
		return names
	}()
)

// Attrs is the set of names Attr handles: the Python dialect routes the
// reads of these attributes, and only these, through Attr.
func Attrs() map[string]bool {
	out := make(map[string]bool, len(attrNames))
	for n := range attrNames {
		out[n] = true
	}
	return out
}

// Attr is v.name for the Python methods Starlark's values lack (list.sort,
// str.ljust, bytes.decode, ...), bound to v; ok is false when v has the
// attribute natively or Python lacks it too. It makes nothing when ok is
// false.
func Attr(thread *starlark.Thread, v starlark.Value, name string) (starlark.Value, bool, error) {
	var table map[string]method
	switch v.(type) {
	case starlark.String:
		table = strMethods
	case *starlark.List:
		table = listMethods
	case *starlark.Dict:
		table = dictMethods
	case starlark.Bytes:
		table = bytesMethods
	case starlark.Int, starlark.Bool:
		table = intMethods
	case starlark.Float:
		table = floatMethods
	default:
		return nil, false, nil
	}
	m, ok := table[name]
	if !ok {
		return nil, false, nil
	}
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return m(thread, b, b.Receiver(), args, kwargs)
	}).BindReceiver(v), true, nil
}

// pad returns ljust (<), rjust (>) or center (^): width, fillchar=" ".
func pad(align byte) method {
	return func(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		s := string(recv.(starlark.String))
		var width int
		fill := " "
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &width, &fill); err != nil {
			return nil, typeError("%v", err)
		}
		if utf8.RuneCountInString(fill) != 1 {
			return nil, typeError("The fill character must be exactly one character long")
		}
		n := width - utf8.RuneCountInString(s)
		if n <= 0 {
			return recv, nil
		}
		if err := budget.Of(thread).Alloc(uint64(n)*uint64(len(fill))+uint64(len(s)), "str."+b.Name(), "a string"); err != nil {
			return nil, err
		}
		left := 0
		switch align {
		case '>':
			left = n
		case '^':
			left = n/2 + (n & width & 1) // as CPython centers
		}
		return starlark.String(strings.Repeat(fill, left) + s + strings.Repeat(fill, n-left)), nil
	}
}

func zfill(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s := string(recv.(starlark.String))
	var width int
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &width); err != nil {
		return nil, typeError("%v", err)
	}
	n := width - utf8.RuneCountInString(s)
	if n <= 0 {
		return recv, nil
	}
	if err := budget.Of(thread).Alloc(uint64(width), "str.zfill", "a string"); err != nil {
		return nil, err
	}
	sign := ""
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	return starlark.String(sign + strings.Repeat("0", n) + s), nil
}

func expandtabs(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s := string(recv.(starlark.String))
	tabsize := 8
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "tabsize?", &tabsize); err != nil {
		return nil, typeError("%v", err)
	}
	size := uint64(len(s)) + uint64(strings.Count(s, "\t"))*uint64(max(tabsize, 0))
	if err := budget.Of(thread).Alloc(size, "str.expandtabs", "a string"); err != nil {
		return nil, err
	}
	var out strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			if tabsize > 0 {
				n := tabsize - col%tabsize
				out.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			out.WriteRune(r)
			col = 0
		default:
			out.WriteRune(r)
			col++
		}
	}
	return starlark.String(out.String()), nil
}

func noArgs(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return typeError("%v", err)
	}
	return nil
}

func swapcase(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.String(strings.Map(func(r rune) rune {
		switch {
		case unicode.IsUpper(r):
			return unicode.ToLower(r)
		case unicode.IsLower(r):
			return unicode.ToUpper(r)
		}
		return r
	}, string(recv.(starlark.String)))), nil
}

func casefold(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := strings.ToLower(string(recv.(starlark.String)))
	return starlark.String(strings.ReplaceAll(s, "ß", "ss")), nil
}

func strEncode(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var encoding, errors starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "encoding?", &encoding, "errors?", &errors); err != nil {
		return nil, typeError("%v", err)
	}
	return encode(string(recv.(starlark.String)), encoding, errors)
}

// all returns a method that is true when the string is not empty and
// every character satisfies f.
func all(f func(rune) bool) method {
	return func(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := noArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		s := string(recv.(starlark.String))
		if b.Name() == "isprintable" && s == "" {
			return starlark.True, nil
		}
		if b.Name() == "isascii" && s == "" {
			return starlark.True, nil
		}
		for _, r := range s {
			if !f(r) {
				return starlark.False, nil
			}
		}
		return starlark.Bool(s != ""), nil
	}
}

var (
	isDecimal   = all(func(r rune) bool { return unicode.Is(unicode.Nd, r) })
	isNumeric   = all(func(r rune) bool { return unicode.IsNumber(r) })
	isASCII     = all(func(r rune) bool { return r < utf8.RuneSelf })
	isPrintable = all(func(r rune) bool { return r == ' ' || unicode.IsPrint(r) })
)

func isIdentifier(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := string(recv.(starlark.String))
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))) {
			return starlark.False, nil
		}
	}
	return starlark.Bool(s != ""), nil
}

func formatMap(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var m starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &m); err != nil {
		return nil, typeError("%v", err)
	}
	mapping, ok := m.(starlark.Mapping)
	if !ok {
		return nil, typeError("'%s' object is not a mapping", typeName(m))
	}
	return FormatMap(thread, string(recv.(starlark.String)), mapping, Python)
}

// strIndex is str.index and str.rindex: Starlark's, with Python's
// ValueError.
func strIndex(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	find := "find"
	if b.Name() == "rindex" {
		find = "rfind"
	}
	f, _ := recv.(starlark.String).Attr(find)
	v, err := starlark.Call(thread, f, args, kwargs)
	if err != nil {
		return nil, typeError("%v", err)
	}
	if i, ok := v.(starlark.Int); ok && i.Sign() < 0 {
		return nil, valueError("substring not found")
	}
	return v, nil
}

func listSort(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	l := recv.(*starlark.List)
	var key starlark.Value
	var reverse bool
	if len(args) > 0 {
		return nil, typeError("sort() takes no positional arguments")
	}
	if err := starlark.UnpackArgs(b.Name(), nil, kwargs, "key?", &key, "reverse?", &reverse); err != nil {
		return nil, typeError("%v", err)
	}
	xs, err := keys(thread, "list.sort", l, key)
	if err != nil {
		return nil, err
	}
	if err := sortKeyed(thread, xs, reverse); err != nil {
		return nil, err
	}
	if l.Len() != len(xs) {
		return nil, valueError("list modified during sort")
	}
	for i, x := range xs {
		if err := l.SetIndex(i, x.v); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

func listCopy(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	l := recv.(*starlark.List)
	if err := chargeElements(thread, "list.copy", slotBytes, l); err != nil {
		return nil, err
	}
	out := make([]starlark.Value, l.Len())
	for i := range out {
		out[i] = l.Index(i)
	}
	return starlark.NewList(out), nil
}

// count is list.count(x), with Python's ==.
func count(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, typeError("%v", err)
	}
	l := recv.(starlark.Indexable)
	if err := budget.Of(thread).Steps(thread, uint64(l.Len())); err != nil {
		return nil, err
	}
	n := 0
	for i := 0; i < l.Len(); i++ {
		eq, err := Equal(thread, l.Index(i), x)
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return starlark.MakeInt(n), nil
}

func listReverse(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	l := recv.(*starlark.List)
	if err := budget.Of(thread).Steps(thread, uint64(l.Len())); err != nil {
		return nil, err
	}
	for i, j := 0, l.Len()-1; i < j; i, j = i+1, j-1 {
		a, z := l.Index(i), l.Index(j)
		if err := l.SetIndex(i, z); err != nil {
			return nil, err
		}
		if err := l.SetIndex(j, a); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

// listIndex is list.index(x[, start[, end]]) with Python's == and
// ValueError.
func listIndex(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	l := recv.(*starlark.List)
	var x starlark.Value
	start, end := 0, l.Len()
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x, &start, &end); err != nil {
		return nil, typeError("%v", err)
	}
	if start < 0 {
		start = max(start+l.Len(), 0)
	}
	if end < 0 {
		end += l.Len()
	}
	end = min(end, l.Len())
	if err := budget.Of(thread).Steps(thread, uint64(max(end-start, 0))); err != nil {
		return nil, err
	}
	for i := start; i < end; i++ {
		eq, err := Equal(thread, l.Index(i), x)
		if err != nil {
			return nil, err
		}
		if eq {
			return starlark.MakeInt(i), nil
		}
	}
	r, _ := Repr(thread, x)
	return nil, valueError("%s is not in list", r)
}

func listRemove(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	i, err := listIndex(thread, b, recv, args, kwargs)
	if err != nil {
		if e, ok := pyerr.As(err); ok && e.Class == "ValueError" {
			return nil, valueError("list.remove(x): x not in list")
		}
		return nil, err
	}
	pop, _ := recv.(*starlark.List).Attr("pop")
	if _, err := starlark.Call(thread, pop, starlark.Tuple{i}, nil); err != nil {
		return nil, err
	}
	return starlark.None, nil
}

func listPop(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	l := recv.(*starlark.List)
	i := -1
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &i); err != nil {
		return nil, typeError("%v", err)
	}
	if l.Len() == 0 {
		return nil, pyerr.New("IndexError", "pop from empty list")
	}
	if i < -l.Len() || i >= l.Len() {
		return nil, pyerr.New("IndexError", "pop index out of range")
	}
	pop, _ := l.Attr("pop")
	return starlark.Call(thread, pop, starlark.Tuple{starlark.MakeInt(i)}, nil)
}

func dictCopy(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	d := recv.(*starlark.Dict)
	if err := chargeElements(thread, "dict.copy", 64, d); err != nil {
		return nil, err
	}
	out := starlark.NewDict(d.Len())
	for _, kv := range d.Items() {
		if err := out.SetKey(kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// dictPop is dict.pop(key[, default]) with Python's KeyError.
func dictPop(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	d := recv.(*starlark.Dict)
	var k, def starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &k, &def); err != nil {
		return nil, typeError("%v", err)
	}
	v, found, err := d.Delete(k)
	if err != nil {
		return nil, typeError("%v", err)
	}
	if found {
		return v, nil
	}
	if def != nil {
		return def, nil
	}
	r, _ := Repr(thread, k)
	return nil, pyerr.New("KeyError", "%s", r)
}

func bytesDecode(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var encoding, errors starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "encoding?", &encoding, "errors?", &errors); err != nil {
		return nil, typeError("%v", err)
	}
	return decode(string(recv.(starlark.Bytes)), encoding, errors)
}

func bytesHex(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := recv.(starlark.Bytes)
	if err := budget.Of(thread).Alloc(2*uint64(len(s)), "bytes.hex", "a string"); err != nil {
		return nil, err
	}
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, hexDigits[s[i]>>4], hexDigits[s[i]&15])
	}
	return starlark.String(out), nil
}

// viaString is a bytes method that the string method of the same name
// does byte for byte (its arguments bytes too), with bytes results.
func viaString(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	conv := func(v starlark.Value) starlark.Value {
		switch x := v.(type) {
		case starlark.Bytes:
			return starlark.String(x)
		case starlark.Tuple:
			out := make(starlark.Tuple, len(x))
			for i, e := range x {
				if eb, ok := e.(starlark.Bytes); ok {
					out[i] = starlark.String(eb)
				} else {
					out[i] = e
				}
			}
			return out
		}
		return v
	}
	sargs := make(starlark.Tuple, len(args))
	for i, a := range args {
		if _, ok := a.(starlark.String); ok {
			return nil, typeError("argument should be integer or bytes-like object, not 'str'")
		}
		sargs[i] = conv(a)
	}
	m, _ := starlark.String(recv.(starlark.Bytes)).Attr(b.Name())
	v, err := starlark.Call(thread, m, sargs, kwargs)
	if err != nil {
		return nil, typeError("%v", err)
	}
	if b.Name() == "index" {
		if i, ok := v.(starlark.Int); ok && i.Sign() < 0 {
			return nil, valueError("subsection not found")
		}
	}
	if s, ok := v.(starlark.String); ok {
		return starlark.Bytes(s), nil
	}
	return v, nil
}

func bitLength(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	i := asNumber(recv).(starlark.Int).BigInt()
	return starlark.MakeInt(i.Abs(i).BitLen()), nil
}

func isInteger(thread *starlark.Thread, b *starlark.Builtin, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	f := float64(recv.(starlark.Float))
	return starlark.Bool(!math.IsInf(f, 0) && f == math.Trunc(f)), nil
}
