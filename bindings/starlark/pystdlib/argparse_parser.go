package pystdlib

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
)

// argumentParser is argparse.ArgumentParser.
type argumentParser struct {
	r            *run
	prog         string
	usage        *string
	description  *string
	epilog       *string
	formatter    starlark.Value
	prefixChars  string
	argDefault   starlark.Value // nil: None
	addHelp      bool
	allowAbbrev  bool
	exitOnError  bool
	actions      []*action
	optionMap    map[string]*action
	optionOrder  []string // optionMap's keys in the order added, as Python's dict
	groups       []*argGroup
	mutex        []*argGroup
	defaults     *starlark.Dict
	positionals  *argGroup
	optionals    *argGroup
	subparsers   *argGroup
	hasSubparser bool
	negNumbers   bool // an option string looks like a negative number
}

// argGroup is an argument group (add_argument_group) or a mutually
// exclusive group (mutex).
type argGroup struct {
	p           *argumentParser
	title       *string
	description *string
	actions     []*action
	mutex       bool
	required    bool
	container   *argGroup // a mutex group's enclosing group; nil: the parser
}

var (
	_ starlark.HasAttrs = (*argumentParser)(nil)
	_ starlark.HasAttrs = (*argGroup)(nil)
)

var negativeNumber = regexp.MustCompile(`^-\d+$|^-\d*\.\d+$`)

func optString(v starlark.Value, what string) (*string, error) {
	if v == nil || v == starlark.None {
		return nil, nil
	}
	s, ok := v.(starlark.String)
	if !ok {
		return nil, typeError("%s: got %s, want str or None", what, v.Type())
	}
	x := string(s)
	return &x, nil
}

// newArgumentParser is argparse.ArgumentParser(...).
func (r *run) newArgumentParser(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return r.makeParser(thread, b.Name(), args, kwargs, "")
}

func (r *run) makeParser(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple, defaultProg string) (*argumentParser, error) {
	var prog, usage, description, epilog, argDefault starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None, starlark.None
	var parents starlark.Value = starlark.NewList(nil)
	var formatter starlark.Value = formatterClass{fmtDefault}
	p := &argumentParser{r: r, prefixChars: "-", addHelp: true, allowAbbrev: true, exitOnError: true,
		optionMap: map[string]*action{}, defaults: starlark.NewDict(0)}
	if err := starlark.UnpackArgs(name, args, kwargs, "prog?", &prog, "usage?", &usage, "description?", &description,
		"epilog?", &epilog, "parents?", &parents, "formatter_class?", &formatter, "prefix_chars?", &p.prefixChars,
		"fromfile_prefix_chars?", new(starlark.Value), "argument_default?", &argDefault, "conflict_handler?", new(string),
		"add_help?", &p.addHelp, "allow_abbrev?", &p.allowAbbrev, "exit_on_error?", &p.exitOnError); err != nil {
		return nil, err
	}
	if p.prefixChars == "" {
		return nil, valueError("prefix_chars must not be empty")
	}
	var err error
	if p.usage, err = optString(usage, "usage"); err != nil {
		return nil, err
	}
	if p.description, err = optString(description, "description"); err != nil {
		return nil, err
	}
	if p.epilog, err = optString(epilog, "epilog"); err != nil {
		return nil, err
	}
	switch prog := prog.(type) {
	case starlark.NoneType:
		p.prog = defaultProg
		if p.prog == "" && len(r.o.Args) > 0 {
			p.prog = path.Base(r.o.Args[0])
		}
	case starlark.String:
		p.prog = string(prog)
	default:
		p.prog = str(prog)
	}
	if argDefault != starlark.None {
		p.argDefault = argDefault
	}
	p.formatter = formatter
	posTitle, optTitle := "positional arguments", "options"
	p.positionals = p.addGroup(&posTitle, nil)
	p.optionals = p.addGroup(&optTitle, nil)
	if p.addHelp {
		pre := "-"
		if !strings.Contains(p.prefixChars, "-") {
			pre = p.prefixChars[:1]
		}
		help := "show this help message and exit"
		if _, err := p.addAction(thread, nil, []string{pre + "h", pre + pre + "help"}, []starlark.Tuple{
			{starlark.String("action"), starlark.String("help")},
			{starlark.String("default"), starlark.String(suppress)},
			{starlark.String("help"), starlark.String(help)},
		}); err != nil {
			return nil, err
		}
	}
	it := starlark.Iterate(parents)
	if it == nil {
		return nil, typeError("%s: parents: got %s, want a list of parsers", name, parents.Type())
	}
	defer it.Done()
	var x starlark.Value
	for it.Next(&x) {
		parent, ok := x.(*argumentParser)
		if !ok {
			return nil, typeError("%s: parents: got %s, want an ArgumentParser", name, x.Type())
		}
		if err := p.addContainerActions(parent); err != nil {
			return nil, err
		}
		for _, kv := range parent.defaults.Items() {
			p.defaults.SetKey(kv[0], kv[1])
		}
	}
	return p, nil
}

