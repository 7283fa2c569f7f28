package pystdlib_test

import "testing"

func TestSmallModulesDiff(t *testing.T) {
	cases := []diffCase{
		{name: "string", src: `
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(pyrepr(string.punctuation), pyrepr(string.whitespace), pyrepr(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b-c", "-"))
`},
		{name: "collections", src: `
d = collections.defaultdict(list)
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(pyrepr(d), len(d), pyrepr(sorted(d.keys())), "c" in d)
n = collections.defaultdict(int)
for w in "the cat the hat the end".split():
    n[w] += 1
print(pyrepr(n))
c = collections.Counter("abracadabra")
print(pyrepr(c), pyrepr(c.most_common(2)), c["z"], c["a"])
c.update(["z", "z"])
print(pyrepr(c.most_common(1)), c["z"])
P = collections.namedtuple("Point", "x y")
p = P(1, y=2)
print(pyrepr(p), p.x, p[1], p._asdict()["y"], pyrepr(p._replace(x=5)), pyrepr(P._fields), len(p))
x, y = p
print(x + y)
o = collections.OrderedDict([("b", 1), ("a", 2)])
print(pyrepr(list(o.items())))
q = collections.deque([1, 2, 3], maxlen=3)
q.append(4)
q.appendleft(0)
print(pyrepr(q), q.popleft(), pyrepr(list(q)))
print(json.dumps(d), json.dumps(p))
`},
		{name: "shlex", src: `
for s in ["a b  c", "virsh -c 'qemu:///system' list --all", 'echo "a \\"b\\" c" d\\ e', "x 'it''s' y"]:
    print(pyrepr(shlex.split(s)))
print(pyrepr(shlex.split("a # comment", comments=True)))
for s in ["", "safe-name_1.2", "has space", "it's"]:
    print(shlex.quote(s))
print(shlex.join(["virsh", "start", "my vm"]))
`},
		{name: "shlex-unclosed", src: `shlex.split("a 'b")`},
		{name: "copy", src: `
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(9)
a[2]["k"].append(8)
print(pyrepr(b), pyrepr(c), pyrepr(a))
`},
		{name: "operator-functools-itertools", src: `
rows = [("vm2", 3, 2.0), ("vm1", 5, 1.0), ("vm3", 1, 3.0)]
print(pyrepr(sorted(rows, key=operator.itemgetter(1))), pyrepr(operator.itemgetter(0, 2)(rows[0])))
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [1, 2, 3], 10))
print(operator.mul(3, 4), operator.eq(1, 1), operator.not_(0), operator.getitem([5, 6], 1))
add5 = functools.partial(operator.add, 5)
print(add5(10))
print(pyrepr(list(itertools.chain([1, 2], (3,), "ab"))), pyrepr(list(itertools.chain.from_iterable([[1], [2, 3]]))))
print(pyrepr(list(itertools.islice(itertools.count(10, 5), 3))), pyrepr(list(itertools.islice("abcdefg", 1, 6, 2))))
print(pyrepr(list(itertools.islice(itertools.cycle("ab"), 5))), pyrepr(list(itertools.repeat("x", 3))))
print(pyrepr(list(itertools.product("ab", [1, 2]))), pyrepr(list(itertools.product([0, 1], repeat=2))))
print(pyrepr(list(itertools.permutations("abc", 2))), pyrepr(list(itertools.combinations([1, 2, 3, 4], 3))))
print(pyrepr([(k, list(g)) for k, g in itertools.groupby("aabbbc")]))
print(pyrepr(list(itertools.zip_longest([1, 2, 3], "ab", fillvalue="-"))), pyrepr(list(itertools.accumulate([1, 2, 3, 4]))))
print(pyrepr(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1]))), pyrepr(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1]))))
print(pyrepr(list(itertools.starmap(lambda a, b: a * 10 + b, [(2, 3), (3, 2)]))))
n = 0
for i in itertools.count():
    if i > 4:
        break
    n += i
print(n)
`},
		{name: "pprint", src: `
doc = {"domains": [{"name": "vm%d" % i, "state": "running", "memory": 1024 * i, "vcpus": i, "disks": ["vda", "vdb"]} for i in range(3)], "host": "hv1", "a": (1,), "z": []}
pprint.pprint(doc)
pprint.pprint(doc, width=40, indent=2)
print(pprint.pformat(list(range(30)), compact=True, width=50))
pprint.pprint({"b": 1, "a": 2})
pprint.pprint({"b": 1, "a": 2}, sort_dicts=False)
`},
		{name: "sched", src: `
s = sched.scheduler(time.monotonic, time.sleep)
out = []
def tick(name):
    out.append((name, int(time.monotonic() - t0)))
t0 = time.monotonic()
s.enter(5, 1, tick, ("b",))
s.enter(2, 1, tick, ("a",))
e = s.enter(3, 1, tick, ("gone",))
s.enter(5, 0, tick, argument=("b-first",))
s.cancel(e)
print(len(s.queue), s.empty())
s.run()
print(pyrepr(out), s.empty())
`},
	}
	diff(t, cases)
}
