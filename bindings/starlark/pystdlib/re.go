package pystdlib

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/bindings/starlark/pyrun"
)

// re is Python's re module on RE2 (see re_translate.go for what differs):
//
//	compile(pattern, flags=0) -> Pattern
//	match, search, fullmatch(pattern, string, flags=0) -> Match or None
//	findall, finditer, split(pattern, string, maxsplit=0, flags=0)
//	sub, subn(pattern, repl, string, count=0, flags=0): repl with \1, \g<name>, or a function of the match
//	escape(s), purge()
//	IGNORECASE/I, MULTILINE/M, DOTALL/S, VERBOSE/X, ASCII/A, UNICODE/U, LOCALE/L, NOFLAG
//	error        the class of its errors
//
// Each operation is charged a step per character of the text it goes
// through, and its result's size against the memory limit.
func reModule() *starlarkstruct.Module {
	flags := starlark.StringDict{}
	for _, f := range []struct {
		names []string
		v     int
	}{{[]string{"IGNORECASE", "I"}, reIgnoreCase}, {[]string{"MULTILINE", "M"}, reMultiline}, {[]string{"DOTALL", "S"}, reDotAll},
		{[]string{"VERBOSE", "X"}, reVerbose}, {[]string{"ASCII", "A"}, reASCII}, {[]string{"UNICODE", "U"}, reUnicode},
		{[]string{"LOCALE", "L"}, reLocale}, {[]string{"TEMPLATE", "T"}, reTemplate}, {[]string{"DEBUG"}, reDebug}, {[]string{"NOFLAG"}, 0}} {
		for _, n := range f.names {
			flags[n] = starlark.MakeInt(f.v)
		}
	}
	flags["error"] = pyrun.NewClass("re.error")
	withPattern := func(method string, nargs int) builtin {
		return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			// The flags are the last positional parameter, or flags=.
			var pat starlark.Value
			flags := 0
			if len(args) == 0 {
				for i, kv := range kwargs {
					if kv[0] == starlark.String("pattern") {
						pat = kv[1]
						kwargs = append(kwargs[:i:i], kwargs[i+1:]...)
						break
					}
				}
				if pat == nil {
					return nil, typeError("%s() missing required argument 'pattern' (pos 1)", b.Name())
				}
			} else {
				pat, args = args[0], args[1:]
			}
			if len(args) > nargs {
				f, err := starlark.AsInt32(args[nargs])
				if err != nil {
					return nil, typeError("%s: flags: %v", b.Name(), err)
				}
				flags, args = f, args[:nargs]
			}
			for i, kv := range kwargs {
				if kv[0] == starlark.String("flags") {
					f, err := starlark.AsInt32(kv[1])
					if err != nil {
						return nil, typeError("%s: flags: %v", b.Name(), err)
					}
					flags = f
					kwargs = append(kwargs[:i:i], kwargs[i+1:]...)
					break
				}
			}
			p, err := compilePattern(thread, pat, flags)
			if err != nil {
				return nil, err
			}
			m := patternMethods[method]
			return m(p, thread, starlark.NewBuiltin(b.Name(), nil), args, kwargs)
		}
	}
	funcs := map[string]builtin{
		"compile": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var pat starlark.Value
			flags := 0
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "pattern", &pat, "flags?", &flags); err != nil {
				return nil, err
			}
			return compilePattern(thread, pat, flags)
		},
		"escape": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "pattern", &s); err != nil {
				return nil, err
			}
			if err := charge(thread, 2*len(s), b.Name()); err != nil {
				return nil, err
			}
			return starlark.String(reEscape(s)), nil
		},
		"purge": func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, nil
		},
	}
	for _, m := range []string{"match", "search", "fullmatch"} {
		funcs[m] = withPattern(m, 1)
	}
	funcs["findall"] = withPattern("findall", 1)
	funcs["finditer"] = withPattern("finditer", 1)
	funcs["split"] = withPattern("split", 2)
	funcs["sub"] = withPattern("sub", 3)
	funcs["subn"] = withPattern("subn", 3)
	return module("re", funcs, flags)
}

