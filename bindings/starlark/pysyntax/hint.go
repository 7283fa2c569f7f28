package pysyntax

import "fmt"

// pythonOnly are the statements that begin a line in Python and not in
// Starlark.
var pythonOnly = map[string]bool{"import": true, "from": true, "try": true, "except": true, "finally": true,
	"class": true, "raise": true, "assert": true, "global": true, "nonlocal": true, "del": true, "async": true}

// Hint returns, for a Starlark file that failed to parse at line, what on
// that line is Python rather than Starlark, and where Python runs as it
// is; "" when the line holds no Python-only syntax. It reads the line's
// tokens, not the parser's message.
func Hint(src []byte, line int) string {
	lines, err := tokenize(string(src))
	if err != nil {
		return ""
	}
	p := &pass{src: string(src)}
	for _, l := range lines {
		if l.toks[0].line > line || l.toks[len(l.toks)-1].line < line {
			continue
		}
		what := ""
		for i, t := range l.toks {
			switch s := p.text(t); {
			case i == 0 && t.kind == tName && pythonOnly[s]:
				what = "the " + s + " statement"
			case i == 0 && p.is(t, tOp, "@"):
				what = "a decorator"
			case t.kind == tName && (s == "is" || s == "yield" || s == "await") && i > 0:
				what = "the " + s + " operator"
			case p.is(t, tOp, "**") && i > 0 && p.endsOperand(l.toks[i-1]):
				what = "the ** operator"
			case p.is(t, tOp, ":=") || p.is(t, tOp, "**="):
				what = "the " + s + " operator"
			}
			if what != "" {
				break
			}
		}
		if what == "" {
			return ""
		}
		return fmt.Sprintf("%s is Python, not Starlark: a .py script runs as libvirt-python, as it is (see %s)", what, PortingGuide)
	}
	return ""
}
