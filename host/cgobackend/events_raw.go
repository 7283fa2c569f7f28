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

	"vertscript/host"
)

// legacyDeliver holds the deliver function of each connection's legacy
// registration, by an ID that the C callback gets back as its opaque.
var legacyDeliver = struct {
	sync.Mutex
	next int64
	byID map[int64]func(host.ObjectEvent)
}{byID: map[int64]func(host.ObjectEvent){}}

// rawConn is c's virConnectPtr, with a reference of its own that release
// drops.
func rawConn(c *libvirt.Connect) (C.virConnectPtr, func(), error) {
	p, err := c.RawPtr()
	if err != nil {
		return nil, nil, conv(err)
	}
	raw := C.virConnectPtr(unsafe.Pointer(p))
	return raw, func() { C.virConnectClose(raw) }, nil
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
	legacyDeliver.Lock()
	legacyDeliver.next++
	id := legacyDeliver.next
	legacyDeliver.byID[id] = deliver
	legacyDeliver.Unlock()
	var cerr C.virError
	if C.vsDomainEventRegister(raw, C.long(id), &cerr) < 0 {
		legacyDeliver.Lock()
		delete(legacyDeliver.byID, id)
		legacyDeliver.Unlock()
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
	legacyDeliver.Lock()
	delete(legacyDeliver.byID, c.legacyID)
	legacyDeliver.Unlock()
	c.legacyID = 0
	return nil
}

//export vsLegacyDomainEvent
func vsLegacyDomainEvent(_ C.virConnectPtr, dom C.virDomainPtr, event, detail C.int, id C.long) {
	legacyDeliver.Lock()
	deliver := legacyDeliver.byID[int64(id)]
	legacyDeliver.Unlock()
	if deliver == nil || C.virDomainRef(dom) < 0 {
		return
	}
	d := &libvirt.Domain{}
	*(*C.virDomainPtr)(unsafe.Pointer(d)) = dom // see rawDomain
	deliver(host.ObjectEvent{Object: &domain{d: d}, Args: []host.Value{int64(event), int64(detail)}})
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
// registration, by an ID that the C callback gets back as its opaque;
// libvirt frees the ID (vsTypedDomainEventFree) when the registration
// goes.
var typedDeliver = struct {
	sync.Mutex
	next int64
	byID map[int64]func(host.ObjectEvent)
}{byID: map[int64]func(host.ObjectEvent){}}

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
	typedDeliver.Lock()
	typedDeliver.next++
	id := typedDeliver.next
	typedDeliver.byID[id] = deliver
	typedDeliver.Unlock()
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
	typedDeliver.Lock()
	deliver := typedDeliver.byID[int64(id)]
	typedDeliver.Unlock()
	if deliver == nil || C.virDomainRef(dom) < 0 {
		return
	}
	m := host.NewMap()
	for _, p := range typedParams(params, n) {
		m.Set(p.Name, p.Value)
	}
	d := &libvirt.Domain{}
	*(*C.virDomainPtr)(unsafe.Pointer(d)) = dom // see rawDomain
	deliver(host.ObjectEvent{Object: &domain{d: d}, Args: []host.Value{m}})
}

//export vsTypedDomainEventFree
func vsTypedDomainEventFree(id C.long) {
	typedDeliver.Lock()
	delete(typedDeliver.byID, int64(id))
	typedDeliver.Unlock()
}
