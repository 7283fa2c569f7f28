package host_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

func TestReadFileStaysInAllowedDirectories(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	allowed := filepath.Join(dir, "allowed")
	os.Mkdir(allowed, 0o755)
	os.WriteFile(filepath.Join(allowed, "dom.xml"), []byte("<domain/>"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret"), []byte("hunter2"), 0o644)
	os.Symlink(filepath.Join(dir, "secret"), filepath.Join(allowed, "link"))
	os.Symlink(filepath.Join(allowed, "dom.xml"), filepath.Join(dir, "inward"))

	s := host.NewSession(cgobackend.New(), host.Options{Policy: host.Policy{AllowRead: []string{allowed}}})
	defer s.Close()
	tests := []struct{ path, want string }{
		{filepath.Join(allowed, "dom.xml"), ""},
		{filepath.Join(dir, "inward"), ""}, // a link from outside to a file inside
		{filepath.Join(allowed, "missing"), "read_file: open " + filepath.Join(allowed, "missing") + ": no such file or directory"},
		{filepath.Join(dir, "secret"), "read_file: refused by policy: " + filepath.Join(dir, "secret") + " is outside the readable directories"},
		{allowed + "/../secret", "read_file: refused by policy: " + allowed + "/../secret" + " (" + filepath.Join(dir, "secret") + ") is outside"},
		{filepath.Join(allowed, "link"), "read_file: refused by policy: " + filepath.Join(allowed, "link") + " (" + filepath.Join(dir, "secret") + ") is outside"},
		{"/etc/passwd", "read_file: refused by policy: /etc/passwd is outside"},
	}
	for _, tt := range tests {
		content, err := s.ReadFile(tt.path)
		switch {
		case tt.want == "" && (err != nil || content != "<domain/>"):
			t.Errorf("ReadFile(%s) = %q, %v", tt.path, content, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("ReadFile(%s): got %v, want an error beginning %q", tt.path, err, tt.want)
		case strings.Contains(content, "hunter2"):
			t.Errorf("ReadFile(%s) read the secret", tt.path)
		}
	}
}

// TestURIsNamingLocalFiles: libvirt reads test:///PATH itself and echoes
// its content in errors, so such URIs obey the readable directories.
func TestURIsNamingLocalFiles(t *testing.T) {
	t.Parallel()
	node, _ := filepath.Abs("testdata/node.xml")
	s := host.NewSession(cgobackend.New(), host.Options{Policy: host.Policy{AllowRead: []string{filepath.Dir(node)}}})
	defer s.Close()
	tests := []struct{ uri, want string }{
		{"test://" + node, ""},
		{"test:///default", ""},
		{"test:///etc/passwd", `libvirt.open: refused by policy: URI "test:///etc/passwd" names a local file: /etc/passwd is outside the readable directories`},
		{"qemu:///system?socket=/run/other.sock", `libvirt.open: refused by policy: URI "qemu:///system?socket=/run/other.sock" has the parameter socket=, which is refused: it names a local file`},
		{"qemu+ext:///system?command=/bin/sh", `libvirt.open: refused by policy: URI "qemu+ext:///system?command=/bin/sh" uses the ext transport, which runs a local program`},
		{"test+ext:///default?no_tty=1;command=/bin/sh", `libvirt.open: refused by policy: URI "test+ext:///default?no_tty=1;command=/bin/sh" cannot be read exactly as libvirt reads it: ';' in the query`},
		{"qemu+unix:///system?no_tty=1;SOCKET=/run/other.sock", `libvirt.open: refused by policy: URI "qemu+unix:///system?no_tty=1;SOCKET=/run/other.sock" cannot be read exactly as libvirt reads it`},
		{"test:///nonexistent-dir/node.xml", `libvirt.open: refused by policy: URI "test:///nonexistent-dir/node.xml" names a local file: /nonexistent-dir/node.xml is outside`},
	}
	for _, tt := range tests {
		_, err := callErr(s, host.ClassModule, "open", nil, tt.uri)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("open(%s): %v", tt.uri, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("open(%s): got %v, want an error beginning %q", tt.uri, err, tt.want)
		}
	}
}
