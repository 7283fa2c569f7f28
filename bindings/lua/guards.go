package lua

import (
	"strings"
	"unsafe"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/pm"

	"github.com/vertscript/vertscript/host"
)

// guardAllocations replaces the library functions that can build a large string
// (or list of matches) in one call, which neither the heap poller nor the
// run's context can stop half-way, by forms that check the size of what
// they would build against MaxMemory first: string.rep, string.format,
// string.gsub, string.gmatch and table.concat; and the pattern functions
// (string.find, match, gmatch, gsub) by forms that refuse a pattern with
// more captures than Lua allows (see checkPattern). print checks too (see
// print), and so do chains of concatenations (see compile).
func (in *interp) guardAllocations(L *lua.LState) {
	str := L.GetGlobal(lua.StringLibName).(*lua.LTable)
	for name, guard := range map[string]func(*lua.LState, lua.LGFunction) int{
		"rep":    in.rep,
		"format": in.format,
		"gsub":   in.gsub,
		"gmatch": in.gmatch,
		"find":   in.find,
		"match":  in.match,
	} {
		f := str.RawGetString(name).(*lua.LFunction)
		orig := f.GFunction
		// The guard runs orig in its own frame, which must hold
		// orig's upvalues (gmatch's iterator).
		upvalues := make([]lua.LValue, len(f.Upvalues))
		for i, uv := range f.Upvalues {
			upvalues[i] = uv.Value()
		}
		str.RawSetString(name, L.NewClosure(func(L *lua.LState) int { return guard(L, orig) }, upvalues...))
	}
	tbl := L.GetGlobal(lua.TabLibName).(*lua.LTable)
	tbl.RawSetString("concat", L.NewFunction(in.tableConcat))
}

// rep is string.rep(s, n).
func (in *interp) rep(L *lua.LState, orig lua.LGFunction) int {
	s, n := L.CheckString(1), L.CheckInt(2)
	if n > 0 {
		in.alloc(L, host.SatMul(uint64(len(s)), uint64(n)), "string.rep", "a string")
	}
	return orig(L)
}

// tableConcat is table.concat(t [, sep [, i [, j]]]), as gopher-lua's,
// whose arguments it takes the same way, but built in one buffer of the
// size it checked: gopher-lua's pushes every element and separator on the
// data stack, and failed with "registry overflow" on a few thousand.
func (in *interp) tableConcat(L *lua.LState) int {
	tbl := L.CheckTable(1)
	sep := L.OptString(2, "")
	i := L.OptInt(3, 1)
	n := tbl.Len()
	j := L.OptInt(4, n)
	if L.GetTop() == 3 && (i > n || i < 1) {
		L.Push(lua.LString(""))
		return 1
	}
	i = max(min(i, n), 1)
	j = min(j, n)
	if i > j {
		L.Push(lua.LString(""))
		return 1
	}
	size := host.SatMul(uint64(j-i), uint64(len(sep)))
	for k := i; k <= j; k++ {
		v := tbl.RawGetInt(k)
		if !lua.LVCanConvToString(v) {
			L.RaiseError("invalid value (%s) at index %d in table for concat", v.Type().String(), k)
		}
		if s, ok := v.(lua.LString); ok {
			size = host.SatAdd(size, uint64(len(s)))
		} else {
			size = host.SatAdd(size, 24) // a number
		}
	}
	in.alloc(L, size, "table.concat", "a string")
	var b strings.Builder
	b.Grow(int(size))
	for k := i; k <= j; k++ {
		b.WriteString(lua.LVAsString(tbl.RawGetInt(k)))
		if k != j {
			b.WriteString(sep)
		}
	}
	L.Push(lua.LString(b.String()))
	return 1
}

// concat is a .. b .. c ..., as gopher-lua's concatenation: from right to
// left, runs of strings and numbers joined at once, __concat metamethods
// called for other operands, after a check of the strings' total length.
func (in *interp) concat(L *lua.LState) int {
	n := L.GetTop()
	parts := make([]string, n)
	size, all := uint64(0), true
	for i := range parts {
		v := L.Get(i + 1)
		if !lua.LVCanConvToString(v) {
			all = false
			continue
		}
		parts[i] = lua.LVAsString(v)
		size += uint64(len(parts[i]))
	}
	if size > host.SmallAlloc {
		in.alloc(L, size, "..", "a string")
	}
	if all {
		L.Push(lua.LString(strings.Join(parts, "")))
		return 1
	}
	rhs := L.Get(n)
	for i := n - 1; i >= 1; {
		lhs := L.Get(i)
		if lua.LVCanConvToString(lhs) && lua.LVCanConvToString(rhs) {
			// The run of strings and numbers that ends at i, then rhs.
			j := i
			for j > 1 && lua.LVCanConvToString(L.Get(j-1)) {
				j--
			}
			rhs = lua.LString(strings.Join(parts[j-1:i], "") + lua.LVAsString(rhs))
			i = j - 1
			continue
		}
		op := L.GetMetaField(lhs, "__concat")
		if op == lua.LNil {
			op = L.GetMetaField(rhs, "__concat")
		}
		if op.Type() != lua.LTFunction {
			L.RaiseError("cannot perform concat operation between %v and %v", lhs.Type().String(), rhs.Type().String())
		}
		L.Push(op)
		L.Push(lhs)
		L.Push(rhs)
		L.Call(2, 1)
		rhs = L.Get(-1)
		L.Pop(1)
		i--
	}
	L.Push(rhs)
	return 1
}

