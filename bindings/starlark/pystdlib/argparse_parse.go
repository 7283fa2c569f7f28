package pystdlib

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/bindings/starlark/pyrun"
)

// Parsing the command line: a port of ArgumentParser._parse_known_args,
// which matches the arguments against each action's nargs pattern with
// regular expressions (Go's, whose leftmost-first submatches are the
// ones Python's backtracking finds).

// systemExit ends the script with status code, as sys.exit(code).
func systemExit(code int) error { return &pyerr.Error{Class: "SystemExit", Value: code} }

// write writes text to file (None: def), a value with a write method
// such as sys.stderr.
func write(thread *starlark.Thread, file starlark.Value, def io.Writer, text string) error {
	if text == "" {
		return nil
	}
	if file == nil || file == starlark.None {
		_, err := io.WriteString(def, text)
		return err
	}
	a, ok := file.(starlark.HasAttrs)
	if !ok {
		return typeError("file: got %s, want an object with a write method", file.Type())
	}
	w, err := a.Attr("write")
	if err != nil || w == nil {
		return typeError("file: got %s, want an object with a write method", file.Type())
	}
	_, err = starlark.Call(thread, w, starlark.Tuple{starlark.String(text)}, nil)
	return err
}

// fail is parser.error(message): usage and the message on stderr, and
// SystemExit 2.
func (p *argumentParser) fail(msg string) error {
	f, err := p.newFormatter(nil)
	if err != nil {
		f = &helpFormatter{prog: p.prog, width: defaultWidth, indentInc: 2, maxHelp: 24}
	}
	io.WriteString(p.r.o.Stderr, finish(f.usage(p, p.actions, "usage: ")))
	io.WriteString(p.r.o.Stderr, fmt.Sprintf("%s: error: %s\n", p.prog, msg))
	return systemExit(2)
}

func (p *argumentParser) errorBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var msg starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "message", &msg); err != nil {
		return nil, err
	}
	return nil, p.fail(str(msg))
}

func (p *argumentParser) exitBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	status := 0
	var msg starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "status?", &status, "message?", &msg); err != nil {
		return nil, err
	}
	if msg != starlark.None && msg.Truth() {
		io.WriteString(p.r.o.Stderr, str(msg))
	}
	return nil, systemExit(status)
}

func (p *argumentParser) formatBuiltin(help bool) builtin {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
			return nil, err
		}
		s, err := p.format(thread, help)
		return starlark.String(s), err
	}
}

func (p *argumentParser) format(thread *starlark.Thread, help bool) (string, error) {
	f, err := p.newFormatter(thread)
	if err != nil {
		return "", err
	}
	if help {
		return f.help(p)
	}
	return finish(f.usage(p, p.actions, "usage: ")), nil
}

func (p *argumentParser) printBuiltin(help bool) builtin {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var file starlark.Value = starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "file?", &file); err != nil {
			return nil, err
		}
		s, err := p.format(thread, help)
		if err != nil {
			return nil, err
		}
		return starlark.None, write(thread, file, p.r.o.Stdout, s)
	}
}

func (p *argumentParser) parseArgsBuiltin(known bool) builtin {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var argsV, nsV starlark.Value = starlark.None, starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "args?", &argsV, "namespace?", &nsV); err != nil {
			return nil, err
		}
		var argv []string
		if argsV == starlark.None {
			if len(p.r.o.Args) > 1 {
				argv = append(argv, p.r.o.Args[1:]...)
			}
		} else {
			it := starlark.Iterate(argsV)
			if it == nil {
				return nil, typeError("%s: args: got %s, want a list of strings", b.Name(), argsV.Type())
			}
			var x starlark.Value
			for it.Next(&x) {
				s, ok := x.(starlark.String)
				if !ok {
					it.Done()
					return nil, typeError("%s: args: got %s in the list, want strings", b.Name(), x.Type())
				}
				argv = append(argv, string(s))
			}
			it.Done()
		}
		if err := steps(thread, len(argv)*len(p.actions)+len(argv)); err != nil {
			return nil, err
		}
		ns := NewNamespace()
		if nsV != starlark.None {
			n, ok := nsV.(*Namespace)
			if !ok {
				return nil, typeError("%s: namespace: got %s, want an argparse.Namespace", b.Name(), nsV.Type())
			}
			ns = n
		}
		ns, extras, err := p.parseKnown(thread, argv, ns)
		if err != nil {
			return nil, err
		}
		if known {
			l := make([]starlark.Value, len(extras))
			for i, e := range extras {
				l[i] = starlark.String(e)
			}
			return starlark.Tuple{ns, starlark.NewList(l)}, nil
		}
		if len(extras) > 0 {
			return nil, p.fail("unrecognized arguments: " + strings.Join(extras, " "))
		}
		return ns, nil
	}
}

