-- loadstring() of blocks nested 100,000 levels deep: compiling took
-- minutes (in the square of the depth) on the way to a Go stack overflow.
-- The chunk is refused at once.
-- want-exit: 1
-- want-stderr-first: cases/lua_deep_load_blocks.lua:10: deep:1: chunk has too many syntax levels (more than 1000)
-- within: 10s
-- needs: loadstring() to bound the nesting of the chunk before it compiles it
local n = 100000
local f, err = loadstring(string.rep("do ", n) .. string.rep("end ", n), "deep")
assert(f, err)
