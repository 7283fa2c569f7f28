package pystdlib

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"

	"github.com/vertscript/vertscript/bindings/starlark/pyerr"
	"github.com/vertscript/vertscript/host"
	"github.com/vertscript/vertscript/host/strftime"
)

// datetime is Python's datetime module, on the session's clock:
//
//	datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
//	  .now(tz=None), .utcnow(), .today(), .fromtimestamp(ts, tz=None), .utcfromtimestamp(ts),
//	  .strptime(s, format), .fromisoformat(s)
//	  d.strftime(fmt), d.isoformat(sep="T", timespec="auto"), d.timestamp(), d.date(), d.replace(...),
//	  d.astimezone(tz=None), d.weekday(), d.isoweekday(), d.ctime(), d.timetuple(), d.utcoffset(), d.tzname()
//	date(year, month, day), .today(), .fromtimestamp(ts), .fromisoformat(s); strftime, isoformat, weekday, ...
//	timedelta(days, seconds, microseconds, milliseconds, minutes, hours, weeks): + - * / // abs, total_seconds()
//	timezone(offset, name=None), timezone.utc
//	MINYEAR, MAXYEAR
//
// Time zones are fixed offsets (timezone); a naive datetime's local time
// is the session clock's zone.

const (
	kindDate = iota
	kindDateTime
)

// tzInfo is a fixed-offset timezone.
type tzInfo struct {
	off  int // seconds east of UTC
	name string
}

var utcZone = &tzInfo{off: 0, name: "UTC"}

func (z *tzInfo) loc() *time.Location { return time.FixedZone(z.tzname(), z.off) }

// tzname is Python's timezone.tzname: its name, or UTC+HH:MM.
func (z *tzInfo) tzname() string {
	if z.name != "" {
		return z.name
	}
	if z.off == 0 {
		return "UTC"
	}
	return "UTC" + offsetText(z.off, true)
}

func offsetText(off int, colon bool) string {
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	h, m, s := off/3600, off/60%60, off%60
	sep := ""
	if colon {
		sep = ":"
	}
	out := fmt.Sprintf("%s%02d%s%02d", sign, h, sep, m)
	if s != 0 {
		out += fmt.Sprintf("%s%02d", sep, s)
	}
	return out
}

func (z *tzInfo) String() string {
	if z == utcZone || (z.off == 0 && z.name == "UTC") {
		return "datetime.timezone.utc"
	}
	s := "datetime.timezone(" + newTimedelta(int64(z.off)*1e6).repr()
	if z.name != "" {
		s += ", " + ReprString(z.name)
	}
	return s + ")"
}
func (z *tzInfo) PyRepr() string        { return z.String() }
func (z *tzInfo) Type() string          { return "datetime.timezone" }
func (z *tzInfo) Freeze()               {}
func (z *tzInfo) Truth() starlark.Bool  { return true }
func (z *tzInfo) Hash() (uint32, error) { return uint32(z.off), nil }

// Attr returns utcoffset and tzname.
func (z *tzInfo) Attr(name string) (starlark.Value, error) {
	switch name {
	case "utcoffset":
		return starlark.NewBuiltin("utcoffset", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return newTimedelta(int64(z.off) * 1e6), nil
		}), nil
	case "tzname":
		return starlark.NewBuiltin("tzname", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(z.tzname()), nil
		}), nil
	}
	return nil, nil
}

// AttrNames lists them.
func (z *tzInfo) AttrNames() []string { return []string{"tzname", "utcoffset"} }

// Timedelta is datetime.timedelta, in microseconds.
type Timedelta struct{ us int64 }

var (
	_ starlark.HasBinary  = (*Timedelta)(nil)
	_ starlark.HasUnary   = (*Timedelta)(nil)
	_ starlark.Comparable = (*Timedelta)(nil)
)

const usPerDay = 86400 * 1e6

func newTimedelta(us int64) *Timedelta { return &Timedelta{us: us} }

