package driver

import (
	"fmt"
	"slices"
	"sort"
	"sync"
)

var (
	registryMu sync.Mutex
	registry   = map[string]func() Backend{}
)

// Register makes a backend available by name ("cgo", "remote"), as
// database/sql.Register does for drivers; a backend package calls it from
// init. It panics when name is taken or newBackend is nil.
func Register(name string, newBackend func() Backend) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if newBackend == nil {
		panic("driver: Register of a nil backend")
	}
	if _, dup := registry[name]; dup {
		panic("driver: Register called twice for backend " + name)
	}
	registry[name] = newBackend
}

// Open returns the backend registered as name.
func Open(name string) (Backend, error) {
	registryMu.Lock()
	newBackend, ok := registry[name]
	registryMu.Unlock()
	if !ok {
		return nil, fmt.Errorf("no backend %q in this build (have %v)", name, Backends())
	}
	return newBackend(), nil
}

// Backends returns the registered backends' names, sorted.
func Backends() []string {
	registryMu.Lock()
	defer registryMu.Unlock()
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// DefaultBackend is the backend used when none is named: "cgo" when this
// build has it (libvirt's own client library, every URI libvirt takes),
// else "remote".
func DefaultBackend() string {
	if slices.Contains(Backends(), "cgo") {
		return "cgo"
	}
	return "remote"
}
