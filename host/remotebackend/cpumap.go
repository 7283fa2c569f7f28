package remotebackend

import (
	"strconv"
	"strings"
)

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

// cpuList writes the CPUs set in m as a list, "0,2,3", as
// libvirt.org/go/libvirt writes them for virDomainSetVcpu and
// virDomainSetGuestVcpus.
func cpuList(m []bool) string {
	var parts []string
	for i, on := range m {
		if on {
			parts = append(parts, strconv.Itoa(i))
		}
	}
	return strings.Join(parts, ",")
}

// parseCPUList reads a CPU list ("0-3,^2,5") as libvirt.org/go/libvirt
// reads it: the map is as long as the highest CPU named.
func parseCPUList(s string) ([]bool, bool) {
	var m []bool
	for _, piece := range strings.Split(s, ",") {
		if piece == "" {
			return nil, false
		}
		invert := piece[0] == '^'
		if invert {
			piece = piece[1:]
		}
		lo, hi, isRange := strings.Cut(piece, "-")
		if !isRange {
			hi = lo
		}
		start, err1 := strconv.Atoi(lo)
		end, err2 := strconv.Atoi(hi)
		if err1 != nil || err2 != nil || start > end || start < 0 {
			return nil, false
		}
		if end+1 > len(m) {
			m = append(m, make([]bool, end+1-len(m))...)
		}
		for i := start; i <= end; i++ {
			m[i] = !invert
		}
	}
	return m, true
}
