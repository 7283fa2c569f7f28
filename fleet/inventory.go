package fleet

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
)

// Host is one machine of a fleet: the libvirt URI that reaches it, a name
// unique in the fleet (it prefixes the host's output lines and names its
// output file), and tags that Limit selects it by.
type Host struct {
	URI  string
	Name string
	Tags []string
}

// maxLine bounds an inventory line, so that a file that is not an
// inventory is refused at its first line rather than read whole.
const maxLine = 64 << 10

// ParseInventory reads an inventory: one host per line,
//
//	URI [name=NAME] [tags=TAG,TAG...]
//
// for example
//
//	# the web tier
//	qemu+ssh://root@web1.example.com/system  name=web1  tags=web,eu
//	qemu+tls://db1.example.com/system        tags=db
//
// Fields are separated by spaces or tabs; a line whose first non-blank
// character is # is a comment, and blank lines are ignored. A host without
// name= is named after its URI (see NameOf). Names are made of letters,
// digits and . _ - : @ (not starting with .), tags of letters, digits and
// . _ -. A malformed line, a repeated field or a name used twice is an
// error naming the line.
func ParseInventory(r io.Reader) ([]Host, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxLine)
	var hosts []Host
	seen := map[string]int{}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		h, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("inventory line %d: %w", n, err)
		}
		if prev, ok := seen[h.Name]; ok {
			return nil, fmt.Errorf("inventory line %d: host name %q is already the name of line %d (names must be unique: add name=...)", n, h.Name, prev)
		}
		seen[h.Name] = n
		hosts = append(hosts, h)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("inventory: %w", err)
	}
	return hosts, nil
}

// parseLine reads one inventory line that is not blank or a comment.
func parseLine(line string) (Host, error) {
	fields := strings.Fields(line)
	h := Host{URI: fields[0]}
	if err := checkURI(h.URI); err != nil {
		return h, err
	}
	var named, tagged bool
	for _, f := range fields[1:] {
		key, val, ok := strings.Cut(f, "=")
		switch {
		case !ok:
			return h, fmt.Errorf("%q: want name=NAME or tags=TAG,TAG (after the URI)", f)
		case key == "name" && !named:
			if err := checkName(val); err != nil {
				return h, err
			}
			h.Name, named = val, true
		case key == "tags" && !tagged:
			tags, err := parseTags(val)
			if err != nil {
				return h, err
			}
			h.Tags, tagged = tags, true
		case key == "name" || key == "tags":
			return h, fmt.Errorf("%s= given twice", key)
		default:
			return h, fmt.Errorf("unknown field %q (want name= or tags=)", key+"=")
		}
	}
	if !named {
		h.Name = NameOf(h.URI)
	}
	return h, nil
}

// ParseHosts reads a comma-separated list of URIs (--hosts), each host
// named after its URI (see NameOf). Two URIs that give the same name are
// an error: an inventory names them.
func ParseHosts(list string) ([]Host, error) {
	var hosts []Host
	seen := map[string]string{}
	for _, u := range strings.Split(list, ",") {
		u = strings.TrimSpace(u)
		if u == "" {
			return nil, fmt.Errorf("hosts %q: an empty URI", list)
		}
		if err := checkURI(u); err != nil {
			return nil, fmt.Errorf("hosts: %w", err)
		}
		h := Host{URI: u, Name: NameOf(u)}
		if prev, ok := seen[h.Name]; ok {
			return nil, fmt.Errorf("hosts: %s and %s are both named %q: name them in an inventory (--inventory)", prev, u, h.Name)
		}
		seen[h.Name] = u
		hosts = append(hosts, h)
	}
	return hosts, nil
}

// checkURI refuses what cannot be a libvirt URI. The URI's policy check is
// the interpreter's, when it opens it.
func checkURI(u string) error {
	p, err := url.Parse(u)
	if err != nil || p.Scheme == "" {
		return fmt.Errorf("%q is not a libvirt URI (want e.g. qemu+ssh://host/system)", u)
	}
	return nil
}

// NameOf is the name a host gets from its URI: its host and port
// (web1.example.com, 127.0.0.1:16509), or, for a URI without a host
// (qemu:///system), the URI with every character other than a letter, a
// digit, . or - replaced by _ (qemu_system).
func NameOf(uri string) string {
	if p, err := url.Parse(uri); err == nil && p.Host != "" {
		if err := checkName(p.Host); err == nil {
			return p.Host
		}
	}
	rest := uri
	if scheme, after, ok := strings.Cut(uri, ":"); ok {
		rest = scheme + "_" + strings.TrimLeft(after, "/")
	}
	name := strings.Map(func(r rune) rune {
		if isAlnum(r) || r == '.' || r == '-' {
			return r
		}
		return '_'
	}, rest)
	name = strings.Trim(name, "_")
	if name == "" || name[0] == '.' {
		name = "host" + name
	}
	return name
}

// checkName refuses a name that could not name a file or read clearly in
// front of an output line.
func checkName(name string) error {
	if name == "" || name[0] == '.' || !allOf(name, func(r rune) bool { return isAlnum(r) || strings.ContainsRune("._-:@", r) }) {
		return fmt.Errorf("host name %q: want letters, digits and . _ - : @, not starting with .", name)
	}
	return nil
}

// parseTags reads the value of tags=.
func parseTags(val string) ([]string, error) {
	var tags []string
	for _, t := range strings.Split(val, ",") {
		if t == "" || !allOf(t, func(r rune) bool { return isAlnum(r) || strings.ContainsRune("._-", r) }) {
			return nil, fmt.Errorf("tags=%s: tag %q: want letters, digits and . _ -", val, t)
		}
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags, nil
}

func isAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

func allOf(s string, ok func(rune) bool) bool {
	for _, r := range s {
		if !ok(r) {
			return false
		}
	}
	return true
}

// Limit returns the hosts that selector picks, in their order: selector is
// a comma-separated list of tags and host names, and a host is picked when
// one of them is its name or one of its tags.
func Limit(hosts []Host, selector string) []Host {
	want := strings.Split(selector, ",")
	var out []Host
	for _, h := range hosts {
		for _, w := range want {
			w = strings.TrimSpace(w)
			if w != "" && (w == h.Name || slices.Contains(h.Tags, w)) {
				out = append(out, h)
				break
			}
		}
	}
	return out
}
