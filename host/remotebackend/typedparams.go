package remotebackend

import (
	"fmt"

	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// The typed parameters' discriminants on the wire, virTypedParameterType.
const (
	typedInt    = 1
	typedUint   = 2
	typedLLong  = 3
	typedULLong = 4
	typedDouble = 5
	typedBool   = 6
	typedString = 7
)

// fromWire reads typed parameters as the core holds them, in the daemon's
// order: every integer kind an int64, a double a float64, a boolean a
// bool, a string a string. Parameters of an unknown kind, and the empty
// entries a sparse list may hold, are left out.
func fromWire(ps []libvirt.TypedParam) []driver.TypedParam {
	var out []driver.TypedParam
	for _, p := range ps {
		if v, ok := wireValue(p.Value); ok && p.Field != "" {
			out = append(out, driver.TypedParam{Name: p.Field, Value: v})
		}
	}
	return out
}

// wireValue is one typed parameter's value as the core holds it.
func wireValue(v libvirt.TypedParamValue) (any, bool) {
	switch x := v.I.(type) {
	case int32:
		if v.D == typedBool {
			return x != 0, true
		}
		return int64(x), true
	case uint32:
		return int64(x), true
	case int64:
		return x, true
	case uint64:
		return int64(x), true
	case float64:
		return x, true
	case string:
		return x, true
	}
	return nil, false
}

// toWire writes parameters for a setter, each of the kind schema gives
// its name (the core has checked names and values against it).
func toWire(ps []driver.TypedParam, schema host.TypedSchema) ([]libvirt.TypedParam, error) {
	out := make([]libvirt.TypedParam, 0, len(ps))
	for _, p := range ps {
		f, ok := schema.Field(p.Name)
		if !ok {
			return nil, fmt.Errorf("remotebackend: no kind known for typed parameter %q", p.Name)
		}
		v, err := wireOf(p, int(f.Kind))
		if err != nil {
			return nil, err
		}
		out = append(out, libvirt.TypedParam{Field: p.Name, Value: *v})
	}
	return out, nil
}

// wireOf is p's value as a typed parameter of kind.
func wireOf(p driver.TypedParam, kind int) (*libvirt.TypedParamValue, error) {
	bad := fmt.Errorf("remotebackend: typed parameter %q: a %T is not of kind %d", p.Name, p.Value, kind)
	switch kind {
	case typedInt, typedUint, typedLLong, typedULLong:
		n, ok := p.Value.(int64)
		if !ok {
			return nil, bad
		}
		switch kind {
		case typedInt:
			return libvirt.NewTypedParamValueInt(int32(n)), nil
		case typedUint:
			return libvirt.NewTypedParamValueUint(uint32(n)), nil
		case typedLLong:
			return libvirt.NewTypedParamValueLlong(n), nil
		}
		return libvirt.NewTypedParamValueUllong(uint64(n)), nil
	case typedDouble:
		x, ok := p.Value.(float64)
		if !ok {
			return nil, bad
		}
		return libvirt.NewTypedParamValueDouble(x), nil
	case typedBool:
		b, ok := p.Value.(bool)
		if !ok {
			return nil, bad
		}
		v := int32(0)
		if b {
			v = 1
		}
		return libvirt.NewTypedParamValueBoolean(v), nil
	case typedString:
		s, ok := p.Value.(string)
		if !ok {
			return nil, bad
		}
		return libvirt.NewTypedParamValueString(s), nil
	}
	return nil, bad
}

// param is one typed parameter for the wire.
func param(name string, v *libvirt.TypedParamValue) libvirt.TypedParam {
	return libvirt.TypedParam{Field: name, Value: *v}
}

// nonNil is l, or an empty list for none, as libvirt.org/go/libvirt
// returns the lists libvirt allocates.
func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}
