package remotebackend

// CPU maps as the core holds them, []bool, one entry per host CPU (the
// core sizes them), and as libvirt's protocol carries them, packed.

// mapLen is VIR_CPU_MAPLEN(n): the bytes of a map of n CPUs.
func mapLen(n int) int { return (n + 7) / 8 }

// unpackCPUMap reads n CPUs from a packed map (bit j%8 of byte j/8); CPUs
// the map does not reach are false.
func unpackCPUMap(b []byte, n int) []bool {
	m := make([]bool, n)
	for j := range m {
		if j/8 < len(b) {
			m[j] = b[j/8]&(1<<uint(j%8)) != 0
		}
	}
	return m
}

// packCPUMap writes m as libvirt's packed map.
func packCPUMap(m []bool) []byte {
	b := make([]byte, mapLen(len(m)))
	for j, on := range m {
		if on {
			b[j/8] |= 1 << uint(j%8)
		}
	}
	return b
}
