// Package libvirtdtest starts a real libvirtd for tests: unprivileged-safe,
// listening on loopback TCP without authentication, with its sockets in a
// temporary directory and no hypervisor driver loaded. Clients reach its
// test driver as test+tcp://127.0.0.1:PORT/default.
package libvirtdtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Daemon is a running libvirtd.
type Daemon struct {
	cmd  *exec.Cmd
	Port int
	// TLSPort is the TLS listener's port, with StartTLS.
	TLSPort int
	// Socket is the daemon's read-write unix socket.
	Socket string
}

// TLSFiles are the daemon's TLS certificate, its key and the CA that
// signed the clients' certificates, for StartTLS.
type TLSFiles struct {
	Cert, Key, CA string
}

// URI is the daemon's test driver.
func (d *Daemon) URI() string { return fmt.Sprintf("test+tcp://127.0.0.1:%d/default", d.Port) }

// Stop freezes the daemon (SIGSTOP): calls to it block until Continue.
func (d *Daemon) Stop() error { return d.cmd.Process.Signal(syscall.SIGSTOP) }

// Continue resumes a stopped daemon.
func (d *Daemon) Continue() error { return d.cmd.Process.Signal(syscall.SIGCONT) }

// Start starts libvirtd and stops it when the test ends. It fails the test
// when libvirtd is not installed (make test installs libvirt-daemon).
func Start(t testing.TB) *Daemon {
	t.Helper()
	return start(t, nil)
}

// StartTLS is Start with a TLS listener too, on TLSPort, presenting
// tls.Cert and asking clients for certificates tls.CA signed.
func StartTLS(t testing.TB, tls TLSFiles) *Daemon {
	t.Helper()
	return start(t, &tls)
}

func start(t testing.TB, tls *TLSFiles) *Daemon {
	t.Helper()
	bin := "/usr/sbin/libvirtd"
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("libvirtd is needed: %v (make test-deps installs libvirt-daemon)", err)
	}
	dir := t.TempDir()
	drivers, run := filepath.Join(dir, "drivers"), filepath.Join(dir, "run")
	for _, d := range []string{drivers, run} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	port := freePort(t)
	conf := filepath.Join(dir, "libvirtd.conf")
	body := fmt.Sprintf("listen_tcp = 1\nlisten_addr = \"127.0.0.1\"\ntcp_port = \"%d\"\nauth_tcp = \"none\"\nunix_sock_dir = %q\nauth_unix_rw = \"none\"\n", port, run)
	tlsPort := 0
	if tls == nil {
		body += "listen_tls = 0\n"
	} else {
		tlsPort = freePort(t)
		body += fmt.Sprintf("listen_tls = 1\ntls_port = \"%d\"\nauth_tls = \"none\"\ncert_file = %q\nkey_file = %q\nca_file = %q\n", tlsPort, tls.Cert, tls.Key, tls.CA)
	}
	if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--listen", "-f", conf, "--pid-file", filepath.Join(dir, "libvirtd.pid"))
	cmd.Dir = dir
	// An empty driver directory keeps the QEMU driver from loading.
	cmd.Env = append(os.Environ(), "LIBVIRT_DRIVER_DIR="+drivers)
	log, err := os.Create(filepath.Join(dir, "libvirtd.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting libvirtd: %v", err)
	}
	d := &Daemon{cmd: cmd, Port: port, TLSPort: tlsPort, Socket: filepath.Join(run, "libvirt-sock")}
	t.Cleanup(func() {
		_ = d.Continue()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		log.Close()
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
			return d
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(log.Name())
			t.Fatalf("libvirtd did not listen on port %d: %v\n%s", port, err, b)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// freePort returns a TCP port free on loopback now.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
