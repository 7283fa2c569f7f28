package starlark_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/starlark"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// runLimited runs src as t.star through host.Session.Run under lim, as the
// CLI does (the timeout and the heap poller included), and returns what it
// printed, its error and how long it took.
func runLimited(t *testing.T, lim host.Limits, src string) (string, error, time.Duration) {
	t.Helper()
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: lim})
	defer s.Close()
	var out bytes.Buffer
	start := time.Now()
	err := s.Run(context.Background(), starlark.New(), host.Script{
		Path: "t.star", Src: []byte(src), Args: []string{"t.star"}, Stdout: &out, Stderr: io.Discard,
	})
	return out.String(), err, time.Since(start)
}

// within is how long a hostile script may take to be stopped: a safety
// net, not a measure.
const within = 10 * time.Second

const mib = 1 << 20

// TestHostileScripts: each script ends with its limit's *host.LimitError
// and message, at the position where it was stopped, within seconds.
func TestHostileScripts(t *testing.T) {
	small := host.Limits{Timeout: time.Minute, MaxSteps: host.DefaultLimits.MaxSteps, MaxDepth: 1000, MaxMemory: 64 * mib}
	tests := []struct {
		name   string
		limits host.Limits
		src    string
		limit  string // the LimitError's Limit
		want   string // the error's first line, or a regexp if it begins with ^
	}{
		{"infinite loop", host.Limits{MaxSteps: 100_000}, "while True:\n    pass\n",
			"max-steps", "t.star:1:1: max-steps: the script ran more than 100000 steps"},
		{"deep recursion", host.DefaultLimits, "def f(n):\n    return 1 + f(n + 1)\nf(1)\n",
			"max-depth", `^t\.star:2:\d+: max-depth: calls nested deeper than 1000$`},
		{"deep recursion through a builtin", host.DefaultLimits, "def f(n):\n    return sorted([1, 2], key = lambda x: f(x))\nf(1)\n",
			"max-depth", "^t\\.star:2:\\d+: max-depth: calls nested deeper than 1000$"},
		{"string repetition", small, `x = "x" * 1000000000`,
			"max-memory", "t.star:1:9: max-memory: repetition would build a string of 953 MiB, more than the 64 MiB allowed"},
		{"list repetition", small, "x = [0] * 1000000000",
			"max-memory", "t.star:1:9: max-memory: repetition would build a list of 15258 MiB, more than the 64 MiB allowed"},
		{"repetition in place", small, "x = [[0]]\nx[0] *= 1000000000",
			"max-memory", "t.star:2:6: max-memory: repetition would build a list of 15258 MiB, more than the 64 MiB allowed"},
		{"list of a range", small, "x = list(range(1000000000))",
			"max-memory", "t.star:1:9: max-memory: list() of 1000000000 elements would build a list of 30517 MiB, more than the 64 MiB allowed"},
		{"a list extended by a range", small, "x = []\nx += range(1000000000)",
			"max-memory", "t.star:2:3: max-memory: += of 1000000000 elements would build a list of 30517 MiB, more than the 64 MiB allowed"},
		{"extend", small, "x = []\nx.extend(range(1000000000))",
			"max-memory", "t.star:2:9: max-memory: extend() of 1000000000 elements would build a list of 30517 MiB, more than the 64 MiB allowed"},
		{"join", small, "piece = \"abcdefghij\" * 1000\npieces = [piece] * 100000\nx = \",\".join(pieces)",
			"max-memory", "t.star:3:13: max-memory: join would build a string of 953 MiB, more than the 64 MiB allowed"},
		{"join as a value", small, "pieces = [\"abcdefghij\" * 1000] * 100000\nj = getattr(\",\", \"join\")\nx = j(pieces)",
			"max-memory", "t.star:3:6: max-memory: join would build a string of 953 MiB, more than the 64 MiB allowed"},
		{"replace", small, "s = \"x\" * 1000000\nx = s.replace(\"x\", \"y\" * 1000)",
			"max-memory", "t.star:2:14: max-memory: replace would build a string of 953 MiB, more than the 64 MiB allowed"},
		{"interpolation", small, "big = \"x\" * 1000000\nx = \"%s\" * 1000 % tuple([big] * 1000)",
			"max-memory", "t.star:2:17: max-memory: % would build a string larger than the 64 MiB allowed"},
		{"format", small, "big = \"x\" * 1000000\nx = (\"{0}\" * 1000).format(big)",
			"max-memory", "t.star:2:26: max-memory: format would build a string larger than the 64 MiB allowed"},
		{"str of shared elements", small, "big = \"x\" * 1000000\nx = str([big] * 1000)",
			"max-memory", "t.star:2:8: max-memory: str() would build a string larger than the 64 MiB allowed"},
		{"print of nested sharing", small, "a = [0] * 1000\nb = [a] * 1000\nc = [b] * 1000\nprint(c)",
			"max-memory", "t.star:4:6: max-memory: print() would build a string larger than the 64 MiB allowed"},
		{"split", small, "s = \"x \" * 10000000\nx = s.split(\" \")",
			"max-memory", "t.star:2:12: max-memory: split into 10000001 pieces would build a list of 305 MiB, more than the 64 MiB allowed"},
		{"gradual growth", small, "x = []\nwhile True:\n    x.append(\"abcdefgh\" * 1000)\n",
			// Where the poller's cancellation is seen depends on the
			// scheduler (under -race, even before the loop's first step).
			"max-memory", `^t\.star:\d+:\d+: (Starlark computation cancelled: )?max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB$`},
		{"printing a big integer", host.DefaultLimits, "n = 1 << 500\nfor i in range(18):\n    n = n * n\ns = str(n)\n",
			"max-steps", "t.star:4:8: max-steps: the script ran more than 1000000000 steps"},
		{"big integers", host.DefaultLimits, "def sq(n):\n    return n * n\nn = 1 << 500\nfor i in range(18):\n    n = sq(n)\n",
			"max-steps", "t.star:2:14: max-steps: the script ran more than 1000000000 steps"},
		{"one long builtin", host.DefaultLimits, "print(max(range(1000000000000)))",
			"max-steps", "t.star:1:10: max-steps: the script ran more than 1000000000 steps"},
		{"timeout", host.Limits{Timeout: 300 * time.Millisecond}, "while True:\n    pass\n",
			"timeout", "t.star:1:1: timeout: the script ran longer than 300ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err, took := runLimited(t, tt.limits, tt.src)
			var le *host.LimitError
			if !errors.As(err, &le) || le.Limit != tt.limit {
				t.Fatalf("got %v, want a %s limit error", err, tt.limit)
			}
			var se *host.ScriptError
			if !errors.As(err, &se) {
				t.Errorf("got a %T, want a *host.ScriptError", err)
			}
			first, _, _ := strings.Cut(err.Error(), "\n")
			if strings.HasPrefix(tt.want, "^") {
				if !regexp.MustCompile(tt.want).MatchString(first) {
					t.Errorf("got %q, want a match of %s", first, tt.want)
				}
			} else if first != tt.want {
				t.Errorf("got  %q\nwant %q", first, tt.want)
			}
			if took > within {
				t.Errorf("took %s", took)
			}
		})
	}
}

