-- Suspended coroutines, each keeping the one before in a local: each
-- holds its own stacks (a hundred kilobytes or more), which the walk of
-- what the script holds counts, and the run stops at --max-memory.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr-match: ^cases/lua_memory_held_coroutines\.lua:\d+: (Lua script cancelled: )?max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB$
-- max-rss: 256MiB
local prev
local n = 0
while true do
  n = n + 1
  local keep = prev
  prev = coroutine.create(function()
    local mine = string.rep("c", 100) .. n
    local up = keep
    coroutine.yield()
    return #mine, up
  end)
  coroutine.resume(prev)
end
