-- The libvirt module cannot be changed: not by assignment, not by rawset
-- (a required module could otherwise replace libvirt.open under the
-- script that loads it).
-- want-exit: 1
-- want-stderr-first: cases/lua_module_read_only.lua:7: cannot set field 'open' of the libvirt module
assert(not pcall(rawset, libvirt, "open", print))
libvirt.open = function() return nil end
