package pystdlib

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/strftime"
)

// Python's time module, on the session's clock and its local zone:
//
//	time(), monotonic(), perf_counter()   seconds, a float
//	sleep(secs)                 passes on the clock; ends when the run does
//	strftime(format[, t])       C's strftime (host/strftime); t a struct_time or a 9-tuple, default localtime()
//	strptime(string, format="%a %b %d %H:%M:%S %Y")  a struct_time, or ValueError
//	localtime([secs]), gmtime([secs])  a struct_time
//	mktime(t)                   seconds since the epoch of a local struct_time, a float
//	ctime([secs]), asctime([t]) "Sat Dec  5 01:59:37 2026"
//	timezone, altzone, daylight, tzname
//
// TimeMembers is the same for the Starlark dialect's predeclared time
// module, without strptime and the zone constants.

// TimeMembers returns the members of the time module of a run on clock,
// whose sleeps give up when ctx ends: sleep, time, monotonic and the
// calendar functions (localtime, gmtime, ctime, asctime, mktime,
// strftime).
func TimeMembers(clock host.Clock, ctx context.Context) starlark.StringDict {
	start := clock.Now() // monotonic's origin
	m := starlark.StringDict{
		"sleep": starlark.NewBuiltin("time.sleep", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "secs", &v); err != nil {
				return nil, err
			}
			secs, ok := starlark.AsFloat(v)
			if !ok {
				return nil, fmt.Errorf("%s: got %s, want a number of seconds", b.Name(), v.Type())
			}
			if !(secs >= 0) || secs > math.MaxInt64/float64(time.Second) {
				return nil, fmt.Errorf("%s: sleep length must be a non-negative number of seconds, got %v", b.Name(), secs)
			}
			if err := clock.Sleep(ctx, time.Duration(secs*float64(time.Second))); err != nil {
				return nil, err
			}
			return starlark.None, nil
		}),
		"time": starlark.NewBuiltin("time.time", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
				return nil, err
			}
			return starlark.Float(float64(clock.Now().UnixNano()) / 1e9), nil
		}),
		"monotonic": starlark.NewBuiltin("time.monotonic", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
				return nil, err
			}
			return starlark.Float(clock.Now().Sub(start).Seconds()), nil
		}),
	}
	calendar(m, clock)
	return m
}

func (r *run) timeModule() *starlarkstruct.Module {
	m := TimeMembers(r.o.Clock, r.o.Ctx)
	m["perf_counter"] = m["monotonic"]
	m["strptime"] = starlark.NewBuiltin("time.strptime", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var s string
		format := "%a %b %d %H:%M:%S %Y"
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "string", &s, "format?", &format); err != nil {
			return nil, err
		}
		p, err := strptime(s, format, host.Zone(r.o.Clock))
		if err != nil {
			return nil, err
		}
		return newStructTime(p.tm()), nil
	})
	// The zone constants are those of now, in the local zone, as C's
	// tzset leaves them.
	loc := host.Zone(r.o.Clock)
	year := r.o.Clock.Now().In(loc).Year()
	jan := time.Date(year, 1, 1, 12, 0, 0, 0, loc)
	jul := time.Date(year, 7, 1, 12, 0, 0, 0, loc)
	stdName, stdOff := jan.Zone()
	dstName, dstOff := jul.Zone()
	if jan.IsDST() { // the southern hemisphere
		stdName, stdOff, dstName, dstOff = dstName, dstOff, stdName, stdOff
	}
	daylight := 0
	if stdOff != dstOff {
		daylight = 1
	}
	m["timezone"] = starlark.MakeInt(-stdOff)
	m["altzone"] = starlark.MakeInt(-dstOff)
	m["daylight"] = starlark.MakeInt(daylight)
	m["tzname"] = starlark.Tuple{starlark.String(stdName), starlark.String(dstName)}
	return &starlarkstruct.Module{Name: "time", Members: m}
}

// structTime is Python's time.struct_time: a 9-tuple with named fields
// tm_year ... tm_isdst, and tm_zone and tm_gmtoff.
type structTime struct {
	starlark.Tuple
	tm strftime.Tm
}

var (
	_ starlark.HasAttrs  = (*structTime)(nil)
	_ starlark.Indexable = (*structTime)(nil)
)

var structTimeFields = []string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}

func newStructTime(tm strftime.Tm) *structTime {
	vals := []int{tm.Year, tm.Mon, tm.Mday, tm.Hour, tm.Min, tm.Sec, (tm.Wday + 6) % 7, tm.Yday + 1, tm.Isdst}
	t := make(starlark.Tuple, len(vals))
	for i, v := range vals {
		t[i] = starlark.MakeInt(v)
	}
	return &structTime{Tuple: t, tm: tm}
}

func (s *structTime) Type() string { return "time.struct_time" }

func (s *structTime) String() string {
	var b strings.Builder
	b.WriteString("time.struct_time(")
	for i, f := range structTimeFields {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s=%s", f, s.Tuple[i])
	}
	b.WriteString(")")
	return b.String()
}

// PyRepr is String: Python shows a struct_time so.
func (s *structTime) PyRepr() string { return s.String() }

func (s *structTime) Attr(name string) (starlark.Value, error) {
	for i, f := range structTimeFields {
		if f == name {
			return s.Tuple[i], nil
		}
	}
	switch name {
	case "tm_zone":
		if s.tm.Zone == "" {
			return starlark.None, nil
		}
		return starlark.String(s.tm.Zone), nil
	case "tm_gmtoff":
		if s.tm.Zone == "" && s.tm.Gmtoff == 0 {
			return starlark.None, nil
		}
		return starlark.MakeInt(s.tm.Gmtoff), nil
	}
	return nil, nil
}

