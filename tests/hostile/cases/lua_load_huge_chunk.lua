-- A chunk's syntax tree takes many times its size: load refuses a source
-- larger than --max-memory allows, and the run ends.
-- flags: --max-memory 64MiB
-- want-exit: 1
-- want-stderr-first: cases/lua_load_huge_chunk.lua:6: max-memory: the chunk (load) is larger than the 128 KiB of source that 64 MiB allow (a syntax tree takes up to 512 times its source)
local f, err = load(string.rep("x = 1\n", 100000))
print(f, err)