// parts is Python's normalized (days, seconds, microseconds).
func (d *Timedelta) parts() (days, secs, us int64) {
	days = floorDivInt(d.us, usPerDay)
	rest := d.us - days*usPerDay
	return days, rest / 1e6, rest % 1e6
}

func floorDivInt(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func (d *Timedelta) String() string {
	days, secs, us := d.parts()
	s := fmt.Sprintf("%d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	if days != 0 {
		plural := "s"
		if days == 1 || days == -1 {
			plural = ""
		}
		s = fmt.Sprintf("%d day%s, %s", days, plural, s)
	}
	if us != 0 {
		s += fmt.Sprintf(".%06d", us)
	}
	return s
}

func (d *Timedelta) repr() string {
	days, secs, us := d.parts()
	var parts []string
	if days != 0 {
		parts = append(parts, fmt.Sprintf("days=%d", days))
	}
	if secs != 0 {
		parts = append(parts, fmt.Sprintf("seconds=%d", secs))
	}
	if us != 0 {
		parts = append(parts, fmt.Sprintf("microseconds=%d", us))
	}
	if len(parts) == 0 {
		parts = []string{"0"}
	}
	return "datetime.timedelta(" + strings.Join(parts, ", ") + ")"
}

// PyRepr is Python's repr.
func (d *Timedelta) PyRepr() string        { return d.repr() }
func (d *Timedelta) Type() string          { return "datetime.timedelta" }
func (d *Timedelta) Freeze()               {}
func (d *Timedelta) Truth() starlark.Bool  { return d.us != 0 }
func (d *Timedelta) Hash() (uint32, error) { return uint32(d.us ^ d.us>>32), nil }

// Attr returns days, seconds, microseconds and total_seconds.
func (d *Timedelta) Attr(name string) (starlark.Value, error) {
	days, secs, us := d.parts()
	switch name {
	case "days":
		return starlark.MakeInt64(days), nil
	case "seconds":
		return starlark.MakeInt64(secs), nil
	case "microseconds":
		return starlark.MakeInt64(us), nil
	case "total_seconds":
		return starlark.NewBuiltin("total_seconds", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Float(float64(d.us) / 1e6), nil
		}), nil
	}
	return nil, nil
}

// AttrNames lists them.
func (d *Timedelta) AttrNames() []string {
	return []string{"days", "microseconds", "seconds", "total_seconds"}
}

func checkTimedelta(us float64) (*Timedelta, error) {
	if math.IsNaN(us) || math.Abs(us) > 9e18 {
		return nil, pyerr.New("OverflowError", "days=%.0f; must have magnitude <= 999999999", us/usPerDay)
	}
	return newTimedelta(int64(math.RoundToEven(us))), nil
}

// Binary is timedelta arithmetic: + - with timedeltas, * and / and //
// with numbers, / and // and % with timedeltas.
func (d *Timedelta) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	switch y := y.(type) {
	case *Timedelta:
		a, b := d.us, y.us
		if side == starlark.Right {
			a, b = b, a
		}
		switch op {
		case syntax.PLUS:
			return newTimedelta(a + b), nil
		case syntax.MINUS:
			return newTimedelta(a - b), nil
		case syntax.SLASH:
			if b == 0 {
				return nil, pyerr.New("ZeroDivisionError", "division by zero")
			}
			return starlark.Float(float64(a) / float64(b)), nil
		case syntax.SLASHSLASH:
			if b == 0 {
				return nil, pyerr.New("ZeroDivisionError", "integer division or modulo by zero")
			}
			return starlark.MakeInt64(floorDivInt(a, b)), nil
		case syntax.PERCENT:
			if b == 0 {
				return nil, pyerr.New("ZeroDivisionError", "integer division or modulo by zero")
			}
			return newTimedelta(a - floorDivInt(a, b)*b), nil
		}
	case starlark.Int, starlark.Float:
		f, _ := starlark.AsFloat(y)
		switch {
		case op == syntax.STAR:
			if i, ok := y.(starlark.Int); ok {
				if n, ok := i.Int64(); ok && (n == 0 || math.Abs(float64(d.us))*math.Abs(float64(n)) < 9e18) {
					return newTimedelta(d.us * n), nil
				}
			}
			return checkTimedelta(float64(d.us) * f)
		case op == syntax.SLASH && side == starlark.Left:
			if f == 0 {
				return nil, pyerr.New("ZeroDivisionError", "division by zero")
			}
			return checkTimedelta(float64(d.us) / f)
		case op == syntax.SLASHSLASH && side == starlark.Left:
			i, ok := y.(starlark.Int)
			n, ok2 := i.Int64()
			if !ok || !ok2 {
				break
			}
			if n == 0 {
				return nil, pyerr.New("ZeroDivisionError", "integer division or modulo by zero")
			}
			return newTimedelta(floorDivInt(d.us, n)), nil
		}
	}
	return nil, nil
}

