package starlark_test

import (
	"context"
	"strings"
	"testing"
)

// TestPercentFormatsAsPython checks % against Python's printf-style
// formatting. The expected strings were printed by python3 for the same
// format and arguments; %r differs only in quoting strings as Starlark's
// repr does (double quotes).
func TestPercentFormatsAsPython(t *testing.T) {
	tests := []struct{ format, args, want string }{
		{`"%#010x|%-08d|%+.2e|%08.3f|%05s|%#o|%#.3g|%010.2f|%-6.1f|% 5d|%#X"`, `(255, 42, 12345.678, -3.5, "ab", 8, 1.0, float("+inf"), 2.25, 7, 255)`, "0x000000ff|42      |+1.23e+04|-003.500|   ab|0o10|1.00|0000000inf|2.2   |    7|0XFF"},
		{`"%g|%G|%.0f|%.0e|%10.4g|%-10.3e|%3c|%.2s|%x"`, `(1e-5, 1e20, 2.5, 12345.0, 3.14159265, 0.000123, 65, "abc", -255)`, "1e-05|1E+20|2|1e+04|     3.142|1.230e-04 |  A|ab|-ff"},
		{"\"%-10s|\"", "\"ab\"", "ab        |"},
		{"\"%10s|\"", "\"ab\"", "        ab|"},
		{"\"%.1s|\"", "\"ab\"", "a|"},
		{"\"%5d|\"", "42", "   42|"},
		{"\"%-5d|\"", "42", "42   |"},
		{"\"%05d\"", "-42", "-0042"},
		{"\"%+d\"", "5", "+5"},
		{"\"% d\"", "5", " 5"},
		{"\"%x %X %o\"", "(255, 255, 8)", "ff FF 10"},
		{"\"%#x %#o\"", "(255, 8)", "0xff 0o10"},
		{"\"%.3f\"", "3.14159", "3.142"},
		{"\"%10.2f|\"", "3.14159", "      3.14|"},
		{"\"%e\"", "12345.678", "1.234568e+04"},
		{"\"%g\"", "0.0000123", "1.23e-05"},
		{"\"%g\"", "123456789.0", "1.23457e+08"},
		{"\"%G\"", "1e-10", "1E-10"},
		{"\"%d\"", "3.9", "3"},
		{"\"%s and %r\"", "(\"x\", \"y\")", "x and \"y\""},
		{"\"%(a)s-%(b)d\"", "{\"a\": \"A\", \"b\": 2}", "A-2"},
		{"\"%%d\"", "()", "%d"},
		{"\"%c%c\"", "(65, \"b\")", "Ab"},
		{"\"%*d|\"", "(6, 7)", "     7|"},
		{"\"%-*s|\"", "(4, \"ab\")", "ab  |"},
		{"\"%.*f\"", "(2, 1.005)", "1.00"},
		{"\"%s\"", "True", "True"},
		{"\"%d\"", "True", "1"},
		{"\"%i\"", "-0", "0"},
		{"\"%5.1f%%\"", "99.55", " 99.5%"},
		{"\"%s\"", "[1, 2]", "[1, 2]"},
		{"\"%08.3f\"", "-3.5", "-003.500"},
	}
	var src strings.Builder
	for _, tt := range tests {
		src.WriteString("print(" + tt.format + " % " + tt.args + ")\n")
	}
	out, err := runScript(t, context.Background(), src.String())
	if err != "" {
		t.Fatalf("run: %s", err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for i, tt := range tests {
		if i >= len(lines) || lines[i] != tt.want {
			got := "(missing)"
			if i < len(lines) {
				got = lines[i]
			}
			t.Errorf("%s %% %s = %q, want %q", tt.format, tt.args, got, tt.want)
		}
	}
}

func TestPercentErrors(t *testing.T) {
	for src, want := range map[string]string{
		`"%d %d" % (1,)`: "not enough arguments for format string",
		`"%d" % (1, 2)`:  "not all arguments converted during string formatting",
		`"%d" % "x"`:     "%d format: an integer is required, not string",
		`"%(a)s" % (1,)`: "format requires a mapping",
		`"%z" % 1`:       "unsupported format character 'z'",
	} {
		_, err := runScript(t, context.Background(), src)
		if !strings.Contains(err, want) {
			t.Errorf("%s: got error %q, want one containing %q", src, err, want)
		}
	}
}
