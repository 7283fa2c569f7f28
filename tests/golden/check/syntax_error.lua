-- A syntax error: the check reports its position and lists nothing.
local conn = libvirt.open()
for _, dom in ipairs(conn:listAllDomains()) do
  dom:suspend(
end
