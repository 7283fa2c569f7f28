-- os.date and os.time as Lua 5.1 (C's strftime and mktime) give them.
local times = {0, 1000000000, 1700000000, 1711846800, 1719792000, -34560000, 4102444800}
local formats = {"%a %A %b %B %h", "%c", "%C %y %Y %G %g", "%d %e %j %m", "%D %F %T %R %r",
  "%H %I %k %l %M %S", "%p %P", "%u %w %U %W %V", "%x %X", "%z %Z", "%n%t%%", "%Y-%m-%dT%H:%M:%S%z",
  "%-d %_d %05d %^a %#Z %10Y", "%Ec %Ey %Od %E %O", "%Q %N %+ %5 %", "100%", "", "no conversion",
  "%s"}
for _, t in ipairs(times) do
  for _, f in ipairs(formats) do
    print(f, os.date(f, t), os.date("!" .. f, t))
  end
  for _, prefix in ipairs({"", "!"}) do
    local d = os.date(prefix .. "*t", t)
    print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
    print(os.time(d) - t, os.time({year = d.year, month = d.month, day = d.day}))
  end
end
print(os.time({year = 2020, month = 14, day = 40, hour = 25, min = -5, sec = 70}))
print(os.time({year = "2020", month = "2", day = "29", isdst = false}))
print(pcall(os.time, {year = 2020}))
print(pcall(os.time, {year = 2020, month = 1}))
print(type(os.time()), type(os.clock()), type(os.date()))
