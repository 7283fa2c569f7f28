package pystdlib

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// The help formatter: a port of Python 3's argparse.HelpFormatter and
// its Raw*, ArgumentDefaults and MetavarType variants, so that help and
// usage are Python's to the byte.

// helpFormatter formats one help or usage text.
type helpFormatter struct {
	kind      int
	prog      string
	width     int
	indentInc int
	maxHelp   int
	indent    int
	maxAction int
}

func rlen(s string) int { return utf8.RuneCountInString(s) }

// newFormatter returns the formatter of p's formatter_class: a class, or
// a function of prog that returns a formatter.
func (p *argumentParser) newFormatter(thread *starlark.Thread) (*helpFormatter, error) {
	cfg := &formatterConfig{kind: fmtDefault, indent: 2, maxHelp: 24, width: defaultWidth}
	switch f := p.formatter.(type) {
	case formatterClass:
		cfg.kind = f.kind
	case starlark.Callable:
		if thread == nil {
			// parser.error() while parsing: a thread of its own, bounded.
			thread = &starlark.Thread{Name: "argparse"}
			thread.SetMaxExecutionSteps(10000)
		}
		v, err := starlark.Call(thread, f, starlark.Tuple{starlark.String(p.prog)}, nil)
		if err != nil {
			return nil, err
		}
		c, ok := v.(*formatterConfig)
		if !ok {
			return nil, typeError("formatter_class returned %s, want an argparse formatter", v.Type())
		}
		cfg = c
	case starlark.NoneType:
	default:
		return nil, typeError("formatter_class: got %s, want an argparse formatter class", f.Type())
	}
	return &helpFormatter{
		kind: cfg.kind, prog: p.prog, width: cfg.width, indentInc: cfg.indent,
		maxHelp: min(cfg.maxHelp, max(cfg.width-20, cfg.indent*2)),
	}, nil
}

// help is format_help().
func (f *helpFormatter) help(p *argumentParser) (string, error) {
	var b strings.Builder
	b.WriteString(f.usage(p, p.actions, "usage: "))
	if p.description != nil {
		b.WriteString(f.text(*p.description))
	}
	// The longest invocation, over every section, sets the help column.
	for _, g := range p.groups {
		for _, a := range g.actions {
			if a.helpSuppressed() {
				continue
			}
			n := rlen(f.invocation(a))
			for _, s := range a.pseudo {
				n = max(n, rlen(f.invocation(s)))
			}
			f.maxAction = max(f.maxAction, n+f.indentInc)
		}
	}
	for _, g := range p.groups {
		f.indent += f.indentInc
		var items strings.Builder
		if g.description != nil {
			items.WriteString(f.text(*g.description))
		}
		for _, a := range g.actions {
			if a.helpSuppressed() {
				continue
			}
			s, err := f.action(a)
			if err != nil {
				return "", err
			}
			items.WriteString(s)
		}
		f.indent -= f.indentInc
		if items.Len() == 0 {
			continue
		}
		b.WriteString("\n")
		if g.title != nil && *g.title != suppress {
			b.WriteString(*g.title + ":\n")
		}
		b.WriteString(items.String())
		b.WriteString("\n")
	}
	if p.epilog != nil {
		b.WriteString(f.text(*p.epilog))
	}
	return finish(b.String()), nil
}

var longBreak = regexp.MustCompile(`\n\n\n+`)

// finish is the end of HelpFormatter.format_help.
func finish(s string) string {
	if s == "" {
		return ""
	}
	return strings.Trim(longBreak.ReplaceAllString(s, "\n\n"), "\n") + "\n"
}

// expandProg replaces %(prog)s in text, as Python's % does for it.
func expandProg(text, prog string) string {
	if !strings.Contains(text, "%(prog)") {
		return text
	}
	return strings.ReplaceAll(strings.ReplaceAll(text, "%(prog)s", prog), "%%", "%")
}

// text is _format_text: a description or an epilog, filled.
func (f *helpFormatter) text(text string) string {
	if text == suppress {
		return ""
	}
	text = expandProg(text, f.prog)
	width := max(f.width-f.indent, 11)
	indent := strings.Repeat(" ", f.indent)
	return f.fill(text, width, indent) + "\n\n"
}

