package pystdlib

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/bindings/starlark/pyrun"
	"github.com/vertscript/vertscript/host"
)

// json is Python's json module (not Starlark's: its names and its text):
//
//	dumps(obj, skipkeys=False, ensure_ascii=True, allow_nan=True, indent=None, separators=None, default=None, sort_keys=False)
//	dump(obj, fp, ...)     fp.write(dumps(obj, ...)); fp is sys.stdout, sys.stderr or an object with write
//	loads(s), load(fp)     fp an object with read()
//	JSONDecodeError        a ValueError
//
// The text is Python's to the byte: ", " and ": " separators, ASCII
// escapes, floats as Python's repr, NaN and Infinity.
func (r *run) jsonModule() *starlarkstruct.Module {
	return module("json", map[string]builtin{
		"dumps": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var obj starlark.Value
			e, err := jsonEncoderArgs(b, args, kwargs, &obj, nil)
			if err != nil {
				return nil, err
			}
			s, err := e.encode(thread, obj)
			if err != nil {
				return nil, err
			}
			return starlark.String(s), nil
		},
		"dump": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var obj, fp starlark.Value
			e, err := jsonEncoderArgs(b, args, kwargs, &obj, &fp)
			if err != nil {
				return nil, err
			}
			s, err := e.encode(thread, obj)
			if err != nil {
				return nil, err
			}
			return starlark.None, write(thread, fp, r.o.Stdout, s)
		},
		"loads": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s starlark.Value
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "s", &s, "cls?", new(starlark.Value), "object_hook?", new(starlark.Value),
				"parse_float?", new(starlark.Value), "parse_int?", new(starlark.Value), "parse_constant?", new(starlark.Value),
				"object_pairs_hook?", new(starlark.Value)); err != nil {
				return nil, err
			}
			return jsonLoads(thread, s)
		},
		"load": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var fp starlark.Value
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "fp", &fp, "cls?", new(starlark.Value), "object_hook?", new(starlark.Value),
				"parse_float?", new(starlark.Value), "parse_int?", new(starlark.Value), "parse_constant?", new(starlark.Value),
				"object_pairs_hook?", new(starlark.Value)); err != nil {
				return nil, err
			}
			read, err := methodOf(fp, "read")
			if err != nil {
				return nil, err
			}
			s, err := starlark.Call(thread, read, nil, nil)
			if err != nil {
				return nil, err
			}
			return jsonLoads(thread, s)
		},
	}, starlark.StringDict{"JSONDecodeError": pyrun.NewClass("JSONDecodeError")})
}

// methodOf returns v's method name, or a TypeError.
func methodOf(v starlark.Value, name string) (starlark.Value, error) {
	if a, ok := v.(starlark.HasAttrs); ok {
		if m, err := a.Attr(name); err == nil && m != nil {
			return m, nil
		}
	}
	return nil, pyerr.New("AttributeError", "'%s' object has no attribute '%s'", v.Type(), name)
}

// jsonEncoder is json.dumps's settings.
type jsonEncoder struct {
	skipKeys, ascii, allowNaN, sortKeys bool
	indent                              *string
	itemSep, keySep                     string
	deflt                               starlark.Value
	name                                string
	b                                   strings.Builder
	next                                int // the output length at which the budget is charged again
}

func jsonEncoderArgs(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, obj, fp *starlark.Value) (*jsonEncoder, error) {
	e := &jsonEncoder{ascii: true, allowNaN: true, name: b.Name()}
	var indent, separators, deflt starlark.Value = starlark.None, starlark.None, starlark.None
	params := []any{"obj", obj}
	if fp != nil {
		params = append(params, "fp", fp)
	}
	params = append(params, "skipkeys?", &e.skipKeys, "ensure_ascii?", &e.ascii, "check_circular?", new(bool),
		"allow_nan?", &e.allowNaN, "cls?", new(starlark.Value), "indent?", &indent, "separators?", &separators,
		"default?", &deflt, "sort_keys?", &e.sortKeys)
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, params...); err != nil {
		return nil, err
	}
	switch v := indent.(type) {
	case starlark.NoneType:
	case starlark.Int:
		n, err := starlark.AsInt32(v)
		if err != nil || n > 1000 {
			return nil, valueError("%s: indent %s is too large", b.Name(), v)
		}
		s := strings.Repeat(" ", max(n, 0))
		e.indent = &s
	case starlark.String:
		s := string(v)
		e.indent = &s
	default:
		return nil, typeError("%s: indent must be None, an int or a str, not %s", b.Name(), indent.Type())
	}
	e.itemSep, e.keySep = ", ", ": "
	if e.indent != nil {
		e.itemSep = ","
	}
	if separators != starlark.None {
		t, ok := separators.(starlark.Indexable)
		if !ok || t.Len() != 2 {
			return nil, valueError("%s: separators must be a pair of strings", b.Name())
		}
		a, ok1 := t.Index(0).(starlark.String)
		c, ok2 := t.Index(1).(starlark.String)
		if !ok1 || !ok2 {
			return nil, typeError("%s: separators must be a pair of strings", b.Name())
		}
		e.itemSep, e.keySep = string(a), string(c)
	}
	if deflt != starlark.None {
		e.deflt = deflt
	}
	return e, nil
}

