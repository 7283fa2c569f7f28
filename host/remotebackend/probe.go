package remotebackend

// ProbeObjects implements driver.Prober: a zero value of each object type,
// for `vertscript doc --coverage --backend remote`.
func (Backend) ProbeObjects() []any {
	return []any{Backend{}, &conn{}, &domain{},
		&iface{}, &nodeDevice{}, &network{}, &networkPort{},
		&storagePool{}, &storageVol{}, &snapshot{}, &checkpoint{},
		&secret{}, &nwfilter{}, &nwfilterBinding{}, &stream{},
	}
}
