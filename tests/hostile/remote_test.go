package hostile

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// remoteHostileSkips are the cases the remote backend cannot run the same,
// and why. Each is a difference of the transport (a function the remote
// backend lacks, a driver only libvirt's client library serves in-process,
// a message libvirt words differently over a daemon), never of the
// sandbox: a policy refusal, a limit, a dry run or an audit that differs is
// a bug, not a skip.
var remoteHostileSkips = map[string]string{}

var (
	pureOnce   sync.Once
	pureBinary string // vertscript built with CGO_ENABLED=0: the remote backend only
	pureErr    error
)

// buildPure builds the binary without cgo once, or takes
// VERTSCRIPT_PURE_BINARY when it is set.
func buildPure() (string, error) {
	pureOnce.Do(func() {
		if pureBinary = os.Getenv("VERTSCRIPT_PURE_BINARY"); pureBinary != "" {
			return
		}
		pureBinary = filepath.Join(buildDir, "vertscript-pure")
		build := exec.Command("go", "build", "-o", pureBinary, "github.com/vertscript/vertscript/cmd/vertscript")
		build.Dir = root
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := build.CombinedOutput(); err != nil {
			pureErr = fmt.Errorf("go build (CGO_ENABLED=0): %v\n%s", err, out)
		}
	})
	return pureBinary, pureErr
}

// remoteTransport maps a case's test-driver URIs onto loopback libvirtds:
// a fixture node (test:///PATH, private to each connection in libvirt's
// test driver) onto the daemon all cases share, test:///default (shared by
// every connection to one daemon) onto a daemon of the case's own, so that
// each run starts from the node's initial state as it does in-process. The
// outputs have the daemons' URIs written back as test://.
func remoteTransport(bin string, shared, own *libvirtdtest.Daemon) transport {
	scrubber := regexp.MustCompile(fmt.Sprintf(`test\+tcp://127\.0\.0\.1:(%d|%d)`, shared.Port, own.Port))
	return transport{
		binary: bin,
		uri: func(s string) string {
			s = strings.ReplaceAll(s, "test:///default", fmt.Sprintf("test+tcp://127.0.0.1:%d/default", own.Port))
			return strings.ReplaceAll(s, "test:///", fmt.Sprintf("test+tcp://127.0.0.1:%d/", shared.Port))
		},
		scrub: func(s string) string { return scrubber.ReplaceAllString(s, "test://") },
	}
}

// TestHostileRemote runs every case again with the binary built without cgo
// (the remote backend), its $NODE and test:/// URIs served by loopback
// libvirtds, and holds it to the same expectations.
func TestHostileRemote(t *testing.T) {
	bin, err := buildPure()
	if err != nil {
		t.Fatal(err)
	}
	shared := libvirtdtest.Start(t)
	eachCase(t, func(t *testing.T, c *hostileCase) {
		if why, ok := remoteHostileSkips[c.name]; ok {
			t.Skip(why)
		}
		own := shared
		all := strings.Join(append(append(append([]string{c.uri}, c.flags...), c.args...), c.env...), " ")
		if strings.Contains(all, "test:///default") {
			own = libvirtdtest.Start(t)
		}
		c.run(t, remoteTransport(bin, shared, own))
	})
}
