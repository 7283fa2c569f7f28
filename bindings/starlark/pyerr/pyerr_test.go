package pyerr

import (
	"fmt"
	"testing"
)

func TestSubclass(t *testing.T) {
	tests := []struct {
		class, base string
		want        bool
	}{
		{"KeyError", "KeyError", true},
		{"KeyError", "LookupError", true},
		{"KeyError", "Exception", true},
		{"KeyError", "BaseException", true},
		{"KeyError", "IndexError", false},
		{"SystemExit", "Exception", false},
		{"SystemExit", "BaseException", true},
		{"FileNotFoundError", "IOError", true},
		{"OSError", "EnvironmentError", true},
		{"JSONDecodeError", "ValueError", true},
		{"libvirtError", "Exception", true},
		{"ModuleNotFoundError", "ImportError", true},
		{"NoSuchClass", "Exception", false},
		{"re.error", "Exception", true},
		{"re.error", "ValueError", false},
		{"getopt.GetoptError", "Exception", true},
		{"optparse.AmbiguousOptionError", "optparse.OptParseError", true},
		{"argparse.ArgumentTypeError", "BaseException", true},
	}
	for _, tc := range tests {
		if got := Subclass(tc.class, tc.base); got != tc.want {
			t.Errorf("Subclass(%s, %s) = %v, want %v", tc.class, tc.base, got, tc.want)
		}
	}
}

func TestModuleClassesAreNotPredeclared(t *testing.T) {
	for _, c := range Classes() {
		if c == "re.error" || c == "getopt.GetoptError" {
			t.Errorf("Classes() lists %s, which scripts reach through its module", c)
		}
	}
	if !Known("re.error") {
		t.Error("Known(re.error) = false")
	}
}

func TestAs(t *testing.T) {
	e := New("ValueError", "invalid literal for int() with base 10: %q", "x")
	if e.Error() != `ValueError: invalid literal for int() with base 10: "x"` {
		t.Errorf("Error() = %q", e.Error())
	}
	got, ok := As(fmt.Errorf("wrapped: %w", e))
	if !ok || got != e {
		t.Errorf("As found %v, %v", got, ok)
	}
	if _, ok := As(fmt.Errorf("plain")); ok {
		t.Error("As found an exception in a plain error")
	}
	for _, c := range Classes() {
		if !Known(c) || !Subclass(c, "BaseException") {
			t.Errorf("%s is not a known class deriving from BaseException", c)
		}
	}
}

func TestQualified(t *testing.T) {
	for _, tc := range []struct{ class, want, err string }{
		{"KeyError", "KeyError", "KeyError: 'x'"},
		{"xpathError", "libxml2.xpathError", "libxml2.xpathError: 'x'"},
		{"libvirtError", "libvirt.libvirtError", "libvirt.libvirtError: 'x'"},
	} {
		if got := Qualified(tc.class); got != tc.want {
			t.Errorf("Qualified(%s) = %s, want %s", tc.class, got, tc.want)
		}
		if got := New(tc.class, "'x'").Error(); got != tc.err {
			t.Errorf("%s: Error() = %s, want %s", tc.class, got, tc.err)
		}
	}
	if !Subclass("xpathError", "libxmlError") || !Subclass("parserError", "Exception") || Subclass("xpathError", "OSError") {
		t.Error("libxml2's classes are not libxmlError's, Exception's")
	}
}
