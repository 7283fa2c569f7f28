package remotebackend

import (
	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// eventMessage is how one event message of the daemon is read: its class
// and event ID, and its body after the callback ID.
type eventMessage struct {
	class   *eventClass
	eventID int
	// read reads the event's object and its payload.
	read func(c *conn, r *xdrReader) (eventObject, driver.EventPayload)
}

// eventObject is an event's object: what a registration for one object
// matches (its UUID, a node device's name), and a new reference to it.
type eventObject struct {
	key  string
	wrap func() driver.Freer
}

// payloadReader reads an event's payload after its object.
type payloadReader func(r *xdrReader) driver.EventPayload

// eventMessages are the event messages, by procedure
// (REMOTE_PROC_DOMAIN_EVENT_CALLBACK_*, REMOTE_PROC_NETWORK_EVENT_*, ...,
// in libvirt's remote_protocol.x).
var eventMessages = map[uint32]eventMessage{
	318: domainMessage(driver.DomainEventIDLifecycle, readLifecycle),
	319: domainMessage(driver.DomainEventIDReboot, noArgs),
	320: domainMessage(driver.DomainEventIDRtcChange, func(r *xdrReader) driver.EventPayload { return driver.RTCChangeEvent{Offset: r.i64()} }),
	321: domainMessage(driver.DomainEventIDWatchdog, func(r *xdrReader) driver.EventPayload { return driver.WatchdogEvent{Action: int(r.int())} }),
	322: domainMessage(driver.DomainEventIDIOError, func(r *xdrReader) driver.EventPayload {
		return driver.IOErrorEvent{SrcPath: r.str(), DevAlias: r.str(), Action: int(r.int())}
	}),
	323: domainMessage(driver.DomainEventIDGraphics, readGraphics),
	324: domainMessage(driver.DomainEventIDIOErrorReason, func(r *xdrReader) driver.EventPayload {
		return driver.IOErrorEvent{SrcPath: r.str(), DevAlias: r.str(), Action: int(r.int()), Reason: r.str(), HasReason: true}
	}),
	325: domainMessage(driver.DomainEventIDControlError, noArgs),
	326: domainMessage(driver.DomainEventIDBlockJob, readBlockJob),
	327: domainMessage(driver.DomainEventIDDiskChange, func(r *xdrReader) driver.EventPayload {
		return driver.DiskChangeEvent{OldSrcPath: r.optStr(), NewSrcPath: r.optStr(), DevAlias: r.str(), Reason: int(r.int())}
	}),
	328: domainMessage(driver.DomainEventIDTrayChange, func(r *xdrReader) driver.EventPayload {
		return driver.TrayChangeEvent{DevAlias: r.str(), Reason: int(r.int())}
	}),
	329: reasonFirst(driver.DomainEventIDPmwakeup),
	330: reasonFirst(driver.DomainEventIDPmsuspend),
	331: domainMessage(driver.DomainEventIDBalloonChange, func(r *xdrReader) driver.EventPayload { return driver.BalloonChangeEvent{Actual: r.u64()} }),
	332: reasonFirst(driver.DomainEventIDPmsuspendDisk),
	333: domainMessage(driver.DomainEventIDDeviceRemoved, readDevice),
	339: domainMessage(driver.DomainEventIDBlockJob2, readBlockJob),
	346: domainMessage(driver.DomainEventIDTunable, readTypedParams),
	348: domainMessage(driver.DomainEventIDAgentLifecycle, func(r *xdrReader) driver.EventPayload {
		return driver.AgentLifecycleEvent{State: int(r.int()), Reason: int(r.int())}
	}),
	354: domainMessage(driver.DomainEventIDDeviceAdded, readDevice),
	359: domainMessage(driver.DomainEventIDMigrationIteration, func(r *xdrReader) driver.EventPayload {
		return driver.MigrationIterationEvent{Iteration: int(r.int())}
	}),
	363: domainMessage(driver.DomainEventIDJobCompleted, readTypedParams),
	367: domainMessage(driver.DomainEventIDDeviceRemovalFailed, readDevice),
	379: domainMessage(driver.DomainEventIDMetadataChange, readMetadataChange),
	385: domainMessage(driver.DomainEventIDBlockThreshold, func(r *xdrReader) driver.EventPayload {
		return driver.BlockThresholdEvent{Dev: r.str(), Path: r.optStr(), Threshold: r.u64(), Excess: r.u64()}
	}),
	423: domainMessage(driver.DomainEventIDMemoryFailure, func(r *xdrReader) driver.EventPayload {
		return driver.MemoryFailureEvent{Recipient: int(r.int()), Action: int(r.int()), Flags: int(r.u32())}
	}),
	438: domainMessage(driver.DomainEventIDMemoryDeviceSizeChange, func(r *xdrReader) driver.EventPayload {
		return driver.MemoryDeviceSizeChangeEvent{Alias: r.str(), Size: r.u64()}
	}),

	315: {networkEvents, 0, withPayload(readNetwork, readLifecycle)},
	446: {networkEvents, 1, withPayload(readNetwork, readMetadataChange)},
	370: {poolEvents, 0, withPayload(readPool, readLifecycle)},
	373: {poolEvents, 1, withPayload(readPool, noArgs)},
	376: {nodeDeviceEvents, 0, withPayload(readNodeDevice, readLifecycle)},
	377: {nodeDeviceEvents, 1, withPayload(readNodeDevice, noArgs)},
	382: {secretEvents, 0, withPayload(readSecret, readLifecycle)},
	383: {secretEvents, 1, withPayload(readSecret, noArgs)},
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
	obj, p := m.read(c, r)
	if r.err != nil {
		return true
	}
	for _, deliver := range c.ev.wanted(m.class, m.eventID, obj.key, callbackID) {
		deliver(driver.ObjectEvent{Object: obj.wrap(), Payload: p})
	}
	return true
}

// withPayload reads an event whose object comes first, then its payload.
func withPayload(object func(c *conn, r *xdrReader) eventObject, payload payloadReader) func(*conn, *xdrReader) (eventObject, driver.EventPayload) {
	return func(c *conn, r *xdrReader) (eventObject, driver.EventPayload) {
		o := object(c, r)
		return o, payload(r)
	}
}

// domainMessage is a domain event whose domain comes first.
func domainMessage(eventID int, payload payloadReader) eventMessage {
	return eventMessage{domainEvents, eventID, withPayload(readDomain, payload)}
}

// reasonFirst is a power management event, whose reason comes before its
// domain on the wire.
func reasonFirst(eventID int) eventMessage {
	return eventMessage{domainEvents, eventID, func(c *conn, r *xdrReader) (eventObject, driver.EventPayload) {
		reason := r.int()
		return readDomain(c, r), driver.ReasonEvent{Reason: int(reason)}
	}}
}

// The payloads several messages share.

func noArgs(*xdrReader) driver.EventPayload { return driver.NoArgsEvent{} }

func readLifecycle(r *xdrReader) driver.EventPayload {
	return driver.LifecycleEvent{Event: int(r.int()), Detail: int(r.int())}
}

func readBlockJob(r *xdrReader) driver.EventPayload {
	return driver.BlockJobEvent{Disk: r.str(), Type: int(r.int()), Status: int(r.int())}
}

func readDevice(r *xdrReader) driver.EventPayload { return driver.DeviceEvent{DevAlias: r.str()} }

func readMetadataChange(r *xdrReader) driver.EventPayload {
	return driver.MetadataChangeEvent{Type: int(r.int()), NSURI: r.optStr()}
}

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
// scheme and subject.
func readGraphics(r *xdrReader) driver.EventPayload {
	e := driver.GraphicsEvent{Phase: int(r.int())}
	e.Local, e.Remote = readGraphicsAddress(r), readGraphicsAddress(r)
	e.AuthScheme = r.str()
	n := r.count(8) // two empty strings at least
	e.Subject = make([]driver.GraphicsSubject, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		e.Subject = append(e.Subject, driver.GraphicsSubject{Type: r.str(), Name: r.str()})
	}
	return e
}

// readGraphicsAddress reads a remote_domain_event_graphics_address.
func readGraphicsAddress(r *xdrReader) driver.GraphicsAddress {
	return driver.GraphicsAddress{Family: int(r.int()), Node: r.str(), Service: r.str()}
}

// readTypedParams reads the typed parameters of a tunable or job completed
// event.
func readTypedParams(r *xdrReader) driver.EventPayload {
	n := r.count(12) // a name, a kind and a value of 4 bytes at least
	var e driver.ParamsEvent
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
			e.Params = append(e.Params, driver.TypedParam{Name: name, Value: v})
		}
	}
	return e
}
