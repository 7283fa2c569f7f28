package host

import (
	"fmt"
	"strings"

	"github.com/vertscript/vertscript/host/driver"
)

// NodeMemoryParams are virNodeGetMemoryParameters' and
// virNodeSetMemoryParameters' typed parameters (VIR_NODE_MEMORY_SHARED_*),
// in the order Linux hosts report them. It is read-only.
var NodeMemoryParams = TypedSchema{
	{driver.NodeMemorySharedPagesToScan, TypedUint},
	{driver.NodeMemorySharedSleepMillisecs, TypedUint},
	{driver.NodeMemorySharedPagesShared, TypedULLong},
	{driver.NodeMemorySharedPagesSharing, TypedULLong},
	{driver.NodeMemorySharedPagesUnshared, TypedULLong},
	{driver.NodeMemorySharedPagesVolatile, TypedULLong},
	{driver.NodeMemorySharedFullScans, TypedULLong},
	{driver.NodeMemorySharedMergeAcrossNodes, TypedUint},
}

// IdentityParams are virConnectSetIdentity's typed parameters
// (VIR_CONNECT_IDENTITY_*), with the types libvirt-python gives them. It
// is read-only.
var IdentityParams = TypedSchema{
	{driver.ConnectIdentityUserName, TypedString},
	{driver.ConnectIdentityUnixUserID, TypedULLong},
	{driver.ConnectIdentityGroupName, TypedString},
	{driver.ConnectIdentityUnixGroupID, TypedULLong},
	{driver.ConnectIdentityProcessID, TypedLLong},
	{driver.ConnectIdentityProcessTime, TypedULLong},
	{driver.ConnectIdentitySaslUserName, TypedString},
	{driver.ConnectIdentityX509DistinguishedName, TypedString},
	{driver.ConnectIdentitySelinuxContext, TypedString},
}

// hostParams converts a script's dict, named what in errors, into host
// parameters in the dict's order: every key must name a field of schema
// (and be in known, when known is not nil: the parameters the host
// reported), every value have its field's type. Values are int64 or string.
func hostParams(op *Op, what string, m *Map, schema TypedSchema, known map[string]bool) ([]TypedParam, error) {
	out := make([]TypedParam, 0, m.Len())
	for _, k := range m.Keys() {
		f, ok := schema.Field(k)
		if !ok || (known != nil && !known[k]) {
			return nil, argErrorf(op.QualName(), "unknown key %q in %s: want one of %s", k, what, hostFieldNames(schema, known))
		}
		v, _ := m.Get(k)
		hv, ok := typedValue(v, f.Kind)
		if !ok {
			return nil, wrongType(op.QualName(), fmt.Sprintf("for key %q in %s", k, what), v, f.Kind.want())
		}
		if s, isStr := hv.(string); isStr && strings.IndexByte(s, 0) >= 0 {
			return nil, invalidArg(op.QualName(), fmt.Sprintf("for key %q in %s", k, what), "embedded null character (a NUL byte) in the string")
		}
		out = append(out, TypedParam{Name: k, Value: hv})
	}
	return out, nil
}

// hostFieldNames lists the names of schema's fields (those in known, when
// known is not nil) for an error message.
func hostFieldNames(schema TypedSchema, known map[string]bool) string {
	var names []string
	for _, f := range schema {
		if known == nil || known[f.Name] {
			names = append(names, f.Name)
		}
	}
	if len(names) == 0 {
		return "(none: the host reports no parameters)"
	}
	return strings.Join(names, ", ")
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