// Unary is -d and +d.
func (d *Timedelta) Unary(op syntax.Token) (starlark.Value, error) {
	switch op {
	case syntax.MINUS:
		return newTimedelta(-d.us), nil
	case syntax.PLUS:
		return d, nil
	}
	return nil, nil
}

// CompareSameType orders timedeltas.
func (d *Timedelta) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return compareInts(op, d.us, y.(*Timedelta).us), nil
}

func compareInts(op syntax.Token, a, b int64) bool {
	switch op {
	case syntax.EQL:
		return a == b
	case syntax.NEQ:
		return a != b
	case syntax.LT:
		return a < b
	case syntax.LE:
		return a <= b
	case syntax.GT:
		return a > b
	}
	return a >= b
}

// DateTime is datetime.datetime and datetime.date: t holds the wall time
// (in UTC for a naive one, in its zone for an aware one).
type DateTime struct {
	kind int
	t    time.Time
	tz   *tzInfo // nil: naive
	r    *run
}

var (
	_ starlark.HasBinary  = (*DateTime)(nil)
	_ starlark.Comparable = (*DateTime)(nil)
	_ starlark.HasAttrs   = (*DateTime)(nil)
)

func (r *run) newDateTime(kind int, t time.Time, tz *tzInfo) *DateTime {
	if tz != nil {
		t = t.In(tz.loc())
	} else {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	}
	if kind == kindDate {
		t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		tz = nil
	}
	return &DateTime{kind: kind, t: t, tz: tz, r: r}
}

func (d *DateTime) Type() string {
	if d.kind == kindDate {
		return "datetime.date"
	}
	return "datetime.datetime"
}
func (d *DateTime) Freeze()               {}
func (d *DateTime) Truth() starlark.Bool  { return true }
func (d *DateTime) Hash() (uint32, error) { return uint32(d.t.UnixNano()), nil }

// String is str(d): isoformat with a space.
func (d *DateTime) String() string { return d.isoformat(" ", "auto") }

// PyRepr is Python's repr.
func (d *DateTime) PyRepr() string {
	t := d.t
	if d.kind == kindDate {
		return fmt.Sprintf("datetime.date(%d, %d, %d)", t.Year(), t.Month(), t.Day())
	}
	fields := []int{t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond() / 1000}
	if fields[6] == 0 {
		fields = fields[:6]
		if fields[5] == 0 {
			fields = fields[:5]
		}
	}
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = strconv.Itoa(f)
	}
	s := "datetime.datetime(" + strings.Join(parts, ", ")
	if d.tz != nil {
		s += ", tzinfo=" + d.tz.String()
	}
	return s + ")"
}

