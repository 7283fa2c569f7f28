package host

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

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

// URI is a libvirt connection URI as libvirt reads it: virURIParse, which
// is libxml2's xmlParseURI followed by libvirt's split of the query into
// parameters. ParseURI reads a strict subset of what libvirt accepts and
// refuses the rest, so that every check made on a URI sees exactly what
// libvirt will act on; host/cgobackend's differential fuzz test holds the
// two parsers to that.
type URI struct {
	Scheme    string     // as written, lower case: "qemu+ssh"
	Driver    string     // the scheme before its first '+': "qemu"
	Transport string     // the scheme after it: "ssh"; "" for none
	Authority bool       // the URI has a "//" authority part
	User      string     // "" when absent
	Server    string     // "" when absent; an IPv6 address without brackets
	Port      int        // 0 when absent
	Path      string     // percent-decoded; rootless ("test:node.xml") when it does not start with '/'
	Query     string     // the query as written, without its '?'
	Params    []URIParam // the query's parameters, in order, decoded
}

// URIParam is one query parameter of a URI. libvirt compares names without
// regard to case; ParseURI gives them in lower case.
type URIParam struct {
	Name, Value string
}

// maxURILen bounds what ParseURI reads; no connection URI comes close.
const maxURILen = 4096

// ParseURI reads s as libvirt reads a connection URI, or fails: s must be
// printable ASCII; the scheme, lower case; the user and host, letters,
// digits and "._~-" (or an IPv6 address in brackets) not starting with '-';
// a port, 1 to 65535 after a host; the path, letters, digits, "._~-/:" and
// percent escapes of bytes other than control characters; the query,
// name=value parameters of those characters and ",@" joined by '&'. No
// fragment, no ';' between parameters (libvirt's reading of ';' depends on
// what follows), no "=value" without a name (libvirt drops it).
func ParseURI(s string) (*URI, error) {
	if len(s) > maxURILen {
		return nil, fmt.Errorf("longer than %d bytes", maxURILen)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f {
			return nil, fmt.Errorf("byte %d is %q: only printable ASCII is read", i, c)
		}
	}
	u := &URI{}
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return nil, errors.New("no scheme: libvirt would look the name up as an alias in its configuration")
	}
	u.Scheme = s[:colon]
	if err := checkScheme(u.Scheme); err != nil {
		return nil, err
	}
	u.Driver, u.Transport, _ = strings.Cut(u.Scheme, "+")
	if u.Driver == "" || strings.Contains(u.Transport, "+") || strings.HasSuffix(u.Scheme, "+") {
		return nil, fmt.Errorf("scheme %q: want DRIVER or DRIVER+TRANSPORT", u.Scheme)
	}
	rest := s[colon+1:]
	if s == "xen://" {
		return nil, errors.New(`libvirt reads "xen://" as "xen:///": write that`)
	}
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		return nil, errors.New("a fragment ('#') is not part of a libvirt URI")
	}
	rest, query, hasQuery := strings.Cut(rest, "?")
	if strings.HasPrefix(rest, "//") {
		u.Authority = true
		auth := rest[2:]
		rest = ""
		if i := strings.IndexByte(auth, '/'); i >= 0 {
			auth, rest = auth[:i], auth[i:]
		}
		if err := u.parseAuthority(auth); err != nil {
			return nil, err
		}
	}
	path, err := decodePath(rest)
	if err != nil {
		return nil, err
	}
	u.Path = path
	if hasQuery {
		u.Query = query
		if u.Params, err = parseQuery(query); err != nil {
			return nil, err
		}
	}
	return u, nil
}

func checkScheme(s string) error {
	if s == "" {
		return errors.New("empty scheme")
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case 'A' <= c && c <= 'Z':
			return fmt.Errorf("scheme %q: write it in lower case", s)
		default:
			return fmt.Errorf("scheme %q: a scheme is a letter, then letters, digits, '+', '-' and '.'", s)
		}
	}
	return nil
}

