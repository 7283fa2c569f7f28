-- load() of a table constructor nested 200,000 levels deep: gopher-lua's
-- compiler recursed until the Go stack overflowed, a fatal error (exit 2).
-- The chunk is refused, as Lua 5.1 refuses one too deep.
-- want-exit: 1
-- want-stdout: built
-- want-stderr-first: cases/lua_deep_load.lua:14: (load):1: chunk has too many syntax levels (more than 1000)
-- max-rss: 900MiB
-- within: 20s
-- needs: load() to bound the nesting of the chunk before it compiles it
local n = 200000
local src = "return " .. string.rep("{", n) .. string.rep("}", n)
print("built")
local f, err = load(src)
assert(f, err)
