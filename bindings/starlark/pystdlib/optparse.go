package pystdlib

import (
	"fmt"
	"io"
	"math/big"
	"path"
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/bindings/starlark/pyrun"
)

// optparse is Python's optparse module:
//
//	OptionParser(usage=None, option_list=None, version=None, description=None, add_help_option=True, prog=None, epilog=None)
//	  .add_option(*opts, action, type, dest, default, nargs, const, choices, help, metavar)
//	  .add_option_group(title, description=None) or OptionGroup(parser, title, description)
//	  .parse_args(args=None) -> (options, args)
//	  .set_defaults(**kw), .set_usage(u), .error(msg), .exit(status, msg)
//	  .print_help(file=None), .format_help(), .print_usage(file=None), .get_usage(), .print_version()
//	make_option(...) / Option(...), Values, SUPPRESS_HELP, SUPPRESS_USAGE
//	OptParseError, OptionValueError, BadOptionError
//
// Help is Python's IndentedHelpFormatter for an 80-column terminal.

const optSuppressHelp = "SUPPRESSHELP"
const optSuppressUsage = "SUPPRESSUSAGE"

func (r *run) optparseModule() *starlarkstruct.Module {
	makeOption := starlark.NewBuiltin("optparse.make_option", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return &optionSpec{args: args, kwargs: kwargs}, nil
	})
	return &starlarkstruct.Module{Name: "optparse", Members: starlark.StringDict{
		"OptionParser":     starlark.NewBuiltin("optparse.OptionParser", r.newOptionParser),
		"OptionGroup":      starlark.NewBuiltin("optparse.OptionGroup", newOptionGroup),
		"make_option":      makeOption,
		"Option":           makeOption,
		"Values":           starlark.NewBuiltin("optparse.Values", newValues),
		"SUPPRESS_HELP":    starlark.String(optSuppressHelp),
		"SUPPRESS_USAGE":   starlark.String(optSuppressUsage),
		"OptParseError":    pyrun.NewClass("optparse.OptParseError"),
		"OptionError":      pyrun.NewClass("optparse.OptionError"),
		"OptionValueError": pyrun.NewClass("optparse.OptionValueError"),
		"BadOptionError":   pyrun.NewClass("optparse.BadOptionError"),
	}}
}

// optionSpec is make_option's result, for option_list and add_option.
type optionSpec struct {
	args   starlark.Tuple
	kwargs []starlark.Tuple
}

func (o *optionSpec) String() string        { return "<Option>" }
func (o *optionSpec) Type() string          { return "Option" }
func (o *optionSpec) Freeze()               {}
func (o *optionSpec) Truth() starlark.Bool  { return true }
func (o *optionSpec) Hash() (uint32, error) { return 0, typeError("unhashable type: 'Option'") }

// option is an optparse Option.
type option struct {
	shorts, longs []string
	action        string
	typ           string // "": takes no value
	dest          string
	deflt         starlark.Value // nil: NO_DEFAULT
	nargs         int
	konst         starlark.Value
	choices       []starlark.Value
	help          *string
	metavar       string
	callback      starlark.Value
}

func (o *option) String() string {
	return strings.Join(append(append([]string{}, o.shorts...), o.longs...), "/")
}

// optionParser is optparse.OptionParser.
type optionParser struct {
	r            *run
	prog         *string
	usage        *string
	version      string
	description  *string
	epilog       *string
	options      []*option
	groups       []*optionGroup
	shortMap     map[string]*option
	longMap      map[string]*option
	defaults     *starlark.Dict
	interspersed bool
}

// optionGroup is optparse.OptionGroup.
type optionGroup struct {
	p           *optionParser
	title       string
	description *string
	options     []*option
}

var (
	_ starlark.HasAttrs = (*optionParser)(nil)
	_ starlark.HasAttrs = (*optionGroup)(nil)
)

