package remotebackend

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
	"golang.org/x/crypto/ssh/knownhosts"
)

// dialSSH reaches t's daemon through ssh, in Go: it logs in as t's user
// (else $USER, else the local user) with the keys of the user's ssh-agent and the key
// files (keyfile=, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa), checks the
// host's key against known_hosts (known_hosts=, else ~/.ssh/known_hosts;
// no_verify=1 accepts a host not listed there, never a changed key), and
// opens a channel to the daemon's unix socket (socket=, else the system
// daemon's), as libvirt's ssh transport does with nc on the host.
func dialSSH(ctx context.Context, t target, readOnly bool) (net.Conn, error) {
	name := t.User
	if name == "" {
		name = os.Getenv("USER")
	}
	if name == "" {
		u, err := user.Current()
		if err != nil {
			return nil, fmt.Errorf("ssh: no user in the URI, and the local user is unknown: %w", err)
		}
		name = u.Username
	}
	home, _ := os.UserHomeDir()
	auth, closeAgent, err := sshAuth(t, home)
	if err != nil {
		return nil, err
	}
	defer closeAgent()
	hostKeys, err := sshHostKeys(t, home)
	if err != nil {
		return nil, err
	}
	socket := t.Query.Get("socket")
	if socket == "" {
		if strings.HasSuffix(t.Path, "/session") {
			return nil, errors.New("ssh: a session daemon's socket is the remote user's: name it with socket=")
		}
		socket = socketPath(t, readOnly)
	}
	port := t.Port
	if port == "" {
		port = "22"
	}
	addr := net.JoinHostPort(t.Host, port)
	d := net.Dialer{Timeout: dialTimeout}
	nc, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	stop := context.AfterFunc(ctx, func() { nc.Close() })
	defer stop()
	// A server that stalls the handshake or the channel costs
	// dialTimeout, not a hang.
	_ = nc.SetDeadline(time.Now().Add(dialTimeout))
	cc, chans, reqs, err := ssh.NewClientConn(nc, addr, &ssh.ClientConfig{User: name, Auth: auth, HostKeyCallback: hostKeys, Timeout: dialTimeout})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("ssh %s@%s: %w", name, addr, err)
	}
	client := ssh.NewClient(cc, chans, reqs)
	ch, err := client.Dial("unix", socket)
	if err != nil {
		client.Close()
		return nil, fmt.Errorf("ssh %s@%s: the daemon's socket %s: %w", name, addr, socket, err)
	}
	_ = nc.SetDeadline(time.Time{})
	return &sshConn{Conn: ch, client: client}, nil
}

// sshConn is a channel to the daemon's socket; closing it ends the ssh
// connection too.
type sshConn struct {
	net.Conn
	client *ssh.Client
}

func (c *sshConn) Close() error {
	err := c.Conn.Close()
	if cerr := c.client.Close(); err == nil {
		err = cerr
	}
	return err
}

// sshAuth are the ways to log in: the agent's keys, then the key files.
// A key file named by keyfile= that cannot be used is an error; of the
// default ones, those that read without a passphrase are used.
func sshAuth(t target, home string) ([]ssh.AuthMethod, func(), error) {
	var methods []ssh.AuthMethod
	closeAgent := func() {}
	if sock := os.Getenv("SSH_AUTH_SOCK"); sock != "" {
		if c, err := net.Dial("unix", sock); err == nil {
			methods = append(methods, ssh.PublicKeysCallback(agent.NewClient(c).Signers))
			closeAgent = func() { c.Close() }
		}
	}
	var signers []ssh.Signer
	if f := t.Query.Get("keyfile"); f != "" {
		s, err := readKey(f)
		if err != nil {
			closeAgent()
			return nil, nil, err
		}
		signers = append(signers, s)
	} else {
		for _, n := range []string{"id_ed25519", "id_ecdsa", "id_rsa"} {
			if s, err := readKey(filepath.Join(home, ".ssh", n)); err == nil {
				signers = append(signers, s)
			}
		}
	}
	if len(signers) > 0 {
		methods = append(methods, ssh.PublicKeys(signers...))
	}
	if len(methods) == 0 {
		return nil, nil, errors.New("ssh: no key to log in with: no ssh-agent ($SSH_AUTH_SOCK) and no key file without a passphrase (keyfile=, ~/.ssh/id_ed25519, id_ecdsa, id_rsa)")
	}
	return methods, closeAgent, nil
}

// readKey reads a private key file.
func readKey(path string) (ssh.Signer, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ssh: the key file: %w", err)
	}
	s, err := ssh.ParsePrivateKey(pem)
	var pass *ssh.PassphraseMissingError
	if errors.As(err, &pass) {
		return nil, fmt.Errorf("ssh: the key file %s needs a passphrase: load it into ssh-agent", path)
	}
	if err != nil {
		return nil, fmt.Errorf("ssh: the key file %s: %w", path, err)
	}
	return s, nil
}

// sshHostKeys checks the host's key against the known hosts.
func sshHostKeys(t target, home string) (ssh.HostKeyCallback, error) {
	file := t.Query.Get("known_hosts")
	if file == "" {
		file = filepath.Join(home, ".ssh", "known_hosts")
	}
	noVerify := t.Query.Get("no_verify") == "1"
	known, err := knownhosts.New(file)
	if err != nil {
		if !noVerify {
			return nil, fmt.Errorf("ssh: the known hosts %s: %w (no_verify=1 accepts a host not listed)", file, err)
		}
		return func(string, net.Addr, ssh.PublicKey) error { return nil }, nil //nolint:gosec // no_verify=1, spelled out in the URI
	}
	return func(host string, remote net.Addr, key ssh.PublicKey) error {
		err := known(host, remote, key)
		var ke *knownhosts.KeyError
		if errors.As(err, &ke) && len(ke.Want) == 0 && noVerify {
			return nil // unknown, accepted by no_verify=1; a changed key is refused
		}
		if errors.As(err, &ke) && len(ke.Want) == 0 {
			return fmt.Errorf("the host key of %s is not in %s (no_verify=1 accepts it)", host, file)
		}
		if errors.As(err, &ke) {
			w := ke.Want[0]
			return fmt.Errorf("the host key of %s has changed: it is not the one in %s line %d (the host was reinstalled, or someone is in between); no_verify=1 does not accept a changed key", host, w.Filename, w.Line)
		}
		return err
	}, nil
}
