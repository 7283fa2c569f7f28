package jsonv

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/vertscript/vertscript/host"
)

// Encode writes v as compact JSON with go.starlark.net's json.encode
// rules, so that both languages write the same text: objects with their
// keys sorted, integers as integers, strings with JSON's escapes; a
// non-finite float, a dict with non-string keys or a value JSON has no
// form for is an error. With indent, the text is indented as json.indent
// does. grow is called as the text grows past each power of two and its
// error ends the encoding.
func Encode(v host.Value, indent string, grow func(n int) error) (string, error) {
	e := &encoder{grow: grow, next: 1 << 12}
	if err := e.value(v, 0); err != nil {
		return "", err
	}
	if indent == "" {
		return e.b.String(), nil
	}
	st := Scan(e.b.String())
	if grow != nil {
		if err := grow(e.b.Len() + st.Structural*(1+len(indent)*st.Depth)); err != nil {
			return "", err
		}
	}
	var out bytes.Buffer
	if err := json.Indent(&out, e.b.Bytes(), "", indent); err != nil {
		return "", err
	}
	return out.String(), nil
}

type encoder struct {
	b    bytes.Buffer
	grow func(int) error
	next int
}

func (e *encoder) check() error {
	if e.b.Len() < e.next {
		return nil
	}
	for e.next <= e.b.Len() {
		e.next *= 2
	}
	if e.grow != nil {
		return e.grow(e.next)
	}
	return nil
}

func (e *encoder) value(v host.Value, depth int) error {
	if depth > host.MaxNesting {
		return host.NestingError("json.encode", "a value")
	}
	if err := e.check(); err != nil {
		return err
	}
	switch v := v.(type) {
	case nil:
		e.b.WriteString("null")
	case bool:
		e.b.WriteString(strconv.FormatBool(v))
	case int64:
		e.b.WriteString(strconv.FormatInt(v, 10))
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return fmt.Errorf("cannot encode non-finite float %v", v)
		}
		e.b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	case string:
		e.quote(v)
	case host.Bytes:
		e.quote(string(v))
	case []host.Value:
		return e.array(v, depth)
	case host.Ints:
		return e.array(v.Values(), depth)
	case host.Tuple:
		return e.array(v, depth)
	case *host.Map:
		keys := append([]string{}, v.Keys()...)
		sort.Strings(keys)
		e.b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				e.b.WriteByte(',')
			}
			e.quote(k)
			e.b.WriteByte(':')
			x, _ := v.Get(k)
			if err := e.value(x, depth+1); err != nil {
				return fmt.Errorf("in key %q: %w", k, err)
			}
		}
		e.b.WriteByte('}')
	case *host.IntMap:
		return errors.New("a table with number keys that are not 1..n cannot be a JSON object (its keys must be strings)")
	default:
		return fmt.Errorf("cannot encode %s as JSON", host.TypeName(v))
	}
	return nil
}

func (e *encoder) array(v []host.Value, depth int) error {
	e.b.WriteByte('[')
	for i, x := range v {
		if i > 0 {
			e.b.WriteByte(',')
		}
		if err := e.value(x, depth+1); err != nil {
			return fmt.Errorf("at index %d: %w", i+1, err)
		}
	}
	e.b.WriteByte(']')
	return nil
}

// quote writes s as go.starlark.net's json.encode does.
func (e *encoder) quote(s string) {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x80 {
			data, _ := json.Marshal(s)
			e.b.Write(data)
			return
		}
	}
	e.b.WriteString(strconv.Quote(s))
}

// Decode reads one JSON value: objects as *host.Map in their order,
// arrays as []host.Value, integers as int64 (float64 past its range),
// other numbers as float64. The caller checks Scan's depth first: the
// decoding recurses.
func Decode(s string) (host.Value, error) {
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	v, err := decodeValue(d)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, errors.New("unexpected end of text")
	}
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, fmt.Errorf("unexpected text after the value at offset %d", d.InputOffset())
	}
	return v, nil
}

func decodeValue(d *json.Decoder) (host.Value, error) {
	tok, err := d.Token()
	if err == io.EOF {
		return nil, errors.New("unexpected end of text")
	}
	if err != nil {
		return nil, err
	}
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '[':
			list := []host.Value{}
			for d.More() {
				v, err := decodeValue(d)
				if err != nil {
					return nil, err
				}
				list = append(list, v)
			}
			_, err := d.Token()
			return list, err
		case '{':
			m := host.NewMap()
			for d.More() {
				k, err := d.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeValue(d)
				if err != nil {
					return nil, err
				}
				m.Set(k.(string), v)
			}
			_, err := d.Token()
			return m, err
		}
		return nil, fmt.Errorf("unexpected %v at offset %d", tok, d.InputOffset())
	case json.Number:
		if i, err := strconv.ParseInt(string(tok), 10, 64); err == nil {
			return i, nil
		}
		f, err := strconv.ParseFloat(string(tok), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return nil, err
		}
		return f, nil
	case string, bool, nil:
		return tok, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}
