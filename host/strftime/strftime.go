// Package strftime formats broken-down times as C's strftime does in the C
// locale (GNU libc's conversions, flags and widths), for Python's
// time.strftime and Lua's os.date, which both hand their format to the C
// library: the same format gives the same text in vertscript as in
// python3 and lua5.1 on a glibc system.
//
// Conversions: %a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M
// %n %p %P %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%. Between
// % and the conversion: flags _ (pad with spaces), - (do not pad), 0 (pad
// with zeros), ^ (upper case), # (swap case), a width, and the E and O
// modifiers (ignored, as in the C locale). Anything else is copied as it is
// written, as glibc does.
package strftime

import (
	"strconv"
	"strings"
	"time"
)

// Tm is a broken-down time, as C's struct tm.
type Tm struct {
	Year   int    // the year (2026, not 126)
	Mon    int    // 1..12
	Mday   int    // 1..31
	Hour   int    // 0..23
	Min    int    // 0..59
	Sec    int    // 0..61
	Wday   int    // 0..6, Sunday is 0
	Yday   int    // 0..365
	Isdst  int    // 1 summer time, 0 not, -1 unknown
	Zone   string // the zone's abbreviation ("UTC", "CET")
	Gmtoff int    // seconds east of UTC
}

// FromTime breaks t down in its own location.
func FromTime(t time.Time) Tm {
	zone, off := t.Zone()
	dst := 0
	if t.IsDST() {
		dst = 1
	}
	return Tm{
		Year: t.Year(), Mon: int(t.Month()), Mday: t.Day(),
		Hour: t.Hour(), Min: t.Minute(), Sec: t.Second(),
		Wday: int(t.Weekday()), Yday: t.YearDay() - 1,
		Isdst: dst, Zone: zone, Gmtoff: off,
	}
}

// Time is tm as a time in loc (the fields, not Wday, Yday and Gmtoff, as
// C's mktime reads them).
func (tm Tm) Time(loc *time.Location) time.Time {
	return time.Date(tm.Year, time.Month(tm.Mon), tm.Mday, tm.Hour, tm.Min, tm.Sec, 0, loc)
}

// Mktime is C's mktime: the seconds since the epoch of tm's fields read
// as a time in loc. Out-of-range fields carry over (month 13 is January of
// the next year). When tm.Isdst says summer time (1) or not (0) and loc
// disagrees for that time, the other offset of loc is used, as glibc does.
func Mktime(tm Tm, loc *time.Location) int64 {
	t := tm.Time(loc)
	if tm.Isdst < 0 || t.IsDST() == (tm.Isdst > 0) {
		return t.Unix()
	}
	_, off := t.Zone()
	for _, months := range []int{-6, 6, -3, 3} {
		o := t.AddDate(0, months, 0)
		if o.IsDST() == (tm.Isdst > 0) {
			_, other := o.Zone()
			return t.Unix() + int64(off-other)
		}
	}
	return t.Unix()
}

var (
	days   = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	months = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// Format formats tm as C's strftime(format, tm) does. grow is called with
// the length the text would reach before it grows past each power of two
// (a long format, or a wide width), and Format fails with its error: it
// is how the caller bounds the memory a format can take.
func Format(format string, tm Tm, grow func(n int) error) (string, error) {
	f := &formatter{tm: tm, grow: grow, next: 64}
	if err := f.format(format, 0); err != nil {
		return "", err
	}
	return f.b.String(), nil
}

type formatter struct {
	tm   Tm
	b    strings.Builder
	grow func(int) error
	next int // the length at which grow is called next
}

// write adds s, after pad copies of padc.
func (f *formatter) write(padc byte, pad int, s string) error {
	if n := f.b.Len() + max(pad, 0) + len(s); n >= f.next {
		if f.grow != nil {
			if err := f.grow(n); err != nil {
				return err
			}
		}
		for f.next <= n {
			f.next *= 2
		}
	}
	for range pad {
		f.b.WriteByte(padc)
	}
	f.b.WriteString(s)
	return nil
}

func (f *formatter) format(format string, depth int) error {
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			j := strings.IndexByte(format[i:], '%')
			if j < 0 {
				j = len(format) - i
			}
			if err := f.write(0, 0, format[i:i+j]); err != nil {
				return err
			}
			i += j - 1
			continue
		}
		start := i
		var pad byte // 0, '_', '-', '0'
		upper, swap := false, false
		i++
	flags:
		for ; i < len(format); i++ {
			switch format[i] {
			case '_', '-', '0':
				pad = format[i]
			case '^':
				upper = true
			case '#':
				swap = true
			default:
				break flags
			}
		}
		width := -1
		for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
			if width < 0 {
				width = 0
			}
			if width < 1<<30 {
				width = width*10 + int(format[i]-'0')
			}
		}
		for i < len(format) && (format[i] == 'E' || format[i] == 'O') {
			i++
		}
		conv := byte(0)
		if i < len(format) {
			conv = format[i]
		}
		if err := f.conversion(conv, pad, upper, swap, width, depth, format[start:min(i+1, len(format))]); err != nil {
			return err
		}
	}
	return nil
}

