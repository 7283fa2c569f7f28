package host

import (
	"fmt"
	"testing"

	"github.com/vertscript/vertscript/host/driver"
)

// TestEventArgs checks each payload's callback arguments, in
// libvirt-python's shapes.
func TestEventArgs(t *testing.T) {
	for _, tt := range []struct {
		p    driver.EventPayload
		want string
	}{
		{driver.LifecycleEvent{Event: 3, Detail: 1}, "[3 1]"},
		{driver.NoArgsEvent{}, "[]"},
		{driver.RTCChangeEvent{Offset: -7}, "[-7]"},
		{driver.WatchdogEvent{Action: 2}, "[2]"},
		{driver.IOErrorEvent{SrcPath: "/a", DevAlias: "vda", Action: 1}, "[/a vda 1]"},
		{driver.IOErrorEvent{SrcPath: "/a", DevAlias: "vda", Action: 1, Reason: "enospc", HasReason: true}, "[/a vda 1 enospc]"},
		{driver.GraphicsEvent{Phase: 1, Local: driver.GraphicsAddress{Family: 0, Node: "127.0.0.1", Service: "5900"},
			AuthScheme: "none", Subject: []driver.GraphicsSubject{{Type: "x509", Name: "cn"}}},
			"[1 {family: 0, node: 127.0.0.1, service: 5900} {family: 0, node: , service: } none [[x509 cn]]]"},
		{driver.BlockJobEvent{Disk: "vda", Type: 2, Status: 0}, "[vda 2 0]"},
		{driver.DiskChangeEvent{OldSrcPath: "/o", NewSrcPath: "", DevAlias: "cd", Reason: 1}, "[/o  cd 1]"},
		{driver.TrayChangeEvent{DevAlias: "cd", Reason: 0}, "[cd 0]"},
		{driver.ReasonEvent{Reason: 0}, "[0]"},
		{driver.BalloonChangeEvent{Actual: 1 << 20}, "[1048576]"},
		{driver.DeviceEvent{DevAlias: "net0"}, "[net0]"},
		{driver.ParamsEvent{Params: []driver.TypedParam{{Name: "cpu_shares", Value: int64(512)}}}, "[{cpu_shares: 512}]"},
		{driver.AgentLifecycleEvent{State: 1, Reason: 2}, "[1 2]"},
		{driver.MigrationIterationEvent{Iteration: 4}, "[4]"},
		{driver.MetadataChangeEvent{Type: 2, NSURI: ""}, "[2 <nil>]"},
		{driver.MetadataChangeEvent{Type: 2, NSURI: "http://x/"}, "[2 http://x/]"},
		{driver.BlockThresholdEvent{Dev: "vda", Path: "/p", Threshold: 100, Excess: 5}, "[vda /p 100 5]"},
		{driver.MemoryFailureEvent{Recipient: 0, Action: 1, Flags: 3}, "[0 1 3]"},
		{driver.MemoryDeviceSizeChangeEvent{Alias: "mem0", Size: 2048}, "[mem0 2048]"},
	} {
		args := EventArgs(tt.p)
		for _, a := range args {
			switch a.(type) {
			case nil, int64, string, *Map, Tuple:
			default:
				t.Errorf("%T: argument %#v is not a script value", tt.p, a)
			}
		}
		if got := show(args); got != tt.want {
			t.Errorf("%T: %s, want %s", tt.p, got, tt.want)
		}
	}
}

// show writes args briefly: dicts as {k: v, ...}, tuples and lists as [...].
func show(v any) string {
	switch v := v.(type) {
	case []Value:
		return show(Tuple(v))
	case Tuple:
		s := "["
		for i, e := range v {
			if i > 0 {
				s += " "
			}
			s += show(e)
		}
		return s + "]"
	case *Map:
		s := "{"
		for i, k := range v.Keys() {
			if i > 0 {
				s += ", "
			}
			e, _ := v.Get(k)
			s += fmt.Sprintf("%v: %s", k, show(e))
		}
		return s + "}"
	}
	return fmt.Sprint(v)
}
