package host_test

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// nodeURI is the test driver's URI of a private node described by file, a
// path from this package's directory: each connection gets its own copy.
func nodeURI(t *testing.T, file string) string {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	return "test://" + abs
}

// fixtureURI is this package's test-driver node, testdata/node.xml.
func fixtureURI(t *testing.T) string { return nodeURI(t, "testdata/node.xml") }

// checkedSession opens a session with opts, and checks that closing it, when
// the test ends, frees everything.
func checkedSession(t *testing.T, opts host.Options) *host.Session {
	t.Helper()
	s := host.NewSession(cgobackend.New(), opts)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		if n := s.Live(); n != 0 {
			t.Errorf("after Close, %d objects still live", n)
		}
	})
	return s
}

func newSession(t *testing.T) *host.Session {
	t.Helper()
	return checkedSession(t, host.Options{URI: fixtureURI(t)})
}

// call invokes class.name and fails the test on error.
func call(t *testing.T, s *host.Session, class, name string, recv *host.Object, args ...host.Value) host.Value {
	t.Helper()
	v, err := callErr(s, class, name, recv, args...)
	if err != nil {
		t.Fatalf("%s.%s: %v", class, name, err)
	}
	return v
}

func callErr(s *host.Session, class, name string, recv *host.Object, args ...host.Value) (host.Value, error) {
	op := host.Lookup(class, name)
	if op == nil {
		return nil, errors.New("no operation " + class + "." + name)
	}
	return s.Call(op, recv, args, nil)
}

func open(t *testing.T, s *host.Session) *host.Object {
	t.Helper()
	return call(t, s, host.ClassModule, "open", nil).(*host.Object)
}

func TestRepeatedLookupHoldsOneHandle(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	first := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	for range 10000 {
		d := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
		if d != first {
			t.Fatalf("lookup returned a new object %p, want %p", d, first)
		}
	}
	byUUID := call(t, s, host.ClassConnect, "lookupByUUIDString", conn, "11111111-2222-3333-4444-555555555555")
	if byUUID != first {
		t.Errorf("lookupByUUIDString gave another object than lookupByName")
	}
	call(t, s, host.ClassConnect, "listAllDomains", conn)
	if got, want := s.Live(), 3; got != want { // the connection, alpha, beta
		t.Errorf("Live() = %d, want %d", got, want)
	}
}

