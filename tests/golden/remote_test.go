package golden

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// remoteSkips are the cases the remote backend does not run the same, and
// why. Each is a difference of the backend, stated in its coverage report
// (vertscript doc --coverage --backend remote), not of the scripts.
var remoteSkips = map[string]string{
	"api-host":    "opens test:///default in its own source, which only libvirt's client library serves in-process; setIdentity succeeds through a daemon",
	"api-minidom": "opens test:///default in its own source, which only libvirt's client library serves in-process",
	"api-connect": "getVersion asks for the local library's version, which the remote backend has not; callback IDs count a refused registration over a daemon (as python3-libvirt's do)",
	"api-stream":  "screenshot streams: go-libvirt returns the MIME type only after the whole image",
	"api-domain_stats": "the daemon drops getSecurityLabelList's error (libvirt's client says the same); " +
		"go-libvirt decodes one disk error at most",
}

// remoteRun maps a case's URIs onto loopback libvirtds: a fixture node
// (test:///PATH, private to each connection in libvirt's test driver) onto
// the daemon all cases share, test:///default (shared by every connection
// to one daemon) onto a daemon of the run's own, so that each run starts
// from the node's initial state as it does in-process.
type remoteRun struct {
	shared, own *libvirtdtest.Daemon
	scrubber    *regexp.Regexp
}

// uri rewrites every test:/// URI in s for the daemons.
func (r *remoteRun) uri(s string) string {
	s = strings.ReplaceAll(s, "test:///default", fmt.Sprintf("test+tcp://127.0.0.1:%d/default", r.own.Port))
	return strings.ReplaceAll(s, "test:///", fmt.Sprintf("test+tcp://127.0.0.1:%d/", r.shared.Port))
}

// scrub writes the daemons' URIs back as the in-process ones.
func (r *remoteRun) scrub(s string) string { return r.scrubber.ReplaceAllString(s, "test://") }

// TestGoldenRemote runs every case again with the binary built without cgo
// (the remote backend), against loopback libvirtds serving the same nodes,
// and compares with the same recorded files.
func TestGoldenRemote(t *testing.T) {
	if *update {
		t.Skip("the recorded files are the cgo backend's; the remote backend is compared with them")
	}
	shared := libvirtdtest.Start(t)
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if why, ok := remoteSkips[c.name]; ok {
				t.Skip(why)
			}
			scripts, exts := twins(c)
			for i, script := range scripts {
				t.Run(strings.TrimPrefix(exts[i], "."), func(t *testing.T) {
					r := &remoteRun{shared: shared, own: shared}
					if strings.Contains(strings.Join(append(append([]string{caseURI(c)}, c.flags...), c.args...), " "), "test:///default") {
						r.own = libvirtdtest.Start(t)
					}
					r.scrubber = regexp.MustCompile(fmt.Sprintf(`test\+tcp://127\.0\.0\.1:(%d|%d)`, r.shared.Port, r.own.Port))
					runCase(t, c, script, exts[i], pureBinary, r)
				})
			}
		})
	}
}

// TestPureBinaryMatchesPython runs ex6 with the binary built without cgo and
// with python3-libvirt, each against a fresh loopback libvirtd serving
// test:///default, and compares what they print.
func TestPureBinaryMatchesPython(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Skip("python3-libvirt, the reference, is not installed (make test installs it)")
	}
	run := func(name string, args ...string) string {
		d := libvirtdtest.Start(t)
		uri := fmt.Sprintf("test+tcp://127.0.0.1:%d/default", d.Port)
		cmd := exec.Command(name, args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "LIBVIRT_DEFAULT_URI="+uri, "LC_ALL=C")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, stderr.Bytes())
		}
		return string(out)
	}
	want := run(python, "scripts/examples/python/ex6.py")
	for _, script := range []string{"scripts/examples/ex6.star", "scripts/examples/ex6.lua", "scripts/examples/python/ex6.py"} {
		got := run(pureBinary, "--allow-uri", "test+tcp://127.0.0.1:*/default", script)
		if got != want || want == "" {
			t.Errorf("%s prints, without cgo:\n%s\npython3-libvirt prints:\n%s", script, got, want)
		}
	}
}
