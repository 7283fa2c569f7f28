package lua_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/bindings/lua"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/cgobackend"
)

// runLimited runs src as t.lua through host.Session.Run under lim, as the
// CLI does (the timeout and the heap poller included), and returns what it
// printed, its error and how long it took.
func runLimited(t *testing.T, lim host.Limits, src string) (string, error, time.Duration) {
	t.Helper()
	s := host.NewSession(cgobackend.New(), host.Options{URI: "test:///default", Limits: lim})
	defer s.Close()
	var out bytes.Buffer
	start := time.Now()
	err := s.Run(context.Background(), lua.New(), host.Script{
		Path: "t.lua", Src: []byte(src), Args: []string{"t.lua"}, Stdout: &out, Stderr: io.Discard,
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
	small := host.Limits{Timeout: time.Minute, MaxDepth: 1000, MaxMemory: 64 * mib}
	tests := []struct {
		name   string
		limits host.Limits
		src    string
		limit  string // the LimitError's Limit
		want   string // the error's first line, or a regexp if it begins with ^
	}{
		{"deep recursion", host.DefaultLimits, "local function f(n) return 1 + f(n + 1) end\nf(1)",
			"max-depth", "t.lua:1: max-depth: calls nested deeper than 1000"},
		{"tail-call recursion", host.Limits{Timeout: 2 * time.Second, MaxDepth: 1000, MaxMemory: 64 * mib}, "local function f(n) return f(n + 1) end\nf(1)",
			"max-depth", "t.lua:1: max-depth: calls nested deeper than 1000"},
		{"tail-call recursion with no depth limit", host.Limits{Timeout: time.Minute}, "local function f(n) return f(n + 1) end\nf(1)",
			"max-depth", "t.lua:1: max-depth: calls nested deeper than 10000"},
		{"recursion through a metamethod", host.DefaultLimits, "local t = setmetatable({}, {__index = function(t, k) return t[k + 1] end})\nprint(t[1])",
			"max-depth", "t.lua:1: max-depth: calls nested deeper than 1000"},
		{"string.rep", small, `local s = string.rep("x", 1e10)`,
			"max-memory", "t.lua:1: max-memory: string.rep would build a string of 9536 MiB, more than the 64 MiB allowed"},
		{"table.concat", small, "local piece, t = string.rep(\"x\", 1000000), {}\nfor i = 1, 1000 do t[i] = piece end\nlocal s = table.concat(t)",
			"max-memory", "t.lua:3: max-memory: table.concat would build a string of 953 MiB, more than the 64 MiB allowed"},
		{"a chain of concatenations", small, "local s = string.rep(\"x\", 10000000)\nlocal y = s..s..s..s..s..s..s..s..s..s",
			"max-memory", "t.lua:2: max-memory: .. would build a string of 95 MiB, more than the 64 MiB allowed"},
		{"string.format widths", small, `local s = string.format(string.rep("%999999d", 1000), 1)`,
			"max-memory", "t.lua:1: max-memory: string.format would build a string of 953 MiB, more than the 64 MiB allowed"},
		{"string.format repeating an argument", small, "local big = string.rep(\"x\", 1000000)\nlocal s = string.format(string.rep(\"%[1]s\", 1000), big)",
			"max-memory", "t.lua:2: max-memory: string.format would build a string of 953 MiB, more than the 64 MiB allowed"},
		{"string.gsub", small, "local s = string.rep(\"x\", 1000000)\nlocal r = string.gsub(s, \"x\", string.rep(\"y\", 1000))",
			"max-memory", "t.lua:2: max-memory: string.gsub would build matches and a string larger than the 64 MiB allowed"},
		{"string.gmatch", small, "local n = 0\nfor m in string.rep(\"x\", 10000000):gmatch(\"x\") do n = n + 1 end",
			"max-memory", "t.lua:2: max-memory: string.gmatch would build matches and a string larger than the 64 MiB allowed"},
		{"print", small, "local big, t = string.rep(\"x\", 1000000), {}\nfor i = 1, 1000 do t[i] = big end\nprint(unpack(t))",
			"max-memory", "t.lua:3: max-memory: print would build a line of 953 MiB, more than the 64 MiB allowed"},
		{"a refusal caught by pcall", small, "print(pcall(string.rep, \"x\", 1e10))\nprint(\"not reached\")",
			"max-memory", "t.lua:1: max-memory: string.rep would build a string of 9536 MiB, more than the 64 MiB allowed"},
		{"gradual growth", small, "local t, i = {}, 0\nwhile true do\n  i = i + 1\n  t[i] = string.rep(\"x\", 1000) .. i\nend",
			"max-memory", `^t\.lua:\d: max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB$`},
		{"doubling", small, "local s = \"x\"\nfor i = 1, 40 do s = s .. s end",
			"max-memory", `^t\.lua:2: max-memory: (the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB|\.\. would build a string of \d+ MiB, and the script already holds \d+ MiB of the 64 MiB allowed)$`},
		{"a reader that never ends", host.Limits{Timeout: 500 * time.Millisecond}, "load(os.clock)",
			"timeout", "t.lua:1: timeout: the script ran longer than 500ms"},
		{"timeout", host.Limits{Timeout: 300 * time.Millisecond}, "while true do end",
			"timeout", "t.lua:1: timeout: the script ran longer than 300ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err, took := runLimited(t, tt.limits, tt.src)
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
			if strings.Contains(out, "not reached") {
				t.Errorf("the script went on: %q", out)
			}
			if took > within {
				t.Errorf("took %s", took)
			}
		})
	}
}

// TestGuardsChangeNothing runs scripts that pass every limit with the
// guards (generous limits) and without (no limits): the output and errors
// must be the same.
func TestGuardsChangeNothing(t *testing.T) {
	generous := host.Limits{MaxDepth: 10_000, MaxMemory: 1 << 40}
	scripts := []string{
		`print(1 .. 2 .. 3, "a" .. 1.5 .. "b", "x" .. -0 .. "y", ("a"):rep(3), string.rep("ab", 0))`,
		`local mt = {}
mt.__concat = function(a, b)
  local x = type(a) == "table" and a.v or a
  local y = type(b) == "table" and b.v or b
  return setmetatable({v = "(" .. x .. "+" .. y .. ")"}, mt)
end
local A, B = setmetatable({v = "A"}, mt), setmetatable({v = "B"}, mt)
print(("x" .. A .. "y" .. B .. "z").v, (A .. B .. A).v, ("p" .. "q" .. A).v)`,
		`local function two() return "a", "b" end
print("<" .. two() .. ">", select("#", two()))`,
		`local function v(...) return "[" .. ... .. "]" end
print(v("a", "b"))`,
		`print(pcall(function() return "a" .. nil .. "b" end))`,
		`print(pcall(function() return "a" .. {} .. "b" end))`,
		`local A = setmetatable({}, {__concat = function(a, b) return nil end})
print(pcall(function() return "a" .. A .. "b" end))`,
		`local t = {}
for i = 1, 5000 do t[i] = i end
print(#table.concat(t, ","), table.concat({1, 2, 3}, "-", 2), table.concat({1, 2, 3}, "-", 2, 3), table.concat({}, "x"), table.concat({"a"}, ", ", 5))`,
		`print(pcall(table.concat, {1, {}, 3}))`,
		`print(string.format("%5.2f|%-3d|%s|%q|%x", 3.14159, 7, "s", "a\nb", 255), string.format("%d%%", 5))`,
		`print(string.gsub("hello world", "o", "0"), string.gsub("abc", "%w", "%0%0"), string.gsub("abc", "(%w)", {a = "A"}), string.gsub("abc", "", "-"), string.gsub("abc", "^a", "x"), string.gsub("aaa", "a", "b", 2))`,
		`local n = 0
for w in string.gmatch("one two three", "%a+") do n = n + #w end
print(n)`,
		`local function f(n, acc) if n == 0 then return acc, "done" end return f(n - 1, acc + n) end
print(f(100, 0))`,
		`local function g(...) return ... end
local function f(...) return g(...) end
print(f(1, nil, 3))`,
		`print(pcall(error, "stack overflow"))`,
		`local f = load("local a, b = ... return a .. b .. '!'")
print(f("x", "y"))
local h = load("return x .. y .. z")
setfenv(h, {x = 1, y = 2, z = 3})
print(h())`,
		`print(select("#", unpack({1, 2, 3})), tostring(nil) .. "|" .. tostring(true) .. "|")`,
	}
	for _, src := range scripts {
		want, wantErr, _ := runLimited(t, host.Limits{}, src)
		got, gotErr, _ := runLimited(t, generous, src)
		if got != want || errString(gotErr) != errString(wantErr) {
			t.Errorf("%s\nguarded:   %q, %v\nunguarded: %q, %v", src, got, gotErr, want, wantErr)
		}
		if wantErr != nil {
			t.Errorf("%s: %v", src, wantErr)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestDepthErrors: only a full call stack is the depth limit; a script
// that raises "stack overflow" itself fails with its own error, and pcall
// catches an overflow as Lua's own.
func TestDepthErrors(t *testing.T) {
	out, err, _ := runLimited(t, host.DefaultLimits, `error("stack overflow")`)
	var le *host.LimitError
	if errors.As(err, &le) || errString(err) != "t.lua:1: stack overflow\nstack traceback:\n\t[G]: in function 'error'\n\tt.lua:1: in main chunk" {
		t.Errorf("got %q", errString(err))
	}
	out, err, _ = runLimited(t, host.DefaultLimits, "local function f(n) return 1 + f(n + 1) end\nprint(pcall(f, 1))")
	if err != nil || out != "false\tt.lua:1: stack overflow\n" {
		t.Errorf("got %q, %v", out, err)
	}
	// A full data stack leaves no room for the error handler either.
	_, err, _ = runLimited(t, host.DefaultLimits, "unpack({}, 1, 1e8)")
	if errString(err) != "t.lua:1: registry overflow\nstack traceback:\n\t[G]: in function 'unpack'\n\tt.lua:1: in main chunk" {
		t.Errorf("got %q", errString(err))
	}
}

// TestArgumentsConvertBounded: an argument that would expand to more values
// than it holds is refused by its type.
func TestArgumentsConvertBounded(t *testing.T) {
	src := "local t = {}\nfor i = 1, 40 do t = {t, t} end\nlibvirt.open():lookupByName(t)"
	_, err, took := runLimited(t, host.DefaultLimits, src)
	want := "t.lua:3: virConnect.lookupByName: for parameter name: got table, want string"
	if first, _, _ := strings.Cut(errString(err), "\n"); first != want {
		t.Errorf("got  %q\nwant %q", first, want)
	}
	if took > within {
		t.Errorf("took %s", took)
	}
}
