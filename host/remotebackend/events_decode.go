package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// The VIR_DOMAIN_EVENT_ID_* values.
const (
	eventLifecycle              = 0
	eventReboot                 = 1
	eventRtcChange              = 2
	eventWatchdog               = 3
	eventIoError                = 4
	eventGraphics               = 5
	eventIoErrorReason          = 6
	eventControlError           = 7
	eventBlockJob               = 8
	eventDiskChange             = 9
	eventTrayChange             = 10
	eventPmwakeup               = 11
	eventPmsuspend              = 12
	eventBalloonChange          = 13
	eventPmsuspendDisk          = 14
	eventDeviceRemoved          = 15
	eventBlockJob2              = 16
	eventTunable                = 17
	eventAgentLifecycle         = 18
	eventDeviceAdded            = 19
	eventMigrationIteration     = 20
	eventJobCompleted           = 21
	eventDeviceRemovalFailed    = 22
	eventMetadataChange         = 23
	eventBlockThreshold         = 24
	eventMemoryFailure          = 25
	eventMemoryDeviceSizeChange = 26
)

// eventMessage is how one event message of the daemon is read: its class
// and event ID, and its body after the callback ID.
type eventMessage struct {
	class   *eventClass
	eventID int
	// read reads the event's object and the callback's arguments, shaped
	// as the cgo backend delivers them.
	read func(c *conn, r *xdrReader) (eventObject, []any)
}

// eventObject is an event's object: what a registration for one object
// matches (its UUID, a node device's name), and a new reference to it.
type eventObject struct {
	key  string
	wrap func() driver.Freer
}

// eventMessages are the event messages, by procedure
// (REMOTE_PROC_DOMAIN_EVENT_CALLBACK_*, REMOTE_PROC_NETWORK_EVENT_*, ...,
// in libvirt's remote_protocol.x).
var eventMessages = map[uint32]eventMessage{
	318: domainMessage(eventLifecycle, func(r *xdrReader) []any { return []any{r.int(), r.int()} }),
	319: domainMessage(eventReboot, nil),
	320: domainMessage(eventRtcChange, func(r *xdrReader) []any { return []any{r.i64()} }),
	321: domainMessage(eventWatchdog, func(r *xdrReader) []any { return []any{r.int()} }),
	322: domainMessage(eventIoError, func(r *xdrReader) []any { return []any{r.str(), r.str(), r.int()} }),
	323: domainMessage(eventGraphics, readGraphics),
	324: domainMessage(eventIoErrorReason, func(r *xdrReader) []any { return []any{r.str(), r.str(), r.int(), r.str()} }),
	325: domainMessage(eventControlError, nil),
	326: domainMessage(eventBlockJob, func(r *xdrReader) []any { return []any{r.str(), r.int(), r.int()} }),
	327: domainMessage(eventDiskChange, func(r *xdrReader) []any { return []any{r.optStr(), r.optStr(), r.str(), r.int()} }),
	328: domainMessage(eventTrayChange, func(r *xdrReader) []any { return []any{r.str(), r.int()} }),
	329: reasonFirst(eventPmwakeup),
	330: reasonFirst(eventPmsuspend),
	331: domainMessage(eventBalloonChange, func(r *xdrReader) []any { return []any{int64(r.u64())} }),
	332: reasonFirst(eventPmsuspendDisk),
	333: domainMessage(eventDeviceRemoved, func(r *xdrReader) []any { return []any{r.str()} }),
	339: domainMessage(eventBlockJob2, func(r *xdrReader) []any { return []any{r.str(), r.int(), r.int()} }),
	346: domainMessage(eventTunable, readTypedParams),
	348: domainMessage(eventAgentLifecycle, func(r *xdrReader) []any { return []any{r.int(), r.int()} }),
	354: domainMessage(eventDeviceAdded, func(r *xdrReader) []any { return []any{r.str()} }),
	359: domainMessage(eventMigrationIteration, func(r *xdrReader) []any { return []any{r.int()} }),
	363: domainMessage(eventJobCompleted, readTypedParams),
	367: domainMessage(eventDeviceRemovalFailed, func(r *xdrReader) []any { return []any{r.str()} }),
	379: domainMessage(eventMetadataChange, func(r *xdrReader) []any { return []any{r.int(), strOrNone(r.optStr())} }),
	385: domainMessage(eventBlockThreshold, func(r *xdrReader) []any {
		return []any{r.str(), r.optStr(), int64(r.u64()), int64(r.u64())}
	}),
	423: domainMessage(eventMemoryFailure, func(r *xdrReader) []any { return []any{r.int(), r.int(), int64(r.u32())} }),
	438: domainMessage(eventMemoryDeviceSizeChange, func(r *xdrReader) []any { return []any{r.str(), int64(r.u64())} }),

	315: {networkEvents, 0, withArgs(readNetwork, lifecycleArgs)},
	446: {networkEvents, 1, withArgs(readNetwork, func(r *xdrReader) []any { return []any{r.int(), strOrNone(r.optStr())} })},
	370: {poolEvents, 0, withArgs(readPool, lifecycleArgs)},
	373: {poolEvents, 1, withArgs(readPool, nil)},
	376: {nodeDeviceEvents, 0, withArgs(readNodeDevice, lifecycleArgs)},
	377: {nodeDeviceEvents, 1, withArgs(readNodeDevice, nil)},
	382: {secretEvents, 0, withArgs(readSecret, lifecycleArgs)},
	383: {secretEvents, 1, withArgs(readSecret, nil)},
}

