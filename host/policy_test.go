package host_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

func policySession(t *testing.T, p host.Policy) (*host.Session, *host.Object) {
	t.Helper()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), Policy: p})
	t.Cleanup(func() { s.Close() })
	conn, err := callErr(s, host.ClassModule, "open", nil)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return s, conn.(*host.Object)
}

func TestPolicyRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		policy host.Policy
		op     string // virDomain method called on alpha
		want   string // "" when allowed
	}{
		{host.Policy{}, "suspend", ""},
		{host.Policy{ReadOnly: true}, "suspend", "virDomain.suspend: refused by policy: read-only (the operation's effect is mutate)"},
		{host.Policy{ReadOnly: true}, "destroy", "virDomain.destroy: refused by policy: read-only (the operation's effect is destroy)"},
		{host.Policy{ReadOnly: true}, "info", ""},
		{host.Policy{Deny: []string{"virDomain.destroy"}}, "destroy", "virDomain.destroy: refused by policy: denied by the rule virDomain.destroy"},
		{host.Policy{Deny: []string{"virDomain.destroy"}}, "suspend", ""},
		{host.Policy{Deny: []string{"destroy"}}, "shutdown", "virDomain.shutdown: refused by policy: denied by the rule destroy"},
		{host.Policy{Allow: []string{"read"}}, "info", ""},
		{host.Policy{Allow: []string{"read"}}, "suspend", "virDomain.suspend: refused by policy: not allowed by any allow rule (read)"},
		{host.Policy{Allow: []string{"read", "virDomain.suspend"}}, "suspend", ""},
		{host.Policy{Allow: []string{"virDomain.*", "libvirt.open", "virConnect.lookupByName"}, Deny: []string{"virDomain.suspend"}}, "suspend", "virDomain.suspend: refused by policy: denied by the rule virDomain.suspend"},
		{host.Policy{Allow: []string{"virDomain.*", "libvirt.open", "virConnect.lookupByName"}, Deny: []string{"virDomain.suspend"}}, "resume", "virDomain.resume: libvirt: Requested operation is not valid: domain is not paused"},
	}
	for _, tt := range tests {
		s, conn := policySession(t, tt.policy)
		dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
		_, err := callErr(s, host.ClassDomain, tt.op, dom)
		got := ""
		if err != nil {
			got = err.Error()
			var pe *host.PolicyError
			if strings.Contains(got, "refused by policy") && !errors.As(err, &pe) {
				t.Errorf("%+v %s: refusal is %T, want *host.PolicyError", tt.policy, tt.op, err)
			}
		}
		if strings.HasPrefix(tt.want, "virDomain.resume: libvirt") {
			// Allowed: libvirt itself answers.
			if _, ok := host.AsError(err); !ok {
				t.Errorf("%+v %s: got %v, want libvirt's own error", tt.policy, tt.op, err)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("%+v %s: got %q, want %q", tt.policy, tt.op, got, tt.want)
		}
	}
}

// TestReadOnlyOpensReadOnly: a script's own open() is read-only too, so
// libvirt refuses the mutation even if the table's effect were wrong.
func TestReadOnlyOpensReadOnly(t *testing.T) {
	t.Parallel()
	s, conn := policySession(t, host.Policy{ReadOnly: true})
	if got, want := conn.String(), "<virConnect "+fixtureURI(t)+">"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	_, err := callErr(s, host.ClassConnect, "defineXML", conn, "<domain/>")
	var pe *host.PolicyError
	if !errors.As(err, &pe) || pe.Op != "virConnect.defineXML" {
		t.Errorf("defineXML under read-only: got %v", err)
	}
	// The same connection, reached without the policy check, is read-only
	// in libvirt itself.
	s2 := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t)})
	defer s2.Close()
	ro := call(t, s2, host.ClassModule, "openReadOnly", nil).(*host.Object)
	_, err = callErr(s2, host.ClassConnect, "defineXML", ro, "<domain/>")
	if e, ok := host.AsError(err); !ok || e.Code != 29 { // VIR_ERR_OPERATION_DENIED
		t.Errorf("defineXML on a read-only connection: got %v, want VIR_ERR_OPERATION_DENIED", err)
	}
}

func TestAllowURI(t *testing.T) {
	t.Parallel()
	uri := fixtureURI(t)
	s := host.NewSession(cgobackend.New(), host.Options{URI: uri, Policy: host.Policy{AllowURI: []string{"qemu:///*"}}})
	defer s.Close()
	_, err := callErr(s, host.ClassModule, "open", nil)
	want := `libvirt.open: refused by policy: URI "` + uri + `" matches no allow-uri pattern (qemu:///*)`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	s2 := host.NewSession(cgobackend.New(), host.Options{URI: uri, Policy: host.Policy{AllowURI: []string{"test://" + uri[len("test://"):len(uri)-len("node.xml")] + "*.xml"}}})
	defer s2.Close()
	if _, err := callErr(s2, host.ClassModule, "open", nil); err != nil {
		t.Errorf("open under a matching pattern: %v", err)
	}
}

func TestMalformedPolicyFailsClosed(t *testing.T) {
	t.Parallel()
	for _, p := range []host.Policy{
		{Deny: []string{"virDomain.destory"}},
		{Allow: []string{"writes"}},
		{AllowURI: []string{"qemu:///sys tem"}},
		{AllowURI: []string{"/system"}},
	} {
		if p.Validate() == nil {
			t.Errorf("%+v: Validate accepted it", p)
		}
		s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Policy: p})
		if _, err := callErr(s, host.ClassModule, "getVersion", nil); err == nil || !strings.HasPrefix(err.Error(), "policy: bad") {
			t.Errorf("%+v: getVersion got %v, want the policy's error", p, err)
		}
		s.Close()
	}
}