func (f *helpFormatter) fill(text string, width int, indent string) string {
	if f.kind == fmtRawDescription || f.kind == fmtRawText {
		var b strings.Builder
		for _, l := range splitLinesKeep(text) {
			b.WriteString(indent + l)
		}
		return b.String()
	}
	w := newWrapper(width)
	w.initial, w.subsequent = indent, indent
	return strings.Join(w.wrap(collapseSpace(text)), "\n")
}

// splitLinesKeep is Python's str.splitlines(keepends=True) for \n, \r\n
// and \r.
func splitLinesKeep(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			out = append(out, s)
			break
		}
		j := i + 1
		if s[i] == '\r' && j < len(s) && s[j] == '\n' {
			j++
		}
		out = append(out, s[:j])
		s = s[j:]
	}
	return out
}

func (f *helpFormatter) splitLines(text string, width int) []string {
	if f.kind == fmtRawText {
		var out []string
		for _, l := range splitLinesKeep(text) {
			out = append(out, strings.TrimRight(l, "\r\n"))
		}
		return out
	}
	return newWrapper(width).wrap(collapseSpace(text))
}

// action is _format_action: an argument's line(s) in help.
func (f *helpFormatter) action(a *action) (string, error) {
	helpPos := min(f.maxAction+2, f.maxHelp)
	helpWidth := max(f.width-helpPos, 11)
	actionWidth := helpPos - f.indent - 2
	header := f.invocation(a)
	pad := strings.Repeat(" ", f.indent)
	indentFirst := 0
	hasHelp := a.help != nil && *a.help != ""
	switch {
	case !hasHelp:
		header = pad + header + "\n"
	case rlen(header) <= actionWidth:
		header = pad + header + strings.Repeat(" ", actionWidth-rlen(header)) + "  "
	default:
		header = pad + header + "\n"
		indentFirst = helpPos
	}
	parts := []string{header}
	if hasHelp && strings.TrimSpace(*a.help) != "" {
		text, err := f.expandHelp(a)
		if err != nil {
			return "", err
		}
		if text != "" {
			lines := f.splitLines(text, helpWidth)
			if len(lines) == 0 {
				lines = []string{""}
			}
			parts = append(parts, strings.Repeat(" ", indentFirst)+lines[0]+"\n")
			for _, l := range lines[1:] {
				parts = append(parts, strings.Repeat(" ", helpPos)+l+"\n")
			}
		}
	} else if !strings.HasSuffix(header, "\n") {
		parts = append(parts, "\n")
	}
	f.indent += f.indentInc
	for _, s := range a.pseudo {
		sub, err := f.action(s)
		if err != nil {
			f.indent -= f.indentInc
			return "", err
		}
		parts = append(parts, sub)
	}
	f.indent -= f.indentInc
	return strings.Join(parts, ""), nil
}

// expandHelp is _expand_help: help % the action's settings.
func (f *helpFormatter) expandHelp(a *action) (string, error) {
	help := *a.help
	if f.kind == fmtArgumentDefaults && !strings.Contains(help, "%(default)") && !isSuppress(a.deflt) {
		if len(a.options) > 0 || a.nargs == nargsOptional || a.nargs == nargsZeroOrMore {
			help += " (default: %(default)s)"
		}
	}
	if !strings.Contains(help, "%") {
		return help, nil
	}
	param := func(name string) (starlark.Value, bool) {
		opt := func(v starlark.Value) starlark.Value {
			if v == nil {
				return starlark.None
			}
			return v
		}
		switch name {
		case "prog":
			return starlark.String(f.prog), true
		case "dest":
			return starlark.String(a.dest), a.dest != suppress
		case "default":
			return opt(a.deflt), !isSuppress(a.deflt)
		case "const":
			return opt(a.konst), true
		case "type":
			if a.typ == nil {
				return starlark.None, true
			}
			return starlark.String(callableName(a.typ)), true
		case "choices":
			if a.choices == nil {
				return starlark.None, true
			}
			var parts []string
			if it := starlark.Iterate(a.choices); it != nil {
				var x starlark.Value
				for it.Next(&x) {
					parts = append(parts, str(x))
				}
				it.Done()
			}
			return starlark.String(strings.Join(parts, ", ")), true
		case "metavar":
			return opt(a.metavar), true
		case "required":
			return starlark.Bool(a.required), true
		case "help":
			return starlark.String(*a.help), true
		case "nargs":
			return nargsValue(a.nargs), true
		case "option_strings":
			l := make([]starlark.Value, len(a.options))
			for i, o := range a.options {
				l[i] = starlark.String(o)
			}
			return starlark.NewList(l), true
		}
		return nil, false
	}
	return percentNamed(help, param)
}

