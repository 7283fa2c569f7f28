-- Listing 6 of the IBM developerWorks libvirt article (the seed's ex6), Lua form.
-- The empty URI means the host's default: -c/--connect, else LIBVIRT_DEFAULT_URI.
local conn = libvirt.open()
for _, id in ipairs(conn:listDomainsID()) do
    local dom = conn:lookupByID(id)
    print(string.format("Dom %s  State %d", dom:name(), dom:info()[1]))
    dom:suspend()
    print(string.format("Dom %s  State %d (after suspend)", dom:name(), dom:info()[1]))
    dom:resume()
    print(string.format("Dom %s  State %d (after resume)", dom:name(), dom:info()[1]))
    dom:destroy()
end
