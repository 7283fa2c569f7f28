-- virDomainCheckpoint and virDomain's checkpoint methods, on
-- tests/fixtures/objects.xml: app-2 has a disk and no snapshot; tools has no
-- disk. Checkpoint XML holds the time it was taken: those lines are left out.
local conn = libvirt.open()
local dom = conn:lookupByName("app-2")

local function names(cps)
  local out = {}
  for _, c in ipairs(cps) do
    out[#out + 1] = c:getName()
  end
  table.sort(out)
  return table.concat(out, ", ")
end

local function py(b)
  if b then return "True" end
  return "False"
end

local function show_error(what, err)
  print(string.format("%s: error %d in domain %d: %s", what, err:get_error_code(), err:get_error_domain(), err:get_error_message()))
end

local function show_xml(xml)
  local out = {}
  for line in (xml .. "\n"):gmatch("(.-)\n") do
    if not line:find("creationTime", 1, true) then
      out[#out + 1] = line
    end
  end
  print(table.concat(out, "\n"))
end

print(string.format("listAllCheckpoints: [%s]", names(dom:listAllCheckpoints())))
local c1 = dom:checkpointCreateXML("<domaincheckpoint><name>c1</name><description>nightly</description></domaincheckpoint>")
print(string.format("checkpointCreateXML: %s", c1:getName()))
local c2 = dom:checkpointCreateXML("<domaincheckpoint><name>c2</name></domaincheckpoint>", 0)
print(string.format("checkpointCreateXML: %s, getParent: %s", c2:getName(), c2:getParent():getName()))
print(string.format("listAllCheckpoints: %s; roots: %s; leaves: %s", names(dom:listAllCheckpoints()),
  names(dom:listAllCheckpoints(libvirt.VIR_DOMAIN_CHECKPOINT_LIST_ROOTS)),
  names(dom:listAllCheckpoints(libvirt.VIR_DOMAIN_CHECKPOINT_LIST_LEAVES))))
print(string.format("c1 listAllChildren: %s; descendants: %s", names(c1:listAllChildren()),
  names(c1:listAllChildren(libvirt.VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS))))
print(string.format("checkpointLookupByName('c2'): %s", dom:checkpointLookupByName("c2"):getName()))
print(string.format("getDomain is dom: %s, domain is dom: %s", py(c2:getDomain() == dom), py(c2:getParent():domain() == dom)))
print(string.format("getConnect is conn: %s, connect is conn: %s", py(c1:getConnect() == conn), py(c1:connect() == conn)))
print("c1 XML:")
show_xml(c1:getXMLDesc())
print("c2 XML without the domain:")
show_xml(c2:getXMLDesc(libvirt.VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN))

local ok, err = pcall(c1.getParent, c1)
show_error("c1.getParent", err)
ok, err = pcall(dom.checkpointLookupByName, dom, "nosuch")
show_error("checkpointLookupByName('nosuch')", err)
ok, err = pcall(dom.checkpointCreateXML, dom, "<domaincheckpoint><name>c1</name></domaincheckpoint>")
show_error("checkpointCreateXML(c1 again)", err)
ok, err = pcall(dom.snapshotCreateXML, dom, "<domainsnapshot/>")
show_error("snapshotCreateXML", err)
local tools = conn:lookupByName("tools")
ok, err = pcall(tools.checkpointCreateXML, tools, "<domaincheckpoint/>")
show_error("tools.checkpointCreateXML", err)

local r = c2:delete()
print(string.format("c2.delete: %d, left: %s", r, names(dom:listAllCheckpoints())))
print(string.format("deleted c2 keeps its name: %s", c2:getName()))
ok, err = pcall(c2.getXMLDesc, c2)
show_error("c2.getXMLDesc", err)
local c3 = dom:checkpointCreateXML("<domaincheckpoint><name>c3</name></domaincheckpoint>")
print(string.format("c3 parent: %s", c3:getParent():getName()))
r = c1:delete(libvirt.VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN)
print(string.format("c1.delete(CHILDREN): %d, listAllCheckpoints: [%s]", r, names(dom:listAllCheckpoints())))