func (s *structTime) AttrNames() []string {
	return append(append([]string{}, structTimeFields...), "tm_gmtoff", "tm_zone")
}

// calendar adds the calendar functions to the time module's members.
func calendar(members starlark.StringDict, clock host.Clock) {
	secsArg := func(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (time.Time, error) {
		var v starlark.Value = starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "secs?", &v); err != nil {
			return time.Time{}, err
		}
		if v == starlark.None {
			return clock.Now(), nil
		}
		f, ok := starlark.AsFloat(v)
		if !ok {
			return time.Time{}, fmt.Errorf("%s: got %s, want a number of seconds", b.Name(), v.Type())
		}
		if math.IsNaN(f) || math.Abs(f) > 1e16 {
			return time.Time{}, fmt.Errorf("%s: timestamp out of range for platform time_t", b.Name())
		}
		sec := math.Floor(f)
		return time.Unix(int64(sec), 0), nil
	}
	// tmArg reads a struct_time or a 9-tuple; None or nothing is now.
	tmArg := func(b *starlark.Builtin, v starlark.Value) (strftime.Tm, error) {
		switch v := v.(type) {
		case *structTime:
			return v.tm, nil
		case starlark.NoneType:
			return strftime.FromTime(clock.Now().In(host.Zone(clock))), nil
		case starlark.String, starlark.Bytes:
		case starlark.Indexable:
			if v.Len() != 9 {
				return strftime.Tm{}, fmt.Errorf("%s: time tuple must have exactly 9 elements, got %d", b.Name(), v.Len())
			}
			var f [9]int
			for i := range f {
				n, err := starlark.AsInt32(v.Index(i))
				if err != nil {
					return strftime.Tm{}, fmt.Errorf("%s: %s: %v", b.Name(), structTimeFields[i], err)
				}
				f[i] = n
			}
			tm := strftime.Tm{Year: f[0], Mon: f[1], Mday: f[2], Hour: f[3], Min: f[4], Sec: f[5], Wday: (f[6] + 1) % 7, Yday: f[7] - 1, Isdst: f[8]}
			for _, c := range []struct {
				what     string
				v, lo, h int
			}{{"month", tm.Mon, 1, 12}, {"day of month", tm.Mday, 1, 31}, {"hour", tm.Hour, 0, 23}, {"minute", tm.Min, 0, 59},
				{"seconds", tm.Sec, 0, 61}, {"day of week", f[6], 0, 6}, {"day of year", f[7], 1, 366}} {
				if c.v < c.lo || c.v > c.h {
					return strftime.Tm{}, fmt.Errorf("%s: %s out of range", b.Name(), c.what)
				}
			}
			if tm.Isdst >= 0 {
				local := strftime.FromTime(tm.Time(host.Zone(clock)))
				tm.Zone, tm.Gmtoff = local.Zone, local.Gmtoff
			}
			return tm, nil
		}
		return strftime.Tm{}, fmt.Errorf("%s: got %s, want a struct_time or a tuple of 9 ints", b.Name(), v.Type())
	}
	members["localtime"] = starlark.NewBuiltin("time.localtime", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		t, err := secsArg(b, args, kwargs)
		if err != nil {
			return nil, err
		}
		return newStructTime(strftime.FromTime(t.In(host.Zone(clock)))), nil
	})
	members["gmtime"] = starlark.NewBuiltin("time.gmtime", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		t, err := secsArg(b, args, kwargs)
		if err != nil {
			return nil, err
		}
		tm := strftime.FromTime(t.UTC())
		tm.Zone = "GMT" // glibc's gmtime, which Python's strftime shows
		return newStructTime(tm), nil
	})
	members["ctime"] = starlark.NewBuiltin("time.ctime", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		t, err := secsArg(b, args, kwargs)
		if err != nil {
			return nil, err
		}
		s, _ := strftime.Format("%a %b %e %H:%M:%S %Y", strftime.FromTime(t.In(host.Zone(clock))), nil)
		return starlark.String(s), nil
	})
	members["asctime"] = starlark.NewBuiltin("time.asctime", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value = starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "t?", &v); err != nil {
			return nil, err
		}
		tm, err := tmArg(b, v)
		if err != nil {
			return nil, err
		}
		s, _ := strftime.Format("%a %b %e %H:%M:%S %Y", tm, nil)
		return starlark.String(s), nil
	})
	members["mktime"] = starlark.NewBuiltin("time.mktime", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "t", &v); err != nil {
			return nil, err
		}
		if v == starlark.None {
			return nil, fmt.Errorf("%s: got NoneType, want a struct_time or a tuple of 9 ints", b.Name())
		}
		tm, err := tmArg(b, v)
		if err != nil {
			return nil, err
		}
		return starlark.Float(strftime.Mktime(tm, host.Zone(clock))), nil
	})
	members["strftime"] = starlark.NewBuiltin("time.strftime", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var format string
		var v starlark.Value = starlark.None
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &format, &v); err != nil {
			return nil, err
		}
		if strings.IndexByte(format, 0) >= 0 {
			return nil, fmt.Errorf("%s: embedded null character", b.Name())
		}
		tm, err := tmArg(b, v)
		if err != nil {
			return nil, err
		}
		s, err := strftime.Format(format, tm, func(n int) error { return alloc(thread, n, b.Name(), "a string") })
		if err != nil {
			return nil, err
		}
		return starlark.String(s), nil
	})
}
