package remotebackend

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPKIFiles checks where the client's TLS files are looked up, as
// libvirt's client looks: pkipath=, else (not as root) ~/.pki/libvirt when
// it holds all three, else the system's.
func TestPKIFiles(t *testing.T) {
	euid := 1000
	geteuid = func() int { return euid }
	t.Cleanup(func() { geteuid = os.Geteuid })
	home := t.TempDir()
	t.Setenv("HOME", home)
	user := filepath.Join(home, ".pki", "libvirt")
	system := []string{"/etc/pki/CA/cacert.pem", "/etc/pki/libvirt/clientcert.pem", "/etc/pki/libvirt/private/clientkey.pem"}
	mine := []string{filepath.Join(user, "cacert.pem"), filepath.Join(user, "clientcert.pem"), filepath.Join(user, "clientkey.pem")}
	check := func(name, uri string, want []string) {
		t.Helper()
		tg, err := parseTarget(uri)
		if err != nil {
			t.Fatal(err)
		}
		ca, cert, key := pkiFiles(tg)
		if ca != want[0] || cert != want[1] || key != want[2] {
			t.Errorf("%s: %s %s %s, want %v", name, ca, cert, key, want)
		}
	}
	check("no user files", "qemu+tls://h/system", system)
	if err := os.MkdirAll(user, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, f := range mine[:2] {
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	check("two of the three user files", "qemu://h/system", system)
	if err := os.WriteFile(mine[2], nil, 0o600); err != nil {
		t.Fatal(err)
	}
	check("the user's files", "qemu://h/system", mine)
	euid = 0
	check("root", "qemu://h/system", system)
	check("pkipath", "qemu+tls://h/system?pkipath=/p", []string{"/p/cacert.pem", "/p/clientcert.pem", "/p/clientkey.pem"})
}

// TestSSHSocket checks the daemon socket an ssh URI reaches by default.
func TestSSHSocket(t *testing.T) {
	for _, tt := range []struct {
		uri      string
		readOnly bool
		want     string
	}{
		{"qemu+ssh://h/system", false, "/var/run/libvirt/libvirt-sock"},
		{"qemu+ssh://h/system", true, "/var/run/libvirt/libvirt-sock-ro"},
		{"qemu+ssh://h/system?socket=/s", true, "/s"},
	} {
		tg, err := parseTarget(tt.uri)
		if err != nil {
			t.Fatal(err)
		}
		if got := socketPath(tg, tt.readOnly); got != tt.want {
			t.Errorf("%s read-only %v: %s, want %s", tt.uri, tt.readOnly, got, tt.want)
		}
	}
}