func (r *run) newOptionParser(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var usage, optionList, version, description, prog, epilog starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None, starlark.None, starlark.None
	addHelp := true
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "usage?", &usage, "option_list?", &optionList, "option_class?", new(starlark.Value),
		"version?", &version, "conflict_handler?", new(string), "description?", &description, "formatter?", new(starlark.Value),
		"add_help_option?", &addHelp, "prog?", &prog, "epilog?", &epilog); err != nil {
		return nil, err
	}
	p := &optionParser{r: r, shortMap: map[string]*option{}, longMap: map[string]*option{}, defaults: starlark.NewDict(8), interspersed: true}
	if err := p.setUsage(usage); err != nil {
		return nil, err
	}
	var err error
	if p.prog, err = optString(prog, "prog"); err != nil {
		return nil, err
	}
	if p.description, err = optString(description, "description"); err != nil {
		return nil, err
	}
	if p.epilog, err = optString(epilog, "epilog"); err != nil {
		return nil, err
	}
	if version != starlark.None {
		p.version = str(version)
	}
	if optionList != starlark.None {
		it := starlark.Iterate(optionList)
		if it == nil {
			return nil, typeError("%s: option_list: got %s, want a list of options", b.Name(), optionList.Type())
		}
		var x starlark.Value
		for it.Next(&x) {
			spec, ok := x.(*optionSpec)
			if !ok {
				it.Done()
				return nil, typeError("%s: option_list: got %s, want make_option(...)", b.Name(), x.Type())
			}
			if _, err := p.addOption(nil, spec.args, spec.kwargs); err != nil {
				it.Done()
				return nil, err
			}
		}
		it.Done()
	}
	if p.version != "" {
		if _, err := p.addOption(nil, starlark.Tuple{starlark.String("--version")}, []starlark.Tuple{
			{starlark.String("action"), starlark.String("version")},
			{starlark.String("help"), starlark.String("show program's version number and exit")}}); err != nil {
			return nil, err
		}
	}
	if addHelp {
		if _, err := p.addOption(nil, starlark.Tuple{starlark.String("-h"), starlark.String("--help")}, []starlark.Tuple{
			{starlark.String("action"), starlark.String("help")},
			{starlark.String("help"), starlark.String("show this help message and exit")}}); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (p *optionParser) setUsage(v starlark.Value) error {
	switch v := v.(type) {
	case starlark.NoneType:
		u := "%prog [options]"
		p.usage = &u
	case starlark.String:
		u := string(v)
		switch {
		case u == optSuppressUsage:
			p.usage = nil
		case strings.HasPrefix(strings.ToLower(u), "usage: "):
			u = u[7:]
			p.usage = &u
		default:
			p.usage = &u
		}
	default:
		return typeError("usage: got %s, want str", v.Type())
	}
	return nil
}

func (p *optionParser) progName() string {
	if p.prog != nil {
		return *p.prog
	}
	if len(p.r.o.Args) > 0 {
		return path.Base(p.r.o.Args[0])
	}
	return ""
}

func (p *optionParser) expandProg(s string) string {
	return strings.ReplaceAll(s, "%prog", p.progName())
}

var optTypes = map[string]string{"string": "string", "str": "string", "int": "int", "long": "int", "float": "float", "choice": "choice", "complex": "complex"}

// addOption is add_option(*opts, **attrs), in the group g or (nil) the
// parser.
func (p *optionParser) addOption(g *optionGroup, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 {
		if spec, ok := args[0].(*optionSpec); ok {
			args, kwargs = spec.args, spec.kwargs
		}
	}
	o := &option{action: "store", nargs: -1}
	for _, a := range args {
		s, ok := a.(starlark.String)
		if !ok {
			return nil, typeError("add_option: got %s, want option strings", a.Type())
		}
		opt := string(s)
		switch {
		case len(opt) < 2:
			return nil, pyerr.New("optparse.OptionError", "invalid option string %s: must be at least two characters long", ReprString(opt))
		case len(opt) == 2 && opt[0] == '-' && opt[1] != '-':
			o.shorts = append(o.shorts, opt)
		case strings.HasPrefix(opt, "--") && len(opt) > 2:
			o.longs = append(o.longs, opt)
		default:
			return nil, pyerr.New("optparse.OptionError", "invalid long option string %s: must start with --, followed by non-dash", ReprString(opt))
		}
	}
	var typeV starlark.Value
	for _, kv := range kwargs {
		v := kv[1]
		switch k := string(kv[0].(starlark.String)); k {
		case "action":
			o.action = str(v)
		case "type":
			typeV = v
		case "dest":
			if v != starlark.None {
				o.dest = str(v)
			}
		case "default":
			o.deflt = v
		case "nargs":
			n, err := starlark.AsInt32(v)
			if err != nil {
				return nil, typeError("nargs: %v", err)
			}
			o.nargs = n
		case "const":
			o.konst = v
		case "choices":
			it := starlark.Iterate(v)
			if it == nil {
				return nil, pyerr.New("optparse.OptionError", "choices must be a list of strings ('%s' supplied)", v.Type())
			}
			var x starlark.Value
			for it.Next(&x) {
				o.choices = append(o.choices, x)
			}
			it.Done()
		case "help":
			h, err := optString(v, "help")
			if err != nil {
				return nil, err
			}
			o.help = h
		case "metavar":
			if v != starlark.None {
				o.metavar = str(v)
			}
		case "callback":
			o.callback = v
		case "callback_args", "callback_kwargs":
		default:
			return nil, pyerr.New("optparse.OptionError", "invalid keyword arguments: %s", k)
		}
	}
	switch o.action {
	case "store", "store_const", "store_true", "store_false", "append", "append_const", "count", "help", "version", "callback":
	default:
		return nil, pyerr.New("optparse.OptionError", "option %s: invalid action: %s", o, ReprString(o.action))
	}
	if typeV != nil && typeV != starlark.None {
		name := str(typeV)
		if _, ok := typeV.(starlark.Callable); ok {
			name = callableName(typeV)
		}
		t, ok := optTypes[name]
		if !ok {
			return nil, pyerr.New("optparse.OptionError", "option %s: invalid option type: %s", o, ReprString(name))
		}
		o.typ = t
	} else if o.action == "store" || o.action == "append" {
		o.typ = "string"
		if o.choices != nil {
			o.typ = "choice"
		}
	}
	if o.nargs < 0 && o.typ != "" {
		o.nargs = 1
	}
	if o.dest == "" {
		switch o.action {
		case "store", "store_const", "store_true", "store_false", "append", "append_const", "count":
			if len(o.longs) > 0 {
				o.dest = strings.ReplaceAll(o.longs[0][2:], "-", "_")
			} else if len(o.shorts) > 0 {
				o.dest = o.shorts[0][1:]
			}
		}
		if o.typ != "" && o.dest == "" && len(o.longs)+len(o.shorts) > 0 {
			if len(o.longs) > 0 {
				o.dest = strings.ReplaceAll(o.longs[0][2:], "-", "_")
			} else {
				o.dest = o.shorts[0][1:]
			}
		}
	}
	for _, s := range o.shorts {
		if _, dup := p.shortMap[s]; dup {
			return nil, pyerr.New("optparse.OptionConflictError", "option %s: conflicting option string(s): %s", o, s)
		}
	}
	for _, s := range o.longs {
		if _, dup := p.longMap[s]; dup {
			return nil, pyerr.New("optparse.OptionConflictError", "option %s: conflicting option string(s): %s", o, s)
		}
	}
	for _, s := range o.shorts {
		p.shortMap[s] = o
	}
	for _, s := range o.longs {
		p.longMap[s] = o
	}
	if o.dest != "" {
		if o.deflt != nil {
			p.defaults.SetKey(starlark.String(o.dest), o.deflt)
		} else if _, found, _ := p.defaults.Get(starlark.String(o.dest)); !found {
			p.defaults.SetKey(starlark.String(o.dest), starlark.None)
		}
	}
	if g != nil {
		g.options = append(g.options, o)
	} else {
		p.options = append(p.options, o)
	}
	return starlark.None, nil
}

// Parser attributes.

func (p *optionParser) String() string        { return "<optparse.OptionParser object>" }
func (p *optionParser) Type() string          { return "OptionParser" }
func (p *optionParser) Freeze()               {}
func (p *optionParser) Truth() starlark.Bool  { return true }
func (p *optionParser) Hash() (uint32, error) { return 0, typeError("unhashable type: 'OptionParser'") }

var optionParserMethods = map[string]func(p *optionParser) builtin{
	"add_option": func(p *optionParser) builtin {
		return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return p.addOption(nil, args, kwargs)
		}
	},
	"add_options": func(p *optionParser) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var l starlark.Iterable
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &l); err != nil {
				return nil, err
			}
			it := l.Iterate()
			defer it.Done()
			var x starlark.Value
			for it.Next(&x) {
				if _, err := p.addOption(nil, starlark.Tuple{x}, nil); err != nil {
					return nil, err
				}
			}
			return starlark.None, nil
		}
	},
	"add_option_group": func(p *optionParser) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) == 1 {
				if g, ok := args[0].(*optionGroup); ok {
					p.groups = append(p.groups, g)
					return g, nil
				}
			}
			var title string
			var description starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "title", &title, "description?", &description); err != nil {
				return nil, err
			}
			d, err := optString(description, "description")
			if err != nil {
				return nil, err
			}
			g := &optionGroup{p: p, title: title, description: d}
			p.groups = append(p.groups, g)
			return g, nil
		}
	},
	"parse_args": func(p *optionParser) builtin { return p.parseArgs },
	"set_defaults": func(p *optionParser) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 {
				return nil, typeError("set_defaults() takes no positional arguments")
			}
			for _, kv := range kwargs {
				p.defaults.SetKey(kv[0], kv[1])
			}
			return starlark.None, nil
		}
	},
	"set_default": func(p *optionParser) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var dest string
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &dest, &v); err != nil {
				return nil, err
			}
			p.defaults.SetKey(starlark.String(dest), v)
			return starlark.None, nil
		}
	},
	"set_usage": func(p *optionParser) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var u starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &u); err != nil {
				return nil, err
			}
			return starlark.None, p.setUsage(u)
		}
	},
	"disable_interspersed_args": func(p *optionParser) builtin {
		return func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			p.interspersed = false
			return starlark.None, nil
		}
	},
	"enable_interspersed_args": func(p *optionParser) builtin {
		return func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			p.interspersed = true
			return starlark.None, nil
		}
	},
	"has_option": func(p *optionParser) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s string
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &s); err != nil {
				return nil, err
			}
			_, short := p.shortMap[s]
			_, long := p.longMap[s]
			return starlark.Bool(short || long), nil
		}
	},
	"error": func(p *optionParser) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var msg starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &msg); err != nil {
				return nil, err
			}
			return nil, p.fail(str(msg))
		}
	},
	"exit": func(p *optionParser) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			status := 0
			var msg starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "status?", &status, "msg?", &msg); err != nil {
				return nil, err
			}
			if msg != starlark.None && msg.Truth() {
				io.WriteString(p.r.o.Stderr, str(msg))
			}
			return nil, systemExit(status)
		}
	},
	"format_help": func(p *optionParser) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(p.formatHelp()), nil
		}
	},
	"print_help": func(p *optionParser) builtin {
		return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var file starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "file?", &file); err != nil {
				return nil, err
			}
			return starlark.None, write(thread, file, p.r.o.Stdout, p.formatHelp())
		}
	},
	"get_usage": func(p *optionParser) builtin {
		return func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(p.getUsage()), nil
		}
	},
	"print_usage": func(p *optionParser) builtin {
		return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var file starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "file?", &file); err != nil {
				return nil, err
			}
			if p.usage == nil {
				return starlark.None, nil
			}
			return starlark.None, write(thread, file, p.r.o.Stdout, p.getUsage()+"\n")
		}
	},
	"get_version": func(p *optionParser) builtin {
		return func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(p.expandProg(p.version)), nil
		}
	},
	"print_version": func(p *optionParser) builtin {
		return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var file starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "file?", &file); err != nil {
				return nil, err
			}
			if p.version == "" {
				return starlark.None, nil
			}
			return starlark.None, write(thread, file, p.r.o.Stdout, p.expandProg(p.version)+"\n")
		}
	},
	"get_prog_name": func(p *optionParser) builtin {
		return func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(p.progName()), nil
		}
	},
}