// addContainerActions adds a parent parser's actions, in their groups.
func (p *argumentParser) addContainerActions(parent *argumentParser) error {
	byTitle := map[string]*argGroup{}
	for _, g := range p.groups {
		if g.title != nil {
			byTitle[*g.title] = g
		}
	}
	groupOf := map[*action]*argGroup{}
	for _, g := range parent.groups {
		title := ""
		if g.title != nil {
			title = *g.title
		}
		dst, ok := byTitle[title]
		if !ok {
			dst = p.addGroup(g.title, g.description)
			byTitle[title] = dst
		}
		for _, a := range g.actions {
			groupOf[a] = dst
		}
	}
	for _, g := range parent.mutex {
		m := &argGroup{p: p, mutex: true, required: g.required}
		p.mutex = append(p.mutex, m)
		for _, a := range g.actions {
			m.container = groupOf[a]
			groupOf[a] = m
		}
	}
	for _, a := range parent.actions {
		g := groupOf[a]
		if g == nil {
			g = p.optionals
			if len(a.options) == 0 {
				g = p.positionals
			}
		}
		if err := g.add(a); err != nil {
			return err
		}
	}
	return nil
}

func (p *argumentParser) addGroup(title, description *string) *argGroup {
	g := &argGroup{p: p, title: title, description: description}
	p.groups = append(p.groups, g)
	return g
}

// register adds a to the parser's actions and option strings.
func (p *argumentParser) register(a *action) error {
	for _, o := range a.options {
		if old, ok := p.optionMap[o]; ok && old != a {
			return &argError{a: a, msg: "conflicting option string: " + o}
		}
	}
	p.actions = append(p.actions, a)
	for _, o := range a.options {
		if _, ok := p.optionMap[o]; !ok {
			p.optionOrder = append(p.optionOrder, o)
		}
		p.optionMap[o] = a
		if negativeNumber.MatchString(o) {
			p.negNumbers = true
		}
	}
	return nil
}

// add adds a to the group g (and to its parser).
func (g *argGroup) add(a *action) error {
	if g.mutex {
		if a.required {
			return valueError("mutually exclusive arguments must be optional")
		}
		c := g.container
		if c == nil {
			c = g.p.optionals
			if len(a.options) == 0 {
				c = g.p.positionals
			}
		}
		if err := c.add(a); err != nil {
			return err
		}
		g.actions = append(g.actions, a)
		return nil
	}
	if err := g.p.register(a); err != nil {
		return err
	}
	g.actions = append(g.actions, a)
	return nil
}

// nargsOf reads nargs=: None, "?", "*", "+", "...", "A..." or a count.
func nargsOf(v starlark.Value) (int, error) {
	switch v := v.(type) {
	case starlark.NoneType:
		return nargsNone, nil
	case starlark.String:
		switch v {
		case "?":
			return nargsOptional, nil
		case "*":
			return nargsZeroOrMore, nil
		case "+":
			return nargsOneOrMore, nil
		case "...":
			return nargsRemainder, nil
		case "A...":
			return nargsParser, nil
		case suppress:
			return nargsSuppress, nil
		}
	case starlark.Int:
		n, ok := v.Int64()
		if ok && n >= 0 && n < 1<<20 {
			return int(n), nil
		}
	}
	return 0, valueError("invalid nargs value")
}

