package lua

import (
	"math"
	"strconv"
	"strings"
	"time"

	lua "github.com/yuin/gopher-lua"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/strftime"
)

// openTime replaces os.time, os.date and os.clock with versions that read
// the session's clock (a host.FakeClock makes their outputs repeatable),
// and adds sleep(secs), which waits on it:
//
//	os.time([t])          seconds since the epoch: now, or of the local date table t (Lua 5.1's, C's mktime)
//	os.date([format [, t]])  format as C's strftime (host/strftime), "!" first for UTC; "*t" gives a table
//	os.clock()            seconds since the run started, on the session's clock (not CPU time)
//	sleep(secs)           waits secs seconds; ends with the run (a timeout, an interrupt)
func (in *interp) openTime(L *lua.LState, os *lua.LTable) {
	clock := in.s.Clock()
	start := clock.Now()
	os.RawSetString("clock", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LNumber(clock.Now().Sub(start).Seconds()))
		return 1
	}))
	os.RawSetString("time", L.NewFunction(func(L *lua.LState) int {
		if L.GetTop() == 0 || L.Get(1) == lua.LNil {
			L.Push(lua.LNumber(clock.Now().Unix()))
			return 1
		}
		t := L.CheckTable(1)
		field := func(name string, def int) int {
			v := t.RawGetString(name)
			if n, ok := v.(lua.LNumber); ok {
				f := float64(n)
				if math.IsNaN(f) || math.Abs(f) > 1<<40 {
					L.Error(lua.LString("field '"+name+"' is out of range"), 0)
				}
				return int(f)
			}
			if s, ok := v.(lua.LString); ok {
				if n, err := strconv.ParseFloat(strings.TrimSpace(string(s)), 64); err == nil && math.Abs(n) < 1<<40 {
					return int(n)
				}
			}
			if def < 0 {
				L.Error(lua.LString("field '"+name+"' missing in date table"), 0)
			}
			return def
		}
		tm := strftime.Tm{Sec: field("sec", 0), Min: field("min", 0), Hour: field("hour", 12),
			Mday: field("day", -1), Mon: field("month", -1), Year: field("year", -1), Isdst: -1}
		switch t.RawGetString("isdst") {
		case lua.LNil:
		case lua.LFalse:
			tm.Isdst = 0
		default:
			tm.Isdst = 1
		}
		L.Push(lua.LNumber(strftime.Mktime(tm, host.Zone(clock))))
		return 1
	}))
	os.RawSetString("date", L.NewFunction(func(L *lua.LState) int {
		format := L.OptString(1, "%c")
		now := clock.Now()
		if L.GetTop() >= 2 && L.Get(2) != lua.LNil {
			secs := float64(L.CheckNumber(2))
			if math.IsNaN(secs) || math.Abs(secs) > 1e16 {
				L.Push(lua.LNil)
				return 1
			}
			now = time.Unix(int64(math.Floor(secs)), 0)
		}
		utc := strings.HasPrefix(format, "!")
		if utc {
			format, now = format[1:], now.UTC()
		} else {
			now = now.In(host.Zone(clock))
		}
		tm := strftime.FromTime(now)
		if utc {
			tm.Zone = "GMT" // glibc's gmtime
		}
		if strings.HasPrefix(format, "*t") {
			r := L.CreateTable(0, 9)
			for _, f := range []struct {
				k string
				v int
			}{{"year", tm.Year}, {"month", tm.Mon}, {"day", tm.Mday}, {"hour", tm.Hour}, {"min", tm.Min},
				{"sec", tm.Sec}, {"wday", tm.Wday + 1}, {"yday", tm.Yday + 1}} {
				r.RawSetString(f.k, lua.LNumber(f.v))
			}
			r.RawSetString("isdst", lua.LBool(tm.Isdst > 0))
			L.Push(r)
			return 1
		}
		// Lua 5.1 hands each % and the character after it to C's
		// strftime, one conversion at a time.
		var b strings.Builder
		for i := 0; i < len(format); i++ {
			if format[i] != '%' || i+1 == len(format) {
				b.WriteByte(format[i])
				continue
			}
			s, _ := strftime.Format(format[i:i+2], tm, nil)
			b.WriteString(s)
			i++
			if b.Len() >= 1<<16 && i%4096 == 0 {
				in.alloc(L, uint64(b.Len())*2, "os.date", "a string")
			}
		}
		in.alloc(L, uint64(b.Len()), "os.date", "a string")
		L.Push(lua.LString(b.String()))
		return 1
	}))
	L.SetGlobal("sleep", L.NewFunction(func(L *lua.LState) int {
		secs := float64(L.CheckNumber(1))
		if !(secs >= 0) || secs > math.MaxInt64/float64(time.Second) {
			L.RaiseError("sleep: sleep length must be a non-negative number of seconds, got %v", secs)
		}
		ctx := L.Context()
		if ctx == nil {
			L.RaiseError("sleep: the run has no context")
		}
		if err := clock.Sleep(ctx, time.Duration(secs*float64(time.Second))); err != nil {
			L.RaiseError("%s", err)
		}
		return 0
	}))
}
