local conn = libvirt.open()
local dom = conn:lookupByName("test")
dom:setAutostart()
