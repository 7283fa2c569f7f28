-- virNetwork: the fixture's network, then a new one through its lifecycle
-- (define, start, inspect, update, stop, undefine), transient networks, and
-- what the test driver cannot do (DHCP leases, ports) through pcall.
local LAB = [[<network>
  <name>lab</name>
  <uuid>0f8a1a2b-2222-4c3d-8e5f-000000000101</uuid>
  <bridge name='virbr7'/>
  <forward mode='nat'/>
  <ip address='10.7.0.1' netmask='255.255.255.0'>
    <dhcp><range start='10.7.0.10' end='10.7.0.99'/></dhcp>
  </ip>
</network>]]

local function classname(o)
  return tostring(o):match("^<(%S+)")
end

local function sorted(list)
  local out = {}
  for i, v in ipairs(list) do out[i] = v end
  table.sort(out)
  return out
end

local function names(objs)
  local out = {}
  for i, o in ipairs(objs) do out[i] = o:name() end
  return table.concat(sorted(out), ", ")
end

local function py_bool(b)
  if b then return "True" end
  return "False"
end

local function show(net)
  print(string.format("%s (%s): uuid %s, bridge %s, active %d, persistent %d, autostart %d",
    net:name(), classname(net), net:UUIDString(), net:bridgeName(),
    net:isActive(), net:isPersistent(), net:autostart()))
end

local function attempt(what, f, ...)
  local ok, res = pcall(f, ...)
  if not ok then
    print(string.format("%s: error %d in domain %d: %s", what, res:get_error_code(), res:get_error_domain(), res:get_error_message()))
    return nil
  end
  print(string.format("%s: %s", what, tostring(res)))
  return res
end

local function inventory(conn)
  print(string.format("active: [%s] (%d), inactive: [%s] (%d)",
    table.concat(sorted(conn:listNetworks()), ", "), conn:numOfNetworks(),
    table.concat(sorted(conn:listDefinedNetworks()), ", "), conn:numOfDefinedNetworks()))
end

-- LAB with its name, UUID and bridge changed.
local function variant(name, uuid_tail, bridge)
  local xml = LAB:gsub("lab", name):gsub("101", uuid_tail)
  if bridge then xml = xml:gsub("virbr7", bridge) end
  return xml
end

local conn = libvirt.open()
inventory(conn)
print("all: " .. names(conn:listAllNetworks()))
local default = conn:networkLookupByName("default")
show(default)
print(string.format("UUID: %d bytes; lookups by UUID, UUID string: %s, %s",
  #default:UUID(), conn:networkLookupByUUID(default:UUID()):name(),
  conn:networkLookupByUUIDString(default:UUIDString()):name()))
print("connect() is the connection: " .. py_bool(default:connect() == conn))
attempt("networkLookupByName nosuch", conn.networkLookupByName, conn, "nosuch")
attempt("networkLookupByUUIDString bad", conn.networkLookupByUUIDString, conn, "not-a-uuid")

print("")
print("-- define")
local lab = conn:networkDefineXML(LAB)
show(lab)
inventory(conn)
print("-- start")
print(string.format("create: %d", lab:create()))
show(lab)
inventory(conn)
print(string.format("setAutostart: %d", lab:setAutostart(1)))
show(lab)
attempt("DHCPLeases", lab.DHCPLeases, lab)
attempt("DHCPLeases by MAC", lab.DHCPLeases, lab, "52:54:00:00:00:07")
print("-- update")
local host = "<host mac='52:54:00:00:00:07' name='web-7' ip='10.7.0.7'/>"
print(string.format("update: %d", lab:update(libvirt.VIR_NETWORK_UPDATE_COMMAND_ADD_LAST, libvirt.VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
  host, libvirt.VIR_NETWORK_UPDATE_AFFECT_LIVE + libvirt.VIR_NETWORK_UPDATE_AFFECT_CONFIG)))
print(lab:XMLDesc(0))
attempt("XMLDesc(INACTIVE)", lab.XMLDesc, lab, libvirt.VIR_NETWORK_XML_INACTIVE)
attempt("update (delete a missing host)", lab.update, lab, libvirt.VIR_NETWORK_UPDATE_COMMAND_DELETE,
  libvirt.VIR_NETWORK_SECTION_IP_DHCP_HOST, -1, "<host mac='52:54:00:00:00:99'/>", 0)
print("-- ports")
attempt("listAllPorts", lab.listAllPorts, lab)
attempt("portCreateXML", lab.portCreateXML, lab, "<networkport><owner><name>web-7</name><uuid>0f8a1a2b-1111-4c3d-8e5f-000000000007</uuid></owner><mac address='52:54:00:00:00:07'/></networkport>")
attempt("portLookupByUUIDString", lab.portLookupByUUIDString, lab, "0f8a1a2b-3333-4c3d-8e5f-000000000001")
attempt("portLookupByUUID", lab.portLookupByUUID, lab, lab:UUID())
print("-- stop and undefine")
print(string.format("destroy: %d", lab:destroy()))
show(lab)
inventory(conn)
print(string.format("undefine: %d", lab:undefine()))
attempt("isActive after undefine", lab.isActive, lab)
attempt("networkLookupByName lab", conn.networkLookupByName, conn, "lab")
inventory(conn)

print("")
print("-- transient networks")
local tmp = conn:networkCreateXML(variant("tmp", "102", "virbr8"))
show(tmp)
print(string.format("destroy: %d", tmp:destroy()))
attempt("networkLookupByName tmp", conn.networkLookupByName, conn, "tmp")
local tmp2 = conn:networkCreateXMLFlags(variant("tmp2", "103", "virbr9"), 0)
show(tmp2)
local lab2 = conn:networkDefineXMLFlags(variant("lab2", "104"), libvirt.VIR_NETWORK_DEFINE_VALIDATE)
show(lab2)
print("inactive ones: " .. names(conn:listAllNetworks(libvirt.VIR_CONNECT_LIST_NETWORKS_INACTIVE)))
print("persistent ones: " .. names(conn:listAllNetworks(libvirt.VIR_CONNECT_LIST_NETWORKS_PERSISTENT)))
inventory(conn)
