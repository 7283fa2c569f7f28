-- A connection used after it was closed.
-- want-exit: 1
-- want-stderr-first: cases/lua_use_after_close.lua:6: virConnect.lookupByName: invalid connection pointer in virDomainLookupByName
local conn = libvirt.open()
conn:close()
conn:lookupByName("alpha")