// parseKnown is parse_known_args.
func (p *argumentParser) parseKnown(thread *starlark.Thread, argv []string, ns *Namespace) (*Namespace, []string, error) {
	for _, a := range p.actions {
		if a.dest != suppress && !ns.has(a.dest) && !isSuppress(a.deflt) {
			ns.set(a.dest, a.deflt)
		}
	}
	for _, kv := range p.defaults.Items() {
		k := string(kv[0].(starlark.String))
		if !ns.has(k) {
			ns.set(k, kv[1])
		}
	}
	extras, err := p.parseKnownArgs(thread, argv, ns)
	if err != nil {
		var ae *argError
		if errors.As(err, &ae) {
			if !p.exitOnError {
				return nil, nil, pyerr.New("argparse.ArgumentError", "%s", ae.Error())
			}
			return nil, nil, p.fail(ae.Error())
		}
		return nil, nil, err
	}
	extras = append(extras, ns.unrecognized...)
	ns.unrecognized = nil
	return ns, extras, nil
}

type optionTuple struct {
	a        *action // nil: an unknown option
	option   string
	explicit *string
}

func (p *argumentParser) isPrefix(c rune) bool { return strings.ContainsRune(p.prefixChars, c) }

// parseOptional is _parse_optional: whether arg is an option, and which.
func (p *argumentParser) parseOptional(arg string) (*optionTuple, error) {
	if arg == "" || !p.isPrefix([]rune(arg)[0]) {
		return nil, nil
	}
	if a, ok := p.optionMap[arg]; ok {
		return &optionTuple{a: a, option: arg}, nil
	}
	if len([]rune(arg)) == 1 {
		return nil, nil
	}
	if i := strings.IndexByte(arg, '='); i >= 0 {
		if a, ok := p.optionMap[arg[:i]]; ok {
			e := arg[i+1:]
			return &optionTuple{a: a, option: arg[:i], explicit: &e}, nil
		}
	}
	tuples, err := p.optionTuples(arg)
	if err != nil {
		return nil, err
	}
	if len(tuples) > 1 {
		var names []string
		for _, t := range tuples {
			names = append(names, t.option)
		}
		return nil, p.fail(fmt.Sprintf("ambiguous option: %s could match %s", arg, strings.Join(names, ", ")))
	}
	if len(tuples) == 1 {
		return &tuples[0], nil
	}
	if negativeNumber.MatchString(arg) && !p.negNumbers {
		return nil, nil
	}
	if strings.Contains(arg, " ") {
		return nil, nil
	}
	return &optionTuple{option: arg}, nil
}

// optionTuples is _get_option_tuples: the options arg abbreviates.
func (p *argumentParser) optionTuples(arg string) ([]optionTuple, error) {
	var out []optionTuple
	r := []rune(arg)
	switch {
	case p.isPrefix(r[0]) && p.isPrefix(r[1]):
		if !p.allowAbbrev {
			return nil, nil
		}
		prefix := arg
		var explicit *string
		if i := strings.IndexByte(arg, '='); i >= 0 {
			prefix = arg[:i]
			e := arg[i+1:]
			explicit = &e
		}
		for _, o := range p.optionOrder {
			if strings.HasPrefix(o, prefix) {
				out = append(out, optionTuple{a: p.optionMap[o], option: o, explicit: explicit})
			}
		}
	case p.isPrefix(r[0]):
		short := string(r[:2])
		explicit := string(r[2:])
		for _, o := range p.optionOrder {
			if o == short {
				e := explicit
				out = append(out, optionTuple{a: p.optionMap[o], option: o, explicit: &e})
			} else if strings.HasPrefix(o, arg) {
				out = append(out, optionTuple{a: p.optionMap[o], option: o})
			}
		}
	default:
		return nil, p.fail("unexpected option string: " + arg)
	}
	return out, nil
}

