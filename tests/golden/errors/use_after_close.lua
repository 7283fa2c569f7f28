local conn = libvirt.open()
local dom = conn:lookupByName("web-1")
print(string.format("close returned %d", conn:close()))
print(dom:name())
