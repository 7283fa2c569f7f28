-- The same through load: a chunk whose chain of concatenations nests past
-- the bound fails to compile, as a chunk too deep does in Lua.
-- want-exit: 1
-- want-stderr-first: (load):1: chunk has too many syntax levels (more than 1000)
local f, err = load("return " .. string.rep("'a' .. ", 3000) .. "'a'")
error(err, 0)
