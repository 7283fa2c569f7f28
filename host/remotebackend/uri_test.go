package remotebackend

import "testing"

func TestParseTarget(t *testing.T) {
	for _, tt := range []struct {
		uri, transport, host, port, name string
	}{
		{"test+tcp://127.0.0.1:16509/default", "tcp", "127.0.0.1", "16509", "test:///default"},
		{"test+unix:///default", "unix", "", "", "test:///default"},
		{"qemu:///system", "unix", "", "", "qemu:///system"},
		{"qemu://kvm1/system", "tls", "kvm1", "", "qemu:///system"},
		{"qemu+ssh://root@kvm1:2222/system?keyfile=/k&no_verify=1", "ssh", "kvm1", "2222", "qemu:///system"},
		{"test+tcp://h/abs/node.xml", "tcp", "h", "", "test:///abs/node.xml"},
		{"qemu+tcp://h/system?name=qemu:///session", "tcp", "h", "", "qemu:///session"},
		{"qemu+tcp://h/system?socket=/s&mode=legacy&foo=bar", "tcp", "h", "", "qemu:///system?foo=bar"},
	} {
		got, err := parseTarget(tt.uri)
		if err != nil {
			t.Errorf("%s: %v", tt.uri, err)
			continue
		}
		if got.Transport != tt.transport || got.Host != tt.host || got.Port != tt.port || got.Name != tt.name {
			t.Errorf("%s: transport %q host %q port %q name %q, want %q %q %q %q", tt.uri,
				got.Transport, got.Host, got.Port, got.Name, tt.transport, tt.host, tt.port, tt.name)
		}
	}
	// What the core's URI parser refuses, and what the remote backend
	// cannot reach.
	for _, uri := range []string{
		"test:///default", "test:///abs/node.xml", "qemu+ext:///system", "qemu+libssh2://h/system",
		"qemu+unix://h/system", "QEMU:///system", "qemu://h/system#frag", "qemu+tcp://h:99999/system",
		"qemu+tcp://-oProxyCommand=x/system", "qemu:///system?a=b;c=d",
	} {
		if got, err := parseTarget(uri); err == nil {
			t.Errorf("%s: read as %+v, want a refusal", uri, got)
		}
	}
}

// TestOpenFailureIsNil checks that a failed open returns a nil Conn, not a
// nil *conn inside one, which a caller's Close would panic on.
func TestOpenFailureIsNil(t *testing.T) {
	c, err := Backend{}.ConnectOpen("test+tcp://127.0.0.1:1/default", true)
	if err == nil || c != nil {
		t.Errorf("open of a closed port: %v, %#v; want an error and a nil Conn", err, c)
	}
}