// handleMessage takes the event messages of the daemon off the wire and
// delivers them to the callbacks that want them; it reports whether the
// message was one (a malformed event is dropped). The wire calls it, on
// its reading goroutine, for every message it reads.
func (c *conn) handleMessage(program, procedure uint32, payload []byte) bool {
	if program != remoteProgram {
		return false
	}
	m, ok := eventMessages[procedure]
	if !ok {
		return false
	}
	r := &xdrReader{b: payload}
	callbackID := int32(r.u32())
	obj, args := m.read(c, r)
	if r.err != nil {
		return true
	}
	for _, deliver := range c.ev.wanted(m.class, m.eventID, obj.key, callbackID) {
		deliver(driver.ObjectEvent{Object: obj.wrap(), Args: args})
	}
	return true
}

// withArgs reads an event whose object comes first, then the arguments
// args reads (nil: none).
func withArgs(object func(c *conn, r *xdrReader) eventObject, args func(r *xdrReader) []any) func(*conn, *xdrReader) (eventObject, []any) {
	return func(c *conn, r *xdrReader) (eventObject, []any) {
		o := object(c, r)
		if args == nil {
			return o, []any{}
		}
		return o, args(r)
	}
}

// domainMessage is a domain event whose domain comes first.
func domainMessage(eventID int, args func(r *xdrReader) []any) eventMessage {
	return eventMessage{domainEvents, eventID, withArgs(readDomain, args)}
}

// reasonFirst is a power management event, whose reason comes before its
// domain on the wire.
func reasonFirst(eventID int) eventMessage {
	return eventMessage{domainEvents, eventID, func(c *conn, r *xdrReader) (eventObject, []any) {
		reason := r.int()
		return readDomain(c, r), []any{reason}
	}}
}

// lifecycleArgs are a lifecycle event's event and detail.
func lifecycleArgs(r *xdrReader) []any { return []any{r.int(), r.int()} }

// readDomain reads a remote_nonnull_domain.
func readDomain(c *conn, r *xdrReader) eventObject {
	d := libvirt.Domain{Name: r.str(), UUID: r.uuid(), ID: int32(r.u32())}
	return eventObject{formatUUID(d.UUID), func() driver.Freer { return c.domain(d) }}
}

// readNetwork reads a remote_nonnull_network.
func readNetwork(c *conn, r *xdrReader) eventObject {
	n := libvirt.Network{Name: r.str(), UUID: r.uuid()}
	return eventObject{formatUUID(n.UUID), func() driver.Freer { return &network{c: c, n: n} }}
}

// readPool reads a remote_nonnull_storage_pool.
func readPool(c *conn, r *xdrReader) eventObject {
	p := libvirt.StoragePool{Name: r.str(), UUID: r.uuid()}
	return eventObject{formatUUID(p.UUID), func() driver.Freer { return &storagePool{c: c, p: p} }}
}

// readNodeDevice reads a remote_nonnull_node_device.
func readNodeDevice(c *conn, r *xdrReader) eventObject {
	d := libvirt.NodeDevice{Name: r.str()}
	return eventObject{d.Name, func() driver.Freer { return &nodeDevice{c: c, d: d} }}
}

// readSecret reads a remote_nonnull_secret.
func readSecret(c *conn, r *xdrReader) eventObject {
	s := libvirt.Secret{UUID: r.uuid(), UsageType: int32(r.u32()), UsageID: r.str()}
	return eventObject{formatUUID(s.UUID), func() driver.Freer { return &secret{c: c, s: s} }}
}

// readGraphics reads a graphics event's phase, addresses, authentication
// scheme and subject, shaped as the cgo backend delivers them.
func readGraphics(r *xdrReader) []any {
	phase := r.int()
	local, remote := readGraphicsAddress(r), readGraphicsAddress(r)
	scheme := r.str()
	n := r.count(8) // two empty strings at least
	subject := make(host.Tuple, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		subject = append(subject, host.Tuple{r.str(), r.str()})
	}
	return []any{phase, local, remote, scheme, subject}
}

// readGraphicsAddress reads a remote_domain_event_graphics_address.
func readGraphicsAddress(r *xdrReader) *host.Map {
	m := host.NewMap()
	m.Set("family", r.int())
	m.Set("node", r.str())
	m.Set("service", r.str())
	return m
}

// readTypedParams reads the typed parameters of a tunable or job completed
// event into a dict, as the cgo backend delivers them.
func readTypedParams(r *xdrReader) []any {
	n := r.count(12) // a name, a kind and a value of 4 bytes at least
	m := host.NewMap()
	for i := 0; i < n && r.err == nil; i++ {
		name := r.str()
		var v any
		switch kind := r.u32(); kind {
		case typedInt:
			v = r.int()
		case typedUint:
			v = int64(r.u32())
		case typedLLong:
			v = r.i64()
		case typedULLong:
			v = int64(r.u64())
		case typedDouble:
			v = r.f64()
		case typedBool:
			v = r.u32() != 0
		case typedString:
			v = r.str()
		default:
			r.fail() // the rest cannot be read
		}
		if r.err == nil {
			m.Set(name, v)
		}
	}
	return []any{m}
}

// strOrNone is s, or None for an empty string (libvirt's NULL).
func strOrNone(s string) any {
	if s == "" {
		return nil
	}
	return s
}