func (d *DateTime) isoformat(sep, timespec string) string {
	t := d.t
	date := fmt.Sprintf("%04d-%02d-%02d", t.Year(), t.Month(), t.Day())
	if d.kind == kindDate {
		return date
	}
	us := t.Nanosecond() / 1000
	var clock string
	switch timespec {
	case "hours":
		clock = fmt.Sprintf("%02d", t.Hour())
	case "minutes":
		clock = fmt.Sprintf("%02d:%02d", t.Hour(), t.Minute())
	case "seconds":
		clock = fmt.Sprintf("%02d:%02d:%02d", t.Hour(), t.Minute(), t.Second())
	case "milliseconds":
		clock = fmt.Sprintf("%02d:%02d:%02d.%03d", t.Hour(), t.Minute(), t.Second(), us/1000)
	case "microseconds":
		clock = fmt.Sprintf("%02d:%02d:%02d.%06d", t.Hour(), t.Minute(), t.Second(), us)
	default:
		clock = fmt.Sprintf("%02d:%02d:%02d", t.Hour(), t.Minute(), t.Second())
		if us != 0 {
			clock += fmt.Sprintf(".%06d", us)
		}
	}
	s := date + sep + clock
	if d.tz != nil {
		s += offsetText(d.tz.off, true)
	}
	return s
}

// tm is d's fields for strftime.
func (d *DateTime) tm() strftime.Tm {
	tm := strftime.FromTime(d.t)
	tm.Isdst = -1
	tm.Zone, tm.Gmtoff = "", 0
	if d.tz != nil {
		tm.Zone, tm.Gmtoff = d.tz.tzname(), d.tz.off
	}
	return tm
}

// strftime is datetime's strftime: %f, %z and %Z its own, the rest C's.
func (d *DateTime) strftime(thread *starlark.Thread, name, format string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'f':
			fmt.Fprintf(&b, "%06d", d.t.Nanosecond()/1000)
		case 'z':
			if d.tz != nil {
				b.WriteString(offsetText(d.tz.off, false))
			}
		case 'Z':
			if d.tz != nil {
				b.WriteString(strings.ReplaceAll(d.tz.tzname(), "%", "%%"))
			}
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return strftime.Format(b.String(), d.tm(), func(n int) error { return alloc(thread, n, name, "a string") })
}

// timestamp is seconds since the epoch: a naive time read in the local
// zone.
func (d *DateTime) timestamp() float64 {
	t := d.t
	if d.tz == nil {
		loc := host.Zone(d.r.o.Clock)
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	}
	return float64(t.Unix()) + float64(t.Nanosecond())/1e9
}

var dateTimeMethods = map[string]func(d *DateTime, thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error){
	"strftime": func(d *DateTime, thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var f string
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "format", &f); err != nil {
			return nil, err
		}
		s, err := d.strftime(thread, b.Name(), f)
		return starlark.String(s), err
	},
	"isoformat": func(d *DateTime, _ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		sep, spec := "T", "auto"
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "sep?", &sep, "timespec?", &spec); err != nil {
			return nil, err
		}
		return starlark.String(d.isoformat(sep, spec)), nil
	},
	"timestamp": func(d *DateTime, _ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.Float(d.timestamp()), nil
	},
	"date": func(d *DateTime, _ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return d.r.newDateTime(kindDate, d.t, nil), nil
	},
	"weekday": func(d *DateTime, _ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.MakeInt((int(d.t.Weekday()) + 6) % 7), nil
	},
	"isoweekday": func(d *DateTime, _ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.MakeInt((int(d.t.Weekday())+6)%7 + 1), nil
	},
	"ctime": func(d *DateTime, _ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		s, _ := strftime.Format("%a %b %e %H:%M:%S %Y", d.tm(), nil)
		return starlark.String(s), nil
	},
	"timetuple": func(d *DateTime, _ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return newStructTime(d.tm()), nil
	},
	"utcoffset": func(d *DateTime, _ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if d.tz == nil {
			return starlark.None, nil
		}
		return newTimedelta(int64(d.tz.off) * 1e6), nil
	},
	"tzname": func(d *DateTime, _ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if d.tz == nil {
			return starlark.None, nil
		}
		return starlark.String(d.tz.tzname()), nil
	},
	"astimezone": func(d *DateTime, _ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var tzV starlark.Value = starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "tz?", &tzV); err != nil {
			return nil, err
		}
		instant := d.t
		if d.tz == nil {
			loc := host.Zone(d.r.o.Clock)
			instant = time.Date(d.t.Year(), d.t.Month(), d.t.Day(), d.t.Hour(), d.t.Minute(), d.t.Second(), d.t.Nanosecond(), loc)
		}
		tz, err := tzArg(tzV)
		if err != nil {
			return nil, err
		}
		if tz == nil {
			local := instant.In(host.Zone(d.r.o.Clock))
			name, off := local.Zone()
			tz = &tzInfo{off: off, name: name}
		}
		return d.r.newDateTime(kindDateTime, instant, tz), nil
	},
	"replace": func(d *DateTime, _ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		t := d.t
		y, mo, day := t.Year(), int(t.Month()), t.Day()
		h, mi, s, us := t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1000
		var tzV starlark.Value = starlark.String("keep")
		params := []any{"year?", &y, "month?", &mo, "day?", &day}
		if d.kind == kindDateTime {
			params = append(params, "hour?", &h, "minute?", &mi, "second?", &s, "microsecond?", &us, "tzinfo?", &tzV)
		}
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, params...); err != nil {
			return nil, err
		}
		tz := d.tz
		if tzV != starlark.String("keep") {
			var err error
			if tz, err = tzArg(tzV); err != nil {
				return nil, err
			}
		}
		return d.r.makeDateTime(d.kind, y, mo, day, h, mi, s, us, tz)
	},
}