func (e *jsonEncoder) encode(thread *starlark.Thread, v starlark.Value) (string, error) {
	e.next = 4096
	if err := e.value(thread, v, 0); err != nil {
		return "", err
	}
	return e.b.String(), nil
}

// grow charges the budget as the text doubles.
func (e *jsonEncoder) grow(thread *starlark.Thread) error {
	if n := e.b.Len(); n >= e.next {
		if err := alloc(thread, 2*n, e.name, "a string"); err != nil {
			return err
		}
		if err := steps(thread, n/8); err != nil {
			return err
		}
		e.next = 2 * n
	}
	return nil
}

func (e *jsonEncoder) newline(depth int) {
	if e.indent == nil {
		return
	}
	e.b.WriteByte('\n')
	for range depth {
		e.b.WriteString(*e.indent)
	}
}

func (e *jsonEncoder) float(f float64) (string, error) {
	switch {
	case math.IsNaN(f):
		if !e.allowNaN {
			return "", valueError("Out of range float values are not JSON compliant")
		}
		return "NaN", nil
	case math.IsInf(f, 1):
		if !e.allowNaN {
			return "", valueError("Out of range float values are not JSON compliant")
		}
		return "Infinity", nil
	case math.IsInf(f, -1):
		if !e.allowNaN {
			return "", valueError("Out of range float values are not JSON compliant")
		}
		return "-Infinity", nil
	}
	return FloatRepr(f), nil
}

func (e *jsonEncoder) value(thread *starlark.Thread, v starlark.Value, depth int) error {
	if depth > host.MaxNesting {
		return valueError("Circular reference detected")
	}
	if err := e.grow(thread); err != nil {
		return err
	}
	if d, ok := v.(*defaultDict); ok {
		v = d.Dict
	}
	switch v := v.(type) {
	case starlark.NoneType:
		e.b.WriteString("null")
	case starlark.Bool:
		if v {
			e.b.WriteString("true")
		} else {
			e.b.WriteString("false")
		}
	case starlark.Int:
		e.b.WriteString(v.String())
	case starlark.Float:
		s, err := e.float(float64(v))
		if err != nil {
			return err
		}
		e.b.WriteString(s)
	case starlark.String:
		e.b.WriteString(jsonQuote(string(v), e.ascii))
	case *starlark.Dict:
		items := v.Items()
		if len(items) == 0 {
			e.b.WriteString("{}")
			return nil
		}
		type kv struct {
			k    string
			orig starlark.Value
			v    starlark.Value
		}
		var list []kv
		for _, it := range items {
			var k string
			switch key := it[0].(type) {
			case starlark.String:
				k = string(key)
			case starlark.Int:
				k = key.String()
			case starlark.Float:
				s, err := e.float(float64(key))
				if err != nil {
					return err
				}
				k = s
			case starlark.Bool:
				k = map[bool]string{true: "true", false: "false"}[bool(key)]
			case starlark.NoneType:
				k = "null"
			default:
				if e.skipKeys {
					continue
				}
				return typeError("keys must be str, int, float, bool or None, not %s", key.Type())
			}
			list = append(list, kv{k, it[0], it[1]})
		}
		if e.sortKeys {
			var sortErr error
			sort.SliceStable(list, func(i, j int) bool {
				lt, err := starlark.Compare(syntax.LT, list[i].orig, list[j].orig)
				if err != nil && sortErr == nil {
					sortErr = typeError("'<' not supported between instances of '%s' and '%s'", list[i].orig.Type(), list[j].orig.Type())
				}
				return lt
			})
			if sortErr != nil {
				return sortErr
			}
		}
		e.b.WriteByte('{')
		for i, it := range list {
			if i > 0 {
				e.b.WriteString(e.itemSep)
			}
			e.newline(depth + 1)
			e.b.WriteString(jsonQuote(it.k, e.ascii))
			e.b.WriteString(e.keySep)
			if err := e.value(thread, it.v, depth+1); err != nil {
				return err
			}
		}
		e.newline(depth)
		e.b.WriteByte('}')
	case starlark.Indexable: // list, tuple
		if _, isStr := v.(starlark.Bytes); isStr {
			break
		}
		if v.Len() == 0 {
			e.b.WriteString("[]")
			return nil
		}
		e.b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				e.b.WriteString(e.itemSep)
			}
			e.newline(depth + 1)
			if err := e.value(thread, v.Index(i), depth+1); err != nil {
				return err
			}
		}
		e.newline(depth)
		e.b.WriteByte(']')
	default:
		return e.other(thread, v, depth)
	}
	return nil
}

