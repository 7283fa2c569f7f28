-- Under --read-only, a script that opens its own connection, explicitly
-- read-write, cannot widen the policy: destroy is refused.
-- flags: --read-only
-- args: $NODE
-- want-exit: 1
-- want-stderr-first: cases/lua_read_only_own_connection.lua:9: virDomain.destroy: refused by policy: read-only (the operation's effect is destroy)
local conn = libvirt.open(arg[1])
local dom = conn:lookupByName("beta")
dom:destroy()
