package remotebackend_test

import (
	"fmt"
	"os/exec"
	"testing"

	"github.com/vertscript/vertscript/host/driver"
	"github.com/vertscript/vertscript/host/remotebackend"
	"github.com/vertscript/vertscript/internal/libvirtdtest"
)

// TestOpenAndBase opens the test driver of a loopback libvirtd and reads it.
func TestOpenAndBase(t *testing.T) {
	d := libvirtdtest.Start(t)
	c, err := remotebackend.Backend{}.ConnectOpen(d.URI(), false)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got, err := c.GetURI(); err != nil || got != d.URI() {
		t.Errorf("GetURI: %q, %v", got, err)
	}
	if typ, err := c.GetType(); err != nil || typ != "TEST" {
		t.Errorf("GetType: %q, %v", typ, err)
	}
	ids, err := c.ListDomains(10)
	if err != nil || len(ids) != 1 {
		t.Fatalf("ListDomains: %v, %v", ids, err)
	}
	dom, err := c.DomainLookupByID(uint32(ids[0]))
	if err != nil {
		t.Fatal(err)
	}
	if name, _ := dom.GetName(); name != "test" {
		t.Errorf("name %q", name)
	}
	_, err = c.DomainLookupByName("nonesuch")
	e, ok := driver.AsError(err)
	if !ok {
		t.Fatalf("lookup of a missing domain: %#v", err)
	}
	if _, err := exec.LookPath("/usr/bin/python3"); err == nil {
		out, err := exec.Command("/usr/bin/python3", "-c", `
import libvirt
try:
    libvirt.open("`+d.URI()+`").lookupByName("nonesuch")
except libvirt.libvirtError as e:
    print(e.get_error_code(), e.get_error_domain(), e.get_error_level(), e.get_error_message())
`).Output()
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprintf("%d %d %d %s\n", e.Code, e.Domain, e.Level, e.Message)
		if string(out) != got {
			t.Errorf("error code, domain, level: %q, python3-libvirt says %q", got, out)
		}
	}
}
