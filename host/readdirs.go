package host

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultReadDirs returns the directories that a script at the path script
// may read by default, for Policy.AllowRead: the script's directory and the
// current directory, made absolute, except those that are system or home
// directories, which it returns in dropped (the caller says so, and an
// --allow-read naming one is the operator's explicit choice). dirs is
// never nil, even when every default is dropped, since a nil AllowRead
// allows every file.
//
// A directory is dropped when it, as given or with its symlinks resolved,
// is / or a directory holding system files or credentials (/etc, /usr/bin,
// /root, /home, /var/lib, /tmp, ...) or an ancestor of one (/usr, /var),
// a home directory (/home/NAME, $HOME), or anywhere inside /etc, /proc,
// /sys, /dev, /boot or /run. So a service started with the current
// directory / cannot read /etc/passwd by default, nor a script in /tmp the
// other users' files there; a subdirectory such as /home/NAME/runbooks or
// /tmp/job stays readable.
func DefaultReadDirs(script string) (dirs, dropped []string) {
	dirs = []string{}
	for _, d := range []string{filepath.Dir(script), "."} {
		abs, err := filepath.Abs(d)
		if err != nil || slices.Contains(dirs, abs) || slices.Contains(dropped, abs) {
			continue
		}
		if systemDir(abs) {
			dropped = append(dropped, abs)
		} else {
			dirs = append(dirs, abs)
		}
	}
	return dirs, dropped
}

// systemDirs are the directories that DefaultReadDirs drops, with their
// ancestors: they hold system files, other users' files or credentials.
var systemDirs = []string{
	"/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32",
	"/lost+found", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin",
	"/snap", "/srv", "/sys", "/tmp",
	"/usr/bin", "/usr/etc", "/usr/lib", "/usr/lib32", "/usr/lib64", "/usr/libexec",
	"/usr/local/bin", "/usr/local/etc", "/usr/local/lib", "/usr/local/sbin",
	"/usr/local/share", "/usr/sbin", "/usr/share", "/usr/src",
	"/var/backups", "/var/cache", "/var/lib", "/var/lib/libvirt", "/var/local", "/var/log", "/var/mail",
	"/var/opt", "/var/run", "/var/spool", "/var/tmp",
}

// systemTrees are the directories that DefaultReadDirs drops with all
// that is inside them: configuration, kernel and device files.
var systemTrees = []string{"/boot", "/dev", "/etc", "/proc", "/run", "/sys"}

// systemDir reports whether DefaultReadDirs drops dir, an absolute path.
func systemDir(dir string) bool {
	forms := []string{filepath.Clean(dir)}
	if real, err := filepath.EvalSymlinks(dir); err == nil && real != forms[0] {
		forms = append(forms, real)
	}
	system := slices.Clone(systemDirs)
	if home, err := os.UserHomeDir(); err == nil && filepath.IsAbs(home) {
		system = append(system, filepath.Clean(home))
	}
	for _, s := range slices.Clone(system) {
		if real, err := filepath.EvalSymlinks(s); err == nil && real != s {
			system = append(system, real)
		}
	}
	for _, d := range forms {
		if filepath.Dir(d) == "/home" {
			return true
		}
		for _, s := range system {
			if within(s, d) {
				return true
			}
		}
		for _, s := range systemTrees {
			if within(d, s) {
				return true
			}
		}
	}
	return false
}

// within reports whether path is dir or inside it; both are clean and
// absolute.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
