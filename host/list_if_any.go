package host

import "sync/atomic"

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

// listSized lists as listIfAny does, in one call into libvirt instead of
// two when it can: hint holds how many the list held last time (0 at
// first). With a hint, it lists at most a few more than that at once
// (virConnectListDomains returns at most the number asked for, and all
// there are when there are fewer): a list that comes back short of the
// most asked for is whole, and is the answer; one that fills it may be cut,
// and the list is made again as listIfAny makes it, counting first. On a
// node of 200 domains counting costs as much as listing: a loop on
// listDomainsID pays one of the two.
func listSized[T any](hint *atomic.Int32, count func() (int, error), list func(max int) ([]T, error)) ([]T, error) {
	if h := int(hint.Load()); h > 0 {
		max := h + h/4 + 8
		got, err := list(max)
		if err == nil && len(got) < max {
			hint.Store(int32(len(got)))
			return got, nil
		}
	}
	got, err := listIfAny(count, list)
	if err == nil {
		hint.Store(int32(min(len(got), 1<<30)))
	}
	return got, err
}
