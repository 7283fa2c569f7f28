package lua_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestRemovedCapabilities(t *testing.T) {
	const loader = " (require(name) loads name.lua from the script's directory)"
	var tests []script
	for _, c := range []struct{ stmt, err string }{
		{`io.open("/etc/passwd")`, "io is not available in vertscript's sandbox (read_file(path) reads a file)"},
		{`io.popen("id")`, "io is not available in vertscript's sandbox (read_file(path) reads a file)"},
		{`os.execute("true")`, "os.execute is not available in vertscript's sandbox"},
		{`os.exit(0)`, "os.exit is not available in vertscript's sandbox"},
		{`os.getenv("HOME")`, "os.getenv is not available in vertscript's sandbox"},
		{`os.remove("/tmp/x")`, "os.remove is not available in vertscript's sandbox"},
		{`os.rename("/tmp/x", "/tmp/y")`, "os.rename is not available in vertscript's sandbox"},
		{`os.tmpname()`, "os.tmpname is not available in vertscript's sandbox"},
		{`os.setenv("X", "1")`, "os.setenv is not available in vertscript's sandbox"},
		{`dofile("/etc/passwd")`, "dofile is not available in vertscript's sandbox" + loader},
		{`loadfile("/etc/passwd")`, "loadfile is not available in vertscript's sandbox" + loader},
		{`string.dump(print)`, "string.dump is not available in vertscript's sandbox"},
		{`("x"):dump()`, "string.dump is not available in vertscript's sandbox"},
		{`debug.getinfo(1)`, "debug is not available in vertscript's sandbox"},
		{`debug.getregistry()`, "debug is not available in vertscript's sandbox"},
		{`package.loadlib("libc.so.6", "system")`, "package is not available in vertscript's sandbox" + loader},
		{`module("x")`, "module is not available in vertscript's sandbox"},
		{`channel.make()`, "channel is not available in vertscript's sandbox"},
		{`require("../secret")`, `require: bad module name "../secret": want a plain name (letters, digits, _ and -) of a .lua file in the script's directory`},
		{`require("/etc/passwd")`, `require: bad module name "/etc/passwd": want a plain name (letters, digits, _ and -) of a .lua file in the script's directory`},
		{`require("sub/mod")`, `require: bad module name "sub/mod": want a plain name (letters, digits, _ and -) of a .lua file in the script's directory`},
		{`require("a.b")`, `require: bad module name "a.b": want a plain name (letters, digits, _ and -) of a .lua file in the script's directory`},
		{`require("nosuch")`, "require: module 'nosuch' not found: no file nosuch.lua"},
		{`setmetatable(libvirt.open(), {})`, "cannot change a protected metatable"},
		{`rawset(libvirt.open(), "x", 1)`, "bad argument #1 to rawset (table expected, got userdata)"},
		{`rawget(libvirt.open(), "lookupByName")`, "bad argument #1 to rawget (table expected, got userdata)"},
		{`libvirt.open().getURI = print`, "cannot set field 'getURI' of a virConnect"},
	} {
		tests = append(tests, script{c.stmt, "print(pcall(function() " + c.stmt + " end))", "false\tt.lua:1: " + c.err + "\n", ""})
	}
	tests = append(tests,
		script{"getmetatable hides the host's metatables",
			`local c = libvirt.open(); print(getmetatable(c), getmetatable(c:lookupByID(1)))`, "locked\tlocked\n", ""},
		script{"load refuses precompiled chunks",
			`print(loadstring("\27LuaQ\0"))
print(load("\27LuaQ\0", "=chunk"))
local sent = false
print(load(function() if sent then return nil end; sent = true; return "\27LuaQ" end))`,
			"nil\t(loadstring): attempt to load a precompiled chunk: only Lua source is allowed\n" +
				"nil\tchunk: attempt to load a precompiled chunk: only Lua source is allowed\n" +
				"nil\t(load): attempt to load a precompiled chunk: only Lua source is allowed\n", ""},
		script{"load compiles source",
			`print(loadstring("return 1 + 1")(), load("return ...")(3))
local parts, i = {"return ", "'x'"}, 0
print(load(function() i = i + 1; return parts[i] end)())
print(loadstring("x = = 1"))`,
			"2\t3\nx\nnil\t(loadstring):1: syntax error near '='\n", ""},
		script{"what is left of os works",
			`print(os.time() > 0, os.clock() >= 0, os.date("%Y", 0) == "1970", os.nope)`, "true\ttrue\ttrue\tnil\n", ""},
		script{"undefined globals are still nil", `print(nope, string.nope)`, "nil\tnil\n", ""},
		script{"coroutines work",
			`local co = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end); print(co(), co(), co())`,
			"1\t2\t3\n", ""},
		script{"collectgarbage does nothing", `print(collectgarbage(), collectgarbage("count"))`, "0\t0\n", ""},
		script{"string, table and math are there",
			`local t = {3, 1, 2}; table.sort(t); print(table.concat(t, ","), string.format("%d %s %5.1f", 42, "x", 1.25), math.max(1, 2), ("abc"):upper())`,
			"1,2,3\t42 x   1.2\t2\tABC\n", ""},
	)
	runAll(t, tests)
}

func TestRequire(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("util.lua", "local name = ...\nreturn {hello = function(x) return name .. ': hello ' .. x end}\n")
	write("plain.lua", "plain_loaded = (plain_loaded or 0) + 1\n")
	write("bad.lua", "local x = 1\nerror('boom')\n")
	write("loop.lua", "return require('loop')\n")
	write("syntax.lua", "x = = 1\n")
	if err := os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.lua"), []byte("return 1"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := `local u = require("util")
print(u.hello("x"), require("util") == u)
print(require("plain"), require("plain"), plain_loaded)
print(pcall(require, "bad"))
print(pcall(require, "bad"))
print(pcall(require, "loop"))
print(pcall(require, "syntax"))
print(pcall(require, "../secret"))`
	path := filepath.Join(dir, "t.lua")
	want := "util: hello x\ttrue\n" +
		"true\ttrue\t1\n" +
		"false\t" + dir + "/bad.lua:2: boom\n" +
		"false\t" + dir + "/bad.lua:2: boom\n" +
		"false\t" + dir + "/loop.lua:1: require: loop while loading module 'loop'\n" +
		"false\t" + path + ":7: require: " + dir + "/syntax.lua:1: syntax error near '='\n" +
		"false\t" + path + ":8: require: bad module name \"../secret\": want a plain name (letters, digits, _ and -) of a .lua file in the script's directory\n"
	out, err := run(t, context.Background(), path, src)
	if out != want || err != "" {
		t.Errorf("got output %q, error %q\nwant output %q", out, err, want)
	}
}
