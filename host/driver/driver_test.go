package driver

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// baseOnly implements the base and nothing else.
type baseOnly struct {
	ConnBase
	UnimplementedConnAreas
}

// TestUnimplementedCompletesABackend checks that the base plus the
// generated types is a whole connection and a whole domain, and that what
// is missing answers as libvirt does for a function a driver lacks.
func TestUnimplementedCompletesABackend(t *testing.T) {
	var c Conn = baseOnly{}
	var d Domain = struct {
		DomainBase
		UnimplementedDomainAreas
	}{}
	_, _, err := c.NodeGetCPUMap(0)
	e, ok := AsError(err)
	if !ok || e.Code != ErrNoSupport || e.Domain != FromNone || e.Level != ErrLevelError {
		t.Fatalf("NodeGetCPUMap: %v, want VIR_ERR_NO_SUPPORT", err)
	}
	if want := "this function is not supported by the connection driver: virNodeGetCPUMap"; e.Message != want {
		t.Errorf("message %q, want %q", e.Message, want)
	}
	if _, _, err := d.GetVcpus(); err == nil || err.Error() != "this function is not supported by the connection driver: virDomainGetVcpus" {
		t.Errorf("GetVcpus: %v", err)
	}
	var n Network = UnimplementedNetwork{}
	if _, err := n.GetBridgeName(); err == nil || err.Error() != "this function is not supported by the connection driver: virNetworkGetBridgeName" {
		t.Errorf("GetBridgeName: %v", err)
	}
}

// TestUnimplementedIsGenerated checks that unimplemented.gen.go is what the
// generator writes from the interfaces as they are.
func TestUnimplementedIsGenerated(t *testing.T) {
	out := filepath.Join(t.TempDir(), "u.go")
	cmd := exec.Command("go", "run", "./internal/genunimpl", "-o", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("genunimpl: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("unimplemented.gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, have) {
		t.Error("unimplemented.gen.go is stale: run go generate ./host/driver")
	}
}

func TestRegistry(t *testing.T) {
	if _, err := Open("nonesuch"); err == nil {
		t.Error("Open of an unregistered backend succeeded")
	}
}