// Attr returns the parser's methods, and usage, description, epilog.
func (p *optionParser) Attr(name string) (starlark.Value, error) {
	if m, ok := optionParserMethods[name]; ok {
		return starlark.NewBuiltin(name, m(p)), nil
	}
	switch name {
	case "usage":
		return optValue(p.usage), nil
	case "description":
		return optValue(p.description), nil
	case "epilog":
		return optValue(p.epilog), nil
	case "version":
		return starlark.String(p.version), nil
	case "prog":
		return optValue(p.prog), nil
	case "defaults":
		return p.defaults, nil
	}
	return nil, nil
}

// AttrNames lists them.
func (p *optionParser) AttrNames() []string {
	return append(sortedKeys(optionParserMethods), "defaults", "description", "epilog", "prog", "usage", "version")
}

// SetField sets usage, description, epilog, version or prog.
func (p *optionParser) SetField(name string, v starlark.Value) error {
	var err error
	switch name {
	case "usage":
		err = p.setUsage(v)
	case "description":
		p.description, err = optString(v, name)
	case "epilog":
		p.epilog, err = optString(v, name)
	case "prog":
		p.prog, err = optString(v, name)
	case "version":
		p.version = str(v)
	default:
		return pyerr.New("AttributeError", "'OptionParser' object attribute '%s' cannot be set", name)
	}
	return err
}

