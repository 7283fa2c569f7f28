package host

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckURI attacks the URI check class by class: what libvirt would
// read differently, transports and parameters that run programs or read
// files (whatever their case, escaping or separator), the test driver's
// file forms, and allow-uri patterns. Each row is a URI, a policy and the
// refusal's telling words ("" when allowed).
func TestCheckURI(t *testing.T) {
	dir := t.TempDir()
	node := filepath.Join(dir, "node.xml")
	if err := os.WriteFile(node, []byte("<node/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	readable := Policy{AllowRead: []string{dir}}
	dtd := filepath.Join(dir, "dtd.xml")
	if err := os.WriteFile(dtd, []byte(`<!DOCTYPE node [<!ENTITY s SYSTEM "/etc/shadow">]><node><domain>&s;</domain></node>`), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.xml")
	if err := os.WriteFile(bad, []byte(`<node><domain file='/etc/passwd'/>`), 0o644); err != nil {
		t.Fatal(err)
	}
	withURI := func(p Policy, globs ...string) Policy { p.AllowURI = globs; return p }
	tests := []struct {
		uri    string
		policy Policy
		dryRun bool
		want   string
	}{
		// Read as libvirt reads it, or refused.
		{"test+ext://[%zz]/default?command=/bin/true", Policy{}, false, "cannot be read exactly as libvirt reads it"},
		{"test://:1/etc/shadow", Policy{}, false, "a port without a host"},
		{"test:///default#x", Policy{}, false, "fragment"},
		{"test:///a%00b", Policy{}, false, "control character"},
		{"xen", Policy{}, false, "alias"},
		{"QEMU:///system", Policy{}, false, "lower case"},
		{"qemu+ssh://-A/system", Policy{}, false, "starts with '-'"},
		{"test+ext:///default?no_tty=1;command=/bin/true", Policy{}, false, "';'"},
		// Transports: only the harmless ones.
		{"test+ext:///default", Policy{}, false, "ext transport, which runs a local program"},
		{"test+ext:///default", withURI(Policy{}, "*:///default"), false, "ext transport"},
		{"test+foo:///default", Policy{}, false, "foo transport"},
		{"test+ext:///default", withURI(Policy{}, "test+ext:///default"), false, ""},
		{"qemu+ssh://root@host.example/system", Policy{}, false, ""},
		{"qemu+libssh2://h/system", Policy{}, false, ""},
		{"test+tcp://127.0.0.1:16509/default", Policy{}, false, ""},
		// Parameters: default deny, whatever the case or escaping.
		{"qemu+ssh://h/system?command=/tmp/x", Policy{}, false, "command=, which is refused: it names a program to run"},
		{"qemu+ssh://h/system?COMMAND=/tmp/x", Policy{}, false, "command="},
		{"qemu+ssh://h/system?%63ommand=/tmp/x", Policy{}, false, "command="},
		{"qemu+libssh://h/system?known_hosts=/tmp/k", Policy{}, false, "known_hosts="},
		{"qemu+libssh2://h/system?keyfile=/tmp/k", Policy{}, false, "keyfile="},
		{"qemu+ssh://h/system?netcat=/tmp/nc", Policy{}, false, "netcat="},
		{"qemu+unix:///system?socket=" + dir + "/s", readable, false, "socket="},
		{"qemu+tls://h/system?pkipath=/tmp/pki", Policy{}, false, "pkipath="},
		{"qemu:///system?name=test:///etc/shadow", Policy{}, false, "name=, which is refused: it carries another URI"},
		{"qemu:///system?no_tty=1&name=x", Policy{}, false, "name="},
		{"qemu+tls://h/system?no_verify=1", Policy{}, false, "it turns off a check"},
		{"qemu:///system?brand_new=1", Policy{}, false, "not known to be harmless"},
		{"esx://vc.example/?proxy=http://evil.example:3128", Policy{}, false, "proxy="},
		{"vpx://vc.example/dc/host?no_tty=1", Policy{}, false, "no_tty="},
		{"qemu+ssh://h/system?no_tty=1&sshauth=agent&mode=direct&proxy=native&auth=sasl", Policy{}, false, ""},
		{"qemu+ssh://h/system?keyfile=/k", withURI(Policy{}, "qemu+ssh://h/system?keyfile=/*"), false, ""},
		{"qemu+ssh://h/system?keyfile=/k", withURI(Policy{}, "qemu+ssh://h/system?*=*"), false, "keyfile="},
		{"qemu+ssh://h/system?no_tty=1&keyfile=/k", withURI(Policy{}, "qemu+ssh://h/system?no_tty=1&keyfile=/*"), false, ""},
		{"qemu+ssh://h/system?keyfile=/k", withURI(Policy{Deny: []string{"file"}}, "qemu+ssh://h/system?keyfile=/*"), false, "deny rule for file"},
		{"qemu:///embed?root=/tmp/x", Policy{}, false, "root="},
		{"qemu:///embed?root=/tmp/x", withURI(Policy{}, "qemu:///embed?root=/tmp/*"), false, ""},
		{"qemu:///embed?root=/tmp/x", withURI(Policy{ReadOnly: true}, "qemu:///embed?root=/tmp/*"), false, "never in a read-only run or a dry run"},
		{"qemu:///embed?root=/tmp/x", withURI(Policy{}, "qemu:///embed?root=/tmp/*"), true, "never in a read-only run or a dry run"},
		// The test driver's file forms.
		{"test:///default", readable, false, ""},
		{"test://" + node, readable, false, ""},
		{"test:///etc/passwd", readable, false, "/etc/passwd is outside the readable directories"},
		{"test:%2Fetc/passwd", readable, false, "/etc/passwd is outside"},
		{"test:/etc/passwd", readable, false, "/etc/passwd is outside"},
		{"test:///%65tc/pass%77d", readable, false, "/etc/passwd is outside"},
		{"test+unix:///etc/passwd", readable, false, "/etc/passwd is outside"},
		{"test+tcp://127.0.0.1:1/etc/passwd", readable, false, "/etc/passwd is outside"},
		{"test:etc/passwd", readable, false, "outside the readable directories"},
		{"test://" + dir + "/../../etc/passwd", readable, false, `".." in its path`},
		{"test://" + node, Policy{Deny: []string{"file"}}, false, "deny rule for file"},
		{"test://" + dtd, readable, false, "declares a DTD"},
		{"test://" + bad, readable, false, "cannot be read as libvirt reads it"},
		{"unix:///run/evil.sock", readable, false, "/run/evil.sock is outside the readable directories"},
		{"unix:" + dir + "/../x.sock", readable, false, `".." in its path`},
		// --allow-uri matches the canonical form; '*' crosses no '/', '?', '&', '='.
		{"qemu:///system", withURI(Policy{}, "qemu:///*"), false, ""},
		{"qemu:///system?name=x", withURI(Policy{}, "qemu:///*"), false, "matches no allow-uri pattern"},
		{"qemu:///system?no_tty=1", withURI(Policy{}, "qemu:///*"), false, "matches no allow-uri pattern"},
		{"qemu:///a/b", withURI(Policy{}, "qemu:///*"), false, "matches no allow-uri pattern"},
		{"qemu:///%73ystem", withURI(Policy{}, "qemu:///system"), false, ""},
		{"qemu+ssh://ROOT@Host.Example/system", withURI(Policy{}, "qemu+ssh://*@host.example/system"), false, ""},
		{"qemu+ssh://evil.example/system", withURI(Policy{}, "qemu+ssh://*.example.com/system"), false, "matches no allow-uri pattern"},
		{"", withURI(Policy{}, "qemu:///*"), false, "libvirt's default"},
	}
	op := &Op{Class: ClassModule, Name: "open"}
	for _, tt := range tests {
		err := tt.policy.checkURI(op, tt.uri, tt.dryRun)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q %+v: %v, want allowed", tt.uri, tt.policy, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q %+v: %v, want a refusal containing %q", tt.uri, tt.policy, err, tt.want)
		}
	}
}

// TestURICanonical pins the canonical form that allow-uri patterns match.
func TestURICanonical(t *testing.T) {
	for in, want := range map[string]string{
		"qemu:///system":                    "qemu:///system",
		"test:/etc/x":                       "test:///etc/x",
		"test:%2Fetc/x":                     "test:///etc/x",
		"test:node.xml":                     "test:node.xml",
		"qemu+ssh://Root@Host:22/system":    "qemu+ssh://Root@host:22/system",
		"qemu+ssh://[::1]:22/system":        "qemu+ssh://[::1]:22/system",
		"qemu:///system?NO_TTY=1&a=b%3Dc&d": "qemu:///system?no_tty=1&a=b%3Dc&d=",
		"qemu:///system?a=%2A%26":           "qemu:///system?a=%2A%26",
		"qemu:///system?":                   "qemu:///system",
		"tcp:10.0.0.1:4444":                 "tcp:10.0.0.1:4444",
	} {
		u, err := ParseURI(in)
		if err != nil {
			t.Errorf("ParseURI(%q): %v", in, err)
			continue
		}
		if got := u.String(); got != want {
			t.Errorf("ParseURI(%q).String() = %q, want %q", in, got, want)
		}
	}
}
