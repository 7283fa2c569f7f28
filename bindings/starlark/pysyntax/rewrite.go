package pysyntax

import (
	"bytes"
	"fmt"
	"strings"
)

// Two Python constructs that are not Starlark are rewritten, on their own
// lines, before a file is parsed.
//
// A with statement, "with open(name) as f:", becomes "for f in [open(name)]:",
// whose block runs once with f bound: scripts read files that way, and a
// file needs no closing here. Several items become one tuple:
// "with a as x, b as y:" is "for x, y in [(a, b)]:".
//
// f-strings (Python 3.6+) are not Starlark: Rewrite rewrites each one
// into the str.format call it means, before the file is parsed, so that
// f"{name:>10} {mem / 1024:.1f} MiB" becomes
// "{:>10} {:.1f} MiB".format(name, mem / 1024). Replacement fields keep
// their conversion (!r, !s) and format specification, nested fields in a
// specification included ({x:{width}}), and {expr=} writes "expr=" and
// the value's repr, as Python does. Everything else is copied as it is,
// so line numbers do not change.
func Rewrite(src []byte) ([]byte, error) {
	if !bytes.Contains(src, []byte(`f"`)) && !bytes.Contains(src, []byte(`f'`)) &&
		!bytes.Contains(src, []byte(`F"`)) && !bytes.Contains(src, []byte(`F'`)) &&
		!bytes.Contains(src, []byte("with")) {
		return src, nil
	}
	var out bytes.Buffer
	s := string(src)
	lineStart := true // only indentation since the last newline
	for i := 0; i < len(s); {
		c := s[i]
		if lineStart && c != ' ' && c != '\t' {
			lineStart = false
			if stmt, end, ok := withStatement(s, i); ok {
				out.WriteString(stmt)
				i = end
				continue
			}
		}
		if c == '\n' {
			lineStart = true
		}
		switch {
		case c == '#':
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				j = len(s) - i
			}
			out.WriteString(s[i : i+j])
			i += j
		case c == '"' || c == '\'':
			prefix := stringPrefix(s, i)
			end, err := stringEnd(s, i)
			if err != nil && !strings.ContainsAny(prefix, "fF") {
				// Starlark's scanner reports the string, where it is.
				out.WriteString(s[i:])
				return out.Bytes(), nil
			}
			if err != nil {
				return nil, err
			}
			if !strings.ContainsAny(prefix, "fF") {
				out.WriteString(s[i:end])
				i = end
				continue
			}
			// Drop the f from the prefix already copied.
			out.Truncate(out.Len() - len(prefix))
			out.WriteString(strings.NewReplacer("f", "", "F", "").Replace(prefix))
			lit, err := fstringCall(s[i:end])
			if err != nil {
				return nil, &fstringError{line: 1 + strings.Count(s[:i], "\n"), msg: err.Error()}
			}
			out.WriteString(lit)
			i = end
		default:
			out.WriteByte(c)
			i++
		}
	}
	return out.Bytes(), nil
}

// fstringError is a malformed f-string, on a line of the file.
type fstringError struct {
	line int
	msg  string
}

func (e *fstringError) Error() string { return e.msg }

// stringPrefix returns the letters of a string literal's prefix (r, b,
// f, u in any case, at most two) before the quote at i.
func stringPrefix(s string, i int) string {
	j := i
	for j > 0 && i-j < 2 && strings.IndexByte("rRbBfFuU", s[j-1]) >= 0 {
		j--
	}
	if j > 0 && isIdentPart(s[j-1]) {
		return "" // the letters end a name: not a prefix
	}
	return s[j:i]
}

// stringEnd returns the index just past the string literal whose opening
// quote is at i (see scanString).
func stringEnd(s string, i int) (int, error) {
	end, _, err := scanString(s, i)
	if err != nil {
		return 0, &fstringError{line: 1 + strings.Count(s[:i], "\n"), msg: err.Error()}
	}
	return end, nil
}

// fstringCall turns lit, an f-string's literal from its opening quote to
// its closing one, into a string literal and its .format call.
func fstringCall(lit string) (string, error) {
	open := 1
	if len(lit) >= 6 && lit[1] == lit[0] && lit[2] == lit[0] {
		open = 3
	}
	body := lit[open : len(lit)-open]
	var tmpl strings.Builder
	var args []string
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\\' && i+1 < len(body) {
			tmpl.WriteString(body[i : i+2])
			i++
			continue
		}
		if c == '}' {
			if i+1 < len(body) && body[i+1] == '}' {
				tmpl.WriteString("}}")
				i++
				continue
			}
			return "", fmt.Errorf("f-string: single '}' is not allowed")
		}
		if c != '{' {
			tmpl.WriteByte(c)
			continue
		}
		if i+1 < len(body) && body[i+1] == '{' {
			tmpl.WriteString("{{")
			i++
			continue
		}
		field, end, err := fstringField(body, i+1, &args)
		if err != nil {
			return "", err
		}
		tmpl.WriteString(field)
		i = end
	}
	q := lit[:open]
	if len(args) == 0 {
		return q + tmpl.String() + q, nil
	}
	return q + tmpl.String() + q + ".format(" + strings.Join(args, ", ") + ")", nil
}