// format is string.format(fmt, ...). gopher-lua hands the format to Go's
// fmt, whose widths and precisions go up to a million: "%999999d" makes a
// megabyte from a few bytes, and "%[1]s" repeats an argument.
func (in *interp) format(L *lua.LState, orig lua.LGFunction) int {
	f := L.CheckString(1)
	args := make([]lua.LValue, 0, L.GetTop()-1)
	for i := 2; i <= L.GetTop(); i++ {
		args = append(args, L.Get(i))
	}
	in.alloc(L, formatSize(f, args), "string.format", "a string")
	return orig(L)
}

// fmtMax is the largest width or precision Go's fmt takes.
const fmtMax = 1_000_000

// formatSize bounds the length of fmt.Sprintf(f, args...) as gopher-lua
// calls it.
func formatSize(f string, args []lua.LValue) uint64 {
	size := uint64(len(f))
	next := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		if i < len(f) && f[i] == '%' {
			continue
		}
		extra, indexed := uint64(0), false
		num := func() {
			n := uint64(0)
			for i < len(f) && f[i] >= '0' && f[i] <= '9' {
				n = min(n*10+uint64(f[i]-'0'), fmtMax)
				i++
			}
			extra += n
		}
		for i < len(f) && strings.IndexByte("+-# 0", f[i]) >= 0 {
			i++
		}
		for i < len(f) && (f[i] == '[' || f[i] == '*' || f[i] == '.' || f[i] >= '0' && f[i] <= '9') {
			switch {
			case f[i] == '[':
				indexed = true
				for i < len(f) && f[i] != ']' {
					i++
				}
				i++
			case f[i] == '*', f[i] == '.':
				extra += 16 // %!(BADWIDTH)
				i++
			default:
				num()
			}
		}
		if i >= len(f) {
			break
		}
		verb := f[i]
		var arg uint64
		switch {
		case indexed:
			for _, a := range args {
				arg = max(arg, argSize(verb, a))
			}
		case next < len(args):
			arg = argSize(verb, args[next])
			next++
		}
		size = host.SatAdd(size, host.SatAdd(arg, extra+32))
	}
	return size
}

// argSize bounds what Go's fmt prints of a for verb, width and precision
// aside.
func argSize(verb byte, a lua.LValue) uint64 {
	s, ok := a.(lua.LString)
	if !ok {
		return 400 // a number in full (%f of 1e308), a table's address
	}
	n := uint64(len(s))
	switch verb {
	case 'q':
		return 4*n + 2
	case 'x', 'X':
		return 3 * n
	}
	return n + 32
}

// matchBytes is what a match costs gsub and gmatch, which find every
// match before they use any.
const matchBytes = 128

// maxCaptures is how many captures a pattern may have: Lua 5.1's
// LUA_MAXCAPTURES. gopher-lua has no such bound, and compiles nested
// captures by recursion: a pattern of a million '(' overflowed the Go
// stack, a fatal error.
const maxCaptures = 32

// checkPattern raises Lua's "too many captures" for a pattern, given to
// what, with more than maxCaptures captures, before gopher-lua compiles
// it.
func checkPattern(L *lua.LState, pat, what string) {
	if captures(pat) > maxCaptures {
		L.RaiseError("%s: too many captures (more than %d)", what, maxCaptures)
	}
}

// captures counts the captures of a Lua pattern: the '(' that are neither
// escaped by '%', nor the pair of a %b, nor inside a set ([...]).
func captures(pat string) int {
	n := 0
	for i := 0; i < len(pat); i++ {
		switch pat[i] {
		case '%':
			i++
			if i < len(pat) && pat[i] == 'b' {
				i += 2 // %bxy: x and y are the balanced pair
			}
		case '(':
			n++
		case '[':
			// A set: a ']' right after '[' or '[^' is a member.
			i++
			if i < len(pat) && pat[i] == '^' {
				i++
			}
			if i < len(pat) && pat[i] == ']' {
				i++
			}
			for ; i < len(pat) && pat[i] != ']'; i++ {
				if pat[i] == '%' {
					i++
				}
			}
		}
	}
	return n
}

