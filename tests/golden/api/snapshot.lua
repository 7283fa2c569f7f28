-- virDomainSnapshot and virDomain's snapshot methods, on tests/fixtures/objects.xml:
-- app-1 has two snapshots, base and its child upgrade (the current one).
local conn = libvirt.open()
local dom = conn:lookupByName("app-1")

local function sorted_names(list)
  table.sort(list)
  return table.concat(list, ", ")
end

local function names(snaps)
  local out = {}
  for _, s in ipairs(snaps) do
    out[#out + 1] = s:getName()
  end
  return sorted_names(out)
end

local function py(b)
  if b then return "True" end
  return "False"
end

local function show_error(what, err)
  print(string.format("%s: error %d in domain %d: %s", what, err:get_error_code(), err:get_error_domain(), err:get_error_message()))
end

print(string.format("snapshotNum: %d, hasCurrentSnapshot: %d", dom:snapshotNum(), dom:hasCurrentSnapshot()))
print(string.format("snapshotListNames: %s", sorted_names(dom:snapshotListNames())))
print(string.format("listAllSnapshots: %s", names(dom:listAllSnapshots())))
print(string.format("roots: %s, leaves: %s", names(dom:listAllSnapshots(libvirt.VIR_DOMAIN_SNAPSHOT_LIST_ROOTS)),
  names(dom:listAllSnapshots(libvirt.VIR_DOMAIN_SNAPSHOT_LIST_LEAVES))))

local cur = dom:snapshotCurrent()
print(string.format("snapshotCurrent: %s, isCurrent: %d, hasMetadata: %d", cur:getName(), cur:isCurrent(), cur:hasMetadata()))
local base = cur:getParent()
print(string.format("getParent: %s, isCurrent: %d", base:getName(), base:isCurrent()))
print(string.format("base children: %d (%s)", base:numChildren(), table.concat(base:listChildrenNames(), ", ")))
print(string.format("base listAllChildren: %s", names(base:listAllChildren())))
print(string.format("getDomain is dom: %s, domain is dom: %s", py(cur:getDomain() == dom), py(base:domain() == dom)))
print(string.format("getConnect is conn: %s, connect is conn: %s", py(cur:getConnect() == conn), py(cur:connect() == conn)))
print("upgrade XML:")
print(cur:getXMLDesc())

local ok, err = pcall(base.getParent, base)
show_error("base.getParent", err)
ok, err = pcall(dom.snapshotLookupByName, dom, "nosuch")
show_error("snapshotLookupByName('nosuch')", err)

-- Revert to the shut-off snapshot, then to the running one.
print(string.format("state: %d", dom:info()[1]))
local r = dom:revertToSnapshot(cur)
print(string.format("revertToSnapshot(upgrade): %d, state: %d", r, dom:info()[1]))
r = dom:revertToSnapshot(base)
print(string.format("revertToSnapshot(base): %d, state: %d, current: %s", r, dom:info()[1], dom:snapshotCurrent():getName()))

-- New snapshots become children of the current one.
local s1 = dom:snapshotCreateXML("<domainsnapshot><name>s1</name><description>after the revert</description></domainsnapshot>")
print(string.format("snapshotCreateXML: %s, isCurrent: %d, parent: %s", s1:getName(), s1:isCurrent(), s1:getParent():getName()))
local s2 = dom:snapshotCreateXML("<domainsnapshot><name>s2</name></domainsnapshot>", 0)
print(string.format("s2 parent: %s", s2:getParent():getName()))
print(string.format("base children: %s; descendants: %d (%s)", sorted_names(base:listChildrenNames()),
  base:numChildren(libvirt.VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS),
  names(base:listAllChildren(libvirt.VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS))))
ok, err = pcall(dom.snapshotCreateXML, dom, "<domainsnapshot><name>s3</name></domainsnapshot>", libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA)
show_error("snapshotCreateXML(NO_METADATA)", err)
ok, err = pcall(dom.snapshotListNames, dom, 1073741824)
show_error("snapshotListNames(1 << 30)", err)

-- Deleting.
r = s2:delete()
print(string.format("s2.delete: %d, snapshotNum: %d", r, dom:snapshotNum()))
print(string.format("deleted s2 keeps its name: %s", s2:getName()))
ok, err = pcall(s2.isCurrent, s2)
show_error("s2.isCurrent", err)
r = base:delete(libvirt.VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY)
print(string.format("base.delete(CHILDREN_ONLY): %d, left: %s", r, table.concat(dom:snapshotListNames(), ", ")))
r = base:delete()
print(string.format("base.delete: %d, snapshotNum: %d, hasCurrentSnapshot: %d", r, dom:snapshotNum(), dom:hasCurrentSnapshot()))
print(string.format("listAllSnapshots: [%s], snapshotListNames: [%s]", names(dom:listAllSnapshots()), table.concat(dom:snapshotListNames(), ", ")))
ok, err = pcall(dom.snapshotCurrent, dom)
show_error("snapshotCurrent", err)
