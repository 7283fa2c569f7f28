-- An uncaught libvirt error ends the script with libvirt's message.
local conn = libvirt.open()
print("looking up nosuch")
local dom = conn:lookupByName("nosuch")
print("not reached")
