-- virInterface and virConnect's interface methods on tests/fixtures/host.xml:
-- list, look up, inspect, define, start, stop, undefine, and the interface
-- configuration transactions (changeBegin, changeCommit, changeRollback).
local conn = libvirt.open()

local function err_line(name, err)
  return string.format("%s: error %d in domain %d: %s", name, err:get_error_code(), err:get_error_domain(), err:get_error_message())
end

local function try_call(name, obj, method, ...)
  local ok, res = pcall(obj[method], obj, ...)
  if not ok then
    print(err_line(name, res))
    return nil
  end
  return res
end

local function sorted(l)
  table.sort(l)
  return l
end

local function names(objs)
  local out = {}
  for _, o in ipairs(objs) do table.insert(out, o:name()) end
  return sorted(out)
end

local function show_lists(title)
  print(string.format("%s: active [%s] (%d), defined [%s] (%d)", title,
    table.concat(sorted(conn:listInterfaces()), ", "), conn:numOfInterfaces(),
    table.concat(sorted(conn:listDefinedInterfaces()), ", "), conn:numOfDefinedInterfaces()))
end

local function describe(iface)
  return string.format("%s mac %s active %d", iface:name(), iface:MACString(), iface:isActive())
end

print("== lists")
show_lists("start")
local all = conn:listAllInterfaces()
table.sort(all, function(a, b) return a:name() < b:name() end)
for _, iface in ipairs(all) do
  print("listAllInterfaces: " .. describe(iface))
end
print("listAllInterfaces(ACTIVE): " .. table.concat(names(conn:listAllInterfaces(libvirt.VIR_CONNECT_LIST_INTERFACES_ACTIVE)), ", "))
print(string.format("listAllInterfaces(INACTIVE): %d", #conn:listAllInterfaces(libvirt.VIR_CONNECT_LIST_INTERFACES_INACTIVE)))

print("== lookups")
local eth0 = conn:interfaceLookupByName("eth0")
print("interfaceLookupByName: " .. describe(eth0))
print((eth0:XMLDesc():gsub("%s+$", "")))
try_call("XMLDesc(INACTIVE)", eth0, "XMLDesc", libvirt.VIR_INTERFACE_XML_INACTIVE)
print("connect: " .. (eth0:connect():getURI() == conn:getURI() and "True" or "False"))
local eth1 = conn:interfaceLookupByMACString("52:54:00:aa:00:02")
print("interfaceLookupByMACString: " .. describe(eth1))
try_call("interfaceLookupByName(eth9)", conn, "interfaceLookupByName", "eth9")
try_call("interfaceLookupByMACString", conn, "interfaceLookupByMACString", "52:54:00:aa:00:99")

print("== lifecycle")
eth1:destroy()
show_lists("eth1 destroyed")
eth1:create()
show_lists("eth1 created")
try_call("create(1)", eth1, "create", 1)
local xml = "<interface type='ethernet' name='eth2'><start mode='onboot'/><mac address='52:54:00:aa:00:03'/></interface>"
local eth2 = conn:interfaceDefineXML(xml)
print("interfaceDefineXML: " .. describe(eth2))
show_lists("eth2 defined")
eth2:create()
print("create: " .. describe(eth2))
eth2:destroy()
print("destroy: " .. describe(eth2))
eth2:undefine()
show_lists("eth2 undefined")
print("name after undefine: " .. eth2:name())
try_call("undefine again", eth2, "undefine")

print("== transactions")
try_call("changeCommit", conn, "changeCommit")
try_call("changeRollback", conn, "changeRollback")
conn:changeBegin()
try_call("changeBegin again", conn, "changeBegin")
eth0:destroy()
conn:interfaceDefineXML(xml)
show_lists("in transaction")
conn:changeRollback()
show_lists("rolled back")
conn:changeBegin()
conn:interfaceDefineXML(xml)
conn:changeCommit()
show_lists("committed")
