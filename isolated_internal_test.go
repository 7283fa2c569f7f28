package vertscript

import (
	"context"
	"errors"
	"os/exec"
	"testing"
	"time"
)

// The parent's hard bound holds whatever the child does: a process that
// grows past Limits.MaxMemory plus ChildBaseline is killed, however it
// allocates (here a program that is no vertscript at all).
func TestWatchChildKillsPastTheBound(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	cmd := exec.Command(python, "-c", "import time\nb = bytearray(300 << 20)\nfor i in range(0, len(b), 4096): b[i] = 1\ntime.sleep(30)")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	in := &Interpreter{limits: Limits{MaxMemory: 32 << 20, Timeout: time.Minute}}
	start := time.Now()
	err = in.watchChild(context.Background(), cmd.Process, waited)
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != "max-memory" {
		t.Fatalf("got %v after %s, want a max-memory *LimitError", err, time.Since(start))
	}
	if time.Since(start) > 20*time.Second {
		t.Errorf("killed after %s", time.Since(start))
	}
}
