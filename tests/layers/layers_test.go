// Package layers checks the layers' imports (go list -deps): the host
// package, vertscript's core, knows no script language and no cgo; the
// language bindings know no libvirt backend; neither binding knows the
// other. A change that crosses a layer fails here, not in a review.
package layers

import (
	"bytes"
	"encoding/json"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// pkg is what go list -json tells of a package.
type pkg struct {
	ImportPath string
	Standard   bool
	CgoFiles   []string
	Imports    []string
}

// deps returns the packages that path depends on, itself included (test
// files not counted), by import path.
func deps(t *testing.T, path string) map[string]pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-json", path)
	cmd.Dir = "../.."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v\n%s", path, err, stderr.String())
	}
	all := map[string]pkg{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		all[p.ImportPath] = p
	}
	if _, ok := all[path]; !ok {
		t.Fatalf("go list -deps %s does not list %s itself", path, path)
	}
	return all
}

// Import path prefixes.
const (
	starlarkInterp = "go.starlark.net"
	luaInterp      = "github.com/yuin/gopher-lua"
	libvirtGo      = "libvirt.org"
	cgoBackend     = "github.com/vertscript/vertscript/host/cgobackend"
	starlarkBind   = "github.com/vertscript/vertscript/bindings/starlark"
	luaBind        = "github.com/vertscript/vertscript/bindings/lua"
)

// under reports whether path is prefix or below it.
func under(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

func TestLayers(t *testing.T) {
	tests := []struct {
		pkg       string
		forbidden []string
		noCgo     bool // no package of the module it depends on has cgo files, and runtime/cgo is not linked
	}{
		{"github.com/vertscript/vertscript/host", []string{starlarkInterp, luaInterp, libvirtGo, cgoBackend, starlarkBind, luaBind}, true},
		{"github.com/vertscript/vertscript/host/xmltree", []string{starlarkInterp, luaInterp, libvirtGo, cgoBackend, starlarkBind, luaBind}, true},
		{starlarkBind, []string{libvirtGo, cgoBackend, luaInterp, luaBind}, true},
		{luaBind, []string{libvirtGo, cgoBackend, starlarkInterp, starlarkBind}, true},
		{cgoBackend, []string{starlarkInterp, luaInterp, starlarkBind, luaBind}, false},
		// The fleet engine knows neither libvirt nor the languages.
		{"github.com/vertscript/vertscript/fleet", []string{"github.com/vertscript/vertscript/host", "github.com/vertscript/vertscript/cmd", starlarkInterp, luaInterp, libvirtGo, cgoBackend, starlarkBind, luaBind}, true},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			all := deps(t, tt.pkg)
			for path, p := range all {
				for _, f := range tt.forbidden {
					if under(path, f) {
						t.Errorf("%s depends on %s (%s), which its layer must not", tt.pkg, path, importers(all, path))
					}
				}
				if tt.noCgo && (path == "runtime/cgo" || !p.Standard && len(p.CgoFiles) > 0) {
					t.Errorf("%s depends on %s, which uses cgo (%s)", tt.pkg, path, importers(all, path))
				}
			}
		})
	}
}

// TestAdapterPackagesStandAlone: the packages the Starlark adapter is made
// of (the XML modules, the guards, the Python dialect's syntax, runtime,
// builtins and modules) know the budget and the core, not the adapter that
// wires them in, nor Lua or a backend.
func TestAdapterPackagesStandAlone(t *testing.T) {
	for _, name := range []string{"xmlmod", "guard", "budget", "pyerr", "pysyntax", "pyrun", "pybuiltin", "pylibxml2"} {
		p := starlarkBind + "/" + name
		all := deps(t, p)
		for path := range all {
			if path == starlarkBind || under(path, luaInterp) || under(path, luaBind) || under(path, libvirtGo) || under(path, cgoBackend) {
				t.Errorf("%s depends on %s (%s)", p, path, importers(all, path))
			}
		}
	}
}

// importers names the packages in all that import path.
func importers(all map[string]pkg, path string) string {
	var by []string
	for _, p := range all {
		for _, imp := range p.Imports {
			if imp == path {
				by = append(by, p.ImportPath)
			}
		}
	}
	if len(by) == 0 {
		return "linked by the toolchain"
	}
	slices.Sort(by)
	return "imported by " + strings.Join(by, ", ")
}
