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

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
	"golang.org/x/crypto/ssh/knownhosts"
)

// dialSSH reaches t's daemon through ssh, in Go: it logs in as t's user
// (else the local user) with the keys of the user's ssh-agent and the key
// files (keyfile=, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa), checks the
// host's key against known_hosts (known_hosts=, else ~/.ssh/known_hosts;
// no_verify=1 accepts a host not listed there, never a changed key), and
// opens a channel to the daemon's unix socket (socket=, else the system
// daemon's), as libvirt's ssh transport does with nc on the host.
func dialSSH(ctx context.Context, t target, readOnly bool) (net.Conn, error) {
	name := t.User
	if name == "" {
		u, err := user.Current()
		if err != nil {
			return nil, fmt.Errorf("ssh: no user in the URI, and the local user is unknown: %w", err)
		}
		name = u.Username
	}
	home, _ := os.UserHomeDir()
	auth, closeAgent := sshAuth(t, home)
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

// sshAuth are the ways to log in: the agent's keys, then the key files
// that read without a passphrase.
func sshAuth(t target, home string) ([]ssh.AuthMethod, func()) {
	var methods []ssh.AuthMethod
	closeAgent := func() {}
	if sock := os.Getenv("SSH_AUTH_SOCK"); sock != "" {
		if c, err := net.Dial("unix", sock); err == nil {
			methods = append(methods, ssh.PublicKeysCallback(agent.NewClient(c).Signers))
			closeAgent = func() { c.Close() }
		}
	}
	files := []string{t.Query.Get("keyfile")}
	if files[0] == "" {
		files = []string{filepath.Join(home, ".ssh", "id_ed25519"), filepath.Join(home, ".ssh", "id_ecdsa"), filepath.Join(home, ".ssh", "id_rsa")}
	}
	var signers []ssh.Signer
	for _, f := range files {
		if pem, err := os.ReadFile(f); err == nil {
			if s, err := ssh.ParsePrivateKey(pem); err == nil {
				signers = append(signers, s)
			}
		}
	}
	if len(signers) > 0 {
		methods = append(methods, ssh.PublicKeys(signers...))
	}
	return methods, closeAgent
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
		return err
	}, nil
}
