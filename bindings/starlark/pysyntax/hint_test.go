package pysyntax

import (
	"strings"
	"testing"
)

func TestHint(t *testing.T) {
	tests := []struct {
		src  string
		line int
		want string
	}{
		{"import libvirt\n", 1, "the import statement is Python"},
		{"x = 1\ntry:\n    f()\nexcept:\n    pass\n", 2, "the try statement is Python"},
		{"x = 1\nif x is None:\n    pass\n", 2, "the is operator is Python"},
		{"y = 2 ** 8\n", 1, "the ** operator is Python"},
		{"x = 1\nprint(x +)\n", 2, ""},
		{"s = '''\nimport x\n'''\nprint(s +)\n", 4, ""},
	}
	for _, tc := range tests {
		got := Hint([]byte(tc.src), tc.line)
		if tc.want == "" && got != "" || !strings.HasPrefix(got, tc.want) {
			t.Errorf("Hint(%q, %d) = %q, want %q...", tc.src, tc.line, got, tc.want)
		}
		if tc.want != "" && !strings.Contains(got, PortingGuide) {
			t.Errorf("Hint(%q, %d) = %q, which does not cite %s", tc.src, tc.line, got, PortingGuide)
		}
	}
}
