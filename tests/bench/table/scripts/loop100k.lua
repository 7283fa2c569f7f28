-- loop100k: 100,000 rounds of list, look up, info and name on the harness's
-- 200-domain node, reached through the default URI (LIBVIRT_DEFAULT_URI).
local conn = libvirt.open()
for i = 0, 99999 do
    local ids = conn:listDomainsID()
    local dom = conn:lookupByID(ids[(i % #ids) + 1])
    dom:info()
    dom:name()
end