// compilePattern compiles pat (a str, or a Pattern as it is).
func compilePattern(thread *starlark.Thread, pat starlark.Value, flags int) (*Pattern, error) {
	if p, ok := pat.(*Pattern); ok {
		if flags != 0 {
			return nil, valueError("cannot process flags argument with a compiled pattern")
		}
		return p, nil
	}
	s, ok := pat.(starlark.String)
	if !ok {
		return nil, typeError("first argument must be string or compiled pattern, not %s", pat.Type())
	}
	// Compiling is linear in the pattern; RE2 bounds the program size.
	if err := charge(thread, 16*len(s), "re.compile"); err != nil {
		return nil, err
	}
	p, err := compileRE(string(s), flags)
	if err != nil {
		return nil, err
	}
	return &Pattern{p: p}, nil
}

// Pattern is re.Pattern: a compiled regular expression.
type Pattern struct{ p *rePattern }

var (
	_ starlark.HasAttrs   = (*Pattern)(nil)
	_ starlark.Comparable = (*Pattern)(nil)
)

func (p *Pattern) String() string {
	return "re.compile(" + ReprString(p.p.src) + p.flagsRepr() + ")"
}

func (p *Pattern) flagsRepr() string {
	var names []string
	for _, f := range []struct {
		n string
		v int
	}{{"re.TEMPLATE", reTemplate}, {"re.IGNORECASE", reIgnoreCase}, {"re.LOCALE", reLocale}, {"re.MULTILINE", reMultiline},
		{"re.DOTALL", reDotAll}, {"re.VERBOSE", reVerbose}, {"re.DEBUG", reDebug}, {"re.ASCII", reASCII}} {
		if p.p.flags&f.v != 0 {
			names = append(names, f.n)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return ", " + strings.Join(names, "|")
}

func (p *Pattern) Type() string          { return "re.Pattern" }
func (p *Pattern) Freeze()               {}
func (p *Pattern) Truth() starlark.Bool  { return true }
func (p *Pattern) Hash() (uint32, error) { return starlark.String(p.p.src).Hash() }

// CompareSameType compares patterns by their source and flags.
func (p *Pattern) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	q := y.(*Pattern)
	eq := p.p.src == q.p.src && p.p.flags == q.p.flags
	switch op {
	case syntax.EQL:
		return eq, nil
	case syntax.NEQ:
		return !eq, nil
	}
	return false, typeError("'%s' not supported between instances of 're.Pattern' and 're.Pattern'", op)
}

// Attr returns the pattern's methods, pattern, flags, groups and
// groupindex.
func (p *Pattern) Attr(name string) (starlark.Value, error) {
	if m, ok := patternMethods[name]; ok {
		return starlark.NewBuiltin("Pattern."+name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return m(p, thread, b, args, kwargs)
		}), nil
	}
	switch name {
	case "pattern":
		return starlark.String(p.p.src), nil
	case "flags":
		return starlark.MakeInt(p.p.flags | reUnicode*boolInt(p.p.flags&reASCII == 0)), nil
	case "groups":
		return starlark.MakeInt(p.p.groups), nil
	case "groupindex":
		d := starlark.NewDict(len(p.p.names))
		for _, n := range p.p.re.SubexpNames() {
			if i, ok := p.p.names[n]; ok && n != "" {
				d.SetKey(starlark.String(n), starlark.MakeInt(i))
			}
		}
		return d, nil
	}
	return nil, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// AttrNames lists them.
func (p *Pattern) AttrNames() []string {
	return append(sortedKeys(patternMethods), "flags", "groupindex", "groups", "pattern")
}

type patternMethod func(p *Pattern, thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

var patternMethods map[string]patternMethod

func init() {
	patternMethods = map[string]patternMethod{
		"match": func(p *Pattern, t *starlark.Thread, b *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return p.find(t, b, a, kw, "match")
		},
		"search": func(p *Pattern, t *starlark.Thread, b *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return p.find(t, b, a, kw, "search")
		},
		"fullmatch": func(p *Pattern, t *starlark.Thread, b *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return p.find(t, b, a, kw, "fullmatch")
		},
		"findall":  (*Pattern).findall,
		"finditer": (*Pattern).finditer,
		"split":    (*Pattern).split,
		"sub": func(p *Pattern, t *starlark.Thread, b *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return p.sub(t, b, a, kw, false)
		},
		"subn": func(p *Pattern, t *starlark.Thread, b *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return p.sub(t, b, a, kw, true)
		},
	}
}

// text reads the string argument and the pos/endpos window (in
// characters), and charges the scan.
func (p *Pattern) text(thread *starlark.Thread, name string, s string, pos, endpos int) (string, int, error) {
	n := utf8.RuneCountInString(s)
	if endpos < 0 || endpos > n {
		endpos = n
	}
	pos = max(0, min(pos, endpos))
	if err := steps(thread, len(s)+1); err != nil {
		return "", 0, err
	}
	bpos, bend := byteOffset(s, pos), byteOffset(s, endpos)
	return s[:bend], bpos, nil
}

// byteOffset is the byte offset of character i of s.
func byteOffset(s string, i int) int {
	for off := range s {
		if i == 0 {
			return off
		}
		i--
	}
	return len(s)
}

func unpackString(name string, v starlark.Value) (string, error) {
	s, ok := v.(starlark.String)
	if !ok {
		return "", typeError("%s: expected string, got %s", name, v.Type())
	}
	return string(s), nil
}

// find is match, search and fullmatch.
func (p *Pattern) find(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, how string) (starlark.Value, error) {
	var sv starlark.Value
	pos, endpos := 0, -1
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "string", &sv, "pos?", &pos, "endpos?", &endpos); err != nil {
		return nil, err
	}
	full, err := unpackString(b.Name(), sv)
	if err != nil {
		return nil, err
	}
	s, off, err := p.text(thread, b.Name(), full, pos, endpos)
	if err != nil {
		return nil, err
	}
	for _, loc := range p.p.all(s[off:], 1) {
		shift(loc, off)
		switch how {
		case "match":
			if loc[0] != off {
				return starlark.None, nil
			}
		case "fullmatch":
			if loc[0] != off || loc[1] != len(s) {
				// A shorter alternative may have won: try anchored.
				return p.anchoredFull(full, s, off)
			}
		}
		return p.newMatch(full, loc, pos, endpos), nil
	}
	if how == "fullmatch" {
		return p.anchoredFull(full, s, off)
	}
	return starlark.None, nil
}

// anchoredFull is fullmatch when the leftmost match is not the whole
// text: the pattern anchored at both ends.
func (p *Pattern) anchoredFull(full, s string, off int) (starlark.Value, error) {
	src := p.p.src
	if p.p.flags&reVerbose != 0 || strings.Contains(src, "(?x") {
		src += "\n" // a comment at its end must not take the anchor
	}
	q, err := compileRE(`(?:`+src+`)\Z`, p.p.flags)
	if err != nil || q.groups != p.p.groups {
		return starlark.None, nil
	}
	for _, loc := range q.all(s[off:], -1) {
		shift(loc, off)
		if loc[0] == off && loc[1] == len(s) {
			m := q.newMatch(full, loc, 0, -1)
			m.p = p.p
			return m, nil
		}
		break
	}
	return starlark.None, nil
}

func shift(loc []int, off int) {
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += off
		}
	}
}

