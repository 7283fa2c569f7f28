package host

import "errors"

// Error is a libvirt error as scripts see it: libvirt's own code, domain,
// level and message (virError), and the operation that raised it. Errors the
// core raises in libvirt's place (a call on a closed connection, say) use the
// code and domain libvirt itself would use.
type Error struct {
	Op      string // qualified operation, e.g. "virConnect.lookupByName"
	Code    int    // virErrorNumber, e.g. 42 (VIR_ERR_NO_DOMAIN)
	Domain  int    // virErrorDomain, e.g. 12 (VIR_FROM_TEST)
	Level   int    // virErrorLevel: 1 warning, 2 error
	Message string // libvirt's message, e.g. "Domain not found"
}

// Error returns the operation and libvirt's message.
func (e *Error) Error() string {
	if e.Op == "" {
		return e.Message
	}
	return e.Op + ": " + e.Message
}

// AsError reports whether err is (or wraps) a libvirt error, and returns it.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

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
