package host_test

import (
	"errors"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// TestPlannedErrorIsLibvirtError: a read that a planned object cannot
// answer fails as a libvirt error, VIR_ERR_OPERATION_INVALID with the
// operation and the plan's text, so that libvirt.catch and pcall catch it
// as they catch a failed read; errors.As still finds the *PlannedError.
func TestPlannedErrorIsLibvirtError(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), DryRun: true})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	gamma := call(t, s, host.ClassConnect, "createXML", conn, newDomainXML).(*host.Object)
	for _, op := range []string{"info", "UUIDString"} { // no <uuid> in the XML: libvirt would make one up
		_, err := callErr(s, host.ClassDomain, op, gamma)
		e, ok := host.AsError(err)
		want := "<virDomain gamma> exists only in the dry-run plan (made by virConnect.createXML); it cannot be read"
		if !ok || e.Code != 55 || e.Level != 2 || e.Op != "virDomain."+op || e.Message != want {
			t.Errorf("%s() of a planned domain: %v (%#v), want a libvirt error with code 55 and message %q", op, err, e, want)
		}
		var pe *host.PlannedError
		if !errors.As(err, &pe) || err.Error() != "virDomain."+op+": "+want {
			t.Errorf("%s() of a planned domain: %v, want a *PlannedError", op, err)
		}
	}
}
