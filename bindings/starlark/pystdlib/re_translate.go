package pystdlib

import (
	"fmt"
	"regexp"
	resyntax "regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
)

// Python's regular expressions on Go's regexp (RE2): translate what RE2
// means the same way, refuse what it cannot do (backreferences,
// lookaround, possessive quantifiers and atomic groups, conditionals), so
// that matching stays linear in the input.
//
// Differences that remain: \b is ASCII-only; \W, \S inside a character
// class are ASCII-only; an empty match right after a non-empty one is
// skipped (re.sub("x*", "-", "abxd") gives "-a-b-d-", Python "-a-b--d-");
// search(s, pos) sees s from pos on, as if it began there.

// Python's flag values.
const (
	reTemplate   = 1
	reIgnoreCase = 2
	reLocale     = 4
	reMultiline  = 8
	reDotAll     = 16
	reUnicode    = 32
	reVerbose    = 64
	reDebug      = 128
	reASCII      = 256
)

// rePattern is a translated pattern.
type rePattern struct {
	src     string
	flags   int
	re      *regexp.Regexp
	groups  int            // the user's capturing groups
	goIndex []int          // user group i is Go group goIndex[i]
	names   map[string]int // group name -> user group
	dollars []int          // Go groups of $ at the end: the newline it may consume
}

func reError(format string, args ...any) error { return pyerr.New("re.error", format, args...) }

// Unicode classes for \d, \w, \s as Python's str patterns read them.
const (
	uniDigit = `\p{Nd}`
	uniWord  = `\p{L}\p{N}_\p{Mn}`
	uniSpace = `\t\n\v\f\r \x{1c}-\x{1f}\x{85}\p{Z}`
)

// compileRE translates and compiles pat with Python's flags.
func compileRE(pat string, flags int) (*rePattern, error) {
	t := &translator{src: []rune(pat), flags: flags, p: &rePattern{src: pat, names: map[string]int{}, goIndex: []int{0}}}
	if err := t.run(); err != nil {
		return nil, err
	}
	t.p.flags = t.flags
	prefix := ""
	if t.flags&reIgnoreCase != 0 {
		prefix += "i"
	}
	if t.flags&reMultiline != 0 {
		prefix += "m"
	}
	if t.flags&reDotAll != 0 {
		prefix += "s"
	}
	goPat := t.out.String()
	if prefix != "" {
		goPat = "(?" + prefix + ")" + goPat
	}
	re, err := regexp.Compile(goPat)
	if err != nil {
		msg := err.Error()
		if e, ok := err.(*resyntax.Error); ok {
			msg = strings.TrimPrefix(e.Code.String(), "invalid ") + ": " + e.Expr
			switch e.Code {
			case resyntax.ErrMissingParen:
				msg = "missing ), unterminated subpattern"
			case resyntax.ErrUnexpectedParen:
				msg = "unbalanced parenthesis"
			case resyntax.ErrMissingBracket:
				msg = "unterminated character set"
			case resyntax.ErrInvalidRepeatOp, resyntax.ErrMissingRepeatArgument:
				msg = "nothing to repeat"
			case resyntax.ErrInvalidRepeatSize:
				msg = "the repetition number is too large (RE2 takes at most 1000)"
			}
		}
		return nil, reError("%s in %s", msg, ReprString(pat))
	}
	t.p.re = re
	return t.p, nil
}

type translator struct {
	src   []rune
	i     int
	flags int
	out   strings.Builder
	p     *rePattern
	// goCount counts the Go groups so far: the user's and those of $.
	goCount int
	// open holds the positions of the groups not closed yet.
	open []int
}

func (t *translator) peek(k int) rune {
	if t.i+k < len(t.src) {
		return t.src[t.i+k]
	}
	return -1
}

func (t *translator) refuse(what string) error {
	return reError("%s are not supported at position %d: vertscript's regular expressions (RE2) run in time linear in the text, which rules them out; match in steps, or compare the groups in the script", what, t.i)
}

func (t *translator) verbose() bool { return t.flags&reVerbose != 0 }
func (t *translator) ascii() bool   { return t.flags&reASCII != 0 }

var flagLetters = map[rune]int{'a': reASCII, 'i': reIgnoreCase, 'L': reLocale, 'm': reMultiline, 's': reDotAll, 'u': reUnicode, 'x': reVerbose}

