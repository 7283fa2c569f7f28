// Package fleet measures runs on many hosts at once: how much faster
// vertscript's fleet runs ex6 on 16 hosts behind a 10ms link at parallel
// 16 than one host after another, how many hosts a second it runs, and
// what a host's run costs in memory. Run with `make bench`.
package fleet

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vertscript/vertscript"
	"github.com/vertscript/vertscript/fleet"
	"github.com/vertscript/vertscript/internal/delayproxy"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

const (
	nHosts = 16
	// linkDelay is each direction's latency between the control machine
	// and a host: a round trip is 20ms, a host in another region.
	linkDelay = 10 * time.Millisecond
)

// ex6 is the seed's ex6, which the benchmarks run as a dry run: its reads
// are made, its suspend, resume and destroy recorded, so every run finds
// the daemons as the first did.
func ex6(b *testing.B) []byte {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "scripts", "examples", "ex6.star"))
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// startHosts starts nHosts libvirtds, each behind a proxy delaying by
// delay when delay > 0, and returns them as a fleet.
func startHosts(b *testing.B, delay time.Duration) []fleet.Host {
	var hosts []fleet.Host
	for i := range nHosts {
		d := libvirtdtest.Start(b)
		port := d.Port
		if delay > 0 {
			p, err := delayproxy.Start(fmt.Sprint("127.0.0.1:", d.Port), delay)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { p.Close() })
			port = p.Port()
		}
		hosts = append(hosts, fleet.Host{URI: fmt.Sprintf("test+tcp://127.0.0.1:%d/default", port), Name: fmt.Sprint("host", i+1)})
	}
	return hosts
}

// runFleet runs ex6 on hosts, parallel at once, and fails b unless every
// host succeeded.
func runFleet(b *testing.B, in *vertscript.Interpreter, hosts []fleet.Host, parallel int, src []byte) time.Duration {
	start := time.Now()
	results := in.RunHosts(context.Background(), hosts, fleet.Options{Parallel: parallel}, "ex6.star", src, nil)
	elapsed := time.Since(start)
	for _, r := range results {
		if r.Status != fleet.StatusOK || len(r.Plan) != 3 {
			b.Fatalf("%s: %s %v, plan of %d calls", r.Host.Name, r.Status, r.Err, len(r.Plan))
		}
	}
	return elapsed
}

func interpreter(b *testing.B) *vertscript.Interpreter {
	in, err := vertscript.New(vertscript.Options{ReadWrite: true, DryRun: true})
	if err != nil {
		b.Fatal(err)
	}
	return in
}

// BenchmarkFleetEx6Latency runs ex6 on 16 hosts, each a libvirtd behind a
// 10ms link, one after another and then 16 at once, and reports how much
// faster the parallel run is (x-sequential, the sequential time over the
// parallel one), and the hosts per second of each.
func BenchmarkFleetEx6Latency(b *testing.B) {
	hosts := startHosts(b, linkDelay)
	in, src := interpreter(b), ex6(b)
	runFleet(b, in, hosts, nHosts, src) // warm up: libvirt's event loop, first connections
	var seq, par time.Duration
	b.ResetTimer()
	for range b.N {
		seq += runFleet(b, in, hosts, 1, src)
		par += runFleet(b, in, hosts, nHosts, src)
	}
	ratio := float64(seq) / float64(par)
	b.ReportMetric(ratio, "x-sequential")
	if ratio < 10 {
		// 16 hosts whose time is the link's: 16 at once must come
		// close to 16 times faster.
		b.Errorf("parallel 16 is %.1fx as fast as one host after another, want 10x or more", ratio)
	}
	b.ReportMetric(float64(nHosts*b.N)/par.Seconds(), "hosts/s-parallel")
	b.ReportMetric(float64(nHosts*b.N)/seq.Seconds(), "hosts/s-sequential")
}

// BenchmarkFleetEx6Direct runs ex6 on 16 loopback libvirtds without added
// latency, 16 at once: what the control machine itself sustains (hosts/s),
// and what a host's run costs it: the bytes it allocates (B-alloc/host)
// and the resident memory the run adds at its peak, divided among the
// hosts running at once (B-rss/host).
func BenchmarkFleetEx6Direct(b *testing.B) {
	hosts := startHosts(b, 0)
	in, src := interpreter(b), ex6(b)
	runFleet(b, in, hosts, nHosts, src)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var elapsed time.Duration
	var peak uint64
	b.ResetTimer()
	for range b.N {
		base := residentBytes(b)
		stop, done := make(chan struct{}), make(chan uint64)
		go sampleRSS(b, stop, done)
		elapsed += runFleet(b, in, hosts, nHosts, src)
		close(stop)
		if p := <-done; p > base {
			peak = max(peak, p-base)
		}
	}
	b.StopTimer()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(nHosts*b.N)/elapsed.Seconds(), "hosts/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(nHosts*b.N), "B-alloc/host")
	b.ReportMetric(float64(peak)/nHosts, "B-rss/host")
}

// sampleRSS reports on done the largest resident size seen until stop.
func sampleRSS(b *testing.B, stop <-chan struct{}, done chan<- uint64) {
	var most uint64
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for {
		most = max(most, residentBytes(b))
		select {
		case <-stop:
			done <- max(most, residentBytes(b))
			return
		case <-tick.C:
		}
	}
}

var statusMu sync.Mutex

// residentBytes is the process's resident memory (VmRSS).
func residentBytes(b *testing.B) uint64 {
	statusMu.Lock()
	defer statusMu.Unlock()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
