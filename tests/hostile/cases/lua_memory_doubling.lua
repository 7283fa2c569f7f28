-- A string that doubles at each step: the heap poller stops it, after at
-- most a doubling or two past --max-memory (the overshoot the README
-- documents); the memory bound here only catches unbounded growth.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr-match: ^cases/lua_memory_doubling\.lua:9: .*max-memory.*64 MiB.*$
-- max-rss: 768MiB
local s = "x"
for i = 1, 40 do s = s .. s end