// Attr returns the fields and methods.
func (d *DateTime) Attr(name string) (starlark.Value, error) {
	t := d.t
	switch name {
	case "year":
		return starlark.MakeInt(t.Year()), nil
	case "month":
		return starlark.MakeInt(int(t.Month())), nil
	case "day":
		return starlark.MakeInt(t.Day()), nil
	}
	if d.kind == kindDateTime {
		switch name {
		case "hour":
			return starlark.MakeInt(t.Hour()), nil
		case "minute":
			return starlark.MakeInt(t.Minute()), nil
		case "second":
			return starlark.MakeInt(t.Second()), nil
		case "microsecond":
			return starlark.MakeInt(t.Nanosecond() / 1000), nil
		case "tzinfo":
			if d.tz == nil {
				return starlark.None, nil
			}
			return d.tz, nil
		}
	} else {
		switch name {
		case "timestamp", "astimezone", "utcoffset", "tzname", "date":
			return nil, nil
		}
	}
	if m, ok := dateTimeMethods[name]; ok {
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return m(d, thread, b, args, kwargs)
		}), nil
	}
	return nil, nil
}

// AttrNames lists them.
func (d *DateTime) AttrNames() []string {
	names := []string{"day", "month", "year"}
	if d.kind == kindDateTime {
		names = append(names, "hour", "microsecond", "minute", "second", "tzinfo")
	}
	return append(names, sortedKeys(dateTimeMethods)...)
}

// Binary is datetime + timedelta, datetime - timedelta, datetime - datetime.
func (d *DateTime) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	switch y := y.(type) {
	case *Timedelta:
		if op == syntax.PLUS || (op == syntax.MINUS && side == starlark.Left) {
			us := y.us
			if op == syntax.MINUS {
				us = -us
			}
			if d.kind == kindDate {
				us = floorDivInt(us, usPerDay) * usPerDay
			}
			t := d.t.Add(time.Duration(us) * time.Microsecond)
			if t.Year() < 1 || t.Year() > 9999 {
				return nil, pyerr.New("OverflowError", "date value out of range")
			}
			return &DateTime{kind: d.kind, t: t, tz: d.tz, r: d.r}, nil
		}
	case *DateTime:
		if op == syntax.MINUS && y.kind == d.kind {
			a, b := d, y
			if side == starlark.Right {
				a, b = y, d
			}
			if (a.tz == nil) != (b.tz == nil) {
				return nil, typeError("can't subtract offset-naive and offset-aware datetimes")
			}
			return newTimedelta(a.t.Sub(b.t).Microseconds()), nil
		}
	}
	return nil, nil
}

