//go:build cgo

package vertscript

import (
	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// LibvirtConn is libvirt.org/go/libvirt's connection, which a program may
// hand to scripts (Options.Conn).
type LibvirtConn = libvirt.Connect

// borrow takes a reference of the run's own to c.
func borrow(c *LibvirtConn) (host.Conn, error) { return cgobackend.Borrow(c) }
