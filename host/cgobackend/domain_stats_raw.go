package cgobackend

// Calls libvirt.org/go/libvirt v1.10009.0 cannot make as libvirt-python
// makes them, made here through cgo:
//
//   - virDomainGetSchedulerType: the binding has no such function (its
//     GetSchedulerParameters calls it but keeps neither the count nor, when
//     there are parameters, the name);
//   - virDomainBlockStats: the binding's BlockStats drops the errs counter;
//   - virConnectGetAllDomainStats, virDomainListGetStats and
//     virDomainGetGuestInfo return typed parameters with open-ended names
//     ("block.3.rd.reqs", "iothread.1.poll-max-ns", "fs.0.disk.1.alias"),
//     which the binding's DomainStats and DomainGuestInfo structs keep only
//     in part (no iothread.*, no counts, no login-time, ...): here every
//     parameter is read, in libvirt's order, as libvirt-python reads them.
//
// The binding exposes a connection's C pointer (Connect.RawPtr) but not a
// domain's: the calls work on a handle of the same domain looked up by UUID
// on its connection. Each runs in one C call, so libvirt's thread-local
// error is read on the thread that raised it.

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

static int
vsDomainGetGuestInfo(virConnectPtr conn, const unsigned char *uuid,
                     unsigned int types, virTypedParameterPtr *params,
                     int *nparams, unsigned int flags, virErrorPtr err)
{
    int ret;
    virDomainPtr dom = virDomainLookupByUUID(conn, uuid);
    if (!dom) {
        virCopyLastError(err);
        return -1;
    }
    ret = virDomainGetGuestInfo(dom, types, params, nparams, flags);
    if (ret < 0)
        virCopyLastError(err);
    virDomainFree(dom);
    return ret;
}

