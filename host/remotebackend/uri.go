package remotebackend

import (
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/vertscript/vertscript/host"

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
	return &driver.Error{Code: errInvalidArg, Domain: fromRemote, Level: driver.ErrError,
		Message: "invalid argument: " + uri + ": " + why}
}

// parseTarget reads uri with the parser the core's URI policy reads it
// with (host.ParseURI), so that the daemon reached and the driver opened
// are the ones the policy checked; a URI that parser refuses is refused.
func parseTarget(uri string) (target, error) {
	if uri == "" {
		uri = defaultURI()
	}
	u, err := host.ParseURI(uri)
	if err != nil {
		return target{}, &driver.Error{Code: errInvalidArg, Domain: fromURI, Level: driver.ErrError,
			Message: "invalid argument: Unable to parse URI " + uri + ": " + err.Error()}
	}
	t := target{URI: uri, Driver: u.Driver, Transport: u.Transport, Host: u.Server, User: u.User,
		Path: u.Path, Query: url.Values{}}
	if u.Port != 0 {
		t.Port = strconv.Itoa(u.Port)
	}
	for _, p := range u.Params {
		t.Query.Add(p.Name, p.Value)
	}
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
		return target{}, &driver.Error{Code: errInvalidArg, Domain: fromRemote, Level: driver.ErrError,
			Message: "invalid argument: transport '" + t.Transport + "' is not supported by the remote backend (unix, tcp, tls, ssh)"}
	}
	if t.Transport == "unix" && t.Host != "" {
		return target{}, invalidURI(uri, "a unix socket URI names no host")
	}
	if u.Transport == "" && t.Host == "" && inProcess[t.Driver] {
		return target{}, &driver.Error{Code: driver.ErrNoSupport, Domain: fromRemote, Level: driver.ErrError,
			Message: "this function is not supported by the connection driver: " + uri +
				" runs libvirt's " + t.Driver + " driver inside the client, which the remote backend has not: use " +
				t.Driver + "+unix:///... or " + t.Driver + "+tcp://HOST/... to reach a libvirtd's"}
	}
	if name := t.Query.Get("name"); name != "" {
		t.Name = name
		return t, nil
	}
	// The daemon opens the driver, the path and the parameters the
	// client does not take itself, as libvirt's remote driver sends them.
	name := &host.URI{Scheme: t.Driver, Path: t.Path}
	if !strings.HasPrefix(t.Path, "/") {
		name.Path = "/" + t.Path
	}
	for _, p := range u.Params {
		if !clientParams[p.Name] {
			name.Params = append(name.Params, p)
		}
	}
	t.Name = name.String()
	return t, nil
}

// inProcess are the drivers libvirt's client library runs in the client
// when the URI names no host and no transport.
var inProcess = map[string]bool{"test": true, "vbox": true, "esx": true, "vpx": true, "gsx": true, "hyperv": true, "ovirt": true, "phyp": true}
