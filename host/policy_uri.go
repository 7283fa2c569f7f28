package host

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vertscript/vertscript/host/xmltree"
)

// harmlessParams are the URI parameters a script may pass without an
// allow-uri pattern naming them: each only chooses among behaviours
// libvirt offers anyway. Every other parameter is refused, known or not, so
// that a parameter a new libvirt adds cannot open a hole.
var harmlessParams = []string{
	"auth",    // which authentication method (sasl, polkit) to offer
	"mode",    // which daemon socket (legacy, direct, auto)
	"no_tty",  // ssh asks for no password on a terminal
	"proxy",   // which helper the remote side runs (auto, netcat, native)
	"sshauth", // which ssh authentication methods to try
}

// ownParamDrivers are the drivers in libvirt's client library that read
// parameters of their own, under names the remote driver uses for others
// (esx's proxy= sends the connection through a proxy host): none of their
// parameters is taken as harmless.
var ownParamDrivers = []string{"esx", "gsx", "vpx", "hyperv"}

// harmlessTransports are the transports a script may use without an
// allow-uri pattern naming its scheme: the local socket, the network, and
// ssh to the host the URI names. "ext" runs a program the URI names; any
// other is unknown to this check.
var harmlessTransports = []string{"", "unix", "tcp", "tls", "ssh", "libssh", "libssh2"}

// paramDanger says why a parameter that is not harmless is refused.
func paramDanger(name string) string {
	switch name {
	case "command", "netcat":
		return "it names a program to run"
	case "socket", "keyfile", "pkipath", "known_hosts", "tls_priority_file":
		return "it names a local file"
	case "root":
		return "it names a directory where libvirt writes its state"
	case "name":
		return "it carries another URI, which the daemon opens with its own rights"
	case "no_verify", "known_hosts_verify", "no_sanity":
		return "it turns off a check"
	}
	return "it is not known to be harmless"
}

// fileParams name local files and programs: --deny file refuses them even
// when an allow-uri pattern names them.
var fileParams = []string{"command", "socket", "keyfile", "pkipath", "known_hosts", "tls_priority_file", "root"}

// checkURI refuses a connection to uri unless the policy allows it. The URI
// is read as libvirt reads it (ParseURI); one that cannot be read exactly
// so is refused, as is every transport and parameter not known to be
// harmless that no allow-uri pattern names literally, and a test-driver
// path outside the readable directories. dryRun refuses what writes even
// when named (qemu:///embed?root=).
func (p *Policy) checkURI(op *Op, uri string, dryRun bool) error {
	refuse := func(format string, args ...any) error {
		return &PolicyError{Op: op.QualName(), Reason: fmt.Sprintf("URI %s ", quoteURI(uri)) + fmt.Sprintf(format, args...)}
	}
	if uri == "" {
		// libvirt's own default, from its configuration: not the script's.
		if p.AllowURI != nil {
			return refuse("(libvirt's default) matches no allow-uri pattern (%s)", strings.Join(p.AllowURI, ", "))
		}
		return nil
	}
	u, err := ParseURI(uri)
	if err != nil {
		return refuse("cannot be read exactly as libvirt reads it: %v", err)
	}
	canon := u.String()
	pattern := ""
	if p.AllowURI != nil {
		for _, g := range p.AllowURI {
			if matchURIPattern(g, canon) {
				pattern = g
				break
			}
		}
		if pattern == "" {
			shown := ""
			if canon != uri {
				shown = fmt.Sprintf("(read as %s) ", quoteURI(canon))
			}
			return refuse("%smatches no allow-uri pattern (%s)", shown, strings.Join(p.AllowURI, ", "))
		}
	}
	denyFile := slices.Contains(p.Deny, File.String())
	if !slices.Contains(harmlessTransports, u.Transport) && !patternNamesScheme(pattern, u.Scheme) {
		reason := "which is not known to be harmless"
		if u.Transport == "ext" {
			reason = "which runs a local program"
		}
		return refuse("uses the %s transport, %s; an allow-uri pattern that names the scheme %s allows it", u.Transport, reason, u.Scheme)
	}
	for i, prm := range u.Params {
		if prm.Name == "root" && (p.ReadOnly || dryRun) {
			return refuse("has the parameter root=, which makes libvirt write its state under %s: never in a read-only run or a dry run", quotePath(prm.Value))
		}
		if denyFile && slices.Contains(fileParams, prm.Name) {
			return refuse("names a local file (%s=%s), and a deny rule for file refuses the file effect", prm.Name, quotePath(prm.Value))
		}
		harmless := slices.Contains(harmlessParams, prm.Name) && !slices.Contains(ownParamDrivers, u.Driver)
		if harmless || patternNamesParam(pattern, i, prm.Name) {
			continue
		}
		return refuse("has the parameter %s=, which is refused: %s (allowed: %s=; an allow-uri pattern that names it allows it)",
			quotePath(prm.Name), paramDanger(prm.Name), strings.Join(harmlessParams, "=, "))
	}
	if u.Driver == "test" && u.Path != "/default" || u.Driver == "unix" {
		// The test driver reads the node's description from the path
		// (in-process, or in the daemon that a transport reaches), and its
		// parse errors quote the file; a unix: migration URI makes the
		// hypervisor connect to the socket at the path.
		path := u.Path
		if path == "" {
			return nil // libvirt refuses it: no file named
		}
		for _, seg := range strings.Split(path, "/") {
			if seg == "." || seg == ".." {
				return refuse("has %q in its path, which the check would read differently from the kernel where symlinks lead: name the file directly", seg)
			}
		}
		if denyFile {
			return refuse("names a local file (%s), and a deny rule for file refuses the file effect", quotePath(path))
		}
		if err := p.checkRead(op.QualName(), path); err != nil {
			return refuse("names a local file: %s", refusalReason(err))
		}
		if u.Driver == "test" {
			if reason := p.checkTestNode(op, path, 0); reason != "" {
				return refuse("%s", reason)
			}
		}
	}
	return nil
}

