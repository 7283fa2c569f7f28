-- The usual libvirt error handler (err:get_error_message()) around a
-- refused call: the refusal must be what the operator sees, not an error
-- of the handler's.
-- flags: --deny virDomain.destroy
-- want-exit: 1
-- want-stderr-first: cases/lua_pcall_refusal_handler.lua:10: virDomain.destroy: refused by policy: denied by the rule virDomain.destroy
-- needs: a decision: today pcall returns the refusal as a string, so the handler fails with "attempt to call a non-function object"
local conn = libvirt.open()
local dom = conn:lookupByName("alpha")
local ok, err = pcall(dom.destroy, dom)
if not ok then
  print("destroy failed: " .. err:get_error_message())
end