// TestGuardsChangeNothing runs scripts that pass every limit with the
// guards (generous limits) and without (no limits, no rewriting): the
// output and errors must be the same, positions included.
func TestGuardsChangeNothing(t *testing.T) {
	generous := host.Limits{MaxSteps: 1 << 40, MaxDepth: 10_000, MaxMemory: 1 << 40}
	scripts := []string{
		`print("ab" * 3, 3 * "ab", [1] * 2, (1,) * 2, b"x" * 2, 2 * 3, 2.5 * 2, "x" * -1, [] * 5)`,
		`print("%d-%s-%r" % (1, "a", "b"), "%(k)s" % {"k": 1}, 7 % 3, -7 % 3, 7.5 % 2, "%%" % ())`,
		`print("{} {x} {0!r}".format("a", x = 1), ",".join(["a", "b"]), "a-b".replace("-", "+"), "a b".split(), "a\nb".splitlines())`,
		`x = "ab"
x *= 2
y = [1]
y *= 3
z = "%s!"
z %= "hi"
w = [0]
w += range(3)
w += "ab".elems()
print(x, y, z, w)`,
		`calls = []
def f(v):
    calls.append(v)
    return v
d = {"a": [1], "b": 2}
d[f("a")] *= 2
d[f("b")] %= 2
print(d, calls)`,
		`def g():
    s = struct_like = {"v": "ab"}
    return s
print(g()["v"] * 2)`,
		`j = "-".join
print(j(["a", "b"]), getattr("x", "join")(["1", "2"]), type(j), str(j), "".join == "".join)`,
		`s = set([1])
s = s.union([2, 3])
d = {}
d.update([("a", 1)])
l = []
l.extend((1, 2))
print(sorted(s), d, l, list(range(3)), tuple("ab".elems()), dict(a = 1), enumerate(["x"]), zip([1], [2]), reversed([1, 2]))`,
		`print(str([1, "a", {"k": (1, 2)}]), repr("a\n"), min(3, 1), max([1, 5]), any([0, 1]), all([]), bytes([65]))`,
		`n = 0
for i in range(10):
    n += i % 3 * 2
k = -n
print(n, k, n // 2, n / 4)`,
		`x = 1 << 100
print(x * x, x % 7, str(x * x))`,
		`print("a" * "b")`,
		`x = "a"
x *= "b"`,
		`print(1 % 0)`,
		`print("%d" % "x")`,
		`print("%s %s" % (1,))`,
		`print("{} {}".format(1))`,
		`print(",".join([1]))`,
		`l = [1]
l.extend(1)`,
		`print([1] * (1 << 31))`,
		`print("x" * 10000000000)`,
		`f = lambda x, y = 2 * 3: x * y
print(f(4), [i * i for i in range(4) if i % 2], {k: k * 2 for k in [1]})`,
		`print(len("abc") * "x", int("3") * [0], float(2) * 2)`,
		`def f(*args, **kwargs):
    return args * 2, kwargs
print(f(1, a = 2))`,
		`x = None
x *= 2`,
	}
	for _, src := range scripts {
		want, wantErr, _ := runLimited(t, host.Limits{}, src)
		got, gotErr, _ := runLimited(t, generous, src)
		if got != want || errString(gotErr) != errString(wantErr) {
			t.Errorf("%s\nguarded:   %q, %v\nunguarded: %q, %v", src, got, gotErr, want, wantErr)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestArgumentsConvertBounded: an argument that would expand to more values
// than it holds, or that contains itself, is refused by its type.
func TestArgumentsConvertBounded(t *testing.T) {
	tests := []struct{ src, want string }{
		{"t = []\nfor i in range(40):\n    t = [t, t]\nlibvirt.open().lookupByName(t)",
			"t.star:4:28: virConnect.lookupByName: for parameter name: got list, want string"},
		{"t = []\nt.append(t)\nlibvirt.open(t)",
			"t.star:3:13: libvirt.open: for parameter name: got list, want string or None"},
		{"d = {}\nd[\"k\"] = d\nlibvirt.open(d)",
			"t.star:3:13: libvirt.open: for parameter name: got dict, want string or None"},
	}
	for _, tt := range tests {
		_, err, took := runLimited(t, host.DefaultLimits, tt.src)
		if first, _, _ := strings.Cut(errString(err), "\n"); first != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.src, first, tt.want)
		}
		if took > within {
			t.Errorf("%s: took %s", tt.src, took)
		}
	}
}
