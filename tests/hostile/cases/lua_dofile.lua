-- dofile is not there.
-- want-exit: 1
-- want-stderr-first: cases/lua_dofile.lua:4: dofile is not available in vertscript's sandbox (require(name) loads name.lua from the script's directory)
dofile("/etc/passwd")