static int
vsConnectGetAllDomainStats(virConnectPtr conn, unsigned int stats,
                           virDomainStatsRecordPtr **records,
                           unsigned int flags, virErrorPtr err)
{
    int ret = virConnectGetAllDomainStats(conn, stats, records, flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

// vsDomainListGetStats looks the n domains up, the i-th by its UUID (at
// uuids + i*VIR_UUID_BUFLEN) on conns[i], and gathers their statistics.
// It returns -2 when memory runs out.
static int
vsDomainListGetStats(virConnectPtr *conns, const unsigned char *uuids, int n,
                     unsigned int stats, virDomainStatsRecordPtr **records,
                     unsigned int flags, virErrorPtr err)
{
    int i, ret = -1;
    virDomainPtr *doms = calloc(n + 1, sizeof(*doms));
    if (!doms)
        return -2;
    for (i = 0; i < n; i++) {
        doms[i] = virDomainLookupByUUID(conns[i], uuids + i * VIR_UUID_BUFLEN);
        if (!doms[i]) {
            virCopyLastError(err);
            goto cleanup;
        }
    }
    ret = virDomainListGetStats(doms, stats, records, flags);
    if (ret < 0)
        virCopyLastError(err);
 cleanup:
    for (i = 0; i < n && doms[i]; i++)
        virDomainFree(doms[i]);
    free(doms);
    return ret;
}

static virDomainStatsRecordPtr
vsRecord(virDomainStatsRecordPtr *records, int i)
{
    return records[i];
}

static int
vsRecordUUID(virDomainStatsRecordPtr record, unsigned char *uuid)
{
    return virDomainGetUUID(record->dom, uuid);
}

static virTypedParameterPtr
vsParam(virTypedParameterPtr params, int i)
{
    return &params[i];
}

static int vsParamInt(virTypedParameterPtr p) { return p->value.i; }
static unsigned int vsParamUInt(virTypedParameterPtr p) { return p->value.ui; }
static long long vsParamLLong(virTypedParameterPtr p) { return p->value.l; }
static unsigned long long vsParamULLong(virTypedParameterPtr p) { return p->value.ul; }
static double vsParamDouble(virTypedParameterPtr p) { return p->value.d; }
static int vsParamBool(virTypedParameterPtr p) { return p->value.b; }
static const char *vsParamString(virTypedParameterPtr p) { return p->value.s; }
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// rawConn returns the C pointer of the domain's connection, and a function
// that drops the references taken on it.
func (d *domain) rawConn() (C.virConnectPtr, func(), error) {
	c, err := d.d.DomainGetConnect()
	if err != nil {
		return nil, nil, conv(err)
	}
	raw, release, err := rawConn(c)
	if err != nil {
		_, _ = c.Close()
		return nil, nil, err
	}
	return raw, func() {
		release()
		_, _ = c.Close()
	}, nil
}

// rawCall runs f with the C pointer of the domain's connection and its
// UUID, holding a reference on the connection meanwhile.
func (d *domain) rawCall(f func(conn C.virConnectPtr, uuid *C.uchar) error) error {
	uuid, err := d.d.GetUUID()
	if err != nil {
		return conv(err)
	}
	conn, release, err := d.rawConn()
	if err != nil {
		return err
	}
	defer release()
	return f(conn, (*C.uchar)(unsafe.Pointer(&uuid[0])))
}

// rawError converts a virError copied by a C helper, and frees its
// strings.
func rawError(err *C.virError) error {
	defer C.virResetError(err)
	return &host.Error{Code: int(err.code), Domain: int(err.domain), Level: int(err.level),
		Message: C.GoString(err.message)}
}

// typedParams reads n typed parameters, in their order, as libvirt-python
// does (an INT, UINT, LLONG or ULLONG as an int, a BOOLEAN as a bool).
func typedParams(ps C.virTypedParameterPtr, n C.int) []host.TypedParam {
	out := make([]host.TypedParam, 0, int(n))
	for i := C.int(0); i < n; i++ {
		p := C.vsParam(ps, i)
		var v any
		switch p._type {
		case C.VIR_TYPED_PARAM_INT:
			v = int64(C.vsParamInt(p))
		case C.VIR_TYPED_PARAM_UINT:
			v = int64(C.vsParamUInt(p))
		case C.VIR_TYPED_PARAM_LLONG:
			v = int64(C.vsParamLLong(p))
		case C.VIR_TYPED_PARAM_ULLONG:
			v = int64(C.vsParamULLong(p))
		case C.VIR_TYPED_PARAM_DOUBLE:
			v = float64(C.vsParamDouble(p))
		case C.VIR_TYPED_PARAM_BOOLEAN:
			v = C.vsParamBool(p) != 0
		case C.VIR_TYPED_PARAM_STRING:
			v = C.GoString(C.vsParamString(p))
		default:
			continue // a type newer than this libvirt: libvirt-python raises, we leave it out
		}
		out = append(out, host.TypedParam{Name: C.GoString(&p.field[0]), Value: v})
	}
	return out
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

func (d *domain) GetGuestInfo(types, flags uint32) ([]host.TypedParam, error) {
	var out []host.TypedParam
	err := d.rawCall(func(conn C.virConnectPtr, uuid *C.uchar) error {
		var cerr C.virError
		var ps C.virTypedParameterPtr
		var n C.int
		if C.vsDomainGetGuestInfo(conn, uuid, C.uint(types), &ps, &n, C.uint(flags), &cerr) < 0 {
			return rawError(&cerr)
		}
		defer C.virTypedParamsFree(ps, n)
		out = typedParams(ps, n)
		return nil
	})
	return out, err
}

// GetAllDomainStats implements host.ConnDomainStats. Each record's domain
// is looked up again by UUID through libvirt.org/go/libvirt, to hand the
// core a domain it can use; a domain that vanished meanwhile (a transient
// one stopped) is left out.
func (c *conn) GetAllDomainStats(stats, flags uint32) ([]host.DomainStatsRecord, error) {
	raw, release, err := rawConn(c.c)
	if err != nil {
		return nil, err
	}
	defer release()
	var cerr C.virError
	var recs *C.virDomainStatsRecordPtr
	n := C.vsConnectGetAllDomainStats(raw, C.uint(stats), &recs, C.uint(flags), &cerr)
	if n < 0 {
		return nil, rawError(&cerr)
	}
	records := statsRecords(recs, n)
	out := make([]host.DomainStatsRecord, 0, len(records))
	for _, r := range records {
		dom, err := c.c.LookupDomainByUUID(r.uuid)
		if err != nil {
			if errors.Is(err, libvirt.ERR_NO_DOMAIN) {
				continue
			}
			for _, o := range out {
				_ = o.Domain.Free()
			}
			return nil, conv(err)
		}
		out = append(out, host.DomainStatsRecord{Domain: &domain{d: dom}, Params: r.params})
	}
	return out, nil
}

// statsRecord is one record of a domain statistics list, read: the
// domain's raw UUID and its statistics.
type statsRecord struct {
	uuid   []byte
	params []host.TypedParam
}

// statsRecords reads the n records of recs, the list that
// virConnectGetAllDomainStats or virDomainListGetStats returned, and frees
// the list.
func statsRecords(recs *C.virDomainStatsRecordPtr, n C.int) []statsRecord {
	defer C.virDomainStatsRecordListFree(recs)
	out := make([]statsRecord, n)
	for i := range out {
		r := C.vsRecord(recs, C.int(i))
		out[i].uuid = make([]byte, C.VIR_UUID_BUFLEN)
		C.vsRecordUUID(r, (*C.uchar)(unsafe.Pointer(&out[i].uuid[0])))
		out[i].params = typedParams(r.params, r.nparams)
	}
	return out
}

// DomainListGetStats implements host.ConnDomainStats: libvirt gets a
// handle of each domain on the domain's own connection, so that it checks
// they share one, and refuses an empty list, itself.
func (c *conn) DomainListGetStats(doms []host.Domain, stats, flags uint32) ([]host.DomainStatsRecord, error) {
	conns := make([]C.virConnectPtr, len(doms))
	uuids := make([]byte, 0, len(doms)*C.VIR_UUID_BUFLEN+1)
	for i, hd := range doms {
		d, ok := hd.(*domain)
		if !ok {
			return nil, fmt.Errorf("cgobackend: domain %d of the list is a %T, not this backend's", i, hd)
		}
		uuid, err := d.d.GetUUID()
		if err != nil {
			return nil, conv(err)
		}
		uuids = append(uuids, uuid...)
		conn, release, err := d.rawConn()
		if err != nil {
			return nil, err
		}
		defer release()
		conns[i] = conn
	}
	uuids = append(uuids, 0) // never empty, for &uuids[0]
	var connsPtr *C.virConnectPtr
	if len(conns) > 0 {
		connsPtr = &conns[0]
	}
	var cerr C.virError
	var recs *C.virDomainStatsRecordPtr
	n := C.vsDomainListGetStats(connsPtr, (*C.uchar)(unsafe.Pointer(&uuids[0])), C.int(len(doms)), C.uint(stats), &recs, C.uint(flags), &cerr)
	if n == -2 {
		return nil, errors.New("cgobackend: virDomainListGetStats: out of memory")
	}
	if n < 0 {
		return nil, rawError(&cerr)
	}
	records := statsRecords(recs, n)
	out := make([]host.DomainStatsRecord, 0, len(records))
	for _, r := range records {
		idx := -1
		for j := range doms {
			if string(uuids[j*C.VIR_UUID_BUFLEN:(j+1)*C.VIR_UUID_BUFLEN]) == string(r.uuid) {
				idx = j
				break
			}
		}
		if idx < 0 {
			return nil, fmt.Errorf("cgobackend: virDomainListGetStats returned a domain not in the list")
		}
		out = append(out, host.DomainStatsRecord{Index: idx, Params: r.params})
	}
	return out, nil
}
