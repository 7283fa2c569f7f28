// Package driver is the contract between vertscript's core (package host)
// and the backends that reach libvirt, in the pattern of database/sql/driver:
// the core holds every script-facing rule (policy, dry run, audit, limits,
// libvirt-python's shapes), and a backend only calls libvirt.
//
// A backend implements the base, Backend, ConnBase and DomainBase, and
// embeds the generated Unimplemented types (UnimplementedConnAreas,
// UnimplementedDomainAreas, UnimplementedNetwork, ...) for the rest: each of
// their methods answers VIR_ERR_NO_SUPPORT, as libvirt does for a function a
// driver lacks, so a new backend compiles on its first day and grows one
// function at a time. `vertscript doc --coverage` tells, per backend, which
// operations reach a real implementation.
//
// Backends take and return Go values and report failures as *Error with
// libvirt's code, domain, level and message. Methods are named after the C
// functions they call, without the vir prefix.
//
// The older list functions (ListDomains, ListDefinedDomains, ListNetworks,
// ListVolumes, ListCaps, NodeListDevices, SnapshotListNames, ...) take max,
// the count the core got first from the matching NumOf function (NumOfDomains,
// NumOfVolumes, NumOfCaps, NodeNumOfDevices, SnapshotNum, ...). The core
// calls a list function only when that count is above zero, and answers an
// empty list itself otherwise, as libvirt-python does: a script sees the
// counting function's error when it fails, and a backend never counts. A
// backend asks libvirt for at most max entries; one whose library cannot pass
// max lists with its own bound.
//
// Typed parameters (virTypedParameter) are []TypedParam everywhere, both
// ways: the core checks a script's dict against its schema for the
// function (host's MemoryParams, MigrateParams, NetworkPortParams, ...),
// which gives each name its kind, and passes the parameters in the
// schema's order; a getter returns those libvirt reported, and the core
// keeps the schema's fields, in its order. A backend whose library takes
// structs (libvirt.org/go/libvirt) maps them itself.
package driver

//go:generate go run ./internal/genunimpl -o unimplemented.gen.go
