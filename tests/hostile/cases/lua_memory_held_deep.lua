-- A chain of tables nested ever deeper, each level holding a string: the
-- walk of what the script holds goes through it without recursion, and
-- the run stops at --max-memory.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr-match: ^cases/lua_memory_held_deep\.lua:\d+: (Lua script cancelled: )?max-memory: the script (used \d+ MiB|holds \d+ MiB of values), more than its 64 MiB$
-- max-rss: 256MiB
local chain = {}
local i = 0
while true do
  i = i + 1
  chain = {chain, string.rep("x", 200) .. i}
end
