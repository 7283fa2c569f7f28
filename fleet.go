package vertscript

import (
	"context"
	"errors"
	"io"
	"sync"

	"github.com/vertscript/vertscript/fleet"
)

// HostResult is how a script's run on one host of a fleet ended.
type HostResult struct {
	fleet.Result
	// Plan lists the calls a dry run on the host recorded instead of
	// making them.
	Plan []PlanEntry
}

// RunHosts runs src, a script named name, on every host, as Run does on
// one: at most opts.Parallel hosts at once, each with a run of its own (its
// own session and connections) under the interpreter's policy, limits and
// dry run. A host's URI is the URI its run's libvirt.open() uses (in place
// of Options.URI), and the one URI it may open beyond the AllowURI
// patterns. Audit records carry the host's name as the attribute "host".
//
// What the runs print goes where opts.Output says; nil: on Options.Stdout
// and Options.Stderr, each line prefixed with "[NAME] ". each, when not nil,
// is called with each host's result as it finishes, one call at a time.
// RunHosts returns every host's result, in the order of hosts, once every
// run has returned; cancelling ctx stops the runs in progress and skips
// the hosts not started (see fleet.Run).
func (in *Interpreter) RunHosts(ctx context.Context, hosts []fleet.Host, opts fleet.Options, name string, src []byte, each func(HostResult), args ...string) []HostResult {
	var mu sync.Mutex
	plans := map[string][]PlanEntry{}
	if opts.Output == nil {
		var lines sync.Mutex
		opts.Output = func(h fleet.Host) (io.Writer, io.Writer, func() error, error) {
			o := fleet.NewPrefixWriter(in.opts.Stdout, &lines, h.Name)
			e := fleet.NewPrefixWriter(in.opts.Stderr, &lines, h.Name)
			return o, e, func() error { o.Flush(); return e.Flush() }, nil
		}
	}
	onResult := opts.OnResult
	opts.OnResult = func(r fleet.Result) {
		if onResult != nil {
			onResult(r)
		}
		if each != nil {
			mu.Lock()
			plan := plans[r.Host.Name]
			mu.Unlock()
			each(HostResult{Result: r, Plan: plan})
		}
	}
	results := fleet.Run(ctx, hosts, opts, func(ctx context.Context, h fleet.Host, stdout, stderr io.Writer) error {
		hin, err := in.ForHost(h, stdout, stderr)
		if err != nil {
			return err
		}
		res, err := hin.Run(ctx, name, src, args...)
		if res != nil {
			mu.Lock()
			plans[h.Name] = res.Plan
			mu.Unlock()
		}
		return err
	})
	out := make([]HostResult, len(results))
	for i, r := range results {
		out[i] = HostResult{Result: r, Plan: plans[r.Host.Name]}
	}
	return out
}

// ForHost returns an interpreter for runs on host h: the same options, but
// h's URI as Options.URI (the URI libvirt.open() uses, and the one allowed
// beyond AllowURI), the scripts' output on stdout and stderr, and audit
// records carrying the attribute host=NAME. It fails with Options.Conn, and when h's URI is not
// one an interpreter takes (see New).
func (in *Interpreter) ForHost(h fleet.Host, stdout, stderr io.Writer) (*Interpreter, error) {
	o := in.opts
	if o.Conn != nil {
		return nil, errors.New("vertscript: a fleet run opens each host's connection; Options.Conn, one connection, cannot serve them")
	}
	o.URI = h.URI
	o.Stdout, o.Stderr = stdout, stderr
	if o.Audit != nil {
		o.Audit = o.Audit.With("host", h.Name)
	}
	return New(o)
}
