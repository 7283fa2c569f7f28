package host

import (
	"fmt"
	"slices"
)

// networkStorageOps are the methods of virNetwork, virNetworkPort,
// virStoragePool and virStorageVol, and virConnect's network and storage
// methods.
var networkStorageOps = slices.Concat(networkOps, networkPortOps, connectNetworkOps,
	storagePoolOps, storageVolOps, connectStorageOps)

// uuidBytes is the result of a GetUUID: libvirt-python's bytes.
func uuidBytes(b []byte, err error) (Value, error) {
	if err != nil {
		return nil, err
	}
	return Bytes(b), nil
}

// uuidLen is VIR_UUID_BUFLEN, the length of a raw UUID.
const uuidLen = 16

// uuid returns argument i, a raw UUID, or libvirt's invalid-argument error
// when it is not 16 bytes long (libvirt-python raises a libvirtError
// without calling libvirt then).
func (c *Call) uuid(i int) ([]byte, error) {
	b := c.bytes(i)
	if len(b) != uuidLen {
		return nil, &Error{Code: errInvalidArg, Domain: fromNone, Level: errLevelError,
			Message: fmt.Sprintf("invalid argument: %s must be %d bytes, got %d", c.op.Params[i].Name, uuidLen, len(b))}
	}
	return b, nil
}

// int32 returns argument i, a TInt that C takes as an int, or an ArgError
// when it does not fit (Python raises OverflowError).
func (c *Call) int32(i int) (int32, error) {
	n := c.int(i)
	if n < -1<<31 || n > 1<<31-1 {
		return 0, argErrorf(c.op.QualName(), "for parameter %s: %d does not fit a C int", c.op.Params[i].Name, n)
	}
	return int32(n), nil
}

// planLabel answers name() for an object that exists only in a dry run's
// plan: the name its XML gave.
func planLabel(o *Object) Value { return o.label }

// planConn answers connect() for an object that exists only in a dry run's
// plan.
func planConn(o *Object) Value { return o.Conn() }

// planFromXML returns the dry-run result of an operation that defines or
// creates an object of class from the XML in argument 0 (generalising
// planDomain): the existing object that the XML names (what id reads: its
// <name>, a port's <uuid>), found by lookup (a redefinition), else a
// planned object labelled with that value.
func planFromXML(class string, id func(doc string) string, lookup func(c *Call, id string) (Value, error)) func(c *Call) (Value, error) {
	return func(c *Call) (Value, error) {
		id := id(c.str(0))
		if id == "" {
			id = "(unnamed)"
		} else if v, err := lookup(c, id); err == nil {
			return v, nil
		}
		return c.plannedObject(class, id), nil
	}
}