func newOptionGroup(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p *optionParser
	var title string
	var description starlark.Value = starlark.None
	var pv starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "parser", &pv, "title", &title, "description?", &description); err != nil {
		return nil, err
	}
	p, ok := pv.(*optionParser)
	if !ok {
		return nil, typeError("%s: got %s, want an OptionParser", b.Name(), pv.Type())
	}
	d, err := optString(description, "description")
	if err != nil {
		return nil, err
	}
	return &optionGroup{p: p, title: title, description: d}, nil
}

func (g *optionGroup) String() string        { return "<optparse.OptionGroup object>" }
func (g *optionGroup) Type() string          { return "OptionGroup" }
func (g *optionGroup) Freeze()               {}
func (g *optionGroup) Truth() starlark.Bool  { return true }
func (g *optionGroup) Hash() (uint32, error) { return 0, typeError("unhashable type: 'OptionGroup'") }

// Attr returns add_option.
func (g *optionGroup) Attr(name string) (starlark.Value, error) {
	if name == "add_option" {
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return g.p.addOption(g, args, kwargs)
		}), nil
	}
	return nil, nil
}

// AttrNames lists add_option.
func (g *optionGroup) AttrNames() []string { return []string{"add_option"} }

// Help: IndentedHelpFormatter.

func (p *optionParser) getUsage() string {
	if p.usage == nil || *p.usage == "" {
		return ""
	}
	return "Usage: " + p.expandProg(*p.usage) + "\n"
}