func (e *jsonEncoder) other(thread *starlark.Thread, v starlark.Value, depth int) error {
	if e.deflt != nil {
		x, err := starlark.Call(thread, e.deflt, starlark.Tuple{v}, nil)
		if err != nil {
			return err
		}
		return e.value(thread, x, depth+1)
	}
	return typeError("Object of type %s is not JSON serializable", v.Type())
}

// jsonQuote is Python's JSON string: escapes for ", \, control
// characters, and with ascii every character past ~ as \uXXXX (UTF-16).
func jsonQuote(s string, ascii bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20 || (ascii && r > '~'):
				if r > 0xffff {
					r1, r2 := utf16.EncodeRune(r)
					fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
				} else {
					fmt.Fprintf(&b, `\u%04x`, r)
				}
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// JSON decoding: Python's json.loads, with its error messages.

func jsonLoads(thread *starlark.Thread, v starlark.Value) (starlark.Value, error) {
	var s string
	switch x := v.(type) {
	case starlark.String:
		s = string(x)
	case starlark.Bytes:
		s = string(x)
	default:
		return nil, typeError("the JSON object must be str, bytes or bytearray, not %s", v.Type())
	}
	if err := steps(thread, len(s)+1); err != nil {
		return nil, err
	}
	if strings.HasPrefix(s, "\ufeff") {
		return nil, jsonError(s, 0, "Unexpected UTF-8 BOM (decode using utf-8-sig)")
	}
	d := &jsonDecoder{s: s, thread: thread}
	i := d.space(0)
	val, end, err := d.value(i, 0)
	if err != nil {
		return nil, err
	}
	end = d.space(end)
	if end != len(s) {
		return nil, jsonError(s, end, "Extra data")
	}
	return val, nil
}

// jsonError is json.JSONDecodeError at byte offset off of s, located as
// Python's: line, column and character index.
func jsonError(s string, off int, msg string) error {
	pos := utf8.RuneCountInString(s[:off])
	line := strings.Count(s[:off], "\n") + 1
	col := pos + 1
	if i := strings.LastIndexByte(s[:off], '\n'); i >= 0 {
		col = utf8.RuneCountInString(s[i+1:off]) + 1
	}
	return pyerr.New("JSONDecodeError", "%s: line %d column %d (char %d)", msg, line, col, pos)
}

type jsonDecoder struct {
	s      string
	thread *starlark.Thread
	made   int // values made, charged to the budget in batches
}

func (d *jsonDecoder) space(i int) int {
	for i < len(d.s) && (d.s[i] == ' ' || d.s[i] == '\t' || d.s[i] == '\n' || d.s[i] == '\r') {
		i++
	}
	return i
}

// made charges the values decoded so far against the memory limit.
func (d *jsonDecoder) charge() error {
	d.made++
	if d.made%1024 == 0 {
		return alloc(d.thread, d.made*64, "json.loads", "a value")
	}
	return nil
}

func (d *jsonDecoder) value(i, depth int) (starlark.Value, int, error) {
	if depth > host.MaxNesting {
		return nil, 0, pyerr.New("RecursionError", "maximum recursion depth exceeded while decoding a JSON document")
	}
	if err := d.charge(); err != nil {
		return nil, 0, err
	}
	s := d.s
	if i >= len(s) {
		return nil, 0, jsonError(s, i, "Expecting value")
	}
	switch c := s[i]; {
	case c == '"':
		str, end, err := d.str(i)
		return starlark.String(str), end, err
	case c == '{':
		return d.object(i, depth)
	case c == '[':
		return d.array(i, depth)
	case strings.HasPrefix(s[i:], "null"):
		return starlark.None, i + 4, nil
	case strings.HasPrefix(s[i:], "true"):
		return starlark.True, i + 4, nil
	case strings.HasPrefix(s[i:], "false"):
		return starlark.False, i + 5, nil
	case strings.HasPrefix(s[i:], "NaN"):
		return starlark.Float(math.NaN()), i + 3, nil
	case strings.HasPrefix(s[i:], "Infinity"):
		return starlark.Float(math.Inf(1)), i + 8, nil
	case strings.HasPrefix(s[i:], "-Infinity"):
		return starlark.Float(math.Inf(-1)), i + 9, nil
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number(i)
	}
	return nil, 0, jsonError(s, i, "Expecting value")
}

func (d *jsonDecoder) number(i int) (starlark.Value, int, error) {
	s := d.s
	j := i
	if s[j] == '-' {
		j++
	}
	if j >= len(s) || s[j] < '0' || s[j] > '9' {
		return nil, 0, jsonError(s, i, "Expecting value")
	}
	if s[j] == '0' {
		j++
	} else {
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
	}
	isFloat := false
	if j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
		isFloat = true
		j += 2
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < len(s) && s[k] >= '0' && s[k] <= '9' {
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			isFloat, j = true, k
		}
	}
	text := s[i:j]
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !isRangeErr(err) {
			return nil, 0, jsonError(s, i, "Expecting value")
		}
		return starlark.Float(f), j, nil
	}
	if len(text) > 4300 {
		return nil, 0, valueError("Exceeds the limit (4300 digits) for integer string conversion: value has %d digits", len(text))
	}
	n, _ := new(big.Int).SetString(text, 10)
	return starlark.MakeBigInt(n), j, nil
}

