-- Autostart audit: which active (running or paused) domains would not come
-- back after the host reboots? Persistent ones without autostart are listed
-- (and, with --fix, get autostart set); transient ones cannot autostart and
-- must be defined first.
--
--   vertscript --read-only -c qemu:///system scripts/examples/autostart_audit.lua
--   vertscript --dry-run -c qemu:///system scripts/examples/autostart_audit.lua --fix
if #arg > 1 or (#arg == 1 and arg[1] ~= "--fix") then
  error("usage: autostart_audit.lua [--fix]", 0)
end
local fix = #arg == 1

local conn = libvirt.open()
local doms = conn:listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)
table.sort(doms, function(a, b) return a:name() < b:name() end)

-- isPersistent() and autostart() return 0 or 1, and 0 is true in Lua.
local missing, transient = {}, {}
for _, dom in ipairs(doms) do
  if dom:isPersistent() == 0 then
    table.insert(transient, dom:name())
  elseif dom:autostart() == 0 then
    table.insert(missing, dom)
  end
end

for _, dom in ipairs(missing) do
  if fix then
    dom:setAutostart(1)
    print(dom:name() .. ": autostart set")
  else
    print(dom:name() .. ": autostart off")
  end
end
for _, name in ipairs(transient) do
  print(name .. ": transient, lost at host reboot (define it to keep it)")
end

if #missing == 0 and #transient == 0 then
  print("Every active domain starts at host boot.")
elseif #missing > 0 and not fix then
  print("")
  print(string.format("%d active domains have autostart off; run with --fix to set it.", #missing))
end
