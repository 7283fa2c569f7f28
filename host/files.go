package host

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// ReadFile returns the content of the file at path, for the scripts'
// read_file builtin. A relative path resolves against the current
// directory, as Python's open does. Under a policy with AllowRead, the
// file, symlinks resolved, must lie inside one of its directories.
func (s *Session) ReadFile(path string) (string, error) {
	if err := s.policy.checkRead("read_file", path); err != nil {
		return "", err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read_file: %w", err)
	}
	return string(b), nil
}

// checkRead refuses, for op, a local path outside the read-allowed
// directories.
func (p *Policy) checkRead(op, path string) error {
	if p.AllowRead == nil {
		return nil
	}
	real, err := resolve(path)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	for _, dir := range p.AllowRead {
		d, err := resolve(dir)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(d, real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil
		}
	}
	shown := path
	if real != path {
		shown = fmt.Sprintf("%s (%s)", path, real)
	}
	return &PolicyError{Op: op, Reason: fmt.Sprintf("%s is outside the readable directories (%s; --allow-read adds one)", shown, strings.Join(p.AllowRead, ", "))}
}

// resolve makes path absolute and resolves its symlinks. A file that does
// not exist resolves through its directory, so that reading it fails with
// the ordinary "no such file" once the check passes.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err == nil {
		return real, nil
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		// Nothing there to follow: judge the path as written.
		return abs, nil
	}
	return filepath.Join(dir, filepath.Base(abs)), nil
}

// uriPathParams are the query parameters of libvirt URIs that name local
// files or programs: sockets to connect to, keys and certificates to read,
// the command the ext transport runs.
var uriPathParams = []string{"socket", "keyfile", "pkipath", "known_hosts", "command", "tls_priority_file"}

// checkURIFiles refuses a URI that makes libvirt read, connect to or run a
// local file outside the read-allowed directories: test:///PATH (the test
// driver parses PATH, and its errors echo the content) and the path-valued
// parameters above.
func (p *Policy) checkURIFiles(op *Op, uri string) error {
	if p.AllowRead == nil {
		return nil
	}
	u, err := url.Parse(uri)
	if err != nil {
		return nil // libvirt reports malformed URIs itself
	}
	if strings.HasSuffix(u.Scheme, "+ext") {
		return &PolicyError{Op: op.QualName(), Reason: fmt.Sprintf("URI %q uses the ext transport, which runs a local program", uri)}
	}
	var paths []string
	if u.Scheme == "test" && u.Host == "" && u.Path != "/default" && u.Path != "" {
		paths = append(paths, u.Path)
	}
	q := uriParams(u.RawQuery)
	for _, name := range uriPathParams {
		for _, v := range q[name] {
			paths = append(paths, v)
		}
	}
	for _, path := range paths {
		if err := p.checkRead(op.QualName(), path); err != nil {
			reason := err.Error()
			if pe, ok := err.(*PolicyError); ok {
				reason = pe.Reason
			}
			return &PolicyError{Op: op.QualName(), Reason: fmt.Sprintf("URI %q names a local file: %s", uri, reason)}
		}
	}
	return nil
}

// ReadModule returns the source of a module a script loads (Lua's
// require), under the same readable-directory check as ReadFile, so a
// symlink in the script's directory cannot make a module of a file outside.
// Errors are os errors, or a *PolicyError for op.
func (s *Session) ReadModule(op, path string) ([]byte, error) {
	if err := s.policy.checkRead(op, path); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// uriParams parses a libvirt URI's query as libvirt does: parameters are
// separated by '&' or ';', and names compare without regard to case.
func uriParams(raw string) map[string][]string {
	params := map[string][]string{}
	for _, kv := range strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' }) {
		k, v, _ := strings.Cut(kv, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		k = strings.ToLower(k)
		params[k] = append(params[k], v)
	}
	return params
}
