package xmltree

import "fmt"

// Meter bounds the work of the calls it is passed to: each element they go
// through or return counts one unit. A nil Meter neither counts nor
// limits. The adapters make one per call, with the steps (and memory) the
// script has left, and count what was Used as the script's steps.
type Meter struct {
	Limit uint64 // the units allowed; 0: no limit
	Used  uint64 // the units counted so far
}

// UnitBytes bounds what one unit of work may allocate: an element in a
// list of results, with the slack of growing lists and the maps that
// remove duplicates. An adapter allows no more than its memory limit
// divided by UnitBytes units, so that the lists a call builds cannot
// pass the limit before the meter stops it.
const UnitBytes = 64

// WorkError is the error of a call that would pass its Meter's Limit.
type WorkError struct {
	Limit uint64
}

func (e *WorkError) Error() string {
	return fmt.Sprintf("xml: more than %d elements to go through", e.Limit)
}

// charge counts n units, and fails once they pass the limit.
func (m *Meter) charge(n uint64) error {
	if m == nil {
		return nil
	}
	if m.Used+n < m.Used {
		m.Used = ^uint64(0)
	} else {
		m.Used += n
	}
	if m.Limit > 0 && m.Used > m.Limit {
		return &WorkError{Limit: m.Limit}
	}
	return nil
}
