package host

import "os"

// ResolveURI returns the URI a connection opens: uri when given, else the
// session's default (the -c flag), else $LIBVIRT_DEFAULT_URI. An empty
// result lets libvirt apply its own default (its configuration files, then
// probing the hypervisors it knows).
func ResolveURI(uri, sessionDefault string) string {
	if uri != "" {
		return uri
	}
	if sessionDefault != "" {
		return sessionDefault
	}
	return os.Getenv("LIBVIRT_DEFAULT_URI")
}