// nargsPattern is _get_nargs_pattern.
func nargsPattern(a *action) string {
	var pat string
	switch n := a.nargs; n {
	case nargsNone:
		pat = "(-*A-*)"
	case nargsOptional:
		pat = "(-*A?-*)"
	case nargsZeroOrMore:
		pat = "(-*[A-]*)"
	case nargsOneOrMore:
		pat = "(-*A[A-]*)"
	case nargsRemainder:
		pat = "([-AO]*)"
	case nargsParser:
		pat = "(-*A[-AO]*)"
	case nargsSuppress:
		pat = "(-*-*)"
	default:
		pat = "(-*" + strings.Repeat("A-*", n)[:max(0, 3*n-2)] + "-*)"
		if n == 0 {
			pat = "(-*-*)"
		}
	}
	if len(a.options) > 0 {
		pat = strings.ReplaceAll(pat, "-*", "")
		pat = strings.ReplaceAll(pat, "-", "")
	}
	return pat
}

// matchArgument is _match_argument: how many arguments a takes from the
// head of pattern.
func matchArgument(a *action, pattern string) (int, error) {
	re := regexp.MustCompile("^" + nargsPattern(a))
	m := re.FindStringSubmatchIndex(pattern)
	if m == nil {
		var msg string
		switch a.nargs {
		case nargsNone:
			msg = "expected one argument"
		case nargsOptional:
			msg = "expected at most one argument"
		case nargsOneOrMore:
			msg = "expected at least one argument"
		default:
			if a.nargs == 1 {
				msg = "expected 1 argument"
			} else {
				msg = fmt.Sprintf("expected %d arguments", a.nargs)
			}
		}
		return 0, &argError{a: a, msg: msg}
	}
	return m[3] - m[2], nil
}

// matchPartial is _match_arguments_partial.
func matchPartial(actions []*action, pattern string) []int {
	for i := len(actions); i > 0; i-- {
		var b strings.Builder
		b.WriteString("^")
		for _, a := range actions[:i] {
			b.WriteString(nargsPattern(a))
		}
		m := regexp.MustCompile(b.String()).FindStringSubmatchIndex(pattern)
		if m != nil {
			out := make([]int, i)
			for j := range out {
				out[j] = m[2*j+3] - m[2*j+2]
			}
			return out
		}
	}
	return nil
}

