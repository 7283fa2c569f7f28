package cgobackend

/*
#cgo pkg-config: libvirt
#include "events_legacy.h"
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
		return cError(&cerr)
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
		return cError(&cerr)
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

// cError converts a virError copied by the C helpers, and frees its
// strings.
func cError(e *C.virError) error {
	err := &host.Error{Code: int(e.code), Domain: int(e.domain), Level: int(e.level), Message: C.GoString(e.message)}
	C.virResetError(e)
	return err
}
