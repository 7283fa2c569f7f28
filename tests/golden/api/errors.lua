-- libvirt-python's error reporting: a registered handler sees each libvirt
-- error, and the last error is kept for the process and per connection.
local function handler(ctx, err)
  print(string.format("handler(%s): code %d, domain %d, %s", ctx, err[1], err[2], err[3]))
end

print(string.format("register: %d", libvirt.registerErrorHandler(handler, "quiet")))
print(string.format("before any error: %s %d %d %s", tostring(libvirt.virGetLastError()):gsub("nil", "None"),
  libvirt.virGetLastErrorCode(), libvirt.virGetLastErrorDomain(), libvirt.virGetLastErrorMessage()))
local conn = libvirt.open()
local t = conn:virConnGetLastError()
print(string.format("connection, no error: (%d, %d, None, %d, None, None, None, %d, %d)", t[1], t[2], t[4], t[8], t[9]))
local ok, err = pcall(conn.lookupByName, conn, "no-such-domain")
print(string.format("caught: %d", err:get_error_code()))
local last = libvirt.virGetLastError()
print(string.format("last: code %d, domain %d, level %d, %s", last[1], last[2], last[4], last[3]))
print(string.format("connection's last: %d", conn:virConnGetLastError()[1]))
conn:virConnResetLastError()
libvirt.virResetLastError()
print(string.format("after reset: %s %d", libvirt.virGetLastError() == nil and "None" or "?", conn:virConnGetLastError()[1]))
libvirt.registerErrorHandler(nil, nil)
pcall(conn.lookupByName, conn, "no-such-domain")
print(string.format("without a handler: %d", libvirt.virGetLastErrorCode()))