func nargsValue(n int) starlark.Value {
	switch n {
	case nargsNone:
		return starlark.None
	case nargsOptional:
		return starlark.String("?")
	case nargsZeroOrMore:
		return starlark.String("*")
	case nargsOneOrMore:
		return starlark.String("+")
	case nargsRemainder:
		return starlark.String("...")
	case nargsParser:
		return starlark.String("A...")
	case nargsSuppress:
		return starlark.String(suppress)
	}
	return starlark.MakeInt(n)
}

// percentNamed is Python's text % dict for %(name)s, %(name)r, %(name)d
// and %%.
func percentNamed(text string, param func(string) (starlark.Value, bool)) (string, error) {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(text) && text[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		if i+1 >= len(text) || text[i+1] != '(' {
			return "", valueError("unsupported format character in help %s (use %%%% for a percent sign)", ReprString(text))
		}
		end := strings.IndexByte(text[i:], ')')
		if end < 0 || i+end+1 >= len(text) {
			return "", valueError("incomplete format key in help %s", ReprString(text))
		}
		name := text[i+2 : i+end]
		conv := text[i+end+1]
		v, ok := param(name)
		if !ok {
			return "", pyErrKey(name)
		}
		switch conv {
		case 's':
			b.WriteString(str(v))
		case 'r':
			b.WriteString(Repr(v))
		case 'd', 'i':
			if _, ok := v.(starlark.Int); !ok {
				return "", typeError("%%%c format: a real number is required, not %s", conv, v.Type())
			}
			b.WriteString(v.String())
		default:
			return "", valueError("unsupported format character '%c' in help", conv)
		}
		i += end + 1
	}
	return b.String(), nil
}

func pyErrKey(name string) error {
	return newKeyError(ReprString(name))
}

// metavar is _metavar_formatter(action, default)(n).
func (f *helpFormatter) metavar(a *action, def string, n int) []string {
	var result starlark.Value
	switch {
	case a.metavar != nil:
		result = a.metavar
	case a.choices != nil:
		var parts []string
		if it := starlark.Iterate(a.choices); it != nil {
			var x starlark.Value
			for it.Next(&x) {
				parts = append(parts, str(x))
			}
			it.Done()
		}
		result = starlark.String("{" + strings.Join(parts, ",") + "}")
	default:
		result = starlark.String(def)
	}
	if t, ok := result.(starlark.Tuple); ok {
		out := make([]string, len(t))
		for i, x := range t {
			out[i] = str(x)
		}
		return out
	}
	out := make([]string, n)
	for i := range out {
		out[i] = str(result)
	}
	return out
}

// defaultMetavar is the metavar of an optional (DEST) or a positional
// (dest).
func (f *helpFormatter) defaultMetavar(a *action) string {
	if f.kind == fmtMetavarType && a.typ != nil {
		return callableName(a.typ)
	}
	if len(a.options) > 0 {
		return strings.ToUpper(a.dest)
	}
	return a.dest
}

