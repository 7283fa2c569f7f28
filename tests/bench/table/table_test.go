package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"libvirt.org/go/libvirt"
)

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{5, 5, 1, 9, 5}, 5},
	} {
		in := append([]float64(nil), c.in...)
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
		for i := range in {
			if in[i] != c.in[i] {
				t.Errorf("median reordered its input: %v, was %v", c.in, in)
			}
		}
	}
}

func TestSpread(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{2, 2, 2, 2, 2}, 0},
		{[]float64{1, 2, 3, 4, 5}, 2.0 / 3}, // quartiles 2 and 4 around 3
		{[]float64{10, 9, 11, 10, 10}, 0},
	} {
		if got := spread(c.in); got != c.want {
			t.Errorf("spread(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestFormatting(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{cell(formatSeconds(0.702), ratio(0.702, 0.156)), "0.702 s (4.50×)"},
		{cell(formatSeconds(0.0234), ratio(0.0234, 0.0234)), "23.4 ms (1.00×)"},
		{cell(formatSeconds(3.1), ratio(3.1, 0.1)), "3.100 s (31.0×)"},
		{formatRatio(ratio(1, 0)), "n/a"},
		{formatMiB(38.5 * (1 << 20)), "38.5 MiB"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestReplaceMarked(t *testing.T) {
	doc := "# Title\nintro\n" + beginMarker + "\nold table\n" + endMarker + "\n## Account\nhand-written\n"
	got, err := replaceMarked(doc, "new table")
	if err != nil {
		t.Fatal(err)
	}
	want := "# Title\nintro\n" + beginMarker + "\nnew table\n" + endMarker + "\n## Account\nhand-written\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	again, err := replaceMarked(got, "new table\n")
	if err != nil || again != want {
		t.Errorf("a second run changed the file: %q, %v", again, err)
	}

	fresh, err := replaceMarked("", "gen")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fresh, beginMarker+"\ngen\n"+endMarker) || !strings.Contains(fresh, "## Account") {
		t.Errorf("a new file lacks the generated part or the account heading:\n%s", fresh)
	}

	for _, bad := range []string{
		"no markers",
		beginMarker + " only",
		endMarker + " before " + beginMarker,
		beginMarker + beginMarker + endMarker,
	} {
		if _, err := replaceMarked(bad, "x"); err == nil {
			t.Errorf("replaceMarked(%q) succeeded, want an error", bad)
		}
	}
}

func TestParseFleet(t *testing.T) {
	out := `goos: linux
BenchmarkFleetEx6Latency-2   	       1	 123 ns/op	        80.00 hosts/s-parallel	        15.20 x-sequential
BenchmarkFleetEx6Latency-2   	       1	 123 ns/op	        14.10 x-sequential
BenchmarkFleetEx6Latency-2   	       1	 123 ns/op	        15.90 x-sequential
BenchmarkFleetEx6Direct-2    	       1	 456 ns/op	       300.0 hosts/s
PASS
ok  	github.com/vertscript/vertscript/tests/bench/fleet	20.1s
`
	got, err := parseFleet(out)
	if err != nil {
		t.Fatal(err)
	}
	if got.xSequential != 15.2 || got.runs != 3 {
		t.Errorf("got %+v, want median 15.2 of 3", got)
	}
	for _, bad := range []string{"PASS\n", out + "--- FAIL: BenchmarkFleetEx6Latency\nFAIL\n"} {
		if _, err := parseFleet(bad); err == nil {
			t.Errorf("parseFleet(%q) succeeded, want an error", bad)
		}
	}
}

// TestNodeXML opens the generated node with libvirt's test driver and
// checks it holds nodeDomains running domains numbered 1 ... nodeDomains.
func TestNodeXML(t *testing.T) {
	path := filepath.Join(t.TempDir(), "node.xml")
	if err := os.WriteFile(path, []byte(nodeXML(nodeDomains)), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := libvirt.NewConnect("test://" + path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ids, err := c.ListDomains()
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != nodeDomains {
		t.Fatalf("%d running domains, want %d", len(ids), nodeDomains)
	}
	n, err := c.NumOfDefinedDomains()
	if err != nil || n != 0 {
		t.Errorf("%d shut-off domains (%v), want none", n, err)
	}
	slices.Sort(ids) // the driver lists them in its hash table's order
	for i, id := range ids {
		if id != uint32(i+1) {
			t.Fatalf("ids[%d] = %d, want %d", i, id, i+1)
		}
	}
}

// TestScriptsExist checks every workload's scripts are in the tree.
func TestScriptsExist(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	for _, w := range workloads("test:///x.xml", t.TempDir()) {
		for _, s := range []string{w.star, w.lua, w.py} {
			if _, err := os.Stat(filepath.Join(root, s)); err != nil {
				t.Errorf("%s: %v", w.name, err)
			}
		}
	}
}

// fakeTool writes an executable shell script into dir and returns its path.
func fakeTool(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestMeasureChecks runs measure on stand-in programs: it must collect a
// sample per implementation and round when all agree, and fail on a
// nonzero exit, on output where none is wanted, and on an implementation
// whose output differs from python3-libvirt's.
func TestMeasureChecks(t *testing.T) {
	dir := t.TempDir()
	good := fakeTool(t, dir, "good", "echo Dom test  State 1")
	silent := fakeTool(t, dir, "silent", "exit 0")
	other := fakeTool(t, dir, "other", "echo Dom test  State 3")
	fails := fakeTool(t, dir, "fails", "echo boom >&2; exit 1")
	printing := workload{name: "ex6", output: true, star: "s", lua: "l", py: "p"}
	quiet := workload{name: "name1m", star: "s", lua: "l", py: "p"}
	for _, c := range []struct {
		name    string
		tools   tools
		w       workload
		wantErr string
	}{
		{"all agree", tools{floor: good, vertscript: good, python: good}, printing, ""},
		{"no python", tools{floor: good, vertscript: good}, printing, ""},
		{"quiet", tools{floor: silent, vertscript: silent, python: silent}, quiet, ""},
		{"differs", tools{floor: good, vertscript: other, python: good}, printing, "differs from python3-libvirt's"},
		{"prints nothing", tools{floor: good, vertscript: silent, python: good}, printing, "printed nothing"},
		{"prints", tools{floor: silent, vertscript: good, python: silent}, quiet, "want nothing"},
		{"exit status", tools{floor: silent, vertscript: fails, python: silent}, quiet, "boom"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := measure(c.tools, c.w, 3)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one mentioning %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for impl := range nImpls {
				want := 3
				if impl == implPython && c.tools.python == "" {
					want = 0
				}
				if got := len(m.samples[impl]); got != want {
					t.Errorf("%s: %d samples, want %d", implNames[impl], got, want)
				}
			}
			if m.medianSecs(implFloor) <= 0 || m.medianRSS(implFloor) <= 0 {
				t.Errorf("floor: median %v s, %v B: want both positive", m.medianSecs(implFloor), m.medianRSS(implFloor))
			}
		})
	}
}

// TestRunRefusesNegativeRounds: -rounds below 0 is refused before anything
// is built or run, not read as the workloads' own counts.
func TestRunRefusesNegativeRounds(t *testing.T) {
	err := run("", "none", -1)
	if err == nil || !strings.Contains(err.Error(), "-rounds -1") {
		t.Errorf("run with -rounds -1: %v, want it refused", err)
	}
}
