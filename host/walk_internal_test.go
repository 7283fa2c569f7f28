package host

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// testCallable is a script function for the walker's tests.
type testCallable struct{ name string }

func (f testCallable) Name() string                { return f.name }
func (f testCallable) Call([]Value) (Value, error) { return nil, nil }
func (f testCallable) Same(other Callable) bool    { return other == Callable(f) }

const secretXML = "<domain><devices><graphics type='vnc' passwd='hunter2'/></devices></domain>"

// everyKind holds every kind of value, nested, with a password in XML in
// each container kind.
func everyKind() Value {
	stats := NewMap()
	stats.Set("state.state", int64(1))
	stats.Set("xml", secretXML)
	pages := NewIntMap()
	pages.Set(4, int64(100))
	pages.Set(2048, []Value{secretXML})
	return []Value{
		nil, true, false, int64(0), int64(math.MaxInt64), int64(math.MinInt64), 1.5, math.NaN(), math.Inf(-1),
		"plain", Bytes("\x00\x01"), secretXML,
		Tuple{&Object{class: ClassDomain, label: "web\n1"}, stats},
		pages,
		testCallable{"cb"},
		Opaque{Type: "set"},
	}
}

// TestJSONValueEveryKind: the audit log's JSON keeps every kind of value,
// tuples and dicts inside lists included (getAllDomainStats' list of
// (domain, stats) tuples was written as [{}, {}]).
func TestJSONValueEveryKind(t *testing.T) {
	got := encode(t, jsonValue(everyKind()))
	want := `[null,true,false,0,9223372036854775807,-9223372036854775808,1.5,"NaN","-Inf","plain","<2 bytes>",` +
		`"` + secretXML + `",["<virDomain \"web\\n1\">",{"state.state":1,"xml":"` + secretXML + `"}],` +
		`{"4":100,"2048":["` + secretXML + `"]},"<function cb>","{set}"]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// encode encodes v as the audit log does, <, > and & unescaped.
func encode(t *testing.T, v any) string {
	t.Helper()
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// TestRedactEveryKind: a password in XML is redacted in every container
// kind, and nothing else changes.
func TestRedactEveryKind(t *testing.T) {
	op := &Op{Name: "x", Class: ClassModule, Params: []Param{{Name: "v", Type: TAny}}}
	args, r := newRedactor(op, []Value{everyKind()})
	b := encode(t, jsonValue(args))
	if strings.Contains(b, "hunter2") {
		t.Errorf("a password is left: %s", b)
	}
	if n := strings.Count(b, "passwd='<redacted>'"); n != 3 {
		t.Errorf("%d passwords redacted, want 3: %s", n, b)
	}
	if want := strings.ReplaceAll(encode(t, jsonValue(everyKind())), "hunter2", redacted); b != "["+want+"]" {
		t.Errorf("redaction changed more than the passwords:\n%s\nwant\n[%s]", b, want)
	}
	if len(r.secrets) == 0 || r.scrub("error: hunter2") != "error: <redacted>" {
		t.Errorf("the secret is not known for the result and error: %q", r.secrets)
	}
	// The input is not changed.
	if !strings.Contains(Repr(everyKind()), "hunter2") {
		t.Error("everyKind changed")
	}
}

// TestNULEveryKind: the NUL check looks inside every container kind, at
// keys too, and names where the NUL is; bytes may hold NULs.
func TestNULEveryKind(t *testing.T) {
	m := NewMap()
	m.Set("ok", "fine")
	m.Set("dname", "a\x00b")
	keyed := NewMap()
	keyed.Set("k\x00", int64(1))
	im := NewIntMap()
	im.Set(7, []Value{"x\x00"})
	for _, c := range []struct {
		v     Value
		where string
		ok    bool
	}{
		{"a\x00", "", true},
		{Bytes("a\x00"), "", false},
		{[]Value{"a", Tuple{nil, "b\x00"}}, "element 1: element 1", true},
		{[]Value{m}, `element 0: key "dname"`, true},
		{keyed, `key "k\x00"`, true},
		{im, "key 7: element 0", true},
		{everyKind(), "", false},
	} {
		where, ok := nulAt(c.v)
		if ok != c.ok || where != c.where {
			t.Errorf("nulAt(%s) = %q, %v; want %q, %v", Repr(c.v), where, ok, c.where, c.ok)
		}
	}
}

// TestRedactXML: the secrets libvirt's schemas define are redacted
// however the XML writes them; what does not parse is redacted whole.
func TestRedactXML(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<g passwd='hunter2'/>", "<g passwd='<redacted>'/>"},
		{"<g passwd = \n\"hunter2\" a='1'/>", "<g passwd = \n\"<redacted>\" a='1'/>"},
		{"<g passwd='&#104;unter2'/>", "<g passwd='<redacted>'/>"},
		{"<g xmlns:x='u'><x:g x:password='hunter2'/></g>", "<g xmlns:x='u'><x:g x:password='<redacted>'/></g>"},
		{"<c><cookies><cookie name='s'><![CDATA[hunter2]]></cookie></cookies></c>", "<c><cookies><cookie name='s'><redacted></cookie></cookies></c>"},
		{"<launchSecurity><session>aHVudGVyMg==</session><dhCert>pub</dhCert></launchSecurity>", "<launchSecurity><session><redacted></session><dhCert>pub</dhCert></launchSecurity>"},
		{"<d><description>&lt;g passwd='hunter2'/&gt;</description></d>", "<d><description>&lt;g passwd='&lt;redacted&gt;'/&gt;</description></d>"},
		{"<d a='&lt;g passwd=&quot;hunter2&quot;/&gt;'/>", "<d a='&lt;g passwd=\"&lt;redacted&gt;\"/&gt;'/>"},
		{"<auth username='u'><secret type='ceph' uuid='x'/></auth>", "<auth username='u'><secret type='ceph' uuid='x'/></auth>"},
		{"<g passwd='hunter2'>", redactedXML},
		{"<!DOCTYPE d [<!ENTITY p 'hunter2'>]><d/>", redactedXML},
		{"<d><description>&lt;g passwd='hunter2'</description></d>", redactedXML},
	} {
		r := &redactor{}
		got, _ := r.xml(c.in, 0)
		if got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.in, got, c.want)
		}
	}
}

// TestRedactMessage: an error message is scrubbed of the call's secrets,
// of its lines that quote an argument with a secret, and redacted whole
// when an argument could not be parsed.
func TestRedactMessage(t *testing.T) {
	op := &Op{Name: "defineXML", Class: ClassConnect, Params: []Param{{Name: "xml", Type: TString}}}
	xmlArg := "<d><g passwd='hunter2' passwd='x'/></d>"
	_, r := newRedactor(op, []Value{xmlArg})
	msg := "(domain_definition):1: Attribute passwd redefined\n" + xmlArg + "\n------^"
	if got, want := r.message(msg), "(domain_definition):1: Attribute passwd redefined\n"+redactedQuote+"\n------^"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := r.message("unsupported: passwd 'hunter2'"); got != "unsupported: passwd '<redacted>'" {
		t.Errorf("got %q", got)
	}
	_, r = newRedactor(op, []Value{"x<d passwd='hunter2'>"})
	if got := r.message("Start tag expected\nx<d passwd='hunter2'>\n^"); got != redactedMessage {
		t.Errorf("got %q", got)
	}
	secret := &Op{Name: "setUserPassword", Class: ClassDomain, Params: []Param{{Name: "user", Type: TString}, {Name: "password", Type: TString, Secret: true}}}
	args, r := newRedactor(secret, []Value{"root", "hunter2"})
	if Repr(args) != `["root", "<redacted>"]` || r.message("bad password hunter2") != "bad password <redacted>" {
		t.Errorf("args %s, message %q", Repr(args), r.message("bad password hunter2"))
	}
}

// TestQuoteName: names that are printable text print as they are; the
// others are quoted so that they keep to one line and write no escape.
func TestQuoteName(t *testing.T) {
	for in, want := range map[string]string{
		"web-1": "web-1", "wéb 1": "wéb 1", "": `""`, "a\nb": `"a\nb"`, "\x1b[2K": `"\x1b[2K"`,
		"\u009b2K": `"\u009b2K"`, "\u202e": `"\u202e"`, `"quoted"`: `"\"quoted\""`, "\xff": `"\xff"`,
	} {
		if got := QuoteName(in); got != want {
			t.Errorf("QuoteName(%q) = %s, want %s", in, got, want)
		}
	}
}
