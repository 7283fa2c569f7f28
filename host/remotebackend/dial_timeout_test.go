package remotebackend

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

// selfSigned writes a self-signed certificate and its key as the
// client's PKI files (cacert.pem, clientcert.pem, clientkey.pem) in a
// new directory.
func selfSigned(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "client"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	for name, b := range map[string][]byte{"cacert.pem": cert, "clientcert.pem": cert,
		"clientkey.pem": pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder})} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDialTimeout opens URIs whose daemon (or sshd) accepts the
// connection and then says nothing, as a frozen one does: the open fails
// within dialTimeout, naming it, where the TLS and ssh handshakes waited
// forever, and leaves nothing behind.
func TestDialTimeout(t *testing.T) {
	saved := dialTimeout
	dialTimeout = 300 * time.Millisecond
	t.Cleanup(func() { dialTimeout = saved })

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	accepted := make(chan net.Conn, 16)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				close(accepted)
				return
			}
			accepted <- c // held open, never answered
		}
	}()
	defer func() {
		l.Close()
		for c := range accepted {
			c.Close()
		}
	}()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	pki := selfSigned(t)
	key := filepath.Join(pki, "id_ed25519")
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(key, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SSH_AUTH_SOCK", "")
	for _, uri := range []string{
		fmt.Sprintf("test+tls://127.0.0.1:%s/default?pkipath=%s&no_verify=1", port, pki),
		fmt.Sprintf("test+ssh://nobody@127.0.0.1:%s/default?no_verify=1&keyfile=%s", port, key),
	} {
		goroutines, fds := runtime.NumGoroutine(), openFDs(t)
		start := time.Now()
		_, err := Backend{}.ConnectOpen(uri, true)
		took := time.Since(start)
		if err == nil || !strings.Contains(err.Error(), "within 300ms") {
			t.Errorf("%s: %v, want no answer within 300ms", uri, err)
		}
		if took > 2*time.Second {
			t.Errorf("%s: took %s (dial timeout 300ms)", uri, took)
		}
		if g := goroutinesSettle(goroutines); g > goroutines {
			t.Errorf("%s: %d goroutines after the open, %d before", uri, g, goroutines)
		}
		if f := openFDs(t); f > fds+1 { // the listener's side of the connection is held
			t.Errorf("%s: %d descriptors after the open, %d before", uri, f, fds)
		}
	}
}
