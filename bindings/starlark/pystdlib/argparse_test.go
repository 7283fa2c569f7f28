package pystdlib_test

import "testing"

// domstats is a parser as libvirt monitoring scripts define theirs.
const domstats = `
p = argparse.ArgumentParser(description="Print statistics of the domains of a libvirt host, for a monitoring system that polls them every minute.", epilog="Exit status is 0 when every domain answered.")
p.add_argument("-c", "--connect", metavar="URI", default="qemu:///system", help="libvirt connection URI (default: %(default)s)")
p.add_argument("-d", "--domain", action="append", help="only this domain; repeat for more")
p.add_argument("-i", "--interval", type=int, default=60, help="seconds between polls")
p.add_argument("--timeout", type=float, help="give up after this many seconds")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
p.add_argument("--format", choices=["text", "json", "prometheus"], default="text", help="output format")
p.add_argument("--version", action="version", version="%(prog)s 1.2")
p.add_argument("names", nargs="*", help="domain names")
`

func TestArgparseDiff(t *testing.T) {
	show := `
args = p.parse_args()
for k in sorted(vars(args)):
    print(k, pyrepr(getattr(args, k)))
`
	cases := []diffCase{
		{name: "help", src: domstats + show, args: []string{"-h"}},
		{name: "help-long", src: domstats + show, args: []string{"--help"}},
		{name: "version", src: domstats + show, args: []string{"--version"}},
		{name: "defaults", src: domstats + show},
		{name: "values", src: domstats + show, args: []string{"-c", "test:///default", "-d", "a", "--domain=b", "-vvv", "-i5", "--timeout", "2.5", "--format", "json", "x", "y"}},
		{name: "abbrev", src: domstats + show, args: []string{"--conn", "test:///default", "--verb", "--qu"}},
		{name: "bad-int", src: domstats + show, args: []string{"-i", "often"}},
		{name: "bad-choice", src: domstats + show, args: []string{"--format", "xml"}},
		{name: "missing-value", src: domstats + show, args: []string{"-c"}},
		{name: "unrecognized", src: domstats + show, args: []string{"--frobnicate", "-z"}},
		{name: "ambiguous", src: `
p = argparse.ArgumentParser(prog="amb")
p.add_argument("--verbose", action="store_true")
p.add_argument("--version", action="store_true")
p.parse_args(["--ver"])
`},
		{name: "required", src: `
p = argparse.ArgumentParser(prog="req")
p.add_argument("domain")
p.add_argument("action", choices=["start", "stop"])
p.add_argument("--uri", required=True)
p.parse_args([])
`},
		{name: "positionals", src: `
p = argparse.ArgumentParser(prog="pos")
p.add_argument("domain")
p.add_argument("disks", nargs="+")
p.add_argument("extra", nargs="?", default="none")
p.add_argument("-n", type=int, nargs=2, metavar=("MIN", "MAX"))
a = p.parse_args(["vm1", "vda", "vdb", "-n", "1", "2"])
print(a.domain, pyrepr(a.disks), a.extra, pyrepr(a.n))
p.print_help()
a = p.parse_args(["vm1"])
`},
		{name: "mutex", src: `
p = argparse.ArgumentParser(prog="mx")
g = p.add_mutually_exclusive_group(required=True)
g.add_argument("--start", action="store_true", help="start it")
g.add_argument("--stop", action="store_true", help="stop it")
p.add_argument("dom")
p.print_usage()
print(p.parse_args(["--start", "x"]))
p.parse_args(["--start", "--stop", "x"])
`},
		{name: "mutex-missing", src: `
p = argparse.ArgumentParser(prog="mx")
g = p.add_mutually_exclusive_group(required=True)
g.add_argument("-a", action="store_true")
g.add_argument("-b", action="store_true")
p.parse_args([])
`},
		{name: "groups", src: `
p = argparse.ArgumentParser(prog="grp", description="Manage domains.")
c = p.add_argument_group("connection", "How to reach libvirtd.")
c.add_argument("-c", "--connect", metavar="URI", help="the URI")
c.add_argument("--readonly", action="store_true", help="open read-only")
o = p.add_argument_group("output")
o.add_argument("--json", action="store_true", help="JSON lines")
p.print_help()
`},
		{name: "subparsers", src: `
p = argparse.ArgumentParser(prog="virt-tool")
p.add_argument("-c", "--connect", default="test:///default")
sub = p.add_subparsers(dest="command", help="what to do")
l = sub.add_parser("list", help="list domains")
l.add_argument("--all", action="store_true", help="inactive ones too")
l.set_defaults(handler="do_list")
s = sub.add_parser("start", help="start a domain")
s.add_argument("name")
s.set_defaults(handler="do_start")
a = p.parse_args(["list", "--all"])
print(a.command, a.all, a.handler, a.connect)
a = p.parse_args(["-c", "qemu:///system", "start", "vm1"])
print(a.command, a.name, a.handler, a.connect)
p.print_help()
p.parse_args(["start", "-h"])
`},
		{name: "subparsers-bad", src: `
p = argparse.ArgumentParser(prog="virt-tool")
sub = p.add_subparsers(title="commands", dest="cmd")
sub.add_parser("list")
sub.add_parser("start")
p.parse_args(["stop"])
`},
		{name: "store-const-append", src: `
p = argparse.ArgumentParser(prog="sc", add_help=False)
p.add_argument("--all", dest="flags", action="store_const", const=0, default=1)
p.add_argument("-t", dest="tags", action="append_const", const="t")
p.add_argument("-x", action="extend", nargs="+")
p.add_argument("--no-color", action="store_false", dest="color")
a = p.parse_args(["--all", "-t", "-t", "-x", "a", "b", "-x", "c", "--no-color"])
print(a.flags, pyrepr(a.tags), pyrepr(a.x), a.color)
print(a)
p.print_help()
`},
		{name: "raw-formatter", src: `
p = argparse.ArgumentParser(prog="raw", formatter_class=argparse.RawDescriptionHelpFormatter,
    description="""Examples:
  raw --list
  raw --start vm1
""")
p.add_argument("--list", action="store_true", help="list all the domains that the connection can see, running or not, with their states")
p.print_help()
`},
		{name: "defaults-formatter", src: `
p = argparse.ArgumentParser(prog="dflt", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p.add_argument("--interval", type=int, default=30, help="poll interval")
p.add_argument("--uri", help="connection")
p.add_argument("pos", nargs="?", default="x", help="a positional")
p.print_help()
`},
		{name: "long-usage", src: `
p = argparse.ArgumentParser(prog="check_libvirt_domains_and_storage_pools")
for o in ["--connect", "--warning", "--critical", "--timeout", "--pool", "--domain", "--exclude"]:
    p.add_argument(o, metavar=o[2:].upper(), help="the " + o[2:] + " threshold, which the plugin compares with what libvirt reports")
p.add_argument("-v", "--verbose", action="store_true")
p.add_argument("mode", choices=["domains", "pools", "networks"])
p.print_help()
p.parse_args(["--warning"])
`},
		{name: "error-and-exit", src: `
p = argparse.ArgumentParser(prog="err")
p.add_argument("-n", type=int)
a = p.parse_args(["-n", "-5"])
print(a.n)
if a.n < 0:
    p.error("-n must be positive")
`},
		{name: "known-args", src: `
p = argparse.ArgumentParser(prog="known")
p.add_argument("-c")
a, rest = p.parse_known_args(["-c", "u", "--other", "x", "y"])
print(a.c, pyrepr(rest))
`},
		{name: "double-dash", src: `
p = argparse.ArgumentParser(prog="dd")
p.add_argument("-f", action="store_true")
p.add_argument("args", nargs="*")
a = p.parse_args(["-f", "--", "-x", "y"])
print(a.f, pyrepr(a.args))
`},
		{name: "boolean-optional", src: `
p = argparse.ArgumentParser(prog="bo")
p.add_argument("--color", action=argparse.BooleanOptionalAction, default=True, help="colour output")
print(p.parse_args(["--no-color"]).color)
p.print_help()
`},
		{name: "formatter-lambda", src: `
p = argparse.ArgumentParser(prog="fl", formatter_class=lambda prog: argparse.HelpFormatter(prog, max_help_position=40))
p.add_argument("--a-rather-long-option-name", help="what it does")
p.add_argument("-s", help="short")
p.print_help()
`},
		{name: "namespace", src: `
ns = argparse.Namespace(a=1, b="x")
print(ns, ns.a, "a" in ns, "c" in ns)
ns.c = [1]
print(pyrepr(vars(ns)))
`},
	}
	diff(t, cases)
}
