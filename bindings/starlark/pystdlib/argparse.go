package pystdlib

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/bindings/starlark/pyrun"
)

// argparse is Python's argparse module, as libvirt scripts use it:
//
//	ArgumentParser(prog=None, usage=None, description=None, epilog=None, parents=[],
//	    formatter_class=HelpFormatter, prefix_chars="-", argument_default=None,
//	    add_help=True, allow_abbrev=True, exit_on_error=True)
//	  .add_argument(*names, action, nargs, const, default, type, choices, required, help, metavar, dest, version)
//	  .add_argument_group(title, description), .add_mutually_exclusive_group(required=False)
//	  .add_subparsers(title, description, prog, dest, required, help, metavar) -> .add_parser(name, aliases, help, ...)
//	  .set_defaults(**kw), .get_default(dest)
//	  .parse_args(args=None, namespace=None), .parse_known_args(...)
//	  .format_help(), .format_usage(), .print_help(file=None), .print_usage(file=None)
//	  .error(message), .exit(status=0, message=None)
//	Namespace(**kw)    what parse_args returns; vars(ns) is its dict (Namespace.Vars)
//	HelpFormatter, RawDescriptionHelpFormatter, RawTextHelpFormatter, ArgumentDefaultsHelpFormatter
//	BooleanOptionalAction, SUPPRESS, OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE, REMAINDER
//	ArgumentError, ArgumentTypeError
//
// Help and errors are Python's to the byte, for a terminal 80 columns wide
// (the environment's COLUMNS is not read); --help and usage errors end the
// script with SystemExit (status 0 and 2).

// suppress is argparse.SUPPRESS.
const suppress = "==SUPPRESS=="

// nargs values that are not a count.
const (
	nargsNone       = -1
	nargsOptional   = -2 // "?"
	nargsZeroOrMore = -3 // "*"
	nargsOneOrMore  = -4 // "+"
	nargsRemainder  = -5 // "..."
	nargsParser     = -6 // "A..."
	nargsSuppress   = -7
)

// formatter kinds.
const (
	fmtDefault = iota
	fmtRawDescription
	fmtRawText
	fmtArgumentDefaults
	fmtMetavarType
)

var formatterNames = []string{"HelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter", "ArgumentDefaultsHelpFormatter", "MetavarTypeHelpFormatter"}

// formatterClass is one of argparse's formatter classes; calling it, as a
// formatter_class=lambda prog: argparse.HelpFormatter(prog, max_help_position=40)
// does, gives a formatter with those settings.
type formatterClass struct{ kind int }

var _ starlark.Callable = formatterClass{}

func (c formatterClass) Name() string          { return formatterNames[c.kind] }
func (c formatterClass) String() string        { return "<class 'argparse." + c.Name() + "'>" }
func (c formatterClass) Type() string          { return "type" }
func (c formatterClass) Freeze()               {}
func (c formatterClass) Truth() starlark.Bool  { return true }
func (c formatterClass) Hash() (uint32, error) { return starlark.MakeInt(c.kind).Hash() }

// CallInternal makes a formatter: HelpFormatter(prog, indent_increment=2, max_help_position=24, width=None).
func (c formatterClass) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	f := &formatterConfig{kind: c.kind, indent: 2, maxHelp: 24, width: defaultWidth}
	var prog string
	var width starlark.Value = starlark.None
	if err := starlark.UnpackArgs("argparse."+c.Name(), args, kwargs, "prog", &prog, "indent_increment?", &f.indent, "max_help_position?", &f.maxHelp, "width?", &width); err != nil {
		return nil, err
	}
	if width != starlark.None {
		w, err := starlark.AsInt32(width)
		if err != nil {
			return nil, typeError("argparse.%s: width: %v", c.Name(), err)
		}
		f.width = w
	}
	return f, nil
}

// defaultWidth is the width argparse formats for: an 80-column terminal,
// less 2.
const defaultWidth = 78

// formatterConfig is a formatter made by calling a formatter class.
type formatterConfig struct {
	kind                   int
	indent, maxHelp, width int
}

func (f *formatterConfig) String() string {
	return "<argparse." + formatterNames[f.kind] + " object>"
}
func (f *formatterConfig) Type() string         { return formatterNames[f.kind] }
func (f *formatterConfig) Freeze()              {}
func (f *formatterConfig) Truth() starlark.Bool { return true }
func (f *formatterConfig) Hash() (uint32, error) {
	return 0, typeError("unhashable type: '%s'", f.Type())
}

// booleanOptional is argparse.BooleanOptionalAction.
type booleanOptional struct{}

func (booleanOptional) String() string        { return "<class 'argparse.BooleanOptionalAction'>" }
func (booleanOptional) Type() string          { return "type" }
func (booleanOptional) Freeze()               {}
func (booleanOptional) Truth() starlark.Bool  { return true }
func (booleanOptional) Hash() (uint32, error) { return 1, nil }

