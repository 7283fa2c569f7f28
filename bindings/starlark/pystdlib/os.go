package pystdlib

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/host"
)

// os is the part of Python's os module that does not reach the host:
//
//	sep, altsep, linesep, name, curdir, pardir, extsep, pathsep, devnull, getpid()
//	path: join, basename, dirname, split, splitext, normpath, isabs, commonprefix,
//	      exists, isfile, getsize (through the session's file policy), sep
//
// Everything else scripts reach the host with (environ, getenv, system,
// popen, listdir, walk, remove, getcwd, path.abspath of a relative path,
// path.expanduser...) is present and ends the script with a policy
// refusal that says why: scripts do not see the environment, run
// programs, or touch the file system but to read what the policy allows.
func (r *run) osModule() (*starlarkstruct.Module, *starlarkstruct.Module) {
	pathMod := module("os.path", map[string]builtin{
		"join":     osPathJoin,
		"basename": strFunc(func(p string) starlark.Value { return starlark.String(p[strings.LastIndexByte(p, '/')+1:]) }),
		"dirname":  strFunc(func(p string) starlark.Value { return starlark.String(dirname(p)) }),
		"split": strFunc(func(p string) starlark.Value {
			return starlark.Tuple{starlark.String(dirname(p)), starlark.String(p[strings.LastIndexByte(p, '/')+1:])}
		}),
		"splitext":     strFunc(splitext),
		"normpath":     strFunc(func(p string) starlark.Value { return starlark.String(normpath(p)) }),
		"isabs":        strFunc(func(p string) starlark.Value { return starlark.Bool(strings.HasPrefix(p, "/")) }),
		"commonprefix": commonprefix,
		"abspath": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var p string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "path", &p); err != nil {
				return nil, err
			}
			if !strings.HasPrefix(p, "/") {
				return nil, &host.PolicyError{Op: b.Name(), Reason: "scripts do not see the working directory: name the file by its absolute path"}
			}
			return starlark.String(normpath(p)), nil
		},
		"exists":  r.probe(false),
		"isfile":  r.probe(true),
		"getsize": r.getsize,
	}, starlark.StringDict{"sep": starlark.String("/")})
	for name, why := range map[string]string{
		"isdir": "scripts do not list or probe directories", "islink": "scripts do not probe the file system",
		"lexists": "scripts do not probe the file system", "getmtime": "scripts do not read file times",
		"getatime": "scripts do not read file times", "getctime": "scripts do not read file times",
		"expanduser": "scripts do not see the environment (HOME)", "expandvars": "scripts do not see the environment",
		"realpath": "scripts do not probe the file system", "samefile": "scripts do not probe the file system",
	} {
		pathMod.Members[name] = refused("os.path."+name, why)
	}
	osMod := module("os", map[string]builtin{
		"getpid": func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.MakeInt(os.Getpid()), nil
		},
	}, starlark.StringDict{
		"path": pathMod, "sep": starlark.String("/"), "altsep": starlark.None, "linesep": starlark.String("\n"),
		"name": starlark.String("posix"), "curdir": starlark.String("."), "pardir": starlark.String(".."),
		"extsep": starlark.String("."), "pathsep": starlark.String(":"), "devnull": starlark.String("/dev/null"),
		"environ": &refusedValue{name: "os.environ", why: "scripts do not see the environment"},
	})
	env := "scripts do not see the environment"
	proc := "scripts do not run programs or signal processes"
	files := "scripts only read files, with open() under the session's policy"
	ids := "scripts do not see who runs them"
	for name, why := range map[string]string{
		"getenv": env, "putenv": env, "unsetenv": env, "getenvb": env,
		"system": proc, "popen": proc, "spawnl": proc, "spawnv": proc, "execl": proc, "execv": proc, "execvp": proc,
		"execlp": proc, "fork": proc, "kill": proc, "killpg": proc, "_exit": "use sys.exit", "abort": "use sys.exit", "nice": proc,
		"listdir": files, "scandir": files, "walk": files, "remove": files, "unlink": files, "rmdir": files,
		"mkdir": files, "makedirs": files, "rename": files, "replace": files, "chmod": files, "chown": files,
		"symlink": files, "link": files, "stat": files, "lstat": files, "access": files, "open": files,
		"truncate": files, "utime": files, "chdir": "scripts do not change the working directory",
		"getcwd": "scripts do not see the working directory", "getuid": ids, "geteuid": ids, "getgid": ids,
		"getegid": ids, "getlogin": ids, "getppid": ids, "uname": "scripts do not see the host's identity",
		"urandom": "scripts have no source of randomness", "cpu_count": "scripts do not see the host's hardware",
	} {
		osMod.Members[name] = refused("os."+name, why)
	}
	return osMod, pathMod
}

// refusedValue is a host value scripts do not see (os.environ): every
// use of it is refused.
type refusedValue struct{ name, why string }

