// Package cgobackend is the core's backend on the libvirt C library, through
// libvirt.org/go/libvirt. It needs cgo and libvirt-dev to build.
//
// A call into the C library cannot be interrupted once made: a deadline
// abandons the call, the OS thread stays in libvirt until it returns.
package cgobackend

import (
	"errors"
	"fmt"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

func init() { driver.Register("cgo", func() driver.Backend { return New() }) }

// Backend implements host.Backend on the libvirt C library.
type Backend struct{}

var _ host.Backend = Backend{}

// New returns the cgo backend.
func New() Backend { return Backend{} }

// GetVersion implements host.Backend.
func (Backend) GetVersion() (uint64, error) {
	v, err := libvirt.GetVersion()
	return uint64(v), conv(err)
}

// ConnectOpen implements host.Backend.
func (Backend) ConnectOpen(uri string, readOnly bool) (host.Conn, error) {
	if err := eventLoop(); err != nil {
		return nil, err
	}
	var c *libvirt.Connect
	var err error
	if readOnly {
		c, err = libvirt.NewConnectReadOnly(uri)
	} else {
		c, err = libvirt.NewConnect(uri)
	}
	if err != nil {
		return nil, conv(err)
	}
	return &conn{c: c}, nil
}

// conv turns libvirt.Error into *host.Error, keeping code, domain, level and
// message; other errors pass unchanged.
func conv(err error) error {
	if err == nil {
		return nil
	}
	var le libvirt.Error
	if errors.As(err, &le) {
		return &host.Error{Code: int(le.Code), Domain: int(le.Domain), Level: int(le.Level), Message: le.Message}
	}
	return err
}

// atMost cuts a list that libvirt.org/go/libvirt made with its own bound
// (its list functions take no count) to max, the count the core asked for
// first (see package driver): libvirt fills at most max entries, the first
// ones in the same order, or converts err.
func atMost[T any](list []T, err error, max int) ([]T, error) {
	if err != nil {
		return nil, conv(err)
	}
	if len(list) > max {
		list = list[:max]
	}
	return list, nil
}

// wrapAll wraps each object of a list that libvirt.org/go/libvirt returned
// with wrap, the class's wrapX function, or converts err: the objects of
// the list belong to the results.
func wrapAll[L, H any](list []L, err error, wrap func(*L, error) (H, error)) ([]H, error) {
	if err != nil {
		return nil, conv(err)
	}
	out := make([]H, len(list))
	for i := range list {
		out[i], _ = wrap(&list[i], nil) // no error to convert
	}
	return out, nil
}

// setOptional sets a field of one of libvirt.org/go/libvirt's parameter
// structs, dst and its flag set, when src, what the script gave, is not
// nil.
func setOptional[T any](set *bool, dst *T, src *T) {
	if src != nil {
		*set, *dst = true, *src
	}
}

// invalidArg is libvirt's VIR_ERR_INVALID_ARG, of domain from, for an
// argument refused without calling libvirt (libvirt.org/go/libvirt cannot
// pass it on, or libvirt itself would refuse it there): the message is
// libvirt's "invalid argument: " and format's.
func invalidArg(from libvirt.ErrorDomain, format string, args ...any) error {
	return &host.Error{Code: int(libvirt.ERR_INVALID_ARG), Domain: int(from), Level: int(libvirt.ERR_ERROR),
		Message: "invalid argument: " + fmt.Sprintf(format, args...)}
}

// Borrow returns c, a connection the program opened itself, as a
// host.Conn for a session (host.Options.Conn): it takes a reference of its
// own (virConnectRef), which the session's close gives back, so c stays
// open for the program.
func Borrow(c *libvirt.Connect) (host.Conn, error) {
	if c == nil {
		return nil, errors.New("cgobackend.Borrow: nil connection")
	}
	if err := eventLoop(); err != nil {
		return nil, err
	}
	if err := c.Ref(); err != nil {
		return nil, conv(err)
	}
	own := *c
	return &conn{c: &own}, nil
}