func (t *translator) run() error {
	// Global flags at the start: (?aimsux).
	for t.peek(0) == '(' && t.peek(1) == '?' && flagLetters[t.peek(2)] != 0 {
		j := t.i + 2
		f := 0
		for j < len(t.src) && flagLetters[t.src[j]] != 0 {
			f |= flagLetters[t.src[j]]
			j++
		}
		if j >= len(t.src) || t.src[j] != ')' {
			break // a scoped group (?i:...), handled below
		}
		t.flags |= f
		t.i = j + 1
	}
	for t.i < len(t.src) {
		c := t.src[t.i]
		switch {
		case t.verbose() && isSpaceRune(c):
			t.i++
		case t.verbose() && c == '#':
			for t.i < len(t.src) && t.src[t.i] != '\n' {
				t.i++
			}
		case c == '\\':
			if err := t.escape(false); err != nil {
				return err
			}
		case c == '[':
			if err := t.class(); err != nil {
				return err
			}
		case c == '(':
			at := t.i
			if err := t.group(); err != nil {
				return err
			}
			if t.i > at+1 && t.src[t.i-1] == ')' {
				break // a comment (?#...)
			}
			t.open = append(t.open, at)
		case c == ')':
			if len(t.open) == 0 {
				return reError("unbalanced parenthesis at position %d", t.i)
			}
			t.open = t.open[:len(t.open)-1]
			t.out.WriteRune(c)
			t.i++
		case c == '$':
			t.i++
			if t.flags&reMultiline != 0 {
				t.out.WriteString("$")
			} else {
				// Python's $ also matches before a newline that ends
				// the text: the group takes that newline, and the match
				// ends before it.
				t.out.WriteString(`(?:(\n?)\z)`)
				t.p.dollars = append(t.p.dollars, t.goGroups()+1)
				t.goCount++
			}
		case c == '*' || c == '+' || c == '?':
			t.out.WriteRune(c)
			t.i++
			if err := t.quantifierEnd(); err != nil {
				return err
			}
		case c == '{':
			if err := t.brace(); err != nil {
				return err
			}
		default:
			t.out.WriteRune(c)
			t.i++
		}
	}
	if len(t.open) > 0 {
		return reError("missing ), unterminated subpattern at position %d", t.open[len(t.open)-1])
	}
	return nil
}

func (t *translator) goGroups() int { return t.goCount }

// quantifierEnd reads what may follow a quantifier: ? (lazy) is RE2's;
// + (possessive) is refused.
func (t *translator) quantifierEnd() error {
	if t.peek(0) == '?' {
		t.out.WriteRune('?')
		t.i++
		return nil
	}
	if t.peek(0) == '+' {
		return t.refuse("possessive quantifiers (*+, ++, ?+)")
	}
	return nil
}

var braceRE = regexp.MustCompile(`^\{(\d*)(,?)(\d*)\}`)

// brace is {m,n}, {,n}, or a literal {.
func (t *translator) brace() error {
	m := braceRE.FindStringSubmatch(string(t.src[t.i:min(len(t.src), t.i+24)]))
	if m == nil || (m[1] == "" && m[3] == "") {
		t.out.WriteString(`\{`)
		t.i++
		return nil
	}
	lo := m[1]
	if lo == "" {
		lo = "0"
	}
	t.out.WriteString("{" + lo + m[2] + m[3] + "}")
	t.i += utf8.RuneCountInString(m[0])
	return t.quantifierEnd()
}

func (t *translator) group() error {
	start := t.i
	if t.peek(1) != '?' {
		t.i++
		t.out.WriteString("(")
		t.userGroup()
		return nil
	}
	t.i += 2
	switch c := t.peek(0); {
	case c == 'P' && t.peek(1) == '<':
		end := t.find('>')
		if end < 0 {
			return reError("missing >, unterminated name at position %d", t.i+2)
		}
		name := string(t.src[t.i+2 : end])
		if !isIdentifier(name) {
			return reError("bad character in group name %s at position %d", ReprString(name), t.i+2)
		}
		if _, dup := t.p.names[name]; dup {
			return reError("redefinition of group name %s as group %d; was group %d at position %d", ReprString(name), t.p.groups+1, t.p.names[name], t.i+2)
		}
		t.out.WriteString("(?P<" + name + ">")
		t.i = end + 1
		t.userGroup()
		t.p.names[name] = t.p.groups
	case c == 'P' && t.peek(1) == '=':
		t.i = start
		return t.refuse("backreferences ((?P=name))")
	case c == ':':
		t.out.WriteString("(?:")
		t.i++
	case c == '=' || c == '!':
		t.i = start
		return t.refuse("lookahead assertions ((?=...), (?!...))")
	case c == '<' && (t.peek(1) == '=' || t.peek(1) == '!'):
		t.i = start
		return t.refuse("lookbehind assertions ((?<=...), (?<!...))")
	case c == '>':
		t.i = start
		return t.refuse("atomic groups ((?>...))")
	case c == '(':
		t.i = start
		return t.refuse("conditional groups ((?(1)...))")
	case c == '#':
		end := t.find(')')
		if end < 0 {
			return reError("missing ), unterminated comment at position %d", start)
		}
		t.i = end + 1
	case flagLetters[c] != 0 || c == '-':
		var on, off strings.Builder
		neg := false
		for t.i < len(t.src) && (flagLetters[t.src[t.i]] != 0 || t.src[t.i] == '-') {
			r := t.src[t.i]
			switch {
			case r == '-':
				neg = true
			case r == 'x':
				return reError("scoped verbose flags (?x:...) are not supported at position %d: give re.VERBOSE to the whole pattern", start)
			case r == 'i' || r == 'm' || r == 's':
				if neg {
					off.WriteRune(r)
				} else {
					on.WriteRune(r)
				}
			}
			t.i++
		}
		if t.peek(0) == ')' {
			return reError("global flags not at the start of the expression at position %d", start)
		}
		if t.peek(0) != ':' {
			return reError("unknown flag at position %d", t.i)
		}
		t.i++
		f := on.String()
		if off.Len() > 0 {
			f += "-" + off.String()
		}
		if f == "" {
			t.out.WriteString("(?:")
		} else {
			t.out.WriteString("(?" + f + ":")
		}
	default:
		return reError("unknown extension ?%c at position %d", c, start+1)
	}
	return nil
}

