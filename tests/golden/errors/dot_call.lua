-- Calling a method with '.' instead of ':' leaves out the receiver.
local conn = libvirt.open()
conn.lookupByName("test")
