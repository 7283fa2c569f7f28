package host

import (
	"fmt"
	"unicode/utf8"
)

// What a plan entry or an audit record shows of a value: a string up to
// maxShownString bytes, and up to maxShownValue bytes of strings in all
// (containers and scalars count a few bytes each). The rest is said, not
// shown: "...(1048576 bytes)", "...(1998 more)". A value the script built
// cheaply (a list holding one long string a thousand times) cannot make a
// record, or the plan printed after the run, grow without bound.
const (
	maxShownString = 4 << 10
	maxShownValue  = 64 << 10
)

// clip returns v cut to what records show.
func clip(v Value) Value {
	left := maxShownValue
	return clipValue(v, &left, 0)
}

// clipEach clips each of args on its own.
func clipEach(args []Value) []Value {
	out := make([]Value, len(args))
	for i, a := range args {
		out[i] = clip(a)
	}
	return out
}

func clipValue(v Value, left *int, depth int) Value {
	if depth > MaxNesting {
		return "...(nested deeper)"
	}
	switch v := v.(type) {
	case string:
		if len(v) > maxShownString || len(v) > *left {
			n := max(min(maxShownString, *left), 0)
			for n > 0 && !utf8.RuneStart(v[n]) {
				n--
			}
			*left -= n
			return v[:n] + fmt.Sprintf("...(%d bytes)", len(v))
		}
		*left -= len(v)
		return v
	case Bytes:
		if len(v) > maxShownString || len(v) > *left {
			*left -= 16
			return fmt.Sprintf("<%d bytes>", len(v))
		}
		*left -= len(v)
		return v
	case []Value:
		return clipSeq(v, left, depth)
	case Ints:
		return clipSeq(v.Values(), left, depth)
	case Tuple:
		return Tuple(clipSeq(v, left, depth))
	case ScriptValue:
		return clipValue(v.View, left, depth)
	case *Map:
		return clipDict(v, NewMap, left, depth)
	case *IntMap:
		return clipDict(v, NewIntMap, left, depth)
	}
	*left -= 8
	return v
}

func clipSeq(v []Value, left *int, depth int) []Value {
	out := make([]Value, 0, min(len(v), 64))
	for i, e := range v {
		if *left <= 0 {
			return append(out, fmt.Sprintf("...(%d more)", len(v)-i))
		}
		*left -= 2
		out = append(out, clipValue(e, left, depth+1))
	}
	return out
}

func clipDict[K comparable](m *Dict[K], make func() *Dict[K], left *int, depth int) *Dict[K] {
	out := make()
	for i, k := range m.keys {
		if *left <= 0 {
			var zero K
			if _, ok := any(zero).(string); ok {
				out.Set(any("...").(K), fmt.Sprintf("(%d more)", len(m.keys)-i))
			}
			return out
		}
		*left -= 8
		key := k
		if ks, ok := any(k).(string); ok {
			key = any(clipValue(ks, left, depth+1)).(K)
		}
		out.Set(key, clipValue(m.vals[k], left, depth+1))
	}
	return out
}
