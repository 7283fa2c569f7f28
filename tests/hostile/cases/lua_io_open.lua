-- The io library is not there: no file access but read_file.
-- want-exit: 1
-- want-stderr: cases/lua_io_open.lua:7: io is not available in vertscript's sandbox (read_file(path) reads a file)
-- want-stderr: stack traceback:
-- want-stderr: \t[G]: in function (anonymous)
-- want-stderr: \tcases/lua_io_open.lua:7: in main chunk
local f = io.open("/etc/passwd")
print(f:read("*a"))