// CompareSameType orders datetimes (or dates).
func (d *DateTime) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	o := y.(*DateTime)
	if d.kind != o.kind {
		if op == syntax.EQL || op == syntax.NEQ {
			return op == syntax.NEQ, nil
		}
		return false, typeError("can't compare %s to %s", d.Type(), o.Type())
	}
	if (d.tz == nil) != (o.tz == nil) {
		if op == syntax.EQL || op == syntax.NEQ {
			return op == syntax.NEQ, nil
		}
		return false, typeError("can't compare offset-naive and offset-aware datetimes")
	}
	return compareInts(op, d.t.UnixMicro(), o.t.UnixMicro()), nil
}

func tzArg(v starlark.Value) (*tzInfo, error) {
	switch v := v.(type) {
	case starlark.NoneType:
		return nil, nil
	case *tzInfo:
		return v, nil
	}
	return nil, typeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'", v.Type())
}

// makeDateTime checks the fields as Python's constructors do.
func (r *run) makeDateTime(kind, y, mo, d, h, mi, s, us int, tz *tzInfo) (*DateTime, error) {
	switch {
	case y < 1 || y > 9999:
		return nil, valueError("year %d is out of range", y)
	case mo < 1 || mo > 12:
		return nil, valueError("month must be in 1..12")
	case d < 1 || d > time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day():
		return nil, valueError("day is out of range for month")
	case h < 0 || h > 23:
		return nil, valueError("hour must be in 0..23")
	case mi < 0 || mi > 59:
		return nil, valueError("minute must be in 0..59")
	case s < 0 || s > 59:
		return nil, valueError("second must be in 0..59")
	case us < 0 || us > 999999:
		return nil, valueError("microsecond must be in 0..999999")
	}
	loc := time.UTC
	if tz != nil {
		loc = tz.loc()
	}
	return &DateTime{kind: kind, t: time.Date(y, time.Month(mo), d, h, mi, s, us*1000, loc), tz: tz, r: r}, nil
}

// class is a datetime class: callable, with class methods.
type class struct {
	name    string
	call    builtin
	methods map[string]builtin
	values  starlark.StringDict
}

func (c *class) String() string        { return "<class '" + c.name + "'>" }
func (c *class) Type() string          { return "type" }
func (c *class) Name() string          { return c.name[strings.LastIndexByte(c.name, '.')+1:] }
func (c *class) Freeze()               {}
func (c *class) Truth() starlark.Bool  { return true }
func (c *class) Hash() (uint32, error) { return starlark.String(c.name).Hash() }

// CallInternal constructs an instance.
func (c *class) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return c.call(thread, starlark.NewBuiltin(c.name, nil), args, kwargs)
}

// Attr returns the class methods and constants.
func (c *class) Attr(name string) (starlark.Value, error) {
	if m, ok := c.methods[name]; ok {
		return starlark.NewBuiltin(c.name+"."+name, m), nil
	}
	if v, ok := c.values[name]; ok {
		return v, nil
	}
	return nil, nil
}

// AttrNames lists them.
func (c *class) AttrNames() []string { return append(sortedKeys(c.methods), c.values.Keys()...) }

func timestampArg(name string, v starlark.Value) (time.Time, error) {
	f, ok := starlark.AsFloat(v)
	if !ok {
		return time.Time{}, typeError("%s: got %s, want a number of seconds", name, v.Type())
	}
	if math.IsNaN(f) || math.Abs(f) > 253402300800 {
		return time.Time{}, valueError("year is out of range")
	}
	sec := math.Floor(f)
	us := math.RoundToEven((f - sec) * 1e6)
	return time.Unix(int64(sec), int64(us)*1000), nil
}

