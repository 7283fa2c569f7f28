-- rawset on a libvirt object (userdata) is refused.
-- want-exit: 1
-- want-stderr-first: cases/lua_rawset_object.lua:5: bad argument #1 to rawset (table expected, got userdata)
local conn = libvirt.open()
rawset(conn, "lookupByName", function() return nil end)
