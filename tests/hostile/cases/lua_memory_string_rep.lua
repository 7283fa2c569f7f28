-- string.rep("x", 1e10): 10 GB in one allocation; it must be refused
-- before it is made.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr: cases/lua_memory_string_rep.lua:10: max-memory: string.rep would build a string of 9536 MiB, more than the 64 MiB allowed
-- want-stderr: stack traceback:
-- want-stderr: \t[G]: in function 'rep'
-- want-stderr: \tcases/lua_memory_string_rep.lua:10: in main chunk
-- max-rss: 256MiB
local s = string.rep("x", 1e10)
