-- The same bomb through the string metatable, ("xy"):rep(n), with a count
-- just above what fits.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr-first: cases/lua_memory_string_rep_method.lua:7: max-memory: string.rep would build a string of 64 MiB, more than the 64 MiB allowed
-- max-rss: 256MiB
local s = ("xy"):rep(32 * 1024 * 1024 + 1)
