//go:build !cgo

package vertscript

import (
	"errors"

	"github.com/vertscript/vertscript/host"
)

// LibvirtConn stands for libvirt.org/go/libvirt's connection, which only a
// build with cgo has: without cgo, Options.Conn cannot be set.
type LibvirtConn struct{ _ [0]func() }

// borrow refuses: a build without cgo has no libvirt connection to borrow.
func borrow(*LibvirtConn) (host.Conn, error) {
	return nil, errors.New("a libvirt.Connect needs the cgo backend, which this build (CGO_ENABLED=0) lacks")
}
