-- Tail-call recursion never grows gopher-lua's call stack, and gopher-lua
-- counts the tail calls of the frame: formatting the error's traceback
-- then takes time and memory in proportion to them. The run must end near
-- its limit (the timeout, or --max-depth counting tail calls), within its
-- memory.
-- flags: --timeout 2s --max-memory 64MiB
-- want-exit: 1
-- want-stderr-match: ^cases/lua_tail_call_recursion\.lua:12: (Lua script cancelled: )?(timeout: the script ran longer than 2s|max-depth: calls nested deeper than 1000)$
-- within: 5s
-- max-rss: 256MiB
-- needs: the Lua adapter to stop a tail-call loop without a traceback of every tail call (gopher-lua's stackTrace)
local function f(n) return f(n + 1) end
f(0)
