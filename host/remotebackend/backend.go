// Package remotebackend is the core's backend on libvirtd's remote protocol,
// in Go (github.com/digitalocean/go-libvirt): no cgo, no libvirt client
// library, and calls that end when asked. It reaches a libvirtd over a unix
// socket, tcp, TLS or ssh; it cannot serve a driver in-process as libvirt's
// client library does (test:///default needs test+unix:// or test+tcp://).
//
// A call in flight is ended by Abort, which closes the connection's socket:
// the core calls it when a call outlives the call timeout, so a frozen
// libvirtd costs a failed call, not a stuck goroutine.
package remotebackend

import (
	"context"

	"github.com/vertscript/vertscript/host/driver"
)

func init() { driver.Register("remote", func() driver.Backend { return Backend{} }) }

// Backend implements driver.Backend on libvirtd's protocol.
type Backend struct{}

var _ driver.Backend = Backend{}

// GetVersion reports that there is no local libvirt library: the remote
// backend speaks the protocol itself (a connection's getLibVersion is the
// daemon's).
func (Backend) GetVersion() (uint64, error) { return 0, driver.NoSupport("virGetVersion") }

// Initialize does nothing: there is no library to initialize.
func (Backend) Initialize() error { return nil }

// ConnectOpen dials the daemon that uri names and opens uri's driver on
// it, read-only when readOnly (the daemon enforces it too).
func (b Backend) ConnectOpen(uri string, readOnly bool) (driver.Conn, error) {
	return b.ConnectOpenContext(context.Background(), uri, readOnly)
}

// ConnectOpenContext implements driver.ContextOpener: ConnectOpen, ended
// (its socket closed) when ctx is done first.
func (Backend) ConnectOpenContext(ctx context.Context, uri string, readOnly bool) (driver.Conn, error) {
	t, err := parseTarget(uri)
	if err != nil {
		return nil, err
	}
	c, err := open(ctx, t, readOnly)
	if err != nil {
		return nil, err // not a nil *conn in a non-nil driver.Conn
	}
	return c, nil
}
