package host

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/vertscript/vertscript/host/driver"
)

// The typed parameters of the control functions that take a dict: libvirt's
// names (VIR_DOMAIN_BLOCK_COPY_*, VIR_DOMAIN_SAVE_PARAM_*, VIR_MIGRATE_PARAM_*,
// VIR_NETWORK_PORT_BANDWIDTH_*) and types. The core reads a script's dict
// against them and hands the backend the parameters it names, in the
// schema's order. They are read-only.
var (
	// BlockCopyParams are virDomainBlockCopy's.
	BlockCopyParams = TypedSchema{
		{driver.DomainBlockCopyBandwidth, TypedULLong},
		{driver.DomainBlockCopyGranularity, TypedUint},
		{driver.DomainBlockCopyBufSize, TypedULLong},
	}

	// SaveRestoreParams are virDomainSaveParams' and
	// virDomainRestoreParams'.
	SaveRestoreParams = TypedSchema{
		{driver.DomainSaveParamFile, TypedString},
		{driver.DomainSaveParamDxml, TypedString},
	}

	// MigrateParams are virDomainMigrate3's and virDomainMigrateToURI3's.
	// "migrate_disks" may repeat (see migrateListParams).
	MigrateParams = TypedSchema{
		{driver.MigrateParamURI, TypedString},
		{driver.MigrateParamDestName, TypedString},
		{driver.MigrateParamDestXML, TypedString},
		{driver.MigrateParamPersistXML, TypedString},
		{driver.MigrateParamBandwidth, TypedULLong},
		{driver.MigrateParamBandwidthPostcopy, TypedULLong},
		{driver.MigrateParamGraphicsURI, TypedString},
		{driver.MigrateParamListenAddress, TypedString},
		{driver.MigrateParamMigrateDisks, TypedString},
		{driver.MigrateParamDisksPort, TypedInt},
		{driver.MigrateParamDisksURI, TypedString},
		{driver.MigrateParamCompression, TypedString},
		{driver.MigrateParamCompressionMtLevel, TypedInt},
		{driver.MigrateParamCompressionMtThreads, TypedInt},
		{driver.MigrateParamCompressionMtDthreads, TypedInt},
		{driver.MigrateParamCompressionXbzrleCache, TypedULLong},
		{"compression.zlib.level", TypedInt},
		{"compression.zstd.level", TypedInt},
		{driver.MigrateParamAutoConvergeInitial, TypedInt},
		{driver.MigrateParamAutoConvergeIncrement, TypedInt},
		{driver.MigrateParamParallelConnections, TypedInt},
		{driver.MigrateParamTLSDestination, TypedString},
		{"migrate_disks_detect_zeroes", TypedBool},
	}
)

// migrateListParams are the MigrateParams a script may give as a list of
// strings (or one string), sent repeated, as libvirt-python does.
var migrateListParams = []string{driver.MigrateParamMigrateDisks}

// readTyped reads the dict given for parameter param of the call against
// schema: every key must name a field, every value have its type (a
// string or a list of strings for the lists names). It returns the
// parameters in the schema's order, a list's strings in its order; a nil
// m is none. An unknown key or a value of the wrong type is an ArgError.
func (c *Call) readTyped(param string, m *Map, schema TypedSchema, lists ...string) ([]TypedParam, error) {
	if m == nil {
		return nil, nil
	}
	op := c.op.QualName()
	got := make(map[string][]any, m.Len())
	for _, k := range m.Keys() {
		f, ok := schema.Field(k)
		if !ok {
			return nil, invalidArg(op, forParam(param), "unknown key %q (want one of %s)", k, sortedNames(schema))
		}
		v, _ := m.Get(k)
		vs, err := typedArg(op, fmt.Sprintf("for parameter %s: key %q", param, k), v, f.Kind, slices.Contains(lists, k))
		if err != nil {
			return nil, err
		}
		got[k] = vs
	}
	var out []TypedParam
	for _, f := range schema {
		for _, v := range got[f.Name] {
			out = append(out, TypedParam{Name: f.Name, Value: v})
		}
	}
	return out, nil
}

