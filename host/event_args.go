package host

import (
	"fmt"

	"github.com/vertscript/vertscript/host/driver"
)

// EventArgs turns an event's payload into the callback's arguments between
// the object and opaque, as libvirt-python passes them: integers as int,
// libvirt's NULL strings as None where libvirt-python gives None, typed
// parameters as a dict, graphics addresses as dicts and the subject as a
// tuple of (type, name) tuples. It is the one place that knows those
// shapes; backends deliver plain payloads.
func EventArgs(p driver.EventPayload) []Value {
	switch p := p.(type) {
	case driver.LifecycleEvent:
		return []Value{int64(p.Event), int64(p.Detail)}
	case driver.NoArgsEvent:
		return []Value{}
	case driver.RTCChangeEvent:
		return []Value{p.Offset}
	case driver.WatchdogEvent:
		return []Value{int64(p.Action)}
	case driver.IOErrorEvent:
		if p.HasReason {
			return []Value{p.SrcPath, p.DevAlias, int64(p.Action), p.Reason}
		}
		return []Value{p.SrcPath, p.DevAlias, int64(p.Action)}
	case driver.GraphicsEvent:
		subject := make(Tuple, len(p.Subject))
		for i, s := range p.Subject {
			subject[i] = Tuple{s.Type, s.Name}
		}
		return []Value{int64(p.Phase), graphicsAddress(p.Local), graphicsAddress(p.Remote), p.AuthScheme, subject}
	case driver.BlockJobEvent:
		return []Value{p.Disk, int64(p.Type), int64(p.Status)}
	case driver.DiskChangeEvent:
		return []Value{p.OldSrcPath, p.NewSrcPath, p.DevAlias, int64(p.Reason)}
	case driver.TrayChangeEvent:
		return []Value{p.DevAlias, int64(p.Reason)}
	case driver.ReasonEvent:
		return []Value{int64(p.Reason)}
	case driver.BalloonChangeEvent:
		return []Value{int64(p.Actual)}
	case driver.DeviceEvent:
		return []Value{p.DevAlias}
	case driver.ParamsEvent:
		return []Value{typedMap(p.Params)}
	case driver.AgentLifecycleEvent:
		return []Value{int64(p.State), int64(p.Reason)}
	case driver.MigrationIterationEvent:
		return []Value{int64(p.Iteration)}
	case driver.MetadataChangeEvent:
		return []Value{int64(p.Type), strOrNone(p.NSURI)}
	case driver.BlockThresholdEvent:
		return []Value{p.Dev, p.Path, int64(p.Threshold), int64(p.Excess)}
	case driver.MemoryFailureEvent:
		return []Value{int64(p.Recipient), int64(p.Action), int64(p.Flags)}
	case driver.MemoryDeviceSizeChangeEvent:
		return []Value{p.Alias, int64(p.Size)}
	}
	panic(fmt.Sprintf("host: event payload %T has no arguments", p))
}

// graphicsAddress is one end of a graphics connection as libvirt-python
// gives it: a dict of family, node and service.
func graphicsAddress(a driver.GraphicsAddress) *Map {
	m := NewMap()
	m.Set("family", int64(a.Family))
	m.Set("node", a.Node)
	m.Set("service", a.Service)
	return m
}