// args is _format_args.
func (f *helpFormatter) args(a *action, def string) string {
	mv := func(n int) []string { return f.metavar(a, def, n) }
	pick := func(m []string, i int) string {
		if i < len(m) {
			return m[i]
		}
		return ""
	}
	switch a.nargs {
	case nargsNone:
		return pick(mv(1), 0)
	case nargsOptional:
		return "[" + pick(mv(1), 0) + "]"
	case nargsZeroOrMore:
		m := mv(1)
		if len(m) == 2 {
			return fmt.Sprintf("[%s [%s ...]]", m[0], m[1])
		}
		return fmt.Sprintf("[%s ...]", pick(m, 0))
	case nargsOneOrMore:
		m := mv(2)
		return fmt.Sprintf("%s [%s ...]", pick(m, 0), pick(m, 1))
	case nargsRemainder:
		return "..."
	case nargsParser:
		return pick(mv(1), 0) + " ..."
	case nargsSuppress:
		return ""
	}
	m := mv(a.nargs)
	parts := make([]string, a.nargs)
	for i := range parts {
		parts[i] = pick(m, i)
	}
	return strings.Join(parts, " ")
}

// invocation is _format_action_invocation: "-c URI, --connect URI".
func (f *helpFormatter) invocation(a *action) string {
	if len(a.options) == 0 {
		return f.metavar(a, f.defaultMetavar(a), 1)[0]
	}
	if a.nargs == 0 {
		return strings.Join(a.options, ", ")
	}
	args := f.args(a, f.defaultMetavar(a))
	parts := make([]string, len(a.options))
	for i, o := range a.options {
		parts[i] = o + " " + args
	}
	return strings.Join(parts, ", ")
}

// actionUsage is the usage of an option that takes no argument
// (Action.format_usage).
func actionUsage(a *action) string {
	if a.kind == "boolean" {
		return strings.Join(a.options, " | ")
	}
	return a.options[0]
}

var (
	usageOpen   = regexp.MustCompile(`([\[(]) `)
	usageClose  = regexp.MustCompile(` ([\])])`)
	usageEmpty  = regexp.MustCompile(`[\[(] *[\])]`)
	usageParens = regexp.MustCompile(`\(([^|]*)\)`)
)

// actionsUsage is _format_actions_usage.
func (f *helpFormatter) actionsUsage(actions []*action, groups []*argGroup) string {
	inGroup := map[*action]bool{}
	inserts := map[int]string{}
	index := func(a *action) int {
		for i, x := range actions {
			if x == a {
				return i
			}
		}
		return -1
	}
	for _, g := range groups {
		if len(g.actions) == 0 {
			continue
		}
		start := index(g.actions[0])
		if start < 0 {
			continue
		}
		end := start + len(g.actions)
		if end > len(actions) {
			continue
		}
		same := true
		for i, a := range g.actions {
			if actions[start+i] != a {
				same = false
				break
			}
		}
		if !same {
			continue
		}
		for _, a := range g.actions {
			inGroup[a] = true
		}
		open, close := "[", "]"
		if g.required {
			open, close = "(", ")"
		}
		if s, ok := inserts[start]; ok {
			inserts[start] = s + " " + open
		} else {
			inserts[start] = open
		}
		if s, ok := inserts[end]; ok {
			inserts[end] = s + close
		} else {
			inserts[end] = close
		}
		for i := start + 1; i < end; i++ {
			inserts[i] = "|"
		}
	}
	parts := make([]*string, len(actions))
	for i, a := range actions {
		switch {
		case a.helpSuppressed():
			if inserts[i] == "|" {
				delete(inserts, i)
			} else if inserts[i+1] == "|" {
				delete(inserts, i+1)
			}
		case len(a.options) == 0:
			part := f.args(a, f.defaultMetavar(a))
			if inGroup[a] && len(part) > 1 && part[0] == '[' && part[len(part)-1] == ']' {
				part = part[1 : len(part)-1]
			}
			parts[i] = &part
		default:
			var part string
			if a.nargs == 0 {
				part = actionUsage(a)
			} else {
				part = a.options[0] + " " + f.args(a, f.defaultMetavar(a))
			}
			if !a.required && !inGroup[a] {
				part = "[" + part + "]"
			}
			parts[i] = &part
		}
	}
	var items []string
	for i := 0; i <= len(actions); i++ {
		if s, ok := inserts[i]; ok {
			items = append(items, s)
		}
		if i < len(actions) && parts[i] != nil {
			items = append(items, *parts[i])
		}
	}
	text := strings.Join(items, " ")
	text = usageOpen.ReplaceAllString(text, "$1")
	text = usageClose.ReplaceAllString(text, "$1")
	text = usageEmpty.ReplaceAllString(text, "")
	text = usageParens.ReplaceAllString(text, "$1")
	return strings.TrimSpace(text)
}

