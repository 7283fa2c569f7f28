package cgobackend

/*
#cgo pkg-config: libvirt
#include "events_raw.h"
*/
import "C"

import (
	"sync"
	"unsafe"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// deliverRegistry holds deliver functions by an ID that a C callback gets
// back as its opaque (a Go function cannot be passed to C).
type deliverRegistry struct {
	mu   sync.Mutex
	next int64
	byID map[int64]func(host.ObjectEvent)
}

// add holds deliver under a new ID, which it returns.
func (r *deliverRegistry) add(deliver func(host.ObjectEvent)) int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.next++
	r.byID[r.next] = deliver
	return r.next
}

// get returns the deliver function held under id, or nil.
func (r *deliverRegistry) get(id int64) func(host.ObjectEvent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.byID[id]
}

// remove forgets the deliver function held under id.
func (r *deliverRegistry) remove(id int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.byID, id)
}

// legacyDeliver holds the deliver function of each connection's legacy
// registration.
var legacyDeliver = &deliverRegistry{byID: map[int64]func(host.ObjectEvent){}}

// eventDomain wraps dom, a domain a C callback was lent and that the event
// now holds a reference of its own to.
func eventDomain(dom C.virDomainPtr) *domain {
	d := &libvirt.Domain{}
	*(*C.virDomainPtr)(unsafe.Pointer(d)) = dom // see rawDomain
	return &domain{d: d}
}

// rawConn is c's virConnectPtr, with a reference of its own that release
// drops.
func rawConn(c *libvirt.Connect) (C.virConnectPtr, func(), error) {
	p, err := c.RawPtr()
	if err != nil {
		return nil, nil, conv(err)
	}
	return C.virConnectPtr(unsafe.Pointer(p)), func() { _, _ = libvirt.CloseRawPtr(p) }, nil
}

// DomainEventRegisterLegacy registers deliver for the lifecycle events of
// every domain with virConnectDomainEventRegister. A connection has at
// most one such registration.
func (c *conn) DomainEventRegisterLegacy(deliver func(host.ObjectEvent)) error {
	raw, release, err := rawConn(c.c)
	if err != nil {
		return err
	}
	defer release()
	id := legacyDeliver.add(deliver)
	var cerr C.virError
	if C.vsDomainEventRegister(raw, C.long(id), &cerr) < 0 {
		legacyDeliver.remove(id)
		return rawError(&cerr)
	}
	c.legacyID = id
	return nil
}

// DomainEventDeregisterLegacy removes the connection's legacy registration.
func (c *conn) DomainEventDeregisterLegacy() error {
	raw, release, err := rawConn(c.c)
	if err != nil {
		return err
	}
	defer release()
	var cerr C.virError
	if C.vsDomainEventDeregister(raw, &cerr) < 0 {
		return rawError(&cerr)
	}
	legacyDeliver.remove(c.legacyID)
	c.legacyID = 0
	return nil
}

//export vsLegacyDomainEvent
func vsLegacyDomainEvent(_ C.virConnectPtr, dom C.virDomainPtr, event, detail C.int, id C.long) {
	deliver := legacyDeliver.get(int64(id))
	if deliver == nil || C.virDomainRef(dom) < 0 {
		return
	}
	deliver(host.ObjectEvent{Object: eventDomain(dom), Payload: driver.LifecycleEvent{Event: int(event), Detail: int(detail)}})
}

// Initialize implements host.Backend.
func (Backend) Initialize() error {
	if C.virInitialize() < 0 {
		return &host.Error{Code: int(libvirt.ERR_INTERNAL_ERROR), Domain: int(libvirt.FROM_NONE), Level: int(libvirt.ERR_ERROR),
			Message: "internal error: virInitialize failed"}
	}
	return nil
}

// typedDeliver holds the deliver function of each typed-parameter event
// registration; libvirt frees the ID (vsTypedDomainEventFree) when the
// registration goes.
var typedDeliver = &deliverRegistry{byID: map[int64]func(host.ObjectEvent){}}

// domainEventRegisterTyped registers deliver for eventID (tunable or job
// completed) of dom, or of every domain, with the event's typed
// parameters read as libvirt-python reads them, into a dict.
func (c *conn) domainEventRegisterTyped(dom *libvirt.Domain, eventID int, deliver func(host.ObjectEvent)) (int, error) {
	raw, release, err := rawConn(c.c)
	if err != nil {
		return 0, err
	}
	defer release()
	var rawDom C.virDomainPtr
	if dom != nil {
		rawDom = rawDomain(dom)
	}
	id := typedDeliver.add(deliver)
	var cerr C.virError
	ret := C.vsDomainEventRegisterTyped(raw, rawDom, C.int(eventID), C.long(id), &cerr)
	if ret < 0 {
		vsTypedDomainEventFree(C.long(id))
		return 0, rawError(&cerr)
	}
	return int(ret), nil
}

//export vsTypedDomainEvent
func vsTypedDomainEvent(_ C.virConnectPtr, dom C.virDomainPtr, params C.virTypedParameterPtr, n C.int, id C.long) {
	deliver := typedDeliver.get(int64(id))
	if deliver == nil || C.virDomainRef(dom) < 0 {
		return
	}
	deliver(host.ObjectEvent{Object: eventDomain(dom), Payload: driver.ParamsEvent{Params: typedParams(params, n)}})
}

//export vsTypedDomainEventFree
func vsTypedDomainEventFree(id C.long) {
	typedDeliver.remove(int64(id))
}
