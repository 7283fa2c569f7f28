package host

import (
	"fmt"
	"math"
	"strings"

	"github.com/vertscript/vertscript/host/driver"
)

// hostKind is the C type of a host parameter that scripts set, as
// libvirt-python converts a dict's value for it.
type hostKind int

const (
	hostUint   hostKind = iota // VIR_TYPED_PARAM_UINT
	hostULLong                 // VIR_TYPED_PARAM_ULLONG
	hostLLong                  // VIR_TYPED_PARAM_LLONG
	hostString                 // VIR_TYPED_PARAM_STRING
)

func (k hostKind) String() string {
	switch k {
	case hostUint:
		return TUint.String()
	case hostULLong:
		return TUint64.String()
	case hostLLong:
		return "int"
	}
	return "string"
}

// want is what an argument error says a parameter of kind k wants.
func (k hostKind) want() Want {
	switch k {
	case hostUint:
		return TUint.want("")
	case hostULLong:
		return TUint64.want("")
	case hostLLong:
		return wantKinds(KindInt)
	}
	return wantKinds(KindString)
}

// hostField is a settable host parameter: libvirt's name for it and its
// type.
type hostField struct {
	name string
	kind hostKind
}

// hostMemoryFields are virNodeSetMemoryParameters' parameters
// (VIR_NODE_MEMORY_SHARED_*), with the types virNodeGetMemoryParameters
// reports for them.
var hostMemoryFields = []hostField{
	{driver.NodeMemorySharedPagesToScan, hostUint},
	{driver.NodeMemorySharedSleepMillisecs, hostUint},
	{driver.NodeMemorySharedPagesShared, hostULLong},
	{driver.NodeMemorySharedPagesSharing, hostULLong},
	{driver.NodeMemorySharedPagesUnshared, hostULLong},
	{driver.NodeMemorySharedPagesVolatile, hostULLong},
	{driver.NodeMemorySharedFullScans, hostULLong},
	{driver.NodeMemorySharedMergeAcrossNodes, hostUint},
}

// hostIdentityFields are virConnectSetIdentity's parameters
// (VIR_CONNECT_IDENTITY_*), with the types libvirt-python gives them.
var hostIdentityFields = []hostField{
	{driver.ConnectIdentityUserName, hostString},
	{driver.ConnectIdentityUnixUserID, hostULLong},
	{driver.ConnectIdentityGroupName, hostString},
	{driver.ConnectIdentityUnixGroupID, hostULLong},
	{driver.ConnectIdentityProcessID, hostLLong},
	{driver.ConnectIdentityProcessTime, hostULLong},
	{driver.ConnectIdentitySaslUserName, hostString},
	{driver.ConnectIdentityX509DistinguishedName, hostString},
	{driver.ConnectIdentitySelinuxContext, hostString},
}

// hostParams converts a script's dict, named what in errors, into host
// parameters in the dict's order: every key must name one of fields (and be
// in known, when known is not nil: the parameters the host reported), every
// value have its field's type. Values are int64 or string.
func hostParams(op *Op, what string, m *Map, fields []hostField, known map[string]bool) ([]TypedParam, error) {
	out := make([]TypedParam, 0, m.Len())
	for _, k := range m.Keys() {
		f, ok := hostFieldNamed(fields, k)
		if !ok || (known != nil && !known[k]) {
			return nil, argErrorf(op.QualName(), "unknown key %q in %s: want one of %s", k, what, hostFieldNames(fields, known))
		}
		v, _ := m.Get(k)
		hv, ok := hostValue(v, f.kind)
		if !ok {
			return nil, wrongType(op.QualName(), fmt.Sprintf("for key %q in %s", k, what), v, f.kind.want())
		}
		if s, isStr := hv.(string); isStr && strings.IndexByte(s, 0) >= 0 {
			return nil, invalidArg(op.QualName(), fmt.Sprintf("for key %q in %s", k, what), "embedded null character (a NUL byte) in the string")
		}
		out = append(out, TypedParam{Name: k, Value: hv})
	}
	return out, nil
}

func hostFieldNamed(fields []hostField, name string) (hostField, bool) {
	for _, f := range fields {
		if f.name == name {
			return f, true
		}
	}
	return hostField{}, false
}

// hostFieldNames lists the names of fields (those in known, when known is
// not nil) for an error message.
func hostFieldNames(fields []hostField, known map[string]bool) string {
	var names []string
	for _, f := range fields {
		if known == nil || known[f.name] {
			names = append(names, f.name)
		}
	}
	if len(names) == 0 {
		return "(none: the host reports no parameters)"
	}
	return strings.Join(names, ", ")
}

// hostValue converts a script value to kind k: an int64 in k's range (a
// bool counts as 0 or 1, as in Python), or a string.
func hostValue(v Value, k hostKind) (any, bool) {
	if k == hostString {
		s, ok := v.(string)
		return s, ok
	}
	n, ok := convert(v, TInt)
	if !ok {
		return nil, false
	}
	i := n.(int64)
	switch {
	case k == hostUint && (i < 0 || i > math.MaxUint32), k == hostULLong && i < 0:
		return nil, false
	}
	return i, true
}

// hostParamsResult is libvirt-python's dict of a backend's host
// parameters, in the backend's order.
func hostParamsResult(ps []TypedParam, err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	m := NewMap()
	for _, p := range ps {
		m.Set(p.Name, p.Value)
	}
	return m, nil
}