func (t *translator) userGroup() {
	t.goCount++
	t.p.groups++
	t.p.goIndex = append(t.p.goIndex, t.goCount)
}

func (t *translator) find(r rune) int {
	for j := t.i; j < len(t.src); j++ {
		if t.src[j] == r {
			return j
		}
	}
	return -1
}

// escape translates the escape at t.i, in a class or not.
func (t *translator) escape(inClass bool) error {
	start := t.i
	c := t.peek(1)
	if c < 0 {
		return reError("bad escape (end of pattern) at position %d", start)
	}
	t.i += 2
	hex := func(n int) error {
		if t.i+n > len(t.src) {
			return reError("incomplete escape \\%c at position %d", c, start)
		}
		v, err := strconv.ParseUint(string(t.src[t.i:t.i+n]), 16, 32)
		if err != nil {
			return reError("incomplete escape \\%c%s at position %d", c, string(t.src[t.i:t.i+n]), start)
		}
		t.i += n
		fmt.Fprintf(&t.out, `\x{%x}`, v)
		return nil
	}
	isOct := func(r rune) bool { return r >= '0' && r <= '7' }
	switch {
	case c == '0':
		v := 0
		for k := 0; k < 2 && isOct(t.peek(0)); k++ {
			v = v*8 + int(t.peek(0)-'0')
			t.i++
		}
		fmt.Fprintf(&t.out, `\x{%x}`, v)
	case c >= '1' && c <= '9':
		if isOct(c) && isOct(t.peek(0)) && isOct(t.peek(1)) {
			v := int(c-'0')*64 + int(t.peek(0)-'0')*8 + int(t.peek(1)-'0')
			if v > 0o377 {
				return reError("octal escape value \\%c%c%c outside of range 0-0o377 at position %d", c, t.peek(0), t.peek(1), start)
			}
			t.i += 2
			fmt.Fprintf(&t.out, `\x{%x}`, v)
			return nil
		}
		if inClass {
			return reError("bad escape \\%c at position %d", c, start)
		}
		t.i = start
		return t.refuse(fmt.Sprintf("backreferences (\\%c)", c))
	case c == 'x':
		return hex(2)
	case c == 'u':
		return hex(4)
	case c == 'U':
		return hex(8)
	case c == 'N':
		t.i = start
		return reError("named Unicode escapes (\\N{...}) are not supported at position %d: write the character itself", start)
	case c == 'd' || c == 'w' || c == 's':
		if t.ascii() {
			t.out.WriteString(`\` + string(c))
			return nil
		}
		cls := map[rune]string{'d': uniDigit, 'w': uniWord, 's': uniSpace}[c]
		if inClass {
			t.out.WriteString(cls)
		} else {
			t.out.WriteString("[" + cls + "]")
		}
	case c == 'D' || c == 'W' || c == 'S':
		if t.ascii() || inClass {
			if c == 'D' && !t.ascii() {
				t.out.WriteString(`\P{Nd}`)
				return nil
			}
			t.out.WriteString(`\` + string(c))
			return nil
		}
		cls := map[rune]string{'D': uniDigit, 'W': uniWord, 'S': uniSpace}[c]
		t.out.WriteString("[^" + cls + "]")
	case c == 'b' && inClass:
		t.out.WriteString(`\x08`)
	case !inClass && (c == 'A' || c == 'b' || c == 'B'):
		t.out.WriteString(`\` + string(c))
	case !inClass && c == 'Z':
		t.out.WriteString(`\z`)
	case strings.ContainsRune("ntrfva", c):
		t.out.WriteString(`\` + string(c))
	case c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
		return reError("bad escape \\%c at position %d", c, start)
	case c < utf8.RuneSelf:
		// ASCII punctuation: RE2 reads \c as c, in a class or not.
		t.out.WriteString(`\` + string(c))
	default:
		t.out.WriteRune(c)
	}
	return nil
}

// class translates a character class [...].
func (t *translator) class() error {
	start := t.i
	t.i++
	t.out.WriteString("[")
	if t.peek(0) == '^' {
		t.out.WriteString("^")
		t.i++
	}
	if t.peek(0) == ']' {
		t.out.WriteString(`\]`)
		t.i++
	}
	for {
		c := t.peek(0)
		switch c {
		case -1:
			return reError("unterminated character set at position %d", start)
		case ']':
			t.i++
			t.out.WriteString("]")
			return nil
		case '\\':
			if err := t.escape(true); err != nil {
				return err
			}
		case '[':
			t.out.WriteString(`\[`)
			t.i++
		default:
			t.out.WriteRune(c)
			t.i++
		}
	}
}

// specialChars are what re.escape escapes.
const specialChars = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"

// reEscape is re.escape.
func reEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(specialChars, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