// all is the matches of the pattern in s (at most n; n < 0: all), each
// as Go's submatch indexes in user-group order, with a $ before a final
// newline ending the match before that newline.
func (p *rePattern) all(s string, n int) [][]int {
	raw := p.re.FindAllStringSubmatchIndex(s, n)
	out := make([][]int, len(raw))
	for k, m := range raw {
		end := m[1]
		for _, d := range p.dollars {
			if m[2*d] >= 0 && m[2*d+1] > m[2*d] {
				end = m[2*d]
			}
		}
		loc := make([]int, 2*(p.groups+1))
		for i, g := range p.goIndex {
			loc[2*i], loc[2*i+1] = m[2*g], m[2*g+1]
			if loc[2*i+1] > end {
				loc[2*i+1] = end
			}
		}
		out[k] = loc
	}
	return out
}

// search is a findall's or finditer's arguments and what it found.
type search struct {
	full, s          string // the string, and it up to endpos
	off, pos, endpos int    // where the search started in s; the arguments
	locs             [][]int
}

// matches reads the arguments (string, pos, endpos) of findall and
// finditer and finds the matches.
func (p *Pattern) matches(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (*search, error) {
	var sv starlark.Value
	m := &search{endpos: -1}
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "string", &sv, "pos?", &m.pos, "endpos?", &m.endpos); err != nil {
		return nil, err
	}
	var err error
	if m.full, err = unpackString(b.Name(), sv); err != nil {
		return nil, err
	}
	if m.s, m.off, err = p.text(thread, b.Name(), m.full, m.pos, m.endpos); err != nil {
		return nil, err
	}
	m.locs = p.p.all(m.s[m.off:], -1)
	return m, nil
}

