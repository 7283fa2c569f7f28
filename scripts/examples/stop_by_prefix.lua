-- Gracefully stop every running domain whose name starts with PREFIX, then
-- report the state of every domain. Try it first with --dry-run.
--
--   vertscript --dry-run -c qemu:///system scripts/examples/stop_by_prefix.lua web-
local STATES = {[0] = "no state", [1] = "running", [2] = "blocked", [3] = "paused", [4] = "shutting down", [5] = "shut off", [6] = "crashed", [7] = "suspended"}

if #arg ~= 1 or arg[1] == "" then
  error("usage: stop_by_prefix.lua PREFIX", 0)
end
local prefix = arg[1]

local conn = libvirt.open()
local function by_name(doms)
  table.sort(doms, function(a, b) return a:name() < b:name() end)
  return doms
end

local stopping = {}
for _, dom in ipairs(by_name(conn:listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE))) do
  if string.sub(dom:name(), 1, #prefix) == prefix then
    dom:shutdown()
    table.insert(stopping, dom:name())
  end
end
if #stopping > 0 then
  print("Asked to shut down: " .. table.concat(stopping, ", "))
else
  print("No running domain starts with " .. prefix)
end

for _, dom in ipairs(by_name(conn:listAllDomains())) do
  print(dom:name() .. ": " .. (STATES[dom:state()[1]] or "unknown"))
end
