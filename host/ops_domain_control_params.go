package host

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/vertscript/vertscript/host/driver"
)

// typedField maps one key of a typed-parameter dict (libvirt's
// VIR_*_PARAM_* / VIR_*_FIELD name, as libvirt-python takes it) to a field
// of a backend's parameter struct. Exactly one pointer is set; its type is
// the typed parameter's type.
type typedField struct {
	key  string
	str  **string
	strs *[]string // a string list: a string, or a list of strings, sent repeated
	i32  **int32
	u32  **uint32
	u64  **uint64
	b    **bool
}

// readTyped fills fields from m, the dict given for parameter param of
// the call. Only the keys m names are set; an unknown key or a value of the
// wrong type is an ArgError. A nil m sets nothing.
func (c *Call) readTyped(param string, m *Map, fields []typedField) error {
	if m == nil {
		return nil
	}
	byKey := make(map[string]typedField, len(fields))
	for _, f := range fields {
		byKey[f.key] = f
	}
	for _, k := range m.Keys() {
		f, ok := byKey[k]
		if !ok {
			return invalidArg(c.op.QualName(), forParam(param), "unknown key %q (want one of %s)", k, typedKeys(fields))
		}
		v, _ := m.Get(k)
		if err := f.set(c.op.QualName(), fmt.Sprintf("for parameter %s: key %q", param, k), v); err != nil {
			return err
		}
	}
	return nil
}

// set stores v in the field, or returns the ArgError of op for v, which
// where names.
func (f typedField) set(op, where string, v Value) error {
	n, isInt := convert(v, TInt)
	switch {
	case f.str != nil:
		s, ok := v.(string)
		if !ok {
			return wrongType(op, where, v, wantKinds(KindString))
		}
		if strings.IndexByte(s, 0) >= 0 {
			return invalidArg(op, where, "embedded null character (a NUL byte) in the string")
		}
		*f.str = &s
	case f.strs != nil:
		want := Want{Kinds: []Kind{KindString, KindList}, Elems: KindString}
		list, isList := convert(v, TList)
		if s, ok := v.(string); ok {
			list, isList = []Value{s}, true
		}
		if !isList {
			return wrongType(op, where, v, want)
		}
		out := make([]string, 0, len(list.([]Value)))
		for i, e := range list.([]Value) {
			s, ok := e.(string)
			if !ok {
				return wrongItem(op, where, i, e, wantKinds(KindString))
			}
			if strings.IndexByte(s, 0) >= 0 {
				return &ArgError{Op: op, Problem: ArgInvalid, Where: where, Item: i + 1, Msg: "embedded null character (a NUL byte) in the string"}
			}
			out = append(out, s)
		}
		*f.strs = out
	case f.i32 != nil:
		if !isInt || n.(int64) < math.MinInt32 || n.(int64) > math.MaxInt32 {
			return wrongType(op, where, v, wantRange(math.MinInt32, math.MaxInt32))
		}
		i := int32(n.(int64))
		*f.i32 = &i
	case f.u32 != nil:
		if !isInt || n.(int64) < 0 || n.(int64) > math.MaxUint32 {
			return wrongType(op, where, v, wantRange(0, math.MaxUint32))
		}
		u := uint32(n.(int64))
		*f.u32 = &u
	case f.u64 != nil:
		if !isInt || n.(int64) < 0 {
			return wrongType(op, where, v, wantRange(0, math.MaxInt64))
		}
		u := uint64(n.(int64))
		*f.u64 = &u
	case f.b != nil:
		b, ok := convert(v, TBool)
		if !ok {
			return wrongType(op, where, v, wantKinds(KindBool))
		}
		bv := b.(bool)
		*f.b = &bv
	}
	return nil
}

func typedKeys(fields []typedField) string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.key
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// blockCopyParams reads virDomainBlockCopy's dict (None: no parameters).
func (c *Call) blockCopyParams(param string, m *Map) (BlockCopyParams, error) {
	var p BlockCopyParams
	err := c.readTyped(param, m, []typedField{
		{key: driver.DomainBlockCopyBandwidth, u64: &p.Bandwidth},
		{key: driver.DomainBlockCopyGranularity, u32: &p.Granularity},
		{key: driver.DomainBlockCopyBufSize, u64: &p.BufSize},
	})
	return p, err
}

// saveParams reads the dict of virDomainSaveParams and
// virDomainRestoreParams.
func (c *Call) saveParams(param string, m *Map) (SaveParams, error) {
	var p SaveParams
	err := c.readTyped(param, m, []typedField{
		{key: driver.DomainSaveParamFile, str: &p.File},
		{key: driver.DomainSaveParamDxml, str: &p.DXML},
	})
	return p, err
}

// migrateParams reads the dict of virDomainMigrate3 and
// virDomainMigrateToURI3.
//
// libvirt.org/go/libvirt sends its Bandwidth field under both "bandwidth"
// and "bandwidth.postcopy", so the two cannot differ: "bandwidth.postcopy"
// is accepted only with "bandwidth" of the same value, and "bandwidth"
// alone also sets the post-copy bandwidth.
func (c *Call) migrateParams(param string, m *Map) (MigrateParams, error) {
	var p MigrateParams
	var postcopy *uint64
	err := c.readTyped(param, m, []typedField{
		{key: driver.MigrateParamURI, str: &p.URI},
		{key: driver.MigrateParamDestName, str: &p.DestName},
		{key: driver.MigrateParamDestXML, str: &p.DestXML},
		{key: driver.MigrateParamPersistXML, str: &p.PersistXML},
		{key: driver.MigrateParamBandwidth, u64: &p.Bandwidth},
		{key: driver.MigrateParamBandwidthPostcopy, u64: &postcopy},
		{key: driver.MigrateParamGraphicsURI, str: &p.GraphicsURI},
		{key: driver.MigrateParamListenAddress, str: &p.ListenAddress},
		{key: driver.MigrateParamMigrateDisks, strs: &p.MigrateDisks},
		{key: driver.MigrateParamDisksPort, i32: &p.DisksPort},
		{key: driver.MigrateParamDisksURI, str: &p.DisksURI},
		{key: driver.MigrateParamCompression, str: &p.Compression},
		{key: driver.MigrateParamCompressionMtLevel, i32: &p.CompressionMTLevel},
		{key: driver.MigrateParamCompressionMtThreads, i32: &p.CompressionMTThreads},
		{key: driver.MigrateParamCompressionMtDthreads, i32: &p.CompressionMTDThreads},
		{key: driver.MigrateParamCompressionXbzrleCache, u64: &p.CompressionXBZRLECache},
		{key: "compression.zlib.level", i32: &p.CompressionZlibLevel},
		{key: "compression.zstd.level", i32: &p.CompressionZstdLevel},
		{key: driver.MigrateParamAutoConvergeInitial, i32: &p.AutoConvergeInitial},
		{key: driver.MigrateParamAutoConvergeIncrement, i32: &p.AutoConvergeIncrement},
		{key: driver.MigrateParamParallelConnections, i32: &p.ParallelConnections},
		{key: driver.MigrateParamTLSDestination, str: &p.TLSDestination},
		{key: "migrate_disks_detect_zeroes", b: &p.MigrateDisksDetectZeroes},
	})
	if err != nil {
		return p, err
	}
	if postcopy != nil && (p.Bandwidth == nil || *p.Bandwidth != *postcopy) {
		return p, invalidArg(c.op.QualName(), forParam(param), `key "bandwidth.postcopy" must come with "bandwidth" of the same value: libvirt.org/go/libvirt sends one value for both`)
	}
	return p, nil
}