// maxNodeFile bounds the test driver's node descriptions the URI check
// reads; maxNodeDepth, how deep it follows their file= references.
const (
	maxNodeFile  = 64 << 20
	maxNodeDepth = 4
)

// checkTestNode reads the test driver's node description at path, as the
// test driver will, and checks every file it refers to: the driver loads
// the file= of the <domain>, <network>, <pool>, <device>, ... in <node>
// and of the <volume>s in its pools (relative to the description's
// directory), and its parse errors quote them. It
// returns why the description is refused, or "". A description that
// cannot be read as libvirt reads it (a DTD, whose entities libxml2 may
// load from files; a parse error) is refused.
func (p *Policy) checkTestNode(op *Op, path string, depth int) string {
	if p.AllowRead == nil {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return "" // libvirt fails to read it too, quoting nothing
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxNodeFile+1))
	switch {
	case err != nil:
		return fmt.Sprintf("names the node description %s, which cannot be read: %v", quotePath(path), err)
	case len(data) > maxNodeFile:
		return fmt.Sprintf("names the node description %s, which is larger than %d MiB", quotePath(path), maxNodeFile>>20)
	case declaresDTD(string(data)):
		return fmt.Sprintf("names the node description %s, which declares a DTD, whose entities libxml2 may read from other files", quotePath(path))
	}
	root, err := xmltree.Parse(string(data), nil)
	if err != nil {
		return fmt.Sprintf("names the node description %s, which cannot be read as libvirt reads it: %v", quotePath(path), err)
	}
	// The test driver follows file= on the children of <node> and on
	// the volumes of its pools.
	var els []*xmltree.Element
	for _, ch := range root.Children() {
		els = append(els, ch)
		for _, v := range ch.Children() {
			if v.Tag() == "volume" {
				els = append(els, v)
			}
		}
	}
	for _, el := range els {
		ref, ok := el.Get("file")
		if !ok {
			continue
		}
		if !filepath.IsAbs(ref) {
			ref = filepath.Join(filepath.Dir(path), ref)
		}
		if err := p.checkRead(op.QualName(), ref); err != nil {
			return fmt.Sprintf("names the node description %s, which refers to a file the script may not read: %s", quotePath(path), refusalReason(err))
		}
		if depth >= maxNodeDepth {
			return fmt.Sprintf("names the node description %s, which refers to files more than %d deep", quotePath(path), maxNodeDepth)
		}
		if reason := p.checkTestNode(op, ref, depth+1); reason != "" {
			return reason
		}
	}
	return ""
}

// quoteURI shows a URI in double quotes, escaping what a terminal would
// interpret.
func quoteURI(uri string) string {
	q := quotePath(uri)
	if strings.HasPrefix(q, `"`) {
		return q
	}
	return `"` + uri + `"`
}

// matchURIPattern reports whether the canonical URI canon matches the
// allow-uri pattern g: every byte of g stands for itself but '*', which
// stands for any run of bytes without '/', '?', '&' or '='.
func matchURIPattern(g, canon string) bool {
	star := strings.IndexByte(g, '*')
	if star < 0 {
		return g == canon
	}
	if !strings.HasPrefix(canon, g[:star]) {
		return false
	}
	canon, g = canon[star:], g[star+1:]
	for i := 0; ; i++ {
		if matchURIPattern(g, canon[i:]) {
			return true
		}
		if i == len(canon) || strings.IndexByte("/?&=", canon[i]) >= 0 {
			return false
		}
	}
}

// patternNamesScheme reports whether the pattern g spells out the scheme.
func patternNamesScheme(g, scheme string) bool {
	return g != "" && strings.HasPrefix(g, scheme+":")
}

// patternNamesParam reports whether the pattern g, which matches the URI,
// spells out the name of its parameter i: the i-th part of g's query
// starts with name and '='. Since '*' crosses no '?', '&' or '=', the
// parts of a matching pattern's query line up with the URI's parameters.
func patternNamesParam(g string, i int, name string) bool {
	_, q, ok := strings.Cut(g, "?")
	if !ok {
		return false
	}
	parts := strings.Split(q, "&")
	if i >= len(parts) {
		return false
	}
	n, _, ok := strings.Cut(parts[i], "=")
	if !ok {
		return false
	}
	var canon strings.Builder
	escapeTo(&canon, name)
	return n == canon.String()
}

// validURIPattern reports a pattern that can match nothing as intended.
func validURIPattern(g string) error {
	if g == "" {
		return fmt.Errorf("empty")
	}
	for i := 0; i < len(g); i++ {
		if c := g[i]; c <= ' ' || c >= 0x7f {
			return fmt.Errorf("byte %d is %q: patterns are printable ASCII", i, c)
		}
	}
	scheme, _, ok := strings.Cut(g, ":")
	if !ok || strings.Contains(scheme, "/") {
		return fmt.Errorf("no scheme: a pattern starts with the URI's scheme, e.g. qemu:///system")
	}
	return nil
}

// refusalReason is the reason of err when it is a refusal, else its text.
func refusalReason(err error) string {
	if pe, ok := err.(*PolicyError); ok {
		return pe.Reason
	}
	return err.Error()
}

// declaresDTD reports whether the XML document doc declares a DTD or an
// entity, which libxml2 may expand (from files) and vertscript's reader
// does not: such a document cannot be read exactly as libvirt reads it.
func declaresDTD(doc string) bool {
	return strings.Contains(doc, "<!DOCTYPE") || strings.Contains(doc, "<!ENTITY")
}
