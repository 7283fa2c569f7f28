-- Assigning a method of a libvirt object is refused.
-- want-exit: 1
-- want-stderr-first: cases/lua_object_field_assign.lua:6: cannot set field 'destroy' of a virDomain
local conn = libvirt.open()
local dom = conn:lookupByName("alpha")
dom.destroy = function() return 0 end
