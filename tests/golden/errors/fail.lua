-- A runbook that refuses to go on.
local conn = libvirt.open()
if conn:numOfDomains() > 3 then
  error(string.format("refusing to run: %d domains are active", conn:numOfDomains()))
end
