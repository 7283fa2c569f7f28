-- string.dump is not there, not even through the string metatable.
-- want-exit: 1
-- want-stderr-first: cases/lua_string_dump.lua:4: string.dump is not available in vertscript's sandbox
local dump = ("").dump
print(dump(print))
