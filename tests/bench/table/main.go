// Command table measures whole vertscript processes against a floor and
// prints one comparison table; `make bench` runs it from the repository's
// root.
//
// Each workload is written four ways: a plain Go program calling
// libvirt.org/go/libvirt directly (the floor, ./floor), Starlark and Lua
// scripts run by vertscript, and a libvirt-python script run by
// /usr/bin/python3 with python3-libvirt (./scripts, and ex6 from
// scripts/examples). Rounds interleave the four in an order that rotates
// from round to round; each cell is the median over rounds and its ratio
// to the floor's median from the same run. A child that exits nonzero or
// prints the wrong output fails the run; a missed target does not.
//
// Usage (from the repository's root):
//
//	go run ./tests/bench/table [-out docs/benchmarks.md] [-fleet FILE|none] [-rounds N]
//
// -out regenerates the part of the file between <!-- bench:begin --> and
// <!-- bench:end --> (creating the file when missing); without it nothing is
// written. -fleet reads the output of the fleet benchmark
// (go test -bench . ./tests/bench/fleet/) from FILE instead of running it,
// or leaves its row out (none). -rounds overrides every workload's number
// of rounds, for a quick look.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// pythonPath is the interpreter with python3-libvirt, the reference.
const pythonPath = "/usr/bin/python3"

// nodeDomains is how many running domains loop100k's node holds.
const nodeDomains = 200

func main() {
	out := flag.String("out", "", "regenerate the marked part of this Markdown file (default: write nothing)")
	fleetFile := flag.String("fleet", "", "the fleet benchmark's output to read instead of running it; none leaves the row out")
	rounds := flag.Int("rounds", 0, "rounds per workload (default: each workload's own)")
	flag.Parse()
	if err := run(*out, *fleetFile, *rounds); err != nil {
		fmt.Fprintf(os.Stderr, "bench table: %v\n", err)
		os.Exit(1)
	}
}

func run(out, fleetFile string, rounds int) error {
	if rounds < 0 {
		return fmt.Errorf("-rounds %d: want 0 (each workload's own) or more", rounds)
	}
	if _, err := os.Stat("go.mod"); err != nil {
		return fmt.Errorf("run from the repository's root: %w", err)
	}
	tmp, err := os.MkdirTemp("", "vertscript-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	t, err := prepare(tmp)
	if err != nil {
		return err
	}
	nodePath := filepath.Join(tmp, "node.xml")
	if err := os.WriteFile(nodePath, []byte(nodeXML(nodeDomains)), 0o644); err != nil {
		return err
	}

	r := report{when: time.Now(), machine: describeMachine(t.python), python: t.python != ""}
	// The fleet's figure first: a file that holds none fails the run
	// before minutes of rounds, not after.
	if fleetFile != "none" {
		f, err := fleet(fleetFile)
		if err != nil {
			return err
		}
		r.fleet = &f
	}
	for _, w := range workloads("test://"+nodePath, tmp) {
		m, err := measure(t, w, rounds)
		if err != nil {
			return err
		}
		r.rows = append(r.rows, m)
	}

	md := r.markdown()
	fmt.Print(md)
	if out == "" {
		return nil
	}
	doc, err := os.ReadFile(out)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	newDoc, err := replaceMarked(string(doc), md)
	if err != nil {
		return fmt.Errorf("%s: %w", out, err)
	}
	if err := os.WriteFile(out, []byte(newDoc), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench table: wrote %s\n", out)
	return nil
}

// prepare builds vertscript and the floor into dir and finds python3 with
// python3-libvirt (tools.python is "" when it is missing).
func prepare(dir string) (tools, error) {
	t := tools{
		vertscript: filepath.Join(dir, "vertscript"),
		floor:      filepath.Join(dir, "floor"),
	}
	for pkg, bin := range map[string]string{"./cmd/vertscript": t.vertscript, "./tests/bench/table/floor": t.floor} {
		cmd := exec.Command(goTool(), "build", "-o", bin, pkg)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return t, fmt.Errorf("building %s: %w", pkg, err)
		}
	}
	if err := exec.Command(pythonPath, "-c", "import libvirt").Run(); err != nil {
		fmt.Fprintf(os.Stderr, "bench table: %s cannot import libvirt (%v): the python3-libvirt column reads n/a\n", pythonPath, err)
	} else {
		t.python = pythonPath
	}
	return t, nil
}

// fleet returns the fleet benchmark's result, read from file or, when file
// is "", from a run of its own.
func fleet(file string) (fleetResult, error) {
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return fleetResult{}, err
		}
		return parseFleet(string(b))
	}
	fmt.Fprintln(os.Stderr, "bench table: running the fleet benchmark")
	cmd := exec.Command(goTool(), "test", "-run", "^$", "-bench", ".", "-benchtime", "1x", "-count", "1", "./tests/bench/fleet/")
	b, err := cmd.CombinedOutput()
	if err != nil {
		return fleetResult{}, fmt.Errorf("the fleet benchmark: %v:\n%s", err, b)
	}
	return parseFleet(string(b))
}

// goTool is the go command: $GO when set (the Makefile's), else go.
func goTool() string {
	if g := os.Getenv("GO"); g != "" {
		return g
	}
	return "go"
}
