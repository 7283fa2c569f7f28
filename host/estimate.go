package host

import "math/bits"

// SatAdd is a + b, saturated at MaxEstimate: the adapters add up their
// size estimates with it, so that no sum overflows.
func SatAdd(a, b uint64) uint64 {
	if s, carry := bits.Add64(a, b, 0); carry == 0 && s < MaxEstimate {
		return s
	}
	return MaxEstimate
}

// SatMul is a * b, saturated at MaxEstimate.
func SatMul(a, b uint64) uint64 {
	if hi, lo := bits.Mul64(a, b); hi == 0 && lo < MaxEstimate {
		return lo
	}
	return MaxEstimate
}
