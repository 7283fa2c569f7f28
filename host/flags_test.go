package host

import "testing"

func TestFlagNames(t *testing.T) {
	tests := []struct {
		cname string
		v     int64
		want  string
	}{
		{"virDomainUndefineFlags", 3, "VIR_DOMAIN_UNDEFINE_MANAGED_SAVE|VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA"},
		{"virDomainUndefineFlags", 4 | 0x1000, "VIR_DOMAIN_UNDEFINE_NVRAM|0x1000"},
		{"virDomainUndefineFlags", 0, "0"},
		{"virDomainSetMemoryFlags", 3, "VIR_DOMAIN_MEM_LIVE|VIR_DOMAIN_MEM_CONFIG"},
		{"virDomainSetMemoryFlags", 4, "VIR_DOMAIN_MEM_MAXIMUM"},
		// A function whose flags libvirt does not document.
		{"virNoSuchFunction", 5, "5"},
	}
	for _, tt := range tests {
		if got := FlagNames(tt.cname, tt.v); got != tt.want {
			t.Errorf("FlagNames(%s, %d) = %s, want %s", tt.cname, tt.v, got, tt.want)
		}
	}
}
