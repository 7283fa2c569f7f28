package driver

import "errors"

// Error is a libvirt error: libvirt's own code, domain, level and message
// (virError), and the operation that raised it. Backends fill in all but
// Op, which the core sets. Errors the core raises in libvirt's place (a
// call on a closed connection, say) use the code and domain libvirt itself
// would use.
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

// NoSupport is the error a backend returns for a function it does not
// implement, worded as libvirt words it when a driver lacks one:
// VIR_ERR_NO_SUPPORT from VIR_FROM_NONE. fn is the C function's name,
// e.g. "virDomainGetInfo".
func NoSupport(fn string) *Error {
	return &Error{Code: ErrNoSupport, Domain: FromNone, Level: ErrError,
		Message: noSupportPrefix + fn}
}
