package vertscript_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript"
)

// script returns src in the language of name: Starlark's text, or Lua's
// when name ends in .lua.
func run(t *testing.T, opts vertscript.Options, name, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	opts.Stdout = &out
	in, err := vertscript.New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	_, err = in.Run(context.Background(), name, []byte(src))
	return out.String(), err
}

func TestSafeDefaults(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret")
	os.WriteFile(secret, []byte("s3cret"), 0o600)
	cases := []struct {
		name, src string
		want      string // a part of the refusal
	}{
		{"write.star", `libvirt.open().lookupByName("test").suspend()`, "read-only"},
		{"write.lua", `libvirt.open():lookupByName("test"):suspend()`, "read-only"},
		{"uri.star", `libvirt.open("test:///default")`, "matches no allow-uri pattern"},
		{"uri.lua", `libvirt.open("test:///default")`, "matches no allow-uri pattern"},
		{"file.star", `read_file(` + fmt.Sprintf("%q", secret) + `)`, "outside the readable directories"},
		{"file.lua", `read_file(` + fmt.Sprintf("%q", secret) + `)`, "outside the readable directories"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// No URI given: libvirt's default (its configuration, the
			// environment) is not the script's to use either.
			t.Setenv("LIBVIRT_DEFAULT_URI", "test:///default")
			opts := vertscript.Options{}
			if strings.HasPrefix(c.name, "write") {
				opts.URI = "test:///default"
			}
			_, err := run(t, opts, c.name, c.src)
			var pe *vertscript.PolicyError
			if !errors.As(err, &pe) || !strings.Contains(pe.Reason, c.want) {
				t.Fatalf("got %v, want a *PolicyError containing %q", err, c.want)
			}
			if strings.Contains(err.Error(), dir) && c.want != "outside the readable directories" {
				t.Errorf("the refusal names a directory of the program's: %v", err)
			}
		})
	}
	// libvirt's default URI when none is given: refused, whatever the
	// environment says.
	t.Setenv("LIBVIRT_DEFAULT_URI", "test:///default")
	for _, name := range []string{"default.star", "default.lua"} {
		_, err := run(t, vertscript.Options{}, name, `libvirt.open()`)
		var pe *vertscript.PolicyError
		if !errors.As(err, &pe) {
			t.Errorf("%s: libvirt.open() with no URI given: got %v, want a refusal", name, err)
		}
	}
}

