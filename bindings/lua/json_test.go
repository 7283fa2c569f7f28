package lua_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/vertscript/vertscript/host"
)

// TestJSON: the same texts as Starlark's json.encode gives for the same
// values (see bindings/starlark/json_test.go).
func TestJSON(t *testing.T) {
	src := `local d = json.decode('{"b": [1, 2.5, "x", null, true], "a": {"c": "\\u00e9"}}')
print(d.b[1], d.b[4], d.b[5], d.a.c, json.encode({a = d.a, b = {1, 2.5, "x", true}}))
print((json.encode({a = {1, 2}}, 2):gsub("\n", "|")), json.encode({}), json.encode(""), json.encode(1e20), json.encode("a<\"\n"))
print(pcall(json.encode, {[5] = 1}))
print(pcall(json.encode, {f = print}))
print(pcall(json.encode, 0/0))
print(pcall(json.decode, "[1"))
print(pcall(json.decode, "[1] x"))`
	out, msg := run(t, context.Background(), "t.lua", src)
	want := "1\tnil\ttrue\té\t{\"a\":{\"c\":\"é\"},\"b\":[1,2.5,\"x\",true]}\n" +
		"{|  \"a\": [|    1,|    2|  ]|}\t[]\t\"\"\t1e+20\t\"a\\u003c\\\"\\n\"\n" +
		"false\tt.lua:4: json.encode: a table with number keys that are not 1..n cannot be a JSON object (its keys must be strings)\n" +
		"false\tt.lua:5: json.encode: in key \"f\": cannot encode function as JSON\n" +
		"false\tt.lua:6: json.encode: cannot encode non-finite float NaN\n" +
		"false\tt.lua:7: json.decode: unexpected end of text\n" +
		"false\tt.lua:8: json.decode: unexpected text after the value at offset 4\n"
	if out != want || msg != "" {
		t.Errorf("got %q (%s)\nwant %q", out, msg, want)
	}
}

func TestJSONLimits(t *testing.T) {
	lim := host.Limits{Timeout: time.Minute, MaxMemory: 64 << 20, MaxDepth: 1000}
	for _, tt := range []struct{ src, err string }{
		{`json.decode(string.rep("[", 100000) .. string.rep("]", 100000))`, "json.decode: a JSON value nested more than 1000 levels deep"},
		{`json.decode("[" .. string.rep("0,", 5000000) .. "0]")`, "max-memory: json.decode of 5000002 values"},
		{`local s = string.rep("x", 1000000) local t = {} for i = 1, 100 do t[i] = s end json.encode(t)`, "max-memory"},
	} {
		_, err, _ := runLimited(t, lim, tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%.60s: got %v, want %q", tt.src, err, tt.err)
		}
	}
}
