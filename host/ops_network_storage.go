package host

import "slices"

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
func planFromXML(class string, id func(doc string) (string, error), lookup func(c *Call, id string) (Value, error)) func(c *Call) (Value, error) {
	return func(c *Call) (Value, error) {
		id, err := id(c.str(0))
		if err != nil {
			return nil, c.unreadableXML(err)
		}
		if id == "" {
			return c.planObject(class, "(unnamed)", "", nil)
		}
		return c.planObject(class, id, "", func() (Value, error) { return lookup(c, id) })
	}
}
