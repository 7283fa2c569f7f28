-- package (and package.loadlib, which loads C libraries) is not there.
-- want-exit: 1
-- want-stderr-first: cases/lua_package_loadlib.lua:4: package is not available in vertscript's sandbox (require(name) loads name.lua from the script's directory)
local system = package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")
