-- pcall around a refused call: the refusal must still end the script
-- (README: a refusal "ends the script with exit status 1"); nothing after
-- the pcall may run.
-- flags: --read-only
-- want-exit: 1
-- want-stderr-first: cases/lua_pcall_policy_refusal.lua:10: virDomain.destroy: refused by policy: read-only (the operation's effect is destroy)
-- needs: a decision: today pcall catches a refusal as a plain string and the script goes on (exit 0)
local conn = libvirt.open()
local dom = conn:lookupByName("alpha")
local ok, err = pcall(dom.destroy, dom)
print("pcall returned", ok, err)
