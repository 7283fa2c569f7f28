package remotebackend

import (
	"fmt"
	"sync"

	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// Events on libvirtd's protocol, as libvirt's own client (the remote
// driver) keeps them: the connection holds a list of local callbacks, with
// IDs of its own counted from 0 across every class (and the legacy
// registration); the daemon is asked for an event ID of a class when the
// first local callback for it comes, and told to stop when the last one
// goes. The daemon is always asked for the events of every object: a
// callback for one object filters them here. go-libvirt routes only some
// domain events and none of the other classes', so the wire hands every
// message to handleMessage (events_decode.go), which decodes the events
// itself and delivers them on the wire's reading goroutine, in the
// daemon's order; the core's deliver functions do not block.

// eventState is a connection's event callbacks.
type eventState struct {
	// reg serializes registrations and deregistrations, which call the
	// daemon; the wire's goroutine never takes it.
	reg sync.Mutex
	// mu guards what follows; it is never held across a call to the
	// daemon, since the wire's goroutine takes it to deliver an event.
	mu     sync.Mutex
	nextID int
	cbs    []*eventCallback   // in registration order
	remote map[eventKey]int32 // the daemon's callback ID of each registration
	close  closeWatch         // the close callback (events_close.go)
}

// eventKey names the events of one event ID of one class.
type eventKey struct {
	class   *eventClass
	eventID int
}

// eventCallback is a local callback.
type eventCallback struct {
	id      int
	key     eventKey
	object  string // the UUID (a node device's name) of the object filtered; "" for every object
	legacy  bool   // registered with virConnectDomainEventRegister
	deliver func(driver.ObjectEvent)
}

// eventClass is a class of objects with events, and its calls on the
// daemon.
type eventClass struct {
	name string // as libvirt's errors name it: "domain", "storage pool", ...
	ids  int    // how many event IDs the class has (0 to ids-1)
	// register asks the daemon for events eventID of every object and
	// returns the daemon's callback ID; deregister stops them.
	register   func(l *libvirt.Libvirt, eventID int32) (int32, error)
	deregister func(l *libvirt.Libvirt, callbackID int32) error
}

// The classes with events.
var (
	domainEvents = &eventClass{name: "domain", ids: 27,
		register: func(l *libvirt.Libvirt, id int32) (int32, error) {
			return l.ConnectDomainEventCallbackRegisterAny(id, nil)
		},
		deregister: (*libvirt.Libvirt).ConnectDomainEventCallbackDeregisterAny}
	networkEvents = &eventClass{name: "network", ids: 2,
		register: func(l *libvirt.Libvirt, id int32) (int32, error) {
			return l.ConnectNetworkEventRegisterAny(id, nil)
		},
		deregister: (*libvirt.Libvirt).ConnectNetworkEventDeregisterAny}
	poolEvents = &eventClass{name: "storage pool", ids: 2,
		register: func(l *libvirt.Libvirt, id int32) (int32, error) {
			return l.ConnectStoragePoolEventRegisterAny(id, nil)
		},
		deregister: (*libvirt.Libvirt).ConnectStoragePoolEventDeregisterAny}
	nodeDeviceEvents = &eventClass{name: "node device", ids: 2,
		register: func(l *libvirt.Libvirt, id int32) (int32, error) {
			return l.ConnectNodeDeviceEventRegisterAny(id, nil)
		},
		deregister: (*libvirt.Libvirt).ConnectNodeDeviceEventDeregisterAny}
	secretEvents = &eventClass{name: "secret", ids: 2,
		register: func(l *libvirt.Libvirt, id int32) (int32, error) {
			return l.ConnectSecretEventRegisterAny(id, nil)
		},
		deregister: (*libvirt.Libvirt).ConnectSecretEventDeregisterAny}
)

var _ driver.ConnEvents = (*conn)(nil)

// register adds a local callback for events eventID of class, of the
// object named object ("" for every object), and asks the daemon for the
// events when no other callback wants them yet. It returns the local
// callback ID. As in libvirt, a second callback for the same events and
// object is refused, and a registration the daemon refuses still uses an
// ID.
func (c *conn) register(class *eventClass, eventID int, object string, legacy bool, deliver func(driver.ObjectEvent)) (int, error) {
	if eventID < 0 || eventID >= class.ids {
		return 0, unknownEvent(class.name, eventID)
	}
	ev := &c.ev
	ev.reg.Lock()
	defer ev.reg.Unlock()
	key := eventKey{class, eventID}
	ev.mu.Lock()
	for _, cb := range ev.cbs {
		if cb.key == key && cb.object == object && cb.legacy == legacy {
			ev.mu.Unlock()
			return 0, &driver.Error{Code: errInvalidArg, Domain: fromNone, Level: driver.ErrError,
				Message: "invalid argument: event callback already tracked"}
		}
	}
	cb := &eventCallback{id: ev.nextID, key: key, object: object, legacy: legacy, deliver: deliver}
	ev.nextID++
	_, asked := ev.remote[key]
	ev.cbs = append(ev.cbs, cb)
	ev.mu.Unlock()
	if asked {
		return cb.id, nil
	}
	rid, err := class.register(c.l, int32(eventID))
	ev.mu.Lock()
	defer ev.mu.Unlock()
	if err != nil {
		ev.removeLocked(cb)
		return 0, c.conv(err)
	}
	if ev.remote == nil {
		ev.remote = map[eventKey]int32{}
	}
	ev.remote[key] = rid
	return cb.id, nil
}

// deregister removes the local callback that match finds, and tells the
// daemon to stop the events when it was the last callback for them.
func (c *conn) deregister(match func(*eventCallback) bool, notFound func() error) error {
	ev := &c.ev
	ev.reg.Lock()
	defer ev.reg.Unlock()
	ev.mu.Lock()
	var cb *eventCallback
	for _, x := range ev.cbs {
		if match(x) {
			cb = x
			break
		}
	}
	if cb == nil {
		ev.mu.Unlock()
		return notFound()
	}
	ev.removeLocked(cb)
	for _, x := range ev.cbs {
		if x.key == cb.key {
			ev.mu.Unlock()
			return nil // others still want the events
		}
	}
	rid, asked := ev.remote[cb.key]
	delete(ev.remote, cb.key)
	ev.mu.Unlock()
	if !asked {
		return nil
	}
	return c.conv(cb.key.class.deregister(c.l, rid))
}

// deregisterID removes the callback of class registered as id.
func (c *conn) deregisterID(class *eventClass, id int) error {
	return c.deregister(func(cb *eventCallback) bool { return cb.id == id && cb.key.class == class && !cb.legacy },
		func() error {
			return &driver.Error{Code: errInvalidArg, Domain: fromNone, Level: driver.ErrError,
				Message: fmt.Sprintf("invalid argument: event callback id %d not registered", id)}
		})
}

// removeLocked takes cb off the list; ev.mu is held.
func (ev *eventState) removeLocked(cb *eventCallback) {
	for i, x := range ev.cbs {
		if x == cb {
			ev.cbs = append(ev.cbs[:i:i], ev.cbs[i+1:]...)
			return
		}
	}
}

// wanted returns the deliver functions of the callbacks that want events
// eventID of class for object (its UUID, a node device's name), in
// registration order. callbackID is the daemon's ID the event came with:
// an event of a registration that has since gone is nobody's.
func (ev *eventState) wanted(class *eventClass, eventID int, object string, callbackID int32) []func(driver.ObjectEvent) {
	ev.mu.Lock()
	defer ev.mu.Unlock()
	key := eventKey{class, eventID}
	if rid, ok := ev.remote[key]; ok && rid != callbackID {
		return nil
	}
	var out []func(driver.ObjectEvent)
	for _, cb := range ev.cbs {
		if cb.key == key && (cb.object == "" || cb.object == object) {
			out = append(out, cb.deliver)
		}
	}
	return out
}

// unknownEvent is the error for an event ID a class does not have, as
// the cgo backend words it.
func unknownEvent(what string, id int) error {
	return invalidArg(fromNone, "unknown %s event ID %d", what, id)
}

// eventTarget is the object a registration filters on: its UUID, or ""
// for every object of the class.
func eventTarget[T any](class string, obj any, key func(T) string) (string, error) {
	if obj == nil {
		return "", nil
	}
	t, ok := obj.(T)
	if !ok {
		return "", invalidArg(fromNone, "the %s is not the remote backend's", class)
	}
	return key(t), nil
}

// DomainEventRegisterAny registers deliver for events eventID of dom, or
// of every domain when dom is nil, and returns the local callback ID.
func (c *conn) DomainEventRegisterAny(dom driver.Domain, eventID int, deliver func(driver.ObjectEvent)) (int, error) {
	key, err := eventTarget(domainEvents.name, dom, func(d *domain) string { return formatUUID(d.d.UUID) })
	if err != nil {
		return 0, err
	}
	return c.register(domainEvents, eventID, key, false, deliver)
}

// DomainEventDeregisterAny removes the domain callback callbackID.
func (c *conn) DomainEventDeregisterAny(callbackID int) error {
	return c.deregisterID(domainEvents, callbackID)
}

// DomainEventRegisterLegacy registers deliver for the lifecycle events of
// every domain, as virConnectDomainEventRegister does: a callback of its
// own, which shares the daemon's lifecycle registration.
func (c *conn) DomainEventRegisterLegacy(deliver func(driver.ObjectEvent)) error {
	_, err := c.register(domainEvents, driver.DomainEventIDLifecycle, "", true, deliver)
	return err
}

// DomainEventDeregisterLegacy removes the legacy registration.
func (c *conn) DomainEventDeregisterLegacy() error {
	return c.deregister(func(cb *eventCallback) bool { return cb.legacy }, func() error {
		return &driver.Error{Code: errInternal, Domain: fromNone, Level: driver.ErrError,
			Message: "internal error: could not find event callback for removal"}
	})
}

// NetworkEventRegisterAny registers deliver for events eventID of net, or
// of every network when net is nil.
func (c *conn) NetworkEventRegisterAny(net driver.Network, eventID int, deliver func(driver.ObjectEvent)) (int, error) {
	key, err := eventTarget(networkEvents.name, net, func(n *network) string { return formatUUID(n.n.UUID) })
	if err != nil {
		return 0, err
	}
	return c.register(networkEvents, eventID, key, false, deliver)
}

// NetworkEventDeregisterAny removes the network callback callbackID.
func (c *conn) NetworkEventDeregisterAny(callbackID int) error {
	return c.deregisterID(networkEvents, callbackID)
}

// StoragePoolEventRegisterAny registers deliver for events eventID of
// pool, or of every pool when pool is nil.
func (c *conn) StoragePoolEventRegisterAny(pool driver.StoragePool, eventID int, deliver func(driver.ObjectEvent)) (int, error) {
	key, err := eventTarget(poolEvents.name, pool, func(p *storagePool) string { return formatUUID(p.p.UUID) })
	if err != nil {
		return 0, err
	}
	return c.register(poolEvents, eventID, key, false, deliver)
}

// StoragePoolEventDeregisterAny removes the pool callback callbackID.
func (c *conn) StoragePoolEventDeregisterAny(callbackID int) error {
	return c.deregisterID(poolEvents, callbackID)
}

// NodeDeviceEventRegisterAny registers deliver for events eventID of dev,
// or of every node device when dev is nil.
func (c *conn) NodeDeviceEventRegisterAny(dev driver.NodeDevice, eventID int, deliver func(driver.ObjectEvent)) (int, error) {
	key, err := eventTarget(nodeDeviceEvents.name, dev, func(d *nodeDevice) string { return d.d.Name })
	if err != nil {
		return 0, err
	}
	return c.register(nodeDeviceEvents, eventID, key, false, deliver)
}

// NodeDeviceEventDeregisterAny removes the node device callback
// callbackID.
func (c *conn) NodeDeviceEventDeregisterAny(callbackID int) error {
	return c.deregisterID(nodeDeviceEvents, callbackID)
}

// SecretEventRegisterAny registers deliver for events eventID of sec, or
// of every secret when sec is nil (libvirtd's test driver has no secret
// events: the daemon refuses them).
func (c *conn) SecretEventRegisterAny(sec driver.Secret, eventID int, deliver func(driver.ObjectEvent)) (int, error) {
	key, err := eventTarget(secretEvents.name, sec, func(s *secret) string { return formatUUID(s.s.UUID) })
	if err != nil {
		return 0, err
	}
	return c.register(secretEvents, eventID, key, false, deliver)
}

// SecretEventDeregisterAny removes the secret callback callbackID.
func (c *conn) SecretEventDeregisterAny(callbackID int) error {
	return c.deregisterID(secretEvents, callbackID)
}
