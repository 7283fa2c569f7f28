package host_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// TestDefaultReadDirsDropSystemDirectories: the script's directory and the
// current directory are readable by default unless they are /, a system
// or home directory or an ancestor of one, or inside /etc, /proc, ...
func TestDefaultReadDirsDropSystemDirectories(t *testing.T) {
	tmp := t.TempDir()
	toRoot := filepath.Join(tmp, "to-root")
	toEtc := filepath.Join(tmp, "to-etc")
	os.Symlink("/", toRoot)
	os.Symlink("/etc", toEtc)
	home, _ := os.UserHomeDir()
	dropped := []string{
		"/", "/etc", "/etc/libvirt", "/etc/pki/libvirt/private", "/usr", "/usr/bin", "/usr/local",
		"/usr/local/bin", "/usr/share", "/bin", "/sbin", "/lib", "/root", "/home", "/home/alice",
		"/var", "/var/lib", "/var/lib/libvirt", "/var/log", "/var/tmp", "/tmp", "/proc",
		"/proc/self", "/proc/1/cwd", "/sys", "/sys/kernel", "/dev", "/dev/shm", "/boot",
		"/run", "/run/secrets", "/opt", "/srv", "/mnt",
		"/etc/../etc", // cleaned
		toRoot, toEtc, // symlinks resolved
	}
	if home != "" {
		dropped = append(dropped, home)
	}
	kept := []string{tmp, "/home/alice/runbooks", "/opt/runbooks", "/srv/vm-templates", "/tmp/job", "/var/lib/vertscript-jobs/x"}
	t.Chdir(tmp)
	for _, d := range dropped {
		dirs, got := host.DefaultReadDirs(filepath.Join(d, "x.star"))
		if want := []string{filepath.Clean(d)}; !slices.Equal(dirs, []string{tmp}) || !slices.Equal(got, want) {
			t.Errorf("script in %s: readable %q, dropped %q; want readable %q, dropped %q", d, dirs, got, []string{tmp}, want)
		}
	}
	for _, d := range kept {
		dirs, got := host.DefaultReadDirs(filepath.Join(d, "x.star"))
		want := []string{d}
		if d != tmp {
			want = append(want, tmp)
		}
		if !slices.Equal(dirs, want) || got != nil {
			t.Errorf("script in %s: readable %q, dropped %q; want readable %q", d, dirs, got, want)
		}
	}
	// The current directory too; and with both dropped, the list is empty
	// but not nil (nil would allow every file).
	t.Chdir("/")
	dirs, got := host.DefaultReadDirs("/etc/x.star")
	if dirs == nil || len(dirs) != 0 || !slices.Equal(got, []string{"/etc", "/"}) {
		t.Errorf("script in /etc, current directory /: readable %#v, dropped %q; want none ([]string{}), /etc and /", dirs, got)
	}
}

// TestDefaultReadDirsFromRoot: a program embedding vertscript, started with
// the current directory /, gives a script the default readable directories:
// the script's own, not /; /etc/passwd stays unreadable, by read_file and
// by a URI naming it.
func TestDefaultReadDirsFromRoot(t *testing.T) {
	tmp := t.TempDir()
	script := filepath.Join(tmp, "job.star")
	os.WriteFile(filepath.Join(tmp, "dom.xml"), []byte("<domain/>"), 0o644)
	t.Chdir("/")
	dirs, _ := host.DefaultReadDirs(script)
	s := host.NewSession(cgobackend.New(), host.Options{Policy: host.Policy{AllowRead: dirs}})
	defer s.Close()
	for _, p := range []string{"/etc/passwd", "etc/passwd", "proc/self/environ"} {
		if b, err := s.ReadFile(p); err == nil || !strings.Contains(err.Error(), "refused by policy") {
			t.Errorf("ReadFile(%s) = %.20q, %v; want a refusal", p, b, err)
		}
	}
	if b, err := s.ReadFile(filepath.Join(tmp, "dom.xml")); err != nil || b != "<domain/>" {
		t.Errorf("the script's directory: ReadFile = %q, %v", b, err)
	}
}