// parseKnownArgs is _parse_known_args.
func (p *argumentParser) parseKnownArgs(thread *starlark.Thread, argv []string, ns *Namespace) ([]string, error) {
	conflicts := map[*action][]*action{}
	for _, g := range p.mutex {
		for i, a := range g.actions {
			conflicts[a] = append(conflicts[a], g.actions[:i]...)
			conflicts[a] = append(conflicts[a], g.actions[i+1:]...)
		}
	}
	optionIndices := map[int]*optionTuple{}
	var pattern strings.Builder
	for i := 0; i < len(argv); i++ {
		if argv[i] == "--" {
			pattern.WriteByte('-')
			for range argv[i+1:] {
				pattern.WriteByte('A')
			}
			break
		}
		t, err := p.parseOptional(argv[i])
		if err != nil {
			return nil, err
		}
		if t == nil {
			pattern.WriteByte('A')
		} else {
			optionIndices[i] = t
			pattern.WriteByte('O')
		}
	}
	pat := pattern.String()
	seen := map[*action]bool{}
	seenNonDefault := map[*action]bool{}
	var extras []string

	takeAction := func(a *action, args []string, option string) error {
		seen[a] = true
		value, isDefault, err := p.getValues(thread, a, args)
		if err != nil {
			return err
		}
		if !isDefault {
			seenNonDefault[a] = true
			for _, c := range conflicts[a] {
				if seenNonDefault[c] {
					n, _ := c.name()
					return &argError{a: a, msg: "not allowed with argument " + n}
				}
			}
		}
		if value != nil {
			return p.call(thread, a, ns, value, option)
		}
		return nil
	}

	consumeOptional := func(start int) (int, error) {
		t := optionIndices[start]
		a, option, explicit := t.a, t.option, t.explicit
		type todo struct {
			a      *action
			args   []string
			option string
		}
		var todos []todo
		var stop int
		for {
			if a == nil {
				extras = append(extras, argv[start])
				return start + 1, nil
			}
			if explicit != nil {
				count, err := matchArgument(a, "A")
				if err != nil {
					return 0, err
				}
				r := []rune(option)
				if count == 0 && !p.isPrefix(r[1]) && *explicit != "" {
					todos = append(todos, todo{a, nil, option})
					er := []rune(*explicit)
					option = string(r[0]) + string(er[0])
					var next *string
					if len(er) > 1 {
						s := string(er[1:])
						next = &s
					}
					if na, ok := p.optionMap[option]; ok {
						a, explicit = na, next
					} else {
						return 0, &argError{a: a, msg: "ignored explicit argument " + ReprString(*explicit)}
					}
				} else if count == 1 {
					stop = start + 1
					todos = append(todos, todo{a, []string{*explicit}, option})
					break
				} else {
					return 0, &argError{a: a, msg: "ignored explicit argument " + ReprString(*explicit)}
				}
			} else {
				first := start + 1
				count, err := matchArgument(a, pat[min(first, len(pat)):])
				if err != nil {
					return 0, err
				}
				stop = first + count
				todos = append(todos, todo{a, append([]string{}, argv[first:stop]...), option})
				break
			}
		}
		for _, t := range todos {
			if err := takeAction(t.a, t.args, t.option); err != nil {
				return 0, err
			}
		}
		return stop, nil
	}

	var positionals []*action
	for _, a := range p.actions {
		if len(a.options) == 0 {
			positionals = append(positionals, a)
		}
	}
	consumePositionals := func(start int) (int, error) {
		counts := matchPartial(positionals, pat[min(start, len(pat)):])
		for i, n := range counts {
			args := append([]string{}, argv[start:start+n]...)
			start += n
			if err := takeAction(positionals[i], args, ""); err != nil {
				return 0, err
			}
		}
		positionals = positionals[len(counts):]
		return start, nil
	}

	start := 0
	maxOption := -1
	for i := range optionIndices {
		maxOption = max(maxOption, i)
	}
	for start <= maxOption {
		next := -1
		for i := range optionIndices {
			if i >= start && (next < 0 || i < next) {
				next = i
			}
		}
		if start != next {
			end, err := consumePositionals(start)
			if err != nil {
				return nil, err
			}
			if end > start {
				start = end
				continue
			}
			start = end
		}
		if _, ok := optionIndices[start]; !ok {
			extras = append(extras, argv[start:next]...)
			start = next
		}
		var err error
		if start, err = consumeOptional(start); err != nil {
			return nil, err
		}
	}
	stop, err := consumePositionals(start)
	if err != nil {
		return nil, err
	}
	extras = append(extras, argv[stop:]...)

	var required []string
	for _, a := range p.actions {
		if seen[a] {
			continue
		}
		if a.required {
			n, _ := a.name()
			required = append(required, n)
			continue
		}
		if s, ok := a.deflt.(starlark.String); ok && a.dest != suppress && !isSuppress(a.deflt) {
			if v, found := ns.get(a.dest); found && v == s {
				conv, err := p.getValue(thread, a, string(s))
				if err != nil {
					return nil, err
				}
				ns.set(a.dest, conv)
			}
		}
	}
	if len(required) > 0 {
		return nil, p.fail("the following arguments are required: " + strings.Join(required, ", "))
	}
	for _, g := range p.mutex {
		if !g.required {
			continue
		}
		found := false
		for _, a := range g.actions {
			if seenNonDefault[a] {
				found = true
			}
		}
		if !found {
			var names []string
			for _, a := range g.actions {
				if !a.helpSuppressed() {
					n, _ := a.name()
					names = append(names, n)
				}
			}
			return nil, p.fail("one of the arguments " + strings.Join(names, " ") + " is required")
		}
	}
	return extras, nil
}

