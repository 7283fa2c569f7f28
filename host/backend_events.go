package host

// DomainEvent is an event libvirt delivered for a domain, as the backend
// hands it to the core: on libvirt's event-loop goroutine, never on a
// script's.
type DomainEvent struct {
	// Domain is a reference of the event's own, which the core frees.
	Domain Domain
	// Args are the callback's arguments between dom and opaque, shaped as
	// libvirt-python passes them (lifecycle: event, detail).
	Args []Value
}

// ConnEvents are a connection's event functions. The backend runs
// libvirt's event loop itself, registered once per process before the
// first connection opens; deliver functions are called on that loop's
// goroutine and must not block.
type ConnEvents interface {
	// DomainEventRegisterAny registers deliver for events eventID
	// (VIR_DOMAIN_EVENT_ID_*) of dom, or of every domain when dom is
	// nil, and returns libvirt's callback ID.
	DomainEventRegisterAny(dom Domain, eventID int, deliver func(DomainEvent)) (int, error)
	DomainEventDeregisterAny(callbackID int) error
	// RegisterCloseCallback registers deliver for the connection's
	// closing (reason: VIR_CONNECT_CLOSE_REASON_*), replacing any other.
	RegisterCloseCallback(deliver func(reason int)) error
	UnregisterCloseCallback() error
	SetKeepAlive(interval int, count uint) error
}
