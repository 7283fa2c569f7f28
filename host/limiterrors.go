package host

import (
	"errors"
	"fmt"

	"github.com/vertscript/vertscript/host/xmltree"
)

// StepsError is the error of a run that would pass max steps
// (Limits.MaxSteps), the adapters' one wording of it.
func StepsError(max uint64) *LimitError {
	return &LimitError{Limit: "max-steps", Msg: fmt.Sprintf("max-steps: the script ran more than %d steps", max)}
}

// DepthError is the error of a run whose calls nest deeper than max
// (Limits.MaxDepth).
func DepthError(max int) *LimitError {
	return &LimitError{Limit: "max-depth", Msg: fmt.Sprintf("max-depth: calls nested deeper than %d", max)}
}

// WorkError is the error of an operation, named what, that would go
// through more than n elements, more than MaxMemory allows lists of them.
func WorkError(what string, n uint64) *LimitError {
	return &LimitError{Limit: "max-memory", Msg: fmt.Sprintf("max-memory: %s would go through more than %d elements", what, n)}
}

// Allocator is the allocation check of a call named what into a package
// that allocates as it goes (host/xmltree), which would build made (such
// as "a string"): CheckAlloc as an error.
func (l Limits) Allocator(what, made string) func(n uint64) error {
	return func(n uint64) error {
		if le := l.CheckAlloc(n, what, made); le != nil {
			return le
		}
		return nil
	}
}

// XMLMeter returns a meter for one call into xmltree: it allows steps
// units of work (0: no step limit; a run with a step limit that has none
// left passes 1), and no more elements than lists of them would fit in
// MaxMemory.
func (l Limits) XMLMeter(steps uint64) *xmltree.Meter {
	m := &xmltree.Meter{Limit: steps}
	if max := l.MaxMemory; max > 0 {
		if n := max / xmltree.UnitBytes; m.Limit == 0 || n < m.Limit {
			m.Limit = n
		}
	}
	return m
}

// XMLError is the error of a call into xmltree, named what, that failed
// with err under a meter from XMLMeter: the limit the meter stopped it at
// (max-memory when the memory's bound was the meter's, else max-steps), a
// *LimitError the call's allocation check returned, or err qualified with
// what. It is nil when err is.
func (l Limits) XMLError(err error, what string) error {
	var we *xmltree.WorkError
	var le *LimitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &we):
		if mem := l.MaxMemory; mem == 0 || we.Limit != mem/xmltree.UnitBytes {
			return StepsError(l.MaxSteps)
		}
		return WorkError(what, we.Limit)
	case errors.As(err, &le):
		return le
	}
	return fmt.Errorf("%s: %v", what, err)
}
