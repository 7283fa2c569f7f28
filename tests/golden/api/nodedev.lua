-- virNodeDevice and virConnect's node device methods on tests/fixtures/host.xml:
-- list by capability, look up, inspect the device tree, create and destroy a
-- vHBA. Methods the test driver does not implement are called once through
-- pcall.
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

local function names(devs)
  local out = {}
  for _, d in ipairs(devs) do table.insert(out, d:name()) end
  return sorted(out)
end

local function show_devices(title)
  print(string.format("%s: %s (%d)", title, table.concat(sorted(conn:listDevices(nil)), ", "), conn:numOfDevices(nil)))
end

print("== lists")
show_devices("listDevices(None)")
for _, cap in ipairs({"system", "pci", "net", "scsi_host", "fc_host", "vports"}) do
  print(string.format("listDevices(%s): %s (%d)", cap, table.concat(sorted(conn:listDevices(cap)), ", "), conn:numOfDevices(cap, 0)))
end
try_call("listDevices(pci, 1)", conn, "listDevices", "pci", 1)
try_call("numOfDevices(None, 1)", conn, "numOfDevices", nil, 1)
local all = conn:listAllDevices()
table.sort(all, function(a, b) return a:name() < b:name() end)
for _, dev in ipairs(all) do
  print(string.format("listAllDevices: %s parent %s caps [%s] (%d)", dev:name(), dev:parent() or "None",
    table.concat(dev:listCaps(), ", "), dev:numOfCaps()))
end
print("listAllDevices(PCI_DEV): " .. table.concat(names(conn:listAllDevices(libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV)), ", "))
print("listAllDevices(FC_HOST): " .. table.concat(names(conn:listAllDevices(libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST)), ", "))

print("== lookups")
local nic = conn:nodeDeviceLookupByName("pci_0000_00_19_0")
print((nic:XMLDesc():gsub("%s+$", "")))
print("connect: " .. (nic:connect():getURI() == conn:getURI() and "True" or "False"))
try_call("nodeDeviceLookupByName(nope)", conn, "nodeDeviceLookupByName", "nope")
try_call("nodeDeviceLookupSCSIHostByWWN", conn, "nodeDeviceLookupSCSIHostByWWN", "2000000012341234", "1000000012341234")

print("== vHBA lifecycle")
local xml = [[<device>
  <parent>scsi_host1</parent>
  <capability type='scsi_host'>
    <capability type='fc_host'>
      <wwnn>2000000012341299</wwnn>
      <wwpn>1000000012341299</wwpn>
    </capability>
  </capability>
</device>]]
local vhba = conn:nodeDeviceCreateXML(xml)
print(string.format("nodeDeviceCreateXML: %s parent %s caps [%s]", vhba:name(), vhba:parent(), table.concat(vhba:listCaps(), ", ")))
print((vhba:XMLDesc():gsub("%s+$", "")))
show_devices("created")
vhba:destroy()
show_devices("destroyed")
try_call("destroy again", vhba, "destroy")
try_call("nodeDeviceDefineXML", conn, "nodeDeviceDefineXML", xml)

print("== not in the test driver")
local host1 = conn:nodeDeviceLookupByName("scsi_host1")
try_call("isActive", host1, "isActive")
try_call("isPersistent", host1, "isPersistent")
try_call("autostart", host1, "autostart")
try_call("setAutostart", host1, "setAutostart", 1)
try_call("create", host1, "create")
try_call("undefine", host1, "undefine")
try_call("detachFlags", nic, "detachFlags", "vfio")
try_call("dettach", nic, "dettach")
try_call("reAttach", nic, "reAttach")
try_call("reset", nic, "reset")
