package pystdlib

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/bindings/starlark/pyrun"
)

// getopt is Python's getopt module:
//
//	getopt(args, shortopts, longopts=[])      -> (opts, args); stops at the first non-option
//	gnu_getopt(args, shortopts, longopts=[])  options and arguments intermixed
//	GetoptError (and its alias error)         the class of its errors
func getoptModule() *starlarkstruct.Module {
	class := pyrun.NewClass("getopt.GetoptError")
	return module("getopt", map[string]builtin{
		"getopt": func(t *starlark.Thread, b *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return getopt(t, b, a, kw, false)
		},
		"gnu_getopt": func(t *starlark.Thread, b *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return getopt(t, b, a, kw, true)
		},
	}, starlark.StringDict{"GetoptError": class, "error": class})
}

func getoptError(format string, args ...any) error {
	return pyerr.New("getopt.GetoptError", format, args...)
}

func stringList(name string, v starlark.Value) ([]string, error) {
	if s, ok := v.(starlark.String); ok {
		return []string{string(s)}, nil
	}
	it := starlark.Iterate(v)
	if it == nil {
		return nil, typeError("%s: got %s, want a list of strings", name, v.Type())
	}
	defer it.Done()
	var out []string
	var x starlark.Value
	for it.Next(&x) {
		s, ok := x.(starlark.String)
		if !ok {
			return nil, typeError("%s: got %s in the list, want strings", name, x.Type())
		}
		out = append(out, string(s))
	}
	return out, nil
}

func getopt(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, gnu bool) (starlark.Value, error) {
	var argsV, longV starlark.Value
	var shortopts string
	longV = starlark.NewList(nil)
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "args", &argsV, "shortopts", &shortopts, "longopts?", &longV); err != nil {
		return nil, err
	}
	argv, err := stringList(b.Name()+": args", argsV)
	if err != nil {
		return nil, err
	}
	longopts, err := stringList(b.Name()+": longopts", longV)
	if err != nil {
		return nil, err
	}
	if err := steps(thread, len(argv)*(1+len(longopts))); err != nil {
		return nil, err
	}
	allFirst := false
	if gnu && strings.HasPrefix(shortopts, "+") {
		shortopts, allFirst = shortopts[1:], true
	}
	var opts []starlark.Value
	var progArgs []string
	pair := func(o, v string) { opts = append(opts, starlark.Tuple{starlark.String(o), starlark.String(v)}) }
	for len(argv) > 0 {
		a := argv[0]
		switch {
		case a == "--":
			progArgs = append(progArgs, argv[1:]...)
			argv = nil
		case strings.HasPrefix(a, "--"):
			if argv, err = doLongs(pair, a[2:], longopts, argv[1:]); err != nil {
				return nil, err
			}
		case strings.HasPrefix(a, "-") && a != "-":
			if argv, err = doShorts(pair, a[1:], shortopts, argv[1:]); err != nil {
				return nil, err
			}
		case !gnu || allFirst:
			progArgs = append(progArgs, argv...)
			argv = nil
		default:
			progArgs = append(progArgs, a)
			argv = argv[1:]
		}
	}
	rest := make([]starlark.Value, len(progArgs))
	for i, a := range progArgs {
		rest[i] = starlark.String(a)
	}
	return starlark.Tuple{starlark.NewList(opts), starlark.NewList(rest)}, nil
}

func doLongs(pair func(o, v string), opt string, longopts, args []string) ([]string, error) {
	var optarg *string
	if i := strings.IndexByte(opt, '='); i >= 0 {
		v := opt[i+1:]
		opt, optarg = opt[:i], &v
	}
	var poss []string
	for _, o := range longopts {
		if strings.HasPrefix(o, opt) {
			poss = append(poss, o)
		}
	}
	hasArg := false
	switch {
	case len(poss) == 0:
		return nil, getoptError("option --%s not recognized", opt)
	case contains(poss, opt):
	case contains(poss, opt+"="):
		hasArg = true
	case len(poss) > 1:
		return nil, getoptError("option --%s not a unique prefix", opt)
	default:
		opt = poss[0]
		if strings.HasSuffix(opt, "=") {
			hasArg, opt = true, opt[:len(opt)-1]
		}
	}
	if hasArg {
		if optarg == nil {
			if len(args) == 0 {
				return nil, getoptError("option --%s requires argument", opt)
			}
			optarg, args = &args[0], args[1:]
		}
	} else if optarg != nil {
		return nil, getoptError("option --%s must not have an argument", opt)
	}
	v := ""
	if optarg != nil {
		v = *optarg
	}
	pair("--"+opt, v)
	return args, nil
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func doShorts(pair func(o, v string), optstring, shortopts string, args []string) ([]string, error) {
	for optstring != "" {
		r := []rune(optstring)
		opt := string(r[0])
		optstring = string(r[1:])
		i := strings.Index(shortopts, opt)
		if opt == ":" || i < 0 {
			return nil, getoptError("option -%s not recognized", opt)
		}
		optarg := ""
		if strings.HasPrefix(shortopts[i+len(opt):], ":") {
			if optstring == "" {
				if len(args) == 0 {
					return nil, getoptError("option -%s requires argument", opt)
				}
				optstring, args = args[0], args[1:]
			}
			optarg, optstring = optstring, ""
		}
		pair("-"+opt, optarg)
	}
	return args, nil
}