// usageParts is re.findall(r'\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+', text).
func usageParts(text string) []string {
	var out []string
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' }
	for i := 0; i < len(text); {
		if isSpace(text[i]) {
			i++
			continue
		}
		end := -1
		if c := text[i]; c == '(' || c == '[' {
			closer := byte(')')
			if c == '[' {
				closer = ']'
			}
			for k := i + 1; k < len(text) && text[k] != '\n'; k++ {
				if text[k] != closer {
					continue
				}
				m := k
				for m < len(text) && text[m] == closer {
					m++
				}
				if m == len(text) || isSpace(text[m]) {
					end = m
					break
				}
			}
		}
		if end < 0 {
			end = i
			for end < len(text) && !isSpace(text[end]) {
				end++
			}
		}
		out = append(out, text[i:end])
		i = end
	}
	return out
}

// usage is _format_usage: "usage: prog [-h] ...\n\n", wrapped.
func (f *helpFormatter) usage(p *argumentParser, actions []*action, prefix string) string {
	var usage string
	switch {
	case p.usage != nil:
		usage = expandProg(*p.usage, f.prog)
		if *p.usage == suppress {
			return ""
		}
	case len(actions) == 0:
		usage = f.prog
	default:
		var opts, pos []*action
		for _, a := range actions {
			if len(a.options) > 0 {
				opts = append(opts, a)
			} else {
				pos = append(pos, a)
			}
		}
		actionUsage := f.actionsUsage(append(append([]*action{}, opts...), pos...), p.mutex)
		usage = f.prog
		if actionUsage != "" {
			usage += " " + actionUsage
		}
		textWidth := f.width - f.indent
		if rlen(prefix)+rlen(usage) > textWidth {
			optParts := usageParts(f.actionsUsage(opts, p.mutex))
			posParts := usageParts(f.actionsUsage(pos, p.mutex))
			getLines := func(parts []string, indent string, prefix *string) []string {
				var lines, line []string
				lineLen := rlen(indent) - 1
				if prefix != nil {
					lineLen = rlen(*prefix) - 1
				}
				for _, part := range parts {
					if lineLen+1+rlen(part) > textWidth && len(line) > 0 {
						lines = append(lines, indent+strings.Join(line, " "))
						line = nil
						lineLen = rlen(indent) - 1
					}
					line = append(line, part)
					lineLen += rlen(part) + 1
				}
				if len(line) > 0 {
					lines = append(lines, indent+strings.Join(line, " "))
				}
				if prefix != nil && len(lines) > 0 {
					lines[0] = lines[0][len(indent):]
				}
				return lines
			}
			var lines []string
			if float64(rlen(prefix)+rlen(f.prog)) <= 0.75*float64(textWidth) {
				indent := strings.Repeat(" ", rlen(prefix)+rlen(f.prog)+1)
				switch {
				case len(optParts) > 0:
					lines = getLines(append([]string{f.prog}, optParts...), indent, &prefix)
					lines = append(lines, getLines(posParts, indent, nil)...)
				case len(posParts) > 0:
					lines = getLines(append([]string{f.prog}, posParts...), indent, &prefix)
				default:
					lines = []string{f.prog}
				}
			} else {
				indent := strings.Repeat(" ", rlen(prefix))
				lines = getLines(append(append([]string{}, optParts...), posParts...), indent, nil)
				if len(lines) > 1 {
					lines = append(getLines(optParts, indent, nil), getLines(posParts, indent, nil)...)
				}
				lines = append([]string{f.prog}, lines...)
			}
			usage = strings.Join(lines, "\n")
		}
	}
	return prefix + usage + "\n\n"
}
