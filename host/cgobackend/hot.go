package cgobackend

// The hot operations: what scripts call once per domain in a loop (look a
// domain up, read its name, ID, UUID, state, info; list the running
// domains) go through thin C shims here, one cgo crossing per call,
// instead of libvirt.org/go/libvirt's wrappers, which pass a Go-allocated
// virError to C on every call (a heap allocation even when the call
// succeeds). A shim returns its results by value, and its error as a copy
// libvirt saved (virSaveLastError) only when the call failed: nothing of
// Go's memory is lent to C. A lookup reads the domain's UUID and name in
// the same crossing, for the session's identity of it (see Identity).

/*
#cgo pkg-config: libvirt
#include <stdlib.h>
#include <string.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

typedef struct {
    const char *s;
    size_t n;
    virErrorPtr err;
} vsStr;

typedef struct {
    long long n;
    virErrorPtr err;
} vsNum;

typedef struct {
    virDomainPtr dom;
    unsigned char uuid[VIR_UUID_BUFLEN];
    const char *name;
    virErrorPtr err;
} vsDomainRef;

typedef struct {
    virDomainInfo info;
    virErrorPtr err;
} vsInfo;

typedef struct {
    int state, reason;
    virErrorPtr err;
} vsState;

typedef struct {
    int *ids;
    int n;
    virErrorPtr err;
} vsIDs;

// vsFailed returns libvirt's last error of this thread, saved: the caller
// frees it (see savedError).
static virErrorPtr vsFailed(void)
{
    virErrorPtr err = virSaveLastError();
    return err;
}

static vsStr vsDomainGetName(virDomainPtr dom)
{
    vsStr r = { virDomainGetName(dom), 0, NULL };
    if (!r.s)
        r.err = vsFailed();
    else
        r.n = strlen(r.s);
    return r;
}

static vsNum vsDomainIsActive(virDomainPtr dom)
{
    vsNum r = { virDomainIsActive(dom), NULL };
    if (r.n < 0)
        r.err = vsFailed();
    return r;
}

static vsInfo vsDomainGetInfo(virDomainPtr dom)
{
    vsInfo r;
    memset(&r, 0, sizeof(r));
    if (virDomainGetInfo(dom, &r.info) < 0)
        r.err = vsFailed();
    return r;
}

static vsState vsDomainGetState(virDomainPtr dom, unsigned int flags)
{
    vsState r = { 0, 0, NULL };
    if (virDomainGetState(dom, &r.state, &r.reason, flags) < 0)
        r.err = vsFailed();
    return r;
}

static virErrorPtr vsDomainFree(virDomainPtr dom)
{
    return virDomainFree(dom) < 0 ? vsFailed() : NULL;
}

static vsNum vsNumOfDomains(virConnectPtr conn)
{
    vsNum r = { virConnectNumOfDomains(conn), NULL };
    if (r.n < 0)
        r.err = vsFailed();
    return r;
}

// vsIdentify completes a lookup: the domain's UUID and name, or its error
// (the domain freed).
static vsDomainRef vsIdentify(virDomainPtr dom)
{
    vsDomainRef r;
    memset(&r, 0, sizeof(r));
    if (!dom) {
        r.err = vsFailed();
        return r;
    }
    if (virDomainGetUUID(dom, r.uuid) < 0 || !(r.name = virDomainGetName(dom))) {
        r.err = vsFailed();
        virDomainFree(dom);
        return r;
    }
    r.dom = dom;
    return r;
}

static vsDomainRef vsDomainLookupByID(virConnectPtr conn, int id)
{
    return vsIdentify(virDomainLookupByID(conn, id));
}

static vsDomainRef vsDomainLookupByName(virConnectPtr conn, const char *name)
{
    return vsIdentify(virDomainLookupByName(conn, name));
}

static vsDomainRef vsDomainLookupByUUIDString(virConnectPtr conn, const char *uuid)
{
    return vsIdentify(virDomainLookupByUUIDString(conn, uuid));
}

static vsDomainRef vsDomainGetUUID(virDomainPtr dom)
{
    vsDomainRef r;
    memset(&r, 0, sizeof(r));
    if (virDomainGetUUID(dom, r.uuid) < 0)
        r.err = vsFailed();
    r.dom = dom;
    return r;
}

// vsListDomains lists at most max running domains' IDs into a buffer it
// allocates; the caller frees it.
static vsIDs vsListDomains(virConnectPtr conn, int max)
{
    vsIDs r = { NULL, 0, NULL };
    if (max <= 0)
        return r;
    r.ids = calloc(max, sizeof(int));
    if (!r.ids) {
        r.n = -1;
        return r;
    }
    r.n = virConnectListDomains(conn, r.ids, max);
    if (r.n < 0) {
        r.err = vsFailed();
        free(r.ids);
        r.ids = NULL;
    }
    return r;
}
*/
import "C"