// addAction is add_argument(*names, **kwargs) on the group g (nil: the
// parser, which files it under its positionals or options).
func (p *argumentParser) addAction(thread *starlark.Thread, g *argGroup, names []string, kwargs []starlark.Tuple) (*actionValue, error) {
	kw := map[string]starlark.Value{}
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		switch k {
		case "action", "nargs", "const", "default", "type", "choices", "required", "help", "metavar", "dest", "version":
		default:
			return nil, typeError("add_argument() got an unexpected keyword argument '%s'", k)
		}
		kw[k] = kv[1]
	}
	a := &action{parser: p, nargs: nargsNone}
	if len(names) == 0 || (len(names) == 1 && !strings.ContainsRune(p.prefixChars, []rune(names[0] + " ")[0])) {
		if len(names) > 0 && kw["dest"] != nil {
			return nil, valueError("dest supplied twice for positional argument")
		}
		if len(names) == 0 {
			return nil, typeError("add_argument() missing 1 required positional argument: 'dest'")
		}
		if kw["required"] != nil {
			return nil, typeError("'required' is an invalid argument for positionals")
		}
		a.dest = names[0]
	} else {
		var long []string
		for _, o := range names {
			if o == "" || !strings.ContainsRune(p.prefixChars, []rune(o)[0]) {
				return nil, valueError("invalid option string %s: must start with a character %s", ReprString(o), ReprString(p.prefixChars))
			}
			if len([]rune(o)) > 1 && strings.ContainsRune(p.prefixChars, []rune(o)[1]) {
				long = append(long, o)
			}
		}
		a.options = names
		if d, ok := kw["dest"]; ok && d != starlark.None {
			s, ok := d.(starlark.String)
			if !ok {
				return nil, typeError("dest: got %s, want str", d.Type())
			}
			a.dest = string(s)
		} else {
			o := names[0]
			if len(long) > 0 {
				o = long[0]
			}
			a.dest = strings.TrimLeft(o, p.prefixChars)
			if a.dest == "" {
				return nil, valueError("dest= is required for options like %s", ReprString(names[len(names)-1]))
			}
			a.dest = strings.ReplaceAll(a.dest, "-", "_")
		}
	}
	kind := "store"
	if v, ok := kw["action"]; ok && v != starlark.None {
		switch v := v.(type) {
		case starlark.String:
			kind = string(v)
		case booleanOptional:
			kind = "boolean"
		default:
			return nil, valueError("unknown action %s: scripts name argparse's actions (\"store\", \"store_true\", ...)", str(v))
		}
	}
	// Defaults per action class.
	switch kind {
	case "store", "append", "extend", "store_const", "append_const", "count", "boolean":
	case "store_true":
		a.deflt, a.konst = starlark.False, starlark.True
	case "store_false":
		a.deflt, a.konst = starlark.True, starlark.False
	case "help":
		a.dest, a.deflt = suppress, starlark.String(suppress)
	case "version":
		a.dest, a.deflt = suppress, starlark.String(suppress)
		h := "show program's version number and exit"
		a.help = &h
	default:
		return nil, valueError("unknown action \"%s\"", kind)
	}
	a.kind = kind
	if _, ok := kw["default"]; !ok {
		if v, found, _ := p.defaults.Get(starlark.String(a.dest)); found {
			kw["default"] = v
		} else if p.argDefault != nil {
			kw["default"] = p.argDefault
		}
	}
	if len(a.options) == 0 {
		n := kw["nargs"]
		if n != starlark.String("?") && n != starlark.String("*") {
			a.required = true
		}
		if n == starlark.String("*") && kw["default"] == nil {
			a.required = true
		}
	}
	for k, v := range kw {
		var err error
		switch k {
		case "nargs":
			a.nargs, err = nargsOf(v)
		case "const":
			a.konst = v
		case "default":
			a.deflt = v
		case "type":
			if v != starlark.None {
				if _, ok := v.(starlark.Callable); !ok {
					return nil, valueError("%s is not callable", str(v))
				}
				a.typ = v
			}
		case "choices":
			if v != starlark.None {
				a.choices = v
			}
		case "required":
			a.required = bool(v.Truth())
		case "help":
			a.help, err = optString(v, "help")
		case "metavar":
			if v != starlark.None {
				a.metavar = v
			}
		case "version":
			a.version, err = optString(v, "version")
		case "dest":
			if len(a.options) == 0 {
				continue
			}
			if isSuppress(v) {
				a.dest = suppress
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if a.dest == "" {
		a.dest = suppress
	}
	switch kind {
	case "store", "append", "extend":
		if a.nargs == 0 {
			return nil, valueError("nargs for %s actions must be != 0; if you have nothing to %s, actions such as store true or store const may be more appropriate", kind, kind)
		}
		if a.konst != nil && a.nargs != nargsOptional {
			return nil, valueError("nargs must be '?' to supply const")
		}
	default:
		if _, ok := kw["nargs"]; ok && kind != "boolean" {
			return nil, typeError("__init__() got an unexpected keyword argument 'nargs'")
		}
		a.nargs = 0
	}
	if kind == "boolean" {
		var opts []string
		for _, o := range a.options {
			opts = append(opts, o)
			if strings.HasPrefix(o, "--") {
				opts = append(opts, "--no-"+o[2:])
			}
		}
		a.options = opts
	}
	if a.deflt == nil {
		a.deflt = starlark.None
	}
	if t, ok := a.metavar.(starlark.Tuple); ok {
		n := 1
		switch {
		case a.nargs >= 0:
			n = a.nargs
		case a.nargs == nargsOneOrMore:
			n = 2
		}
		if len(t) != n && a.nargs != nargsZeroOrMore {
			return nil, valueError("length of metavar tuple does not match nargs")
		}
	}
	if g == nil {
		g = p.optionals
		if len(a.options) == 0 {
			g = p.positionals
		}
	}
	if err := g.add(a); err != nil {
		if ae, ok := err.(*argError); ok {
			return nil, pyerr.New("argparse.ArgumentError", "%s", ae.Error())
		}
		return nil, err
	}
	a.value = &actionValue{a}
	return a.value, nil
}

// Parser methods.

func (p *argumentParser) String() string {
	return fmt.Sprintf("ArgumentParser(prog=%s, usage=%s, description=%s, formatter_class=%s, conflict_handler='error', add_help=%s)",
		ReprString(p.prog), reprOpt(p.usage), reprOpt(p.description), p.formatter.String(), Repr(starlark.Bool(p.addHelp)))
}

func reprOpt(s *string) string {
	if s == nil {
		return "None"
	}
	return ReprString(*s)
}

func (p *argumentParser) Type() string         { return "ArgumentParser" }
func (p *argumentParser) Freeze()              {}
func (p *argumentParser) Truth() starlark.Bool { return true }
func (p *argumentParser) Hash() (uint32, error) {
	return 0, typeError("unhashable type: 'ArgumentParser'")
}

var parserMethods = map[string]func(p *argumentParser) builtin{
	"add_argument":                 func(p *argumentParser) builtin { return p.addArgumentIn(nil) },
	"add_argument_group":           func(p *argumentParser) builtin { return p.addArgumentGroup(nil) },
	"add_mutually_exclusive_group": func(p *argumentParser) builtin { return p.addMutexGroup(nil) },
	"add_subparsers":               func(p *argumentParser) builtin { return p.addSubparsers },
	"set_defaults":                 func(p *argumentParser) builtin { return p.setDefaults },
	"get_default":                  func(p *argumentParser) builtin { return p.getDefault },
	"parse_args":                   func(p *argumentParser) builtin { return p.parseArgsBuiltin(false) },
	"parse_known_args":             func(p *argumentParser) builtin { return p.parseArgsBuiltin(true) },
	"format_help":                  func(p *argumentParser) builtin { return p.formatBuiltin(true) },
	"format_usage":                 func(p *argumentParser) builtin { return p.formatBuiltin(false) },
	"print_help":                   func(p *argumentParser) builtin { return p.printBuiltin(true) },
	"print_usage":                  func(p *argumentParser) builtin { return p.printBuiltin(false) },
	"error":                        func(p *argumentParser) builtin { return p.errorBuiltin },
	"exit":                         func(p *argumentParser) builtin { return p.exitBuiltin },
}

// Attr returns the parser's methods and its prog, usage, description and
// epilog.
func (p *argumentParser) Attr(name string) (starlark.Value, error) {
	if m, ok := parserMethods[name]; ok {
		return starlark.NewBuiltin(name, m(p)), nil
	}
	switch name {
	case "prog":
		return starlark.String(p.prog), nil
	case "usage":
		return optValue(p.usage), nil
	case "description":
		return optValue(p.description), nil
	case "epilog":
		return optValue(p.epilog), nil
	case "formatter_class":
		return p.formatter, nil
	}
	return nil, nil
}

func optValue(s *string) starlark.Value {
	if s == nil {
		return starlark.None
	}
	return starlark.String(*s)
}

// AttrNames lists the methods and attributes.
func (p *argumentParser) AttrNames() []string {
	return append(sortedKeys(parserMethods), "description", "epilog", "formatter_class", "prog", "usage")
}

// SetField sets prog, usage, description or epilog.
func (p *argumentParser) SetField(name string, v starlark.Value) error {
	var err error
	switch name {
	case "prog":
		p.prog = str(v)
	case "usage":
		p.usage, err = optString(v, name)
	case "description":
		p.description, err = optString(v, name)
	case "epilog":
		p.epilog, err = optString(v, name)
	case "formatter_class":
		p.formatter = v
	default:
		return pyerr.New("AttributeError", "'ArgumentParser' object attribute '%s' cannot be set", name)
	}
	return err
}

func (p *argumentParser) addArgumentIn(g *argGroup) builtin {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		names := make([]string, len(args))
		for i, x := range args {
			s, ok := x.(starlark.String)
			if !ok {
				return nil, typeError("add_argument: got %s, want option strings", x.Type())
			}
			if s == "" {
				return nil, valueError("add_argument: an empty option string")
			}
			names[i] = string(s)
		}
		return p.addAction(thread, g, names, kwargs)
	}
}

func (p *argumentParser) addArgumentGroup(parent *argGroup) builtin {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var title, description starlark.Value = starlark.None, starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "title?", &title, "description?", &description, "argument_default?", new(starlark.Value), "conflict_handler?", new(string)); err != nil {
			return nil, err
		}
		t, err := optString(title, "title")
		if err != nil {
			return nil, err
		}
		d, err := optString(description, "description")
		if err != nil {
			return nil, err
		}
		return p.addGroup(t, d), nil
	}
}

