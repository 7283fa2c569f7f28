package remotebackend

import (
	"net/url"
	"os"
	"strings"

	"github.com/vertscript/vertscript/host/driver"
)

// target is a URI taken apart as libvirt's remote driver takes it: which
// daemon to reach and how (Transport, Host, Port, User, Query), and which
// URI to open there (Name).
type target struct {
	URI       string // as given
	Driver    string // test, qemu, ...
	Transport string // unix, tcp, tls, ssh
	Host      string
	Port      string
	User      string
	Path      string
	Query     url.Values
	Name      string // the URI the daemon opens: driver:///path
}

// defaultURI is what an empty URI means, as libvirt's client reads it
// without a configuration file: $LIBVIRT_DEFAULT_URI, else qemu:///system.
func defaultURI() string {
	if u := os.Getenv("LIBVIRT_DEFAULT_URI"); u != "" {
		return u
	}
	return "qemu:///system"
}

// clientParams are the query parameters libvirt's remote driver consumes
// itself; the others go to the daemon with the name.
var clientParams = map[string]bool{
	"name": true, "command": true, "socket": true, "auth": true, "netcat": true,
	"keyfile": true, "no_verify": true, "no_tty": true, "pkipath": true,
	"known_hosts": true, "known_hosts_verify": true, "sshauth": true,
	"mode": true, "proxy": true, "tls_priority": true,
}

func invalidURI(uri, why string) error {
	return &driver.Error{Code: errInvalidArg, Domain: fromRemote, Level: driver.ErrLevelError,
		Message: "invalid argument: " + uri + ": " + why}
}

// parseTarget reads uri as libvirt's remote driver does.
func parseTarget(uri string) (target, error) {
	if uri == "" {
		uri = defaultURI()
	}
	u, err := url.Parse(uri)
	if err != nil || u.Scheme == "" || u.Opaque != "" {
		return target{}, &driver.Error{Code: errInvalidArg, Domain: fromURI, Level: driver.ErrLevelError,
			Message: "invalid argument: Unable to parse URI " + uri}
	}
	t := target{URI: uri, Host: u.Hostname(), Port: u.Port(), Path: u.Path, Query: u.Query()}
	if u.User != nil {
		t.User = u.User.Username()
	}
	t.Driver, t.Transport, _ = strings.Cut(u.Scheme, "+")
	if t.Transport == "" {
		if t.Host == "" {
			t.Transport = "unix"
		} else {
			t.Transport = "tls"
		}
	}
	switch t.Transport {
	case "unix", "tcp", "tls", "ssh":
	default:
		return target{}, &driver.Error{Code: errInvalidArg, Domain: fromRemote, Level: driver.ErrLevelError,
			Message: "invalid argument: transport '" + t.Transport + "' is not supported by the remote backend (unix, tcp, tls, ssh)"}
	}
	if t.Transport == "unix" && t.Host != "" {
		return target{}, invalidURI(uri, "a unix socket URI names no host")
	}
	if t.Driver == "test" && t.Transport == "unix" && u.Scheme == "test" {
		return target{}, &driver.Error{Code: driver.ErrNoSupport, Domain: fromRemote, Level: driver.ErrLevelError,
			Message: "this function is not supported by the connection driver: " + uri +
				" runs libvirt's test driver inside the client, which the remote backend has not: use test+unix:///... or test+tcp://HOST/... to reach a libvirtd's"}
	}
	if name := t.Query.Get("name"); name != "" {
		t.Name = name
	} else {
		rest := url.Values{}
		for k, vs := range t.Query {
			if !clientParams[k] {
				rest[k] = vs
			}
		}
		t.Name = (&url.URL{Scheme: t.Driver, Path: t.Path, RawQuery: rest.Encode()}).String()
		if t.Path == "" || t.Path == "/" {
			t.Name = t.Driver + ":///" + strings.TrimPrefix(t.Path, "/")
		}
		if !strings.Contains(t.Name, ":///") {
			t.Name = strings.Replace(t.Name, ":", "://", 1)
		}
	}
	return t, nil
}