// conversion writes one conversion; spec is its text, from the %.
func (f *formatter) conversion(conv, pad byte, upper, swap bool, width, depth int, spec string) error {
	tm := f.tm
	num := func(digits int, v int, spaces bool) error {
		s := strconv.Itoa(abs(v))
		neg := v < 0
		padc := byte('0')
		if spaces {
			padc = ' '
		}
		switch pad {
		case '_':
			padc = ' '
		case '0':
			padc = '0'
		}
		if pad != '-' && len(s) < digits {
			if padc == '0' {
				s = strings.Repeat("0", digits-len(s)) + s
			} else if !neg {
				s = strings.Repeat(" ", digits-len(s)) + s
			}
		}
		if neg {
			s = "-" + s
		}
		wpad := byte(' ')
		if pad == '0' || (pad == 0 && !spaces) {
			wpad = '0'
		}
		return f.write(wpad, width-len(s), s)
	}
	str := func(s string, lowerOnSwap bool) error {
		switch {
		case upper:
			s = strings.ToUpper(s)
		case swap && lowerOnSwap:
			s = strings.ToLower(s)
		case swap:
			s = strings.ToUpper(s)
		}
		wpad := byte(' ')
		if pad == '0' {
			wpad = '0'
		}
		return f.write(wpad, width-len(s), s)
	}
	sub := func(format string) error {
		if depth > 0 {
			return nil
		}
		if !upper {
			return f.format(format, depth+1)
		}
		inner := &formatter{tm: tm, next: 64}
		_ = inner.format(format, depth+1)
		return f.write(0, 0, strings.ToUpper(inner.b.String()))
	}
	hour12 := tm.Hour % 12
	if hour12 == 0 {
		hour12 = 12
	}
	switch conv {
	case '%':
		return str("%", false)
	case 'n':
		return str("\n", false)
	case 't':
		return str("\t", false)
	case 'a':
		return str(name(days[:], tm.Wday)[:3], false)
	case 'A':
		return str(name(days[:], tm.Wday), false)
	case 'b', 'h':
		return str(name(months[:], tm.Mon-1)[:3], false)
	case 'B':
		return str(name(months[:], tm.Mon-1), false)
	case 'p', 'P':
		s := "AM"
		if tm.Hour >= 12 {
			s = "PM"
		}
		if conv == 'P' {
			s = strings.ToLower(s)
			upper, swap = false, false
		}
		return str(s, true)
	case 'Z':
		return str(tm.Zone, true)
	case 'c':
		return sub("%a %b %e %H:%M:%S %Y")
	case 'x', 'D':
		return sub("%m/%d/%y")
	case 'X', 'T':
		return sub("%H:%M:%S")
	case 'r':
		return sub("%I:%M:%S %p")
	case 'R':
		return sub("%H:%M")
	case 'F':
		return sub("%Y-%m-%d")
	case 'C':
		return num(2, floorDiv(tm.Year, 100), false)
	case 'y':
		return num(2, (tm.Year%100+100)%100, false)
	case 'Y':
		return num(4, tm.Year, false)
	case 'd':
		return num(2, tm.Mday, false)
	case 'e':
		return num(2, tm.Mday, true)
	case 'H':
		return num(2, tm.Hour, false)
	case 'k':
		return num(2, tm.Hour, true)
	case 'I':
		return num(2, hour12, false)
	case 'l':
		return num(2, hour12, true)
	case 'j':
		return num(3, tm.Yday+1, false)
	case 'm':
		return num(2, tm.Mon, false)
	case 'M':
		return num(2, tm.Min, false)
	case 'S':
		return num(2, tm.Sec, false)
	case 's':
		return num(1, int(Mktime(tm, time.Local)), true)
	case 'u':
		return num(1, (tm.Wday+6)%7+1, false)
	case 'w':
		return num(1, tm.Wday, false)
	case 'U':
		return num(2, (tm.Yday-tm.Wday+7)/7, false)
	case 'W':
		return num(2, (tm.Yday-(tm.Wday+6)%7+7)/7, false)
	case 'G', 'g', 'V':
		year, days := tm.Year, isoWeekDays(tm.Yday, tm.Wday)
		if days < 0 {
			year--
			days = isoWeekDays(tm.Yday+365+leap(year), tm.Wday)
		} else if d := isoWeekDays(tm.Yday-(365+leap(year)), tm.Wday); d >= 0 {
			year++
			days = d
		}
		switch conv {
		case 'G':
			return num(4, year, false)
		case 'g':
			return num(2, (year%100+100)%100, false)
		}
		return num(2, days/7+1, false)
	case 'z':
		if tm.Isdst < 0 {
			return nil
		}
		off, sign := tm.Gmtoff, "+"
		if off < 0 {
			off, sign = -off, "-"
		}
		off /= 60
		return f.write(0, 0, sign+pad2(off/60)+pad2(off%60))
	}
	// Not a conversion: copied as written, as glibc does.
	wpad := byte(' ')
	if pad == '0' {
		wpad = '0'
	}
	return f.write(wpad, width-len(spec), spec)
}

func name(names []string, i int) string {
	if i < 0 || i >= len(names) {
		return "?"
	}
	return names[i]
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func leap(year int) int {
	if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 1
	}
	return 0
}

// isoWeekDays is glibc's iso_week_days: the days since the Monday of the
// ISO week 1 that holds yday (negative: the week belongs to the year
// before).
func isoWeekDays(yday, wday int) int {
	const bigEnoughMultipleOf7 = (366/7 + 2) * 7
	return yday - (yday-wday+4+bigEnoughMultipleOf7)%7 + 4 - 1
}
