-- A NUL byte in a path: refused with an error that does not echo the raw
-- byte to the terminal.
-- want-exit: 1
-- want-stderr-match: ^cases/lua_read_file_nul\.lua:7: read_file: [^\x00]*$
-- needs: read_file to quote (or refuse) a path with a NUL byte instead of printing it raw
local here = "cases/lua_read_file_nul.lua"
print(read_file(here .. "\0/etc/passwd"))