func (o *option) strings() string {
	var opts []string
	if o.typ != "" {
		mv := o.metavar
		if mv == "" {
			mv = strings.ToUpper(o.dest)
		}
		for _, s := range o.shorts {
			opts = append(opts, s+" "+mv)
		}
		for _, s := range o.longs {
			opts = append(opts, s+"="+mv)
		}
	} else {
		opts = append(append(opts, o.shorts...), o.longs...)
	}
	return strings.Join(opts, ", ")
}

type optFormatter struct {
	p                 *optionParser
	indent, width     int
	helpPos, helpWide int
}

func (f *optFormatter) text(s string) string {
	w := newWrapper(max(f.width-f.indent, 11))
	w.initial = strings.Repeat(" ", f.indent)
	w.subsequent = w.initial
	return strings.Join(w.wrap(s), "\n")
}

func (f *optFormatter) option(o *option) string {
	var b strings.Builder
	opts := o.strings()
	optWidth := f.helpPos - f.indent - 2
	indentFirst := 0
	if rlen(opts) > optWidth {
		b.WriteString(strings.Repeat(" ", f.indent) + opts + "\n")
		indentFirst = f.helpPos
	} else {
		b.WriteString(strings.Repeat(" ", f.indent) + opts + strings.Repeat(" ", optWidth-rlen(opts)) + "  ")
	}
	if o.help != nil && *o.help != "" {
		help := *o.help
		if strings.Contains(help, "%default") {
			d, _, _ := f.p.defaults.Get(starlark.String(o.dest))
			shown := "none"
			if d != nil && d != starlark.None {
				shown = str(d)
			}
			help = strings.ReplaceAll(help, "%default", shown)
		}
		lines := newWrapper(f.helpWide).wrap(help)
		if len(lines) == 0 {
			lines = []string{""}
		}
		b.WriteString(strings.Repeat(" ", indentFirst) + lines[0] + "\n")
		for _, l := range lines[1:] {
			b.WriteString(strings.Repeat(" ", f.helpPos) + l + "\n")
		}
	} else if !strings.HasSuffix(b.String(), "\n") {
		b.WriteString("\n")
	}
	return b.String()
}

