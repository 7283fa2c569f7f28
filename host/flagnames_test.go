package host_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// unusedFlags are the C functions whose flags libvirt documents as unused
// ("extra flags; not used yet, so callers should always pass 0"): they
// have no family to spell them by.
var unusedFlags = map[string]bool{
	"virDomainReset": true, "virDomainRename": true, "virDomainAgentSetResponseTimeout": true,
	"virDomainFSFreeze": true, "virDomainFSThaw": true, "virDomainFSTrim": true, "virDomainInjectNMI": true,
	"virDomainPMSuspendForDuration": true, "virDomainPMWakeup": true, "virDomainSendKey": true,
	"virDomainSendProcessSignal": true, "virDomainSetBlockThreshold": true,
	"virDomainMigrateSetCompressionCache": true, "virDomainMigrateSetMaxDowntime": true,
	"virDomainMigrateStartPostCopy": true, "virDomainManagedSaveRemove": true,
	"virDomainSetLaunchSecurityState": true, "virDomainSetGuestVcpus": true,
	"virNodeSetMemoryParameters": true, "virConnectSetIdentity": true, "virNodeSuspendForDuration": true,
	"virDomainCreateLinux": true, "virInterfaceChangeBegin": true, "virInterfaceChangeCommit": true,
	"virInterfaceChangeRollback": true, "virInterfaceCreate": true, "virInterfaceDestroy": true,
	"virNetworkPortDelete": true, "virNetworkPortSetParameters": true, "virNodeDeviceCreate": true,
	"virNodeDeviceUndefine": true, "virNodeDeviceDetachFlags": true, "virSecretSetValue": true,
	"virStoragePoolRefresh": true, "virDomainScreenshot": true, "virConnectDomainXMLFromNative": true,
	"virConnectDomainXMLToNative": true, "virConnectFindStoragePoolSources": true,
	"virConnectGetDomainCapabilities": true, "virNodeGetSEVInfo": true, "virDomainAuthorizedSSHKeysGet": true,
	"virDomainBlockPeek": true, "virDomainGetFSInfo": true, "virDomainGetTime": true, "virDomainGetGuestInfo": true,
	"virDomainGetLaunchSecurityInfo": true, "virSecretGetValue": true, "virStorageVolWipe": true, "virStorageVolWipePattern": true,
}

// TestFlagFamilies checks that every operation that changes something and
// takes flags names their family, and that each family has constants.
func TestFlagFamilies(t *testing.T) {
	for _, class := range host.Classes() {
		for _, op := range host.Methods(class) {
			for _, p := range op.Params {
				if p.Flags != "" {
					// The family has constants (TestFlagFamiliesMatchLibvirt
					// checks they are the right ones).
					byValue := map[int64]string{}
					for _, c := range host.Constants {
						v, ok := c.Value.(int64)
						if !ok || !strings.HasPrefix(c.Name, p.Flags) {
							continue
						}
						byValue[v] = c.Name
					}
					if len(byValue) == 0 {
						t.Errorf("%s: flags family %q has no constants", op.QualName(), p.Flags)
					}
				}
				if p.Name != "flags" || op.Effect == host.Read || unusedFlags[op.CName] {
					continue
				}
				if p.Flags == "" {
					t.Errorf("%s (%s): flags parameter names no family", op.QualName(), op.CName)
				}
			}
		}
	}
}

func TestFlagNames(t *testing.T) {
	for _, tc := range []struct {
		prefix string
		v      int64
		want   string
	}{
		{"VIR_DOMAIN_UNDEFINE_", 3, "VIR_DOMAIN_UNDEFINE_MANAGED_SAVE|VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA"},
		{"VIR_DOMAIN_UNDEFINE_", 4 | 0x100, "VIR_DOMAIN_UNDEFINE_NVRAM|0x100"},
		{"VIR_DOMAIN_UNDEFINE_", 0, "0"},
		{"VIR_DOMAIN_AFFECT_", 3, "VIR_DOMAIN_AFFECT_LIVE|VIR_DOMAIN_AFFECT_CONFIG"},
		{"VIR_DOMAIN_DESTROY_", 1, "VIR_DOMAIN_DESTROY_GRACEFUL"},
	} {
		if got := host.FlagNames(tc.prefix, tc.v); got != tc.want {
			t.Errorf("FlagNames(%q, %#x) = %q, want %q", tc.prefix, tc.v, got, tc.want)
		}
	}
}

