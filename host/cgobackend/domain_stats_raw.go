package cgobackend

// Two calls libvirt.org/go/libvirt v1.10009.0 cannot make as
// libvirt-python makes them: it has no virDomainGetSchedulerType (its
// GetSchedulerParameters calls it but keeps neither the count nor, when
// there are parameters, the name), and its BlockStats drops the errs
// counter of virDomainBlockStatsStruct. They are made here through cgo, on
// a handle of the same domain looked up by UUID on the same connection
// (the binding exposes the connection's C pointer, Connect.RawPtr, but not
// the domain's). Each runs in one C call, so libvirt's thread-local error
// is read on the thread that raised it.

/*
#cgo pkg-config: libvirt
#include <stdlib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

static char *
vsDomainGetSchedulerType(virConnectPtr conn, const unsigned char *uuid,
                         int *nparams, virErrorPtr err)
{
    char *ret;
    virDomainPtr dom = virDomainLookupByUUID(conn, uuid);
    if (!dom) {
        virCopyLastError(err);
        return NULL;
    }
    ret = virDomainGetSchedulerType(dom, nparams);
    if (!ret)
        virCopyLastError(err);
    virDomainFree(dom);
    return ret;
}

static int
vsDomainBlockStats(virConnectPtr conn, const unsigned char *uuid,
                   const char *path, virDomainBlockStatsStruct *stats,
                   virErrorPtr err)
{
    int ret;
    virDomainPtr dom = virDomainLookupByUUID(conn, uuid);
    if (!dom) {
        virCopyLastError(err);
        return -1;
    }
    ret = virDomainBlockStats(dom, path, stats, sizeof(*stats));
    if (ret < 0)
        virCopyLastError(err);
    virDomainFree(dom);
    return ret;
}
*/
import "C"

import (
	"unsafe"

	"libvirt.org/go/libvirt"

	"vertscript/host"
)

// rawCall runs f with the C pointer of the domain's connection and its
// UUID, holding a reference on the connection meanwhile.
func (d *domain) rawCall(f func(conn C.virConnectPtr, uuid *C.uchar) error) error {
	uuid, err := d.d.GetUUID()
	if err != nil {
		return conv(err)
	}
	c, err := d.d.DomainGetConnect()
	if err != nil {
		return conv(err)
	}
	defer c.Close()
	p, err := c.RawPtr()
	if err != nil {
		return conv(err)
	}
	defer libvirt.CloseRawPtr(p)
	return f(C.virConnectPtr(unsafe.Pointer(p)), (*C.uchar)(unsafe.Pointer(&uuid[0])))
}

// rawError converts a virError copied by a C helper, and frees its
// strings.
func rawError(err *C.virError) error {
	defer C.virResetError(err)
	return &host.Error{Code: int(err.code), Domain: int(err.domain), Level: int(err.level),
		Message: C.GoString(err.message)}
}

func (d *domain) GetSchedulerType() (string, int, error) {
	var typ string
	var n int
	err := d.rawCall(func(conn C.virConnectPtr, uuid *C.uchar) error {
		var cerr C.virError
		var cn C.int
		s := C.vsDomainGetSchedulerType(conn, uuid, &cn, &cerr)
		if s == nil {
			return rawError(&cerr)
		}
		defer C.free(unsafe.Pointer(s))
		typ, n = C.GoString(s), int(cn)
		return nil
	})
	return typ, n, err
}

func (d *domain) BlockStats(path string) (host.BlockStats, error) {
	var out host.BlockStats
	err := d.rawCall(func(conn C.virConnectPtr, uuid *C.uchar) error {
		cpath := C.CString(path)
		defer C.free(unsafe.Pointer(cpath))
		var cerr C.virError
		var s C.virDomainBlockStatsStruct
		if C.vsDomainBlockStats(conn, uuid, cpath, &s, &cerr) < 0 {
			return rawError(&cerr)
		}
		out = host.BlockStats{RdReq: int64(s.rd_req), RdBytes: int64(s.rd_bytes),
			WrReq: int64(s.wr_req), WrBytes: int64(s.wr_bytes), Errs: int64(s.errs)}
		return nil
	})
	return out, err
}
