package host_test

import (
	"testing"

	"github.com/vertscript/vertscript/host"
)

// TestFailuresLibvirtPythonReturns: where libvirt-python returns None for
// a libvirt failure instead of raising (guestVcpus, migrateGetMaxDowntime,
// migrateGetCompressionCache on the test driver, which supports none of
// them), so does vertscript; the failure is still the last error, of the
// session and of the connection, and reaches the error handler, as in
// libvirt-python (python3 -c 'import libvirt; ...; d.guestVcpus();
// print(libvirt.virGetLastError())').
func TestFailuresLibvirtPythonReturns(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	for _, name := range []string{"guestVcpus", "migrateGetMaxDowntime", "migrateGetCompressionCache"} {
		t.Run(name, func(t *testing.T) {
			h := &recorder{}
			call(t, s, host.ClassModule, "registerErrorHandler", nil, h, "ctx")
			call(t, s, host.ClassModule, "virResetLastError", nil)
			if got := call(t, s, host.ClassDomain, name, dom); got != nil {
				t.Errorf("%s() = %v, want None", name, host.Repr(got))
			}
			if code := call(t, s, host.ClassModule, "virGetLastErrorCode", nil); code != int64(3) {
				t.Errorf("virGetLastErrorCode() = %v, want 3 (VIR_ERR_NO_SUPPORT)", code)
			}
			if e := call(t, s, host.ClassConnect, "virConnGetLastError", conn).(host.Tuple); e[0] != int64(3) {
				t.Errorf("virConnGetLastError() = %v, want code 3", host.Repr(e))
			}
			if len(h.got) != 1 {
				t.Errorf("the error handler ran %d times, want once: %q", len(h.got), h.got)
			}
			call(t, s, host.ClassModule, "registerErrorHandler", nil, nil, nil)
		})
	}
}