// fstringField reads the replacement field that starts at body[i] (after
// its '{'), appends its expressions to args, and returns the field for the
// format template and the index of its closing '}'.
func fstringField(body string, i int, args *[]string) (string, int, error) {
	end, err := exprEnd(body, i)
	if err != nil {
		return "", 0, err
	}
	expr := strings.TrimSpace(body[i:end])
	if expr == "" {
		return "", 0, fmt.Errorf("f-string: empty expression not allowed")
	}
	var field strings.Builder
	field.WriteByte('{')
	debug, text := false, body[i:end] // text: {expr=}'s own words, spaces kept
	if strings.HasSuffix(expr, "=") && !strings.HasSuffix(expr, "==") && !strings.HasSuffix(expr, "!=") &&
		!strings.HasSuffix(expr, "<=") && !strings.HasSuffix(expr, ">=") {
		debug = true
		expr = strings.TrimSpace(strings.TrimSuffix(expr, "="))
	}
	*args = append(*args, "("+expr+")")
	j := end
	hasConv := false
	if j < len(body) && body[j] == '!' {
		if j+1 >= len(body) {
			return "", 0, fmt.Errorf("f-string: expecting '}'")
		}
		field.WriteString(body[j : j+2])
		hasConv = true
		j += 2
	}
	if j < len(body) && body[j] == ':' {
		field.WriteByte(':')
		j++
		for j < len(body) && body[j] != '}' {
			if body[j] == '{' {
				inner, err := exprEnd(body, j+1)
				if err != nil {
					return "", 0, err
				}
				if inner >= len(body) || body[inner] != '}' {
					return "", 0, fmt.Errorf("f-string: expecting '}' in a format specification")
				}
				*args = append(*args, "("+strings.TrimSpace(body[j+1:inner])+")")
				field.WriteString("{}")
				j = inner + 1
				continue
			}
			field.WriteByte(body[j])
			j++
		}
	} else if debug && !hasConv {
		field.WriteString("!r")
	}
	if j >= len(body) || body[j] != '}' {
		return "", 0, fmt.Errorf("f-string: expecting '}'")
	}
	field.WriteByte('}')
	if debug {
		return strings.ReplaceAll(strings.ReplaceAll(text, "{", "{{"), "}", "}}") + field.String(), j, nil
	}
	return field.String(), j, nil
}

// exprEnd returns the index where the expression starting at body[i]
// ends: at a '!' (not '!='), ':' or '}' outside brackets and strings.
func exprEnd(body string, i int) (int, error) {
	depth := 0
	for j := i; j < len(body); j++ {
		switch c := body[j]; c {
		case '(', '[', '{':
			depth++
		case ')', ']':
			depth--
		case '}':
			if depth == 0 {
				return j, nil
			}
			depth--
		case '\'', '"':
			k := strings.IndexByte(body[j+1:], c)
			if k < 0 {
				return 0, fmt.Errorf("f-string: unterminated string in an expression")
			}
			j += k + 1
		case '!':
			if depth == 0 && (j+1 >= len(body) || body[j+1] != '=') {
				return j, nil
			}
		case ':':
			if depth == 0 {
				return j, nil
			}
		}
	}
	return 0, fmt.Errorf("f-string: expecting '}'")
}

// withStatement reads a with statement whose first letter is at s[i] and
// returns the for statement it becomes, up to its ':' (the block follows
// unchanged), and the index after the ':'.
func withStatement(s string, i int) (string, int, bool) {
	if !strings.HasPrefix(s[i:], "with") || i+4 >= len(s) || (s[i+4] != ' ' && s[i+4] != '\t' && s[i+4] != '(') {
		return "", 0, false
	}
	// The header ends at the first ':' outside brackets and strings.
	depth, colon := 0, -1
	for j := i + 4; j < len(s) && colon < 0; j++ {
		switch c := s[j]; c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '"', '\'':
			end, err := stringEnd(s, j)
			if err != nil {
				return "", 0, false
			}
			j = end - 1
		case '#', '\n':
			if depth == 0 {
				return "", 0, false // no ':' on the line: leave it to the parser
			}
		case ':':
			if depth == 0 {
				colon = j
			}
		}
	}
	if colon < 0 {
		return "", 0, false
	}
	var names, exprs []string
	for _, item := range splitTopLevel(s[i+4 : colon]) {
		expr, name := strings.TrimSpace(item), "_"
		if k := lastTopLevelAs(expr); k >= 0 {
			expr, name = strings.TrimSpace(expr[:k]), strings.TrimSpace(expr[k+4:])
		}
		if expr == "" || name == "" {
			return "", 0, false
		}
		names, exprs = append(names, name), append(exprs, expr)
	}
	if len(exprs) == 1 {
		return "for " + names[0] + " in [" + exprs[0] + "]:", colon + 1, true
	}
	return "for " + strings.Join(names, ", ") + " in [(" + strings.Join(exprs, ", ") + ")]:", colon + 1, true
}

// splitTopLevel splits s at the commas outside brackets and strings.
func splitTopLevel(s string) []string {
	var parts []string
	depth, start := 0, 0
	for j := 0; j < len(s); j++ {
		switch c := s[j]; c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '"', '\'':
			if end, err := stringEnd(s, j); err == nil {
				j = end - 1
			}
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:j])
				start = j + 1
			}
		}
	}
	return append(parts, s[start:])
}

// lastTopLevelAs returns the index of the last " as " outside brackets and
// strings in item, or -1.
func lastTopLevelAs(item string) int {
	depth, at := 0, -1
	for j := 0; j < len(item); j++ {
		switch c := item[j]; c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '"', '\'':
			if end, err := stringEnd(item, j); err == nil {
				j = end - 1
			}
		case ' ', '\t':
			if depth == 0 && j+4 <= len(item) && item[j+1:j+3] == "as" && j+3 < len(item) && (item[j+3] == ' ' || item[j+3] == '\t') {
				at = j
			}
		}
	}
	return at
}

// Line is the line of the file where a malformed f-string is.
func (e *fstringError) Line() int { return e.line }