func (p *argumentParser) addMutexGroup(container *argGroup) builtin {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		g := &argGroup{p: p, mutex: true, container: container}
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "required?", &g.required); err != nil {
			return nil, err
		}
		p.mutex = append(p.mutex, g)
		return g, nil
	}
}

func (p *argumentParser) setDefaults(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 {
		return nil, typeError("set_defaults() takes 1 positional argument but %d were given", len(args)+1)
	}
	for _, kv := range kwargs {
		p.defaults.SetKey(kv[0], kv[1])
		for _, a := range p.actions {
			if a.dest == string(kv[0].(starlark.String)) {
				a.deflt = kv[1]
			}
		}
	}
	return starlark.None, nil
}

func (p *argumentParser) getDefault(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var dest string
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "dest", &dest); err != nil {
		return nil, err
	}
	for _, a := range p.actions {
		if a.dest == dest && a.deflt != starlark.None {
			return a.deflt, nil
		}
	}
	if v, found, _ := p.defaults.Get(starlark.String(dest)); found {
		return v, nil
	}
	return starlark.None, nil
}

// Group methods.

func (g *argGroup) String() string {
	if g.mutex {
		return "<argparse._MutuallyExclusiveGroup object>"
	}
	return "<argparse._ArgumentGroup object>"
}
func (g *argGroup) Type() string          { return "ArgumentGroup" }
func (g *argGroup) Freeze()               {}
func (g *argGroup) Truth() starlark.Bool  { return true }
func (g *argGroup) Hash() (uint32, error) { return 0, typeError("unhashable type: '%s'", g.Type()) }

