package host

import (
	"math"
	"sort"
	"strings"
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
			return argErrorf(c.op.QualName(), "for parameter %s: unknown key %q (want one of %s)", param, k, typedKeys(fields))
		}
		v, _ := m.Get(k)
		if err := f.set(v); err != "" {
			return argErrorf(c.op.QualName(), "for parameter %s: key %q: got %s, want %s", param, k, TypeName(v), err)
		}
	}
	return nil
}

// set stores v in the field, or returns what it wants instead.
func (f typedField) set(v Value) (want string) {
	n, isInt := convert(v, TInt)
	switch {
	case f.str != nil:
		s, ok := v.(string)
		if !ok || strings.IndexByte(s, 0) >= 0 {
			return "a string without NUL bytes"
		}
		*f.str = &s
	case f.strs != nil:
		list, isList := convert(v, TList)
		if s, ok := v.(string); ok {
			list, isList = []Value{s}, true
		}
		if !isList {
			return "a string or a list of strings"
		}
		out := make([]string, 0, len(list.([]Value)))
		for _, e := range list.([]Value) {
			s, ok := e.(string)
			if !ok || strings.IndexByte(s, 0) >= 0 {
				return "a string or a list of strings"
			}
			out = append(out, s)
		}
		*f.strs = out
	case f.i32 != nil:
		if !isInt || n.(int64) < math.MinInt32 || n.(int64) > math.MaxInt32 {
			return "an int from -2147483648 to 2147483647"
		}
		i := int32(n.(int64))
		*f.i32 = &i
	case f.u32 != nil:
		if !isInt || n.(int64) < 0 || n.(int64) > math.MaxUint32 {
			return "an int from 0 to 4294967295"
		}
		u := uint32(n.(int64))
		*f.u32 = &u
	case f.u64 != nil:
		if !isInt || n.(int64) < 0 {
			return "an int from 0 to 9223372036854775807"
		}
		u := uint64(n.(int64))
		*f.u64 = &u
	case f.b != nil:
		b, ok := convert(v, TBool)
		if !ok {
			return "a bool"
		}
		bv := b.(bool)
		*f.b = &bv
	}
	return ""
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
		{key: "bandwidth", u64: &p.Bandwidth},
		{key: "granularity", u32: &p.Granularity},
		{key: "buf-size", u64: &p.BufSize},
	})
	return p, err
}

// saveParams reads the dict of virDomainSaveParams and
// virDomainRestoreParams.
func (c *Call) saveParams(param string, m *Map) (SaveParams, error) {
	var p SaveParams
	err := c.readTyped(param, m, []typedField{
		{key: "file", str: &p.File},
		{key: "dxml", str: &p.DXML},
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
		{key: "migrate_uri", str: &p.URI},
		{key: "destination_name", str: &p.DestName},
		{key: "destination_xml", str: &p.DestXML},
		{key: "persistent_xml", str: &p.PersistXML},
		{key: "bandwidth", u64: &p.Bandwidth},
		{key: "bandwidth.postcopy", u64: &postcopy},
		{key: "graphics_uri", str: &p.GraphicsURI},
		{key: "listen_address", str: &p.ListenAddress},
		{key: "migrate_disks", strs: &p.MigrateDisks},
		{key: "disks_port", i32: &p.DisksPort},
		{key: "disks_uri", str: &p.DisksURI},
		{key: "compression", str: &p.Compression},
		{key: "compression.mt.level", i32: &p.CompressionMTLevel},
		{key: "compression.mt.threads", i32: &p.CompressionMTThreads},
		{key: "compression.mt.dthreads", i32: &p.CompressionMTDThreads},
		{key: "compression.xbzrle.cache", u64: &p.CompressionXBZRLECache},
		{key: "compression.zlib.level", i32: &p.CompressionZlibLevel},
		{key: "compression.zstd.level", i32: &p.CompressionZstdLevel},
		{key: "auto_converge.initial", i32: &p.AutoConvergeInitial},
		{key: "auto_converge.increment", i32: &p.AutoConvergeIncrement},
		{key: "parallel.connections", i32: &p.ParallelConnections},
		{key: "tls.destination", str: &p.TLSDestination},
		{key: "migrate_disks_detect_zeroes", b: &p.MigrateDisksDetectZeroes},
	})
	if err != nil {
		return p, err
	}
	if postcopy != nil && (p.Bandwidth == nil || *p.Bandwidth != *postcopy) {
		return p, argErrorf(c.op.QualName(), `for parameter %s: key "bandwidth.postcopy" must come with "bandwidth" of the same value: libvirt.org/go/libvirt sends one value for both`, param)
	}
	return p, nil
}
