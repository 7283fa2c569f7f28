package lua

import "testing"

func TestCaptures(t *testing.T) {
	for pat, want := range map[string]int{
		"":           0,
		"(a)(b)":     2,
		"%((a)":      1,
		"[(]b[)]":    0,
		"[]()](x)":   1,
		"[^]()](x)":  1,
		"[%]()](x)":  1,
		"((((a))))":  4,
		"()a()":      2,
		"[a-z(":      0,
		"%b()(x)":    1,
		"%f[%w](x)(": 2,
	} {
		if got := captures(pat); got != want {
			t.Errorf("captures(%q) = %d, want %d", pat, got, want)
		}
	}
}
