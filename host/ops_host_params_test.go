package host

import (
	"reflect"
	"strings"
	"testing"
)

// TestHostParams checks the conversion of a script's dict into typed host
// parameters: names, order, kinds and ranges, as libvirt-python converts
// them.
func TestHostParams(t *testing.T) {
	op := &Op{Class: ClassConnect, Name: "setMemoryParameters"}
	known := map[string]bool{"shm_pages_to_scan": true, "shm_sleep_millisecs": true, "shm_full_scans": true}
	tests := []struct {
		name   string
		m      *Map
		fields TypedSchema
		known  map[string]bool
		want   []TypedParam
		err    string
	}{
		{name: "uint and ullong in the dict's order", fields: NodeMemoryParams,
			m:    dictOf("shm_sleep_millisecs", int64(20), "shm_pages_to_scan", true),
			want: []TypedParam{{Name: "shm_sleep_millisecs", Value: int64(20)}, {Name: "shm_pages_to_scan", Value: int64(1)}}},
		{name: "uint out of range", fields: NodeMemoryParams, m: dictOf("shm_pages_to_scan", int64(1)<<32),
			err: `virConnect.setMemoryParameters: for key "shm_pages_to_scan" in params: got int, want int from 0 to 4294967295`},
		{name: "negative ullong", fields: NodeMemoryParams, m: dictOf("shm_full_scans", int64(-1)),
			err: `for key "shm_full_scans" in params: got int, want int from 0 to 9223372036854775807`},
		{name: "unknown key", fields: NodeMemoryParams, m: dictOf("shm_bogus", int64(1)),
			err: `unknown key "shm_bogus" in params: want one of shm_pages_to_scan, shm_sleep_millisecs, shm_pages_shared,`},
		{name: "key the host does not report", fields: NodeMemoryParams, known: known, m: dictOf("shm_pages_shared", int64(1)),
			err: `unknown key "shm_pages_shared" in params: want one of shm_pages_to_scan, shm_sleep_millisecs, shm_full_scans`},
		{name: "reported key", fields: NodeMemoryParams, known: known, m: dictOf("shm_full_scans", int64(7)),
			want: []TypedParam{{Name: "shm_full_scans", Value: int64(7)}}},
		{name: "identity strings and ints", fields: IdentityParams,
			m:    dictOf("user-name", "alice", "unix-user-id", int64(1000), "process-id", int64(-1)),
			want: []TypedParam{{Name: "user-name", Value: "alice"}, {Name: "unix-user-id", Value: int64(1000)}, {Name: "process-id", Value: int64(-1)}}},
		{name: "string for an int", fields: IdentityParams, m: dictOf("unix-user-id", "1000"),
			err: `for key "unix-user-id" in params: got string, want int from 0 to 9223372036854775807`},
		{name: "int for a string", fields: IdentityParams, m: dictOf("user-name", int64(3)),
			err: `for key "user-name" in params: got int, want string`},
		{name: "NUL byte", fields: IdentityParams, m: dictOf("user-name", "a\x00b"),
			err: `for key "user-name" in params: embedded null character`},
		{name: "empty dict", fields: IdentityParams, m: NewMap(), want: []TypedParam{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := hostParams(op, "params", tt.m, tt.fields, tt.known)
			if tt.err != "" {
				if _, ok := err.(*ArgError); !ok || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got error %v, want an ArgError containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestHostFreePages checks libvirt-python's shape of virNodeGetFreePages'
// counts: {cell: {page size: count}}.
func TestHostFreePages(t *testing.T) {
	got := hostFreePages([]uint32{4, 2048}, 1, []uint64{10, 20, 30, 40})
	if want := "{1: {4: 10, 2048: 20}, 2: {4: 30, 2048: 40}}"; Repr(got) != want {
		t.Errorf("got %s, want %s", Repr(got), want)
	}
	if got := hostFreePages([]uint32{4}, 0, nil); got.Len() != 0 {
		t.Errorf("no counts: got %s, want {}", Repr(got))
	}
	if got := hostFreePages(nil, 0, []uint64{1}); got.Len() != 0 {
		t.Errorf("no page sizes: got %s, want {}", Repr(got))
	}
}

// TestIntDictArgument checks what a TIntDict parameter accepts.
func TestIntDictArgument(t *testing.T) {
	im := NewIntMap()
	im.Set(2048, int64(8))
	for _, tt := range []struct {
		v    Value
		ok   bool
		want string
	}{
		{im, true, "{2048: 8}"},
		{NewMap(), true, "{}"},
		{[]Value{}, true, "{}"},
		{dictOf("2048", int64(8)), false, ""},
		{[]Value{int64(8)}, false, ""},
		{nil, false, ""},
	} {
		got, ok := convert(tt.v, TIntDict)
		if ok != tt.ok || (ok && Repr(got) != tt.want) {
			t.Errorf("convert(%s, TIntDict) = %v, %v; want %s, %v", Repr(tt.v), got, ok, tt.want, tt.ok)
		}
	}
	if TypeName(im) != "dict" {
		t.Errorf("TypeName of an IntMap = %s, want dict", TypeName(im))
	}
}
