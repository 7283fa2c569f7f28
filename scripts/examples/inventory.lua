-- Host inventory: the node, then every domain with its state and resources,
-- sorted by name. Read-only: it runs under --read-only.
--
--   vertscript --read-only -c qemu:///system scripts/examples/inventory.lua
local STATES = {
  [0] = "no state",
  [1] = "running",
  [2] = "blocked",
  [3] = "paused",
  [4] = "shutting down",
  [5] = "shut off",
  [6] = "crashed",
  [7] = "suspended",
}

-- libvirt-python's flags are 0 or 1, and 0 is true in Lua: compare with 1.
local function yes_no(flag)
  if flag == 1 then return "yes" end
  return "no"
end

local function version(v)
  return string.format("%d.%d.%d", math.floor(v / 1000000), math.floor(v / 1000) % 1000, v % 1000)
end

local conn = libvirt.openReadOnly()
local info = conn:getInfo()
print(string.format("Host: %s", conn:getHostname()))
print(string.format("Connection: %s (%s driver, libvirt %s)", conn:getURI(), conn:getType(), version(conn:getLibVersion())))
print(string.format("Node: %s, %d CPUs at %d MHz, %d MiB memory", info[1], info[3], info[4], info[2]))
print("")

local doms = conn:listAllDomains()
table.sort(doms, function(a, b) return a:name() < b:name() end)
print(string.format("%-12s%-10s%-7s%-10s%-11s%s", "NAME", "STATE", "VCPUS", "MEMORY", "AUTOSTART", "PERSISTENT"))
local running = 0
for _, dom in ipairs(doms) do
  local i = dom:info()
  local state, max_mem, vcpus = i[1], i[2], i[4]
  if state == libvirt.VIR_DOMAIN_RUNNING then
    running = running + 1
  end
  print(string.format("%-12s%-10s%-7s%-10s%-11s%s", dom:name(), STATES[state] or "unknown", string.format("%d", vcpus),
    string.format("%d MiB", math.floor(max_mem / 1024)), yes_no(dom:autostart()), yes_no(dom:isPersistent())))
end
print("")
print(string.format("%d domains, %d running", #doms, running))