func (p *Pattern) findall(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, err := p.matches(thread, b, args, kwargs)
	if err != nil {
		return nil, err
	}
	s, off, locs := m.s, m.off, m.locs
	if err := alloc(thread, len(s)+len(locs)*32*(1+p.p.groups), b.Name(), "a list"); err != nil {
		return nil, err
	}
	group := func(loc []int, i int) starlark.Value {
		if loc[2*i] < 0 {
			return starlark.String("")
		}
		return starlark.String(s[off+loc[2*i] : off+loc[2*i+1]])
	}
	out := make([]starlark.Value, len(locs))
	for k, loc := range locs {
		switch p.p.groups {
		case 0:
			out[k] = group(loc, 0)
		case 1:
			out[k] = group(loc, 1)
		default:
			t := make(starlark.Tuple, p.p.groups)
			for i := range t {
				t[i] = group(loc, i+1)
			}
			out[k] = t
		}
	}
	return starlark.NewList(out), nil
}

func (p *Pattern) finditer(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, err := p.matches(thread, b, args, kwargs)
	if err != nil {
		return nil, err
	}
	if err := alloc(thread, len(m.locs)*64*(1+p.p.groups), b.Name(), "a list"); err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(m.locs))
	for k, loc := range m.locs {
		shift(loc, m.off)
		out[k] = p.newMatch(m.full, loc, m.pos, m.endpos)
	}
	return starlark.NewList(out), nil
}

func (p *Pattern) split(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var sv starlark.Value
	maxsplit := 0
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "string", &sv, "maxsplit?", &maxsplit); err != nil {
		return nil, err
	}
	s, err := unpackString(b.Name(), sv)
	if err != nil {
		return nil, err
	}
	if err := steps(thread, len(s)+1); err != nil {
		return nil, err
	}
	n := -1
	if maxsplit > 0 {
		n = maxsplit
	} else if maxsplit < 0 {
		return starlark.NewList([]starlark.Value{starlark.String(s)}), nil
	}
	locs := p.p.all(s, n)
	if err := alloc(thread, len(s)+len(locs)*32*(2+p.p.groups), b.Name(), "a list"); err != nil {
		return nil, err
	}
	var out []starlark.Value
	last := 0
	for _, loc := range locs {
		out = append(out, starlark.String(s[last:loc[0]]))
		for i := 1; i <= p.p.groups; i++ {
			if loc[2*i] < 0 {
				out = append(out, starlark.None)
			} else {
				out = append(out, starlark.String(s[loc[2*i]:loc[2*i+1]]))
			}
		}
		last = loc[1]
	}
	out = append(out, starlark.String(s[last:]))
	return starlark.NewList(out), nil
}

