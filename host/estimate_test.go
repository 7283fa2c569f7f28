package host_test

import (
	"math"
	"testing"

	"github.com/vertscript/vertscript/host"
)

func TestSaturatingArithmetic(t *testing.T) {
	const top = host.MaxEstimate
	tests := []struct {
		a, b     uint64
		sum, prd uint64
	}{
		{0, 0, 0, 0},
		{3, 4, 7, 12},
		{top - 1, 0, top - 1, 0},
		{top - 1, 1, top, top - 1},
		{top, 1, top, top},
		{math.MaxUint64, math.MaxUint64, top, top},
		{1 << 32, 1 << 32, 1 << 33, top},
		{1 << 31, 1 << 30, 1<<31 + 1<<30, 1 << 61},
	}
	for _, tt := range tests {
		if got := host.SatAdd(tt.a, tt.b); got != tt.sum {
			t.Errorf("SatAdd(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.sum)
		}
		if got := host.SatMul(tt.a, tt.b); got != tt.prd {
			t.Errorf("SatMul(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.prd)
		}
	}
}
