package host_test

import (
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
)

var update = flag.Bool("update", false, "write testdata/effects.golden anew from the operation table")

// effectsGolden is the reviewed list of every operation's effect.
const effectsGolden = "testdata/effects.golden"

// effectsList is one line per operation, "virDomain.blockCommit mutate",
// in the table's order of classes and names.
func effectsList() string {
	var b strings.Builder
	for _, class := range host.Classes() {
		for _, op := range host.Methods(class) {
			fmt.Fprintf(&b, "%s %s\n", op.QualName(), op.Effect)
		}
	}
	return b.String()
}

// TestEffects pins every operation's effect to testdata/effects.golden, a
// reviewed file: the policy (--read-only, --allow read, --dry-run) trusts
// the effect, so a change to one must show in a review of the golden file.
// `go test ./host -run TestEffects -update` writes it anew.
func TestEffects(t *testing.T) {
	got := effectsList()
	if *update {
		if err := os.WriteFile(effectsGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(effectsGolden)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		name, effect, _ := strings.Cut(line, " ")
		want[name] = effect
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		name, effect, _ := strings.Cut(line, " ")
		seen[name] = true
		switch w, ok := want[name]; {
		case !ok:
			t.Errorf("%s (%s) is not in %s: review its effect, then run go test ./host -run TestEffects -update", name, effect, effectsGolden)
		case w != effect:
			t.Errorf("%s is %s, %s says %s: review the change, then run go test ./host -run TestEffects -update", name, effect, effectsGolden, w)
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("%s is in %s but not in the table: run go test ./host -run TestEffects -update", name, effectsGolden)
		}
	}
	if got != string(b) && !t.Failed() {
		t.Errorf("%s is not in the table's order: run go test ./host -run TestEffects -update", effectsGolden)
	}
}

// mutatingPrefixes begin the names of operations that change state: an
// operation named so may not be a read, which --read-only, --allow read
// and --dry-run let through. A prefix matches a whole word of the
// camel-cased name: "set" matches setMemory, not settle.
var mutatingPrefixes = []string{
	"abort", "add", "agentSet", "alloc", "attach", "authorizedSSHKeysSet", "backupBegin", "block",
	"build", "change", "checkpoint", "coreDump", "create", "define", "del", "delete", "destroy",
	"detach", "dettach", "fSTrim", "finish", "fsFreeze", "fsThaw", "inject", "managedSave",
	"migrate", "openChannel", "openConsole", "openGraphics", "pMSuspend", "pMWakeup", "pin",
	"reAttach", "reboot", "refresh", "rename", "reset", "resize", "restore", "resume", "revert",
	"save", "send", "set", "shutdown", "snapshot", "sparseSend", "start", "suspend", "undefine",
	"update", "upload", "wipe",
}

// readByName are the operations named like a mutation that are reads,
// reviewed one by one, with the reason.
var readByName = map[string]string{
	"virConnect.setKeepAlive":              "the keepalive of this process's own connection: nothing on the host changes",
	"virDomain.blockInfo":                  "reports on a disk",
	"virDomain.blockIoTune":                "reports on a disk (setBlockIoTune sets)",
	"virDomain.blockJobInfo":               "reports on a block job",
	"virDomain.blockStats":                 "reports on a disk",
	"virDomain.blockStatsFlags":            "reports on a disk",
	"virDomain.checkpointLookupByName":     "looks a checkpoint up",
	"virDomain.managedSaveGetXMLDesc":      "reads the managed save image's XML",
	"virDomain.migrateGetCompressionCache": "reports a migration setting",
	"virDomain.migrateGetMaxDowntime":      "reports a migration setting",
	"virDomain.migrateGetMaxSpeed":         "reports a migration setting",
	"virDomain.snapshotCurrent":            "looks the current snapshot up",
	"virDomain.snapshotListNames":          "lists snapshots",
	"virDomain.snapshotLookupByName":       "looks a snapshot up",
	"virDomain.snapshotNum":                "counts snapshots",
	"virStream.abort":                      stream,
	"virStream.finish":                     stream,
	"virStream.send":                       stream,
	"virStream.sendAll":                    stream,
	"virStream.sendHole":                   stream,
	"virStream.sparseSendAll":              stream,
}

// stream is why virStream's data operations are reads: a stream moves
// data for the operation that opened it, and that operation carries the
// effect (virStorageVol.upload and virDomain.openConsole mutate,
// virStorageVol.download reads); a new stream that nothing opened moves
// nothing.
const stream = "moves data for the operation that opened the stream, which carries the effect"

// TestMutatingNamesAreNotReads: an operation named set*, define*,
// create*, ... whose effect is read is a sandbox hole (--read-only would
// let it run), unless it is reviewed into readByName.
func TestMutatingNamesAreNotReads(t *testing.T) {
	used := map[string]bool{}
	for _, class := range host.Classes() {
		for _, op := range host.Methods(class) {
			p := mutatingPrefix(op.Name)
			if p == "" {
				continue
			}
			if _, ok := readByName[op.QualName()]; ok {
				used[op.QualName()] = true
				if op.Effect != host.Read {
					t.Errorf("readByName lists %s, which is %s, not a read", op.QualName(), op.Effect)
				}
				continue
			}
			if op.Effect == host.Read {
				t.Errorf("%s is a read, but its name begins with %q: make it mutate, destroy or file, or review it into readByName", op.QualName(), p)
			}
		}
	}
	for name := range readByName {
		if !used[name] {
			t.Errorf("readByName lists %s, which is not an operation named like a mutation", name)
		}
	}
	// The check itself: a rule that matches nothing would pass anything.
	for name, want := range map[string]string{"setMemory": "set", "blockCommit": "block", "settle": "", "delete": "delete", "delIOThread": "del", "pinVcpu": "pin", "pinned": ""} {
		if got := mutatingPrefix(name); got != want {
			t.Errorf("mutatingPrefix(%q) = %q, want %q", name, got, want)
		}
	}
}

// mutatingPrefix returns the longest of mutatingPrefixes that begins name
// as a whole word (followed by the end, an upper-case letter or a digit),
// or "".
func mutatingPrefix(name string) string {
	best := ""
	for _, p := range mutatingPrefixes {
		rest, ok := strings.CutPrefix(name, p)
		if ok && len(p) > len(best) && (rest == "" || rest[0] >= 'A' && rest[0] <= 'Z' || rest[0] >= '0' && rest[0] <= '9') {
			best = p
		}
	}
	return best
}

// apiFunctions reads the names of libvirt's C functions from the API
// descriptions that libvirt-dev installs.
func apiFunctions(t *testing.T) map[string]bool {
	t.Helper()
	files, _ := filepath.Glob("/usr/share/libvirt/api/libvirt*-api.xml")
	if len(files) == 0 {
		t.Fatal("no /usr/share/libvirt/api/libvirt*-api.xml: install libvirt-dev (which building vertscript needs anyway)")
	}
	names := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var api struct {
			Functions []struct {
				Name string `xml:"name,attr"`
			} `xml:"symbols>function"`
		}
		if err := xml.Unmarshal(b, &api); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, fn := range api.Functions {
			names[fn.Name] = true
		}
	}
	if !names["virDomainBlockCommit"] || !names["virDomainQemuAgentCommand"] {
		t.Fatalf("%q: read %d functions, without virDomainBlockCommit or virDomainQemuAgentCommand", files, len(names))
	}
	return names
}

// TestCNamesExist checks every operation's C function against libvirt's
// API descriptions (libvirt, libvirt-qemu, libvirt-lxc, libvirt-admin):
// the docs, errors and call timeouts name it. An operation without a C
// function (python answers it from what the object holds) has its
// qualified name instead.
func TestCNamesExist(t *testing.T) {
	api := apiFunctions(t)
	for _, class := range host.Classes() {
		for _, op := range host.Methods(class) {
			if !api[op.CName] && op.CName != op.QualName() {
				t.Errorf("%s: CName %q is not a libvirt function (nor %q, for an operation without one)", op.QualName(), op.CName, op.QualName())
			}
		}
	}
}
