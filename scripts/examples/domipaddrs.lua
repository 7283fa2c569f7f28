-- Print a domain's interfaces with their MAC and IP addresses:
-- libvirt-python's examples/domipaddrs.py, ported to vertscript's Lua.
local IPTYPE = {
  [libvirt.VIR_IP_ADDR_TYPE_IPV4] = "ipv4",
  [libvirt.VIR_IP_ADDR_TYPE_IPV6] = "ipv6",
}

local function print_dom_ifaces(dom)
  local ifaces = dom:interfaceAddresses(libvirt.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE)
  print(string.format(" %-10s %-20s %-12s %s", "Interface", "MAC address", "Protocol", "Address"))
  local names = {}
  for name in pairs(ifaces) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    local val = ifaces[name]
    if val.addrs and #val.addrs > 0 then
      for _, addr in ipairs(val.addrs) do
        print(string.format(" %-10s %-19s %-12s %s/%s", name, val.hwaddr, IPTYPE[addr.type], addr.addr, addr.prefix))
      end
    else
      print(string.format(" %-10s %-19s %-12s %s", name, val.hwaddr, "N/A", "N/A"))
    end
  end
end

local uri
if #arg == 2 then
  uri = arg[1]
elseif #arg ~= 1 then
  error("usage: domipaddrs [URI] DOMAIN", 0)
end
local domain = arg[#arg]

local conn = libvirt.open(uri)
local found = false
for _, d in ipairs(conn:listAllDomains()) do
  if d:name() == domain then found = true end
end
if not found then
  print(string.format("Domain %s not found", domain))
  return
end

print_dom_ifaces(conn:lookupByName(domain))
conn:close()
