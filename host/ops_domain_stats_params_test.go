package host

import (
	"reflect"
	"strings"
	"testing"
)

// dictOf is the dict of the keys and values kv alternates.
func dictOf(kv ...any) *Map {
	m := NewMap()
	for i := 0; i < len(kv); i += 2 {
		m.Set(kv[i].(string), kv[i+1])
	}
	return m
}

// TestTypedParams checks a script's dict against a schema: known keys, the
// field's type (with libvirt-python's coercions), its range, in the dict's
// order.
func TestTypedParams(t *testing.T) {
	op := Lookup(ClassDomain, "setMemoryParameters")
	schema := TypedSchema{
		{Name: "i", Kind: TypedInt}, {Name: "u", Kind: TypedUint}, {Name: "l", Kind: TypedLLong}, {Name: "ul", Kind: TypedULLong},
		{Name: "d", Kind: TypedDouble}, {Name: "b", Kind: TypedBool}, {Name: "s", Kind: TypedString},
	}
	ok := []struct {
		in   *Map
		want []TypedParam
	}{
		{dictOf("s", "x", "i", int64(-5)), []TypedParam{{Name: "s", Value: "x"}, {Name: "i", Value: int64(-5)}}},
		{dictOf("u", int64(4294967295), "ul", int64(9007199254740991)), []TypedParam{{Name: "u", Value: int64(4294967295)}, {Name: "ul", Value: int64(9007199254740991)}}},
		{dictOf("l", int64(-1<<63)), []TypedParam{{Name: "l", Value: int64(-1 << 63)}}},
		{dictOf("i", true, "u", false), []TypedParam{{Name: "i", Value: int64(1)}, {Name: "u", Value: int64(0)}}},
		{dictOf("d", int64(3)), []TypedParam{{Name: "d", Value: float64(3)}}},
		{dictOf("d", 2.5), []TypedParam{{Name: "d", Value: 2.5}}},
	}
	for _, tt := range ok {
		got, err := typedParams(op, "params", tt.in, schema, true)
		if err != nil {
			t.Errorf("%s: %v", Repr(tt.in), err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", Repr(tt.in), got, tt.want)
		}
	}
	if got, err := typedParams(op, "params", dictOf("b", int64(2)), schema, true); err != nil || got[0].Value != true {
		t.Errorf("an int for a bool: got %v, %v; want true", got, err)
	}

	bad := []struct {
		in   *Map
		want string
	}{
		{dictOf("nope", int64(1)), `virDomain.setMemoryParameters: unknown key "nope" in params: want one of i, u, l, ul, d, b, s`},
		{dictOf("i", int64(1<<31)), `for key "i" in params: got int, want int from -2147483648 to 2147483647`},
		{dictOf("i", int64(-1<<31-1)), `for key "i" in params: got int, want int from -2147483648`},
		{dictOf("u", int64(-1)), `for key "u" in params: got int, want int from 0 to 4294967295`},
		{dictOf("u", int64(1<<32)), `for key "u" in params: got int, want int from 0 to 4294967295`},
		{dictOf("ul", int64(-1)), `for key "ul" in params: got int, want int from 0 to 9223372036854775807`},
		{dictOf("l", "1"), `for key "l" in params: got string, want int`},
		{dictOf("d", "1.5"), `for key "d" in params: got string, want float`},
		{dictOf("b", "yes"), `for key "b" in params: got string, want bool`},
		{dictOf("s", int64(1)), `for key "s" in params: got int, want string`},
		{dictOf("s", nil), `for key "s" in params: got None, want string`},
		{dictOf("s", "a\x00b"), `for key "s" in params: embedded null character`},
		{NewMap(), `params must not be empty: name at least one of i, u, l, ul, d, b, s`},
	}
	for _, tt := range bad {
		_, err := typedParams(op, "params", tt.in, schema, true)
		if _, isArg := err.(*ArgError); !isArg || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an ArgError with %q", Repr(tt.in), err, tt.want)
		}
	}
	if got, err := typedParams(op, "params", NewMap(), schema, false); err != nil || got != nil {
		t.Errorf("an empty dict where allowed: got %v, %v", got, err)
	}
}

// TestTypedMapKeepsOrder: a getter's dict lists the parameters in the
// backend's order.
func TestTypedMapKeepsOrder(t *testing.T) {
	m := typedMap([]TypedParam{{Name: "weight", Value: int64(500)}, {Name: "device_weight", Value: "/dev/sda,100"}, {Name: "cap", Value: int64(0)}})
	if got := strings.Join(m.Keys(), ","); got != "weight,device_weight,cap" {
		t.Errorf("keys %s", got)
	}
}

