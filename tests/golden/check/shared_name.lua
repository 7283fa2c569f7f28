-- A method name several classes share: each candidate is listed.
local conn = libvirt.open()
for _, net in ipairs(conn:listAllNetworks()) do
  net:undefine()
end
conn:lookupByName("web-1"):suspend()
