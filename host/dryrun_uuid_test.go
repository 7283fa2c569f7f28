package host_test

import (
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// TestDryRunLookupByUUID: a planned object whose XML has a <uuid> is found
// by a lookup by that UUID on the same connection, however the script
// spells it (case, dashes), as lookups by name find it; the plan
// forgetting it forgets its UUID too.
func TestDryRunLookupByUUID(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), DryRun: true})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	const uuid = "6ec8b0e2-6a59-4e0c-9d36-4b6a2f0a9e11"
	xml := strings.Replace(newDomainXML, "<name>gamma</name>", "<name>gamma</name><uuid>"+uuid+"</uuid>", 1)
	gamma := call(t, s, host.ClassConnect, "defineXML", conn, xml).(*host.Object)
	for _, u := range []string{uuid, strings.ToUpper(uuid), strings.ReplaceAll(uuid, "-", "")} {
		if got, err := callErr(s, host.ClassConnect, "lookupByUUIDString", conn, u); got != gamma {
			t.Errorf("lookupByUUIDString(%s) = %v, %v; want the planned domain", u, got, err)
		}
	}
	if got, err := callErr(s, host.ClassDomain, "UUIDString", gamma); got != uuid {
		t.Errorf("UUIDString() = %v, %v", got, err)
	}
	pool := call(t, s, host.ClassConnect, "storagePoolDefineXML", conn,
		"<pool type='dir'><name>scratch</name><uuid>"+strings.ToUpper(uuid)+"</uuid><target><path>/var/tmp/s</path></target></pool>").(*host.Object)
	if got, err := callErr(s, host.ClassConnect, "storagePoolLookupByUUIDString", conn, uuid); got != pool {
		t.Errorf("storagePoolLookupByUUIDString = %v, %v; want the planned pool", got, err)
	}
	call(t, s, host.ClassDomain, "undefine", gamma)
	if got, err := callErr(s, host.ClassConnect, "lookupByUUIDString", conn, uuid); err == nil {
		t.Errorf("lookupByUUIDString after a planned undefine = %v", got)
	}
}
