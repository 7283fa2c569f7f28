package pystdlib_test

import "testing"

const migrate = `
p = optparse.OptionParser(usage="usage: %prog [options] DOMAIN DEST", version="%prog 0.3",
    description="Migrate a libvirt domain to another host, live, and wait until it runs there.")
p.add_option("-c", "--connect", dest="uri", default="qemu:///system", metavar="URI", help="source URI [default: %default]")
p.add_option("-t", "--timeout", type="int", default=300, help="seconds to wait")
p.add_option("--bandwidth", type=float, help="MiB/s; none means libvirt's choice, which is usually as fast as the link allows")
p.add_option("-v", "--verbose", action="count", dest="verbosity")
p.add_option("-n", "--dry-run", action="store_true", default=False, help="say what would be done")
p.add_option("--mode", type="choice", choices=["live", "offline"], default="live")
p.add_option("-x", action="append", dest="extra", help=optparse.SUPPRESS_HELP)
g = p.add_option_group("Storage", "Options for the disks, which libvirt copies when they are not shared.")
g.add_option("--copy-storage", action="store_true", help="copy all disks")
`

func TestOptparseDiff(t *testing.T) {
	show := `
opts, args = p.parse_args()
print(opts)
print(pyrepr(args))
`
	cases := []diffCase{
		{name: "help", src: migrate + show, args: []string{"--help"}},
		{name: "version", src: migrate + show, args: []string{"--version"}},
		{name: "defaults", src: migrate + show, args: []string{"vm1", "qemu+ssh://b/system"}},
		{name: "values", src: migrate + show, args: []string{"-vv", "-t30", "--band=12.5", "vm1", "-n", "--mode", "offline", "-x", "a", "-xb", "--copy", "dest"}},
		{name: "bad-int", src: migrate + show, args: []string{"-t", "soon"}},
		{name: "bad-choice", src: migrate + show, args: []string{"--mode", "fast"}},
		{name: "no-such", src: migrate + show, args: []string{"--frob"}},
		{name: "ambiguous", src: migrate + show, args: []string{"--c"}},
		{name: "needs-arg", src: migrate + show, args: []string{"vm1", "-t"}},
		{name: "no-value", src: migrate + show, args: []string{"--dry-run=yes"}},
		{name: "error", src: migrate + `
opts, args = p.parse_args()
if len(args) != 2:
    p.error("expected DOMAIN and DEST")
`, args: []string{"vm1"}},
		{name: "plain", src: `
p = optparse.OptionParser()
p.add_option("-f", "--file", dest="filename", help="write report to FILE", metavar="FILE")
p.add_option("-q", "--quiet", action="store_false", dest="verbose", default=True, help="don't print status messages to stdout")
(options, args) = p.parse_args(["-f", "out.txt", "-q", "x"])
print(options.filename, options.verbose, pyrepr(args))
p.print_help()
`},
	}
	diff(t, cases)
}

func TestGetoptDiff(t *testing.T) {
	cases := []diffCase{
		{name: "basic", src: `
opts, args = getopt.getopt(sys.argv[1:], "hc:v", ["help", "connect=", "verbose", "domain="])
for o, a in opts:
    print(o, pyrepr(a))
print(pyrepr(args))
`, args: []string{"-v", "-c", "test:///default", "--dom=vm1", "--verb", "-hcqemu:///system", "x", "-v"}},
		{name: "gnu", src: `
opts, args = getopt.gnu_getopt(["a", "-v", "b", "--", "-c"], "vc:")
print(pyrepr(opts), pyrepr(args))
`},
		{name: "not-recognized", src: `getopt.getopt(["-x"], "v")`},
		{name: "requires", src: `getopt.getopt(["--connect"], "", ["connect="])`},
		{name: "must-not", src: `getopt.getopt(["--help=1"], "", ["help"])`},
		{name: "not-unique", src: `getopt.getopt(["--co"], "", ["connect", "count"])`},
		{name: "short-requires", src: `getopt.getopt(["-c"], "c:")`},
	}
	diff(t, cases)
}
