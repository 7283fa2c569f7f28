-- load of a precompiled chunk ("\27Lua...") is refused: only source runs.
-- want-exit: 1
-- want-stdout: nil\t(load): attempt to load a precompiled chunk: only Lua source is allowed
-- want-stderr: cases/lua_load_bytecode.lua:10: (load): attempt to load a precompiled chunk: only Lua source is allowed
-- want-stderr: stack traceback:
-- want-stderr: \t[G]: in function 'assert'
-- want-stderr: \tcases/lua_load_bytecode.lua:10: in main chunk
local f, err = load("\27Lua\81\0\1\4\8\4\8\0")
print(f, err)
assert(f, err)()
