package starlark_test

import (
	"context"
	"strings"
	"testing"

	"github.com/vertscript/vertscript/host"
)

func TestJSONAndMath(t *testing.T) {
	src := `d = json.decode('{"b": [1, 2.5, "x", null, true], "a": {"c": "\u00e9"}}')
print(d["b"], d["a"]["c"], json.encode(d))
print(json.indent('{"a":[1,2]}', indent="  ").replace("\n", "|"), json.encode_indent([1]).replace("\n", "|"))
print(json.decode("[1", default="bad"), math.sqrt(16), math.floor(2.5), math.pi > 3)`
	out, msg := runScript(t, context.Background(), src)
	want := "[1, 2.5, \"x\", None, True] é {\"a\":{\"c\":\"é\"},\"b\":[1,2.5,\"x\",null,true]}\n" +
		"{|  \"a\": [|    1,|    2|  ]|} [|\t1|]\n" +
		"bad 4.0 2 True\n"
	if out != want || msg != "" {
		t.Errorf("got %q (%s), want %q", out, msg, want)
	}
}

// TestJSONLimits: decoding, encoding or indenting what would pass
// --max-memory, or nest past host.MaxNesting, is refused before it runs.
func TestJSONLimits(t *testing.T) {
	lim := host.Limits{MaxMemory: 64 << 20, MaxSteps: host.DefaultLimits.MaxSteps}
	for _, tt := range []struct{ src, err string }{
		{`json.decode("[" * 100000 + "]" * 100000)`, "json.decode: a JSON value nested more than"},
		{`json.indent("[" * 100000 + "]" * 100000)`, "json.indent: a JSON value nested more than"},
		{`json.decode("[" + "0," * 5000000 + "0]")`, "max-memory: json.decode of 5000002 values"},
		{`json.encode(["x" * 1000000] * 100)`, "max-memory: json.encode"},
		{`json.encode_indent([[0] * 100000] * 40)`, "max-memory: json.encode_indent"},
		{"a = []\nfor i in range(100000):\n    a = [a]\njson.encode(a)", "json.encode: a value nested more than"},
		{`json.indent("[" + "[0]," * 3000000 + "0]", indent=" " * 100)`, "max-memory: json.indent"},
	} {
		_, err, _ := runLimited(t, lim, tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%.60s: got %v, want %q", tt.src, err, tt.err)
		}
	}
}