// typedArg checks v, a dict value for a field of kind k, and returns it
// as TypedParam holds it; a list field's strings each in turn. where
// names the value in the ArgError of op.
func typedArg(op, where string, v Value, k TypedKind, list bool) ([]any, error) {
	if list {
		want := Want{Kinds: []Kind{KindString, KindList}, Elems: KindString}
		items, isList := convert(v, TList)
		if s, ok := v.(string); ok {
			items, isList = []Value{s}, true
		}
		if !isList {
			return nil, wrongType(op, where, v, want)
		}
		out := make([]any, 0, len(items.([]Value)))
		for i, e := range items.([]Value) {
			s, ok := e.(string)
			if !ok {
				return nil, wrongItem(op, where, i, e, wantKinds(KindString))
			}
			if strings.IndexByte(s, 0) >= 0 {
				return nil, &ArgError{Op: op, Problem: ArgInvalid, Where: where, Item: i + 1, Msg: "embedded null character (a NUL byte) in the string"}
			}
			out = append(out, s)
		}
		return out, nil
	}
	if k == TypedString {
		s, ok := v.(string)
		if !ok {
			return nil, wrongType(op, where, v, k.want())
		}
		if strings.IndexByte(s, 0) >= 0 {
			return nil, invalidArg(op, where, "embedded null character (a NUL byte) in the string")
		}
		return []any{s}, nil
	}
	tv, ok := typedValue(v, k)
	if !ok {
		return nil, wrongType(op, where, v, k.want())
	}
	return []any{tv}, nil
}

// sortedNames are schema's names, sorted, for an error message.
func sortedNames(schema TypedSchema) string {
	names := make([]string, len(schema))
	for i, f := range schema {
		names[i] = f.Name
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// typedString returns the string parameter named name, if ps has one.
func typedString(ps []TypedParam, name string) (string, bool) {
	for _, p := range ps {
		if s, ok := p.Value.(string); ok && p.Name == name {
			return s, true
		}
	}
	return "", false
}

// blockCopyParams reads virDomainBlockCopy's dict (None: no parameters).
func (c *Call) blockCopyParams(param string, m *Map) ([]TypedParam, error) {
	return c.readTyped(param, m, BlockCopyParams)
}

// saveParams reads the dict of virDomainSaveParams and
// virDomainRestoreParams.
func (c *Call) saveParams(param string, m *Map) ([]TypedParam, error) {
	return c.readTyped(param, m, SaveRestoreParams)
}

// migrateParams reads the dict of virDomainMigrate3 and
// virDomainMigrateToURI3.
//
// The cgo backend's library, libvirt.org/go/libvirt, holds one bandwidth
// and sends it as both "bandwidth" and "bandwidth.postcopy". So that every
// backend sends the same parameters, the core sends "bandwidth.postcopy"
// with every "bandwidth", of the same value, and accepts it from a script
// only with "bandwidth" of that value.
func (c *Call) migrateParams(param string, m *Map) ([]TypedParam, error) {
	ps, err := c.readTyped(param, m, MigrateParams, migrateListParams...)
	if err != nil {
		return nil, err
	}
	var bw, postcopy *int64
	at := -1
	for i, p := range ps {
		n, _ := p.Value.(int64)
		switch p.Name {
		case driver.MigrateParamBandwidth:
			bw, at = &n, i
		case driver.MigrateParamBandwidthPostcopy:
			postcopy = &n
		}
	}
	switch {
	case postcopy != nil && (bw == nil || *bw != *postcopy):
		return nil, invalidArg(c.op.QualName(), forParam(param), `key "bandwidth.postcopy" must come with "bandwidth" of the same value: libvirt.org/go/libvirt sends one value for both`)
	case bw != nil && postcopy == nil:
		ps = append(ps[:at+1], append([]TypedParam{{Name: driver.MigrateParamBandwidthPostcopy, Value: *bw}}, ps[at+1:]...)...)
	}
	return ps, nil
}
