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

// TestPortParams checks each of libvirt's port parameter names reaches its
// own field of libvirt.NetworkPortParameters, and comes back.
func TestPortParams(t *testing.T) {
	names := []string{"inbound.average", "inbound.peak", "inbound.floor", "inbound.burst",
		"outbound.average", "outbound.peak", "outbound.burst"}
	for i, name := range names {
		lp, err := toPortParams(host.NetworkPortParameters{name: uint32(100 + i)})
		if err != nil {
			t.Fatal(err)
		}
		back := fromPortParams(lp)
		if len(back) != 1 || back[name] != uint32(100+i) {
			t.Errorf("%s: round trip gave %v", name, back)
		}
	}
	lp, _ := toPortParams(host.NetworkPortParameters{"inbound.average": 1, "outbound.burst": 2})
	want := libvirt.NetworkPortParameters{BandwidthInAverageSet: true, BandwidthInAverage: 1,
		BandwidthOutBurstSet: true, BandwidthOutBurst: 2}
	if *lp != want {
		t.Errorf("toPortParams = %+v, want %+v", *lp, want)
	}
	if _, err := toPortParams(host.NetworkPortParameters{"inbound.avg": 1}); err == nil {
		t.Error("toPortParams accepted an unknown name")
	}
}
