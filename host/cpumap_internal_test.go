package host

import (
	"fmt"
	"testing"
)

func TestFitCPUMap(t *testing.T) {
	for _, tt := range []struct {
		in   []bool
		n    int
		want string
	}{
		{[]bool{true, false, true}, 2, "[true false]"},
		{[]bool{true}, 3, "[true false false]"},
		{nil, 2, "[false false]"},
	} {
		if got := fmt.Sprint(fitCPUMap(tt.in, tt.n)); got != tt.want {
			t.Errorf("fitCPUMap(%v, %d) = %s, want %s", tt.in, tt.n, got, tt.want)
		}
	}
}