// TestPlanSpellsFlags checks that the plan and the audit log spell flags
// by name, the audit beside the number.
func TestPlanSpellsFlags(t *testing.T) {
	t.Parallel()
	var audit bytes.Buffer
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t), DryRun: true,
		Audit: slog.New(slog.NewJSONHandler(&audit, nil))})
	defer s.Close()
	conn := call(t, s, host.ClassModule, "open", nil).(*host.Object)
	alpha := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	call(t, s, host.ClassDomain, "undefineFlags", alpha, int64(3))
	call(t, s, host.ClassDomain, "undefineFlags", alpha, int64(4|0x100))
	call(t, s, host.ClassDomain, "undefineFlags", alpha)
	var got []string
	for _, e := range s.Plan() {
		got = append(got, e.String())
	}
	want := []string{
		"<virDomain alpha>.undefineFlags(VIR_DOMAIN_UNDEFINE_MANAGED_SAVE|VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA)",
		"<virDomain alpha>.undefineFlags(VIR_DOMAIN_UNDEFINE_NVRAM|0x100)",
		"<virDomain alpha>.undefineFlags(0)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("plan:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f := s.Plan()[0].FlagArgs(); f["flags"] != want[0][len("<virDomain alpha>.undefineFlags("):len(want[0])-1] {
		t.Errorf("FlagArgs = %v", f)
	}
	found := false
	for _, line := range strings.Split(strings.TrimSpace(audit.String()), "\n") {
		var rec struct {
			Op    string
			Args  []any
			Flags map[string]string
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.Op == "virDomain.undefineFlags" && rec.Args[0] == float64(3) {
			found = true
			if rec.Flags["flags"] != "VIR_DOMAIN_UNDEFINE_MANAGED_SAVE|VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA" {
				t.Errorf("audit record: flags %v", rec.Flags)
			}
		}
	}
	if !found {
		t.Errorf("no audit record of undefineFlags(3):\n%s", audit.String())
	}
}

// TestFlagFamiliesMatchLibvirt checks each flags family against the enum
// types that libvirt's API description names for the C function's flags:
// every value of those types is spelt with names of those types only, so
// that a prefix which takes in constants of another type
// (VIR_DOMAIN_SHUTDOWN_USER, a shutdown reason, beside the
// VIR_DOMAIN_SHUTDOWN_* flags) never names a flag wrongly.
func TestFlagFamiliesMatchLibvirt(t *testing.T) {
	raw, err := os.ReadFile("/usr/share/libvirt/api/libvirt-api.xml")
	if err != nil {
		t.Skip("libvirt-api.xml:", err)
	}
	var api struct {
		Enums []struct {
			Name  string `xml:"name,attr"`
			Type  string `xml:"type,attr"`
			Value string `xml:"value,attr"`
		} `xml:"symbols>enum"`
		Funcs []struct {
			Name string `xml:"name,attr"`
			Args []struct {
				Name string `xml:"name,attr"`
				Info string `xml:"info,attr"`
			} `xml:"arg"`
		} `xml:"symbols>function"`
	}
	if err := xml.Unmarshal(raw, &api); err != nil {
		t.Fatal(err)
	}
	members := map[string][]string{} // enum type -> names
	typeOf := map[string]string{}    // name -> enum type
	for _, e := range api.Enums {
		members[e.Type] = append(members[e.Type], e.Name)
		typeOf[e.Name] = e.Type
	}
	value := map[string]int64{}
	for _, c := range host.Constants {
		if v, ok := c.Value.(int64); ok {
			value[c.Name] = v
		}
	}
	flagTypes := map[string][]string{} // C function -> its flags' enum types
	word := regexp.MustCompile(`vir[A-Za-z]+`)
	for _, f := range api.Funcs {
		for _, a := range f.Args {
			if a.Name != "flags" {
				continue
			}
			for _, w := range word.FindAllString(a.Info, -1) {
				if members[w] != nil {
					flagTypes[f.Name] = append(flagTypes[f.Name], w)
				}
			}
		}
	}
	for _, class := range host.Classes() {
		for _, op := range host.Methods(class) {
			for _, p := range op.Params {
				types := flagTypes[op.CName]
				if p.Flags == "" || len(types) == 0 {
					continue
				}
				ok := map[string]bool{}
				for _, ty := range types {
					for _, n := range members[ty] {
						ok[n] = true
					}
				}
				for n := range ok {
					v, isInt := value[n]
					if !isInt || v <= 0 || !strings.HasPrefix(n, p.Flags) {
						continue
					}
					for _, got := range strings.Split(host.FlagNames(p.Flags, v), "|") {
						if !ok[got] {
							t.Errorf("%s: %s (%d) is spelt %s, of %s, not of %v", op.QualName(), n, v, got, typeOf[got], types)
						}
					}
				}
			}
		}
	}
}
