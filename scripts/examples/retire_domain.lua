-- Retire DOMAIN: shut it down, wait until it is off, and undefine it with
-- its managed save image and snapshot metadata. Under --dry-run nothing
-- changes; the wait follows the planned shutdown and returns at once, and
-- the plan spells the flags by name.
--
--   vertscript --dry-run -c qemu:///system scripts/examples/retire_domain.lua old-vm
if #arg ~= 1 or arg[1] == "" then
  error("usage: retire_domain.lua DOMAIN", 0)
end

local conn = libvirt.open()
local dom = conn:lookupByName(arg[1])
if dom:isActive() == 1 then
  dom:shutdown()
  local state = libvirt.wait_for_state(dom, libvirt.VIR_DOMAIN_SHUTOFF, 120)
  print(string.format("%s is shut off (state %d)%s", dom:name(), state, libvirt.dry_run and " in the plan" or ""))
end
dom:undefineFlags(libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE + libvirt.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA)
print(string.format("undefined %s", dom:name()))
