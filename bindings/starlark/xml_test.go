package starlark_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// TestXMLModules: the XML modules (package xmlmod) under their
// predeclared names, with the adapter's positions and tracebacks.
func TestXMLModules(t *testing.T) {
	tests := []struct {
		name, src string
		out, err  string
	}{
		{"the names of Python's imports",
			`print(ET.fromstring("<a/>").tag, xml.etree.ElementTree.fromstring("<b/>").tag, ET.tostring == xml.tostring, ElementTree == ET, xml.dom.minidom == minidom)`,
			"a b True True True\n", ""},
		{"an argument error, at its position", `xml.fromstring(1)`,
			"", "t.star:1:15: xml.fromstring: for parameter text: got int, want string\nTraceback (most recent call last):\n  t.star:1:15: in <toplevel>"},
		{"libvirt.catch does not catch xml errors", `libvirt.catch(xml.fromstring, "<a>")`,
			"", "t.star:1:14: xml.fromstring: line 1, column 4: unexpected end of document: <a> is not closed\nTraceback (most recent call last):\n  t.star:1:14: in <toplevel>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runScript(t, context.Background(), tt.src)
			if out != tt.out || err != tt.err {
				t.Errorf("got output %q, error %q\nwant output %q, error %q", out, err, tt.out, tt.err)
			}
		})
	}
}

// TestXMLReadsThroughThePolicy: minidom.parse and ET.parse read a path as
// read_file does: inside the readable directories, and nowhere else.
func TestXMLReadsThroughThePolicy(t *testing.T) {
	allowed, other := t.TempDir(), t.TempDir()
	for _, dir := range []string{allowed, other} {
		if err := os.WriteFile(filepath.Join(dir, "d.xml"), []byte("<domain><name>vm</name></domain>"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	src := `print(minidom.parse(argv[1]).documentElement.tagName, ET.parse(argv[1]).getroot().findtext("name"))`
	tests := []struct {
		name, path, out, err string
	}{
		{"a readable file", filepath.Join(allowed, "d.xml"), "domain vm\n", ""},
		{"a file outside", filepath.Join(other, "d.xml"), "", "minidom.parse: refused by policy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Policy: host.Policy{AllowRead: []string{allowed}}})
			defer s.Close()
			var out bytes.Buffer
			err := starlark.New().Run(context.Background(), s, host.Script{
				Path: "t.star", Src: []byte(src), Args: []string{"t.star", tt.path}, Stdout: &out, Stderr: io.Discard,
			})
			msg := ""
			if err != nil {
				msg = err.Error()
			}
			if out.String() != tt.out || (tt.err == "") != (err == nil) || !strings.Contains(msg, tt.err) {
				t.Errorf("got %q, %v; want %q and an error containing %q", out.String(), err, tt.out, tt.err)
			}
			var pe *host.PolicyError
			if tt.err != "" && !errors.As(err, &pe) {
				t.Errorf("got %T, want a policy refusal", err)
			}
		})
	}
}

// TestXMLLimits: a document larger than the memory limit, and a path that
// would go through too many elements, end the script with their limit.
func TestXMLLimits(t *testing.T) {
	small := host.Limits{MaxSteps: 10_000_000, MaxMemory: 64 * mib}
	tests := []struct {
		name   string
		limits host.Limits
		src    string
		limit  string
		want   string
	}{
		{"a huge document", small, `xml.fromstring("<a>" + "<b/>" * 2000000 + "</a>")`,
			// Under -race the heap poller may see the 8 MB string's
			// shadow first and stop the run at the *.
			"max-memory", `^t\.star:1:(15: max-memory: xml\.fromstring would build an element tree of \d+ MiB, more than the 64 MiB allowed|41: max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB)$`},
		{"a path that finds too much", host.Limits{MaxSteps: 1_000_000, MaxMemory: 1 << 30}, "root = xml.fromstring(\"<a>\" * 1000 + \"</a>\" * 1000)\nroot.findall('.//a//a//a')",
			"max-steps", `^t\.star:2:13: max-steps: the script ran more than 1000000 steps$`},
		{"a path that finds too much for the memory", host.Limits{MaxMemory: 128 * mib}, "root = xml.fromstring(\"<a>\" * 1000 + \"</a>\" * 1000)\nroot.findall('.//a//a//a')",
			"max-memory", `^t\.star:2:13: max-memory: Element\.findall would go through more than 2097152 elements$`},
		{"steps are counted", host.Limits{MaxSteps: 50_000}, "root = xml.fromstring(\"<a>\" + \"<b/>\" * 10000 + \"</a>\")\nfor i in range(10):\n    root.iter()\n",
			"max-steps", `^t\.star:3:14: max-steps: the script ran more than 50000 steps$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err, took := runLimited(t, tt.limits, tt.src)
			var le *host.LimitError
			if !errors.As(err, &le) || le.Limit != tt.limit {
				t.Fatalf("got %v, want a %s limit error", err, tt.limit)
			}
			first, _, _ := strings.Cut(err.Error(), "\n")
			if !regexp.MustCompile(tt.want).MatchString(first) {
				t.Errorf("got %q, want %s", first, tt.want)
			}
			if took > within {
				t.Errorf("took %s", took)
			}
		})
	}
}

// TestMinidomLimits: a document larger than the memory limit, a search
// through too many elements, and XML too long to write, end the script
// with their limit.
func TestMinidomLimits(t *testing.T) {
	small := host.Limits{MaxSteps: 10_000_000, MaxMemory: 64 * mib}
	deep := "doc = minidom.parseString(\"<a>\" * 10000 + \"</a>\" * 10000)\n"
	tests := []struct {
		name   string
		limits host.Limits
		src    string
		limit  string
		want   string
	}{
		{"a huge document", small, `minidom.parseString("<a>" + "<b/>" * 2000000 + "</a>")`,
			// Under -race the heap poller may see the 8 MB string's
			// shadow first and stop the run at the *.
			"max-memory", `^t\.star:1:20: max-memory: minidom\.parseString would build (an element tree|a document) of \d+ MiB, more than the 64 MiB allowed|t\.star:1:\d+: max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB$`},
		{"searches count their steps", host.Limits{MaxSteps: 50_000}, deep + "for i in range(10):\n    doc.getElementsByTagName('a')\n",
			"max-steps", `^t\.star:3:29: max-steps: the script ran more than 50000 steps$`},
		{"an indentation at every level", small, deep + "doc.toprettyxml(indent=' ' * 100000)\n",
			"max-memory", `^t\.star:2:16: max-memory: minidom\.Document\.toprettyxml would build a string of \d+ MiB, more than the 64 MiB allowed$`},
		{"childNodes of many children, kept", host.Limits{MaxMemory: 64 * mib},
			"doc = minidom.parseString(\"<a>\" + \"<b/>\" * 100000 + \"</a>\")\nkept = []\nfor i in range(100):\n    kept.append(doc.documentElement.childNodes)\n",
			"max-memory", `^t\.star:4:\d+: max-memory: (minidom\.Element\.childNodes would build a NodeList of \d+ MiB, and the script already holds \d+ MiB of the 64 MiB allowed|the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB)$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err, took := runLimited(t, tt.limits, tt.src)
			var le *host.LimitError
			if !errors.As(err, &le) || le.Limit != tt.limit {
				t.Fatalf("got %v, want a %s limit error", err, tt.limit)
			}
			first, _, _ := strings.Cut(err.Error(), "\n")
			if !regexp.MustCompile(tt.want).MatchString(first) {
				t.Errorf("got %q, want %s", first, tt.want)
			}
			if took > within {
				t.Errorf("took %s", took)
			}
		})
	}
}
