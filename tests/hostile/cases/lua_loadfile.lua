-- loadfile is not there.
-- want-exit: 1
-- want-stderr-first: cases/lua_loadfile.lua:4: loadfile is not available in vertscript's sandbox (require(name) loads name.lua from the script's directory)
local f = loadfile("/etc/passwd")