// getValues is _get_values: the value an action stores for its
// arguments; nil for SUPPRESS. isDefault reports the action's default
// itself (Python's "is action.default").
func (p *argumentParser) getValues(thread *starlark.Thread, a *action, args []string) (value starlark.Value, isDefault bool, err error) {
	if a.nargs != nargsParser && a.nargs != nargsRemainder {
		for i, s := range args {
			if s == "--" {
				args = append(args[:i:i], args[i+1:]...)
				break
			}
		}
	}
	switch {
	case len(args) == 0 && a.nargs == nargsOptional:
		v := a.konst
		if len(a.options) == 0 {
			v = a.deflt
		}
		if v == nil {
			v = starlark.None
		}
		isDefault = len(a.options) == 0
		if s, ok := v.(starlark.String); ok {
			conv, err := p.getValue(thread, a, string(s))
			if err != nil {
				return nil, false, err
			}
			if err := p.checkValue(a, conv); err != nil {
				return nil, false, err
			}
			isDefault = isDefault && (a.typ == nil || callableName(a.typ) == "str")
			v = conv
		}
		return v, isDefault, nil
	case len(args) == 0 && a.nargs == nargsZeroOrMore && len(a.options) == 0:
		var v starlark.Value = starlark.NewList(nil)
		if a.deflt != starlark.None {
			v, isDefault = a.deflt, true
		}
		return v, isDefault, p.checkValue(a, v)
	case len(args) == 1 && (a.nargs == nargsNone || a.nargs == nargsOptional):
		v, err := p.getValue(thread, a, args[0])
		if err != nil {
			return nil, false, err
		}
		return v, false, p.checkValue(a, v)
	case a.nargs == nargsSuppress:
		return nil, false, nil
	}
	vals := make([]starlark.Value, len(args))
	for i, s := range args {
		v, err := p.getValue(thread, a, s)
		if err != nil {
			return nil, false, err
		}
		vals[i] = v
	}
	switch a.nargs {
	case nargsRemainder:
	case nargsParser:
		if len(vals) > 0 {
			if err := p.checkValue(a, vals[0]); err != nil {
				return nil, false, err
			}
		}
	default:
		for _, v := range vals {
			if err := p.checkValue(a, v); err != nil {
				return nil, false, err
			}
		}
	}
	return starlark.NewList(vals), false, nil
}

// getValue is _get_value: s converted by the action's type.
func (p *argumentParser) getValue(thread *starlark.Thread, a *action, s string) (starlark.Value, error) {
	if a.typ == nil {
		return starlark.String(s), nil
	}
	name := callableName(a.typ)
	if b, ok := a.typ.(*starlark.Builtin); ok && b.Receiver() == nil {
		switch b.Name() {
		case "str":
			return starlark.String(s), nil
		case "int":
			v, err := parseInt(s)
			if err != nil {
				return nil, &argError{a: a, msg: fmt.Sprintf("invalid int value: %s", ReprString(s))}
			}
			return v, nil
		case "float":
			v, err := parseFloat(s)
			if err != nil {
				return nil, &argError{a: a, msg: fmt.Sprintf("invalid float value: %s", ReprString(s))}
			}
			return v, nil
		case "bool":
			return starlark.Bool(s != ""), nil
		}
	}
	v, err := starlark.Call(thread, a.typ, starlark.Tuple{starlark.String(s)}, nil)
	if err != nil {
		if pyrun.Uncatchable(err) {
			return nil, err
		}
		if pe, ok := pyerr.As(err); ok && pe.Class == "argparse.ArgumentTypeError" {
			return nil, &argError{a: a, msg: pe.Msg}
		}
		if class, msg, ok := raisedClass(err); ok && class == "argparse.ArgumentTypeError" {
			return nil, &argError{a: a, msg: msg}
		}
		return nil, &argError{a: a, msg: fmt.Sprintf("invalid %s value: %s", name, ReprString(s))}
	}
	return v, nil
}