func TestCloseFreesEverything(t *testing.T) {
	t.Parallel()
	s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t)})
	c1 := open(t, s)
	c2 := open(t, s)
	call(t, s, host.ClassConnect, "listAllDomains", c1)
	call(t, s, host.ClassConnect, "lookupByName", c2, "beta")
	if got := s.Live(); got != 5 {
		t.Fatalf("Live() = %d, want 5", got)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if got := s.Live(); got != 0 {
		t.Errorf("Live() after Close = %d, want 0", got)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := callErr(s, host.ClassModule, "open", nil); !errors.Is(err, host.ErrSessionClosed) {
		t.Errorf("open after Close: got %v, want ErrSessionClosed", err)
	}
}

func TestConnectionCloseReleasesItsObjects(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	// virConnectClose returns the references left: 0, since the session
	// frees the domain first.
	if got := call(t, s, host.ClassConnect, "close", conn); got != int64(0) {
		t.Errorf("close() = %v, want 0", got)
	}
	_, err := callErr(s, host.ClassDomain, "name", dom)
	e, ok := host.AsError(err)
	if !ok {
		t.Fatalf("name() on a domain of a closed connection: got %v, want a libvirt error", err)
	}
	if want := "virDomain.name: invalid domain pointer in virDomainGetName: its connection was closed"; e.Error() != want {
		t.Errorf("got %q, want %q", e.Error(), want)
	}
	// VIR_ERR_INVALID_CONN (6), as python3-libvirt reports it.
	_, err = callErr(s, host.ClassConnect, "getURI", conn)
	if e, ok := host.AsError(err); !ok || e.Code != 6 || e.Message != "invalid connection pointer in virConnectGetURI" {
		t.Errorf("getURI() after close: got %v", err)
	}
}

func TestLibvirtErrorsKeepCodeDomainMessage(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	_, err := callErr(s, host.ClassConnect, "lookupByName", conn, "nosuch")
	e, ok := host.AsError(err)
	if !ok {
		t.Fatalf("got %v, want a libvirt error", err)
	}
	want := host.Error{Op: "virConnect.lookupByName", Code: 42, Domain: 12, Level: 2, Message: "Domain not found"}
	if *e != want {
		t.Errorf("got %+v, want %+v", *e, want)
	}
}

func TestArgumentBinding(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "alpha").(*host.Object)
	tests := []struct {
		class, name string
		recv        *host.Object
		args        []host.Value
		kwargs      []host.Kwarg
		want        string // the error, or "" for success
	}{
		{host.ClassConnect, "lookupByName", conn, nil, nil, "virConnect.lookupByName: missing argument for name"},
		{host.ClassConnect, "lookupByName", conn, []host.Value{int64(1)}, nil, "virConnect.lookupByName: for parameter name: got int, want string"},
		{host.ClassConnect, "lookupByName", conn, []host.Value{"alpha", int64(1)}, nil, "virConnect.lookupByName: got 2 arguments, want at most 1"},
		{host.ClassConnect, "lookupByName", conn, []host.Value{host.Opaque{Type: "function"}}, nil, "virConnect.lookupByName: for parameter name: got function, want string"},
		{host.ClassConnect, "lookupByName", conn, nil, []host.Kwarg{{"nam", "alpha"}}, `virConnect.lookupByName: unexpected keyword argument "nam"`},
		{host.ClassConnect, "lookupByName", conn, []host.Value{"alpha"}, []host.Kwarg{{"name", "alpha"}}, "virConnect.lookupByName: got multiple values for parameter name"},
		{host.ClassConnect, "lookupByName", conn, nil, []host.Kwarg{{"name", "alpha"}}, ""},
		{host.ClassConnect, "lookupByName", dom, []host.Value{"alpha"}, nil, "virConnect.lookupByName: called on virDomain, want a virConnect"},
		{host.ClassDomain, "XMLDesc", dom, nil, nil, ""},
		{host.ClassDomain, "XMLDesc", dom, []host.Value{true}, nil, ""}, // a bool is an int, as in Python
		{host.ClassDomain, "setAutostart", dom, []host.Value{int64(1)}, nil, ""},
		{host.ClassDomain, "setAutostart", dom, []host.Value{"yes"}, nil, "virDomain.setAutostart: for parameter autostart: got string, want bool"},
		{host.ClassModule, "open", nil, []host.Value{nil}, nil, ""},
		{host.ClassDomain, "XMLDesc", dom, []host.Value{int64(1<<32 + 1)}, nil, "virDomain.XMLDesc: for parameter flags: got int, want int from 0 to 4294967295"},
		{host.ClassDomain, "XMLDesc", dom, []host.Value{int64(-1)}, nil, "virDomain.XMLDesc: for parameter flags: got int, want int from 0 to 4294967295"},
	}
	for _, tt := range tests {
		_, err := s.Call(host.Lookup(tt.class, tt.name), tt.recv, tt.args, tt.kwargs)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s.%s(%v, %v): got error %q, want %q", tt.class, tt.name, tt.args, tt.kwargs, got, tt.want)
		}
	}
}

func TestDomainLifecycle(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	conn := open(t, s)
	dom := call(t, s, host.ClassConnect, "lookupByName", conn, "beta").(*host.Object)
	state := func() host.Value { return call(t, s, host.ClassDomain, "info", dom).([]host.Value)[0] }
	steps := []struct {
		op   string
		want int64 // VIR_DOMAIN_* state after the step
	}{
		{"suspend", 3}, {"resume", 1}, {"shutdown", 5}, {"create", 1}, {"destroy", 5},
	}
	for _, st := range steps {
		if got := call(t, s, host.ClassDomain, st.op, dom); got != int64(0) {
			t.Errorf("%s() = %v, want 0", st.op, got)
		}
		if got := state(); got != st.want {
			t.Errorf("after %s, state %v, want %d", st.op, got, st.want)
		}
	}
	if got := call(t, s, host.ClassDomain, "ID", dom); got != int64(-1) {
		t.Errorf("ID() of a stopped domain = %v, want -1", got)
	}
	call(t, s, host.ClassDomain, "undefine", dom)
	if got := call(t, s, host.ClassConnect, "numOfDefinedDomains", conn); got != int64(0) {
		t.Errorf("numOfDefinedDomains() after undefine = %v, want 0", got)
	}
}

func TestSessionsRunInParallel(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			s := host.NewSession(cgobackend.New(), host.Options{URI: fixtureURI(t)})
			defer s.Close()
			conn, err := callErr(s, host.ClassModule, "open", nil)
			if err != nil {
				t.Error(err)
				return
			}
			for range 100 {
				if _, err := callErr(s, host.ClassConnect, "listAllDomains", conn.(*host.Object)); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestResolveURI(t *testing.T) {
	t.Setenv("LIBVIRT_DEFAULT_URI", "test:///env")
	for _, tt := range []struct{ uri, def, want string }{
		{"qemu:///system", "test:///flag", "qemu:///system"},
		{"", "test:///flag", "test:///flag"},
		{"", "", "test:///env"},
	} {
		if got := host.ResolveURI(tt.uri, tt.def); got != tt.want {
			t.Errorf("ResolveURI(%q, %q) = %q, want %q", tt.uri, tt.def, got, tt.want)
		}
	}
}