func (f *optFormatter) options(opts []*option) string {
	var b strings.Builder
	for _, o := range opts {
		if o.help != nil && *o.help == optSuppressHelp {
			continue
		}
		b.WriteString(f.option(o))
	}
	return b.String()
}

func (p *optionParser) formatHelp() string {
	f := &optFormatter{p: p, width: defaultWidth}
	maxHelp := min(24, max(f.width-20, 4))
	maxLen := 0
	for _, o := range p.options {
		maxLen = max(maxLen, rlen(o.strings())+2)
	}
	for _, g := range p.groups {
		for _, o := range g.options {
			maxLen = max(maxLen, rlen(o.strings())+4)
		}
	}
	f.helpPos = min(maxLen+2, maxHelp)
	f.helpWide = max(f.width-f.helpPos, 11)
	var b strings.Builder
	if p.usage != nil && *p.usage != "" {
		b.WriteString(p.getUsage() + "\n")
	}
	if p.description != nil && *p.description != "" {
		b.WriteString(f.text(p.expandProg(*p.description)) + "\n\n")
	}
	parts := []string{"Options:\n"}
	f.indent += 2
	if len(p.options) > 0 {
		parts = append(parts, f.options(p.options), "\n")
	}
	for _, g := range p.groups {
		s := strings.Repeat(" ", f.indent) + g.title + ":\n"
		f.indent += 2
		var items []string
		if g.description != nil && *g.description != "" {
			items = append(items, f.text(*g.description)+"\n")
		}
		if len(g.options) > 0 {
			items = append(items, f.options(g.options))
		}
		s += strings.Join(items, "\n")
		f.indent -= 2
		parts = append(parts, s, "\n")
	}
	f.indent -= 2
	b.WriteString(strings.Join(parts[:len(parts)-1], ""))
	if p.epilog != nil && *p.epilog != "" {
		b.WriteString("\n" + f.text(*p.epilog) + "\n")
	}
	return b.String()
}

// fail is parser.error(msg): usage and the message on stderr, exit 2.
func (p *optionParser) fail(msg string) error {
	if p.usage != nil && *p.usage != "" {
		io.WriteString(p.r.o.Stderr, p.getUsage()+"\n")
	}
	io.WriteString(p.r.o.Stderr, fmt.Sprintf("%s: error: %s\n", p.progName(), msg))
	return systemExit(2)
}

// Parsing.

func (p *optionParser) allOptions() []*option {
	all := append([]*option{}, p.options...)
	for _, g := range p.groups {
		all = append(all, g.options...)
	}
	return all
}

func (p *optionParser) parseArgs(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var argsV, valuesV starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "args?", &argsV, "values?", &valuesV); err != nil {
		return nil, err
	}
	var rargs []string
	if argsV == starlark.None {
		if len(p.r.o.Args) > 1 {
			rargs = append(rargs, p.r.o.Args[1:]...)
		}
	} else {
		it := starlark.Iterate(argsV)
		if it == nil {
			return nil, typeError("%s: args: got %s, want a list of strings", b.Name(), argsV.Type())
		}
		var x starlark.Value
		for it.Next(&x) {
			rargs = append(rargs, str(x))
		}
		it.Done()
	}
	if err := steps(thread, len(rargs)*(1+len(p.shortMap)+len(p.longMap))); err != nil {
		return nil, err
	}
	values := newValuesNs()
	if v, ok := valuesV.(*Namespace); ok {
		values = v
	} else {
		for _, kv := range p.defaults.Items() {
			v := kv[1]
			if s, ok := v.(starlark.String); ok {
				for _, o := range p.allOptions() {
					if o.dest == string(kv[0].(starlark.String)) && o.typ != "" {
						conv, err := o.check(o.String(), string(s))
						if err == nil {
							v = conv
						}
						break
					}
				}
			}
			values.dict.SetKey(kv[0], v)
		}
	}
	var largs []string
	for len(rargs) > 0 {
		arg := rargs[0]
		var err error
		switch {
		case arg == "--":
			rargs = rargs[1:]
			goto done
		case strings.HasPrefix(arg, "--"):
			rargs, err = p.longOpt(thread, rargs, values)
		case strings.HasPrefix(arg, "-") && len(arg) > 1:
			rargs, err = p.shortOpts(thread, rargs, values)
		case p.interspersed:
			largs = append(largs, arg)
			rargs = rargs[1:]
		default:
			goto done
		}
		if err != nil {
			if pe, ok := pyerr.As(err); ok && strings.HasPrefix(pe.Class, "optparse.") {
				return nil, p.fail(pe.Msg)
			}
			return nil, err
		}
	}
