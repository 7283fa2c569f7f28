package lua_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestAgainstLua51 runs each testdata/lua51/*.lua script, which uses only
// Lua 5.1's own library, with vertscript and with the reference Lua 5.1
// interpreter (Debian's lua5.1, which make test installs), and compares
// what they print.
func TestAgainstLua51(t *testing.T) {
	lua51, err := exec.LookPath("lua5.1")
	if err != nil {
		t.Fatal("lua5.1 is not installed: make test installs it (apt-get install lua5.1)")
	}
	files, err := filepath.Glob("testdata/lua51/*.lua")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts in testdata/lua51: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := exec.Command(lua51, file).CombinedOutput()
			if err != nil {
				t.Fatalf("lua5.1 %s: %v\n%s", file, err, want)
			}
			got, errMsg := run(t, context.Background(), file, string(src))
			if errMsg != "" || got != string(want) {
				t.Errorf("vertscript printed %q (error %q)\nlua5.1 printed %q", got, errMsg, want)
			}
		})
	}
}