// parseAuthority reads [user@]host[:port].
func (u *URI) parseAuthority(a string) error {
	if user, host, ok := strings.Cut(a, "@"); ok {
		if err := checkName("user", user); err != nil {
			return err
		}
		if user == "" {
			return errors.New(`empty user before "@"`)
		}
		u.User, a = user, host
	}
	host, port := a, ""
	if strings.HasPrefix(a, "[") {
		end := strings.IndexByte(a, ']')
		if end < 0 {
			return errors.New(`"[" without "]" in the host`)
		}
		host, port = a[:end+1], a[end+1:]
		addr := host[1 : len(host)-1]
		if !strings.Contains(addr, ":") || strings.Trim(addr, "0123456789abcdefABCDEF:.") != "" {
			return fmt.Errorf("host %q: want an IPv6 address (hex digits, ':' and '.') between brackets", host)
		}
		u.Server = addr
		if port != "" && port[0] != ':' {
			return fmt.Errorf("%q after the host %s", port, host)
		}
	} else {
		if i := strings.IndexByte(a, ':'); i >= 0 {
			host, port = a[:i], a[i:]
		}
		if err := checkName("host", host); err != nil {
			return err
		}
		u.Server = host
	}
	if port == "" {
		return nil
	}
	digits := port[1:]
	n, err := strconv.Atoi(digits)
	if len(digits) == 0 || len(digits) > 5 || strings.Trim(digits, "0123456789") != "" || err != nil || n < 1 || n > 65535 {
		return fmt.Errorf("port %q: want a number from 1 to 65535", digits)
	}
	if u.Server == "" {
		return errors.New("a port without a host")
	}
	u.Port = n
	return nil
}

// checkName checks a user or host name: unreserved characters, not
// starting with '-' (which ssh would read as an option).
func checkName(what, s string) error {
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			return fmt.Errorf("%s %q: only letters, digits and \"._~-\" are read", what, s)
		}
	}
	if strings.HasPrefix(s, "-") {
		return fmt.Errorf("%s %q starts with '-'", what, s)
	}
	return nil
}

func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// unescape decodes the percent escapes of s, whose other bytes must all be
// accepted by ok. Escapes of control characters (a %00 would end the
// string that libvirt sees) are refused.
func unescape(what, s string, ok func(byte) bool) (string, error) {
	if !strings.Contains(s, "%") {
		for i := 0; i < len(s); i++ {
			if !ok(s[i]) {
				return "", fmt.Errorf("%s %q: %q is not read", what, s, s[i])
			}
		}
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' {
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return "", fmt.Errorf("%s %q: '%%' not followed by two hex digits", what, s)
			}
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if v < 0x20 || v == 0x7f {
				return "", fmt.Errorf("%s %q: %%%s encodes a control character", what, s, s[i+1:i+3])
			}
			b.WriteByte(byte(v))
			i += 2
			continue
		}
		if !ok(c) {
			return "", fmt.Errorf("%s %q: %q is not read", what, s, c)
		}
		b.WriteByte(c)
	}
	return b.String(), nil
}

func pathByte(c byte) bool { return unreserved(c) || c == '/' || c == ':' }

func decodePath(p string) (string, error) {
	return unescape("path", p, pathByte)
}

func queryByte(c byte) bool { return pathByte(c) || c == ',' || c == '@' }

// parseQuery splits a query as libvirt does when it holds no ';': at '&',
// skipping empty parts; "name" alone has the value "".
func parseQuery(q string) ([]URIParam, error) {
	if strings.Contains(q, ";") {
		return nil, errors.New("';' in the query: separate parameters with '&'")
	}
	var params []URIParam
	for _, part := range strings.Split(q, "&") {
		if part == "" {
			continue
		}
		name, value, _ := strings.Cut(part, "=")
		if name == "" {
			return nil, fmt.Errorf("parameter %q has no name", part)
		}
		n, err := unescape("parameter name", name, queryByte)
		if err != nil {
			return nil, err
		}
		v, err := unescape("parameter "+n, value, func(c byte) bool { return queryByte(c) || c == '=' })
		if err != nil {
			return nil, err
		}
		params = append(params, URIParam{Name: strings.ToLower(n), Value: v})
	}
	return params, nil
}

// String returns the canonical form of u, which --allow-uri patterns
// match: "scheme:", then "//[user@]host[:port]" when u has an authority,
// the path, and "?name=value&..." with the parameters' names in lower case;
// the host is in lower case, and every byte of the path and parameters
// other than letters, digits and "._~-/:" is percent-escaped ("%2A" for
// '*'), so that a parameter's value can never look like a separator.
func (u *URI) String() string {
	var b strings.Builder
	b.WriteString(u.Scheme)
	b.WriteByte(':')
	if u.Authority || strings.HasPrefix(u.Path, "/") {
		b.WriteString("//")
		if u.User != "" {
			b.WriteString(u.User)
			b.WriteByte('@')
		}
		if server := strings.ToLower(u.Server); strings.Contains(server, ":") {
			b.WriteString("[" + server + "]")
		} else {
			b.WriteString(server)
		}
		if u.Port != 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(u.Port))
		}
	}
	escapeTo(&b, u.Path)
	for i, p := range u.Params {
		if i == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		escapeTo(&b, p.Name)
		b.WriteByte('=')
		escapeTo(&b, p.Value)
	}
	return b.String()
}

func escapeTo(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		if c := s[i]; pathByte(c) {
			b.WriteByte(c)
		} else {
			b.Write([]byte{'%', hex[c>>4], hex[c&15]})
		}
	}
}
