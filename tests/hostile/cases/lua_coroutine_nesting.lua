-- Recursion through coroutines: each has its own call stack, so the depth
-- limit of one does not see the others; memory must still be bounded.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr-match: ^cases/lua_coroutine_nesting\.lua:7: (Lua script cancelled: )?(max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB|max-depth: .*)$
-- max-rss: 256MiB
local function f(n) coroutine.wrap(f)(n + 1) end
f(0)
