package starlark

import (
	"fmt"
	"math"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/strftime"
)

// Python's calendar functions of the time module, on the session's clock
// and the process's local zone (TZ):
//
//	time.strftime(format[, t])  C's strftime (host/strftime); t a struct_time or a 9-tuple, default localtime()
//	time.localtime([secs]), time.gmtime([secs])  a struct_time
//	time.mktime(t)              seconds since the epoch of a local struct_time, a float
//	time.ctime([secs]), time.asctime([t])  "Sat Dec  5 01:59:37 2026"

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

func (s *structTime) Attr(name string) (starlark.Value, error) {
	for i, f := range structTimeFields {
		if f == name {
			return s.Tuple[i], nil
		}
	}
	switch name {
	case "tm_zone":
		return starlark.String(s.tm.Zone), nil
	case "tm_gmtoff":
		return starlark.MakeInt(s.tm.Gmtoff), nil
	}
	return nil, nil
}

func (s *structTime) AttrNames() []string {
	return append(append([]string{}, structTimeFields...), "tm_gmtoff", "tm_zone")
}

// calendar adds the calendar functions to the time module's members.
func (l *limits) calendar(members starlark.StringDict, clock host.Clock) {
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
	members["strftime"] = starlark.NewBuiltin("time.strftime", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
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
		s, err := strftime.Format(format, tm, func(n int) error { return l.alloc(uint64(n), b.Name(), "a string") })
		if err != nil {
			return nil, err
		}
		return starlark.String(s), nil
	})
}
