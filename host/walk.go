package host

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// This file holds the one walk over a Value and the values inside it. The
// audit log's JSON form (jsonValue), the redaction of secrets (redactor)
// and the check for NUL bytes in arguments (nulAt) all go through it, so
// that a kind of value one of them forgets cannot exist: every container
// kind is walked here, once.

// pathStep is one step into a container: an element of a list or tuple
// (key == nil), or the value under a dictionary key (a string or an
// int64).
type pathStep struct {
	index int
	key   Value
}

// String names the step as errors do: `element 2`, `key "dname"`, `key 4`.
func (s pathStep) String() string {
	switch k := s.key.(type) {
	case nil:
		return fmt.Sprintf("element %d", s.index)
	case string:
		return fmt.Sprintf("key %q", k)
	default:
		return fmt.Sprintf("key %v", k)
	}
}

// where names a path as errors do: "element 0: key \"dname\"", "" for the
// value itself.
func where(path []pathStep) string {
	parts := make([]string, len(path))
	for i, s := range path {
		parts[i] = s.String()
	}
	return strings.Join(parts, ": ")
}

// walker rebuilds a value bottom-up. leaf is called on every value that
// holds no other (None, bools, ints, floats, strings, bytes, objects,
// functions, opaques) and returns its replacement; key, when set, is
// called on every string key of a dictionary (its path ends with the
// step under that key) and may fail. A container is copied only when
// something inside it changed, so a walk that changes nothing allocates
// nothing.
type walker struct {
	leaf func(path []pathStep, v Value) (Value, error)
	key  func(path []pathStep, k string) error
}

// walk returns v rebuilt by w; path is where v is.
func (w walker) walk(path []pathStep, v Value) (Value, error) {
	out, _, err := w.visit(path, v)
	return out, err
}

func (w walker) visit(path []pathStep, v Value) (Value, bool, error) {
	switch v := v.(type) {
	case []Value:
		out, changed, err := w.seq(path, v)
		if err != nil || !changed {
			return v, false, err
		}
		return out, true, nil
	case Ints:
		return w.visit(path, v.Values())
	case Tuple:
		out, changed, err := w.seq(path, v)
		if err != nil || !changed {
			return v, false, err
		}
		return Tuple(out), true, nil
	case *Map:
		return walkDict(w, path, v, NewMap)
	case *IntMap:
		return walkDict(w, path, v, NewIntMap)
	}
	if w.leaf == nil {
		return v, false, nil
	}
	out, err := w.leaf(path, v)
	if err != nil {
		return v, false, err
	}
	return out, !sameLeaf(v, out), nil
}

func (w walker) seq(path []pathStep, v []Value) ([]Value, bool, error) {
	var out []Value
	for i, e := range v {
		ne, changed, err := w.visit(append(path, pathStep{index: i}), e)
		if err != nil {
			return nil, false, err
		}
		if changed && out == nil {
			out = append(make([]Value, 0, len(v)), v[:i]...)
		}
		if out != nil {
			out = append(out, ne)
		}
	}
	return out, out != nil, nil
}

func walkDict[K comparable](w walker, path []pathStep, m *Dict[K], make func() *Dict[K]) (Value, bool, error) {
	var out *Dict[K]
	for i, k := range m.keys {
		p := append(path, pathStep{key: k})
		if ks, ok := any(k).(string); ok && w.key != nil {
			if err := w.key(p, ks); err != nil {
				return m, false, err
			}
		}
		nv, changed, err := w.visit(p, m.vals[k])
		if err != nil {
			return m, false, err
		}
		if changed && out == nil {
			out = make()
			for _, before := range m.keys[:i] {
				out.Set(before, m.vals[before])
			}
		}
		if out != nil {
			out.Set(k, nv)
		}
	}
	if out == nil {
		return m, false, nil
	}
	return out, true, nil
}

// sameLeaf reports whether a leaf's replacement is the leaf itself. Only
// comparable kinds are compared: a leaf is never a container.
func sameLeaf(a, b Value) bool {
	switch a.(type) {
	case nil, bool, int64, float64, string, Bytes, *Object:
		return a == b
	}
	return false
}

// MarshalJSON writes the dictionary as a JSON object, its entries in
// their order; int keys become their decimal strings, as JSON wants.
// Like the audit log's and the plan's encoders, it leaves <, > and &
// unescaped.
func (m *Dict[K]) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	b.WriteByte('{')
	for i, k := range m.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := enc.Encode(fmt.Sprint(k)); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
		b.WriteByte(':')
		if err := enc.Encode(m.vals[k]); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
