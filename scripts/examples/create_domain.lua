-- The seed's "CREATING A DOMAIN": define a domain from the XML file given as
-- argument, start it, list the active domains, then destroy and undefine it.
--
--   vertscript -c test:///default scripts/examples/create_domain.lua scripts/examples/create_domain.xml
if #arg ~= 1 then
  error("usage: create_domain.lua DOMAIN.xml", 0)
end

local conn = libvirt.open()
local dom = conn:defineXML(read_file(arg[1]))
print("Defined " .. dom:name())
dom:create()
print("Started " .. dom:name())

local names = {}
for _, id in ipairs(conn:listDomainsID()) do
  table.insert(names, conn:lookupByID(id):name())
end
table.sort(names)
print("Active domains: " .. table.concat(names, ", "))

dom:destroy()
print("Destroyed " .. dom:name())
dom:undefine()
print("Undefined " .. dom:name())
conn:close()
