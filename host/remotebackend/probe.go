package remotebackend

import "github.com/vertscript/vertscript/host/driver"

// ProbeObjects implements driver.Prober: a zero value of each object type,
// for `vertscript doc --coverage --backend remote`. An object type the
// backend has not written yet is its Unimplemented type.
func (Backend) ProbeObjects() []any {
	return []any{Backend{}, &conn{}, &domain{},
		&iface{}, &nodeDevice{}, &network{}, &networkPort{},
		&storagePool{}, &storageVol{},
		driver.UnimplementedSnapshot{}, driver.UnimplementedCheckpoint{},
		&secret{}, &nwfilter{}, &nwfilterBinding{}, &stream{},
	}
}
