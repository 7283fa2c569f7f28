-- A typed-parameter dict is checked before libvirt is called: a key that is
-- not one of the setter's fields ends the script with the fields it takes.
local conn = libvirt.open()
local dom = conn:lookupByName("vm1")
print(string.format("setMemoryParameters: %d", dom:setMemoryParameters({hard_limit = 1048576})))
dom:setMemoryParameters({hard_limt = 1048576})
print("not reached")