func (r *run) argparseModule() *starlarkstruct.Module {
	members := starlark.StringDict{
		"SUPPRESS":              starlark.String(suppress),
		"OPTIONAL":              starlark.String("?"),
		"ZERO_OR_MORE":          starlark.String("*"),
		"ONE_OR_MORE":           starlark.String("+"),
		"REMAINDER":             starlark.String("..."),
		"BooleanOptionalAction": booleanOptional{},
		"ArgumentError":         pyrun.NewClass("argparse.ArgumentError"),
		"ArgumentTypeError":     pyrun.NewClass("argparse.ArgumentTypeError"),
		"Namespace": starlark.NewBuiltin("argparse.Namespace", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 {
				return nil, typeError("Namespace.__init__() takes 1 positional argument but %d were given", len(args)+1)
			}
			ns := NewNamespace()
			for _, kv := range kwargs {
				ns.set(string(kv[0].(starlark.String)), kv[1])
			}
			return ns, nil
		}),
		"ArgumentParser": starlark.NewBuiltin("argparse.ArgumentParser", r.newArgumentParser),
		"FileType": starlark.NewBuiltin("argparse.FileType", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return nil, pyerr.New("OSError", "argparse.FileType: scripts do not open files from the command line; take the path (type=str) and read it with open()")
		}),
	}
	for i := range formatterNames {
		members[formatterNames[i]] = formatterClass{i}
	}
	return &starlarkstruct.Module{Name: "argparse", Members: members}
}

// action is one argument of a parser: an Action of Python's argparse.
type action struct {
	options  []string
	dest     string // suppress for none
	kind     string // store, store_const, store_true, store_false, append, append_const, count, help, version, parsers, extend, boolean
	nargs    int
	konst    starlark.Value
	deflt    starlark.Value // starlark.String(suppress) for SUPPRESS
	typ      starlark.Value // nil: none
	choices  starlark.Value // nil: none
	required bool
	help     *string // nil: None
	metavar  starlark.Value
	version  *string
	sub      *subparsers  // the parsers of a "parsers" action
	pseudo   []*action    // the subcommands shown under it in help
	value    *actionValue // what add_argument returned
	parser   *argumentParser
}

func (a *action) helpSuppressed() bool { return a.help != nil && *a.help == suppress }
func isSuppress(v starlark.Value) bool {
	s, ok := v.(starlark.String)
	return ok && string(s) == suppress
}

// name is _get_action_name: how errors name the argument.
func (a *action) name() (string, bool) {
	switch {
	case len(a.options) > 0:
		return strings.Join(a.options, "/"), true
	case a.metavar != nil && a.metavar != starlark.None && !isSuppress(a.metavar):
		return str(a.metavar), true
	case a.dest != suppress:
		return a.dest, true
	}
	return "", false
}

// argError is argparse.ArgumentError: parsing stops, and the parser's
// error() reports it.
type argError struct {
	a   *action
	msg string
}

func (e *argError) Error() string {
	if e.a != nil {
		if n, ok := e.a.name(); ok {
			return "argument " + n + ": " + e.msg
		}
	}
	return e.msg
}

// actionValue is the Action that add_argument returns: its settings, as
// attributes.
type actionValue struct{ a *action }

var _ starlark.HasSetField = (*actionValue)(nil)

func (v *actionValue) String() string        { return fmt.Sprintf("Action(dest=%s)", ReprString(v.a.dest)) }
func (v *actionValue) Type() string          { return "Action" }
func (v *actionValue) Freeze()               {}
func (v *actionValue) Truth() starlark.Bool  { return true }
func (v *actionValue) Hash() (uint32, error) { return 0, typeError("unhashable type: 'Action'") }

// Attr returns the action's settings, and add_parser for a subparsers
// action.
func (v *actionValue) Attr(name string) (starlark.Value, error) {
	a := v.a
	opt := func(x starlark.Value) starlark.Value {
		if x == nil {
			return starlark.None
		}
		return x
	}
	switch name {
	case "dest":
		return starlark.String(a.dest), nil
	case "option_strings":
		l := make([]starlark.Value, len(a.options))
		for i, o := range a.options {
			l[i] = starlark.String(o)
		}
		return starlark.NewList(l), nil
	case "default":
		return opt(a.deflt), nil
	case "const":
		return opt(a.konst), nil
	case "type":
		return opt(a.typ), nil
	case "choices":
		return opt(a.choices), nil
	case "metavar":
		return opt(a.metavar), nil
	case "required":
		return starlark.Bool(a.required), nil
	case "help":
		if a.help == nil {
			return starlark.None, nil
		}
		return starlark.String(*a.help), nil
	case "add_parser":
		if a.sub != nil {
			return starlark.NewBuiltin("add_parser", a.sub.addParser), nil
		}
	}
	return nil, nil
}

// AttrNames lists the settings.
func (v *actionValue) AttrNames() []string {
	names := []string{"choices", "const", "default", "dest", "help", "metavar", "option_strings", "required", "type"}
	if v.a.sub != nil {
		names = append([]string{"add_parser"}, names...)
	}
	return names
}

// SetField sets help, default, required, metavar or choices, as scripts
// adjust an action after adding it.
func (v *actionValue) SetField(name string, x starlark.Value) error {
	a := v.a
	switch name {
	case "help":
		if x == starlark.None {
			a.help = nil
			return nil
		}
		s, ok := x.(starlark.String)
		if !ok {
			return typeError("Action.help: got %s, want str or None", x.Type())
		}
		h := string(s)
		a.help = &h
	case "default":
		a.deflt = x
	case "required":
		a.required = bool(x.Truth())
	case "metavar":
		a.metavar = x
	case "choices":
		a.choices = x
	default:
		return pyerr.New("AttributeError", "'Action' object attribute '%s' cannot be set", name)
	}
	return nil
}
