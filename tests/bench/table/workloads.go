package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// The implementations, in the table's column order.
const (
	implFloor = iota
	implStarlark
	implLua
	implPython
	nImpls
)

// implNames are the columns' headings.
var implNames = [nImpls]string{"floor (Go)", "Starlark", "Lua", "python3-libvirt"}

// workload is one row of the table: the same work written four ways.
type workload struct {
	name   string // the row's name and the floor's -mode
	desc   string // what it does, for the table
	rounds int    // how many interleaved rounds to run
	uri    string // LIBVIRT_DEFAULT_URI for every child
	star   string // the scripts, relative to the repository's root
	lua    string
	py     string
	// output is true when the workload prints (ex6): every
	// implementation's stdout must then equal the reference's; otherwise
	// stdout must be empty.
	output bool
	// readDir is a directory vertscript must be allowed to read (the
	// fixture of a test:///PATH URI), or "".
	readDir string
}

// workloads returns the table's timed rows; nodeURI is the 200-domain
// fixture's URI, nodeDir its directory.
func workloads(nodeURI, nodeDir string) []workload {
	s := func(name string) string { return filepath.Join("tests", "bench", "table", "scripts", name) }
	return []workload{
		{name: "name1m", desc: "lookupByID(1), then 1,000,000 × name()", rounds: 21,
			star: s("name1m.star"), lua: s("name1m.lua"), py: s("name1m.py")},
		{name: "loop100k", desc: "100,000 × listDomainsID, lookupByID, info, name (200 domains)", rounds: 15,
			uri: nodeURI, readDir: nodeDir,
			star: s("loop100k.star"), lua: s("loop100k.lua"), py: s("loop100k.py")},
		{name: "ex6", desc: "scripts/examples/ex6 on test:///default", rounds: 61, uri: "test:///default",
			star:   filepath.Join("scripts", "examples", "ex6.star"),
			lua:    filepath.Join("scripts", "examples", "ex6.lua"),
			py:     filepath.Join("scripts", "examples", "python", "ex6.py"),
			output: true},
		{name: "startup", desc: "open and close test:///default", rounds: 61,
			star: s("startup.star"), lua: s("startup.lua"), py: s("startup.py")},
	}
}

// tools are the programs the implementations run.
type tools struct {
	floor      string // the floor program
	vertscript string
	python     string // "" when python3-libvirt is not available
}

// argv returns the command line of implementation impl for w, or nil when
// it is not available.
func (t tools) argv(impl int, w workload) []string {
	vs := func(script string) []string {
		a := []string{t.vertscript}
		if w.readDir != "" {
			a = append(a, "--allow-read", w.readDir)
		}
		return append(a, script)
	}
	switch impl {
	case implFloor:
		return []string{t.floor, "-mode", w.name}
	case implStarlark:
		return vs(w.star)
	case implLua:
		return vs(w.lua)
	case implPython:
		if t.python == "" {
			return nil
		}
		return []string{t.python, w.py}
	}
	panic(fmt.Sprintf("no implementation %d", impl))
}

// measured is a workload's samples per implementation.
type measured struct {
	w       workload
	samples [nImpls][]sample
}

// medianSecs and medianRSS return implementation impl's medians, 0 when
// it did not run.
func (m measured) medianSecs(impl int) float64 {
	return medianOf(m.samples[impl], func(s sample) float64 { return s.secs })
}
func (m measured) medianRSS(impl int) float64 {
	return medianOf(m.samples[impl], func(s sample) float64 { return s.rss })
}

func medianOf(ss []sample, f func(sample) float64) float64 {
	xs := make([]float64, len(ss))
	for i, s := range ss {
		xs[i] = f(s)
	}
	return median(xs)
}

// measure runs w's rounds, each running every available implementation
// once in an order that rotates from round to round, and checks each
// child's exit status and stdout. rounds > 0 overrides w.rounds.
func measure(t tools, w workload, rounds int) (measured, error) {
	if rounds <= 0 {
		rounds = w.rounds
	}
	fmt.Fprintf(os.Stderr, "bench table: %s, %d rounds\n", w.name, rounds)
	m := measured{w: w}
	var reference string
	refImpl := implPython
	if t.python == "" {
		refImpl = implFloor
	}
	outputs := [nImpls]string{}
	for r := range rounds {
		for k := range nImpls {
			impl := (r + k) % nImpls
			argv := t.argv(impl, w)
			if argv == nil {
				continue
			}
			s, out, err := runOnce(argv, w.uri)
			if err != nil {
				return m, fmt.Errorf("%s, %s: %w", w.name, implNames[impl], err)
			}
			if !w.output && out != "" {
				return m, fmt.Errorf("%s, %s: printed %q, want nothing", w.name, implNames[impl], out)
			}
			if w.output && out == "" {
				return m, fmt.Errorf("%s, %s: printed nothing", w.name, implNames[impl])
			}
			if outputs[impl] != "" && out != outputs[impl] {
				return m, fmt.Errorf("%s, %s: output changed between rounds: %s", w.name, implNames[impl], firstDifference(out, outputs[impl]))
			}
			outputs[impl] = out
			m.samples[impl] = append(m.samples[impl], s)
		}
	}
	if w.output {
		reference = outputs[refImpl]
		for impl, out := range outputs {
			if t.argv(impl, w) != nil && out != reference {
				return m, fmt.Errorf("%s: %s's output differs from %s's: %s", w.name, implNames[impl], implNames[refImpl], firstDifference(out, reference))
			}
		}
	}
	return m, nil
}
