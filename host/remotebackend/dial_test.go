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
// and keyFile; server certificates name localhost and 127.0.0.1.
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
		tmpl.DNSNames, tmpl.IPAddresses = []string{"localhost"}, []net.IP{net.ParseIP("127.0.0.1")}
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
	for _, host := range []string{"localhost", "127.0.0.1"} {
		uri := fmt.Sprintf("test+tls://%s:%d/default?pkipath=%s", host, d.TLSPort, pki)
		c, err := remotebackend.Backend{}.ConnectOpen(uri, true)
		if err != nil {
			t.Fatalf("%s: %v", uri, err)
		}
		if typ, err := c.GetType(); err != nil || typ != "TEST" {
			t.Errorf("%s: GetType %q, %v", uri, typ, err)
		}
		if enc, _ := c.IsEncrypted(); !enc {
			t.Errorf("%s: not reported encrypted", uri)
		}
		c.Close()
	}

	// A CA the daemon's certificate is not from.
	other := t.TempDir()
	write(t, filepath.Join(other, "cacert.pem"), newCA(t, "another CA").pem)
	auth.issue(t, "client", false, filepath.Join(other, "clientcert.pem"), filepath.Join(other, "clientkey.pem"))
	if _, err := (remotebackend.Backend{}).ConnectOpen(fmt.Sprintf("test+tls://localhost:%d/default?pkipath=%s", d.TLSPort, other), true); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("a daemon certificate from an unknown CA: %v, want a certificate error", err)
	}
	// Missing files are named.
	if _, err := (remotebackend.Backend{}).ConnectOpen(fmt.Sprintf("test+tls://localhost:%d/default?pkipath=%s", d.TLSPort, t.TempDir()), true); err == nil || !strings.Contains(err.Error(), "clientcert.pem") {
		t.Errorf("no client certificate: %v, want the file named", err)
	}
}

// sshServer is an ssh server in the test that lets in one key and
// forwards direct-streamlocal channels to unix sockets, as sshd does.
func sshServer(t *testing.T, client ssh.PublicKey) (addr string, hostKey ssh.PublicKey) {
	_, hostPriv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := ssh.NewSignerFromKey(hostPriv)
	conf := &ssh.ServerConfig{PublicKeyCallback: func(_ ssh.ConnMetadata, k ssh.PublicKey) (*ssh.Permissions, error) {
		if string(k.Marshal()) == string(client.Marshal()) {
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

	// A host key that is not in known_hosts is refused, unless
	// no_verify=1 says to take it.
	empty := filepath.Join(dir, "empty_known_hosts")
	write(t, empty, nil)
	unknown := fmt.Sprintf("test+ssh://tester@%s/default?keyfile=%s&known_hosts=%s&socket=%s", addr, keyfile, empty, d.Socket)
	if _, err := (remotebackend.Backend{}).ConnectOpen(unknown, true); err == nil || !strings.Contains(err.Error(), "not in") {
		t.Errorf("an unknown host key: %v, want a refusal", err)
	}
	if c, err := (remotebackend.Backend{}).ConnectOpen(unknown+"&no_verify=1", true); err != nil {
		t.Errorf("an unknown host key with no_verify=1: %v", err)
	} else {
		c.Close()
	}
	// A key the server does not let in.
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	otherBlock, _ := ssh.MarshalPrivateKey(other, "")
	otherFile := filepath.Join(dir, "id_other")
	write(t, otherFile, pem.EncodeToMemory(otherBlock))
	if _, err := (remotebackend.Backend{}).ConnectOpen(fmt.Sprintf("test+ssh://tester@%s/default?keyfile=%s&known_hosts=%s&socket=%s", addr, otherFile, known, d.Socket), true); err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Errorf("a key the server refuses: %v", err)
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
