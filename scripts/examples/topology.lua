-- Parse topology information from the capabilities XML and use it to
-- calculate the host topology: libvirt-python's examples/topology.py,
-- ported to vertscript's Lua, with the xml module.
local conn = libvirt.openReadOnly(nil)
local caps = xml.fromstring(conn:getCapabilities())
local cells = caps:find("host"):find("topology/cells")
local cpus = cells:findall("cell/cpus/cpu")

local function count_distinct(attr)
  local seen, n = {}, 0
  for _, proc in ipairs(cpus) do
    local v = proc:get(attr)
    if v ~= nil and not seen[v] then
      seen[v], n = true, n + 1
    end
  end
  return n
end

print("Host topology")
print("NUMA nodes: " .. cells:get("num"))
print(string.format("   Sockets: %d", count_distinct("socket_id")))
print(string.format("     Cores: %d", count_distinct("siblings")))
print(string.format("   Threads: %d", #cpus))
