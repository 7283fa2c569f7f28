-- Check that the domain described by DOMAIN.XML is running; if it is not,
-- create it: libvirt-python's examples/domstart.py, ported to vertscript's
-- Lua. read_file reads only inside the readable directories.
if #arg ~= 1 then
  error("usage: domstart DOMAIN.XML", 0)
end

local xmldesc = read_file(arg[1])
local name = xml.fromstring(xmldesc):find("name").text

local conn = libvirt.open(nil)

local defined = false
for _, d in ipairs(conn:listAllDomains()) do
  if d:name() == name then defined = true end
end
if defined then
  print(string.format("Domain %s is already defined", name))
else
  print(string.format("Starting domain %s ... ", name))
  local dom = conn:createLinux(xmldesc, 0)
  print("done")
  print(string.format("%s is running: %s", dom:name(), dom:isActive() == 1 and "True" or "False"))
end
