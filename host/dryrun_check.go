package host

import "errors"

// Stand-ins for the backend objects of a call's receiver and object
// arguments, for checkPlanned: each embeds
// its interface unset, so that the operation's first call into the backend
// stops it (a method call on a nil interface panics).
type (
	connProbe            struct{ Conn }
	domainProbe          struct{ Domain }
	networkProbe         struct{ Network }
	networkPortProbe     struct{ NetworkPort }
	storagePoolProbe     struct{ StoragePool }
	storageVolProbe      struct{ StorageVol }
	snapshotProbe        struct{ Snapshot }
	checkpointProbe      struct{ Checkpoint }
	interfaceProbe       struct{ Interface }
	nodeDeviceProbe      struct{ NodeDevice }
	secretProbe          struct{ Secret }
	nwFilterProbe        struct{ NWFilter }
	nwFilterBindingProbe struct{ NWFilterBinding }
	streamProbe          struct{ Stream }
)

func probeFor(class string) any {
	switch class {
	case ClassConnect:
		return connProbe{}
	case ClassDomain:
		return domainProbe{}
	case ClassNetwork:
		return networkProbe{}
	case ClassNetworkPort:
		return networkPortProbe{}
	case ClassStoragePool:
		return storagePoolProbe{}
	case ClassStorageVol:
		return storageVolProbe{}
	case ClassSnapshot:
		return snapshotProbe{}
	case ClassCheckpoint:
		return checkpointProbe{}
	case ClassInterface:
		return interfaceProbe{}
	case ClassNodeDevice:
		return nodeDeviceProbe{}
	case ClassSecret:
		return secretProbe{}
	case ClassNWFilter:
		return nwFilterProbe{}
	case ClassNWFilterBinding:
		return nwFilterBindingProbe{}
	case ClassStream:
		return streamProbe{}
	}
	return nil
}

// checkPlanned runs the operation of c, a call a dry run is about to
// record, up to its first call into libvirt, with a stand-in receiver
// that stops it there: what the operation checks before it calls libvirt
// (the keys and types of typed parameters, CPU maps, migration URIs) is
// checked in a dry run too, so that the plan does not show as planned a
// call the real run would refuse. Module functions, which have no
// receiver to stand in for, and operations that call the script back are
// checked by their parameters only.
func (s *Session) checkPlanned(c *Call) (err error) {
	if c.recv == nil {
		return nil
	}
	for _, a := range c.args {
		if _, ok := a.(Callable); ok {
			// The operation would call the script back (a stream's
			// handler) before libvirt: not in a dry run.
			return nil
		}
	}
	probe := probeFor(c.recv.class)
	if probe == nil {
		return nil
	}
	saved := c.ref
	c.ref, c.probing = probe, true
	defer func() {
		c.ref, c.probing = saved, false
		if recover() != nil {
			err = nil // it reached libvirt: its arguments passed
		}
	}()
	_, err = c.op.fn(c)
	var ae *ArgError
	var pe *PolicyError
	var le *LimitError
	if errors.As(err, &ae) || errors.As(err, &pe) || errors.As(err, &le) {
		return err
	}
	return nil
}
