-- Stops the domain named by the first argument: refused, the service is read-only.
local conn = libvirt.open()
conn:lookupByName(arg[1] or "test"):destroy()
