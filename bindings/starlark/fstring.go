package starlark

import (
	"bytes"
	"fmt"
	"strings"
)

// f-strings (Python 3.6+) are not Starlark: fstrings rewrites each one
// into the str.format call it means, before the file is parsed, so that
// f"{name:>10} {mem / 1024:.1f} MiB" becomes
// "{:>10} {:.1f} MiB".format(name, mem / 1024). Replacement fields keep
// their conversion (!r, !s) and format specification, nested fields in a
// specification included ({x:{width}}), and {expr=} writes "expr=" and
// the value's repr, as Python does. Everything else is copied as it is,
// so line numbers do not change.
func fstrings(src []byte) ([]byte, error) {
	if !bytes.Contains(src, []byte(`f"`)) && !bytes.Contains(src, []byte(`f'`)) &&
		!bytes.Contains(src, []byte(`F"`)) && !bytes.Contains(src, []byte(`F'`)) {
		return src, nil
	}
	var out bytes.Buffer
	s := string(src)
	for i := 0; i < len(s); {
		c := s[i]
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
	if j > 0 && isIdentChar(s[j-1]) {
		return "" // the letters end a name: not a prefix
	}
	return s[j:i]
}

func isIdentChar(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// stringEnd returns the index just past the string literal whose opening
// quote is at i. A backslash escapes the next character, in raw strings too
// (r"\"" is a string), as in Python.
func stringEnd(s string, i int) (int, error) {
	q := s[i]
	triple := strings.HasPrefix(s[i:], strings.Repeat(string(q), 3))
	j := i + 1
	if triple {
		j = i + 3
	}
	for j < len(s) {
		switch {
		case s[j] == '\\':
			j += 2
			continue
		case triple && strings.HasPrefix(s[j:], strings.Repeat(string(q), 3)):
			return j + 3, nil
		case !triple && s[j] == q:
			return j + 1, nil
		case !triple && s[j] == '\n':
			return 0, &fstringError{line: 1 + strings.Count(s[:i], "\n"), msg: "unterminated string literal"}
		}
		j++
	}
	return 0, &fstringError{line: 1 + strings.Count(s[:i], "\n"), msg: "unterminated string literal"}
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
