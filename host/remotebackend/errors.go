package remotebackend

import (
	"errors"
	"strings"

	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// The libvirt numbers this package raises itself.
const (
	errInternal    = driver.ErrInternalError
	errInvalidArg  = driver.ErrInvalidArg
	errSystemError = driver.ErrSystemError
	fromRemote     = driver.FromRemote
	fromRPC        = driver.FromRPC
	fromURI        = driver.FromURI
	fromNone       = driver.FromNone
)

// conv turns what go-libvirt returns into *driver.Error with libvirt's
// code, domain, level and message.
func (c *conn) conv(err error) error {
	if err == nil {
		return nil
	}
	var le libvirt.Error
	switch {
	case errors.As(err, &le):
		e := &driver.Error{Code: int(le.Code), Domain: fromRemote, Level: driver.ErrError,
			Message: strings.ReplaceAll(le.Message, disguised, unknownProcedure)}
		if c != nil && c.w != nil {
			if d, l, ok := c.w.errorDetail(e.Code, e.Message); ok {
				e.Domain, e.Level = d, l
			}
		}
		return e
	case errors.Is(err, libvirt.ErrUnsupported):
		return driver.NoSupport("the daemon does not know this procedure")
	case errors.Is(err, libvirt.ErrInterrupted) || c.aborted():
		// A call whose write or read failed because the wire was
		// aborted says why it was.
		return c.lost()
	}
	return &driver.Error{Code: errSystemError, Domain: fromRPC, Level: driver.ErrError, Message: err.Error()}
}

// aborted is true once c's wire was aborted.
func (c *conn) aborted() bool {
	if c == nil || c.w == nil {
		return false
	}
	select {
	case <-c.w.aborted:
		return true
	default:
		return false
	}
}

// lost is the error of a call whose connection closed under it.
func (c *conn) lost() error {
	if c != nil && c.w != nil {
		select {
		case <-c.w.aborted:
			var pe packetLengthError
			if errors.As(c.w.reason, &pe) {
				return &driver.Error{Code: driver.ErrRPC, Domain: fromRPC, Level: driver.ErrError, Message: pe.Error()}
			}
			if c.w.reason == errKeepalive {
				// libvirt's client says it so.
				return &driver.Error{Code: errInternal, Domain: fromRPC, Level: driver.ErrError,
					Message: "internal error: " + errKeepalive.Error()}
			}
			return &driver.Error{Code: errSystemError, Domain: fromRPC, Level: driver.ErrError,
				Message: "Cannot recv data: " + c.w.reason.Error()}
		default:
		}
	}
	return &driver.Error{Code: errSystemError, Domain: fromRPC, Level: driver.ErrError,
		Message: "Cannot recv data: the connection to the daemon was lost"}
}