func (r *run) datetimeModule() *starlarkstruct.Module {
	local := func() *time.Location { return host.Zone(r.o.Clock) }
	now := func(tzV starlark.Value, kind int) (starlark.Value, error) {
		tz, err := tzArg(tzV)
		if err != nil {
			return nil, err
		}
		t := r.o.Clock.Now().Truncate(time.Microsecond)
		if tz == nil {
			return r.newDateTime(kind, t.In(local()), nil), nil
		}
		return r.newDateTime(kind, t, tz), nil
	}
	fromTimestamp := func(kind int) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var ts, tzV starlark.Value = nil, starlark.None
			params := []any{"timestamp", &ts}
			if kind == kindDateTime {
				params = append(params, "tz?", &tzV)
			}
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, params...); err != nil {
				return nil, err
			}
			t, err := timestampArg(b.Name(), ts)
			if err != nil {
				return nil, err
			}
			tz, err := tzArg(tzV)
			if err != nil {
				return nil, err
			}
			if tz == nil {
				return r.newDateTime(kind, t.In(local()), nil), nil
			}
			return r.newDateTime(kind, t, tz), nil
		}
	}
	fromISO := func(kind int) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "date_string", &s); err != nil {
				return nil, err
			}
			return r.fromISO(kind, s)
		}
	}
	newDT := func(kind int) builtin {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var y, mo, d, h, mi, s, us int
			var tzV starlark.Value = starlark.None
			params := []any{"year", &y, "month", &mo, "day", &d}
			if kind == kindDateTime {
				params = append(params, "hour?", &h, "minute?", &mi, "second?", &s, "microsecond?", &us, "tzinfo?", &tzV)
			}
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, params...); err != nil {
				return nil, err
			}
			tz, err := tzArg(tzV)
			if err != nil {
				return nil, err
			}
			return r.makeDateTime(kind, y, mo, d, h, mi, s, us, tz)
		}
	}
	dtClass := &class{name: "datetime.datetime", call: newDT(kindDateTime), methods: map[string]builtin{
		"now": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var tz starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "tz?", &tz); err != nil {
				return nil, err
			}
			return now(tz, kindDateTime)
		},
		"today": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return now(starlark.None, kindDateTime)
		},
		"utcnow": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return r.newDateTime(kindDateTime, r.o.Clock.Now().Truncate(time.Microsecond).UTC(), nil), nil
		},
		"fromtimestamp": fromTimestamp(kindDateTime),
		"utcfromtimestamp": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var ts starlark.Value
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "timestamp", &ts); err != nil {
				return nil, err
			}
			t, err := timestampArg(b.Name(), ts)
			if err != nil {
				return nil, err
			}
			return r.newDateTime(kindDateTime, t.UTC(), nil), nil
		},
		"strptime": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s, f string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "date_string", &s, "format", &f); err != nil {
				return nil, err
			}
			p, err := strptime(s, f, local())
			if err != nil {
				return nil, err
			}
			var tz *tzInfo
			if p.gmtoff != nil {
				tz = &tzInfo{off: *p.gmtoff}
				if p.zone != "" {
					tz.name = p.zone
				}
			}
			return r.makeDateTime(kindDateTime, p.year, p.month, p.day, p.hour, p.minute, p.second, p.micro, tz)
		},
		"fromisoformat": fromISO(kindDateTime),
	}}
	dateClass := &class{name: "datetime.date", call: newDT(kindDate), methods: map[string]builtin{
		"today": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return now(starlark.None, kindDate)
		},
		"fromtimestamp": fromTimestamp(kindDate),
		"fromisoformat": fromISO(kindDate),
	}}
	tdClass := &class{name: "datetime.timedelta", call: newTimedeltaBuiltin, values: starlark.StringDict{
		"resolution": newTimedelta(1),
	}}
	tzClass := &class{name: "datetime.timezone", call: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var off Timedelta
		var name string
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "offset", &off, "name?", &name); err != nil {
			return nil, err
		}
		if off.us%1e6 != 0 || off.us <= -usPerDay || off.us >= usPerDay {
			return nil, valueError("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %s.", off.repr())
		}
		return &tzInfo{off: int(off.us / 1e6), name: name}, nil
	}, values: starlark.StringDict{"utc": utcZone}}
	return &starlarkstruct.Module{Name: "datetime", Members: starlark.StringDict{
		"datetime": dtClass, "date": dateClass, "timedelta": tdClass, "timezone": tzClass,
		"MINYEAR": starlark.MakeInt(1), "MAXYEAR": starlark.MakeInt(9999),
	}}
}

