package host_test

import (
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// TestReadsWorkReadOnly holds every operation whose effect is read to what
// libvirt allows on a read-only connection: each is called, with arguments
// made up for its parameters, on a read-only connection to the test
// driver, whose public API refuses privileged calls before the driver is
// asked ("read only access prevents virConnectGetDomainCapabilities").
// Such an operation runs programs, reaches other hosts or reads what the
// guest holds: its effect must be privileged, which --read-only, --allow
// read and dry runs do not let through.
func TestReadsWorkReadOnly(t *testing.T) {
	var refused, skipped []string
	probe := func(uri string, lookups [][3]string, classes ...string) {
		s := host.NewSession(cgobackend.New(), host.Options{URI: uri, Policy: host.Policy{ReadOnly: true}})
		defer s.Close()
		conn := call(t, s, host.ClassModule, "openReadOnly", nil).(*host.Object)
		objects := map[string]*host.Object{host.ClassConnect: conn}
		for _, l := range lookups { // class, lookup, and its argument, on the object of the class before
			var recv *host.Object
			switch l[0] {
			case host.ClassStorageVol:
				recv = objects[host.ClassStoragePool]
			case host.ClassSnapshot:
				recv = objects[host.ClassDomain]
			default:
				recv = conn
			}
			var args []host.Value
			if l[2] != "" {
				args = append(args, l[2])
			} else {
				args = append(args, int64(0))
			}
			objects[l[0]] = call(t, s, recv.Class(), l[1], recv, args...).(*host.Object)
		}
		for _, class := range classes {
			recv := objects[class]
		ops:
			for _, op := range host.Methods(class) {
				if op.Effect != host.Read || op.Name == "close" || op.Name == "virEventRunDefaultImpl" || op.Name == "run_events" || op.Name == "wait_for_state" {
					continue
				}
				var args []host.Value
				for _, p := range op.Params {
					if p.Optional {
						break
					}
					v, ok := madeUp(p, objects)
					if !ok {
						skipped = append(skipped, op.QualName())
						continue ops
					}
					args = append(args, v)
				}
				done := make(chan error, 1)
				go func() {
					_, err := s.Call(op, recv, args, nil)
					done <- err
				}()
				select {
				case err := <-done:
					if e, ok := host.AsError(err); ok && e.Code == 29 && strings.Contains(e.Message, "read only access prevents") && !readWriteReads[op.QualName()] {
						refused = append(refused, op.QualName()+" ("+e.Message+")")
					}
				case <-time.After(10 * time.Second):
					t.Fatalf("%s did not return", op.QualName())
				}
			}
		}
	}
	probe("test:///default", [][3]string{
		{host.ClassDomain, "lookupByName", "test"},
		{host.ClassNetwork, "networkLookupByName", "default"},
		{host.ClassStoragePool, "storagePoolLookupByName", "default-pool"},
		{host.ClassInterface, "interfaceLookupByName", "eth1"},
		{host.ClassNodeDevice, "nodeDeviceLookupByName", "computer"},
		{host.ClassStream, "newStream", ""},
	}, host.ClassModule, host.ClassConnect, host.ClassDomain, host.ClassNetwork, host.ClassStoragePool,
		host.ClassInterface, host.ClassNodeDevice)
	probe(nodeURI(t, "../tests/fixtures/storage.xml"), [][3]string{
		{host.ClassStoragePool, "storagePoolLookupByName", "default-pool"},
		{host.ClassStorageVol, "storageVolLookupByName", "web-1.img"},
		{host.ClassStream, "newStream", ""},
	}, host.ClassStorageVol)
	probe(nodeURI(t, "../tests/fixtures/objects.xml"), [][3]string{
		{host.ClassDomain, "lookupByName", "app-1"},
		{host.ClassSnapshot, "snapshotLookupByName", "base"},
	}, host.ClassSnapshot)
	if len(refused) > 0 {
		t.Errorf("libvirt refuses these reads on a read-only connection; their effect must be privileged:\n%s", strings.Join(refused, "\n"))
	}
	t.Logf("not called (a callback parameter): %s", strings.Join(skipped, ", "))
}

// readWriteReads are reads that libvirt refuses on a read-only connection
// although they neither run anything nor reach what the guest holds: they
// stay reads (--read-only still cannot make them: libvirt refuses them).
var readWriteReads = map[string]bool{
	"virDomain.migrateGetMaxSpeed": true, // a number libvirt keeps for the domain
	"virNodeDevice.autostart":      true, // a flag libvirt keeps for the device
}

// madeUp returns a value for the required parameter p: one libvirt checks
// only after its read-only check.
func madeUp(p host.Param, objects map[string]*host.Object) (host.Value, bool) {
	switch p.Type {
	case host.TInt, host.TUint, host.TUint64:
		return int64(0), true
	case host.TBool:
		return false, true
	case host.TFloat:
		return 0.0, true
	case host.TString:
		return "x", true
	case host.TBytes:
		return host.Bytes(make([]byte, 16)), true
	case host.TList:
		return []host.Value{}, true
	case host.TDict:
		return host.NewMap(), true
	case host.TIntDict:
		return host.NewIntMap(), true
	case host.TObject:
		o, ok := objects[p.Class]
		return o, ok
	case host.TStringOrNone, host.TListOrNone, host.TDictOrNone, host.TObjectOrNone, host.TAny:
		return nil, true
	}
	return nil, false // a callback
}
