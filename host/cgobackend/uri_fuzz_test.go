package cgobackend_test

import (
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend/internal/viruri"
)

// uriSeeds cover each part of a URI that host.ParseURI reads: schemes and
// transports, users, hosts (names, IPv4, IPv6 literals, escapes), ports,
// paths (absolute, rootless, escaped) and queries (separators, escapes,
// case), and the forms the sandbox must not misread.
var uriSeeds = []string{
	"qemu:///system", "qemu:///session", "qemu+ssh://root@host.example/system",
	"qemu+ssh://user@[::1]:2222/system?no_tty=1", "qemu+ssh://u@[fe80::1%25eth0]/system",
	"test:///default", "test+tcp://127.0.0.1:16509/default", "lxc:///", "xen:///system",
	"esx://host.example/?no_verify=1", "vbox:///session", "qemu+tls://host/system",
	"qemu+unix:///system?socket=/run/libvirt/libvirt-sock", "tcp://10.0.0.2:49152", "tcp:10.0.0.2:49152",
	"test+ext://[%zz]/default?command=/bin/true", "test://:1/etc/shadow", "test:%2Fetc/shadow",
	"test:node.xml", "test+unix:///etc/shadow", "qemu:///system?name=test:///etc/shadow",
	"qemu:///embed?root=/tmp/x", "test+ext:///default?no_tty=1;command=/bin/true",
	"test+EXT:///default?COMMAND=/bin/true", "test:///default?%63ommand=x&a=b", "test:///default?=x&&a",
	"test:///%65tc/pass%77d", "test:/etc/passwd", "test:///default#frag", "qemu://h:0/system",
	"qemu://h:65536/system", "qemu://:22/system", "QEMU:///system", "xen://", "xen", "alias",
	"test:///a%00b", "test:///a b", "qemu+ssh://-oProxyCommand=x/system", "qemu+ssh://a@b@c/system",
	"qemu://[::1/system", "qemu://h:22x/system", "test:///default?a=b=c", "test:///default?a%3Db=c%26d",
	"test:///x/../etc/passwd", "test:////etc/passwd", "test:///default?", "qemu+ssh://user@host/system?keyfile=/k&known_hosts=/kh",
	"qemu:///system?mode=direct&proxy=native&sshauth=agent&auth=sasl", "a+b+c:///x", "qemu+:///x", "+ssh:///x",
}

// FuzzURIAgreement holds host.ParseURI to libvirt's own parser: whatever
// host.ParseURI accepts, virURIParse reads into the same scheme, user,
// server, port, path, query and parameters, so the policy checks what
// libvirt will act on. What host.ParseURI refuses is never opened, so a
// refusal always agrees.
func FuzzURIAgreement(f *testing.F) {
	if !viruri.Available() {
		f.Skip("this libvirt does not export virURIParse")
	}
	for _, s := range uriSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ours, err := host.ParseURI(s)
		if err != nil {
			return
		}
		if strings.IndexByte(s, 0) >= 0 {
			t.Fatalf("ParseURI(%q) accepted a NUL byte", s)
		}
		lib, err := viruri.Parse(s)
		if err != nil {
			t.Fatalf("ParseURI(%q) = %+v, but libvirt refuses it: %v", s, ours, err)
		}
		if msg := disagree(ours, lib); msg != "" {
			t.Fatalf("ParseURI(%q) and libvirt disagree: %s\nours: %+v\nlibvirt: %+v", s, msg, ours, lib)
		}
	})
}

func disagree(ours *host.URI, lib *viruri.URI) string {
	switch {
	case ours.Scheme != lib.Scheme:
		return "scheme"
	case ours.User != lib.User:
		return "user"
	case ours.Server != lib.Server:
		return "server"
	case ours.Port != lib.Port:
		return "port"
	case ours.Path != lib.Path:
		return "path"
	case ours.Query != lib.Query:
		return "query"
	case lib.Fragment != "":
		return "fragment"
	case len(ours.Params) != len(lib.Params):
		return "number of parameters"
	}
	for i, p := range lib.Params {
		if ours.Params[i].Name != strings.ToLower(p[0]) || ours.Params[i].Value != p[1] {
			return "parameter " + p[0]
		}
	}
	return ""
}

// TestParseURIReadsRealURIs keeps the strict parser useful: the URIs that
// runbooks and libvirt's documentation use are read, and read as libvirt
// reads them.
func TestParseURIReadsRealURIs(t *testing.T) {
	for _, s := range []string{
		"qemu:///system", "qemu:///session", "qemu+ssh://root@host.example/system",
		"qemu+ssh://user@[::1]:2222/system?no_tty=1", "test:///default",
		"test+tcp://127.0.0.1:16509/default", "lxc:///", "xen:///system", "esx://host.example/?no_verify=1",
		"vbox:///session", "qemu+tls://host/system", "qemu+unix:///system?socket=/run/libvirt/libvirt-sock",
		"tcp://10.0.0.2:49152", "tcp:10.0.0.2:49152", "test:///srv/fixtures/node.xml", "ch:///system",
		"qemu+libssh2://admin@kvm-01.example.com:22/system?known_hosts_verify=auto",
	} {
		ours, err := host.ParseURI(s)
		if err != nil {
			t.Errorf("ParseURI(%q): %v", s, err)
			continue
		}
		if !viruri.Available() {
			continue
		}
		lib, err := viruri.Parse(s)
		if err != nil {
			t.Errorf("libvirt refuses %q: %v", s, err)
		} else if msg := disagree(ours, lib); msg != "" {
			t.Errorf("ParseURI(%q) and libvirt disagree: %s\nours: %+v\nlibvirt: %+v", s, msg, ours, lib)
		}
	}
}
