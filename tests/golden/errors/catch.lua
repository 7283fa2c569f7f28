-- pcall returns a libvirt error as a value, as except does in Python.
local conn = libvirt.open()
for _, name in ipairs({"web-1", "nosuch"}) do
  local ok, res = pcall(conn.lookupByName, conn, name)
  if not ok then
    print(string.format("%s: error %d in domain %d: %s", name, res:get_error_code(), res:get_error_domain(), res:get_error_message()))
    print("is VIR_ERR_NO_DOMAIN: " .. (res:get_error_code() == libvirt.VIR_ERR_NO_DOMAIN and "True" or "False"))
  else
    print(string.format("%s: found, id %d", name, res:ID()))
  end
end
