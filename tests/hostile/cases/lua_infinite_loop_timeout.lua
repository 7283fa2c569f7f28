-- An infinite loop: --timeout stops it (Lua has no step limit).
-- flags: --timeout 1s
-- want-exit: 1
-- want-stderr-match: ^cases/lua_infinite_loop_timeout\.lua:5: (Lua script cancelled: )?timeout: the script ran longer than 1s$
while true do end