// find is string.find(s, pattern [, init [, plain]]).
func (in *interp) find(L *lua.LState, orig lua.LGFunction) int {
	if !lua.LVAsBool(L.Get(4)) {
		checkPattern(L, L.CheckString(2), "string.find")
	}
	return orig(L)
}

// match is string.match(s, pattern [, init]).
func (in *interp) match(L *lua.LState, orig lua.LGFunction) int {
	checkPattern(L, L.CheckString(2), "string.match")
	return orig(L)
}

// gsub is string.gsub(s, pattern, repl [, n]).
func (in *interp) gsub(L *lua.LState, orig lua.LGFunction) int {
	s, pat := L.CheckString(1), L.CheckString(2)
	checkPattern(L, pat, "string.gsub")
	repl := L.Get(3)
	limit := L.OptInt(4, -1)
	if in.lim.MaxMemory > 0 {
		in.matches(L, s, pat, limit, repl, "string.gsub")
	}
	return orig(L)
}

// gmatch is string.gmatch(s, pattern).
func (in *interp) gmatch(L *lua.LState, orig lua.LGFunction) int {
	s, pat := L.CheckString(1), L.CheckString(2)
	checkPattern(L, pat, "string.gmatch")
	if in.lim.MaxMemory > 0 {
		in.matches(L, s, pat, -1, lua.LNil, "string.gmatch")
	}
	return orig(L)
}

// matches checks what gsub or gmatch would build: the list of all the
// matches of pat in s (at most limit, if not negative), and gsub's result
// with repl. It finds the matches a few thousand at a time, which is what
// it costs; a small subject and replacement pass without a look.
func (in *interp) matches(L *lua.LState, s, pat string, limit int, repl lua.LValue, what string) {
	most := uint64(len(s)) + 1
	if limit >= 0 {
		most = min(most, uint64(limit))
	}
	per := uint64(matchBytes)
	switch r := repl.(type) {
	case lua.LString:
		per = host.SatAdd(per, 2*host.SatAdd(uint64(len(r)), host.SatMul(uint64(strings.Count(string(r), "%")), uint64(len(s)))))
	case *lua.LTable:
		per = host.MaxEstimate
	}
	if host.SatMul(most, per) <= host.SmallAlloc {
		return
	}
	src := unsafe.Slice(unsafe.StringData(s), len(s)) // pm.Find only reads it
	const chunk = 4096
	count, size := uint64(0), uint64(len(s))
	for offset := 0; offset <= len(s); {
		k := chunk
		if limit >= 0 {
			k = min(k, limit-int(count))
		}
		if k <= 0 {
			break
		}
		found, err := pm.Find(pat, src, offset, k)
		if err != nil || len(found) == 0 {
			break // gsub reports the pattern's error
		}
		for _, m := range found {
			count++
			size = host.SatAdd(size, host.SatAdd(matchBytes, 2*replSize(s, m, repl)))
		}
		if size > in.lim.MaxMemory {
			size = host.MaxEstimate // counted no further
			break
		}
		last := found[len(found)-1]
		offset = max(last.Capture(0)+1, last.Capture(1))
		if len(found) < k || strings.HasPrefix(pat, "^") {
			break
		}
	}
	in.alloc(L, size, what, "matches and a string")
}

// replSize is the length of the replacement of match m in s by repl.
func replSize(s string, m *pm.MatchData, repl lua.LValue) uint64 {
	switch r := repl.(type) {
	case lua.LString:
		n := uint64(0)
		for i := 0; i < len(r); i++ {
			if r[i] != '%' || i+1 == len(r) {
				n++
				continue
			}
			i++
			c := r[i]
			if c < '0' || c > '9' {
				n += 2
				continue
			}
			idx := 2 * int(c-'0')
			if idx >= m.CaptureLength() {
				idx = 0
			}
			if m.IsPosCapture(idx) {
				n += 20
			} else {
				n += uint64(max(m.Capture(idx+1)-m.Capture(idx), 0))
			}
		}
		return n
	case *lua.LTable:
		idx := 0
		if m.CaptureLength() > 2 {
			idx = 2
		}
		if m.IsPosCapture(idx) {
			return 20
		}
		v := r.RawGetString(s[m.Capture(idx):m.Capture(idx+1)])
		return uint64(len(lua.LVAsString(v)))
	}
	return 0
}
