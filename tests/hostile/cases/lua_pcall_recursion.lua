-- Recursion through pcall: each protected call runs on a thread of its own,
-- so the depth limit counts protected calls in progress, and the deepest
-- one fails with "stack overflow", which every level passes on.
-- flags: --max-memory 128MiB
-- max-rss: 256MiB
-- want-exit: 1
-- want-stderr-first: cases/lua_pcall_recursion.lua:9: stack overflow
local function f(d)
  local ok, e = pcall(f, d + 1)
  if not ok then error(e, 0) end
end
f(0)
