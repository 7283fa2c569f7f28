package remotebackend

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"time"
)

// pkiFiles are the client's TLS files, as libvirt's client finds them:
// the pkipath parameter's directory; else, for a user other than root,
// $HOME/.pki/libvirt when it holds all three; else the system's.
func pkiFiles(t target) (ca, cert, key string) {
	if dir := t.Query.Get("pkipath"); dir != "" {
		return filepath.Join(dir, "cacert.pem"), filepath.Join(dir, "clientcert.pem"), filepath.Join(dir, "clientkey.pem")
	}
	if geteuid() != 0 {
		if home, err := os.UserHomeDir(); err == nil {
			dir := filepath.Join(home, ".pki", "libvirt")
			ca, cert, key := filepath.Join(dir, "cacert.pem"), filepath.Join(dir, "clientcert.pem"), filepath.Join(dir, "clientkey.pem")
			if exist(ca) && exist(cert) && exist(key) {
				return ca, cert, key
			}
		}
	}
	return "/etc/pki/CA/cacert.pem", "/etc/pki/libvirt/clientcert.pem", "/etc/pki/libvirt/private/clientkey.pem"
}

// geteuid is os.Geteuid, replaced in tests.
var geteuid = os.Geteuid

func exist(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// dialTLS reaches t's daemon over TLS with the client's certificate, and
// checks the daemon's against the CA and t's host name, unless
// no_verify=1 says not to, as libvirt's client does. After the handshake
// the daemon sends one byte, 1, once it has accepted the client's
// certificate.
func dialTLS(ctx context.Context, t target) (net.Conn, error) {
	caFile, certFile, keyFile := pkiFiles(t)
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, fmt.Errorf("the client certificate %s or its key %s: %w", certFile, keyFile, err)
	}
	noVerify := t.Query.Get("no_verify") == "1"
	pool := x509.NewCertPool()
	pem, err := os.ReadFile(caFile)
	switch {
	case err == nil:
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("the CA certificate %s holds no certificate", caFile)
		}
	case !noVerify:
		return nil, fmt.Errorf("the CA certificate: %w", err)
	}
	port := t.Port
	if port == "" {
		port = "16514"
	}
	d := tls.Dialer{NetDialer: &net.Dialer{Timeout: dialTimeout}, Config: &tls.Config{
		Certificates:       []tls.Certificate{cert},
		RootCAs:            pool,
		ServerName:         t.Host,
		InsecureSkipVerify: noVerify, //nolint:gosec // libvirt's no_verify=1, spelled out in the URI
		MinVersion:         tls.VersionTLS12,
	}}
	c, err := d.DialContext(ctx, "tcp", net.JoinHostPort(t.Host, port))
	if err != nil {
		return nil, err
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	// A daemon that never sends the byte costs dialTimeout, not a hang.
	_ = c.SetReadDeadline(time.Now().Add(dialTimeout))
	var ok [1]byte
	_, err = io.ReadFull(c, ok[:])
	_ = c.SetReadDeadline(time.Time{})
	if err != nil || ok[0] != 1 {
		c.Close()
		if err == nil {
			err = errors.New("the daemon did not accept the client's certificate or address")
		}
		return nil, fmt.Errorf("server verification (of our certificate or IP address) failed: %w", err)
	}
	return c, nil
}
