package host_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
)

// everything allows every effect, local files included.
var everything = []string{"read", "mutate", "destroy", "file", "privileged"}

// controlSession opens a session with opts on the private fixture, and
// checks that closing it frees everything.
func controlSession(t *testing.T, opts host.Options) (*host.Session, *host.Object) {
	t.Helper()
	opts.URI = fixtureURI(t)
	s := checkedSession(t, opts)
	return s, open(t, s)
}

// wantCode checks that err is a libvirt error with code.
func wantCode(t *testing.T, what string, err error, code int) {
	t.Helper()
	e, ok := host.AsError(err)
	if !ok || e.Code != code {
		t.Errorf("%s: got %v, want a libvirt error with code %d", what, err, code)
	}
}

func wantPolicyError(t *testing.T, what string, err error) {
	t.Helper()
	var pe *host.PolicyError
	if !errors.As(err, &pe) {
		t.Errorf("%s: got %v, want a policy refusal", what, err)
	}
}

func wantArgError(t *testing.T, what string, err error, substr string) {
	t.Helper()
	var ae *host.ArgError
	if !errors.As(err, &ae) || !strings.Contains(ae.Error(), substr) {
		t.Errorf("%s: got %v, want an argument error containing %q", what, err, substr)
	}
}

func dict(kv ...host.Value) *host.Map {
	m := host.NewMap()
	for i := 0; i < len(kv); i += 2 {
		m.Set(kv[i].(string), kv[i+1])
	}
	return m
}

func stateOf(t *testing.T, s *host.Session, dom *host.Object) [2]int64 {
	t.Helper()
	st := call(t, s, host.ClassDomain, "state", dom).([]host.Value)
	return [2]int64{st[0].(int64), st[1].(int64)}
}

// TestSaveRestoreFiles saves, inspects, edits and restores a domain image
// and dumps cores on the test driver, which writes real files. Every
// result is what libvirt-python 9.0 returns for the same calls on the same
// fixture.
func TestSaveRestoreFiles(t *testing.T) {
	t.Parallel()
	s, conn := controlSession(t, host.Options{Policy: host.Policy{Allow: everything}})
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	dir := t.TempDir()
	image := filepath.Join(dir, "a.save")

	if got := call(t, s, host.ClassDomain, "save", dom, image); got != int64(0) {
		t.Errorf("save = %v, want 0", got)
	}
	if got, want := stateOf(t, s, dom), [2]int64{5, 5}; got != want { // shut off, saved
		t.Errorf("state after save = %v, want %v", got, want)
	}
	if _, err := os.Stat(image); err != nil {
		t.Errorf("save wrote no image: %v", err)
	}
	xml := call(t, s, host.ClassConnect, "saveImageGetXMLDesc", conn, image).(string)
	if !strings.Contains(xml, "<name>alpha</name>") {
		t.Errorf("saveImageGetXMLDesc = %q, want alpha's XML", xml)
	}
	const mem, smaller = "<memory unit='KiB'>524288</memory>", "<memory unit='KiB'>262144</memory>"
	if !strings.Contains(xml, mem) {
		t.Fatalf("saveImageGetXMLDesc = %q, want %s", xml, mem)
	}
	if got := call(t, s, host.ClassConnect, "saveImageDefineXML", conn, image, strings.Replace(xml, mem, smaller, 1)); got != int64(0) {
		t.Errorf("saveImageDefineXML = %v, want 0", got)
	}
	if xml := call(t, s, host.ClassConnect, "saveImageGetXMLDesc", conn, image).(string); !strings.Contains(xml, smaller) {
		t.Errorf("after saveImageDefineXML, the image has %q", xml)
	}
	if got := call(t, s, host.ClassConnect, "restore", conn, image); got != int64(0) {
		t.Errorf("restore = %v, want 0", got)
	}
	if got, want := stateOf(t, s, dom), [2]int64{1, 3}; got != want { // running, restored
		t.Errorf("state after restore = %v, want %v", got, want)
	}
	if info := call(t, s, host.ClassDomain, "info", dom).([]host.Value); info[1] != int64(262144) {
		t.Errorf("maxMem after restoring the edited image = %v, want 262144", info[1])
	}
	_, err := callErr(s, host.ClassConnect, "restore", conn, image)
	wantCode(t, "restore of a running domain", err, 55) // VIR_ERR_OPERATION_INVALID

	second := filepath.Join(dir, "b.save")
	_, err = callErr(s, host.ClassDomain, "saveFlags", dom, second, nil, int64(4)) // VIR_DOMAIN_SAVE_PAUSED
	wantCode(t, "saveFlags(PAUSED), which the test driver refuses", err, 8)
	_, err = callErr(s, host.ClassConnect, "restoreFlags", conn, second)
	wantCode(t, "restoreFlags of a missing image", err, 38) // VIR_ERR_SYSTEM_ERROR
	_, err = callErr(s, host.ClassDomain, "saveParams", dom, dict("file", filepath.Join(dir, "c.save")))
	wantCode(t, "saveParams", err, 3) // VIR_ERR_NO_SUPPORT
	_, err = callErr(s, host.ClassConnect, "restoreParams", conn, dict("file", filepath.Join(dir, "c.save"), "dxml", xml))
	wantCode(t, "restoreParams", err, 3)

	for _, c := range []struct {
		args []host.Value
		code int // 0 for success
	}{
		{[]host.Value{filepath.Join(dir, "core")}, 0},
		{[]host.Value{filepath.Join(dir, "core2"), int64(0)}, 0},  // VIR_DOMAIN_CORE_DUMP_FORMAT_RAW
		{[]host.Value{filepath.Join(dir, "core3"), int64(1)}, 84}, // KDUMP_ZLIB: VIR_ERR_OPERATION_UNSUPPORTED
	} {
		name := "coreDump"
		if len(c.args) == 2 {
			name = "coreDumpWithFormat"
		}
		v, err := callErr(s, host.ClassDomain, name, dom, c.args...)
		if c.code != 0 {
			wantCode(t, name, err, c.code)
			continue
		}
		if err != nil || v != int64(0) {
			t.Errorf("%s%v = %v, %v; want 0", name, c.args, v, err)
		}
		if _, err := os.Stat(c.args[0].(string)); err != nil {
			t.Errorf("%s wrote no dump: %v", name, err)
		}
	}
	call(t, s, host.ClassDomain, "coreDump", dom, filepath.Join(dir, "core4"), int64(1)) // VIR_DUMP_CRASH
	// Shut off, crashed.
	if got, want := stateOf(t, s, dom), [2]int64{5, 3}; got != want {
		t.Errorf("state after coreDump(VIR_DUMP_CRASH) = %v, want %v", got, want)
	}

	// The block jobs and backups that write files reach libvirt, which has
	// none of them in the test driver.
	_, err = callErr(s, host.ClassDomain, "blockCopy", dom, "vda", "<disk/>", dict("bandwidth", int64(1)))
	wantCode(t, "blockCopy", err, 3)
	_, err = callErr(s, host.ClassDomain, "blockRebase", dom, "vda", nil)
	wantCode(t, "blockRebase", err, 3)
	_, err = callErr(s, host.ClassDomain, "backupBegin", dom, "<domainbackup/>", nil)
	wantCode(t, "backupBegin", err, 3)
}