done:
	rest := make([]starlark.Value, 0, len(largs)+len(rargs))
	for _, a := range append(largs, rargs...) {
		rest = append(rest, starlark.String(a))
	}
	return starlark.Tuple{values, starlark.NewList(rest)}, nil
}

func (p *optionParser) takeValues(o *option, opt string, rargs []string) (starlark.Value, []string, error) {
	if len(rargs) < o.nargs {
		what := "argument"
		if o.nargs != 1 {
			what = "arguments"
		}
		return nil, nil, p.fail(fmt.Sprintf("%s option requires %d %s", opt, o.nargs, what))
	}
	if o.nargs == 1 {
		v, err := o.check(opt, rargs[0])
		return v, rargs[1:], err
	}
	t := make(starlark.Tuple, o.nargs)
	for i := range t {
		v, err := o.check(opt, rargs[i])
		if err != nil {
			return nil, nil, err
		}
		t[i] = v
	}
	return t, rargs[o.nargs:], nil
}

func (p *optionParser) longOpt(thread *starlark.Thread, rargs []string, values *Namespace) ([]string, error) {
	arg := rargs[0]
	rargs = rargs[1:]
	opt := arg
	explicit := false
	if i := strings.IndexByte(arg, '='); i >= 0 {
		opt = arg[:i]
		rargs = append([]string{arg[i+1:]}, rargs...)
		explicit = true
	}
	if _, ok := p.longMap[opt]; !ok {
		var poss []string
		for k := range p.longMap {
			if strings.HasPrefix(k, opt) {
				poss = append(poss, k)
			}
		}
		switch len(poss) {
		case 0:
			return nil, pyerr.New("optparse.BadOptionError", "no such option: %s", opt)
		case 1:
			opt = poss[0]
		default:
			sort.Strings(poss)
			return nil, pyerr.New("optparse.AmbiguousOptionError", "ambiguous option: %s (%s?)", opt, strings.Join(poss, ", "))
		}
	}
	o := p.longMap[opt]
	var value starlark.Value = starlark.None
	if o.typ != "" {
		var err error
		if value, rargs, err = p.takeValues(o, opt, rargs); err != nil {
			return nil, err
		}
	} else if explicit {
		return nil, p.fail(opt + " option does not take a value")
	}
	return rargs, p.process(thread, o, opt, value, values)
}

func (p *optionParser) shortOpts(thread *starlark.Thread, rargs []string, values *Namespace) ([]string, error) {
	arg := rargs[0]
	rargs = rargs[1:]
	for i := 1; i < len(arg); i++ {
		opt := "-" + arg[i:i+1]
		o, ok := p.shortMap[opt]
		if !ok {
			return nil, pyerr.New("optparse.BadOptionError", "no such option: %s", opt)
		}
		var value starlark.Value = starlark.None
		stop := false
		if o.typ != "" {
			if i+1 < len(arg) {
				rargs = append([]string{arg[i+1:]}, rargs...)
				stop = true
			}
			var err error
			if value, rargs, err = p.takeValues(o, opt, rargs); err != nil {
				return nil, err
			}
		}
		if err := p.process(thread, o, opt, value, values); err != nil {
			return nil, err
		}
		if stop {
			break
		}
	}
	return rargs, nil
}