import (
	"strings"
	"unsafe"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// A libvirt.Connect is its virConnectPtr and nothing else (an unexported
// field, ptr), as a libvirt.Domain is (see rawDomain): rawConnect reads it.
// This fails to compile if the struct grows.
var _ = [1]struct{}{}[unsafe.Sizeof(libvirt.Connect{})-unsafe.Sizeof(uintptr(0))]

func rawConnect(c *libvirt.Connect) C.virConnectPtr {
	return *(*C.virConnectPtr)(unsafe.Pointer(c))
}

// savedError converts and frees an error a shim saved; nil when there was
// no memory to save it in, as libvirt's out-of-memory error.
func savedError(err C.virErrorPtr) error {
	if err == nil {
		return &host.Error{Code: driver.ErrNoMemory, Domain: driver.FromNone, Level: driver.ErrError, Message: "out of memory"}
	}
	defer C.virFreeError(err)
	return &host.Error{Code: int(err.code), Domain: int(err.domain), Level: int(err.level),
		Message: C.GoString(err.message)}
}

// identified wraps a domain a lookup shim returned with the identity it
// read, or converts its error.
func identified(r C.vsDomainRef) (host.Domain, error) {
	if r.dom == nil {
		return nil, savedError(r.err)
	}
	d := &domain{known: true, name: C.GoString(r.name)}
	if len(d.name) <= host.KeptString {
		d.lastName.Store(&d.name)
	}
	*(*C.virDomainPtr)(unsafe.Pointer(&d.lv)) = r.dom
	d.d = &d.lv
	d.uuid = *(*[16]byte)(unsafe.Pointer(&r.uuid[0]))
	return d, nil
}

// Identity is the domain's raw UUID and name, when the lookup that
// returned it read them in the same call (driver.Identifier).
func (d *domain) Identity() ([16]byte, string, bool) { return d.uuid, d.name, d.known }

func (c *conn) DomainLookupByID(id uint32) (host.Domain, error) {
	return identified(C.vsDomainLookupByID(rawConnect(c.c), C.int(id)))
}

func (c *conn) DomainLookupByName(name string) (host.Domain, error) {
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	return identified(C.vsDomainLookupByName(rawConnect(c.c), cs))
}

func (c *conn) DomainLookupByUUIDString(uuid string) (host.Domain, error) {
	cs := C.CString(uuid)
	defer C.free(unsafe.Pointer(cs))
	return identified(C.vsDomainLookupByUUIDString(rawConnect(c.c), cs))
}

func (c *conn) ListDomains(max int) ([]int64, error) {
	r := C.vsListDomains(rawConnect(c.c), C.int(max))
	if r.err != nil || r.n < 0 { // r.n < 0 alone: no memory for the IDs
		return nil, savedError(r.err)
	}
	defer C.free(unsafe.Pointer(r.ids))
	out := make([]int64, int(r.n))
	for i, id := range unsafe.Slice((*C.int)(r.ids), int(r.n)) {
		out[i] = int64(id)
	}
	return out, nil
}

func (d *domain) Free() error {
	if err := C.vsDomainFree(rawDomain(d.d)); err != nil {
		return savedError(err)
	}
	return nil
}

func (c *conn) NumOfDomains() (int, error) {
	r := C.vsNumOfDomains(rawConnect(c.c))
	if r.err != nil || r.n < 0 {
		return 0, savedError(r.err)
	}
	return int(r.n), nil
}

// GetName reads the name from libvirt on every call; when it is the name
// read last, the Go string made then is returned again instead of a copy
// (the bytes are compared, nothing is cached but memory; a name longer
// than host.KeptString is not kept).
func (d *domain) GetName() (string, error) {
	r := C.vsDomainGetName(rawDomain(d.d))
	if r.s == nil {
		return "", savedError(r.err)
	}
	got := unsafe.String((*byte)(unsafe.Pointer(r.s)), int(r.n))
	if last := d.lastName.Load(); last != nil && *last == got {
		return *last, nil
	}
	name := strings.Clone(got)
	if len(name) <= host.KeptString {
		d.lastName.Store(&name)
	}
	return name, nil
}

func (d *domain) GetUUID() ([]byte, error) {
	r := C.vsDomainGetUUID(rawDomain(d.d))
	if r.err != nil {
		return nil, savedError(r.err)
	}
	return C.GoBytes(unsafe.Pointer(&r.uuid[0]), C.VIR_UUID_BUFLEN), nil
}

// GetID is -1 for an inactive domain, as libvirt-python returns
// virDomainGetID's (unsigned int)-1.
func (d *domain) GetID() (int64, error) {
	id := C.virDomainGetID(rawDomain(d.d))
	if id == ^C.uint(0) {
		return -1, nil
	}
	return int64(id), nil
}

func (d *domain) IsActive() (bool, error) {
	r := C.vsDomainIsActive(rawDomain(d.d))
	if r.err != nil || r.n < 0 {
		return false, savedError(r.err)
	}
	return r.n == 1, nil
}

func (d *domain) GetInfo() (host.DomainInfo, error) {
	r := C.vsDomainGetInfo(rawDomain(d.d))
	if r.err != nil {
		return host.DomainInfo{}, savedError(r.err)
	}
	i := r.info
	return host.DomainInfo{State: int(i.state), MaxMem: uint64(i.maxMem), Memory: uint64(i.memory),
		NrVirtCPU: uint(i.nrVirtCpu), CPUTime: uint64(i.cpuTime)}, nil
}

func (d *domain) GetState(flags uint32) (int, int, error) {
	r := C.vsDomainGetState(rawDomain(d.d), C.uint(flags))
	if r.err != nil {
		return 0, 0, savedError(r.err)
	}
	return int(r.state), int(r.reason), nil
}
