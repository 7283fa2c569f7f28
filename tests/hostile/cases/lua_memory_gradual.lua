-- A table that grows without end: the heap poller stops the script at
-- --max-memory.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr-match: ^cases/lua_memory_gradual\.lua:\d+: (Lua script cancelled: )?max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB$
-- max-rss: 256MiB
local chunks = {}
local i = 0
while true do
  i = i + 1
  chunks[i] = string.rep("x", 1000) .. i
end
