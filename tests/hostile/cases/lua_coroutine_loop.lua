-- An infinite loop inside a coroutine: the timeout reaches it too.
-- flags: --timeout 1s
-- want-exit: 1
-- want-stderr-match: ^cases/lua_coroutine_loop\.lua:5: (Lua script cancelled: )?timeout: the script ran longer than 1s$
local co = coroutine.wrap(function() while true do end end)
co()