// check is Option.check_value: s converted to the option's type.
func (o *option) check(opt, s string) (starlark.Value, error) {
	switch o.typ {
	case "int":
		v, ok := optParseInt(s)
		if !ok {
			return nil, pyerr.New("optparse.OptionValueError", "option %s: invalid integer value: %s", opt, ReprString(s))
		}
		return v, nil
	case "float":
		v, err := parseFloat(s)
		if err != nil {
			return nil, pyerr.New("optparse.OptionValueError", "option %s: invalid floating-point value: %s", opt, ReprString(s))
		}
		return v, nil
	case "choice":
		for _, c := range o.choices {
			if eq, _ := starlark.Equal(c, starlark.String(s)); eq {
				return starlark.String(s), nil
			}
		}
		var parts []string
		for _, c := range o.choices {
			parts = append(parts, Repr(c))
		}
		return nil, pyerr.New("optparse.OptionValueError", "option %s: invalid choice: %s (choose from %s)", opt, ReprString(s), strings.Join(parts, ", "))
	}
	return starlark.String(s), nil
}

// optParseInt is optparse's _parse_int: 0x hexadecimal, 0b binary, a
// leading 0 octal, else decimal.
func optParseInt(s string) (starlark.Value, bool) {
	base := 10
	t := s
	switch low := strings.ToLower(s); {
	case strings.HasPrefix(low, "0x"):
		base, t = 16, s[2:]
	case strings.HasPrefix(low, "0b"):
		base, t = 2, s[2:]
		if t == "" {
			t = "0"
		}
	case strings.HasPrefix(s, "0"):
		base = 8
	}
	t = strings.TrimFunc(t, pySpace)
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimLeft(t, "+-")
	if t == "" || strings.Contains(t, "_") || len(t) > 4300 {
		return nil, false
	}
	n, ok := new(big.Int).SetString(t, base)
	if !ok {
		return nil, false
	}
	if neg {
		n.Neg(n)
	}
	return starlark.MakeBigInt(n), true
}

// process is Option.take_action.
func (p *optionParser) process(thread *starlark.Thread, o *option, opt string, value starlark.Value, values *Namespace) error {
	dest := starlark.String(o.dest)
	get := func(def starlark.Value) starlark.Value {
		v, found, _ := values.dict.Get(dest)
		if !found || v == starlark.None {
			return def
		}
		return v
	}
	switch o.action {
	case "store":
		values.dict.SetKey(dest, value)
	case "store_const":
		values.dict.SetKey(dest, orNone(o.konst))
	case "store_true":
		values.dict.SetKey(dest, starlark.True)
	case "store_false":
		values.dict.SetKey(dest, starlark.False)
	case "append", "append_const":
		l, ok := get(nil).(*starlark.List)
		if !ok {
			l = starlark.NewList(nil)
			values.dict.SetKey(dest, l)
		}
		if o.action == "append" {
			return l.Append(value)
		}
		return l.Append(orNone(o.konst))
	case "count":
		n, err := starlark.Binary(syntax.PLUS, get(starlark.MakeInt(0)), starlark.MakeInt(1))
		if err != nil {
			return err
		}
		values.dict.SetKey(dest, n)
	case "help":
		io.WriteString(p.r.o.Stdout, p.formatHelp())
		return systemExit(0)
	case "version":
		if p.version != "" {
			io.WriteString(p.r.o.Stdout, p.expandProg(p.version)+"\n")
		}
		return systemExit(0)
	case "callback":
		if o.callback == nil {
			return pyerr.New("optparse.OptionError", "option %s: callback not callable: None", o)
		}
		_, err := starlark.Call(thread, o.callback, starlark.Tuple{starlark.None, starlark.String(opt), value, p}, nil)
		return err
	}
	return nil
}

func orNone(v starlark.Value) starlark.Value {
	if v == nil {
		return starlark.None
	}
	return v
}

// Values: what parse_args returns, printed as Python's str of its dict.

func newValuesNs() *Namespace { return &Namespace{dict: starlark.NewDict(8), values: true} }

func newValues(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var defaults starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "defaults?", &defaults); err != nil {
		return nil, err
	}
	v := newValuesNs()
	if d, ok := defaults.(*starlark.Dict); ok {
		for _, kv := range d.Items() {
			v.dict.SetKey(kv[0], kv[1])
		}
	}
	return v, nil
}