var (
	_ starlark.HasAttrs = (*refusedValue)(nil)
	_ starlark.Mapping  = (*refusedValue)(nil)
	_ starlark.Iterable = (*refusedValue)(nil)
)

func (v *refusedValue) err() error {
	return &host.PolicyError{Op: v.name, Reason: v.why + " (see " + portingHost + ")"}
}
func (v *refusedValue) String() string        { return "<" + v.name + ": " + v.why + ">" }
func (v *refusedValue) Type() string          { return "refused" }
func (v *refusedValue) Freeze()               {}
func (v *refusedValue) Truth() starlark.Bool  { return true }
func (v *refusedValue) Hash() (uint32, error) { return 0, v.err() }

// Attr refuses every method (get, items, ...).
func (v *refusedValue) Attr(name string) (starlark.Value, error) {
	return refused(v.name+"."+name, v.why), nil
}

// AttrNames lists the methods scripts use, all refused.
func (v *refusedValue) AttrNames() []string {
	return []string{"copy", "get", "items", "keys", "values"}
}

// Get refuses v[k].
func (v *refusedValue) Get(starlark.Value) (starlark.Value, bool, error) { return nil, false, v.err() }

// Iterate is refused: a loop over it gets nothing, and the next use fails.
func (v *refusedValue) Iterate() starlark.Iterator { return &refusedIter{v} }

type refusedIter struct{ v *refusedValue }

func (it *refusedIter) Next(*starlark.Value) bool { return false }
func (it *refusedIter) Done()                     {}

func strFunc(f func(string) starlark.Value) builtin {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var p string
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "p", &p); err != nil {
			return nil, err
		}
		return f(p), nil
	}
}

// dirname is posixpath.dirname: the head, without its trailing slashes
// unless it is all slashes.
func dirname(p string) string {
	head := p[:strings.LastIndexByte(p, '/')+1]
	if trimmed := strings.TrimRight(head, "/"); trimmed != "" {
		return trimmed
	}
	return head
}

// splitext is posixpath.splitext.
func splitext(p string) starlark.Value {
	base := p[strings.LastIndexByte(p, '/')+1:]
	dot := strings.LastIndexByte(base, '.')
	lead := len(base) - len(strings.TrimLeft(base, "."))
	if dot <= lead-1 || dot < lead {
		return starlark.Tuple{starlark.String(p), starlark.String("")}
	}
	cut := len(p) - len(base) + dot
	return starlark.Tuple{starlark.String(p[:cut]), starlark.String(p[cut:])}
}

// normpath is posixpath.normpath: Python keeps two leading slashes.
func normpath(p string) string {
	if p == "" {
		return "."
	}
	n := path.Clean(p)
	if strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "///") {
		n = "/" + n
	}
	return n
}

func osPathJoin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 || len(args) == 0 {
		return nil, typeError("join() missing 1 required positional argument: 'a'")
	}
	var out string
	for i, a := range args {
		s, ok := a.(starlark.String)
		if !ok {
			return nil, typeError("join() argument must be str, bytes, or os.PathLike object, not '%s'", a.Type())
		}
		p := string(s)
		switch {
		case i == 0:
			out = p
		case strings.HasPrefix(p, "/"):
			out = p
		case out == "" || strings.HasSuffix(out, "/"):
			out += p
		default:
			out += "/" + p
		}
	}
	if err := alloc(thread, len(out), b.Name(), "a string"); err != nil {
		return nil, err
	}
	return starlark.String(out), nil
}

func commonprefix(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var l starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "m", &l); err != nil {
		return nil, err
	}
	xs, err := stringList(b.Name(), l)
	if err != nil {
		return nil, err
	}
	if len(xs) == 0 {
		return starlark.String(""), nil
	}
	p := xs[0]
	for _, x := range xs[1:] {
		n := 0
		for n < len(p) && n < len(x) && p[n] == x[n] {
			n++
		}
		p = p[:n]
	}
	return starlark.String(p), nil
}

// probe is os.path.exists (files only) and isfile, through the session's
// reader: false for a file that is not there, the refusal for one outside
// the policy.
func (r *run) probe(fileOnly bool) builtin {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var p string
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "path", &p); err != nil {
			return nil, err
		}
		if r.o.ReadFile == nil {
			return nil, &host.PolicyError{Op: b.Name(), Reason: "this run reads no files"}
		}
		data, err := r.o.ReadFile(p)
		switch {
		case err == nil:
			return starlark.True, alloc(thread, len(data), b.Name(), "a string")
		case errors.Is(err, fs.ErrNotExist):
			return starlark.False, nil
		case strings.Contains(err.Error(), "is a directory"):
			if fileOnly {
				return starlark.False, nil
			}
			return starlark.True, nil
		}
		return nil, err
	}
}

func (r *run) getsize(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p string
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "path", &p); err != nil {
		return nil, err
	}
	if r.o.ReadFile == nil {
		return nil, &host.PolicyError{Op: b.Name(), Reason: "this run reads no files"}
	}
	data, err := r.o.ReadFile(p)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(len(data)), nil
}
