-- setmetatable on a libvirt object is refused: its metatable is protected.
-- want-exit: 1
-- want-stderr-first: cases/lua_setmetatable_object.lua:6: cannot change a protected metatable
local conn = libvirt.open()
local dom = conn:lookupByName("alpha")
setmetatable(dom, {__index = {suspend = function() return 0 end}})
