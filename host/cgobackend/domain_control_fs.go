package cgobackend

// virDomainFSFreeze and virDomainFSThaw return the number of file systems
// they froze or thawed, which libvirt-python returns and
// libvirt.org/go/libvirt drops (its FSFreeze and FSThaw return only an
// error). They are called here directly, on the domain pointer that
// libvirt.org/go/libvirt holds.

/*
#cgo pkg-config: libvirt
#include <stdlib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

static int vsFSFreeze(virDomainPtr dom, const char **mountpoints, unsigned int n,
                      unsigned int flags, virErrorPtr err)
{
    int ret = virDomainFSFreeze(dom, mountpoints, n, flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

static int vsFSThaw(virDomainPtr dom, const char **mountpoints, unsigned int n,
                    unsigned int flags, virErrorPtr err)
{
    int ret = virDomainFSThaw(dom, mountpoints, n, flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}
*/
import "C"

import (
	"unsafe"

	"libvirt.org/go/libvirt"
)

// A libvirt.Domain is its virDomainPtr and nothing else (an unexported
// field, ptr): rawDomain reads it. This fails to compile if the struct
// grows.
var _ = [1]struct{}{}[unsafe.Sizeof(libvirt.Domain{})-unsafe.Sizeof(uintptr(0))]

func rawDomain(d *libvirt.Domain) C.virDomainPtr {
	return *(*C.virDomainPtr)(unsafe.Pointer(d))
}

func (d *domain) FSFreeze(mountPoints []string, flags uint32) (int, error) {
	return fsCall(d.d, mountPoints, flags, true)
}

func (d *domain) FSThaw(mountPoints []string, flags uint32) (int, error) {
	return fsCall(d.d, mountPoints, flags, false)
}

// fsCall freezes (or thaws) the file systems at mountPoints (nil: all).
func fsCall(d *libvirt.Domain, mountPoints []string, flags uint32, freeze bool) (int, error) {
	var cmps **C.char
	if n := len(mountPoints); n > 0 {
		arr := unsafe.Slice((**C.char)(C.malloc(C.size_t(n)*C.size_t(unsafe.Sizeof((*C.char)(nil))))), n)
		for i, m := range mountPoints {
			arr[i] = C.CString(m)
		}
		defer func() {
			for _, p := range arr {
				C.free(unsafe.Pointer(p))
			}
			C.free(unsafe.Pointer(&arr[0]))
		}()
		cmps = &arr[0]
	}
	var cerr C.virError
	var ret C.int
	if freeze {
		ret = C.vsFSFreeze(rawDomain(d), cmps, C.uint(len(mountPoints)), C.uint(flags), &cerr)
	} else {
		ret = C.vsFSThaw(rawDomain(d), cmps, C.uint(len(mountPoints)), C.uint(flags), &cerr)
	}
	if ret < 0 {
		return 0, rawError(&cerr)
	}
	return int(ret), nil
}
