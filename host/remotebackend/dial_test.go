package remotebackend_test

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"

	"github.com/vertscript/vertscript/host/driver"
	"github.com/vertscript/vertscript/host/remotebackend"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// ca is a throwaway certificate authority.
type ca struct {
	cert *x509.Certificate
	key  *rsa.PrivateKey
	pem  []byte
}

func newCA(t *testing.T, name string) *ca {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	return &ca{cert, key, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

// issue writes a certificate and key for name, signed by c, as certFile
// and keyFile; server certificates name localhost (not 127.0.0.1).
func (c *ca) issue(t *testing.T, name string, server bool, certFile, keyFile string) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: name, Organization: []string{"vertscript"}},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment, BasicConstraintsValid: true}
	if server {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		tmpl.DNSNames = []string{"localhost"}
	} else {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, c.cert, &key.PublicKey, c.key)
	if err != nil {
		t.Fatal(err)
	}
	write(t, certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	write(t, keyFile, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}))
}

func write(t *testing.T, path string, b []byte) {
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestTLS opens a libvirtd's test driver over TLS with the client's PKI
// files from pkipath=, and is refused with a CA that did not sign the
// daemon's certificate.
func TestTLS(t *testing.T) {
	auth := newCA(t, "vertscript test CA")
	srv := t.TempDir()
	write(t, filepath.Join(srv, "cacert.pem"), auth.pem)
	auth.issue(t, "localhost", true, filepath.Join(srv, "servercert.pem"), filepath.Join(srv, "serverkey.pem"))
	d := libvirtdtest.StartTLS(t, libvirtdtest.TLSFiles{Cert: filepath.Join(srv, "servercert.pem"), Key: filepath.Join(srv, "serverkey.pem"), CA: filepath.Join(srv, "cacert.pem")})

	pki := t.TempDir()
	write(t, filepath.Join(pki, "cacert.pem"), auth.pem)
	auth.issue(t, "client", false, filepath.Join(pki, "clientcert.pem"), filepath.Join(pki, "clientkey.pem"))
	open := func(host, dir, extra string) (driver.Conn, error) {
		return remotebackend.Backend{}.ConnectOpen(fmt.Sprintf("test+tls://%s:%d/default?pkipath=%s%s", host, d.TLSPort, dir, extra), true)
	}
	for _, host := range []string{"localhost", "127.0.0.1"} {
		// The daemon's certificate names localhost only: 127.0.0.1 is
		// reached with no_verify=1 alone.
		extra := ""
		if host == "127.0.0.1" {
			extra = "&no_verify=1"
		}
		c, err := open(host, pki, extra)
		if err != nil {
			t.Fatalf("%s: %v", host, err)
		}
		if typ, err := c.GetType(); err != nil || typ != "TEST" {
			t.Errorf("%s: GetType %q, %v", host, typ, err)
		}
		if ids, err := c.ListDomains(10); err != nil || len(ids) != 1 {
			t.Errorf("%s: ListDomains %v, %v", host, ids, err)
		}
		if enc, _ := c.IsEncrypted(); !enc {
			t.Errorf("%s: not reported encrypted", host)
		}
		c.Close()
	}

	// A CA the daemon's certificate is not from.
	other := t.TempDir()
	write(t, filepath.Join(other, "cacert.pem"), newCA(t, "another CA").pem)
	auth.issue(t, "client", false, filepath.Join(other, "clientcert.pem"), filepath.Join(other, "clientkey.pem"))
	empty := t.TempDir()
	for _, tt := range []struct {
		name, host, dir, extra, want string
	}{
		{"unknown CA", "localhost", other, "", "certificate signed by unknown authority"},
		{"host not in the certificate", "127.0.0.1", pki, "", "certificate for 127.0.0.1"},
		{"no client certificate", "localhost", empty, "", filepath.Join(empty, "clientcert.pem")},
		{"no CA certificate", "localhost", empty, "&no_verify=1", filepath.Join(empty, "clientcert.pem")},
	} {
		c, err := open(tt.host, tt.dir, tt.extra)
		if err == nil {
			c.Close()
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error with %q", tt.name, err, tt.want)
		}
	}
	// no_verify=1 takes a daemon certificate from a CA the client does
	// not know, as libvirt's client does.
	if c, err := open("localhost", other, "&no_verify=1"); err != nil {
		t.Errorf("unknown CA with no_verify=1: %v", err)
	} else {
		c.Close()
	}
	// A missing CA file is named.
	noCA := t.TempDir()
	auth.issue(t, "client", false, filepath.Join(noCA, "clientcert.pem"), filepath.Join(noCA, "clientkey.pem"))
	if _, err := open("localhost", noCA, ""); err == nil || !strings.Contains(err.Error(), filepath.Join(noCA, "cacert.pem")) {
		t.Errorf("no CA certificate: %v, want the file named", err)
	}
}

// sshServer is an ssh server in the test that lets in one key and
// forwards direct-streamlocal channels to unix sockets, as sshd does.
// Its one user is tester.
func sshServer(t *testing.T, client ssh.PublicKey) (addr string, hostKey ssh.PublicKey) {
	_, hostPriv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := ssh.NewSignerFromKey(hostPriv)
	conf := &ssh.ServerConfig{PublicKeyCallback: func(m ssh.ConnMetadata, k ssh.PublicKey) (*ssh.Permissions, error) {
		if m.User() == "tester" && string(k.Marshal()) == string(client.Marshal()) {
			return nil, nil
		}
		return nil, fmt.Errorf("unknown key")
	}}
	conf.AddHostKey(signer)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { l.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			nc, err := l.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer nc.Close()
				_, chans, reqs, err := ssh.NewServerConn(nc, conf)
				if err != nil {
					return
				}
				go ssh.DiscardRequests(reqs)
				for nch := range chans {
					if nch.ChannelType() != "direct-streamlocal@openssh.com" {
						nch.Reject(ssh.UnknownChannelType, "no")
						continue
					}
					var req struct {
						Path     string
						Reserved string
						Port     uint32
					}
					if err := ssh.Unmarshal(nch.ExtraData(), &req); err != nil {
						nch.Reject(ssh.ConnectionFailed, err.Error())
						continue
					}
					uc, err := net.Dial("unix", req.Path)
					if err != nil {
						nch.Reject(ssh.ConnectionFailed, err.Error())
						continue
					}
					ch, creqs, err := nch.Accept()
					if err != nil {
						uc.Close()
						continue
					}
					go ssh.DiscardRequests(creqs)
					go func() { io.Copy(ch, uc); ch.Close() }()
					go func() { io.Copy(uc, ch); uc.Close() }()
				}
			}()
		}
	}()
	return l.Addr().String(), signer.PublicKey()
}

