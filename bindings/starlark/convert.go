package starlark

import (
	"fmt"

	"go.starlark.net/starlark"

	"vertscript/host"
)

// toHost converts a Starlark value for the core. Values with no counterpart
// become host.Opaque, which no parameter accepts.
func toHost(v starlark.Value) host.Value {
	switch v := v.(type) {
	case starlark.NoneType:
		return nil
	case starlark.Bool:
		return bool(v)
	case starlark.Int:
		if n, ok := v.Int64(); ok {
			return n
		}
		return host.Opaque{Type: "int (too large)"}
	case starlark.Float:
		return float64(v)
	case starlark.String:
		return string(v)
	case *object:
		return v.o
	case *starlark.List:
		return seqToHost(v)
	case starlark.Tuple:
		return seqToHost(v)
	case *starlark.Dict:
		m := host.NewMap()
		for _, kv := range v.Items() {
			k, ok := kv[0].(starlark.String)
			if !ok {
				return host.Opaque{Type: "dict with " + kv[0].Type() + " keys"}
			}
			m.Set(string(k), toHost(kv[1]))
		}
		return m
	}
	return host.Opaque{Type: v.Type()}
}

func seqToHost(s starlark.Indexable) []host.Value {
	out := make([]host.Value, s.Len())
	for i := range out {
		out[i] = toHost(s.Index(i))
	}
	return out
}

// fromHost converts a core value for scripts.
func fromHost(v host.Value) starlark.Value {
	switch v := v.(type) {
	case nil:
		return starlark.None
	case bool:
		return starlark.Bool(v)
	case int64:
		return starlark.MakeInt64(v)
	case float64:
		return starlark.Float(v)
	case string:
		return starlark.String(v)
	case []host.Value:
		elems := make([]starlark.Value, len(v))
		for i, e := range v {
			elems[i] = fromHost(e)
		}
		return starlark.NewList(elems)
	case *host.Map:
		d := starlark.NewDict(v.Len())
		for _, k := range v.Keys() {
			e, _ := v.Get(k)
			_ = d.SetKey(starlark.String(k), fromHost(e))
		}
		return d
	case *host.Object:
		return &object{o: v}
	}
	panic(fmt.Sprintf("starlark: no conversion for %T", v))
}
