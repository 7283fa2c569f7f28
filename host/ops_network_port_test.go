package host

import (
	"reflect"
	"strings"
	"testing"
)

func TestPortParams(t *testing.T) {
	got, err := portParams("virNetworkPort.setParameters", dictOf("inbound.average", int64(1000), "outbound.burst", true))
	if err != nil {
		t.Fatal(err)
	}
	if want := []TypedParam{tp("inbound.average", int64(1000)), tp("outbound.burst", int64(1))}; !reflect.DeepEqual(got, want) {
		t.Errorf("portParams = %v", got)
	}
	for _, tc := range []struct {
		d    *Map
		want string
	}{
		{dictOf(), "need a non-empty dict"},
		{dictOf("inbound.avg", int64(1)), `unknown network port parameter "inbound.avg"`},
		{dictOf("inbound.peak", "fast"), "for parameter inbound.peak: got string, want int from 0 to 4294967295"},
		{dictOf("inbound.peak", int64(1)<<32), "for parameter inbound.peak: got int"},
		{dictOf("inbound.peak", int64(-1)), "for parameter inbound.peak: got int"},
	} {
		_, err := portParams("virNetworkPort.setParameters", tc.d)
		if _, ok := err.(*ArgError); !ok || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("portParams(%s): got %v, want an ArgError containing %q", Repr(tc.d), err, tc.want)
		}
	}
}

func TestDHCPLeaseShape(t *testing.T) {
	m := dhcpLease(NetworkDHCPLease{Iface: "virbr0", ExpiryTime: 1700000000, Type: 0, MAC: "52:54:00:00:00:01",
		IPAddr: "192.168.122.10", Prefix: 24, Hostname: "web-1"})
	want := `{"iface": "virbr0", "expirytime": 1700000000, "type": 0, "mac": "52:54:00:00:00:01", ` +
		`"ipaddr": "192.168.122.10", "prefix": 24, "hostname": "web-1", "clientid": None, "iaid": None}`
	if got := Repr(m); got != want {
		t.Errorf("lease:\n%s\nwant:\n%s", got, want)
	}
}

func TestPortParamsDict(t *testing.T) {
	got := Repr(portParamsDict([]TypedParam{tp("outbound.average", int64(5)), tp("inbound.burst", int64(4)), tp("inbound.average", int64(1)),
		tp("inbound.floor", int64(3)), tp("inbound.peak", int64(2))}))
	want := `{"inbound.average": 1, "inbound.peak": 2, "inbound.floor": 3, "inbound.burst": 4, "outbound.average": 5}`
	if got != want {
		t.Errorf("parameters() = %s, want %s", got, want)
	}
}
