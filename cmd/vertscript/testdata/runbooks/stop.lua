-- Suspends a domain; under --read-only the policy refuses it.
-- test: --read-only web-1
local d = libvirt.open():lookupByName(arg[1])
d:suspend()
print(d:info()[1])
