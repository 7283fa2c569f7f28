-- A pattern of a million nested captures: gopher-lua compiles it by
-- recursion, which overflowed the Go stack, a fatal error (exit 2). More
-- than Lua's 32 captures is refused, as Lua 5.1 does.
-- want-exit: 1
-- want-stdout: built
-- want-stderr-first: cases/lua_pattern_nested_captures.lua:11: string.find: too many captures (more than 32)
-- needs: the pattern functions to refuse more captures than Lua allows
local n = 1000000
local p = string.rep("(", n) .. "a" .. string.rep(")", n)
print("built")
print(("a"):find(p))
