// Package viruri reads a URI with libvirt's own parser, virURIParse (libxml2's
// xmlParseURI, then libvirt's split of the query), for tests that hold
// host.ParseURI to it. virURIParse is one of libvirt's private symbols,
// exported for its daemons: it is looked up at run time, and Available says
// whether this libvirt has it. Only tests import this package.
package viruri

/*
#cgo pkg-config: libvirt
#cgo LDFLAGS: -ldl
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <stddef.h>
#include <libvirt/libvirt.h>

// The layout of libvirt's virURI (src/util/viruri.h), unchanged since 2012.
typedef struct {
	char *name;
	char *value;
	int ignore;
} vsURIParam;

typedef struct {
	char *scheme;
	char *server;
	char *user;
	unsigned int port;
	char *path;
	char *query;
	char *fragment;
	size_t paramsCount;
	size_t paramsAlloc;
	vsURIParam *params;
} vsURI;

typedef vsURI *(*vsParseFn)(const char *);
typedef void (*vsFreeFn)(vsURI *);

static vsParseFn vsParse;
static vsFreeFn vsFree;

static int vsLoad(void) {
	virGetVersion(NULL, NULL, NULL); // libvirt is loaded and initialized
	vsParse = (vsParseFn)dlsym(RTLD_DEFAULT, "virURIParse");
	vsFree = (vsFreeFn)dlsym(RTLD_DEFAULT, "virURIFree");
	return vsParse != NULL && vsFree != NULL;
}

static vsURI *vsCall(const char *s) { return vsParse(s); }
static void vsRelease(vsURI *u) { vsFree(u); }
static vsURIParam *vsParamAt(vsURI *u, size_t i) { return &u->params[i]; }
*/
import "C"

import (
	"errors"
	"sync"
	"unsafe"
)

// URI is what virURIParse made of a string. A nil pointer in C is Nil*
// here, so that "absent" and "empty" stay apart.
type URI struct {
	Scheme, Server, User, Path, Query, Fragment string
	NilScheme, NilServer, NilUser, NilPath      bool
	NilQuery, NilFragment                       bool
	Port                                        int
	Params                                      [][2]string
}

var (
	loadOnce  sync.Once
	available bool
)

// Available reports whether this libvirt exports virURIParse.
func Available() bool {
	loadOnce.Do(func() { available = C.vsLoad() != 0 })
	return available
}

// ErrRefused is virURIParse's failure: libvirt would not open the URI.
var ErrRefused = errors.New("virURIParse refused the URI")

// Parse reads s with virURIParse. s must not hold a NUL byte (C would see
// only what precedes it).
func Parse(s string) (*URI, error) {
	if !Available() {
		return nil, errors.New("this libvirt does not export virURIParse")
	}
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	u := C.vsCall(cs)
	if u == nil {
		return nil, ErrRefused
	}
	defer C.vsRelease(u)
	str := func(p *C.char) (string, bool) {
		if p == nil {
			return "", true
		}
		return C.GoString(p), false
	}
	r := &URI{Port: int(u.port)}
	r.Scheme, r.NilScheme = str(u.scheme)
	r.Server, r.NilServer = str(u.server)
	r.User, r.NilUser = str(u.user)
	r.Path, r.NilPath = str(u.path)
	r.Query, r.NilQuery = str(u.query)
	r.Fragment, r.NilFragment = str(u.fragment)
	for i := C.size_t(0); i < u.paramsCount; i++ {
		p := C.vsParamAt(u, i)
		name, _ := str(p.name)
		value, _ := str(p.value)
		r.Params = append(r.Params, [2]string{name, value})
	}
	return r, nil
}
