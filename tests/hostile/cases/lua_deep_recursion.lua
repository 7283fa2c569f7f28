-- Unbounded recursion: --max-depth stops it, with a message naming the
-- limit (not gopher-lua's bare "stack overflow").
-- flags: --max-depth 200
-- want-exit: 1
-- want-stderr-match: ^cases/lua_deep_recursion\.lua:8: max-depth: calls nested deeper than 200$
-- max-rss: 128MiB
-- needs: the Lua adapter to name the limit (today: "stack overflow")
local function f(n) return 1 + f(n + 1) end
f(0)
