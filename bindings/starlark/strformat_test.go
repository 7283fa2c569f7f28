package starlark_test

import (
	"context"
	"strings"
	"testing"
)

// TestStrFormatAsPython checks str.format's format specifications against
// what python3 printed for the same lines; !r differs only in quoting
// strings as Starlark's repr does (double quotes).
func TestStrFormatAsPython(t *testing.T) {
	src := "print(\"[{:>10}] [{:<6}] [{:^7}] [{:*^9}]\".format(\"ab\", \"cd\", \"ef\", \"gh\"))\nprint(\"{0} {1} {0}\".format(\"a\", \"b\"), \"{x}-{y}\".format(x=1, y=2))\nprint(\"{:5d}|{:<5d}|{:05d}|{:+d}|{: d}|{:,}|{:_}\".format(42, 42, -42, 5, 5, 1234567, 1234567))\nprint(\"{:x} {:X} {:#x} {:o} {:#o} {:b} {:#b} {:c}\".format(255, 255, 255, 8, 8, 5, 5, 65))\nprint(\"{:.2f} {:10.3f}| {:e} {:.3e} {:g} {:g} {:.3g} {:%} {:.1%}\".format(3.14159, 2.5, 12345.678, 0.00012345, 0.0000123, 123456789.0, 1234.5, 0.25, 0.125))\nprint(\"{} {} {:.3} {:10.2}|\".format(1.5, 1e20, 1.23456, 3.14159))\nprint(\"{!r} {!s} {:>8} {:.2}\".format(\"q\", \"q\", True, \"abcdef\"))\nprint(\"{0[0]} {0[1]} {1[k]}\".format([7, 8], {\"k\": \"v\"}))\nprint(\"{:{w}} | {:>{w}.{p}f}\".format(\"a\", 3.14159, w=6, p=2))\nprint(\"{{literal}} {}\".format(1))\nprint(\" {0:20} {1:18} {2:9}|\".format(\"Expiry Time\", \"MAC address\", \"Protocol\"))\nprint(\"{:,.2f} {:=+8d} {:08.2f} {:,d}\".format(1234567.891, 42, -3.5, -1234))\n"
	want := "[        ab] [cd    ] [  ef   ] [***gh****]\na b a 1-2\n   42|42   |-0042|+5| 5|1,234,567|1_234_567\nff FF 0xff 10 0o10 101 0b101 A\n3.14      2.500| 1.234568e+04 1.234e-04 1.23e-05 1.23457e+08 1.23e+03 25.000000% 12.5%\n1.5 1e+20 1.23        3.1|\n\"q\" q        1 ab\n7 8 v\na      |   3.14\n{literal} 1\n Expiry Time          MAC address        Protocol |\n1,234,567.89 +     42 -0003.50 -1,234\n"
	out, err := runScript(t, context.Background(), src)
	if err != "" || out != want {
		t.Errorf("got %q, error %q;\nwant %q", out, err, want)
	}
	for src, wantErr := range map[string]string{
		`"{:d}".format("x")`:    "unknown format code 'd' for object of type 'string'",
		`"{} {}".format(1)`:     "replacement index 1 out of range",
		`"{0} {}".format(1, 2)`: "cannot switch from manual field specification to automatic field numbering",
		`"{x}".format(y=1)`:     "keyword \"x\" not given",
		`"}".format()`:          "single '}' encountered",
		`"{:.2d}".format(1)`:    "precision not allowed in integer format specifier",
	} {
		if _, err := runScript(t, context.Background(), src); !strings.Contains(err, wantErr) {
			t.Errorf("%s: got error %q, want one containing %q", src, err, wantErr)
		}
	}
}
