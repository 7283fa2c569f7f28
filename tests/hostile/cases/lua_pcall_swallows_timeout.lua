-- An infinite loop that catches everything with pcall, the cancellation
-- included, and goes on: the timeout must still end it.
-- flags: --timeout 1s
-- want-exit: 1
-- want-stderr-match: ^cases/lua_pcall_swallows_timeout\.lua:6: (Lua script cancelled: )?timeout: the script ran longer than 1s$
while true do pcall(function() while true do end end) end
