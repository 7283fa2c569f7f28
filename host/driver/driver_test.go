package driver

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
	if !ok || e.Code != ErrNoSupport || e.Domain != FromNone || e.Level != ErrError {
		t.Fatalf("NodeGetCPUMap: %v, want VIR_ERR_NO_SUPPORT", err)
	}
	if want := "this function is not supported by the connection driver: virNodeGetCPUMap"; e.Message != want {
		t.Errorf("message %q, want %q", e.Message, want)
	}
	if _, _, err := d.GetVcpus(8); err == nil || err.Error() != "this function is not supported by the connection driver: virDomainGetVcpus" {
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

// probed declares two connection functions and leaves the rest.
type probed struct {
	UnimplementedConnHost
}

func (*probed) NodeGetCPUMap(uint32) ([]bool, uint, error) {
	panic("declared methods are never called")
}
func (*probed) ProbeObjects() []any                    { return []any{&probed{}} }
func (*probed) GetVersion() (uint64, error)            { return 0, nil }
func (*probed) Initialize() error                      { return nil }
func (*probed) ConnectOpen(string, bool) (Conn, error) { return nil, nil }

func TestUnsupported(t *testing.T) {
	got := Unsupported(&probed{})
	if len(got) == 0 || slices.Contains(got, "virNodeGetCPUMap") || !slices.Contains(got, "virNodeGetInfo") && !slices.Contains(got, "virNodeGetCellsFreeMemory") {
		t.Errorf("Unsupported: %v", got)
	}
	if got := Unsupported(struct{ Backend }{}); got != nil {
		t.Errorf("a backend without ProbeObjects: %v, want nil", got)
	}
}
