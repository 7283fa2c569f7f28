-- Nested captures through gsub, gmatch and match: each refused before
-- gopher-lua compiles the pattern; pcall catches the error.
-- want-exit: 1
-- want-stdout: false	cases/lua_pattern_captures_gsub.lua:10: string.gsub: too many captures (more than 32)
-- want-stdout: false	cases/lua_pattern_captures_gsub.lua:11: string.gmatch: too many captures (more than 32)
-- want-stdout: false	cases/lua_pattern_captures_gsub.lua:12: string.match: too many captures (more than 32)
-- want-stderr-first: cases/lua_pattern_captures_gsub.lua:13: done
-- needs: the pattern functions to refuse more captures than Lua allows
local p = string.rep("(", 500000) .. "a" .. string.rep(")", 500000)
print(pcall(function() return ("a"):gsub(p, "") end))
print(pcall(function() return string.gmatch("a", p) end))
print(pcall(function() return string.match("a", p) end))
error("done")