func TestNewValidates(t *testing.T) {
	dir := t.TempDir()
	noop := vertscript.Func("app", "noop", vertscript.Read, nil, "", func(context.Context, []vertscript.Value) (vertscript.Value, error) { return nil, nil })
	cases := []struct {
		name string
		opts vertscript.Options
		want string
	}{
		{"bad rule", vertscript.Options{Allow: []string{"virDomain.nope"}}, "bad rule"},
		{"bad pattern", vertscript.Options{AllowURI: []string{"/no/scheme"}}, "bad URI pattern"},
		{"bad URI", vertscript.Options{URI: "QEMU:///system"}, "URI"},
		{"missing read dir", vertscript.Options{AllowRead: []string{filepath.Join(dir, "nope")}}, "AllowRead"},
		{"relative base", vertscript.Options{BaseDir: "rel"}, "not absolute"},
		{"module name", vertscript.Options{Modules: []vertscript.Module{{Name: "lib virt"}}}, "not an identifier"},
		{"module libvirt", vertscript.Options{Modules: []vertscript.Module{{Name: "libvirt"}}}, "libvirt's"},
		{"module twice", vertscript.Options{Modules: []vertscript.Module{{Name: "app", Funcs: []*vertscript.Op{noop}}, {Name: "app", Funcs: []*vertscript.Op{noop}}}}, "twice"},
		{"rule on a module function", vertscript.Options{Deny: []string{"app.nope"}, Modules: []vertscript.Module{{Name: "app", Funcs: []*vertscript.Op{noop}}}}, "bad rule"},
		{"negative depth", vertscript.Options{Limits: vertscript.Limits{MaxDepth: -1}}, "negative"},
	}
	// A module cannot take the name of a global its language sets.
	for _, c := range []struct{ name, script string }{
		{"arg", "m.lua"}, {"string", "m.lua"}, {"print", "m.lua"}, {"json", "m.lua"},
		{"argv", "m.star"}, {"print", "m.star"}, {"json", "m.star"}, {"len", "m.star"},
	} {
		noop := vertscript.Func(c.name, "noop", vertscript.Read, nil, "", func(context.Context, []vertscript.Value) (vertscript.Value, error) { return nil, nil })
		in, err := vertscript.New(vertscript.Options{Modules: []vertscript.Module{{Name: c.name, Funcs: []*vertscript.Op{noop}}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := in.Run(context.Background(), c.script, []byte("x = 1")); err == nil || !strings.Contains(err.Error(), "module "+c.name) {
			t.Errorf("a module named %s in %s: got %v, want a refusal", c.name, c.script, err)
		}
	}
	for _, c := range cases {
		if _, err := vertscript.New(c.opts); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.name, err, c.want)
		}
	}
	if _, err := vertscript.New(vertscript.Options{Deny: []string{"app.noop"}, Modules: []vertscript.Module{{Name: "app", Funcs: []*vertscript.Op{noop}}}}); err != nil {
		t.Errorf("a rule naming a module function: %v", err)
	}
}

// A nil Stdout discards what the script prints; it does not panic.
func TestNilWriters(t *testing.T) {
	for _, name := range []string{"p.star", "p.lua"} {
		in, err := vertscript.New(vertscript.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := in.Run(context.Background(), name, []byte(`print("x")`)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Errors have the same shape in both languages: position fields, causes
// that errors.As and errors.Is find.
func TestErrorsAlike(t *testing.T) {
	opts := vertscript.Options{URI: "test:///default", Limits: vertscript.Limits{Timeout: 200 * time.Millisecond}}
	cases := []struct {
		name, src string
		line, col int
		check     func(error) bool
	}{
		{"syntax.star", "x = 1\ny = (\n", 3, 1, func(err error) bool { return true }},
		{"syntax.lua", "x = 1\ny = (\n", 3, 0, func(err error) bool { return true }},
		{"libvirt.star", "c = libvirt.open()\nc.lookupByName('nope')", 2, 15, func(err error) bool {
			var le *vertscript.LibvirtError
			return errors.As(err, &le) && le.Code == int(libvirt.ERR_NO_DOMAIN)
		}},
		{"libvirt.lua", "local c = libvirt.open()\nc:lookupByName('nope')", 2, 0, func(err error) bool {
			var le *vertscript.LibvirtError
			return errors.As(err, &le) && le.Code == int(libvirt.ERR_NO_DOMAIN)
		}},
		{"timeout.star", "def f():\n    while True:\n        pass\nf()", 0, 0, func(err error) bool {
			var le *vertscript.LimitError
			return errors.As(err, &le) && le.Limit == "timeout"
		}},
		{"timeout.lua", "while true do\nend", 0, 0, func(err error) bool {
			var le *vertscript.LimitError
			return errors.As(err, &le) && le.Limit == "timeout"
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := run(t, opts, c.name, c.src)
			var se *vertscript.Error
			if !errors.As(err, &se) {
				t.Fatalf("got %T %v, want a *vertscript.Error", err, err)
			}
			if !c.check(err) {
				t.Errorf("the cause of %v is not what it should be (%T)", err, se.Err)
			}
			if se.Pos.File != c.name || c.line > 0 && se.Pos.Line != c.line || c.col > 0 && se.Pos.Col != c.col {
				t.Errorf("position %+v, want %s line %d col %d", se.Pos, c.name, c.line, c.col)
			}
		})
	}
}

// A cancelled run's error wraps the context's cause, in both languages.
func TestCancelWrapsCause(t *testing.T) {
	for _, c := range []struct{ name, src string }{
		{"loop.star", "def f():\n    while True:\n        pass\nf()"},
		{"loop.lua", "while true do end"},
	} {
		in, err := vertscript.New(vertscript.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		_, err = in.Run(ctx, c.name, []byte(c.src))
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: got %v, want an error wrapping context.Canceled", c.name, err)
		}
	}
}

// Go functions: the policy, the dry run and argument checks apply to
// them as to libvirt's operations.
func TestModules(t *testing.T) {
	var mu sync.Mutex
	var calls []string
	record := func(_ context.Context, args []vertscript.Value) (vertscript.Value, error) {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, args[0].(string))
		return int64(len(calls)), nil
	}
	mods := []vertscript.Module{{Name: "ticket", Funcs: []*vertscript.Op{
		vertscript.Func("ticket", "open", vertscript.Mutate, []vertscript.Param{vertscript.Required("title", vertscript.String)}, "Opens a ticket.", record),
		vertscript.Func("ticket", "fail", vertscript.Read, nil, "Fails.", func(context.Context, []vertscript.Value) (vertscript.Value, error) {
			return nil, errors.New("the ticket system is down")
		}),
	}}}
	for _, lang := range []string{"star", "lua"} {
		calls = nil
		name := "t." + lang
		out, err := run(t, vertscript.Options{ReadWrite: true, Modules: mods}, name, `print(ticket.open("disk full"))`)
		if err != nil || out != "1\n" || len(calls) != 1 {
			t.Errorf("%s: got %q, %v, calls %v", name, out, err, calls)
		}
		// Read-only (the default): refused before the function runs.
		_, err = run(t, vertscript.Options{Modules: mods}, name, `ticket.open("x")`)
		var pe *vertscript.PolicyError
		if !errors.As(err, &pe) || pe.Op != "ticket.open" || len(calls) != 1 {
			t.Errorf("%s read-only: got %v, calls %v", name, err, calls)
		}
		_, err = run(t, vertscript.Options{ReadWrite: true, Deny: []string{"ticket.*"}, Modules: mods}, name, `ticket.open("x")`)
		if !errors.As(err, &pe) || len(calls) != 1 {
			t.Errorf("%s denied: got %v, calls %v", name, err, calls)
		}
		// A dry run records the call and does not make it.
		in, _ := vertscript.New(vertscript.Options{ReadWrite: true, DryRun: true, Modules: mods})
		res, err := in.Run(context.Background(), name, []byte(`ticket.open("planned")`))
		if err != nil || len(calls) != 1 || len(res.Plan) != 1 || res.Plan[0].Op != "ticket.open" || res.Plan[0].Receiver != "ticket" {
			t.Errorf("%s dry run: got %v, plan %+v, calls %v", name, err, res, calls)
		}
		// Arguments are checked against the parameters.
		_, err = run(t, vertscript.Options{ReadWrite: true, Modules: mods}, name, `ticket.open(1)`)
		if err == nil || !strings.Contains(err.Error(), "ticket.open") || len(calls) != 1 {
			t.Errorf("%s wrong type: got %v", name, err)
		}
		_, err = run(t, vertscript.Options{Modules: mods}, name, `ticket.fail()`)
		if err == nil || !strings.Contains(err.Error(), "the ticket system is down") {
			t.Errorf("%s failing function: got %v", name, err)
		}
	}
}

// A connection the program holds: scripts get it as conn, and it stays
// open for the program after the run.
func TestGivenConn(t *testing.T) {
	c, err := libvirt.NewConnect("test:///default")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, c2 := range []struct{ name, src string }{
		{"c.star", `print(conn.lookupByName("test").name(), conn.getURI())`},
		{"c.lua", `print(conn:lookupByName("test"):name(), conn:getURI())`},
	} {
		out, err := run(t, vertscript.Options{Conn: c}, c2.name, c2.src)
		if want := strings.Replace("test test:///default\n", " ", sep(c2.name), 1); err != nil || out != want {
			t.Errorf("%s: got %q, %v", c2.name, out, err)
		}
	}
	if _, err := c.LookupDomainByName("test"); err != nil {
		t.Errorf("the program's connection after the runs: %v", err)
	}
}

// Relative paths are the run's BaseDir's, not the process's.
func TestBaseDir(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "data.txt"), []byte("from the base dir"), 0o600)
	os.WriteFile(filepath.Join(dir, "r.star"), []byte(`print(read_file("data.txt"))`), 0o600)
	os.WriteFile(filepath.Join(dir, "r.lua"), []byte(`print(read_file("data.txt"))`), 0o600)
	for _, name := range []string{"r.star", "r.lua"} {
		var out bytes.Buffer
		in, err := vertscript.New(vertscript.Options{BaseDir: dir, AllowRead: []string{"."}, Stdout: &out})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := in.RunFile(context.Background(), name); err != nil || out.String() != "from the base dir\n" {
			t.Errorf("%s: got %q, %v", name, out.String(), err)
		}
	}
	// A relative path libvirt would take in the process's directory.
	_, err := run(t, vertscript.Options{BaseDir: dir, AllowRead: []string{"."}, AllowURI: []string{"test:*"}}, "u.star", `libvirt.open("test:node.xml")`)
	var pe *vertscript.PolicyError
	if !errors.As(err, &pe) || !strings.Contains(pe.Reason, "relative path") {
		t.Errorf("test:REL under a BaseDir: got %v", err)
	}
}

// Runs share nothing: eight at once in both languages, under -race.
func TestConcurrentRuns(t *testing.T) {
	node, err := filepath.Abs("tests/fixtures/node.xml")
	if err != nil {
		t.Fatal(err)
	}
	opts := vertscript.Options{URI: "test://" + node, ReadWrite: true, AllowRead: []string{filepath.Dir(node)}}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	outs := make([]string, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out bytes.Buffer
			o := opts
			o.Stdout = &out
			in, err := vertscript.New(o)
			if err != nil {
				errs[i] = err
				return
			}
			name, src := "s.star", "c = libvirt.open()\nd = c.lookupByName('web-1')\nd.suspend()\nprint(d.info()[0])\nd.resume()\nprint(d.info()[0])"
			if i%2 == 1 {
				name, src = "s.lua", "local c = libvirt.open()\nlocal d = c:lookupByName('web-1')\nd:suspend()\nprint(d:info()[1])\nd:resume()\nprint(d:info()[1])"
			}
			_, errs[i] = in.Run(context.Background(), name, []byte(src))
			outs[i] = out.String()
		}()
	}
	wg.Wait()
	for i := range 8 {
		if errs[i] != nil || outs[i] != "3\n1\n" {
			t.Errorf("run %d: %q, %v", i, outs[i], errs[i])
		}
	}
}

// sep is what print puts between its arguments in the language of name.
func sep(name string) string {
	if strings.HasSuffix(name, ".lua") {
		return "\t"
	}
	return " "
}

// RunFile refuses a file that does not end once it passes the size a
// source may have, as a script larger than that is refused.
func TestRunFileEndless(t *testing.T) {
	zero := filepath.Join(t.TempDir(), "zero.star")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip(err)
	}
	in, err := vertscript.New(vertscript.Options{Limits: vertscript.Limits{MaxMemory: 64 << 20}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = in.RunFile(context.Background(), zero)
	var le *vertscript.LimitError
	if !errors.As(err, &le) || le.Limit != "max-memory" {
		t.Errorf("got %v, want a max-memory *LimitError", err)
	}
}
