package host

import (
	"github.com/vertscript/vertscript/host/driver"
)

// Error is a libvirt error as scripts see it (see driver.Error).
type Error = driver.Error

// AsError reports whether err is (or wraps) a libvirt error, and returns it.
func AsError(err error) (*Error, bool) { return driver.AsError(err) }

// Error codes and domains the core raises itself, with libvirt's values.
const (
	errInvalidConn      = 19 // VIR_ERR_INVALID_CONN
	errInvalidDomain    = 7  // VIR_ERR_INVALID_DOMAIN
	errInvalidArg       = 8  // VIR_ERR_INVALID_ARG
	errInternal         = 1  // VIR_ERR_INTERNAL_ERROR
	errOperationTimeout = 68 // VIR_ERR_OPERATION_TIMEOUT
	errLevelError       = 2  // VIR_ERR_ERROR
	fromNone            = 0  // VIR_FROM_NONE
)