// TestFileOperationsRefusedByDefault: without an --allow rule for them,
// the operations that read or write local paths never reach libvirt.
func TestFileOperationsRefusedByDefault(t *testing.T) {
	t.Parallel()
	s, conn := controlSession(t, host.Options{})
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	dir := t.TempDir()
	path := filepath.Join(dir, "x")
	for _, c := range []struct {
		class, op string
		recv      *host.Object
		args      []host.Value
	}{
		{host.ClassDomain, "save", dom, []host.Value{path}},
		{host.ClassDomain, "saveFlags", dom, []host.Value{path}},
		{host.ClassDomain, "saveParams", dom, []host.Value{dict("file", path)}},
		{host.ClassDomain, "coreDump", dom, []host.Value{path}},
		{host.ClassDomain, "coreDumpWithFormat", dom, []host.Value{path, int64(0)}},
		{host.ClassDomain, "blockCopy", dom, []host.Value{"vda", "<disk/>"}},
		{host.ClassDomain, "blockRebase", dom, []host.Value{"vda", path}},
		{host.ClassDomain, "backupBegin", dom, []host.Value{"<domainbackup/>", nil}},
		{host.ClassConnect, "restore", conn, []host.Value{path}},
		{host.ClassConnect, "restoreFlags", conn, []host.Value{path}},
		{host.ClassConnect, "restoreParams", conn, []host.Value{dict("file", path)}},
		{host.ClassConnect, "saveImageGetXMLDesc", conn, []host.Value{path}},
		{host.ClassConnect, "saveImageDefineXML", conn, []host.Value{path, "<domain/>"}},
	} {
		_, err := callErr(s, c.class, c.op, c.recv, c.args...)
		wantPolicyError(t, c.op, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused operations wrote %d files", len(entries))
	}
	if got := stateOf(t, s, dom); got[0] != 1 {
		t.Errorf("alpha's state = %v, want running", got)
	}
}

// TestSavedImagesFollowReadableDirectories: with --allow-read, restoring
// and inspecting images is limited to the readable directories.
func TestSavedImagesFollowReadableDirectories(t *testing.T) {
	t.Parallel()
	allowed, outside := t.TempDir(), t.TempDir()
	fixtureDir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	s, conn := controlSession(t, host.Options{Policy: host.Policy{Allow: everything, AllowRead: []string{allowed, fixtureDir}}})
	bad := filepath.Join(outside, "a.save")
	for _, c := range []struct {
		op   string
		args []host.Value
	}{
		{"restore", []host.Value{bad}},
		{"restoreFlags", []host.Value{bad}},
		{"restoreParams", []host.Value{dict("file", bad)}},
		{"saveImageGetXMLDesc", []host.Value{bad}},
		{"saveImageDefineXML", []host.Value{bad, "<domain/>"}},
	} {
		_, err := callErr(s, host.ClassConnect, c.op, conn, c.args...)
		wantPolicyError(t, c.op, err)
	}
	_, err = callErr(s, host.ClassConnect, "restore", conn, filepath.Join(allowed, "missing.save"))
	wantCode(t, "restore of a missing image in a readable directory", err, 38)
}

// TestMigrationURIsFollowPolicy: every URI a migration names must match
// --allow-uri, as the connections a script opens must.
func TestMigrationURIsFollowPolicy(t *testing.T) {
	t.Parallel()
	s, conn := controlSession(t, host.Options{Policy: host.Policy{AllowURI: []string{fixtureURI(t), "test:///default"}}})
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	dconn := open(t, s)
	const far = "qemu+ssh://elsewhere/system"
	for _, c := range []struct {
		op   string
		args []host.Value
	}{
		{"migrateToURI", []host.Value{far}},
		{"migrateToURI2", []host.Value{far}},
		{"migrateToURI2", []host.Value{nil, "tcp://elsewhere:49152"}},
		{"migrateToURI3", []host.Value{far, host.NewMap()}},
		{"migrateToURI3", []host.Value{"test:///default", dict("migrate_uri", "tcp://elsewhere")}},
		{"migrateToURI3", []host.Value{nil, dict("disks_uri", "tcp://elsewhere")}},
		{"migrate", []host.Value{dconn, int64(0), nil, "tcp://elsewhere"}},
		{"migrate2", []host.Value{dconn, nil, int64(0), nil, "tcp://elsewhere"}},
		{"migrate3", []host.Value{dconn, dict("migrate_uri", "tcp://elsewhere")}},
	} {
		_, err := callErr(s, host.ClassDomain, c.op, dom, c.args...)
		wantPolicyError(t, c.op, err)
	}
	// Allowed URIs reach libvirt, whose test driver migrates nothing.
	_, err := callErr(s, host.ClassDomain, "migrateToURI", dom, "test:///default")
	wantCode(t, "migrateToURI to an allowed URI", err, 74) // VIR_ERR_ARGUMENT_UNSUPPORTED
	_, err = callErr(s, host.ClassDomain, "migrate", dom, dconn)
	wantCode(t, "migrate", err, 3)
	if got := stateOf(t, s, dom); got[0] != 1 {
		t.Errorf("alpha's state = %v, want running", got)
	}
}

// TestMigrateDryRun: a dry run plans the migration and returns the domain
// it would make on the destination connection.
func TestMigrateDryRun(t *testing.T) {
	t.Parallel()
	s, conn := controlSession(t, host.Options{DryRun: true})
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	dconn := open(t, s)
	for _, c := range []struct {
		op   string
		args []host.Value
		want string
	}{
		{"migrate", []host.Value{dconn}, "<virDomain alpha>"},
		{"migrate", []host.Value{dconn, int64(1), "moved"}, "<virDomain moved>"},
		{"migrate2", []host.Value{dconn, nil, int64(0), "moved-2"}, "<virDomain moved-2>"},
		{"migrate3", []host.Value{dconn, dict("destination_name", "moved-3")}, "<virDomain moved-3>"},
	} {
		v := call(t, s, host.ClassDomain, c.op, dom, c.args...)
		o, ok := v.(*host.Object)
		if !ok || o.String() != c.want || o.Conn() != dconn {
			t.Errorf("dry-run %s = %v, want %s on the destination connection", c.op, v, c.want)
			continue
		}
		// The planned domain answers connect() without libvirt.
		if got := call(t, s, host.ClassDomain, "connect", o); got != dconn {
			t.Errorf("connect() of the planned domain = %v, want the destination", got)
		}
	}
	call(t, s, host.ClassDomain, "setUserPassword", dom, "root", "hunter2")
	plan := s.Plan()
	if len(plan) != 5 {
		t.Fatalf("plan has %d entries, want 5: %v", len(plan), plan)
	}
	if e := plan[1]; e.Receiver != "<virDomain alpha>" || e.Op != "virDomain.migrate" || len(e.Args) != 5 || e.Args[0] != dconn || e.Args[2] != "moved" {
		t.Errorf("plan entry %+v, want alpha's migrate to dconn as moved", e)
	}
	if got := plan[4].String(); strings.Contains(got, "hunter2") || !strings.Contains(got, "<redacted>") {
		t.Errorf("setUserPassword's plan entry %q shows the password", got)
	}
	if got := stateOf(t, s, dom); got[0] != 1 {
		t.Errorf("alpha's state = %v, want running", got)
	}
}

// TestControlArgumentErrors: arguments libvirt-python refuses before
// calling libvirt are refused here too, with an argument error (or, where
// libvirt-python raises libvirtError, a libvirt-style VIR_ERR_INVALID_ARG).
func TestControlArgumentErrors(t *testing.T) {
	t.Parallel()
	s, conn := controlSession(t, host.Options{Policy: host.Policy{Allow: everything}})
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	dconn := open(t, s)
	seventeen := make([]host.Value, 17)
	for i := range seventeen {
		seventeen[i] = int64(30)
	}
	for _, c := range []struct {
		op     string
		args   []host.Value
		substr string // "" for a VIR_ERR_INVALID_ARG libvirt error
	}{
		{"migrate3", []host.Value{dconn, dict("nosuch", int64(1))}, `unknown key "nosuch"`},
		{"migrate3", []host.Value{dconn, dict("bandwidth", "fast")}, `key "bandwidth": got string, want int from 0`},
		{"migrate3", []host.Value{dconn, dict("bandwidth.postcopy", int64(5))}, `"bandwidth.postcopy" must come with "bandwidth"`},
		{"migrate3", []host.Value{dconn, dict("bandwidth", int64(4), "bandwidth.postcopy", int64(5))}, `"bandwidth.postcopy" must come with "bandwidth"`},
		{"migrate3", []host.Value{dconn, dict("disks_port", int64(1)<<40)}, "want int from -2147483648 to 2147483647"},
		{"migrate3", []host.Value{dconn, dict("migrate_disks", []host.Value{"vda", int64(2)})}, `key "migrate_disks": item 1: got int, want string`},
		{"migrateToURI3", []host.Value{nil, dict("destination_name", "a\x00b")}, `for parameter params: key "destination_name": embedded null character`},
		{"blockCopy", []host.Value{"vda", "<disk/>", dict("granularity", int64(1)<<33)}, "want int from 0 to 4294967295"},
		{"saveParams", []host.Value{dict("file", int64(1))}, `key "file": got int, want string`},
		{"sendKey", []host.Value{int64(0), int64(10), []host.Value{int64(1), "x"}, int64(2)}, "item 1: got string"},
		{"sendKey", []host.Value{int64(1) << 31, int64(10), []host.Value{int64(1)}, int64(1)}, "does not fit a C int"},
		{"sendKey", []host.Value{int64(0), int64(10), []host.Value{int64(1)}, int64(2)}, ""},
		{"sendKey", []host.Value{int64(0), int64(10), seventeen, int64(17)}, ""},
		{"agentSetResponseTimeout", []host.Value{int64(1) << 31}, "does not fit a C int"},
		{"startDirtyRateCalc", []host.Value{int64(-1)<<31 - 1}, "does not fit a C int"},
		{"authorizedSSHKeysSet", []host.Value{"root", []host.Value{int64(1)}}, "item 0: got int, want string"},
		{"fsFreeze", []host.Value{[]host.Value{"/", int64(2)}}, "item 1: got int, want string"},
	} {
		_, err := callErr(s, host.ClassDomain, c.op, dom, c.args...)
		if c.substr == "" {
			wantCode(t, c.op, err, 8)
			continue
		}
		wantArgError(t, c.op, err, c.substr)
	}
}

// TestRenameRelabels: a renamed domain prints under its new name.
func TestRenameRelabels(t *testing.T) {
	t.Parallel()
	s, conn := controlSession(t, host.Options{})
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "beta").(*host.Object)
	call(t, s, host.ClassDomain, "destroyFlags", dom)
	if got := call(t, s, host.ClassDomain, "rename", dom, "gamma"); got != int64(0) {
		t.Fatalf("rename = %v, want 0", got)
	}
	if got := dom.String(); got != "<virDomain gamma>" {
		t.Errorf("renamed domain prints as %s", got)
	}
	if got := call(t, s, host.ClassConnect, "lookupByName", conn, "gamma"); got != dom {
		t.Errorf("lookupByName(new name) = %v, want the same object", got)
	}
}
