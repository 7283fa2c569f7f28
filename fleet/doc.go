// Package fleet runs one job on many hosts: the language-free engine
// behind `vertscript --hosts` and Interpreter.RunHosts.
//
// Hosts come from an inventory (ParseInventory) or a list of URIs
// (ParseHosts), narrowed by Limit. Run runs a function per host, at most
// Options.Parallel at once, and reports a Result for every host, however
// the run ended: ok, failed, interrupted (running when the context was
// cancelled) or skipped (not started before it was). The output helpers
// put many hosts' output on one terminal (Console, PrefixWriter), in one
// file per host (DirOutput), and summarize the results (WriteTable,
// WriteJSON).
//
// The package knows nothing of libvirt or of script languages: what runs
// on a host is the caller's function.
package fleet
