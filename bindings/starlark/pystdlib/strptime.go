package pystdlib

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vertscript/vertscript/host/strftime"
)

// strptime is a port of Python's _strptime in the C locale: each
// directive becomes the same regular expression, matched without case
// from the start of the text, which it must use up.

var strptimeDirectives = map[byte]string{
	'd': `(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])`,
	'f': `(?P<f>[0-9]{1,6})`,
	'H': `(?P<H>2[0-3]|[0-1]\d|\d)`,
	'I': `(?P<I>1[0-2]|0[1-9]|[1-9])`,
	'G': `(?P<G>\d\d\d\d)`,
	'j': `(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])`,
	'm': `(?P<m>1[0-2]|0[1-9]|[1-9])`,
	'M': `(?P<M>[0-5]\d|\d)`,
	'S': `(?P<S>6[0-1]|[0-5]\d|\d)`,
	'U': `(?P<U>5[0-3]|[0-4]\d|\d)`,
	'w': `(?P<w>[0-6])`,
	'u': `(?P<u>[1-7])`,
	'V': `(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)`,
	'y': `(?P<y>\d\d)`,
	'Y': `(?P<Y>\d\d\d\d)`,
	'z': `(?P<z>[+-]\d\d:?[0-5]\d(?::?[0-5]\d(?:\.\d{1,6})?)?|(?-i:Z))`,
	'A': `(?P<A>monday|tuesday|wednesday|thursday|friday|saturday|sunday)`,
	'a': `(?P<a>mon|tue|wed|thu|fri|sat|sun)`,
	'B': `(?P<B>january|february|march|april|may|june|july|august|september|october|november|december)`,
	'b': `(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`,
	'p': `(?P<p>am|pm)`,
	'%': `%`,
}

// strptimeAliases are the C locale's composite directives.
var strptimeAliases = map[byte]string{'c': "%a %b %d %H:%M:%S %Y", 'x': "%m/%d/%y", 'X': "%H:%M:%S", 'W': "%U"}

// parsedTime is what strptime read.
type parsedTime struct {
	year, month, day, hour, minute, second, micro int
	wday, yday                                    int // wday Monday 0; yday 1..366
	isdst                                         int
	gmtoff                                        *int
	zone                                          string
}

func (p parsedTime) tm() strftime.Tm {
	tm := strftime.Tm{Year: p.year, Mon: p.month, Mday: p.day, Hour: p.hour, Min: p.minute, Sec: p.second,
		Wday: (p.wday + 1) % 7, Yday: p.yday - 1, Isdst: p.isdst, Zone: p.zone}
	if p.gmtoff != nil {
		tm.Gmtoff = *p.gmtoff
	}
	return tm
}

