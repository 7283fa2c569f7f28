package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/vertscript/vertscript/fleet"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/driver"
)

// fleetFlags are the flags that run a script on many hosts.
type fleetFlags struct {
	hosts, inventory, limit string
	parallel                int
	outputDir               string
	json                    bool
}

// register defines the fleet's flags on fs.
func (f *fleetFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.hosts, "hosts", "", "")
	fs.StringVar(&f.inventory, "inventory", "", "")
	fs.StringVar(&f.limit, "limit", "", "")
	fs.IntVar(&f.parallel, "parallel", fleet.DefaultParallel, "")
	fs.StringVar(&f.outputDir, "output-dir", "", "")
	fs.BoolVar(&f.json, "json", false, "")
}

// active reports whether the flags ask for a fleet run.
func (f *fleetFlags) active() bool { return f.hosts != "" || f.inventory != "" }

// check refuses the fleet flags that do not go together, or with the
// other flags given (set: the names of the flags on the command line).
func (f *fleetFlags) check(set map[string]bool, repl bool) error {
	if !f.active() {
		for _, name := range []string{"limit", "parallel", "output-dir", "json"} {
			if set[name] {
				return fmt.Errorf("--%s needs --hosts or --inventory", name)
			}
		}
		return nil
	}
	switch {
	case f.hosts != "" && f.inventory != "":
		return errors.New("--hosts and --inventory: give one of them")
	case set["c"] || set["connect"]:
		return errors.New("--connect and a fleet (--hosts, --inventory): each host's URI is the one its run connects to")
	case repl:
		return errors.New("repl runs on one host: --hosts and --inventory do not apply")
	case f.parallel < 1:
		return fmt.Errorf("--parallel %d: want 1 or more", f.parallel)
	}
	return nil
}

// load returns the hosts the flags name, narrowed by --limit.
func (f *fleetFlags) load() ([]fleet.Host, error) {
	var hosts []fleet.Host
	if f.hosts != "" {
		var err error
		if hosts, err = fleet.ParseHosts(f.hosts); err != nil {
			return nil, fmt.Errorf("--hosts: %w", err)
		}
	} else {
		r, err := os.Open(f.inventory)
		if err != nil {
			return nil, fmt.Errorf("--inventory: %w", err)
		}
		defer r.Close()
		if hosts, err = fleet.ParseInventory(r); err != nil {
			return nil, fmt.Errorf("--inventory %s: %w", f.inventory, err)
		}
	}
	if f.limit != "" {
		all := len(hosts)
		if hosts = fleet.Limit(hosts, f.limit); len(hosts) == 0 {
			return nil, fmt.Errorf("--limit %s: none of the %d hosts has that name or tag", f.limit, all)
		}
	}
	if len(hosts) == 0 {
		return nil, errors.New("the inventory lists no host")
	}
	return hosts, nil
}

// runFleet runs script on every host the flags name, each as vertscript
// runs it on one (runScript) with the host's URI as its default, at most
// --parallel at once. Each host's output goes to stdout and stderr, its
// lines prefixed with [NAME], or to DIR/NAME.out (--output-dir); then a
// summary: a table on stderr, or JSON on stdout (--json). The exit status
// is 0 when every host succeeded, 130 when interrupted, 1 otherwise.
func runFleet(ctx context.Context, f fleetFlags, backendName string, opts host.Options, lang host.Language, script host.Script, planFile string, stdout, stderr io.Writer) int {
	hosts, err := f.load()
	if err != nil {
		fmt.Fprintf(stderr, "vertscript: %v\n", err)
		return exitUsage
	}
	console := fleet.NewConsole(stdout, stderr)
	output := console.Output
	if f.outputDir != "" {
		if info, err := os.Stat(f.outputDir); err != nil || !info.IsDir() {
			fmt.Fprintf(stderr, "vertscript: --output-dir %s: not a directory\n", f.outputDir)
			return exitUsage
		}
		output = fleet.DirOutput(f.outputDir)
	}
	var mu sync.Mutex // guards plans
	plans := map[string][]planEntry{}
	results := fleet.Run(ctx, hosts, fleet.Options{Parallel: f.parallel, Output: output, Progress: console.Progress},
		func(ctx context.Context, h fleet.Host, hostOut, hostErr io.Writer) error {
			backend, err := driver.Open(backendName)
			if err != nil {
				return err
			}
			o := opts
			o.URI = h.URI
			if o.Audit != nil {
				o.Audit = o.Audit.With("host", h.Name)
			}
			s := script
			s.Stdout, s.Stderr = hostOut, hostErr
			_, plan, err := runScript(ctx, backend, o, lang, s, hostErr)
			if planFile != "" {
				mu.Lock()
				plans[h.Name] = planJSON(plan)
				mu.Unlock()
			}
			return err
		})
	console.Close()
	code := exitOK
	if planFile != "" {
		if err := writePlan(planFile, plans); err != nil {
			fmt.Fprintf(stderr, "vertscript: %v\n", err)
			code = exitFailed
		}
	}
	if f.json {
		err = fleet.WriteJSON(stdout, results)
	} else {
		err = fleet.WriteTable(stderr, results)
	}
	if err != nil {
		fmt.Fprintf(stderr, "vertscript: writing the summary: %v\n", err)
		code = exitFailed
	}
	if ctx.Err() != nil {
		return exitInterrupt
	}
	if n := fleet.Counts(results); n[fleet.StatusOK] != len(results) {
		code = exitFailed
	}
	return code
}