// TestSSH opens a libvirtd's unix socket through ssh, with a key file and
// a known_hosts file, and is refused by a host it does not know.
func TestSSH(t *testing.T) {
	t.Setenv("SSH_AUTH_SOCK", "") // only the key file
	d := libvirtdtest.Start(t)
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	clientSigner, _ := ssh.NewSignerFromKey(ecKey)
	addr, hostKey := sshServer(t, clientSigner.PublicKey())
	dir := t.TempDir()
	keyBlock, err := ssh.MarshalPrivateKey(ecKey, "")
	if err != nil {
		t.Fatal(err)
	}
	keyfile, known := filepath.Join(dir, "id_ecdsa"), filepath.Join(dir, "known_hosts")
	write(t, keyfile, pem.EncodeToMemory(keyBlock))
	write(t, known, []byte(knownhosts.Line([]string{knownhosts.Normalize(addr)}, hostKey)+"\n"))

	uri := fmt.Sprintf("test+ssh://tester@%s/default?keyfile=%s&known_hosts=%s&socket=%s", addr, keyfile, known, d.Socket)
	c, err := remotebackend.Backend{}.ConnectOpen(uri, true)
	if err != nil {
		t.Fatal(err)
	}
	if typ, err := c.GetType(); err != nil || typ != "TEST" {
		t.Errorf("GetType %q, %v", typ, err)
	}
	if ids, err := c.ListDomains(10); err != nil || len(ids) != 1 {
		t.Errorf("ListDomains %v, %v", ids, err)
	}
	c.Close()

	// The user is $USER when the URI names none.
	t.Setenv("USER", "tester")
	c, err = remotebackend.Backend{}.ConnectOpen(fmt.Sprintf("test+ssh://%s/default?keyfile=%s&known_hosts=%s&socket=%s", addr, keyfile, known, d.Socket), true)
	if err != nil {
		t.Errorf("the user from $USER: %v", err)
	} else {
		c.Close()
	}

	// A host key that is not in known_hosts is refused, unless
	// no_verify=1 says to take it; a changed one is refused always.
	empty := filepath.Join(dir, "empty_known_hosts")
	write(t, empty, nil)
	_, otherHost, _ := ed25519.GenerateKey(rand.Reader)
	otherHostKey, _ := ssh.NewPublicKey(otherHost.Public())
	changed := filepath.Join(dir, "changed_known_hosts")
	write(t, changed, []byte(knownhosts.Line([]string{knownhosts.Normalize(addr)}, otherHostKey)+"\n"))
	// Another key the server does not let in, and one with a passphrase.
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	otherBlock, _ := ssh.MarshalPrivateKey(other, "")
	otherFile := filepath.Join(dir, "id_other")
	write(t, otherFile, pem.EncodeToMemory(otherBlock))
	lockedBlock, err := ssh.MarshalPrivateKeyWithPassphrase(ecKey, "", []byte("secret"))
	if err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "id_locked")
	write(t, locked, pem.EncodeToMemory(lockedBlock))
	missing := filepath.Join(dir, "id_missing")
	for _, tt := range []struct {
		name, user, keyfile, known, extra, want string
	}{
		{"unknown host key", "tester@", keyfile, empty, "", "is not in " + empty},
		{"unknown host key, no_verify=1", "tester@", keyfile, empty, "&no_verify=1", ""},
		{"no known_hosts file, no_verify=1", "tester@", keyfile, missing, "&no_verify=1", ""},
		{"no known_hosts file", "tester@", keyfile, missing, "", missing},
		{"changed host key", "tester@", keyfile, changed, "", "has changed: it is not the one in " + changed + " line 1"},
		{"changed host key, no_verify=1", "tester@", keyfile, changed, "&no_verify=1", "has changed"},
		{"a key the server refuses", "tester@", otherFile, known, "", "unable to authenticate"},
		{"another user", "root@", keyfile, known, "", "unable to authenticate"},
		{"a key file with a passphrase", "tester@", locked, known, "", "the key file " + locked + " needs a passphrase"},
		{"no key file", "tester@", missing, known, "", missing},
	} {
		c, err := remotebackend.Backend{}.ConnectOpen(fmt.Sprintf("test+ssh://%s%s/default?keyfile=%s&known_hosts=%s&socket=%s%s", tt.user, addr, tt.keyfile, tt.known, d.Socket, tt.extra), true)
		if err == nil {
			if _, err := c.GetType(); err != nil {
				t.Errorf("%s: GetType: %v", tt.name, err)
			}
			c.Close()
		}
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: %v, want an error with %q", tt.name, err, tt.want)
		}
	}
}

// TestUnix opens a libvirtd's test driver over its unix socket.
func TestUnix(t *testing.T) {
	d := libvirtdtest.Start(t)
	c, err := remotebackend.Backend{}.ConnectOpen("test+unix:///default?socket="+d.Socket, false)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if secure, err := c.IsSecure(); err != nil || !secure {
		t.Errorf("a unix socket: IsSecure %v, %v", secure, err)
	}
	if ids, err := c.ListDomains(10); err != nil || len(ids) != 1 {
		t.Errorf("ListDomains %v, %v", ids, err)
	}
}
