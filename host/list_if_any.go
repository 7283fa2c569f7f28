package host

// listIfAny is libvirt-python's rule for the older list functions
// (virConnectListDomains, virStoragePoolListVolumes, virNodeListDevices,
// ...): it counts first with count, whose error is the one a script sees,
// answers an empty list when there is nothing, and otherwise lists at most
// that many with list. Backends never count for a list (see package
// driver).
func listIfAny[T any](count func() (int, error), list func(max int) ([]T, error)) ([]T, error) {
	n, err := count()
	if err != nil {
		return nil, err
	}
	if n <= 0 {
		return []T{}, nil
	}
	return list(n)
}
