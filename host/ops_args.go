package host

import (
	"fmt"
	"math"
)

// Checks of arguments that libvirt-python makes before it calls libvirt,
// shared by the operations.

// cInt returns argument i, a TInt that libvirt takes as a C int, or an
// ArgError when it does not fit, as libvirt-python raises OverflowError.
func (c *Call) cInt(i int) (int, error) {
	n := c.int(i)
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, invalidArg(c.op.QualName(), forParam(c.op.Params[i].Name), "%d does not fit a C int", n)
	}
	return int(n), nil
}

// objectArg returns the backend object of argument i, an object of the
// class whose backend interface is T, or argRef's error.
func objectArg[T any](c *Call, i int) (T, error) {
	ref, err := c.argRef(c.object(i))
	if err != nil {
		var none T
		return none, err
	}
	return ref.(T), nil
}

// uuidLen is VIR_UUID_BUFLEN, the length of a raw UUID.
const uuidLen = 16

// uuid returns argument i, a raw UUID, or libvirt's invalid-argument error
// when it is not 16 bytes long (libvirt-python raises a libvirtError
// without calling libvirt then).
func (c *Call) uuid(i int) ([]byte, error) {
	b := c.bytes(i)
	if len(b) != uuidLen {
		return nil, invalidArgf("%s must be %d bytes, got %d", c.op.Params[i].Name, uuidLen, len(b))
	}
	return b, nil
}

// invalidArgf is libvirt's VIR_ERR_INVALID_ARG for an argument that
// libvirt-python refuses without calling libvirt (it raises libvirtError
// then, with no code of its own).
func invalidArgf(format string, args ...any) error {
	return &Error{Code: errInvalidArg, Domain: fromNone, Level: errLevelError,
		Message: "invalid argument: " + fmt.Sprintf(format, args...)}
}