func strptimePattern(format string, zones []string) (string, error) {
	var b strings.Builder
	b.WriteString(`(?i)\A`)
	for i := 0; i < len(format); i++ {
		c := format[i]
		switch {
		case c == '%' && i+1 < len(format):
			i++
			d := format[i]
			if alias, ok := strptimeAliases[d]; ok {
				sub, err := strptimePattern(alias, zones)
				if err != nil {
					return "", err
				}
				b.WriteString(strings.TrimPrefix(sub, `(?i)\A`))
				continue
			}
			if d == 'Z' {
				var alts []string
				for _, z := range append([]string{"utc", "gmt"}, zones...) {
					alts = append(alts, regexp.QuoteMeta(strings.ToLower(z)))
				}
				b.WriteString(`(?P<Z>` + strings.Join(alts, "|") + `)`)
				continue
			}
			re, ok := strptimeDirectives[d]
			if !ok {
				return "", valueError("'%c' is a bad directive in format '%%%c'", d, d)
			}
			b.WriteString(re)
		case c == '%':
			return "", valueError("stray %% in format %s", ReprString(format))
		case isSpaceRune(rune(c)):
			for i+1 < len(format) && isSpaceRune(rune(format[i+1])) {
				i++
			}
			b.WriteString(`\s+`)
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	return b.String(), nil
}

var (
	monthAbbr = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	dayAbbr   = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
)

// strptime parses s by format, with loc's zone names for %Z.
func strptime(s, format string, loc *time.Location) (parsedTime, error) {
	jan, _ := time.Date(2000, 1, 1, 0, 0, 0, 0, loc).Zone()
	jul, _ := time.Date(2000, 7, 1, 0, 0, 0, 0, loc).Zone()
	pat, err := strptimePattern(format, []string{jan, jul})
	if err != nil {
		return parsedTime{}, err
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		return parsedTime{}, valueError("bad format %s: %v", ReprString(format), err)
	}
	m := re.FindStringSubmatchIndex(s)
	if m == nil {
		return parsedTime{}, valueError("time data %s does not match format %s", ReprString(s), ReprString(format))
	}
	if m[1] != len(s) {
		return parsedTime{}, valueError("unconverted data remains: %s", s[m[1]:])
	}
	got := map[string]string{}
	for i, name := range re.SubexpNames() {
		if name != "" && m[2*i] >= 0 {
			got[name] = s[m[2*i]:m[2*i+1]]
		}
	}
	atoi := func(k string) int { n, _ := strconv.Atoi(strings.TrimSpace(got[k])); return n }
	p := parsedTime{year: 1900, month: 1, day: 1, wday: -1, yday: -1, isdst: -1}
	if _, ok := got["y"]; ok {
		p.year = atoi("y")
		if p.year <= 68 {
			p.year += 2000
		} else {
			p.year += 1900
		}
	}
	if _, ok := got["Y"]; ok {
		p.year = atoi("Y")
	}
	if _, ok := got["m"]; ok {
		p.month = atoi("m")
	}
	if v, ok := got["B"]; ok {
		p.month = indexOf(monthAbbr, strings.ToLower(v)[:3]) + 1
	}
	if v, ok := got["b"]; ok {
		p.month = indexOf(monthAbbr, strings.ToLower(v)) + 1
	}
	if _, ok := got["d"]; ok {
		p.day = atoi("d")
	}
	if _, ok := got["H"]; ok {
		p.hour = atoi("H")
	}
	if _, ok := got["I"]; ok {
		p.hour = atoi("I")
		ampm := strings.ToLower(got["p"])
		switch {
		case ampm == "" || ampm == "am":
			if p.hour == 12 {
				p.hour = 0
			}
		case ampm == "pm":
			if p.hour != 12 {
				p.hour += 12
			}
		}
	}
	if _, ok := got["M"]; ok {
		p.minute = atoi("M")
	}
	if _, ok := got["S"]; ok {
		p.second = atoi("S")
	}
	if v, ok := got["f"]; ok {
		p.micro, _ = strconv.Atoi(v + strings.Repeat("0", 6-len(v)))
	}
	if v, ok := got["A"]; ok {
		p.wday = indexOf(dayAbbr, strings.ToLower(v)[:3])
	}
	if v, ok := got["a"]; ok {
		p.wday = indexOf(dayAbbr, strings.ToLower(v))
	}
	if _, ok := got["w"]; ok {
		p.wday = (atoi("w") + 6) % 7
	}
	if _, ok := got["u"]; ok {
		p.wday = atoi("u") - 1
	}
	if _, ok := got["j"]; ok {
		p.yday = atoi("j")
	}
	if v, ok := got["z"]; ok {
		if v == "Z" || v == "z" {
			zero := 0
			p.gmtoff = &zero
		} else {
			sign := 1
			if v[0] == '-' {
				sign = -1
			}
			digits := strings.ReplaceAll(v[1:], ":", "")
			h, _ := strconv.Atoi(digits[0:2])
			mi, _ := strconv.Atoi(digits[2:4])
			sec := 0
			if len(digits) >= 6 {
				sec, _ = strconv.Atoi(digits[4:6])
			}
			off := sign * (h*3600 + mi*60 + sec)
			p.gmtoff = &off
		}
	}
	if v, ok := got["Z"]; ok {
		p.zone = v
		switch z := strings.ToLower(v); {
		case z == "utc" || z == "gmt":
			p.isdst = 0
		case z == strings.ToLower(jul) && jul != jan:
			p.isdst = 1
		case z == strings.ToLower(jan):
			p.isdst = 0
		}
	}
	if p.yday > 0 && got["m"] == "" && got["b"] == "" && got["B"] == "" && got["d"] == "" {
		t := time.Date(p.year, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, p.yday-1)
		p.month, p.day = int(t.Month()), t.Day()
	}
	t := time.Date(p.year, time.Month(p.month), p.day, 0, 0, 0, 0, time.UTC)
	if t.Day() != p.day {
		return parsedTime{}, valueError("day is out of range for month")
	}
	if p.yday < 0 {
		p.yday = t.YearDay()
	}
	if p.wday < 0 {
		p.wday = (int(t.Weekday()) + 6) % 7
	}
	return p, nil
}

func indexOf(l []string, s string) int {
	for i, x := range l {
		if x == s {
			return i
		}
	}
	return 0
}