func (p *Pattern) sub(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, n bool) (starlark.Value, error) {
	var repl, sv starlark.Value
	count := 0
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "repl", &repl, "string", &sv, "count?", &count); err != nil {
		return nil, err
	}
	s, err := unpackString(b.Name(), sv)
	if err != nil {
		return nil, err
	}
	if err := steps(thread, len(s)+1); err != nil {
		return nil, err
	}
	var tmpl []templatePart
	fn, isFn := repl.(starlark.Callable)
	if !isFn {
		r, ok := repl.(starlark.String)
		if !ok {
			return nil, typeError("%s: repl must be str or a function, not %s", b.Name(), repl.Type())
		}
		if tmpl, err = p.p.template(string(r)); err != nil {
			return nil, err
		}
	}
	limit := -1
	if count > 0 {
		limit = count
	}
	locs := p.p.all(s, limit)
	var out strings.Builder
	last := 0
	size := len(s)
	for _, loc := range locs {
		var piece string
		if isFn {
			v, err := starlark.Call(thread, fn, starlark.Tuple{p.newMatch(s, loc, 0, -1)}, nil)
			if err != nil {
				return nil, err
			}
			r, ok := v.(starlark.String)
			if !ok {
				return nil, typeError("expected str instance, %s found", v.Type())
			}
			piece = string(r)
		} else {
			piece = expandTemplate(tmpl, s, loc)
		}
		size += len(piece)
		if err := alloc(thread, size, b.Name(), "a string"); err != nil {
			return nil, err
		}
		out.WriteString(s[last:loc[0]])
		out.WriteString(piece)
		last = loc[1]
	}
	out.WriteString(s[last:])
	if n {
		return starlark.Tuple{starlark.String(out.String()), starlark.MakeInt(len(locs))}, nil
	}
	return starlark.String(out.String()), nil
}

// templatePart is a literal, or (group >= 0) a group's text.
type templatePart struct {
	lit   string
	group int
}

// template parses a replacement string: \1..\99, \g<n>, \g<name>,
// Python's character escapes; other escapes of ASCII letters are errors.
func (p *rePattern) template(r string) ([]templatePart, error) {
	var parts []templatePart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, templatePart{lit: lit.String(), group: -1})
			lit.Reset()
		}
	}
	group := func(g int, at int) error {
		if g > p.groups {
			return reError("invalid group reference %d at position %d", g, at)
		}
		flush()
		parts = append(parts, templatePart{group: g})
		return nil
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		if c != '\\' {
			lit.WriteByte(c)
			continue
		}
		if i+1 >= len(r) {
			return nil, reError("bad escape (end of pattern) at position %d", i)
		}
		at := i
		i++
		c = r[i]
		switch {
		case c == 'g':
			if i+1 >= len(r) || r[i+1] != '<' {
				return nil, reError("missing < at position %d", i+1)
			}
			end := strings.IndexByte(r[i+2:], '>')
			if end < 0 {
				return nil, reError("missing >, unterminated name at position %d", i+2)
			}
			name := r[i+2 : i+2+end]
			i += 2 + end
			if name == "" {
				return nil, reError("missing group name at position %d", at+3)
			}
			if g, ok := p.names[name]; ok {
				if err := group(g, at+3); err != nil {
					return nil, err
				}
				continue
			}
			g := 0
			for _, d := range name {
				if d < '0' || d > '9' {
					if isIdentifier(name) {
						return nil, pyerr.New("IndexError", "unknown group name %s", ReprString(name))
					}
					return nil, reError("bad character in group name %s at position %d", ReprString(name), at+3)
				}
				g = g*10 + int(d-'0')
				if g > 1<<20 {
					break
				}
			}
			if err := group(g, at+3); err != nil {
				return nil, err
			}
		case c >= '1' && c <= '9':
			g := int(c - '0')
			if i+1 < len(r) && r[i+1] >= '0' && r[i+1] <= '9' {
				if c <= '7' && r[i+1] <= '7' && i+2 < len(r) && r[i+2] >= '0' && r[i+2] <= '7' {
					v := int(c-'0')*64 + int(r[i+1]-'0')*8 + int(r[i+2]-'0')
					lit.WriteRune(rune(v))
					i += 2
					continue
				}
				g = g*10 + int(r[i+1]-'0')
				i++
			}
			if err := group(g, at+1); err != nil {
				return nil, err
			}
		case c == '0':
			v := 0
			for k := 0; k < 2 && i+1 < len(r) && r[i+1] >= '0' && r[i+1] <= '7'; k++ {
				i++
				v = v*8 + int(r[i]-'0')
			}
			lit.WriteRune(rune(v))
		case strings.IndexByte("ntrfvab\\", c) >= 0:
			lit.WriteByte(map[byte]byte{'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b', '\\': '\\'}[c])
		case c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
			return nil, reError("bad escape \\%c at position %d", c, at)
		default:
			lit.WriteByte('\\')
			lit.WriteByte(c)
		}
	}
	flush()
	return parts, nil
}

