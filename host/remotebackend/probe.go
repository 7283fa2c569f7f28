package remotebackend

import "github.com/vertscript/vertscript/host/driver"

// ProbeObjects implements driver.Prober: a zero value of each object type,
// for `vertscript doc --coverage --backend remote`. An object type the
// backend has not written yet is its Unimplemented type.
func (Backend) ProbeObjects() []any {
	return []any{Backend{}, &conn{}, &domain{},
		driver.UnimplementedInterface{}, driver.UnimplementedNodeDevice{},
		driver.UnimplementedNetwork{}, driver.UnimplementedNetworkPort{},
		driver.UnimplementedStoragePool{}, driver.UnimplementedStorageVol{},
		&snapshot{}, &checkpoint{},
		driver.UnimplementedSecret{}, driver.UnimplementedNWFilter{},
		driver.UnimplementedNWFilterBinding{}, driver.UnimplementedStream{},
	}
}
