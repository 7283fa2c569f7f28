package lua_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/bindings/lua"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// TestRequireObeysReadableDirectories: a module that is a symlink to a file
// outside the readable directories is refused, not run.
func TestRequireObeysReadableDirectories(t *testing.T) {
	dir := t.TempDir()
	scripts := filepath.Join(dir, "scripts")
	os.Mkdir(scripts, 0o755)
	os.WriteFile(filepath.Join(dir, "outside.lua"), []byte(`print("outside ran")`), 0o644)
	os.Symlink(filepath.Join(dir, "outside.lua"), filepath.Join(scripts, "mod.lua"))
	main := filepath.Join(scripts, "main.lua")
	s := host.NewSession(cgobackend.New(), host.Options{Policy: host.Policy{AllowRead: []string{scripts}}})
	defer s.Close()
	var out bytes.Buffer
	err := lua.New().Run(context.Background(), s, host.Script{Path: main, Src: []byte(`require("mod")`), Args: []string{main}, Stdout: &out, Stderr: &out})
	want := main + ":1: require: refused by policy: " + filepath.Join(scripts, "mod.lua") + " (" + filepath.Join(dir, "outside.lua") + ") is outside the readable directories"
	if err == nil || !strings.HasPrefix(err.Error(), want) || out.Len() != 0 {
		t.Errorf("got %v, output %q; want an error beginning %q", err, out.String(), want)
	}
}