// TestSchemasAreWellFormed: no schema names a field twice, and every
// field has a kind.
func TestSchemasAreWellFormed(t *testing.T) {
	for name, s := range map[string]TypedSchema{
		"BlkioParams": BlkioParams, "MemoryParams": MemoryParams, "NumaParams": NumaParams,
		"InterfaceParams": InterfaceParams, "BlockIoTuneParams": BlockIoTuneParams,
		"SchedulerParams": SchedulerParams, "PerfEventParams": PerfEventParams,
		"IOThreadParams": IOThreadParams, "LaunchSecurityInfoParams": LaunchSecurityInfoParams,
		"LaunchSecurityStateParams": LaunchSecurityStateParams, "CPUStatsParams": CPUStatsParams,
		"BlockStatsParams": BlockStatsParams, "JobStatsParams": JobStatsParams,
		"BlockCopyParams": BlockCopyParams, "SaveRestoreParams": SaveRestoreParams, "MigrateParams": MigrateParams,
		"NetworkPortParams": NetworkPortParams, "GuestVcpusParams": GuestVcpusParams,
		"NodeMemoryParams": NodeMemoryParams, "IdentityParams": IdentityParams,
	} {
		seen := map[string]bool{}
		for _, f := range s {
			if seen[f.Name] || f.Kind < TypedInt || f.Kind > TypedString {
				t.Errorf("%s: field %q repeated or of kind %v", name, f.Name, f.Kind)
			}
			seen[f.Name] = true
		}
	}
}

// TestCPUList parses and formats libvirt's CPU list syntax as
// virBitmapParse and virBitmapFormat do.
func TestCPUList(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"0", "0"},
		{"3", "3"},
		{"0-3", "0-3"},
		{"0-3,^2", "0-1,3"},
		{"^2,0-3", "0-3"}, // exclusions apply in order
		{" 1 , 3 - 5 ", "1,3-5"},
		{"5,4,3", "3-5"},
		{"0,2,4-7,6", "0,2,4-7"},
		{"1-1", "1"},
		{"1,", "1"},
	} {
		m, err := parseCPUList(tt.in)
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if got := formatCPUList(m); got != tt.want {
			t.Errorf("%q formats as %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, in := range []string{"", " ", "a", "1-", "-1", "3-1", "^1-2", "1,,2", ",1", "1 2", "1;2", "65536", "0-99999999999"} {
		if m, err := parseCPUList(in); err == nil {
			t.Errorf("%q parsed as %v, want an error", in, m)
		}
	}
	if got := formatCPUList(nil); got != "" {
		t.Errorf("no CPU formats as %q", got)
	}
	if got := formatCPUList([]bool{false, true, true, false, true}); got != "1-2,4" {
		t.Errorf("got %q", got)
	}
}

func TestCPUMapArg(t *testing.T) {
	op := Lookup(ClassDomain, "pinVcpu")
	m, err := cpumapArg(op, "cpumap", []Value{true, false, int64(1), int64(0)})
	if err != nil || !reflect.DeepEqual(m, []bool{true, false, true, false}) {
		t.Errorf("got %v, %v", m, err)
	}
	if _, err := cpumapArg(op, "cpumap", []Value{true, "x"}); err == nil ||
		err.Error() != "virDomain.pinVcpu: for parameter cpumap: item 1: got string, want bool" {
		t.Errorf("got %v", err)
	}
}

// TestMemoryStatNames are libvirt-python's names of the
// VIR_DOMAIN_MEMORY_STAT_* tags, which it knows up to HUGETLB_PGFAIL.
func TestMemoryStatNames(t *testing.T) {
	want := []string{"swap_in", "swap_out", "major_fault", "minor_fault", "unused", "available",
		"actual", "rss", "usable", "last_update", "disk_caches", "hugetlb_pgalloc", "hugetlb_pgfail"}
	for tag, name := range want {
		if got := memoryStatName(tag); got != name {
			t.Errorf("tag %d: %q, want %q", tag, got, name)
		}
	}
	if got := memoryStatName(len(want)); got != "" {
		t.Errorf("an unknown tag is named %q", got)
	}
}

// TestInSchema: a getter's result keeps the schema's fields, in the
// schema's order, whatever the backend reported besides or in what order.
func TestInSchema(t *testing.T) {
	got := Repr(typedMap(inSchema([]TypedParam{
		{Name: "min_guarantee", Value: int64(3)},
		{Name: "not_in_schema", Value: int64(9)},
		{Name: "hard_limit", Value: int64(1)},
	}, MemoryParams)))
	if want := `{"hard_limit": 1, "min_guarantee": 3}`; got != want {
		t.Errorf("inSchema = %s, want %s", got, want)
	}
	if got := inSchema(nil, MemoryParams); got != nil {
		t.Errorf("inSchema(nil) = %v, want nil", got)
	}
}
