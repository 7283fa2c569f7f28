-- A NUL byte in a domain name, in Lua.
-- want-exit: 1
-- want-stderr-match: ^cases/lua_nul_in_name\.lua:6: virConnect\.lookupByName: .*(NUL|null).*$
-- needs: string arguments with a NUL byte refused before they reach C
local conn = libvirt.open()
local dom = conn:lookupByName("beta\0gamma")
print("looked up " .. dom:name())
