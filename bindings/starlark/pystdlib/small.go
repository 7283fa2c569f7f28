package pystdlib

import (
	"math"
	"os"
	"strings"
	"unicode"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/bindings/starlark/budget"
	"github.com/vertscript/vertscript/host"
)

// Small modules: string's constants, socket.gethostname, shlex, copy.
//
//	string: ascii_letters, ascii_lowercase, ascii_uppercase, digits, hexdigits, octdigits,
//	        punctuation, printable, whitespace, capwords(s, sep=None)
//	socket: gethostname(), getfqdn(); the networking functions are refused
//	shlex:  split(s, comments=False, posix=True), quote(s), join(words)
//	copy:   copy(x), deepcopy(x)

func stringModule() *starlarkstruct.Module {
	lower, upper, digits := "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"
	punct := "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
	ws := " \t\n\r\x0b\x0c"
	return module("string", map[string]builtin{
		"capwords": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s string
			var sep starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "s", &s, "sep?", &sep); err != nil {
				return nil, err
			}
			if err := charge(thread, len(s), b.Name()); err != nil {
				return nil, err
			}
			var words []string
			joiner := " "
			if sep == starlark.None {
				words = strings.Fields(s)
			} else {
				joiner = str(sep)
				words = strings.Split(s, joiner)
			}
			for i, w := range words {
				r := []rune(strings.ToLower(w))
				if len(r) > 0 {
					r[0] = unicode.ToUpper(r[0])
				}
				words[i] = string(r)
			}
			return starlark.String(strings.Join(words, joiner)), nil
		},
	}, starlark.StringDict{
		"ascii_lowercase": starlark.String(lower), "ascii_uppercase": starlark.String(upper),
		"ascii_letters": starlark.String(lower + upper), "digits": starlark.String(digits),
		"hexdigits": starlark.String(digits + "abcdefABCDEF"), "octdigits": starlark.String("01234567"),
		"punctuation": starlark.String(punct), "whitespace": starlark.String(ws),
		"printable": starlark.String(digits + lower + upper + punct + ws),
	})
}

func socketModule() *starlarkstruct.Module {
	hostname := func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		h, err := os.Hostname()
		if err != nil {
			return nil, &host.PolicyError{Op: "socket.gethostname", Reason: err.Error()}
		}
		return starlark.String(h), nil
	}
	m := module("socket", map[string]builtin{"gethostname": hostname, "getfqdn": hostname}, nil)
	for _, name := range []string{"socket", "create_connection", "create_server", "gethostbyname", "gethostbyname_ex",
		"gethostbyaddr", "getaddrinfo", "getnameinfo", "socketpair", "fromfd"} {
		m.Members[name] = refused("socket."+name, "scripts do not open network connections or resolve names; libvirt connections go through libvirt.open")
	}
	return m
}

func shlexModule() *starlarkstruct.Module {
	return module("shlex", map[string]builtin{
		"split": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s string
			comments, posix := false, true
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "s", &s, "comments?", &comments, "posix?", &posix); err != nil {
				return nil, err
			}
			if err := charge(thread, 2*len(s), b.Name()); err != nil {
				return nil, err
			}
			words, err := shlexSplit(s, comments, posix)
			if err != nil {
				return nil, err
			}
			out := make([]starlark.Value, len(words))
			for i, w := range words {
				out[i] = starlark.String(w)
			}
			return starlark.NewList(out), nil
		},
		"quote": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "s", &s); err != nil {
				return nil, err
			}
			if err := charge(thread, 4*len(s), b.Name()); err != nil {
				return nil, err
			}
			return starlark.String(shlexQuote(s)), nil
		},
		"join": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var l starlark.Value
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "split_command", &l); err != nil {
				return nil, err
			}
			words, err := stringList(b.Name(), l)
			if err != nil {
				return nil, err
			}
			n := 0
			for i, w := range words {
				words[i] = shlexQuote(w)
				n += len(words[i]) + 1
			}
			if err := charge(thread, n, b.Name()); err != nil {
				return nil, err
			}
			return starlark.String(strings.Join(words, " ")), nil
		},
	}, nil)
}

