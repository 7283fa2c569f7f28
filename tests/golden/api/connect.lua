-- virConnect's basic questions, lookups and the module's functions, on the
-- fixture; calls the test driver cannot run print libvirt's error.
libvirt.virInitialize()
local conn = libvirt.open()
print(string.format("library version known: %s", libvirt.getVersion() >= 9000000 and "True" or "False"))
print(string.format("hypervisor version: %d", conn:getVersion()))
print(string.format("free memory: %d", conn:getFreeMemory()))
print(string.format("alive %d, encrypted %d, secure %d", conn:isAlive(), conn:isEncrypted(), conn:isSecure()))
print(string.format("defined, not running: %d", conn:numOfDefinedDomains()))
local dom = conn:lookupByUUIDString("0f8a1a2b-1111-4c3d-8e5f-000000000001")
print(string.format("by UUID string: %s (the same object as by name: %s)", dom:name(),
  dom == conn:lookupByName("web-1") and "True" or "False"))

local ok, err = pcall(conn.setKeepAlive, conn, 5, 3)
print(string.format("setKeepAlive: %d %s", err:get_error_code(), err:get_error_message()))
ok, err = pcall(conn.secretEventRegisterAny, conn, nil, libvirt.VIR_SECRET_EVENT_ID_LIFECYCLE, function() end, nil)
print(string.format("secretEventRegisterAny: %d %s", err:get_error_code(), err:get_error_message()))

local cb = conn:nodeDeviceEventRegisterAny(nil, libvirt.VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, function(c, dev, event)
  print(string.format("node device %s: event %d", dev:name(), event))
end, nil)
print(string.format("node device callback %d", cb))
conn:nodeDeviceEventDeregisterAny(cb)
print(string.format("closed: %d", conn:close()))
