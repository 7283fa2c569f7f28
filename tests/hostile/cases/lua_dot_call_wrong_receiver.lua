-- A method of one class called on an object of another.
-- want-exit: 1
-- want-stderr-first: cases/lua_dot_call_wrong_receiver.lua:6: virDomain.destroy: called on virConnect, want a virDomain (call methods with ':', as in x:destroy(...))
local conn = libvirt.open()
local dom = conn:lookupByName("alpha")
dom.destroy(conn)
