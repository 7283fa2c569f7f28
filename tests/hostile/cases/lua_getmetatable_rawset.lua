-- getmetatable of a libvirt object gives a placeholder, not the real
-- metatable, so rawset cannot replace its methods.
-- want-exit: 1
-- want-stdout: locked
-- want-stderr-first: cases/lua_getmetatable_rawset.lua:10: bad argument #1 to rawset (table expected, got string)
local conn = libvirt.open()
local dom = conn:lookupByName("alpha")
local mt = getmetatable(dom)
print(mt)
rawset(mt, "__index", {destroy = function() return 0 end})