func expandTemplate(parts []templatePart, s string, loc []int) string {
	var b strings.Builder
	for _, t := range parts {
		if t.group < 0 {
			b.WriteString(t.lit)
		} else if loc[2*t.group] >= 0 {
			b.WriteString(s[loc[2*t.group]:loc[2*t.group+1]])
		}
	}
	return b.String()
}

// Match is re.Match: one match, true in a condition.
type Match struct {
	p           *rePattern
	s           string
	loc         []int // byte offsets, in user-group order
	pos, endpos int
}

var (
	_ starlark.HasAttrs = (*Match)(nil)
	_ starlark.Mapping  = (*Match)(nil)
)

func (p *Pattern) newMatch(s string, loc []int, pos, endpos int) *Match {
	if endpos < 0 {
		endpos = utf8.RuneCountInString(s)
	}
	return &Match{p: p.p, s: s, loc: loc, pos: pos, endpos: endpos}
}

func (p *rePattern) newMatch(s string, loc []int, pos, endpos int) *Match {
	return (&Pattern{p: p}).newMatch(s, loc, pos, endpos)
}

func (m *Match) String() string {
	return fmt.Sprintf("<re.Match object; span=(%d, %d), match=%s>", m.char(m.loc[0]), m.char(m.loc[1]), ReprString(m.s[m.loc[0]:m.loc[1]]))
}
func (m *Match) Type() string          { return "re.Match" }
func (m *Match) Freeze()               {}
func (m *Match) Truth() starlark.Bool  { return true }
func (m *Match) Hash() (uint32, error) { return 0, typeError("unhashable type: 're.Match'") }

// char is the character index of byte offset off.
func (m *Match) char(off int) int {
	if off < 0 {
		return -1
	}
	return utf8.RuneCountInString(m.s[:off])
}

// index reads a group reference: an int or a name.
func (m *Match) index(v starlark.Value) (int, error) {
	switch v := v.(type) {
	case starlark.Int:
		i, ok := v.Int64()
		if ok && i >= 0 && int(i) <= m.p.groups {
			return int(i), nil
		}
	case starlark.String:
		if i, ok := m.p.names[string(v)]; ok {
			return i, nil
		}
	}
	return 0, pyerr.New("IndexError", "no such group")
}

func (m *Match) group(i int, def starlark.Value) starlark.Value {
	if m.loc[2*i] < 0 {
		return def
	}
	return starlark.String(m.s[m.loc[2*i]:m.loc[2*i+1]])
}

