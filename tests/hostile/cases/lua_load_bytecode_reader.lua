-- The same through load's reader function, the bytecode's first byte
-- alone in the first piece.
-- want-exit: 1
-- want-stderr-first: cases/lua_load_bytecode_reader.lua:11: (load): attempt to load a precompiled chunk: only Lua source is allowed
local pieces = {"\27", "Lua", "\81\0"}
local i = 0
local f, err = load(function()
  i = i + 1
  return pieces[i]
end)
assert(f, err)()
