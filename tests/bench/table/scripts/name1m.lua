-- name1m: one domain looked up once, then its name read 1,000,000 times.
local conn = libvirt.open("test:///default")
local dom = conn:lookupByID(1)
for i = 1, 1000000 do
    dom:name()
end
