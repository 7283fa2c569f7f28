-- A method called with '.' instead of ':' leaves out the receiver: a
-- clear error, never a crash.
-- want-exit: 1
-- want-stderr-first: cases/lua_dot_call.lua:7: virDomain.suspend: called on nil, want a virDomain (call methods with ':', as in x:suspend(...))
local conn = libvirt.open()
local dom = conn:lookupByName("alpha")
dom.suspend()