// str reads the string whose quote is at i.
func (d *jsonDecoder) str(i int) (string, int, error) {
	s := d.s
	var b strings.Builder
	j := i + 1
	for {
		k := j
		for k < len(s) && s[k] != '"' && s[k] != '\\' && s[k] >= 0x20 {
			k++
		}
		b.WriteString(s[j:k])
		if k >= len(s) {
			return "", 0, jsonError(s, i, "Unterminated string starting at")
		}
		switch c := s[k]; {
		case c == '"':
			return b.String(), k + 1, nil
		case c < 0x20:
			return "", 0, jsonError(s, k, "Invalid control character at")
		}
		// A backslash.
		if k+1 >= len(s) {
			return "", 0, jsonError(s, i, "Unterminated string starting at")
		}
		esc := s[k+1]
		j = k + 2
		switch esc {
		case '"', '\\', '/':
			b.WriteByte(esc)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hex4(s, k+2)
			if !ok {
				return "", 0, jsonError(s, k+1, "Invalid \\uXXXX escape")
			}
			j = k + 6
			if utf16.IsSurrogate(r) && r < 0xdc00 && strings.HasPrefix(s[j:], `\u`) {
				if r2, ok := hex4(s, j+2); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
					r = utf16.DecodeRune(r, r2)
					j += 6
				}
			}
			b.WriteRune(r)
		default:
			return "", 0, jsonError(s, k, "Invalid \\escape")
		}
	}
}

func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	for _, c := range s[i : i+4] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return 0, false
		}
	}
	v, err := strconv.ParseUint(s[i:i+4], 16, 32)
	return rune(v), err == nil
}

func (d *jsonDecoder) object(i, depth int) (starlark.Value, int, error) {
	s := d.s
	dict := starlark.NewDict(4)
	j := d.space(i + 1)
	if j < len(s) && s[j] == '}' {
		return dict, j + 1, nil
	}
	for {
		if j >= len(s) || s[j] != '"' {
			return nil, 0, jsonError(s, j, "Expecting property name enclosed in double quotes")
		}
		k, end, err := d.str(j)
		if err != nil {
			return nil, 0, err
		}
		j = d.space(end)
		if j >= len(s) || s[j] != ':' {
			return nil, 0, jsonError(s, j, "Expecting ':' delimiter")
		}
		j = d.space(j + 1)
		v, end, err := d.value(j, depth+1)
		if err != nil {
			return nil, 0, err
		}
		dict.SetKey(starlark.String(k), v)
		j = d.space(end)
		if j < len(s) && s[j] == '}' {
			return dict, j + 1, nil
		}
		if j >= len(s) || s[j] != ',' {
			return nil, 0, jsonError(s, j, "Expecting ',' delimiter")
		}
		j = d.space(j + 1)
	}
}

func (d *jsonDecoder) array(i, depth int) (starlark.Value, int, error) {
	s := d.s
	var elems []starlark.Value
	j := d.space(i + 1)
	if j < len(s) && s[j] == ']' {
		return starlark.NewList(nil), j + 1, nil
	}
	for {
		v, end, err := d.value(j, depth+1)
		if err != nil {
			return nil, 0, err
		}
		elems = append(elems, v)
		j = d.space(end)
		if j < len(s) && s[j] == ']' {
			return starlark.NewList(elems), j + 1, nil
		}
		if j >= len(s) || s[j] != ',' {
			return nil, 0, jsonError(s, j, "Expecting ',' delimiter")
		}
		j = d.space(j + 1)
	}
}
