package remotebackend

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// dialTimeout bounds reaching a daemon: connecting, and the TLS or ssh
// handshake that follows, which a daemon (or an sshd) that accepted the
// connection and stopped answering would hold forever. A variable for
// tests.
var dialTimeout = 20 * time.Second

// errDialTimeout ends a dial that outlived dialTimeout.
var errDialTimeout = errors.New("dial timeout")

// socketPath is the unix socket of t's daemon, as libvirt picks it: the
// socket parameter, else the system daemon's (read-only or not) for a
// /system URI, else the session daemon's.
func socketPath(t target, readOnly bool) string {
	if s := t.Query.Get("socket"); s != "" {
		return s
	}
	if strings.HasSuffix(t.Path, "/session") {
		dir := os.Getenv("XDG_RUNTIME_DIR")
		if dir == "" {
			dir = filepath.Join(os.Getenv("HOME"), ".cache")
		}
		return filepath.Join(dir, "libvirt", "libvirt-sock")
	}
	if readOnly {
		return "/var/run/libvirt/libvirt-sock-ro"
	}
	return "/var/run/libvirt/libvirt-sock"
}

// dial reaches t's daemon over t's transport, within dialTimeout.
func dial(ctx context.Context, t target, readOnly bool) (net.Conn, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, dialTimeout, errDialTimeout)
	defer cancel()
	c, err := dialTransport(ctx, t, readOnly)
	// The transports also put dialTimeout on their sockets' deadlines,
	// which may pass first.
	if err != nil && (context.Cause(ctx) == errDialTimeout || errors.Is(err, os.ErrDeadlineExceeded)) {
		return nil, fmt.Errorf("no answer over %s within %s (%w)", t.Transport, dialTimeout, err)
	}
	return c, err
}

// dialTransport reaches t's daemon over t's transport.
func dialTransport(ctx context.Context, t target, readOnly bool) (net.Conn, error) {
	d := net.Dialer{}
	switch t.Transport {
	case "unix":
		return d.DialContext(ctx, "unix", socketPath(t, readOnly))
	case "tcp":
		port := t.Port
		if port == "" {
			port = "16509"
		}
		return d.DialContext(ctx, "tcp", net.JoinHostPort(t.Host, port))
	case "tls":
		return dialTLS(ctx, t)
	case "ssh":
		return dialSSH(ctx, t, readOnly)
	}
	return nil, &unsupportedTransport{t.Transport}
}

type unsupportedTransport struct{ name string }

func (e *unsupportedTransport) Error() string {
	return "the remote backend cannot reach a daemon over " + e.name + " yet"
}
