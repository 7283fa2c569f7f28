package driver

// ObjectEvent is an event libvirt delivered for an object (a domain, a
// network, a storage pool, ...), as the backend hands it to the core: on
// libvirt's event-loop goroutine, never on a script's.
type ObjectEvent struct {
	// Object is a reference of the event's own to the object (Domain,
	// Network, StoragePool, ...), which the core frees.
	Object Freer
	// Payload is what the event carries besides its object; the core
	// makes the callback's arguments of it.
	Payload EventPayload
}

// EventLoop is what a backend offers when it runs libvirt's event loop
// itself: a way to wait for one iteration of it, as
// virEventRunDefaultImpl does in libvirt-python.
type EventLoop interface {
	// LoopTurn returns a channel closed when the loop's current iteration
	// ends: a handle or a timer fired (an event, a keepalive, a reply of
	// the daemon).
	LoopTurn() <-chan struct{}
}

// ConnEvents are a connection's event functions. The backend runs
// libvirt's event loop itself, registered once per process before the
// first connection opens; deliver functions are called on that loop's
// goroutine and must not block.
type ConnEvents interface {
	// DomainEventRegisterAny registers deliver for events eventID
	// (VIR_DOMAIN_EVENT_ID_*) of dom, or of every domain when dom is
	// nil, and returns libvirt's callback ID.
	DomainEventRegisterAny(dom Domain, eventID int, deliver func(ObjectEvent)) (int, error)
	DomainEventDeregisterAny(callbackID int) error
	// DomainEventRegisterLegacy registers deliver for the lifecycle events
	// of every domain through virConnectDomainEventRegister, which libvirt
	// tracks apart from DomainEventRegisterAny's registrations; a
	// connection has one at most. DomainEventDeregisterLegacy removes it.
	DomainEventRegisterLegacy(deliver func(ObjectEvent)) error
	DomainEventDeregisterLegacy() error
	// NetworkEventRegisterAny and the others do the same for their class
	// (VIR_NETWORK_EVENT_ID_*, ...).
	NetworkEventRegisterAny(net Network, eventID int, deliver func(ObjectEvent)) (int, error)
	NetworkEventDeregisterAny(callbackID int) error
	StoragePoolEventRegisterAny(pool StoragePool, eventID int, deliver func(ObjectEvent)) (int, error)
	StoragePoolEventDeregisterAny(callbackID int) error
	SecretEventRegisterAny(secret Secret, eventID int, deliver func(ObjectEvent)) (int, error)
	SecretEventDeregisterAny(callbackID int) error
	NodeDeviceEventRegisterAny(dev NodeDevice, eventID int, deliver func(ObjectEvent)) (int, error)
	NodeDeviceEventDeregisterAny(callbackID int) error
	// RegisterCloseCallback registers deliver for the connection's
	// closing (reason: VIR_CONNECT_CLOSE_REASON_*), replacing any other.
	RegisterCloseCallback(deliver func(reason int)) error
	UnregisterCloseCallback() error
	SetKeepAlive(interval int, count uint) error
}

// Freer is a backend object that holds a reference: Free gives it back.
type Freer interface{ Free() error }