// Get is m[g], as m.group(g).
func (m *Match) Get(k starlark.Value) (starlark.Value, bool, error) {
	i, err := m.index(k)
	if err != nil {
		return nil, false, err
	}
	return m.group(i, starlark.None), true, nil
}

var matchMethods = map[string]func(m *Match, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error){
	"group": func(m *Match, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, typeError("group() takes no keyword arguments")
		}
		if len(args) == 0 {
			return m.group(0, starlark.None), nil
		}
		out := make(starlark.Tuple, len(args))
		for k, a := range args {
			i, err := m.index(a)
			if err != nil {
				return nil, err
			}
			out[k] = m.group(i, starlark.None)
		}
		if len(out) == 1 {
			return out[0], nil
		}
		return out, nil
	},
	"groups": func(m *Match, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var def starlark.Value = starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "default?", &def); err != nil {
			return nil, err
		}
		out := make(starlark.Tuple, m.p.groups)
		for i := range out {
			out[i] = m.group(i+1, def)
		}
		return out, nil
	},
	"groupdict": func(m *Match, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var def starlark.Value = starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "default?", &def); err != nil {
			return nil, err
		}
		d := starlark.NewDict(len(m.p.names))
		for _, n := range m.p.re.SubexpNames() {
			if i, ok := m.p.names[n]; ok && n != "" {
				d.SetKey(starlark.String(n), m.group(i, def))
			}
		}
		return d, nil
	},
	"start": func(m *Match, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		i, err := m.groupArg(b, args, kwargs)
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(m.char(m.loc[2*i])), nil
	},
	"end": func(m *Match, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		i, err := m.groupArg(b, args, kwargs)
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(m.char(m.loc[2*i+1])), nil
	},
	"span": func(m *Match, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		i, err := m.groupArg(b, args, kwargs)
		if err != nil {
			return nil, err
		}
		return starlark.Tuple{starlark.MakeInt(m.char(m.loc[2*i])), starlark.MakeInt(m.char(m.loc[2*i+1]))}, nil
	},
	"expand": func(m *Match, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var t string
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "template", &t); err != nil {
			return nil, err
		}
		parts, err := m.p.template(t)
		if err != nil {
			return nil, err
		}
		return starlark.String(expandTemplate(parts, m.s, m.loc)), nil
	},
}

func (m *Match) groupArg(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (int, error) {
	var g starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "group?", &g); err != nil {
		return 0, err
	}
	return m.index(g)
}

// Attr returns the match's methods, and string, re, pos, endpos,
// lastindex, lastgroup.
func (m *Match) Attr(name string) (starlark.Value, error) {
	if f, ok := matchMethods[name]; ok {
		return starlark.NewBuiltin("Match."+name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(m, b, args, kwargs)
		}), nil
	}
	switch name {
	case "string":
		return starlark.String(m.s), nil
	case "re":
		return &Pattern{p: m.p}, nil
	case "pos":
		return starlark.MakeInt(m.pos), nil
	case "endpos":
		return starlark.MakeInt(m.endpos), nil
	case "lastindex", "lastgroup":
		last, lastEnd := -1, -1
		for i := 1; i <= m.p.groups; i++ {
			if m.loc[2*i] >= 0 && m.loc[2*i+1] >= lastEnd {
				last, lastEnd = i, m.loc[2*i+1]
			}
		}
		if last < 0 {
			return starlark.None, nil
		}
		if name == "lastindex" {
			return starlark.MakeInt(last), nil
		}
		for n, i := range m.p.names {
			if i == last {
				return starlark.String(n), nil
			}
		}
		return starlark.None, nil
	}
	return nil, nil
}

// AttrNames lists them.
func (m *Match) AttrNames() []string {
	return append(sortedKeys(matchMethods), "endpos", "lastgroup", "lastindex", "pos", "re", "string")
}