// Attr returns add_argument, and add_mutually_exclusive_group and
// add_argument_group of an argument group.
func (g *argGroup) Attr(name string) (starlark.Value, error) {
	switch name {
	case "add_argument":
		return starlark.NewBuiltin(name, g.p.addArgumentIn(g)), nil
	case "add_mutually_exclusive_group":
		if !g.mutex {
			return starlark.NewBuiltin(name, g.p.addMutexGroup(g)), nil
		}
	case "add_argument_group":
		return starlark.NewBuiltin(name, g.p.addArgumentGroup(g)), nil
	case "title":
		return optValue(g.title), nil
	case "description":
		return optValue(g.description), nil
	case "required":
		return starlark.Bool(g.required), nil
	}
	return nil, nil
}

// AttrNames lists the methods.
func (g *argGroup) AttrNames() []string {
	if g.mutex {
		return []string{"add_argument", "add_argument_group", "required"}
	}
	return []string{"add_argument", "add_argument_group", "add_mutually_exclusive_group", "description", "title"}
}

// subparsers is the parsers of add_subparsers.
type subparsers struct {
	a       *action
	prog    string
	parsers *starlark.Dict // name -> *argumentParser
}

func (p *argumentParser) addSubparsers(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if p.hasSubparser {
		return nil, p.fail("cannot have multiple subparser arguments")
	}
	var title, description, prog, dest, help, metavar starlark.Value = nil, nil, starlark.None, starlark.None, starlark.None, starlark.None
	var required bool
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "title?", &title, "description?", &description, "prog?", &prog,
		"parser_class?", new(starlark.Value), "action?", new(starlark.Value), "dest?", &dest, "required?", &required,
		"help?", &help, "metavar?", &metavar); err != nil {
		return nil, err
	}
	if title != nil || description != nil {
		t := "subcommands"
		if title != nil && title != starlark.None {
			t = str(title)
		}
		var d *string
		if description != nil {
			d, _ = optString(description, "description")
		}
		p.subparsers = p.addGroup(&t, d)
	} else {
		p.subparsers = p.positionals
	}
	sp := &subparsers{parsers: starlark.NewDict(0)}
	if prog != starlark.None {
		sp.prog = str(prog)
	} else {
		f, err := p.newFormatter(thread)
		if err != nil {
			return nil, err
		}
		var pos []*action
		for _, a := range p.actions {
			if len(a.options) == 0 {
				pos = append(pos, a)
			}
		}
		sp.prog = strings.TrimSpace(f.usage(p, pos, ""))
	}
	a := &action{parser: p, kind: "parsers", nargs: nargsParser, dest: suppress, deflt: starlark.None, required: required, choices: sp.parsers, sub: sp}
	if dest != starlark.None {
		a.dest = str(dest)
	}
	if help != starlark.None {
		a.help, _ = optString(help, "help")
	}
	if metavar != starlark.None {
		a.metavar = metavar
	}
	sp.a = a
	if err := p.subparsers.add(a); err != nil {
		return nil, err
	}
	p.hasSubparser = true
	a.value = &actionValue{a}
	return a.value, nil
}

