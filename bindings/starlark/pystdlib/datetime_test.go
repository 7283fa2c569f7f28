package pystdlib_test

import "testing"

func TestDatetimeDiff(t *testing.T) {
	cases := []diffCase{
		{name: "now", src: `
dt = datetime.datetime
n = dt.now()
print(n, pyrepr(n), n.isoformat(), n.year, n.hour, n.microsecond)
print(dt.utcnow(), datetime.date.today(), pyrepr(datetime.date.today()))
print(n.strftime("%Y-%m-%d %H:%M:%S.%f %a %b %j [%z] [%Z]"), n.weekday(), n.isoweekday(), n.ctime())
print(pyrepr(n.timestamp()), pyrepr(dt.fromtimestamp(1e9)), dt.utcfromtimestamp(0))
u = dt.now(datetime.timezone.utc)
print(u, pyrepr(u), u.strftime("%H:%M %z %Z"), u.isoformat(timespec="seconds"), pyrepr(u.timestamp()))
print(u.astimezone(datetime.timezone(datetime.timedelta(hours=-5), "EST")))
`},
		{name: "timedelta", src: `
td = datetime.timedelta
for d in [td(0), td(days=1, hours=2, minutes=3, seconds=4, microseconds=5), td(seconds=-1), td(hours=-25), td(weeks=2, milliseconds=1500), td(days=1.5), td(minutes=0.1)]:
    print(str(d), pyrepr(d), d.days, d.seconds, d.microseconds, pyrepr(d.total_seconds()))
a, b = td(hours=3), td(minutes=45)
print(a + b, a - b, b - a, a * 2, a / 4, pyrepr(a / b), a // b, a % b, -a, a > b, 3 * b, a // 7)
print(bool(td(0)), bool(a))
`},
		{name: "arith", src: `
d = datetime.datetime(2026, 2, 28, 23, 30)
print(d + datetime.timedelta(hours=1), d - datetime.timedelta(days=365), pyrepr(d))
e = datetime.datetime(2026, 3, 4, 5, 6, 7, 250000)
print(e - d, pyrepr(e - d), (e - d).total_seconds(), e > d, e == e.replace(microsecond=250000))
print(e.replace(year=2020, day=1), e.date(), datetime.date(2026, 3, 1) - datetime.date(2025, 3, 1))
print(datetime.date(2026, 1, 31) + datetime.timedelta(days=30), datetime.date(2026, 3, 4).strftime("%A %d %B %Y"))
`},
		{name: "parse", src: `
p = datetime.datetime.strptime("2026-03-04 05:06:07.5", "%Y-%m-%d %H:%M:%S.%f")
print(pyrepr(p))
q = datetime.datetime.strptime("2026-03-04T05:06:07+0200", "%Y-%m-%dT%H:%M:%S%z")
print(pyrepr(q), q, q.utcoffset())
for s in ["2026-03-04", "2026-03-04T05:06", "2026-03-04 05:06:07.123", "2026-03-04T05:06:07+01:00", "2026-03-04T05:06:07.123456-05:30"]:
    print(pyrepr(datetime.datetime.fromisoformat(s)))
print(pyrepr(datetime.date.fromisoformat("2026-03-04")))
`},
		{name: "err-day", src: `datetime.datetime(2026, 2, 30)`},
		{name: "err-strptime", src: `datetime.datetime.strptime("x", "%Y")`},
		{name: "err-iso", src: `datetime.datetime.fromisoformat("2026/03/04")`},
	}
	diff(t, cases)
}