func shlexQuote(s string) string {
	if s == "" {
		return "''"
	}
	safe := true
	for _, r := range s {
		if !(r < 128 && (r == '_' || r == '@' || r == '%' || r == '+' || r == '=' || r == ':' || r == ',' || r == '.' || r == '/' || r == '-' ||
			(r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9'))) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'"'"'`) + "'"
}

// shlexSplit is shlex.split in POSIX mode (and, with posix false, the
// same with quotes kept).
func shlexSplit(s string, comments, posix bool) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case comments && c == '#' && !inWord:
			for i < len(rs) && rs[i] != '\n' {
				i++
			}
		case c == '\\' && posix:
			if i+1 >= len(rs) {
				return nil, valueError("No escaped character")
			}
			i++
			cur.WriteRune(rs[i])
			inWord = true
		case c == '\'' || c == '"':
			inWord = true
			if !posix {
				cur.WriteRune(c)
			}
			j := i + 1
			for ; j < len(rs) && rs[j] != c; j++ {
				if c == '"' && posix && rs[j] == '\\' && j+1 < len(rs) && (rs[j+1] == '"' || rs[j+1] == '\\') {
					j++
				}
				cur.WriteRune(rs[j])
			}
			if j >= len(rs) {
				return nil, valueError("No closing quotation")
			}
			if !posix {
				cur.WriteRune(c)
			}
			i = j
		default:
			cur.WriteRune(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

func copyModule() *starlarkstruct.Module {
	return module("copy", map[string]builtin{
		"copy": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x starlark.Value
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "x", &x); err != nil {
				return nil, err
			}
			return copyValue(thread, x, false, 0, nil)
		},
		"deepcopy": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, memo starlark.Value
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "x", &x, "memo?", &memo); err != nil {
				return nil, err
			}
			return copyValue(thread, x, true, 0, map[starlark.Value]starlark.Value{})
		},
	}, starlark.StringDict{"Error": starlark.String("copy.Error")})
}

// copyValue copies lists, dicts, sets and namespaces (and, deep, what
// they hold), charging each element copied.
func copyValue(thread *starlark.Thread, x starlark.Value, deep bool, depth int, memo map[starlark.Value]starlark.Value) (starlark.Value, error) {
	if depth > host.MaxNesting {
		return nil, host.NestingError("copy.deepcopy", "a value")
	}
	elem := func(v starlark.Value) (starlark.Value, error) {
		if !deep {
			return v, nil
		}
		return copyValue(thread, v, true, depth+1, memo)
	}
	switch x.(type) {
	case *starlark.List, *starlark.Dict, *starlark.Set, *Namespace, *defaultDict:
		// Pointers: a value met twice is copied once.
		if c, ok := memo[x]; ok && memo != nil {
			return c, nil
		}
	}
	switch v := x.(type) {
	case *starlark.List:
		if err := charge(thread, v.Len()*16, "copy"); err != nil {
			return nil, err
		}
		out := starlark.NewList(nil)
		if memo != nil {
			memo[x] = out
		}
		for i := 0; i < v.Len(); i++ {
			e, err := elem(v.Index(i))
			if err != nil {
				return nil, err
			}
			out.Append(e)
		}
		return out, nil
	case starlark.Tuple:
		if !deep {
			return v, nil
		}
		out := make(starlark.Tuple, len(v))
		for i, e := range v {
			c, err := elem(e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case *starlark.Dict:
		out := starlark.NewDict(v.Len())
		if memo != nil {
			memo[x] = out
		}
		if err := copyDict(thread, v, out, elem); err != nil {
			return nil, err
		}
		return out, nil
	case *defaultDict:
		out := &defaultDict{Dict: starlark.NewDict(v.Len()), factory: v.factory, kind: v.kind}
		if memo != nil {
			memo[x] = out
		}
		if err := copyDict(thread, v.Dict, out.Dict, elem); err != nil {
			return nil, err
		}
		return out, nil
	case *starlark.Set:
		if err := charge(thread, v.Len()*16, "copy"); err != nil {
			return nil, err
		}
		out := starlark.NewSet(v.Len())
		it := v.Iterate()
		defer it.Done()
		var e starlark.Value
		for it.Next(&e) {
			out.Insert(e)
		}
		return out, nil
	case *Namespace:
		out := &Namespace{dict: starlark.NewDict(v.dict.Len()), values: v.values}
		if memo != nil {
			memo[x] = out
		}
		if err := copyDict(thread, v.dict, out.dict, elem); err != nil {
			return nil, err
		}
		return out, nil
	}
	return x, nil
}

func copyDict(thread *starlark.Thread, from, to *starlark.Dict, elem func(starlark.Value) (starlark.Value, error)) error {
	if err := charge(thread, from.Len()*32, "copy"); err != nil {
		return err
	}
	for _, kv := range from.Items() {
		v, err := elem(kv[1])
		if err != nil {
			return err
		}
		if err := to.SetKey(kv[0], v); err != nil {
			return err
		}
	}
	return nil
}

// SysExtras are the members of Python's sys that scripts read and the
// adapter's sys lacks: version, version_info, platform, maxsize,
// byteorder, hexversion. The adapter merges them into its sys module.
func SysExtras() starlark.StringDict {
	return starlark.StringDict{
		"version":      starlark.String("3.11.2 (vertscript)"),
		"version_info": starlark.Tuple{starlark.MakeInt(3), starlark.MakeInt(11), starlark.MakeInt(2), starlark.String("final"), starlark.MakeInt(0)},
		"hexversion":   starlark.MakeInt(0x30b02f0),
		"platform":     starlark.String("linux"),
		"maxsize":      starlark.MakeInt64(math.MaxInt64),
		"byteorder":    starlark.String("little"),
		"executable":   starlark.String(""),
	}
}

// limitedThread is a thread for calling a script's function from where
// the interpreter gives none (a defaultdict's factory on a missing key,
// inside d[k]): bounded, so that it cannot run unmetered.
func limitedThread(parent *starlark.Thread) *starlark.Thread {
	t := &starlark.Thread{Name: "callback"}
	t.SetMaxExecutionSteps(100000)
	if parent != nil {
		budget.Set(t, budget.Of(parent))
	}
	return t
}