// addParser is add_parser(name, aliases=(), help=..., **ArgumentParser's).
func (sp *subparsers) addParser(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 {
		return nil, typeError("add_parser() takes 1 positional argument (the name)")
	}
	name, ok := args[0].(starlark.String)
	if !ok {
		return nil, typeError("add_parser: got %s, want a name", args[0].Type())
	}
	var aliases []string
	var help *string
	var rest []starlark.Tuple
	hasHelp := false
	for _, kv := range kwargs {
		switch kv[0].(starlark.String) {
		case "aliases":
			it := starlark.Iterate(kv[1])
			if it == nil {
				return nil, typeError("add_parser: aliases: got %s, want a list", kv[1].Type())
			}
			var x starlark.Value
			for it.Next(&x) {
				aliases = append(aliases, str(x))
			}
			it.Done()
		case "help":
			hasHelp = true
			var err error
			if help, err = optString(kv[1], "help"); err != nil {
				return nil, err
			}
		default:
			rest = append(rest, kv)
		}
	}
	for _, n := range append([]string{string(name)}, aliases...) {
		if _, found, _ := sp.parsers.Get(starlark.String(n)); found {
			what := "subparser"
			if n != string(name) {
				what = "subparser alias"
			}
			return nil, pyerr.New("argparse.ArgumentError", "argument %s: conflicting %s: %s", sp.a.dest, what, n)
		}
	}
	if hasHelp {
		metavar := string(name)
		if len(aliases) > 0 {
			metavar += " (" + strings.Join(aliases, ", ") + ")"
		}
		sp.a.pseudo = append(sp.a.pseudo, &action{dest: string(name), metavar: starlark.String(metavar), help: help, nargs: nargsNone, deflt: starlark.None})
	}
	child, err := sp.a.parser.r.makeParser(thread, "add_parser", nil, rest, sp.prog+" "+string(name))
	if err != nil {
		return nil, err
	}
	sp.parsers.SetKey(name, child)
	for _, a := range aliases {
		sp.parsers.SetKey(starlark.String(a), child)
	}
	return child, nil
}
