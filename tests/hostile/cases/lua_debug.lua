-- The debug library is not there: no registry, no upvalues, no hooks.
-- want-exit: 1
-- want-stderr-first: cases/lua_debug.lua:4: debug is not available in vertscript's sandbox
local registry = debug.getregistry()
