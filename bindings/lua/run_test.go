package lua_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/lua"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// run runs src as the script at path on test:///default and returns what it
// printed and its error message ("" on success).
func run(t *testing.T, ctx context.Context, path, src string, args ...string) (string, string) {
	t.Helper()
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default"})
	defer func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	}()
	var out bytes.Buffer
	err := lua.New().Run(ctx, s, host.Script{
		Path: path, Src: []byte(src), Args: append([]string{path}, args...),
		Stdout: &out, Stderr: &out,
	})
	if err == nil {
		return out.String(), ""
	}
	var se *host.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("Run returned %T %v, want a *host.ScriptError", err, err)
	}
	return out.String(), err.Error()
}

// script is a table test: a script, what it prints and its error.
type script struct {
	name, src string
	out, err  string
}

// runAll runs each test as t.lua with the arguments "a" and "b c".
func runAll(t *testing.T, tests []script) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := run(t, context.Background(), "t.lua", tt.src, "a", "b c")
			if out != tt.out || err != tt.err {
				t.Errorf("got output %q, error %q\nwant output %q, error %q", out, err, tt.out, tt.err)
			}
		})
	}
}

func TestScripts(t *testing.T) {
	runAll(t, []script{
		{"objects print like libvirt-python's names",
			`local c = libvirt.open(); print(c, c:lookupByID(1), type(c), tostring(c:lookupByID(1)))`,
			"<virConnect test:///default>\t<virDomain test>\tuserdata\t<virDomain test>\n", ""},
		{"the same domain is the same value",
			`local c = libvirt.open(); local d = c:lookupByID(1); local t = {[d] = "yes"}
print(d == c:lookupByName("test"), rawequal(d, c:lookupByName("test")), t[c:lookupByName("test")], d == c, d ~= c)`,
			"true\ttrue\tyes\tfalse\ttrue\n", ""},
		{"return types follow libvirt-python",
			`local d = libvirt.open():lookupByID(1); local s = d:state()
print(d:isActive(), d:info()[1], #d:info(), s[1], s[2], d:ID(), type(d:XMLDesc()), type(d:XMLDesc(0)))`,
			"1\t1\t5\t1\t0\t1\tstring\tstring\n", ""},
		{"0 is true in Lua: compare with == 1",
			`local d = libvirt.open():lookupByID(1); d:destroy()
if d:isActive() then print("isActive() is", d:isActive(), "and true") end
print(d:isActive() == 1)`,
			"isActive() is\t0\tand true\nfalse\n", ""},
		{"lists are 1-based tables",
			`for i, id in ipairs(libvirt.open():listDomainsID()) do print(i, id) end`,
			"1\t1\n", ""},
		{"optional arguments and nil for None",
			`print(#libvirt.open(nil):listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE), libvirt.open(""):getURI())`,
			"1\ttest:///default\n", ""},
		{"constants", `print(libvirt.VIR_DOMAIN_RUNNING, libvirt.VIR_DOMAIN_PAUSED, libvirt.VIR_ERR_NO_DOMAIN)`, "1\t3\t42\n", ""},
		{"integers print as integers",
			`print(libvirt.getVersion() == math.floor(libvirt.getVersion()), 10 / 2, 2^53, 1.5)`,
			"true\t5\t9007199254740992\t1.5\n", ""},
		{"arg holds the script and its arguments", `print(arg[0], arg[1], arg[2], #arg)`, "t.lua\ta\tb c\t2\n", ""},
		{"print separates with tabs and calls tostring", `print(1, nil, true, "x")`, "1\tnil\ttrue\tx\n", ""},
	})
}

