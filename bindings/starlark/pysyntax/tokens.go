package pysyntax

import (
	"fmt"
	"strings"

	"github.com/vertscript/vertscript/host"
)

// tokKind is the kind of a Python token, as far as the source pass needs
// to tell them apart.
type tokKind int8

const (
	tName tokKind = iota
	tNumber
	tString
	tOp
)

// token is one token of Python source: its kind, its bytes src[start:end]
// and where it starts.
type token struct {
	kind       tokKind
	start, end int
	line, col  int // 1-based; col counts bytes
	depth      int // the bracket depth before the token
}

// line is one logical line: its tokens, and the indentation of the first.
type line struct {
	toks   []token
	indent int
}

// tokenize splits src into logical lines of tokens, skipping comments,
// blank lines and backslash continuations, as Python's tokenizer does. An
// unterminated string ends the scan with an error at its start.
func tokenize(src string) ([]line, error) {
	var lines []line
	var cur []token
	depth, lineNo, lineStart := 0, 1, 0
	flush := func() {
		if len(cur) > 0 {
			lines = append(lines, line{toks: cur, indent: cur[0].col - 1})
			cur = nil
		}
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			if depth == 0 {
				flush()
			}
			i++
			lineNo++
			lineStart = i
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			i++
			continue
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '\\' && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
			i++
			if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			i++
			lineNo++
			lineStart = i
			continue
		}
		t := token{start: i, line: lineNo, col: i - lineStart + 1, depth: depth}
		switch {
		case isIdentStart(c):
			j := i
			for j < len(src) && isIdentPart(src[j]) {
				j++
			}
			if j < len(src) && (src[j] == '"' || src[j] == '\'') && j-i <= 2 && isStringPrefix(src[i:j]) {
				end, nl, err := scanString(src, j)
				if err != nil {
					return nil, &Error{Line: lineNo, Col: t.col, Msg: err.Error()}
				}
				t.kind, t.end = tString, end
				for k := j; k < end; k++ {
					if src[k] == '\n' {
						lineStart = k + 1
					}
				}
				lineNo += nl
				i = end
				cur = append(cur, t)
				continue
			}
			t.kind, t.end = tName, j
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := i + 1
			for j < len(src) && (isIdentPart(src[j]) || src[j] == '.' ||
				(src[j] == '+' || src[j] == '-') && (src[j-1] == 'e' || src[j-1] == 'E') && !strings.HasPrefix(strings.ToLower(src[i:j]), "0x")) {
				j++
			}
			t.kind, t.end = tNumber, j
		case c == '"' || c == '\'':
			end, nl, err := scanString(src, i)
			if err != nil {
				return nil, &Error{Line: lineNo, Col: t.col, Msg: err.Error()}
			}
			t.kind, t.end = tString, end
			for k := i; k < end; k++ {
				if src[k] == '\n' {
					lineStart = k + 1
				}
			}
			lineNo += nl
		default:
			t.kind, t.end = tOp, i+opLen(src[i:])
			switch c {
			case '(', '[', '{':
				depth++
				if depth > host.MaxNesting {
					return nil, &Error{Line: lineNo, Col: t.col, Msg: fmt.Sprintf("brackets nested more than %d levels deep", host.MaxNesting)}
				}
			case ')', ']', '}':
				if depth > 0 {
					depth--
				}
			}
		}
		i = t.end
		cur = append(cur, t)
	}
	flush()
	return lines, nil
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func isStringPrefix(p string) bool {
	switch strings.ToLower(p) {
	case "r", "u", "b", "f", "br", "rb", "fr", "rf":
		return true
	}
	return false
}

// scanString returns the end of the string literal whose quote is at
// src[i], and how many newlines it holds.
func scanString(src string, i int) (end, newlines int, err error) {
	q := src[i]
	triple := strings.HasPrefix(src[i:], strings.Repeat(string(q), 3))
	j := i + 1
	if triple {
		j = i + 3
	}
	for j < len(src) {
		c := src[j]
		switch {
		case c == '\\':
			if j+1 < len(src) && src[j+1] == '\n' {
				newlines++
			}
			j += 2
			continue
		case c == '\n':
			if !triple {
				return 0, 0, fmt.Errorf("unterminated string literal")
			}
			newlines++
		case c == q:
			if !triple {
				return j + 1, newlines, nil
			}
			if strings.HasPrefix(src[j:], strings.Repeat(string(q), 3)) {
				return j + 3, newlines, nil
			}
		}
		j++
	}
	return 0, 0, fmt.Errorf("unterminated string literal")
}

// ops are Python's operators of more than one character, longest first.
var ops = []string{"**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=", "<=", ">=", "<<", ">>",
	"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="}

func opLen(s string) int {
	for _, op := range ops {
		if strings.HasPrefix(s, op) {
			return len(op)
		}
	}
	return 1
}