// raisedClass is the class and message of an exception a script
// raised.
func raisedClass(err error) (class, msg string, ok bool) {
	x, ok := pyrun.Raised(err)
	if !ok {
		return "", "", false
	}
	return x.Class(), x.String(), true
}

// checkValue is _check_value: the value must be among the choices.
func (p *argumentParser) checkValue(a *action, v starlark.Value) error {
	if a.choices == nil {
		return nil
	}
	in, err := starlark.Binary(syntax.IN, v, a.choices)
	if err != nil {
		return &argError{a: a, msg: err.Error()}
	}
	if in.Truth() {
		return nil
	}
	var parts []string
	if it := starlark.Iterate(a.choices); it != nil {
		var x starlark.Value
		for it.Next(&x) {
			parts = append(parts, Repr(x))
		}
		it.Done()
	}
	return &argError{a: a, msg: fmt.Sprintf("invalid choice: %s (choose from %s)", Repr(v), strings.Join(parts, ", "))}
}

// call is Action.__call__: the action stores value in ns.
func (p *argumentParser) call(thread *starlark.Thread, a *action, ns *Namespace, value starlark.Value, option string) error {
	switch a.kind {
	case "store":
		ns.set(a.dest, value)
	case "store_const", "store_true", "store_false":
		ns.set(a.dest, a.konst)
	case "append", "append_const", "extend":
		items := copyItems(ns, a.dest)
		switch a.kind {
		case "append":
			items = append(items, value)
		case "append_const":
			items = append(items, a.konst)
		default:
			if it := starlark.Iterate(value); it != nil {
				var x starlark.Value
				for it.Next(&x) {
					items = append(items, x)
				}
				it.Done()
			}
		}
		ns.set(a.dest, starlark.NewList(items))
	case "count":
		n, _ := ns.get(a.dest)
		if n == nil || n == starlark.None {
			n = starlark.MakeInt(0)
		}
		v, err := starlark.Binary(syntax.PLUS, n, starlark.MakeInt(1))
		if err != nil {
			return err
		}
		ns.set(a.dest, v)
	case "boolean":
		if option != "" {
			ns.set(a.dest, starlark.Bool(!strings.HasPrefix(option, "--no-")))
		}
	case "help":
		s, err := p.format(thread, true)
		if err != nil {
			return err
		}
		io.WriteString(p.r.o.Stdout, s)
		return systemExit(0)
	case "version":
		f, err := p.newFormatter(thread)
		if err != nil {
			return err
		}
		v := ""
		if a.version != nil {
			v = *a.version
		}
		io.WriteString(p.r.o.Stdout, finish(f.text(v)))
		return systemExit(0)
	case "parsers":
		vals := value.(*starlark.List)
		name := vals.Index(0)
		if a.dest != suppress {
			ns.set(a.dest, name)
		}
		sub, found, _ := a.sub.parsers.Get(name)
		if !found {
			var names []string
			for _, k := range a.sub.parsers.Keys() {
				names = append(names, str(k))
			}
			return &argError{a: a, msg: fmt.Sprintf("unknown parser %s (choices: %s)", Repr(name), strings.Join(names, ", "))}
		}
		var rest []string
		for i := 1; i < vals.Len(); i++ {
			rest = append(rest, str(vals.Index(i)))
		}
		subNs, extras, err := sub.(*argumentParser).parseKnown(thread, rest, NewNamespace())
		if err != nil {
			return err
		}
		for _, kv := range subNs.dict.Items() {
			ns.dict.SetKey(kv[0], kv[1])
		}
		ns.unrecognized = append(ns.unrecognized, extras...)
	}
	return nil
}

// copyItems is _copy_items: the list at dest, copied, or a new one.
func copyItems(ns *Namespace, dest string) []starlark.Value {
	v, _ := ns.get(dest)
	var out []starlark.Value
	if v == nil || v == starlark.None {
		return out
	}
	if it := starlark.Iterate(v); it != nil {
		var x starlark.Value
		for it.Next(&x) {
			out = append(out, x)
		}
		it.Done()
	}
	return out
}
