package host

import (
	"github.com/vertscript/vertscript/host/driver"
)

// Error is a libvirt error as scripts see it (see driver.Error).
type Error = driver.Error

// AsError reports whether err is (or wraps) a libvirt error, and returns it.
func AsError(err error) (*Error, bool) { return driver.AsError(err) }

// Error codes and domains the core raises itself (package driver's
// generated names for libvirt's values).
const (
	errInvalidConn      = driver.ErrInvalidConn
	errInvalidDomain    = driver.ErrInvalidDomain
	errInvalidArg       = driver.ErrInvalidArg
	errInternal         = driver.ErrInternalError
	errOperationTimeout = driver.ErrOperationTimeout
	errLevelError       = driver.ErrError
	fromNone            = driver.FromNone
)
