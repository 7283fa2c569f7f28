package host_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/vertscript/vertscript/host"
)

// TestErrorMethods: libvirt-python's libvirtError methods, with the values
// python3-libvirt gives for a test driver's error (str1 repeats the
// message; the other extras are None and -1), and None for an error with
// no libvirt error behind it.
func TestErrorMethods(t *testing.T) {
	e := &host.Error{Code: 42, Domain: 12, Level: 2, Message: "Domain not found"}
	want := map[string]host.Value{
		"get_error_code": int64(42), "get_error_domain": int64(12), "get_error_message": "Domain not found",
		"get_error_level": int64(2), "get_str1": "Domain not found", "get_str2": nil, "get_str3": nil,
		"get_int1": int64(-1), "get_int2": int64(-1),
	}
	if names := host.ErrorMethodNames(); len(names) != len(want) || !slices.IsSorted(names) {
		t.Errorf("ErrorMethodNames() = %v, want the %d names of %v, sorted", names, len(want), want)
	}
	for name, w := range want {
		m, ok := host.ErrorMethodNamed(name)
		if !ok {
			t.Errorf("no method %s", name)
			continue
		}
		if got := m.Get(e); !reflect.DeepEqual(got, w) {
			t.Errorf("%s() = %#v, want %#v", name, got, w)
		}
		if got := m.Get(nil); got != nil {
			t.Errorf("%s() without an error = %#v, want None", name, got)
		}
	}
	if _, ok := host.ErrorMethodNamed("get_nothing"); ok {
		t.Error("get_nothing is a method")
	}
}
