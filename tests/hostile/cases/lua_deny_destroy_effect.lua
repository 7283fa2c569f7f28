-- --deny destroy (an effect) refuses destroy on every object.
-- flags: --deny destroy
-- want-exit: 1
-- want-stderr-first: cases/lua_deny_destroy_effect.lua:6: virDomain.destroy: refused by policy: denied by the rule destroy
local conn = libvirt.open()
for _, dom in ipairs(conn:listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)) do dom:destroy() end
