package cgobackend

import (
	"testing"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

func TestMacAddrCompare(t *testing.T) {
	for _, tc := range []struct {
		p, q  string
		equal bool
	}{
		{"52:54:00:00:00:01", "52:54:00:00:00:01", true},
		{"52:54:00:AB:cd:01", "52:54:00:ab:CD:01", true},
		{"52:54:0:0:0:1", "52:54:00:00:00:01", true},
		{"52:54:00:00:00:01", "52:54:00:00:00:02", false},
		{"52:54:00:00:00:01", "52:54:00:00:00", false},
		{"", "52:54:00:00:00:01", false},
		{"00", "0", true},
	} {
		if got := macAddrCompare(tc.p, tc.q) == 0; got != tc.equal {
			t.Errorf("macAddrCompare(%q, %q) == 0 is %v, want %v", tc.p, tc.q, got, tc.equal)
		}
	}
}

// TestPortParams: the parameters the core gives set their own fields of
// libvirt.NetworkPortParameters, and only those; a name the struct lacks
// is refused.
func TestPortParams(t *testing.T) {
	var lp libvirt.NetworkPortParameters
	err := setParams(portFields(&lp), []host.TypedParam{{Name: "inbound.average", Value: int64(1)}, {Name: "outbound.burst", Value: int64(2)}})
	want := libvirt.NetworkPortParameters{BandwidthInAverageSet: true, BandwidthInAverage: 1,
		BandwidthOutBurstSet: true, BandwidthOutBurst: 2}
	if err != nil || lp != want {
		t.Errorf("port parameters = %+v, %v; want %+v", lp, err, want)
	}
	if err := setParams(portFields(&lp), []host.TypedParam{{Name: "inbound.avg", Value: int64(1)}}); err == nil {
		t.Error("an unknown name was accepted")
	}
}
