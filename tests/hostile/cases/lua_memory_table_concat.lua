-- table.concat of 1000 references to one 1 MB string: 1 GB in one
-- allocation from a table that costs nothing; it must be refused.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stdout: 1000000
-- want-stderr: cases/lua_memory_table_concat.lua:15: max-memory: table.concat would build a string of 953 MiB, more than the 64 MiB allowed
-- want-stderr: stack traceback:
-- want-stderr: \t[G]: in function 'concat'
-- want-stderr: \tcases/lua_memory_table_concat.lua:15: in main chunk
-- max-rss: 256MiB
local piece = string.rep("x", 1000000)
local t = {}
for i = 1, 1000 do t[i] = piece end
print(#piece)
local s = table.concat(t)
print(#s)
