package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// runTimeout bounds one child process, so that a hung run fails the
// benchmark instead of stalling it.
const runTimeout = 3 * time.Minute

// sample is one child process's measurements.
type sample struct {
	secs float64 // wall time from start to exit
	rss  float64 // peak resident set size (ru_maxrss), in bytes
}

// runOnce runs argv with LIBVIRT_DEFAULT_URI set to uri (when not empty)
// and returns its measurements and its stdout; a nonzero exit is an error
// carrying the child's stderr.
func runOnce(argv []string, uri string) (sample, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = os.Environ()
	if uri != "" {
		cmd.Env = append(cmd.Env, "LIBVIRT_DEFAULT_URI="+uri)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if err != nil {
		return sample{}, "", fmt.Errorf("%s: %v: %s", strings.Join(argv, " "), err, strings.TrimSpace(stderr.String()))
	}
	var rss float64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = float64(ru.Maxrss) * 1024 // Linux reports KiB
	}
	return sample{secs: elapsed.Seconds(), rss: rss}, stdout.String(), nil
}

// firstDifference describes where got and want first differ, by line.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d: got %q, want %q", i+1, gl, wl)
		}
	}
	return "no difference"
}