func TestErrors(t *testing.T) {
	runAll(t, []script{
		{"pcall catches a libvirt error as a value",
			`local c = libvirt.open()
local ok, e = pcall(c.lookupByName, c, "nosuch")
print(ok, type(e), e:get_error_code(), e:get_error_domain(), e:get_error_level(), e:get_error_message())
print(tostring(e), e, "failed: " .. e, e:get_error_code() == libvirt.VIR_ERR_NO_DOMAIN)
print(pcall(c.lookupByName, c, "test"))`,
			"false\tuserdata\t42\t12\t2\tDomain not found\nDomain not found\tDomain not found\tfailed: Domain not found\ttrue\ntrue\t<virDomain test>\n", ""},
		{"a caught libvirt error leaves upvalues shared",
			`local n, found = 0, 0
local c = libvirt.open()
local function try(name)
  local ok = pcall(c.lookupByName, c, name)
  n = n + 1
  if ok then found = found + 1 end
end
local function tryInside(name) pcall(function() try(name); c:lookupByName(name) end) end
try("nosuch"); try("test"); tryInside("nosuch"); tryInside("nosuch")
print(n, found)`,
			"4\t1\n", ""},
		{"a yield inside a protected call or a callback fails, and leaves the interpreter whole",
			`local co = coroutine.create(function()
  print(pcall(function() coroutine.yield("in pcall") end))
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
local conn = libvirt.open()
local d = conn:lookupByName("test")
conn:domainEventRegisterAny(nil, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, function() coroutine.yield("from cb") end, nil)
co = coroutine.create(function() d:suspend(); return pcall(libvirt.run_events, 0.1) end)
print(coroutine.resume(co))
d:resume()
print(coroutine.status(co), 1 + 1)`,
			"false\tt.lua:2: can not yield from outside of a coroutine\ntrue\tdone\nfalse\tcan not resume a dead thread\n" +
				"true\tfalse\tt.lua:9: can not yield from outside of a coroutine\ndead\t2\n", ""},
		{"the error value is locked too",
			`local ok, e = pcall(libvirt.open().lookupByName, libvirt.open(), "x")
print(getmetatable(e), pcall(function() e.x = 1 end))
print(pcall(e.get_error_code))
print(pcall(function() return e:nope() end))`,
			"locked\tfalse\tt.lua:2: cannot set field 'x' of a libvirtError\n" +
				"false\tt.lua:3: libvirtError.get_error_code: called on nil, want a libvirtError (call methods with ':', as in err:get_error_code())\n" +
				"false\tt.lua:4: libvirtError has no method 'nope'\n", ""},
		{"an uncaught libvirt error ends the script with libvirt's message",
			"local c = libvirt.open()\nlocal function f(name)\n    return c:lookupByName(name)\nend\nf('nosuch')\n",
			"", "t.lua:3: virConnect.lookupByName: Domain not found\nstack traceback:\n\t[G]: in function 'lookupByName'\n\tt.lua:3: in function 'f'\n\tt.lua:5: in main chunk"},
		{"a rethrown libvirt error keeps its position",
			"local ok, e = pcall(libvirt.open().lookupByName, libvirt.open(), 'nosuch')\nerror(e)\n",
			"", "t.lua:1: virConnect.lookupByName: Domain not found\nstack traceback:\n\t[G]: in function 'error'\n\tt.lua:2: in main chunk"},
		{"argument mistakes are not libvirt errors",
			`local ok, e = pcall(libvirt.open().lookupByName, libvirt.open(), 1); print(ok, type(e), e)`,
			"false\tstring\tt.lua:1: virConnect.lookupByName: for parameter name: got number, want string\n", ""},
		{"wrong argument type",
			`libvirt.open():lookupByID("1")`,
			"", "t.lua:1: virConnect.lookupByID: for parameter id: got string, want integer\nstack traceback:\n\t[G]: in function 'lookupByID'\n\tt.lua:1: in main chunk"},
		{"argument errors in Lua's words: items from 1, tables, nil",
			`local c = libvirt.open()
print(pcall(function() return c:domainListGetStats({c:lookupByID(1), c}) end))
print(pcall(function() return c:lookupByID(1.5) end))
print(pcall(function() return c:listAllDomains({}) end))
print(pcall(function() return c:registerCloseCallback(nil, nil) end))`,
			"false\tt.lua:2: virConnect.domainListGetStats: for parameter doms: item 2: got virConnect, want virDomain\n" +
				"false\tt.lua:3: virConnect.lookupByID: for parameter id: got number with a fraction, want integer\n" +
				"false\tt.lua:4: virConnect.listAllDomains: for parameter flags: got table, want integer from 0 to 4294967295\n" +
				"false\tt.lua:5: virConnect.registerCloseCallback: for parameter cb: got nil, want function\n", ""},
		{"libvirtError's methods are libvirt-python's",
			`local ok, e = pcall(libvirt.open().lookupByName, libvirt.open(), "x")
print(e:get_error_code(), e:get_error_domain(), e:get_error_level(), e:get_error_message(), e:get_str1(), e:get_str2(), e:get_str3(), e:get_int1(), e:get_int2())`,
			"42\t12\t2\tDomain not found\tDomain not found\tnil\tnil\t-1\t-1\n", ""},
		{"missing argument", `libvirt.open():lookupByName()`,
			"", "t.lua:1: virConnect.lookupByName: missing argument for name\nstack traceback:\n\t[G]: in function 'lookupByName'\n\tt.lua:1: in main chunk"},
		{"too many arguments", `print(pcall(function() return libvirt.open():lookupByName("a", "b") end))`,
			"false\tt.lua:1: virConnect.lookupByName: got 2 arguments, want at most 1\n", ""},
		{"a method called with . instead of :",
			`local c = libvirt.open()
print(pcall(function() return c.lookupByName("test") end))
print(pcall(function() return c.listDomainsID() end))
print(pcall(function() return c:lookupByID(1).suspend(c) end))`,
			"false\tt.lua:2: virConnect.lookupByName: called on string, want a virConnect (call methods with ':', as in x:lookupByName(...))\n" +
				"false\tt.lua:3: virConnect.listDomainsID: called on nil, want a virConnect (call methods with ':', as in x:listDomainsID(...))\n" +
				"false\tt.lua:4: virDomain.suspend: called on virConnect, want a virDomain (call methods with ':', as in x:suspend(...))\n", ""},
		{"a module function called with : instead of .",
			`libvirt:open()`,
			"", "t.lua:1: libvirt.open: call module functions with '.', as in libvirt.open(...)\nstack traceback:\n\t[G]: in function 'open'\n\tt.lua:1: in main chunk"},
		{"unknown method", `libvirt.open():lookupByNam("x")`,
			"", "t.lua:1: virConnect has no method 'lookupByNam'\nstack traceback:\n\t[G]: in function (anonymous)\n\tt.lua:1: in main chunk"},
		{"a runtime error", "local x = nil\nprint(x.y)\n",
			"", "t.lua:2: attempt to index a non-table object(nil) with key 'y'\nstack traceback:\n\tt.lua:2: in main chunk"},
		{"error with a table", `error({})`,
			"", "(error object is a table value)\nstack traceback:\n\t[G]: in function 'error'\n\tt.lua:1: in main chunk"},
		{"syntax error", "print(1\n", "", "t.lua:2: syntax error near <eof>"},
		{"syntax error in a line", "x = = 1\n", "", "t.lua:1: syntax error near '='"},
		{"a call on a closed connection",
			`local c = libvirt.open(); local d = c:lookupByID(1); c:close()
local ok, e = pcall(d.name, d); print(ok, e:get_error_code(), e)`,
			"false\t7\tinvalid domain pointer in virDomainGetName: its connection was closed\n", ""},
	})
}

func TestReadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dom.xml")
	if err := os.WriteFile(path, []byte("<domain/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, context.Background(), "t.lua", `print(read_file(arg[1]))`, path)
	if out != "<domain/>\n" || err != "" {
		t.Errorf("got %q, %q", out, err)
	}
	out, err = run(t, context.Background(), "t.lua", `print(pcall(read_file, arg[1] .. ".missing"))`, path)
	if want := "false\tt.lua:1: read_file: open " + path + ".missing: no such file or directory\n"; out != want || err != "" {
		t.Errorf("got %q, %q, want %q", out, err, want)
	}
}

func TestCancellationStopsAnEndlessLoop(t *testing.T) {
	for _, src := range []string{
		"while true do end",
		"while true do pcall(function() while true do end end) end",
		"local co = coroutine.wrap(function() while true do end end)\nco()",
	} {
		t.Run(src, func(t *testing.T) {
			ctx, cancel := context.WithCancelCause(context.Background())
			time.AfterFunc(100*time.Millisecond, func() { cancel(errors.New("interrupted")) })
			start := time.Now()
			_, err := run(t, ctx, "t.lua", src)
			if want := "t.lua:1: Lua script cancelled: interrupted"; !strings.HasPrefix(err, want) {
				t.Errorf("got %q, want it to contain %q", err, want)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("the script took %v to stop", d)
			}
		})
	}
}