// Unpack lets UnpackArgs take a timedelta.
func (d *Timedelta) Unpack(v starlark.Value) error {
	t, ok := v.(*Timedelta)
	if !ok {
		return typeError("got %s, want a timedelta", v.Type())
	}
	*d = *t
	return nil
}

func newTimedeltaBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	vals := make([]starlark.Value, 7)
	names := []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}
	scale := []float64{usPerDay, 1e6, 1, 1e3, 60e6, 3600e6, 7 * usPerDay}
	params := make([]any, 0, 14)
	for i, n := range names {
		params = append(params, n+"?", &vals[i])
	}
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, params...); err != nil {
		return nil, err
	}
	var total int64
	var ftotal float64
	float := false
	for i, v := range vals {
		if v == nil {
			continue
		}
		switch x := v.(type) {
		case starlark.Int:
			n, ok := x.Int64()
			if !ok || math.Abs(float64(n)*scale[i]) > 9e18 {
				return nil, pyerr.New("OverflowError", "days=%s; must have magnitude <= 999999999", x)
			}
			total += n * int64(scale[i])
		case starlark.Float:
			float = true
			ftotal += float64(x) * scale[i]
		default:
			return nil, typeError("unsupported type for timedelta %s component: %s", names[i], v.Type())
		}
	}
	if float {
		return checkTimedelta(float64(total) + ftotal)
	}
	return newTimedelta(total), nil
}

// fromISO is fromisoformat: YYYY-MM-DD, then for a datetime [T ]HH[:MM[:SS[.ffffff]]][+HH:MM|Z].
func (r *run) fromISO(kind int, s string) (starlark.Value, error) {
	bad := func() (starlark.Value, error) {
		return nil, valueError("Invalid isoformat string: %s", ReprString(s))
	}
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return bad()
	}
	num := func(t string) (int, bool) {
		n, err := strconv.Atoi(t)
		return n, err == nil && !strings.ContainsAny(t, "+- ")
	}
	y, ok1 := num(s[0:4])
	mo, ok2 := num(s[5:7])
	d, ok3 := num(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return bad()
	}
	rest := s[10:]
	if kind == kindDate {
		if rest != "" {
			return bad()
		}
		v, err := r.makeDateTime(kindDate, y, mo, d, 0, 0, 0, 0, nil)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
	var h, mi, sec, us int
	var tz *tzInfo
	if rest != "" {
		rest = rest[1:]
		if i := strings.IndexAny(rest, "+-Z"); i >= 0 {
			zone := rest[i:]
			rest = rest[:i]
			if zone == "Z" {
				tz = utcZone
			} else {
				parts := strings.Split(zone[1:], ":")
				zh, ok1 := num(parts[0])
				zm := 0
				ok2 := true
				if len(parts) > 1 {
					zm, ok2 = num(parts[1])
				}
				if !ok1 || !ok2 {
					return bad()
				}
				off := zh*3600 + zm*60
				if zone[0] == '-' {
					off = -off
				}
				tz = &tzInfo{off: off}
				if off == 0 {
					tz = utcZone
				}
			}
		}
		if frac := strings.IndexAny(rest, ".,"); frac >= 0 {
			f := rest[frac+1:]
			rest = rest[:frac]
			if len(f) == 0 || len(f) > 6 && len(f) != 9 {
				return bad()
			}
			f = (f + "000000")[:6]
			var ok bool
			if us, ok = num(f); !ok {
				return bad()
			}
		}
		parts := strings.Split(rest, ":")
		vals := []*int{&h, &mi, &sec}
		if len(parts) > 3 {
			return bad()
		}
		for i, p := range parts {
			n, ok := num(p)
			if !ok || len(p) != 2 {
				return bad()
			}
			*vals[i] = n
		}
	}
	v, err := r.makeDateTime(kindDateTime, y, mo, d, h, mi, sec, us, tz)
	if err != nil {
		return nil, err
	}
	return v, nil
}
