package pystdlib_test

import "testing"

func TestJSONDiff(t *testing.T) {
	cases := []diffCase{
		{name: "dumps", src: `
doc = {"name": "vm1", "state": 1, "mem": 2.0, "big": 100000000000000000000, "tags": ["a", "b"], "none": None, "ok": True, "t": (1, 2), "é": "x\u00e9\U0001F600\x7f\n\t\"\\"}
print(json.dumps(doc))
print(json.dumps(doc, ensure_ascii=False))
print(json.dumps(doc, indent=2, sort_keys=True))
print(json.dumps(doc, separators=(",", ":")))
print(json.dumps([1, [2, {}], []], indent="\t"))
print(json.dumps({1: 1e20, 2.5: 1e-7, None: float("inf"), False: -0.0, "n": float("nan")}))
print(json.dumps("plain"), json.dumps(1.5), json.dumps(100.0), json.dumps(0.1 + 0.2))
print(json.dumps([1], indent=0))
`},
		{name: "loads", src: `
v = json.loads('{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "\\u00e9\\ud83d\\ude00\\n"}, "a": 7, "big": 123456789012345678901234}')
print(pyrepr(v))
print(pyrepr(json.loads("  [NaN, Infinity, -Infinity, 1E3, 0.5e-1]  ")))
print(pyrepr(json.loads('"x"')), pyrepr(json.loads("12")))
`},
		{name: "dump-load", src: `
json.dump({"a": [1, 2]}, sys.stdout, indent=1)
print()
json.dump([1], sys.stderr)
`},
		{name: "err-value", src: `json.loads("")`},
		{name: "err-delim", src: "json.loads('[1 2]')"},
		{name: "err-name", src: "json.loads('{a:1}')"},
		{name: "err-colon", src: "json.loads('{\"a\" 1}')"},
		{name: "err-extra", src: "json.loads('[1] x')"},
		{name: "err-unterminated", src: "json.loads('\\n\"abc')"},
		{name: "err-control", src: "json.loads('\"a\\x01\"')"},
		{name: "err-escape", src: "json.loads('\"a\\\\qb\"')"},
		{name: "err-trailing", src: "json.loads('{\"a\":1,}')"},
		{name: "err-type", src: "json.dumps({(1, 2): 1})"},
		{name: "err-object", src: "json.dumps(json)"},
	}
	diff(t, cases)
}

func TestOsDiff(t *testing.T) {
	cases := []diffCase{
		{name: "path", src: `
p = os.path
for x in ["/var/lib/libvirt/images/vm1.qcow2", "vm1.tar.gz", ".bashrc", "a/b/", "/", "", "//a//b/../c/.", "a/./b/../../..", "...x", "a.b/c"]:
    print(pyrepr(x), pyrepr(p.basename(x)), pyrepr(p.dirname(x)), pyrepr(p.split(x)), pyrepr(p.splitext(x)), pyrepr(p.normpath(x)), p.isabs(x))
print(p.join("/etc", "libvirt", "qemu.conf"), p.join("a", "/b", "c"), p.join("a/", "b"), p.join("a", ""))
print(os.sep, pyrepr(os.linesep), os.name, os.curdir, os.pardir, os.pathsep, os.devnull, p.sep)
print(p.commonprefix(["/var/lib/a", "/var/lib/b"]), p.abspath("/a/b/../c"))
`},
	}
	diff(t, cases)
}

func TestTimeDiff(t *testing.T) {
	cases := []diffCase{
		{name: "clock", src: `
t0 = time.time()
print(pyrepr(t0), time.ctime(), time.strftime("%Y-%m-%d %H:%M:%S %Z %z"))
time.sleep(90)
print(pyrepr(time.time() - t0), time.strftime("%H:%M"))
print(pyrepr(time.localtime()), pyrepr(time.gmtime(0)))
print(pyrepr(time.mktime(time.localtime(1000000000))), time.asctime(time.gmtime(1e9)))
print(time.timezone, time.altzone, time.daylight, pyrepr(time.tzname))
`},
		{name: "strptime", src: `
for s, f in [("2026-03-04 05:06:07", "%Y-%m-%d %H:%M:%S"), ("Mar  4 2026", "%b %d %Y"), ("4/3/26 11:05 PM", "%d/%m/%y %I:%M %p"),
             ("Wed Mar  4 05:06:07 2026", "%a %b %d %H:%M:%S %Y"), ("2026 063", "%Y %j"), ("12:30", "%H:%M")]:
    st = time.strptime(s, f)
    print(pyrepr(st), st.tm_yday, st.tm_wday)
print(pyrepr(time.mktime(time.strptime("2026-07-01", "%Y-%m-%d"))))
`},
		{name: "strptime-mismatch", src: `time.strptime("2026-13-01", "%Y-%m-%d")`},
		{name: "strptime-unconverted", src: `time.strptime("2026-12-01x", "%Y-%m-%d")`},
	}
	diff(t, cases)
}
